import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch } from 'puppeteer-core';

/**
 * Print `htmlFiles` to PDFs in `outDir` the cheapest way there is: one browser, two pages taking turns
 * from one queue, `setContent` then `pdf`, nothing else. Returns the milliseconds from launch to close.
 * Launched like the project launches (same executable, flags, headless, pipe), so only the work differs.
 */
export async function printFloor({ executablePath, args, htmlFiles, rootDir, outDir, pages = 2 }) {
  const started = performance.now();
  const browser = await launch({ executablePath, args, headless: true, pipe: true });
  try {
    const queue = [...htmlFiles];
    const worker = async () => {
      const page = await browser.newPage();
      for (let file = queue.shift(); file; file = queue.shift()) {
        await page.setContent(await readFile(file, 'utf8'));
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        // Flattened relative path: pages in different folders may share a name (`index.html`).
        await writeFile(path.join(outDir, path.relative(rootDir, file).replaceAll(path.sep, '__') + '.pdf'), pdf);
      }
    };
    await Promise.all(Array.from({ length: pages }, worker));
  } finally {
    await browser.close();
  }
  return performance.now() - started;
}
