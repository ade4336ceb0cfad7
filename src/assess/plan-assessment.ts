import type { OutputFormat } from '../formats.js';
import { formatLabel } from '../locale/format-label.js';
import type { Ladder } from '../model.js';
import { sha256 } from '../plan/output-states.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { pageLocale, viewOptionsFor, type PageOptions } from '../plan/view-options.js';
import type { Assessment } from './assessment.js';
import { assessmentName, toAssessmentView } from './to-assessment-view.js';

/**
 * Plan an assessment handout in `formats`: `<name>.pdf`, `.html` and `.md`, and the chart `.svg`
 * beside the HTML or Markdown (the PDF carries its own), in that order. They are written into a
 * folder of the user's choosing, never compared with an earlier build, so their keys are the hashes
 * of their views.
 */
export function planAssessment(
  ladder: Ladder,
  assessment: Assessment,
  templates: { digest(page: 'assessment', format: 'html' | 'md'): string },
  options: PageOptions & { formats: readonly OutputFormat[] },
): PlannedOutput[] {
  const name = assessmentName(assessment);
  const viewOptionsOf = viewOptionsFor(ladder, options);
  const views = {
    html: toAssessmentView(ladder, assessment, viewOptionsOf('html')),
    md: toAssessmentView(ladder, assessment, viewOptionsOf('md')),
  };
  const keyOf = (format: 'html' | 'md', more: unknown = null) =>
    sha256(JSON.stringify([templates.digest('assessment', format), views[format], more]));
  const outputs: PlannedOutput[] = [];
  if (options.formats.includes('pdf')) {
    const locale = pageLocale(views.html);
    const { position } = assessment;
    const info = {
      title: views.html.title,
      subject: formatLabel(locale, 'assessmentSubject', {
        code: position.code,
        role: position.role.title,
        framework: ladder.framework.title,
      }),
      // The person's name stays out of the keywords: it is in the title, where a reader looks for it.
      keywords: [position.code, position.role.title, ladder.framework.title, 'career ladder', 'assessment'],
      author: options.organization,
      creator: `ladders ${options.toolVersion}`,
      date: options.date,
    };
    outputs.push({ kind: 'pdf', path: `${name}.pdf`, key: keyOf('html', info), page: 'assessment', view: views.html, info });
  }
  for (const format of ['html', 'md'] as const) {
    if (options.formats.includes(format))
      outputs.push({ kind: 'page', path: `${name}.${format}`, key: keyOf(format), page: 'assessment', format, view: views[format] });
  }
  // A chart beside the pages, when there is one: a ladder whose competencies have no scale has none.
  if (views.html.chart && (options.formats.includes('html') || options.formats.includes('md'))) {
    const content = views.html.chart.svg + '\n';
    outputs.push({ kind: 'file', path: `${name}.svg`, key: sha256(content), content });
  }
  return outputs;
}
