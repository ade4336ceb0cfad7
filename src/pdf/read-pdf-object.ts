import { UnexpectedPdfError, type PdfLayout } from './read-pdf-layout.js';

/**
 * The body of object `number` (what lies between `obj` and `endobj`, trimmed), where the
 * cross-reference table places it; for dictionaries and arrays, not streams, whose data may hold
 * anything. An object the table does not list, or that is not where it says, is refused.
 */
export function readPdfObject(text: string, layout: PdfLayout, number: number): string {
  const offset = layout.objects.get(number);
  const header = `${number} 0 obj`;
  if (offset === undefined || !text.startsWith(header, offset))
    throw new UnexpectedPdfError(`its object ${number} is not where its cross-reference table says`);
  const end = text.indexOf('endobj', offset);
  if (end === -1) throw new UnexpectedPdfError(`its object ${number} has no \`endobj\``);
  return text.slice(offset + header.length, end).trim();
}
