// Usage: npm run pictures
// Renders the documentation's pictures from real builds of the shipped ladders: the EM6 handout, its review
// worksheet, the EM5 → EM6 comparison and a copy stamped for an offer letter. Each picture is the first
// page of the PDF the command prints, on A4, drawn by MuPDF (WebAssembly, from the npm registry) as the
// picture tests draw their pages, so the documentation shows what a reader gets on paper. Last, the preview's
// overlay: `ladders serve` on a copy of the shipped ladders, a keyword misspelt, the page as a browser shows it.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mupdf from 'mupdf';

const root = fileURLToPath(new URL('..', import.meta.url));
const pictures = path.join(root, 'docs', 'pictures');
const work = mkdtempSync(path.join(tmpdir(), 'ladders-pictures-'));
const ladders = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args, '--format', 'pdf', '--paper', 'a4'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'], // what the commands report, without the comparison's text
  });
// 96 dpi: an A4 page is 794 pixels wide, readable in the documentation at its natural size.
const dpi = 96;

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
    'handout-em6.png': 'out/engineering-manager/em6.pdf',
    'review-em6.png': 'out/engineering-manager/em6-review.pdf',
    'compare-em5-em6.png': 'compare/em5-vs-em6.pdf',
    'offer-em6.png': 'offer/engineering-manager/em6.pdf',
  };
  for (const [picture, pdf] of Object.entries(shots)) {
    const document = mupdf.Document.openDocument(readFileSync(path.join(work, pdf)), 'application/pdf');
    const pixmap = document.loadPage(0).toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
    writeFileSync(path.join(pictures, picture), pixmap.asPNG());
    console.log(`docs/pictures/${picture}`);
  }
  await pictureOverlay(path.join(work, 'serve'));
  console.log('docs/pictures/serve-overlay.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Serve a copy of the shipped ladders, misspell a keyword of EM6 and take the page with the overlay over it. */
async function pictureOverlay(folder) {
  const { findBrowser, browserFlags } = await import('../dist/browser.js');
  const { launch } = await import('puppeteer-core');
  cpSync(path.join(root, 'ladders'), path.join(folder, 'ladders'), { recursive: true });
  const { executablePath } = await findBrowser({});
  const server = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'serve', '--port', '0'], {
    cwd: folder,
    env: { ...process.env, LADDERS_BROWSER: executablePath },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = once(server, 'exit');
  const browser = await launch({ executablePath, headless: true, args: [...browserFlags] });
  try {
    const url = await new Promise((resolve, reject) => {
      let stdout = '';
      server.stdout.on('data', (chunk) => {
        stdout += chunk;
        const found = /at (http:\/\/\S+\/)/.exec(stdout);
        if (found) resolve(found[1]);
      });
      exited.then(() => reject(new Error('ladders serve exited before listening')));
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 560 });
    await page.goto(`${url}engineering-manager/em6.html`);
    const role = path.join(folder, 'ladders', 'engineering-manager.md');
    writeFileSync(role, readFileSync(role, 'utf8').replace('**Evangelizes**', '**Evangelises**'));
    await page.waitForSelector('#ladders-problems', { timeout: 30_000 });
    await page.screenshot({ path: path.join(pictures, 'serve-overlay.png') });
  } finally {
    await browser.close();
    server.kill('SIGINT');
    await exited;
  }
}
