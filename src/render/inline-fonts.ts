import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Inter ships through npm, so every machine sets the handouts in the same typeface. Latin and
// Latin Extended cover the names organisations write; the browser loads a range only when used.
const faces = [
  {
    file: 'inter-latin-ext-wght-normal.woff2',
    range:
      'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  },
  {
    file: 'inter-latin-wght-normal.woff2',
    range:
      'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  },
];

let cached: Promise<string> | undefined;

/** `@font-face` rules for the handout typeface with the fonts inlined as data URLs (read once per process). */
export function inlineFonts(): Promise<string> {
  cached ??= Promise.all(
    faces.map(async ({ file, range }) => {
      const data = await readFile(require.resolve(`@fontsource-variable/inter/files/${file}`));
      return `@font-face{font-family:'Inter';font-style:normal;font-display:block;font-weight:100 900;src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');unicode-range:${range};}`;
    }),
  ).then((rules) => rules.join('\n'));
  return cached;
}
