import { contentsAnchors } from '../book/number-contents.js';
import { readPartPages } from '../pdf/read-part-pages.js';
import { settleBookPages, type BookPrint } from '../book/settle-book-pages.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { Templates } from '../render/load-templates.js';
import { renderBookPage, type PdfPage } from '../render/render-output.js';

/**
 * Print a book as `build` does: once to find the page each part starts on, then again with those
 * numbers in its contents until they hold. `print` prints one page's HTML to PDF bytes.
 */
export async function printBook(
  templates: Templates,
  output: PlannedOutput & { kind: 'book' },
  print: (page: PdfPage) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  let book: BookPrint = { path: output.path, anchors: contentsAnchors(output.view), shown: null, print: 1 };
  let pdf = await print(renderBookPage(templates, output, null));
  for (;;) {
    const pages = settleBookPages(book, readPartPages(pdf));
    if (pages === 'done') return pdf;
    book = { ...book, shown: pages, print: book.print + 1 };
    pdf = await print(renderBookPage(templates, output, pages));
  }
}
