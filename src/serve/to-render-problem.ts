import { VFile } from 'vfile';
import { report } from '../messages.js';
import { RenderLimitError } from '../render/render-limits.js';
import { TemplateError } from '../render/template-error.js';

/**
 * A failed render as a file with one message, as a read's problems are: a template's helper that threw
 * at its place in the template, a template stopped for its cost at the page it was rendering, each with
 * its rule id; anything else (a bug) with its words only.
 */
export function toRenderProblem(page: string, error: unknown): VFile {
  if (error instanceof TemplateError) {
    const file = new VFile({ path: error.file });
    report(file, 'error', error.reason, error.place ?? undefined, error.ruleId);
    return file;
  }
  const file = new VFile({ path: page });
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof RenderLimitError) report(file, 'error', reason, undefined, 'render-limit');
  else file.message(reason).fatal = true;
  return file;
}
