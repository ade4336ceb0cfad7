import type { DocumentInfo, PlannedOutput } from '../plan/plan-outputs.js';
import type { Templates } from './load-templates.js';
import { RenderLimitError } from './render-limits.js';
import { renderPage } from './render-page.js';

/** A page rendered to HTML, ready to print: its path, its HTML and its PDF's document information. */
export interface PdfPage {
  path: string;
  html: string;
  info: DocumentInfo;
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

function naming<T>(path: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof RenderLimitError) throw new RenderLimitError(`Cannot render ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
