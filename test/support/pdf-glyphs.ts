import { readFileSync } from 'node:fs';
import { getResolvedPDFJS } from 'unpdf';
import { openPdf } from './pdf.js';

// pdf.js reads content streams with ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks.
const prototype = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
prototype.transferToFixedLength ??= function (this: ArrayBuffer, length = this.byteLength) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};

/** One run of text a PDF shows, with the font it is set in. */
export interface ShownText {
  page: number;
  /** The font's name without its subset prefix, e.g. `Inter-Bold`. */
  font: string;
  type: string;
  text: string;
  /** The glyphs of the run that the embedded font lacks, drawn as .notdef (an empty box); pdf.js reads them as U+0000. */
  missing: string[];
}

interface Glyph {
  unicode: string;
  originalCharCode: number;
  isInFont: boolean;
}

/** Every run of text in a PDF, read with pdf.js: which font draws it and which of its glyphs the font lacks. */
export async function readShownText(file: string): Promise<ShownText[]> {
  // pdf.js's operator numbers; its types do not resolve either (see ./pdf.ts).
  const { OPS } = (await getResolvedPDFJS()) as { OPS: { setFont: number; showText: number } };
  const pdf = await openPdf(new Uint8Array(readFileSync(file)));
  const shown: ShownText[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const operators = await page.getOperatorList();
    let font = { name: '', type: '' };
    operators.fnArray.forEach((operator, i) => {
      const args = operators.argsArray[i] ?? [];
      if (operator === OPS.setFont) font = page.commonObjs.get(String(args[0])) as { name: string; type: string };
      if (operator !== OPS.showText) return;
      const glyphs = (args[0] as unknown[]).filter((glyph): glyph is Glyph => typeof glyph === 'object' && glyph !== null);
      // An empty form field's appearance sets a font and shows nothing: no glyph, so no font to check.
      if (glyphs.length === 0) return;
      shown.push({
        page: number,
        font: font.name.replace(/^[A-Z]{6}\+/, ''),
        type: font.type,
        text: glyphs.map((glyph) => glyph.unicode).join(''),
        // Chromium writes glyph ids as character codes: 0 is .notdef, the box a missing character becomes.
        // A space needs no glyph, and Chromium leaves it out of the subset.
        missing: glyphs
          .filter((glyph) => glyph.originalCharCode === 0 || (!glyph.isInFont && glyph.unicode.trim() !== ''))
          .map((glyph) => glyph.unicode),
      });
    });
  }
  await pdf.destroy();
  return shown;
}
