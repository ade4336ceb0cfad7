import { UnexpectedPdfError, writeXref, type PdfLayout, type XrefEntry } from './read-pdf-layout.js';

/**
 * An incremental update to append to a PDF of `length` bytes laid out as `layout`: each object of
 * `objects` (number → body, new or replacing an old one), a cross-reference section listing just
 * those, and a trailer that points back to the old table (`/Prev`) and keeps its root, information
 * and identifier. The printed bytes stay as they are; a reader takes the newest version of each object.
 */
export function writePdfUpdate(length: number, layout: PdfLayout, objects: ReadonlyMap<number, string>): string {
  const size = Number(/\/Size\s+(\d+)/.exec(layout.trailer)?.[1]);
  if (!Number.isInteger(size)) throw new UnexpectedPdfError('its trailer has no `/Size`');
  const kept = ['Root', 'Info', 'ID'].map((key) => {
    const entry = new RegExp(String.raw`/${key}\s*(\d+\s+\d+\s+R|\[[^\]]*\])`).exec(layout.trailer);
    if (!entry && key !== 'ID') throw new UnexpectedPdfError(`its trailer has no \`/${key}\``);
    return entry ? `/${key} ${entry[1]}` : '';
  });
  // The update starts on a line of its own, after the `%%EOF` of the printed revision.
  let body = '\n';
  const entries: XrefEntry[] = [{ objectNumber: 0, offset: 0, generation: 65535, inUse: false }];
  const numbers = [...objects.keys()].sort((a, b) => a - b);
  for (const number of numbers) {
    entries.push({ objectNumber: number, offset: length + body.length, generation: 0, inUse: true });
    body += `${number} 0 obj\n${objects.get(number)}\nendobj\n`;
  }
  // Subsections of consecutive numbers, as the table is written.
  const sections: PdfLayout['sections'] = [];
  for (const entry of entries) {
    const last = sections.at(-1);
    if (last && last.first + last.entries.length === entry.objectNumber) last.entries.push(entry);
    else sections.push({ first: entry.objectNumber, entries: [entry] });
  }
  const newSize = Math.max(size, ...numbers.map((number) => number + 1));
  const trailer = `trailer\n<</Size ${newSize}\n${kept.filter(Boolean).join('\n')}\n/Prev ${layout.xrefStart}>>`;
  return `${body}${writeXref({ sections }, (offset) => offset)}${trailer}\nstartxref\n${length + body.length}\n%%EOF\n`;
}
