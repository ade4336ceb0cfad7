/**
 * The view object: everything a template sees, derived from the model in one place
 * (`to-views.ts`). Its shape is documented in docs/templates.md for template authors.
 */
import type { Paper } from '../formats.js';
import type { Rating } from '../worksheet/filled-worksheet.js';

/** The pages made from templates, each in HTML and in Markdown but the book, which is only printed. */
export const pageNames = ['handout', 'review', 'role', 'index', 'compare', 'guide', 'changelog', 'book', 'assessment'] as const;

/** A page made from templates. */
export type PageName = (typeof pageNames)[number];

/** The formats a page has templates for: the book is HTML to print, never Markdown. */
export function templateFormats(page: PageName): readonly ('html' | 'md')[] {
  return page === 'book' ? ['html'] : ['html', 'md'];
}

import type { Labels } from '../locale/load-labels.js';

/** A link from the page being rendered, relative so the output folder works anywhere. */
export interface LinkView {
  href: string;
  text: string;
}

/** What every page knows, wherever it is written. */
export interface PageHeaderView {
  tool: { name: string; version: string };
  framework: { title: string; version: string | null };
  paper: { name: Paper; size: string };
  /** The print stylesheet with its fonts inlined (and the brand colour, when configured); empty for Markdown. */
  style: string;
  /** The organisation's name, from the configuration; null when none is configured. */
  organization: string | null;
  /** The logo as a `data:` URL, from the configuration; null when none is configured. */
  logo: string | null;
  /** The pages' language (BCP 47, for `<html lang>`) and direction (for `<html dir>`). */
  lang: { tag: string; dir: 'ltr' | 'rtl'; start: 'left' | 'right'; end: 'left' | 'right' };
  /** Every word the templates print around the ladder's text, in the pages' language (`labels/<language>.json`). */
  labels: Labels;
}

/** What every page in the output folder knows: the header, and the way back to the index. */
export interface PageView extends PageHeaderView {
  home: LinkView;
}

/** What a position expects on one axis: the keyword and its place on the axis's scale. */
export interface RankView {
  keyword: string;
  rank: number;
  ranks: number;
  /** `4 of 5`. */
  rankLabel: string;
  description: string;
}

/** An axis, as every page names it. */
export interface AxisView {
  id: string;
  name: string;
  summary: string;
}

/** One rank on an axis's scale, marked where the position stands. */
export interface ScaleStepView {
  rank: number;
  keyword: string;
  description: string;
  current: boolean;
  reached: boolean;
}

/** What a position expects on one axis. */
export interface ExpectationView extends RankView {
  axis: AxisView;
  scale: ScaleStepView[];
}

/**
 * A competency of the review worksheet: what the position expects there, and what the role's next
 * position expects (`same` when it asks the same; null for the role's last position). On a competency
 * with a scale it is a rank as in a handout's expectations; on one without, `hasRung` is false, the
 * rank is 0 and its words are empty, and the cell's text is in `text` and `examples`.
 */
export interface ReviewAxisView extends ExpectationView {
  /** Whether the position sits on a rung of the competency's scale. */
  hasRung: boolean;
  /** What the cell says, paragraphs and bullets, as `body` rendered for the page's format (sanitised HTML, or Markdown); null when nothing. */
  text: { body: string } | null;
  /** The cell's examples, rendered the same way; null when none. */
  examples: { body: string } | null;
  /** `adds`: the statements the next position adds or rewords, rendered as a list; null when none. */
  next: (RankView & { code: string; same: boolean; hasRung: boolean; adds: { body: string } | null }) | null;
  /** What the axis's fields are named after (`<field>.self`, `<field>.manager`, `<field>.evidence`): its id, left unescaped in Markdown. */
  field: string;
}

/** One axis whose keyword differs between two positions. */
export interface ChangeView {
  axis: string;
  from: string;
  to: string;
  fromRank: number;
  toRank: number;
  direction: 'up' | 'down';
  /** `Owns → Evolves`. */
  text: string;
}

/** A link that may lead nowhere the reader can follow (from a PDF, or on a page for outside readers): then `href` is null and it is text. */
export interface OptionalLinkView {
  href: string | null;
  text: string;
}

/** A neighbouring position of the role and what differs from it. */
export interface StepView {
  position: { code: string; title: string; link: OptionalLinkView };
  /** The rungs that differ. */
  changes: ChangeView[];
  /** The competencies whose words differ, in competency order. */
  textChanges: TextChangeView[];
  /** Nothing differs: neither a rung nor a word. */
  same: boolean;
}

/** The radar chart of a position: inline SVG for HTML, a sibling file for Markdown. */
export interface ChartView {
  svg: string;
  file: string;
  alt: string;
}

/** One statement of what is expected, its text as markup for the page's format (safe HTML, or Markdown). */
export interface StatementView {
  body: string;
  /** The ladder marks it as new since the level before. */
  isNew: boolean;
}

/** A paragraph, or a run of bullets in a row: what a template prints as one `<p>` or one list. */
export interface StatementBlockView {
  paragraph: StatementView | null;
  bullets: StatementView[];
}

/** What a position (or every position of a role) expects on one competency, in the ladder's words. */
export interface CellView {
  competency: AxisView;
  /** The rung the cell names, when its competency has a scale; the axis table shows it too. */
  rung: { keyword: string; rankLabel: string } | null;
  statements: StatementBlockView[];
  /** Examples of meeting it, kept apart from what is expected; empty when the ladder gives none. */
  examples: StatementBlockView[];
}

/** The cells of one group of competencies (`Craft`), in competency order; `name` is null where the ladder names no group. */
export interface CellGroupView {
  name: string | null;
  cells: CellView[];
}

/** What changed in the words of one competency between two positions: statements added, removed and reworded. */
export interface TextChangeView {
  competency: string;
  added: StatementView[];
  removed: StatementView[];
  /** A statement kept but reworded, word by word (as plain text). */
  reworded: { words: WordView[] }[];
}

/** A position's handout. */
export interface HandoutView extends PageView {
  role: { id: string; title: string; summary: string; link: LinkView };
  /** `summary`: what the ladder says of the position as a whole (empty when nothing says); `attributes`: its named facts (`Scope: Features`). */
  position: {
    code: string;
    level: number;
    title: string;
    senior: boolean;
    seniority: string;
    summary: string;
    attributes: { name: string; value: string }[];
  };
  /** The cells that sit on a rung of a scale, for the axis table and the scales; empty in a ladder without scales. */
  expectations: ExpectationView[];
  /** The cells the ladder describes in words, by group of competencies; empty where every cell is a rung alone. */
  cells: CellGroupView[];
  /** What holds at every level of the role, shown on each of its positions; empty when the role says nothing. */
  everyLevel: CellGroupView[];
  /** What changed from the previous position of the role; null for its first position. */
  previous: StepView | null;
  /** What the next position of the role adds; null for its last position. */
  next: StepView | null;
  /** The radar chart of the competencies with a scale; null when fewer than three have one (never a chart made up from text). */
  chart: ChartView | null;
  source: { file: string; line: number };
  /** Pages for readers outside the organisation (`--for`, or the configuration's `audience`) leave out the source, the tool and the links around the output folder. */
  internal: boolean;
  /** The way back: the framework's index and the role's page; null on pages for outside readers. */
  trail: OptionalLinkView[] | null;
  /** The position's other pages the build writes, as the handout (`handout`) and the worksheet (`review`) list them: the PDFs, the other page; empty on printed pages. */
  versions: { handout: LinkView[]; review: LinkView[] };
  /**
   * For the page margins, each a quoted CSS string safe inside `<style>`: `footer`, the position and (for
   * the organisation's own readers) where the page comes from; `review`, the worksheet's name; `head`,
   * the organisation, whom the copy is for and where it comes from.
   */
  print: { footer: string; review: string; head: string };
  /** `--for` and `--date`: whom this copy was prepared for (`Prepared for A. Candidate, 1 December 2026`); null otherwise. */
  preparedFor: { name: string; date: string; text: string } | null;
  /** The review worksheet's rating choices, in order. */
  ratings: string[];
  /** `--since REV`: what changed for this position since that revision; null when nothing did, or without `--since`. */
  since: SinceView | null;
}

/** A position's review worksheet: the handout's view, and what only the worksheet shows. */
export interface ReviewView extends HandoutView {
  /** The axes, page by page: the first page holds the header and about half of them. */
  reviewSheets: { first: ReviewAxisView[]; second: ReviewAxisView[] };
  /** The choices for an axis: the ratings, then "not applicable". */
  axisRatings: string[];
  /**
   * What makes the worksheet a form: `origin`, the position and ladder version it was made for as one
   * line of JSON (left unescaped in Markdown); `choices`, each rating's value (`meets`) and its words.
   */
  form: { origin: string; choices: { value: Rating; text: string }[]; values: Rating[] };
}

/** A role at a glance: its positions side by side. */
export interface RoleView extends PageView {
  /** `body`: everything the page says about the role, as sanitised HTML (or Markdown), its links leading to output pages. */
  role: { id: string; title: string; summary: string; body: string };
  /** The guides the role's text links to. */
  guides: LinkView[];
  /** The role's book, `<role-id>.pdf` beside the page, when the build makes it. */
  book: LinkView | null;
  /** `versions`: the position's other pages the build writes (its PDF, its worksheet and the worksheet's PDF). */
  positions: { code: string; title: string; level: number; seniority: string; link: LinkView; versions: LinkView[] }[];
  /** Some competency has a scale: the grid's rows are axes (else competencies). */
  scaled: boolean;
  /**
   * One row per axis (competency), one cell per position: its rung (an empty keyword and rank 0 when it has
   * none), and `text`, the start of its first statement as plain text (empty when it has none).
   */
  axes: { name: string; cells: (Omit<RankView, 'description'> & { text: string })[] }[];
  source: { file: string; line: number };
}

/** All roles and positions: the level × role matrix. */
export interface IndexView extends PageView {
  /** `book`: the role's book, when the build makes it. */
  roles: { title: string; summary: string; link: LinkView; positionCount: number; book: LinkView | null }[];
  /** The whole ladder's book, `ladder.pdf`, when the build makes it. */
  book: LinkView | null;
  guides: { title: string; summary: string; link: LinkView }[];
  /** Each position's `versions`: its other pages the build writes, with short names. */
  levels: { level: number; seniority: string; cells: { positions: { code: string; link: LinkView; versions: LinkView[] }[] }[] }[];
}

/** A guide's page: advice, a comparison, the FAQs. */
export interface GuideView extends PageView {
  /** `body`: the guide as sanitised HTML (or Markdown), its links leading to output pages and its images inlined. */
  guide: { id: string; title: string; summary: string; body: string };
  source: { file: string; line: number };
  /** For the page margin: the guide's title as a quoted CSS string, safe inside `<style>`. */
  print: { footer: string };
}

/**
 * The view of a changelog handout (`changelog.html.hbs`, `changelog.md.hbs`), derived in
 * `to-changelog-view.ts`, and of a handout's "changed since" section (`since`, see `SinceView`).
 * Every word in it is a label of the page's language or the ladder's own text.
 */
export interface ChangelogView extends PageHeaderView {
  /** `Changes from v1 to v2`. */
  title: string;
  from: string;
  to: string;
  /** How many things changed, by kind; only the kinds with any. */
  counts: { what: string; count: number }[];
  /** Null when the framework did not change. */
  frameworkChanges: { renamedFrom: string | null; axes: AxisChangeView[] } | null;
  roles: RoleChangeView[];
  print: { footer: string };
}

/** A run of words of a text that changed; `lead` and `trail` are its outer spaces, kept out of the marks. */
export interface WordView {
  lead: string;
  text: string;
  trail: string;
  added: boolean;
  removed: boolean;
}

/** One line of a change: what changed (an axis, a rank), before and after, in which way, and the words that changed. */
export interface ChangeRowView {
  subject: string;
  before: string | null;
  after: string | null;
  change: string;
  words: WordView[] | null;
}

/** An axis of the framework that changed. */
export interface AxisChangeView {
  name: string;
  /** `New axis`, `Axis removed`, or null. */
  status: string | null;
  rows: ChangeRowView[];
  /** The codes of the positions it touches, or null when it touches every position. */
  touches: string[] | null;
}

/** A role that changed, and its positions that did. */
export interface RoleChangeView {
  title: string;
  /** `New role`, `Role removed`, `Renamed from …`, or null. */
  status: string | null;
  /** What the role is, reworded. */
  summary: WordView[] | null;
  /** What holds at every level, a row a statement added, removed or reworded; empty when none. */
  everyLevel: ChangeRowView[];
  positions: PositionChangeView[];
}

/** A position that changed. */
export interface PositionChangeView {
  code: string;
  title: string;
  /** `New position`, `Re-coded from ST4`, `Renamed from …`, `Now senior` … */
  notes: string[];
  rows: ChangeRowView[];
}

/** A handout's section of what changed for its position since an earlier version: null when nothing did. */
export interface SinceView {
  /** `Changed since 2026.1` (the earlier version's label, else the revision as given). */
  title: string;
  notes: string[];
  rows: ChangeRowView[];
}
