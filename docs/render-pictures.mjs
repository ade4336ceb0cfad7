// Usage: npm run pictures
// Renders the README's pictures from real builds of the shipped ladders: the EM6 handout, its review
// worksheet, the EM5 → EM6 comparison and a copy stamped for an offer letter. Each picture is the first
// page of the PDF the command prints, on A4, drawn by MuPDF (WebAssembly, from the npm registry) as the
// picture tests draw their pages, so the README shows what a reader gets on paper.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// 96 dpi: an A4 page is 794 pixels wide, readable in the README at its natural size.
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
} finally {
  rmSync(work, { recursive: true, force: true });
}
