import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { Templates } from '../render/load-templates.js';
import { renderOutput, renderPdfPage, type PdfPage } from '../render/render-output.js';
import { printBook } from './print-book.js';

/** A PDF that can be printed on request (a handout, a worksheet, a guide or a book): its output key, and how to print it with a page printer. */
export interface PdfEntry {
  key: string;
  print: (printPage: (page: PdfPage) => Promise<Uint8Array>) => Promise<Uint8Array>;
}

/** The pages being served, by path, rendered when first asked for; and the PDFs that can be printed. */
export interface PageStore {
  /**
   * Take a new plan: forget the pages no longer planned and the rendered HTML of those whose output
   * key changed, and return the paths of every page that changed or went. Nothing is rendered here.
   */
  update(templates: Templates, planned: readonly PlannedOutput[]): string[];
  /** The HTML of the page at `path` (relative, as in the output folder), rendered now if it was not; undefined when there is no such page. */
  page(path: string): string | undefined;
  /** The HTML of the page at `path` as it was last rendered well, whatever its key is now; undefined when it was not rendered lately. */
  lastGood(path: string): string | undefined;
  /** The output key of the page at `path`, which its HTML is rendered from; undefined when there is no such page. */
  key(path: string): string | undefined;
  /** The PDF at `path`, if one is planned. */
  pdf(path: string): PdfEntry | undefined;
  /** The output keys of every planned PDF. */
  pdfKeys(): Set<string>;
  /** How many pages are served. */
  size(): number;
}

/** How many rendered pages are kept: those read last. A handout with its fonts is about 100 KB, so 1,000 positions' pages would be 200 MB. */
export const keptRenderedPages = 64;

interface PageEntry {
  key: string;
  render: () => string;
}

/** An empty page store. */
export function createPageStore(): PageStore {
  let pages = new Map<string, PageEntry>();
  let pdfs = new Map<string, PdfEntry>();
  // By path, the page read least lately first: a page is rendered when asked for, and rendered again only after its key changed;
  // until then, and while rendering it fails, the HTML of its last good render is kept.
  const rendered = new Map<string, { key: string; html: string }>();
  return {
    update(templates, planned) {
      const next = new Map<string, PageEntry>();
      const nextPdfs = new Map<string, PdfEntry>();
      const changed: string[] = [];
      for (const output of planned) {
        // A book is printed until its contents hold: two or three prints of it on request.
        if (output.kind === 'book') {
          nextPdfs.set(output.path, { key: output.key, print: (printPage) => printBook(templates, output, printPage) });
          continue;
        }
        if (output.kind === 'pdf') {
          nextPdfs.set(output.path, { key: output.key, print: (printPage) => printPage(renderPdfPage(templates, output)) });
          continue;
        }
        // Only HTML is served: the Markdown pages and their charts are for the output folder.
        if (!output.path.endsWith('.html')) continue;
        const old = pages.get(output.path);
        next.set(output.path, old?.key === output.key ? old : { key: output.key, render: () => renderOutput(templates, output) });
        if (old?.key !== output.key) changed.push(output.path);
      }
      for (const path of pages.keys()) {
        if (next.has(path)) continue;
        changed.push(path);
        rendered.delete(path);
      }
      pages = next;
      pdfs = nextPdfs;
      return changed;
    },
    page(path) {
      const entry = pages.get(path);
      if (!entry) return undefined;
      const kept = rendered.get(path);
      // A render that throws leaves the last good HTML where it was.
      const html = kept?.key === entry.key ? kept.html : entry.render();
      rendered.delete(path);
      rendered.set(path, { key: entry.key, html });
      for (const oldest of rendered.keys()) {
        if (rendered.size <= keptRenderedPages) break;
        rendered.delete(oldest);
      }
      return html;
    },
    lastGood: (path) => rendered.get(path)?.html,
    key: (path) => pages.get(path)?.key,
    pdf: (path) => pdfs.get(path),
    pdfKeys: () => new Set([...pdfs.values()].map((entry) => entry.key)),
    size: () => pages.size,
  };
}
