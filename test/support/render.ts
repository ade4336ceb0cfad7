import { loadTemplates } from '../../src/render/load-templates.js';
import type { Templates } from '../../src/render/load-templates.js';
import { planOutputs, type PlanOptions } from '../../src/plan/plan-outputs.js';
import { renderOutput } from '../../src/render/render-output.js';
import { pageStyle } from '../../src/render/render-page.js';
import type { Ladder } from '../../src/model.js';

/** The shipped templates, loaded once. */
export async function shippedTemplates(): Promise<Templates> {
  const { templates, files } = await loadTemplates(undefined, process.cwd());
  if (!templates) throw new Error(files.flatMap((file) => file.messages).join('\n'));
  return templates;
}

/** Render a ladder in memory with test defaults. */
export function renderAll(ladder: Ladder, templates: Templates, options: Partial<PlanOptions> = {}): Map<string, string> {
  const outputs = planOutputs(ladder, templates, {
    formats: ['html', 'md'],
    variants: ['handout', 'review'],
    paper: 'a4',
    style: pageStyle(templates, options.brandColor),
    toolVersion: '0.0.0-test',
    only: null,
    date: null,
    organization: null,
    brandColor: null,
    logo: null,
    version: null,
    locale: null,
    labels: null,
    ...options,
  });
  return new Map(
    outputs.flatMap((output) =>
      output.kind === 'pdf' || output.kind === 'book' ? [] : [[output.path, renderOutput(templates, output)] as const],
    ),
  );
}
