import { contentsAnchors } from '../book/number-contents.js';
import { readPartPages } from '../pdf/read-part-pages.js';
import { settleBookPages, type BookPrint } from '../book/settle-book-pages.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { printPdfs } from '../print/print-pdfs.js';
import type { StartingBrowser } from '../browser/start-browser.js';
import type { Templates } from '../render/load-templates.js';
import { renderBookPage, renderOutput, renderPdfPage, type PdfPage } from '../render/render-output.js';

/** How to make outputs, and where each finished one goes. */
export interface MakeOptions {
  templates: Templates;
  /** The browser to print with, started by the caller, who also closes it; needed when there are PDFs. */
  browser: StartingBrowser | null;
  /** Pages printing at once; one per CPU by default. */
  concurrency?: number;
  signal?: AbortSignal | undefined;
  /** Text outputs already rendered (see `renderTextAhead`), taken out as they are handed on instead of rendered again. */
  rendered?: Map<PlannedOutput, string>;
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
  const pdfs = outputs.filter((output) => output.kind === 'pdf' || output.kind === 'book');
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
    if (output.kind === 'pdf' || output.kind === 'book') continue;
    options.signal?.throwIfAborted();
    const rendered = options.rendered?.get(output);
    options.rendered?.delete(output);
    await options.onMade(output, rendered ?? renderOutput(options.templates, output));
  }
}

type Printed = PlannedOutput & { kind: 'pdf' | 'book' };

async function printAll(pdfs: Printed[], options: MakeOptions): Promise<void> {
  const { browser } = options;
  if (!browser) throw new Error('PDFs to print, but no browser was started for them');
  const planned = new Map(pdfs.map((output) => [output.path, output]));
  // A book is printed until its contents show the pages its parts start on: each print's numbers feed the next.
  const books = new Map<string, BookPrint>();
  await printPdfs(renderEach(pdfs, options.templates, books), {
    browser: await browser.choice,
    launched: browser,
    concurrency: options.concurrency,
    signal: options.signal,
    onPdf: async (page, pdf) => {
      const output = planned.get(page.path);
      if (!output) throw new Error(`Printed ${page.path}, which was not planned`);
      const book = books.get(page.path);
      if (output.kind === 'book' && book) {
        const pages = settleBookPages(book, readPartPages(pdf));
        if (pages !== 'done') {
          books.set(page.path, { ...book, shown: pages, print: book.print + 1 });
          return renderBookPage(options.templates, output, pages);
        }
        books.delete(page.path);
      }
      await options.onMade(output, pdf);
    },
  });
}

function* renderEach(pdfs: readonly Printed[], templates: Templates, books: Map<string, BookPrint>): Generator<PdfPage> {
  for (const output of pdfs) {
    if (output.kind === 'pdf') {
      yield renderPdfPage(templates, output);
      continue;
    }
    books.set(output.path, { path: output.path, anchors: contentsAnchors(output.view), shown: null, print: 1 });
    yield renderBookPage(templates, output, null);
  }
}
