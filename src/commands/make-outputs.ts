import type { PlannedOutput } from '../plan/plan-outputs.js';
import { printPdfs } from '../print/print-pdfs.js';
import type { StartingBrowser } from '../print/start-browser.js';
import type { Templates } from '../render/load-templates.js';
import { renderOutput, renderPdfPage, type PdfPage } from '../render/render-output.js';

/** How to make outputs, and where each finished one goes. */
export interface MakeOptions {
  templates: Templates;
  /** The browser to print with, started by the caller, who also closes it; needed when there are PDFs. */
  browser: StartingBrowser | null;
  /** Pages printing at once; one per CPU by default. */
  concurrency?: number;
  signal?: AbortSignal | undefined;
  /** Take a finished output (write it, or keep it): text outputs one at a time in order, PDFs as they are printed. */
  onMade: (output: PlannedOutput, content: string | Uint8Array) => Promise<void>;
}

/**
 * The runner `build` and `compare` share: render the text outputs and print the PDFs side by side,
 * handing each finished one to `onMade`. Each text output is rendered only when the one before it was
 * taken, and each PDF's HTML only when a tab is free, so a large ladder never sits in memory whole.
 * Fails with the first failure (a `RenderFailure` for anything rendering or printing could not do).
 */
export async function makeOutputs(outputs: readonly PlannedOutput[], options: MakeOptions): Promise<void> {
  const pdfs = outputs.filter((output) => output.kind === 'pdf');
  const [text, printed] = await Promise.allSettled([
    makeText(outputs, options),
    pdfs.length > 0 ? printAll(pdfs, options) : Promise.resolve(),
  ]);
  options.signal?.throwIfAborted();
  if (text.status === 'rejected') throw text.reason;
  if (printed.status === 'rejected') throw printed.reason;
}

async function makeText(outputs: readonly PlannedOutput[], options: MakeOptions): Promise<void> {
  for (const output of outputs) {
    if (output.kind === 'pdf') continue;
    options.signal?.throwIfAborted();
    await options.onMade(output, renderOutput(options.templates, output));
  }
}

async function printAll(pdfs: (PlannedOutput & { kind: 'pdf' })[], options: MakeOptions): Promise<void> {
  const { browser } = options;
  if (!browser) throw new Error('PDFs to print, but no browser was started for them');
  const planned = new Map(pdfs.map((output) => [output.path, output]));
  await printPdfs(renderEach(pdfs, options.templates), {
    browser: await browser.choice,
    launched: browser,
    concurrency: options.concurrency,
    signal: options.signal,
    onPdf: (page, pdf) => {
      const output = planned.get(page.path);
      if (!output) throw new Error(`Printed ${page.path}, which was not planned`);
      return options.onMade(output, pdf);
    },
  });
}

function* renderEach(pdfs: readonly (PlannedOutput & { kind: 'pdf' })[], templates: Templates): Generator<PdfPage> {
  for (const output of pdfs) yield renderPdfPage(templates, output);
}
