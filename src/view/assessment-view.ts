import type { AxisView, ChartView, PageHeaderView, RankView } from './view.js';

/**
 * The view an assessment handout's templates see (`assessment.html.hbs`, `assessment.md.hbs`), derived
 * in `to-assessment-view.ts`. Every text the worksheets gave is plain text, never markup: the HTML
 * template prints it escaped, the Markdown one escaped for Markdown.
 */
export interface AssessmentView extends PageHeaderView {
  /** `EM5 assessment — Alex Doe`. */
  title: string;
  position: { code: string; title: string; level: number; seniority: string; role: { id: string; title: string } };
  /** The role's next position; null for the role's last. */
  next: { code: string; title: string } | null;
  /** The worksheet's fields that were filled in, each with its name in the page's language: name, manager, period, date. */
  details: { term: string; value: string }[];
  /** The person's name, or null when no copy gave one. */
  name: string | null;
  /** Every axis of the framework, in its order. */
  axes: AssessedAxisView[];
  /** The summary's overall rating, self and manager. */
  overall: { self: RatingView; manager: RatingView; differ: boolean };
  /** The sign-off, the person reviewed first: who, the signature (a name as typed) and the date, or `Not signed`. */
  signOff: { who: string; signature: string; date: string; signed: boolean }[];
  /** `Self and manager differ on: System, People`, or that they agree. */
  agreement: string;
  /** Each text as paragraphs of lines, verbatim. */
  strengths: TextView[];
  grow: TextView[];
  /** The position, the next one and the person's ratings on one radar chart, over the competencies with a scale; null when none has one. */
  chart: (ChartView & { note: string }) | null;
  internal: boolean;
  /** For the page margins, each a quoted CSS string safe inside `<style>`. */
  print: { footer: string; head: string };
}

/**
 * One axis: what the position (and the next) expects, both ratings, the evidence. On a competency
 * without a scale `hasRung` is false, the rank is 0 and its words empty: the cell's statements are in
 * `text`, and what the next position adds or rewords in `adds` (each `{ body }`, sanitised HTML or Markdown).
 */
export interface AssessedAxisView {
  axis: AxisView;
  expected: RankView & { hasRung: boolean; text: { body: string } | null };
  /** What the next position expects, `same` when it asks what this one does; null for the role's last position. */
  next: (RankView & { same: boolean; hasRung: boolean; adds: { body: string } | null }) | null;
  self: RatingView;
  manager: RatingView;
  differ: boolean;
  evidence: TextView[];
}

/** A rating in the page's language; `given` is false when nobody rated. */
export interface RatingView {
  value: string | null;
  text: string;
  given: boolean;
}

/** A text someone wrote, as its paragraphs (split at blank lines) of lines: the templates break lines where the writer did. */
export interface TextView {
  /** Whose copy it is from, in the page's language: `Self-assessment`, `Manager’s assessment`, or both. */
  from: string;
  paragraphs: { lines: string[] }[];
}
