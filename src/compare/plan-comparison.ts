import type { Ladder } from '../model.js';
import type { OutputFormat } from '../plan/plan-outputs.js';
import type { PdfJob } from '../print/print-pdfs.js';
import type { Templates } from '../render/load-templates.js';
import type { TextFormat } from '../render/output-paths.js';
import { pageStyle, renderPage } from '../render/render-page.js';
import type { Branding } from '../render/to-views.js';
import type { PositionComparison } from './compare-positions.js';
import { comparisonName, comparisonTitle, toComparisonView } from './to-comparison-view.js';

/** The formats a comparison is written in: those of `build`. */
export type ComparisonFormat = OutputFormat;

/** What a comparison handout depends on besides the ladder and the templates (and the configuration's branding). */
export interface ComparisonPlanOptions extends Branding {
  formats: readonly ComparisonFormat[];
  paper: 'a4' | 'letter';
  toolVersion: string;
  /** From SOURCE_DATE_EPOCH, or null: the PDF's dates. */
  date: Date | null;
}

/** The comparison's files: text files rendered when asked, and the PDF to print, if any. */
export interface ComparisonPlan {
  texts: { path: string; render: () => string }[];
  pdf: PdfJob | null;
}

/**
 * Plan a comparison handout in `formats`: `<a>-vs-<b>.pdf`, `.html` and `.md`, and the chart `.svg`
 * beside the HTML or Markdown (the PDF carries its own chart). Nothing is rendered until asked.
 */
export function planComparison(
  ladder: Ladder,
  comparison: PositionComparison,
  templates: Templates,
  options: ComparisonPlanOptions,
): ComparisonPlan {
  const style = pageStyle(templates, options.brandColor);
  const name = comparisonName(comparison);
  const viewOf = (format: TextFormat) =>
    toComparisonView(ladder, comparison, {
      format,
      paper: options.paper,
      style,
      toolVersion: options.toolVersion,
      organization: options.organization,
      logo: options.logo,
      version: options.version,
    });
  // One view a format, made once: the HTML page, the chart file and the PDF share the HTML one.
  const views = { html: viewOf('html'), md: viewOf('md') };
  const texts: ComparisonPlan['texts'] = (['html', 'md'] as const)
    .filter((format) => options.formats.includes(format))
    .map((format) => ({ path: `${name}.${format}`, render: () => renderPage(templates, 'compare', format, views[format]) }));
  if (texts.length > 0) texts.push({ path: `${name}.svg`, render: () => views.html.chart.svg + '\n' });
  return {
    texts,
    pdf: options.formats.includes('pdf')
      ? pdfJob(ladder, comparison, name, () => renderPage(templates, 'compare', 'html', views.html), options)
      : null,
  };
}

/** The comparison printed: the same HTML as its `.html`, with the PDF's document information. */
function pdfJob(
  ladder: Ladder,
  comparison: PositionComparison,
  name: string,
  renderHtml: () => string,
  options: ComparisonPlanOptions,
): PdfJob {
  const { from, to } = comparison;
  const roles = [...new Set([from.role.title, to.role.title])];
  return {
    name: `${name}.pdf`,
    renderHtml,
    metadata: {
      title: comparisonTitle(comparison),
      subject: `What changes from ${from.position.code} (${from.role.title}) to ${to.position.code} (${to.role.title}), axis by axis, in ${ladder.framework.title}`,
      keywords: [from.position.code, to.position.code, ...roles, ladder.framework.title, 'career ladder', 'comparison'],
      author: options.organization,
      creator: `ladders ${options.toolVersion}`,
      date: options.date,
    },
  };
}
