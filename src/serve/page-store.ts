import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { Templates } from '../render/load-templates.js';
import { renderOutput, renderPdfPage, type PdfPage } from '../render/render-output.js';

/** A PDF that can be printed on request: its output key, and its HTML rendered when asked. */
export interface PdfEntry {
  key: string;
  render: () => PdfPage;
}

/** The pages being served, kept in memory by path, and the PDFs that can be printed. */
export interface PageStore {
  /**
   * Take a new plan: render the HTML pages whose output key changed (and only those), forget the
   * pages no longer planned, and return the paths of every page that changed or went.
   */
  update(templates: Templates, planned: readonly PlannedOutput[]): string[];
  /** The HTML of the page at `path` (relative, as in the output folder), if there is one. */
  page(path: string): string | undefined;
  /** The PDF at `path`, if one is planned. */
  pdf(path: string): PdfEntry | undefined;
  /** The output keys of every planned PDF. */
  pdfKeys(): Set<string>;
  /** How many pages are served. */
  size(): number;
}

/** An empty page store. */
export function createPageStore(): PageStore {
  let pages = new Map<string, { key: string; html: string }>();
  let pdfs = new Map<string, PdfEntry>();
  return {
    update(templates, planned) {
      const next = new Map<string, { key: string; html: string }>();
      const nextPdfs = new Map<string, PdfEntry>();
      const changed: string[] = [];
      for (const output of planned) {
        // A book is printed until its contents hold, which is the build's work, not a preview's.
        if (output.kind === 'book') continue;
        if (output.kind === 'pdf') {
          nextPdfs.set(output.path, { key: output.key, render: () => renderPdfPage(templates, output) });
          continue;
        }
        // Only HTML is served: the Markdown pages and their charts are for the output folder.
        if (!output.path.endsWith('.html')) continue;
        const old = pages.get(output.path);
        if (old?.key === output.key) {
          next.set(output.path, old);
          continue;
        }
        next.set(output.path, { key: output.key, html: renderOutput(templates, output) });
        changed.push(output.path);
      }
      for (const path of pages.keys()) if (!next.has(path)) changed.push(path);
      pages = next;
      pdfs = nextPdfs;
      return changed;
    },
    page: (path) => pages.get(path)?.html,
    pdf: (path) => pdfs.get(path),
    pdfKeys: () => new Set([...pdfs.values()].map((entry) => entry.key)),
    size: () => pages.size,
  };
}
