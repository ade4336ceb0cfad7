import type { PageHeaderView } from '../view/view.js';

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
