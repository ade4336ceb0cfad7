import type { AxisView, ChartView, PageHeaderView, RankView } from './view.js';

/**
 * The view a comparison handout's templates see (`compare.html.hbs`, `compare.md.hbs`), derived in
 * `to-comparison-view.ts`. It has every page's fields but `home`: the handout is written into any
 * folder, where no index need exist to link to.
 */
export interface ComparisonView extends PageHeaderView {
  /** `EM5 → EM6 — Engineering Manager 5 compared with Engineering Manager 6`. */
  title: string;
  from: ComparedPositionView;
  to: ComparedPositionView;
  /** Whether both positions belong to one role. */
  sameRole: boolean;
  /** Every axis, in the framework's order. */
  axes: ComparedAxisView[];
  /** The axes whose rank changes, then those whose rank stays, each in the framework's order. */
  changes: ComparedAxisView[];
  stays: ComparedAxisView[];
  /** `2 changing, 3 the same`, in the page's language. */
  summary: string;
  /** Both positions on one radar chart, over the competencies with a scale: `from` the first shape, `to` the second (dashed), with a legend; null when none has a scale. */
  chart: ChartView | null;
  /** Pages for readers outside the organisation (the configuration's `audience`) leave out the tool's version. */
  internal: boolean;
  /**
   * For the page margins, each a quoted CSS string safe inside `<style>`: `footer`, the comparison;
   * `head`, the organisation and the framework (and for its own readers, the tool).
   */
  print: { footer: string; head: string };
}

/** One of the two positions compared. */
export interface ComparedPositionView {
  code: string;
  title: string;
  level: number;
  senior: boolean;
  seniority: string;
  role: { id: string; title: string; summary: string };
}

/**
 * One axis: what each position expects, and which way it moves. On a competency without a scale
 * `hasRung` is false, the ranks are 0 and their words empty, and `statements` say what the second
 * position adds, removes or rewords (`changed` when any).
 */
export interface ComparedAxisView {
  axis: AxisView;
  from: RankView;
  to: RankView;
  direction: 'same' | 'up' | 'down' | 'changed';
  /** `goes up`, `goes down`, `stays`, or `text changes`, in the page's language. */
  directionText: string;
  hasRung: boolean;
  /** Each statement added, removed or reworded: `change` in the page's language, the text before and after (`{ body }`, rendered), null on the side without it. */
  statements: { change: string; before: { body: string } | null; after: { body: string } | null }[];
  /** `up from rank 3 to rank 4 of 5`; empty when the rank stays. */
  moveText: string;
  changed: boolean;
  /** `Owns → Evolves`, or the one keyword when it stays. */
  text: string;
}
