/** One entry of a cross-reference table: where an object starts, or a free slot. */
export interface XrefEntry {
  objectNumber: number;
  offset: number;
  generation: number;
  inUse: boolean;
}

/** What editing a PDF in place needs of it: its cross-reference table and its trailer. */
export interface PdfLayout {
  /** Where `xref` starts; the objects end here. */
  xrefStart: number;
  /** Subsections as written, in order. */
  sections: { first: number; entries: XrefEntry[] }[];
  /** Object number → offset, for the objects in use. */
  objects: Map<number, number>;
  /** The trailer, from `trailer` to its dictionary's `>>`. */
  trailer: string;
  /** The object number of the document information dictionary. */
  infoObject: number;
}

/**
 * Read a PDF written the way Chromium's Skia writes them: one revision, a classic `xref` table and a
 * `trailer`, no cross-reference streams. Anything else is refused with what was not found, rather than
 * edited wrongly.
 */
export function readPdfLayout(text: string): PdfLayout {
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!end) throw new UnexpectedPdfError('it does not end in `startxref` and `%%EOF`');
  const xrefStart = Number(end[1]);
  if (!text.startsWith('xref', xrefStart)) throw new UnexpectedPdfError('it has no classic cross-reference table (`xref`)');
  const sections: PdfLayout['sections'] = [];
  const objects = new Map<number, number>();
  const header = /(\d+) (\d+)\r?\n/y;
  header.lastIndex = text.indexOf('\n', xrefStart) + 1;
  let at = header.lastIndex;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const [first, count] = [Number(match[1]), Number(match[2])];
    const entries: XrefEntry[] = [];
    for (let index = 0; index < count; index++) {
      const line = /^(\d{10}) (\d{5}) ([nf])[ \r\n]{2}$/.exec(
        text.slice(header.lastIndex + index * 20, header.lastIndex + (index + 1) * 20),
      );
      if (!line)
        throw new UnexpectedPdfError(`entry ${first + index} of its cross-reference table is not 20 bytes of \`offset generation n|f\``);
      const entry = { objectNumber: first + index, offset: Number(line[1]), generation: Number(line[2]), inUse: line[3] === 'n' };
      entries.push(entry);
      if (entry.inUse) objects.set(entry.objectNumber, entry.offset);
    }
    sections.push({ first, entries });
    header.lastIndex += count * 20;
    at = header.lastIndex;
  }
  const trailerEnd = text.lastIndexOf('startxref');
  const trailer = text.slice(at, trailerEnd).trim();
  if (!trailer.startsWith('trailer')) throw new UnexpectedPdfError('no `trailer` follows its cross-reference table');
  if (/\/Prev\s/.test(trailer)) throw new UnexpectedPdfError('it has more than one revision');
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  if (!info) throw new UnexpectedPdfError('its trailer names no document information dictionary');
  return { xrefStart, sections, objects, trailer, infoObject: Number(info[1]) };
}

/** The cross-reference table again, with each object's offset passed through `moved`. */
export function writeXref(layout: Pick<PdfLayout, 'sections'>, moved: (offset: number) => number): string {
  const lines = ['xref'];
  for (const { first, entries } of layout.sections) {
    lines.push(`${first} ${entries.length}`);
    for (const entry of entries) {
      const offset = entry.inUse ? moved(entry.offset) : entry.offset;
      lines.push(`${String(offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} ${entry.inUse ? 'n' : 'f'} `);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A PDF laid out in a way this tool does not edit; the browser that printed it is not one it knows. */
export class UnexpectedPdfError extends Error {
  constructor(reason: string) {
    super(`The browser wrote a PDF this tool cannot stamp: ${reason}`);
  }
}
