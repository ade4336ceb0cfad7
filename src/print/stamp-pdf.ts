import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { renumberStructureIds } from './renumber-structure-ids.js';

/** The document information a handout PDF carries. */
export interface PdfMetadata {
  title: string;
  subject: string;
  keywords: string[];
  /** The organisation, when one is configured. */
  author: string | null;
  creator: string;
  /** From SOURCE_DATE_EPOCH; null leaves dates out, so builds stay byte-identical. */
  date: Date | null;
  /** What the PDF was made from (its HTML); the file identifier is derived from it. */
  source: string;
}

/**
 * Set a PDF's metadata and make it reproducible: Chromium stamps the wall-clock time and a
 * random file identifier into every PDF, so the dates are replaced (or removed) and the
 * identifier becomes a hash of what the document was made from. The document's structure tree (its tagging) is
 * kept: pdf-lib rewrites the objects but leaves the catalog's entries as they are.
 */
export async function stampPdf(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  // pdf-lib yields to the event loop every few objects by default, which more than doubles its time.
  const document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  document.setCreator(metadata.creator);
  if (metadata.author) document.setAuthor(metadata.author);
  const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
  if (metadata.date) {
    document.setCreationDate(metadata.date);
    document.setModificationDate(metadata.date);
  } else {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  const { source, ...described } = metadata;
  const id = PDFHexString.of(createHash('sha256').update(source).update(JSON.stringify(described)).digest('hex').slice(0, 32));
  document.context.trailerInfo.ID = document.context.obj([id, id]);
  renumberStructureIds(document);
  return document.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
