import type { OutputFormat } from '../formats.js';
import { formatLabel } from '../locale/format-label.js';
import type { Ladder } from '../model.js';
import { sha256 } from '../plan/output-states.js';
import type { DocumentInfo } from '../pdf/document-info.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { pageLocale, viewOptionsFor, type PageOptions } from '../plan/view-options.js';
import type { PositionComparison } from './compare-positions.js';
import type { ComparisonView } from '../view/comparison-view.js';
import { comparisonName, toComparisonView } from './to-comparison-view.js';

/** The formats a comparison is written in: those of `build`. */
export type ComparisonFormat = OutputFormat;

/** What a comparison handout depends on besides the ladder (and the configuration's branding). */
export interface ComparisonPlanOptions extends PageOptions {
  formats: readonly ComparisonFormat[];
}

/**
 * Plan a comparison handout in `formats`: `<a>-vs-<b>.pdf`, `.html` and `.md`, and the chart `.svg`
 * beside the HTML or Markdown (the PDF carries its own chart), in that order. The outputs are
 * written into a folder of the user's choosing, never compared with an earlier build, so their keys
 * are the hashes of their views.
 */
export function planComparison(
  ladder: Ladder,
  comparison: PositionComparison,
  templates: { digest(page: 'compare', format: 'html' | 'md'): string },
  options: ComparisonPlanOptions,
): PlannedOutput[] {
  const name = comparisonName(comparison);
  const viewOptionsOf = viewOptionsFor(ladder, options);
  const viewOf = (format: 'html' | 'md') => toComparisonView(ladder, comparison, viewOptionsOf(format));
  // One view a format, made once: the HTML page, the chart file and the PDF share the HTML one.
  const views = { html: viewOf('html'), md: viewOf('md') };
  const keyOf = (format: 'html' | 'md', more: unknown = null) =>
    sha256(JSON.stringify([templates.digest('compare', format), views[format], more]));
  const outputs: PlannedOutput[] = [];
  if (options.formats.includes('pdf')) {
    const info = documentInfo(ladder, comparison, views.html, options);
    outputs.push({ kind: 'pdf', path: `${name}.pdf`, key: keyOf('html', info), page: 'compare', view: views.html, info });
  }
  for (const format of ['html', 'md'] as const) {
    if (options.formats.includes(format))
      outputs.push({ kind: 'page', path: `${name}.${format}`, key: keyOf(format), page: 'compare', format, view: views[format] });
  }
  // A chart beside the pages, when there is one: competencies without a scale draw none.
  if (views.html.chart && (options.formats.includes('html') || options.formats.includes('md'))) {
    const content = views.html.chart.svg + '\n';
    outputs.push({ kind: 'file', path: `${name}.svg`, key: sha256(content), content });
  }
  return outputs;
}

/** The comparison printed: what it compares, in which framework. */
function documentInfo(ladder: Ladder, comparison: PositionComparison, view: ComparisonView, options: ComparisonPlanOptions): DocumentInfo {
  const { from, to } = comparison;
  const roles = [...new Set([from.role.title, to.role.title])];
  return {
    title: view.title,
    subject: formatLabel(pageLocale(view), 'compareSubject', {
      from: from.position.code,
      fromRole: from.role.title,
      to: to.position.code,
      toRole: to.role.title,
      framework: ladder.framework.title,
    }),
    keywords: [from.position.code, to.position.code, ...roles, ladder.framework.title, 'career ladder', 'comparison'],
    author: options.organization,
    creator: `ladders ${options.toolVersion}`,
    date: options.date,
  };
}
