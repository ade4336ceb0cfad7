import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

/** A PDF file as a reader sees it: its text (pages joined), its document information, page count and first page's size in points. */
export async function readPdf(file: string) {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  const { info } = await getMeta(pdf);
  const firstPage = await pdf.getPage(1);
  return { pdf, text, info: info as Record<string, unknown>, pages: pdf.numPages, size: firstPage.view.slice(2).map(Math.round) };
}
