import type { OutputFormat, Paper, Variant } from '../formats.js';
import type { PageLocale } from '../locale/format-label.js';
import { resolvePageLocale } from '../locale/resolve-page-locale.js';
import type { SinceDiff } from '../ladder-diff.js';
import type { Ladder } from '../model.js';
import type { Branding } from '../config/branding-of.js';
import type { ViewOptions } from '../view/to-views.js';
import type { PageHeaderView } from '../view/view.js';

/** What every planned page depends on besides the model and the templates (and the configuration's branding). */
export interface PageOptions extends Branding {
  /** Null: the paper of the pages' locale. */
  paper: Paper | null;
  /** The stylesheet every HTML page carries: the templates' `print.css` and the brand colour (each page's fonts follow from its text). */
  style: string;
  toolVersion: string;
  /** From SOURCE_DATE_EPOCH, or null: the PDFs' dates. */
  date: Date | null;
  /** `--for NAME --date DATE`: stamped on every page made for a position. */
  preparedFor?: { name: string; date: Date } | null;
  /** What the build writes for each position, so its pages can link to each other; null or absent links to none. */
  built?: { formats: readonly OutputFormat[]; variants: readonly Variant[] } | null;
  /** `--since REV`: what changed since that revision, shown on every handout and worksheet it touched. */
  since?: SinceDiff | null;
  /** The ladder folder as the model's paths start (relative to the working folder): internal pages name their source from it. */
  sourceFolder?: string | null;
  /** The books made beside the pages (see `ViewOptions.books`); null or absent, none. */
  books?: { whole: boolean } | null;
}

/**
 * The options a page's view is made with, for each format: the language and paper resolved once,
 * from the configuration and the ladder's introduction.
 */
export function viewOptionsFor(ladder: Ladder, options: PageOptions): (format: OutputFormat) => ViewOptions {
  const { locale, paper } = resolvePageLocale(ladder, options);
  return (format) => ({
    // A PDF (and a book) is its HTML printed, with the links a PDF can follow.
    format: format === 'pdf' || format === 'book' ? 'html' : format,
    printed: format === 'pdf' || format === 'book',
    built: options.built ?? null,
    audience: options.audience,
    paper,
    locale,
    style: options.style,
    toolVersion: options.toolVersion,
    organization: options.organization,
    logo: options.logo,
    version: options.version,
    preparedFor: options.preparedFor,
    since: options.since ?? null,
    sourceFolder: options.sourceFolder ?? null,
    books: options.books ?? null,
  });
}

/** The language a page's view was made in. */
export function pageLocale(view: PageHeaderView): PageLocale {
  return { tag: view.lang.tag, dir: view.lang.dir, labels: view.labels };
}
