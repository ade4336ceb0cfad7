import { chooseFontFaces } from './choose-font-faces.js';
import { distinctCodePoints } from './distinct-code-points.js';
import { readFontFile } from './font-set.js';

/** The family every template sets its text in: the shipped faces, joined into one. */
export const pageFontFamily = 'Ladders Sans';

/**
 * Add to an HTML page the `@font-face` rules for the fonts its text needs, each inlined and given
 * exactly the characters it draws there, so a page carries only the slices it uses and no system
 * font is ever asked for a character.
 */
export function addFontFaces(html: string, locale: string): string {
  // A template without a head is a fragment by its author's choice, left as written.
  const head = html.indexOf('</head>');
  if (head < 0) return html;
  const { faces } = chooseFontFaces(codePointsOf(html), locale);
  // One rule a weight, even for a file that stands for two (a family with one weight): faces of one
  // family are matched by identical descriptors, so a `400 700` range would hide the others' 700.
  const rules = faces.flatMap(({ face, weights, codePoints }) => {
    const data = readFontFile(face.file).toString('base64');
    const range = toUnicodeRange(codePoints);
    return weights.map(
      (weight) =>
        `@font-face{font-family:'${pageFontFamily}';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`,
    );
  });
  return `${html.slice(0, head)}<style>\n${rules.join('\n')}\n</style>\n${html.slice(head)}`;
}

/** Every character a page can show: its text, and the characters its entities and CSS escapes stand for. */
export function codePointsOf(html: string): Set<number> {
  const found = distinctCodePoints(html);
  // `text-transform` can show a letter in the other case, which the browser then looks up in these faces too.
  // Each character's cases once, not once for every time it occurs: a page repeats a few dozen characters thousands of times.
  for (const codePoint of [...found]) {
    const character = String.fromCodePoint(codePoint);
    for (const other of [character.toUpperCase(), character.toLowerCase()]) for (const cased of other) found.add(cased.codePointAt(0)!);
  }
  for (const [, decimal, hex] of html.matchAll(/&#(?:(\d+)|x([0-9a-f]+));/gi)) found.add(Number.parseInt(decimal ?? hex!, decimal ? 10 : 16));
  for (const [, hex] of html.matchAll(/\\([0-9a-f]{1,6})/gi)) found.add(Number.parseInt(hex!, 16));
  return found;
}

/** Sorted code points as a compact `unicode-range`: `U+41-5A,U+E9`. */
export function toUnicodeRange(codePoints: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    let j = i;
    while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j]! + 1) j++;
    const start = codePoints[i]!.toString(16).toUpperCase();
    parts.push(j === i ? `U+${start}` : `U+${start}-${codePoints[j]!.toString(16).toUpperCase()}`);
    i = j + 1;
  }
  return parts.join(',');
}
