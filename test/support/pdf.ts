import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

// unpdf's declarations import PDF.js's types by relative paths without an extension
// (`./types/src/display/api`), which TypeScript's NodeNext resolution does not follow from an ES
// module, so its document type arrives unresolved, as `any`. The calls the tests make are typed
// here, once, and every test reads PDFs through these.

/** What the tests read of a PDF document. */
export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  getMarkInfo(): Promise<{ Marked: boolean } | null>;
  getOutline(): Promise<PdfOutlineItem[] | null>;
  /** A named destination: `[page reference, { name: 'XYZ' }, x, y, zoom]`. */
  getDestination(name: string): Promise<unknown[] | null>;
  /** The index (from 0) of the page a destination's reference names. */
  getPageIndex(reference: unknown): Promise<number>;
  destroy(): Promise<void>;
}

/** A bookmark, with the bookmarks nested under it. */
export interface PdfOutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: PdfOutlineItem[];
}

/** What the tests read of one page: its size, and the drawing operators with their arguments. */
export interface PdfPage {
  /** `[x0, y0, x1, y1]` in points. */
  view: number[];
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  /** The page's text runs, each with its transform `[a, b, c, d, x, y]` in points. */
  getTextContent(): Promise<{ items: unknown[] }>;
  /** The page's annotations; a link's `dest` is a named destination or an explicit one. */
  getAnnotations(): Promise<{ subtype: string; rect: number[]; dest?: string | unknown[] }[]>;
  /** Objects the operators name, such as fonts. */
  commonObjs: { get(id: string): unknown };
}

/** Open a PDF from its bytes. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return (await getDocumentProxy(bytes)) as PdfDocument;
}

/** The text of every page, joined. */
export async function readPdfText(pdf: PdfDocument): Promise<string> {
  return (await extractText(pdf, { mergePages: true })).text;
}

/** The document information: `Title`, `Subject`, `Keywords`, `Author`, `Creator`, the dates. */
export async function readPdfInfo(pdf: PdfDocument): Promise<Record<string, unknown>> {
  const { info } = (await getMeta(pdf)) as { info: Record<string, unknown> };
  return info;
}

/** A PDF file as a reader sees it: its text (pages joined), its document information, page count and first page's size in points. */
export async function readPdf(file: string) {
  const pdf = await openPdf(new Uint8Array(readFileSync(file)));
  const firstPage = await pdf.getPage(1);
  return {
    pdf,
    text: await readPdfText(pdf),
    info: await readPdfInfo(pdf),
    pages: pdf.numPages,
    size: firstPage.view.slice(2).map(Math.round),
  };
}
