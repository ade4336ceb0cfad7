/** The document information a PDF carries (its file identifier is derived when it is stamped). */
export interface DocumentInfo {
  title: string;
  subject: string;
  keywords: string[];
  /** The organisation, when one is configured. */
  author: string | null;
  creator: string;
  /** From SOURCE_DATE_EPOCH; null leaves dates out, so builds stay byte-identical. */
  date: Date | null;
}
