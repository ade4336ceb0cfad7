// Usage: npm run pictures
// Renders the README's pictures from real builds of the shipped ladders: the EM6 handout, its review
// worksheet, the EM5 → EM6 comparison and a copy stamped for an offer letter. Each picture is the
// first page of the HTML that the PDF is printed from, laid out for print at A4 width by the same
// browser, with the page margin the PDF has.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, launchBrowser, lockDownPage } from '../dist/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pictures = path.join(root, 'docs', 'pictures');
const work = mkdtempSync(path.join(tmpdir(), 'ladders-pictures-'));
const ladders = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args, '--format', 'html'], { cwd: root, stdio: 'inherit' });

try {
  ladders('build', '--only', 'EM6', '--out', path.join(work, 'out'));
  ladders('compare', 'EM5', 'EM6', '--out', path.join(work, 'compare'));
  ladders(
    'build',
    '--only',
    'EM6',
    '--variant',
    'handout',
    '--for',
    'A. Candidate',
    '--date',
    '2026-12-01',
    '--out',
    path.join(work, 'offer'),
  );
  const shots = {
    'handout-em6.png': 'out/engineering-manager/em6.html',
    'review-em6.png': 'out/engineering-manager/em6-review.html',
    'compare-em5-em6.png': 'compare/em5-vs-em6.html',
    'offer-em6.png': 'offer/engineering-manager/em6.html',
  };
  const browser = await launchBrowser(await findBrowser({}));
  try {
    const page = await browser.newPage();
    await lockDownPage(page);
    // A4 at 96 dpi, the 12 mm margin of the printed page drawn as padding.
    await page.setViewport({ width: 794, height: 1123, deviceScaleFactor: 1 });
    await page.emulateMediaType('print');
    for (const [picture, html] of Object.entries(shots)) {
      await page.setContent(readFileSync(path.join(work, html), 'utf8'), { waitUntil: 'load' });
      await page.addStyleTag({ content: 'html { background: #fff; } body { margin: 0; padding: 12mm 14mm; }' });
      await page.evaluate('document.fonts.ready'); // runs in the page, where `document` is
      await page.screenshot({ path: path.join(pictures, picture), clip: { x: 0, y: 0, width: 794, height: 1123 } });
      console.log(`docs/pictures/${picture}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
