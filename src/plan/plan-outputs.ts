import type { Ladder, Position, Role } from '../model.js';
import type { PdfJob } from '../print/print-pdfs.js';
import type { PageName, Templates } from '../render/load-templates.js';
import { pageStyle, renderPage } from '../render/render-page.js';
import { handoutPath, indexFile, reviewPath, rolePath, type TextFormat } from '../render/output-paths.js';
import { toHandoutView, toIndexView, toRoleView, type Branding, type ViewOptions } from '../render/to-views.js';
import type { HandoutView } from '../render/view.js';
import { sha256 } from './output-states.js';

/** The formats a build writes. */
export type OutputFormat = TextFormat | 'pdf';

/** The two pages made for each position: the handout, and the worksheet to fill in during a review. */
export type Variant = 'handout' | 'review';

/**
 * A file the build can write: its path in the output folder and a key, a hash of everything it is
 * made from (its view of the model, its templates and styles, the options, the tool's version), so a
 * rebuild can tell which outputs changed without rendering them. Nothing is rendered until asked.
 */
export type PlannedOutput = { path: string; key: string } & ({ kind: 'text'; render: () => string } | { kind: 'pdf'; job: PdfJob });

/** What the outputs depend on besides the model and the templates (and the configuration's branding). */
export interface PlanOptions extends Branding {
  formats: readonly OutputFormat[];
  variants: readonly Variant[];
  paper: 'a4' | 'letter';
  toolVersion: string;
  /** Positions to build; null builds everything, role pages and the index included. */
  only: ReadonlySet<Position> | null;
  /** From SOURCE_DATE_EPOCH, or null: the PDFs' dates. */
  date: Date | null;
  /** `--for NAME --date DATE`: stamped on every page made for a position. */
  preparedFor?: { name: string; date: Date } | null;
}

/** Every output of the build, in a stable order: by format, then role, then position, each role's page after its handouts. */
export function planOutputs(ladder: Ladder, templates: Templates, options: PlanOptions): PlannedOutput[] {
  const style = pageStyle(templates, options.brandColor);
  // The stylesheet is the same on every page: hashed once, not once a page (each page's fonts follow from its text).
  const styleKey = sha256(style);
  const outputs: PlannedOutput[] = [];
  for (const format of options.formats) {
    const viewFormat: TextFormat = format === 'pdf' ? 'html' : format;
    const viewOptions: ViewOptions = {
      format: viewFormat,
      paper: options.paper,
      style,
      toolVersion: options.toolVersion,
      organization: options.organization,
      logo: options.logo,
      version: options.version,
      preparedFor: options.preparedFor,
    };
    const keyOf = (page: PageName, view: { style: string }, more: unknown = null) =>
      sha256(JSON.stringify([options.toolVersion, format, templates.digest(page, viewFormat), { ...view, style: styleKey }, more]));
    const text = (path: string, page: PageName, view: { style: string }) => ({
      kind: 'text' as const,
      path,
      key: keyOf(page, view),
      render: () => renderPage(templates, page, viewFormat, view),
    });
    for (const role of ladder.roles) {
      for (const position of role.positions.filter((candidate) => options.only?.has(candidate) ?? true)) {
        const view = toHandoutView(ladder, role, position, viewOptions);
        for (const variant of options.variants) {
          const pathOf = variant === 'handout' ? handoutPath : reviewPath;
          if (format === 'pdf') {
            const job = pdfJob(ladder, role, position, variant, view, templates, options);
            outputs.push({ kind: 'pdf', path: job.name, key: keyOf(variant, view, job.metadata), job });
            continue;
          }
          outputs.push(text(pathOf(role, position, format), variant, view));
          if (format === 'md' && variant === 'handout')
            outputs.push({
              kind: 'text',
              path: handoutPath(role, position, 'svg'),
              key: sha256(view.chart.svg),
              render: () => view.chart.svg + '\n',
            });
        }
      }
      if (format !== 'pdf' && isWholeRole(role, options.only))
        outputs.push(text(rolePath(role, format), 'role', toRoleView(ladder, role, viewOptions)));
    }
    if (format !== 'pdf' && options.only === null) outputs.push(text(indexFile(format), 'index', toIndexView(ladder, viewOptions)));
  }
  return outputs;
}

/** A page printed: the same HTML as its `.html`, with the PDF's document information. */
function pdfJob(
  ladder: Ladder,
  role: Role,
  position: Position,
  variant: Variant,
  view: HandoutView,
  templates: Templates,
  options: PlanOptions,
): PdfJob {
  const review = variant === 'review';
  const subject = review
    ? `A worksheet to review work against what the ${role.title} position ${position.code} expects`
    : `What the ${role.title} position ${position.code} expects, axis by axis`;
  return {
    name: (review ? reviewPath : handoutPath)(role, position, 'pdf'),
    renderHtml: () => templates.render(variant, 'html', view),
    metadata: {
      title: `${position.code} ${review ? 'review worksheet ' : ''}\u2014 ${position.title}`,
      subject: `${subject}, in ${ladder.framework.title}${view.preparedFor ? `; prepared for ${view.preparedFor.name}, ${view.preparedFor.date}` : ''}`,
      keywords: [
        position.code,
        role.title,
        ladder.framework.title,
        'career ladder',
        ...position.expectations.map((expectation) => expectation.keyword),
      ],
      author: options.organization,
      creator: `ladders ${options.toolVersion}`,
      date: options.date,
    },
  };
}

function isWholeRole(role: Role, only: ReadonlySet<Position> | null): boolean {
  return only === null || role.positions.every((position) => only.has(position));
}
