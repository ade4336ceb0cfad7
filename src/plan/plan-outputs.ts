import type { BookView } from '../book/book-view.js';
import { bookPath } from '../book/book-path.js';
import { toBookView } from '../book/to-book-view.js';
import { isTooLargeForOneBook } from '../book/whole-book-limit.js';
import type { OutputFormat, TextFormat, Variant } from '../formats.js';
import { formatLabel } from '../locale/format-label.js';
import type { DocumentInfo } from '../pdf/document-info.js';
import { rungCellsOf, type Guide, type Ladder, type Position, type Role } from '../model.js';
import { guidePath, handoutPath, indexFile, reviewPath, rolePath } from '../view/output-paths.js';
import { toHandoutView } from '../view/to-handout-view.js';
import { toReviewView } from '../view/to-review-view.js';
import { toGuideView, toIndexView, toRoleView } from '../view/to-views.js';
import type { HandoutView, PageHeaderView, PageName } from '../view/view.js';
import { sha256 } from './output-states.js';
import type { PageWithView, TextPage } from './page-views.js';
import { pageLocale, viewOptionsFor, type PageOptions } from './view-options.js';

/**
 * A file to make: its path in the output folder, a key (a hash of everything it is made from: its
 * view of the model, its templates and styles, the options, the tool's version) so a rebuild can tell
 * which outputs changed without rendering them, and what it is made of: a page rendered from a
 * template and a view, a file whose content is known (a chart), or a page printed to PDF.
 */
export type PlannedOutput = { path: string; key: string } & (
  | ({ kind: 'page'; format: TextFormat } & PageWithView<TextPage>)
  | { kind: 'file'; content: string }
  | ({ kind: 'pdf'; info: DocumentInfo } & PageWithView<TextPage>)
  | ({ kind: 'book'; info: DocumentInfo } & PageWithView<'book'>)
);

/** What the plan needs of the templates: a hash of what rendering each page in each format reads. */
export interface TemplateDigests {
  digest(page: PageName, format: TextFormat): string;
}

/** What the outputs depend on besides the model and the templates (and the configuration's branding). */
export interface PlanOptions extends PageOptions {
  formats: readonly OutputFormat[];
  variants: readonly Variant[];
  /** Positions to build; null builds everything, role pages and the index included. */
  only: ReadonlySet<Position> | null;
  /** The roles whose positions and pages to plan, the guides and the index planned as ever; absent plans every role. */
  roles?: ReadonlySet<Role>;
  /** The day on the books' covers (`--date`, else SOURCE_DATE_EPOCH); null prints none. */
  coverDate?: Date | null;
}

/**
 * Every output of the build, in a stable order: by format, then role, then position, each role's page
 * after its handouts; the books last, each role's before the whole ladder's (left out past
 * `maxWholeBookPositions`). Books are made only of a whole build (not with `--only`, nor for a copy
 * prepared for someone).
 */
export function planOutputs(ladder: Ladder, templates: TemplateDigests, options: PlanOptions): PlannedOutput[] {
  // The stylesheet is the same on every page: hashed once, not once a page.
  const styleKey = sha256(options.style);
  const makesBooks = options.formats.includes('book') && options.only === null && !options.preparedFor;
  const viewOptionsOf = viewOptionsFor(ladder, {
    ...options,
    built: { formats: options.formats, variants: options.variants },
    books: makesBooks ? { whole: !isTooLargeForOneBook(ladder) } : null,
  });
  // A handout's view is made once a format and shared: the PDF and the books print the same HTML.
  const handoutViews = new Map<string, HandoutView>();
  const handoutViewOf = (role: Role, position: Position, format: OutputFormat) => {
    const memo = `${format}\0${position.code}`;
    const view = handoutViews.get(memo) ?? toHandoutView(ladder, role, position, viewOptionsOf(format));
    handoutViews.set(memo, view);
    return view;
  };
  const outputs: PlannedOutput[] = [];
  for (const format of options.formats) {
    if (format === 'book') continue;
    const viewFormat: TextFormat = format === 'pdf' ? 'html' : format;
    const viewOptions = viewOptionsOf(format);
    const keyOf = (page: PageName, view: { style: string }, more: unknown = null) =>
      sha256(JSON.stringify([options.toolVersion, format, templates.digest(page, viewFormat), { ...view, style: styleKey }, more]));
    const page = (path: string, paired: PageWithView<TextPage>): PlannedOutput => ({
      kind: 'page',
      path,
      key: keyOf(paired.page, paired.view),
      format: viewFormat,
      ...paired,
    });
    for (const role of ladder.roles) {
      if (options.roles && !options.roles.has(role)) continue;
      for (const position of role.positions.filter((candidate) => options.only?.has(candidate) ?? true)) {
        const handoutView = handoutViewOf(role, position, format);
        for (const variant of options.variants) {
          // Each page's view holds only what it shows, so that a change to the worksheet's alone leaves the handout current.
          const paired: PageWithView<Variant> =
            variant === 'handout'
              ? { page: 'handout', view: handoutView }
              : { page: 'review', view: toReviewView(handoutView, ladder, role, position, viewOptions) };
          const view = paired.view;
          const pathOf = variant === 'handout' ? handoutPath : reviewPath;
          if (format === 'pdf') {
            const info = documentInfo(ladder, role, position, variant, view, options);
            outputs.push({ kind: 'pdf', path: pathOf(role, position, 'pdf'), key: keyOf(variant, view, info), ...paired, info });
            continue;
          }
          outputs.push(page(pathOf(role, position, format), paired));
          if (format === 'md' && variant === 'handout' && view.chart) {
            const content = view.chart.svg + '\n';
            outputs.push({ kind: 'file', path: handoutPath(role, position, 'svg'), key: sha256(content), content });
          }
        }
      }
      if (format !== 'pdf' && isWholeRole(role, options.only))
        outputs.push(page(rolePath(role, format), { page: 'role', view: toRoleView(ladder, role, viewOptions) }));
    }
    if (options.only === null) {
      for (const guide of ladder.guides) {
        const view = toGuideView(ladder, guide, viewOptions);
        if (format !== 'pdf') outputs.push(page(guidePath(guide, format), { page: 'guide', view }));
        else {
          const info = guideInfo(ladder, guide, view, options);
          outputs.push({ kind: 'pdf', path: guidePath(guide, 'pdf'), key: keyOf('guide', view, info), page: 'guide', view, info });
        }
      }
    }
    if (format !== 'pdf' && options.only === null)
      outputs.push(page(indexFile(format), { page: 'index', view: toIndexView(ladder, viewOptions) }));
  }
  if (makesBooks) {
    const viewOptions = viewOptionsOf('pdf');
    // Each role's book when its role is planned, and the whole ladder's, which shows every role.
    const books = [...ladder.roles.filter((role) => options.roles?.has(role) ?? true), ...(isTooLargeForOneBook(ladder) ? [] : [null])];
    const shown = books.includes(null) ? ladder.roles : (books as Role[]);
    const handouts = new Map(
      shown.flatMap((role) => role.positions.map((position) => [position.code, handoutViewOf(role, position, 'pdf')])),
    );
    for (const role of books) {
      const view = toBookView(ladder, { role, date: options.coverDate ?? null }, handouts, viewOptions);
      const info = bookInfo(ladder, role, view, options);
      const key = sha256(
        JSON.stringify([options.toolVersion, 'book', templates.digest('book', 'html'), { ...view, style: styleKey }, info]),
      );
      outputs.push({ kind: 'book', path: bookPath(role), key, page: 'book', view, info });
    }
  }
  return outputs;
}

/** A book's document information: the whole ladder, or one role of it. */
function bookInfo(ladder: Ladder, role: Role | null, view: BookView, options: PlanOptions): DocumentInfo {
  const framework = ladder.framework.title;
  const roles = role ? [role] : ladder.roles;
  return {
    title: role ? `${role.title} \u2014 ${framework}` : framework,
    subject: role
      ? formatLabel(pageLocale(view), 'roleBookSubject', { role: role.title, framework })
      : formatLabel(pageLocale(view), 'bookSubject', { framework }),
    keywords: [framework, 'career ladder', ...roles.map((each) => each.title)],
    author: options.organization,
    creator: `ladders ${options.toolVersion}`,
    date: options.date,
  };
}

/** A printed page's document information: what it is, for whom, in which framework. */
function documentInfo(
  ladder: Ladder,
  role: Role,
  position: Position,
  variant: Variant,
  view: HandoutView,
  options: PlanOptions,
): DocumentInfo {
  const review = variant === 'review';
  const locale = pageLocale(view);
  // A handout of a ladder kept in words goes competency by competency, not axis by axis.
  const handoutSubject = view.expectations.length === 0 ? 'handoutSubjectWords' : 'handoutSubject';
  const subject = formatLabel(locale, review ? 'reviewSubject' : handoutSubject, {
    role: role.title,
    code: position.code,
    framework: ladder.framework.title,
  });
  return {
    title: `${review ? formatLabel(locale, 'reviewTitle', { code: position.code }) : position.code} \u2014 ${position.title}`,
    subject: `${subject}${view.preparedFor ? `; ${view.preparedFor.text}` : ''}`,
    keywords: [
      position.code,
      role.title,
      ladder.framework.title,
      'career ladder',
      ...rungCellsOf(position).map((expectation) => expectation.keyword),
    ],
    author: options.organization,
    creator: `ladders ${options.toolVersion}`,
    date: options.date,
  };
}

/** A printed guide's document information. */
function guideInfo(ladder: Ladder, guide: Guide, view: PageHeaderView, options: PlanOptions): DocumentInfo {
  return {
    title: guide.title,
    subject: formatLabel(pageLocale(view), 'guideSubject', { framework: ladder.framework.title }),
    keywords: [guide.title, ladder.framework.title, 'career ladder'],
    author: options.organization,
    creator: `ladders ${options.toolVersion}`,
    date: options.date,
  };
}

function isWholeRole(role: Role, only: ReadonlySet<Position> | null): boolean {
  return only === null || role.positions.every((position) => only.has(position));
}
