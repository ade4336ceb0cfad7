import { numberContents } from '../book/number-contents.js';
import type { DocumentInfo } from '../pdf/document-info.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { Templates } from './load-templates.js';
import { RenderLimitError } from './render-limits.js';
import { renderPage } from './render-page.js';

/** A page rendered to HTML, ready to print: its path, its HTML and its PDF's document information. */
export interface PdfPage {
  path: string;
  html: string;
  info: DocumentInfo;
  /** How long loading and printing it may each take, when it is longer than a page's (a book). */
  timeoutMs?: number;
  /** A print read only for where its parts fall (a book's first): untagged and without bookmarks, which take a fifth of a print's time. */
  draft?: boolean;
}

/** Render a planned text output to its content; a template stopped for its cost says which output it was rendering. */
export function renderOutput(templates: Templates, output: PlannedOutput & { kind: 'page' | 'file' }): string {
  if (output.kind === 'file') return output.content;
  return naming(output.path, () => renderPage(templates, output.page, output.format, output.view));
}

/** Render a planned PDF to the HTML it is printed from: the same HTML as the page's `.html`. */
export function renderPdfPage(templates: Templates, output: PlannedOutput & { kind: 'pdf' }): PdfPage {
  return { path: output.path, html: naming(output.path, () => renderPage(templates, output.page, 'html', output.view)), info: output.info };
}

/**
 * Render a book to the HTML it is printed from, its contents numbered from `pages` (anchor → the page
 * its part starts on in the last print; null for the first print, which finds them out).
 */
export function renderBookPage(
  templates: Templates,
  output: PlannedOutput & { kind: 'book' },
  pages: ReadonlyMap<string, number> | null,
): PdfPage {
  const view = pages ? numberContents(output.view, pages) : output.view;
  const html = naming(output.path, () => renderPage(templates, 'book', 'html', view));
  // A page prints in well under a second; a book of many positions takes about a tenth of one for each of its pages.
  const positions = output.view.roles.reduce((count, role) => count + role.handouts.length, 0);
  return { path: output.path, html, info: output.info, timeoutMs: 60_000 + positions * 1_000, draft: pages === null };
}

function naming<T>(path: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof RenderLimitError) throw new RenderLimitError(`Cannot render ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
