import { hasGlyph, loadFontSet, type FontFace } from './font-set.js';
import { orderFamilies } from './family-order.js';

/**
 * The weights the templates set text in. Every family has both, because the browser matches a weight
 * among faces with the same descriptors only: a family short of one would lose those characters to it.
 */
export const textWeights: readonly number[] = [400, 700];

/** A font file a page needs, the weights it stands for, and the characters it draws there. */
export interface ChosenFace {
  face: FontFace;
  weights: number[];
  codePoints: number[];
}

/** What the shipped fonts make of a page's characters: the faces to inline, and the characters none of them draws. */
export interface FontChoice {
  faces: ChosenFace[];
  missing: number[];
}

const chosen = new Map<string, FontFace | null>();

/**
 * Assign each character of `codePoints` to the first family (in the order for `locale`) whose font
 * draws it, at each text weight, so that every face is given exactly the characters it is used for.
 */
export function chooseFontFaces(codePoints: Iterable<number>, locale: string): FontChoice {
  const fonts = loadFontSet();
  const order = orderFamilies(fonts, locale);
  const byFile = new Map<string, ChosenFace>();
  const missing: number[] = [];
  for (const codePoint of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (isInvisibleControl(codePoint)) continue;
    for (const weight of textWeights) {
      const face = chooseFace(fonts.faces, order, codePoint, weight);
      if (!face) {
        if (weight === textWeights[0]) missing.push(codePoint);
        continue;
      }
      let entry = byFile.get(face.file);
      if (!entry) byFile.set(face.file, (entry = { face, weights: [], codePoints: [] }));
      if (!entry.weights.includes(weight)) entry.weights.push(weight);
      if (entry.codePoints.at(-1) !== codePoint) entry.codePoints.push(codePoint);
    }
  }
  // The manifest's order, so the same page always lists its faces the same way.
  const files = fonts.faces.map((face) => face.file);
  const faces = [...byFile.values()].sort((a, b) => files.indexOf(a.face.file) - files.indexOf(b.face.file));
  return { faces, missing };
}

function chooseFace(faces: readonly FontFace[], order: readonly string[], codePoint: number, weight: number): FontFace | undefined {
  const key = `${order.join(',')}|${codePoint}|${weight}`;
  if (chosen.has(key)) return chosen.get(key) ?? undefined;
  let found: FontFace | undefined;
  for (const family of order) {
    const drawing = faces.filter((face) => face.family === family && hasGlyph(face, codePoint));
    if (drawing.length === 0) continue;
    // The nearest weight the family has; between two as near, the heavier, as browsers do for bold.
    found = drawing.reduce((best, face) => {
      const distance = Math.abs(face.weight - weight) - Math.abs(best.weight - weight);
      return distance < 0 || (distance === 0 && face.weight > best.weight) ? face : best;
    });
    break;
  }
  chosen.set(key, found ?? null);
  return found;
}

/** Line breaks, tabs and other controls take no glyph. */
function isInvisibleControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}
