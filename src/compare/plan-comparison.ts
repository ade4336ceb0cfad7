import type { Ladder } from '../model.js';
import type { PdfJob } from '../print/print-pdfs.js';
import { escapeMarkdownView } from '../render/escape-markdown.js';
import type { Templates } from '../render/load-templates.js';
import { normalizeMarkdown } from '../render/normalize-markdown.js';
import type { TextFormat } from '../render/output-paths.js';
import type { PositionComparison } from './compare-positions.js';
import { comparisonName, comparisonTitle, toComparisonView } from './to-comparison-view.js';

/** The formats a comparison is written in; the same names as `build`'s. */
export type ComparisonFormat = 'pdf' | 'html' | 'md';

/** What a comparison handout depends on besides the ladder and the templates. */
export interface ComparisonPlanOptions {
  formats: readonly ComparisonFormat[];
  paper: 'a4' | 'letter';
  /** The inlined `@font-face` rules, prepended to the template stylesheet. */
  fonts: string;
  toolVersion: string;
  /** From SOURCE_DATE_EPOCH, or null: the PDF's dates. */
  date: Date | null;
  /** Branding from the configuration; each null when not configured. */
  organization: string | null;
  brandColor: string | null;
  logo: string | null;
  version: string | null;
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
export function planComparison(ladder: Ladder, comparison: PositionComparison, templates: Templates, options: ComparisonPlanOptions): ComparisonPlan {
  // The brand colour is a checked `#rrggbb`, so it is safe inside the stylesheet.
  const brand = options.brandColor ? `\n:root { --ladders-brand: ${options.brandColor}; }` : '';
  const style = `${options.fonts}\n${templates.style}${brand}`;
  const name = comparisonName(comparison);
  const viewOf = (format: TextFormat) =>
    toComparisonView(ladder, comparison, { format, paper: options.paper, style, toolVersion: options.toolVersion, organization: options.organization, logo: options.logo, version: options.version });
  const texts: ComparisonPlan['texts'] = [];
  for (const format of (['html', 'md'] as const).filter((candidate) => options.formats.includes(candidate))) {
    const view = viewOf(format);
    texts.push({ path: `${name}.${format}`, render: () => (format === 'html' ? templates.render('compare', 'html', view) : normalizeMarkdown(templates.render('compare', 'md', escapeMarkdownView(view)))) });
  }
  if (texts.length > 0) {
    const svg = viewOf('html').chart.svg;
    texts.push({ path: `${name}.svg`, render: () => svg + '\n' });
  }
  return { texts, pdf: options.formats.includes('pdf') ? pdfJob(ladder, comparison, name, () => templates.render('compare', 'html', viewOf('html')), options) : null };
}

/** The comparison printed: the same HTML as its `.html`, with the PDF's document information. */
function pdfJob(ladder: Ladder, comparison: PositionComparison, name: string, renderHtml: () => string, options: ComparisonPlanOptions): PdfJob {
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
