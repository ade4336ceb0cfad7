// Usage: node print-floor.mjs <browser executable> <root dir> <out dir> <file.html>…
// The floor: the least that printing exactly these pages can cost. One browser launched like the project
// launches it (same executable, flags, headless, pipe), two pages taking turns from one queue,
// `setContent` then `pdf`, nothing else. It is a script of its own, so it pays Node's start-up and
// puppeteer's import as `ladders build` does.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch } from 'puppeteer-core';
import { browserFlags } from '../dist/browser.js';

const [executablePath, rootDir, outDir, ...htmlFiles] = process.argv.slice(2);
const browser = await launch({ executablePath, args: [...browserFlags], headless: true, pipe: true });
try {
  const worker = async () => {
    const page = await browser.newPage();
    for (let file = htmlFiles.shift(); file; file = htmlFiles.shift()) {
      await page.setContent(await readFile(file, 'utf8'));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      // Flattened relative path: pages in different folders may share a name (`index.html`).
      await writeFile(path.join(outDir, path.relative(rootDir, file).replaceAll(path.sep, '__') + '.pdf'), pdf);
    }
  };
  await Promise.all([worker(), worker()]);
} finally {
  await browser.close();
}
