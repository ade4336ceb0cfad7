// Usage: node print-with-md-to-pdf.mjs <browser executable> <out dir> <file.md>…
// Converts each file with md-to-pdf's Node API, one call after another, as a script using the API would.
// `mdToPdf` starts its own HTTP server and browser on every call and closes both before returning: its
// config has no way to pass in a running browser, so 18 files cost 18 browser launches.
import path from 'node:path';
import { mdToPdf } from 'md-to-pdf';
import { browserFlags } from '../dist/browser.js';

const [executablePath, outDir, ...files] = process.argv.slice(2);
// Fair to md-to-pdf: the project's executable, flags, headless mode and pipe transport.
const launch_options = { executablePath, args: [...browserFlags], headless: true, pipe: true };
for (const file of files) {
  await mdToPdf({ path: file }, { dest: path.join(outDir, path.basename(file, '.md') + '.pdf'), launch_options });
}
