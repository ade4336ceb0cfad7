import { createHash } from 'node:crypto';
import type { DocumentInfo } from './document-info.js';
import { linkPdfsRelatively } from './link-pdfs-relatively.js';
import { toPdfTextString } from './pdf-text-string.js';
import { readPdfLayout, writeXref } from './read-pdf-layout.js';
import { renumberStructureIds } from './renumber-structure-ids.js';

/** The document information a handout PDF carries, and what it was made from (its HTML), from which its file identifier is derived. */
export interface PdfMetadata extends DocumentInfo {
  source: string;
}

/**
 * Set a PDF's metadata and make it reproducible. Chromium writes the wall-clock time into the
 * document information and names tagged elements after DOM node numbers, which depend on what the
 * reused tab printed before. The element names are renumbered in place (see renumberStructureIds), the information object is
 * replaced, the file gets an identifier hashed from what it was made from, and the cross-reference
 * table is shifted to match. Links to other PDFs become relative to `pdfPath`, the file's path in the
 * output folder (see linkPdfsRelatively). Everything else, the tagging included, stays byte for byte as printed:
 * editing in place costs a few milliseconds, where parsing and re-saving the whole file cost fifty.
 */
export function stampPdf(bytes: Uint8Array, metadata: PdfMetadata, pdfPath = ''): Uint8Array {
  const printed = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const text = linkPdfsRelatively(renumberStructureIds(printed), pdfPath);
  const layout = readPdfLayout(text);
  const info = layout.objects.get(layout.infoObject);
  if (info === undefined) throw new Error(`The PDF's information object ${layout.infoObject} is not in its cross-reference table`);
  const infoEnd = text.indexOf('endobj', info) + 'endobj'.length;
  const producer = /\/Producer (\([^)]*\))/.exec(text.slice(info, infoEnd))?.[1];
  const newInfo = `${layout.infoObject} 0 obj\n${infoDictionary(metadata, producer)}\nendobj`;
  const shift = newInfo.length - (infoEnd - info);
  const body = text.slice(0, info) + newInfo + text.slice(infoEnd, layout.xrefStart);
  const xref = writeXref(layout, (offset) => (offset > info ? offset + shift : offset));
  const id = fileId(metadata);
  const trailer = layout.trailer.replace(/\/ID\s*\[[^\]]*\]/, '').replace(/>>$/, `\n/ID [${id} ${id}]>>`);
  return Buffer.from(`${body}${xref}${trailer}\nstartxref\n${layout.xrefStart + shift}\n%%EOF\n`, 'latin1');
}

function infoDictionary(metadata: PdfMetadata, producer: string | undefined): string {
  const entries: [string, string][] = [
    ['Title', toPdfTextString(metadata.title)],
    ['Subject', toPdfTextString(metadata.subject)],
    ['Keywords', toPdfTextString(metadata.keywords.join(' '))],
  ];
  if (metadata.author) entries.push(['Author', toPdfTextString(metadata.author)]);
  entries.push(['Creator', toPdfTextString(metadata.creator)]);
  if (producer) entries.push(['Producer', producer]);
  if (metadata.date) entries.push(['CreationDate', pdfDate(metadata.date)], ['ModDate', pdfDate(metadata.date)]);
  return `<<${entries.map(([key, value]) => `/${key} ${value}`).join('\n')}>>`;
}

/** `(D:20251201000000Z)`, in UTC. */
function pdfDate(date: Date): string {
  return `(D:${date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:T]/g, '')})`;
}

function fileId({ source, ...described }: PdfMetadata): string {
  return `<${createHash('sha256').update(source).update(JSON.stringify(described)).digest('hex').slice(0, 32)}>`;
}
