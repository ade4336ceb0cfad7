// Copies the typefaces the templates use out of installed @fontsource packages into fonts/, with
// fonts/fonts.json saying which file holds which characters. Only the weights the templates ask
// for are copied, in WOFF2, so the package does not carry nine weights in two formats of every
// CJK face (about 280 MB installed as npm dependencies, against about 30 MB here).
//
// Usage: npm install --prefix DIR <the packages below at their versions>, then
//        node scripts/vendor-fonts.mjs DIR/node_modules
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// In the order a character is looked for: the text face, the other scripts, CJK, then symbols. CJK
// before symbols because a CJK slice with the arrows is a few kilobytes where the symbol faces' one
// slice is seventy: a Latin page with an arrow stays small.
// CJK faces are reordered by locale at render time (the same code point is drawn differently in each).
const families = [
  { name: 'Inter', package: '@fontsource/inter', weights: [400, 700] },
  { name: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic', weights: [400, 700], subsets: ['arabic'] },
  { name: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew', weights: [400, 700], subsets: ['hebrew'] },
  { name: 'Noto Sans JP', package: '@fontsource/noto-sans-jp', weights: [400, 700] },
  { name: 'Noto Sans KR', package: '@fontsource/noto-sans-kr', weights: [400, 700] },
  { name: 'Noto Sans SC', package: '@fontsource/noto-sans-sc', weights: [400, 700] },
  { name: 'Noto Sans TC', package: '@fontsource/noto-sans-tc', weights: [400, 700] },
  { name: 'Noto Sans Symbols', package: '@fontsource/noto-sans-symbols', weights: [400, 700], subsets: ['symbols'] },
  { name: 'Noto Sans Symbols 2', package: '@fontsource/noto-sans-symbols-2', weights: [400], subsets: ['symbols', 'math'] },
];
// A plain (WOFF 1) face that the browser's own font configuration lists, unpacked to TrueType at launch.
const fallback = { package: '@fontsource/inter', file: 'inter-latin-400-normal.woff' };

const from = process.argv[2];
if (!from) throw new Error('usage: node scripts/vendor-fonts.mjs DIR/node_modules');
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'fonts');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const manifest = { families: [], fallback: '' };
for (const family of families) {
  const source = path.join(from, family.package);
  const { version, license } = JSON.parse(await readFile(path.join(source, 'package.json'), 'utf8'));
  const folder = path.basename(family.package);
  await mkdir(path.join(out, folder), { recursive: true });
  await copyFile(path.join(source, 'LICENSE'), path.join(out, folder, 'LICENSE'));
  const faces = [];
  for (const weight of family.weights) {
    const css = await readFile(path.join(source, `${weight}.css`), 'utf8');
    for (const [, comment, body] of css.matchAll(/\/\* (\S+) \*\/\s*@font-face\s*\{([^}]*)\}/g)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1].trim();
      if (!file || !range) throw new Error(`cannot read the face ${comment} in ${family.package}/${weight}.css`);
      if (family.subsets && !family.subsets.some((subset) => comment === `${folder}-${subset}-${weight}-normal`)) continue;
      await copyFile(path.join(source, 'files', file), path.join(out, folder, file));
      faces.push({ file: `${folder}/${file}`, weight, range });
    }
  }
  manifest.families.push({ name: family.name, package: `${family.package}@${version}`, license, faces });
}
const fallbackFolder = path.basename(fallback.package);
await copyFile(path.join(from, fallback.package, 'files', fallback.file), path.join(out, fallbackFolder, fallback.file));
manifest.fallback = `${fallbackFolder}/${fallback.file}`;
await writeFile(path.join(out, 'fonts.json'), JSON.stringify(manifest, null, 1) + '\n');
