/**
 * What changed between two versions of a ladder, as plain data: the framework's axes and keywords,
 * then each role and its positions. Made by `diffLadders`, printed by the formatters and the changelog.
 */

/** A run of words in a word-level diff: kept, added (only in the new text) or removed (only in the old). */
export interface TextPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** A keyword at a rank of an axis: `Owns`, rank 3 of 5. */
export interface RankRef {
  keyword: string;
  rank: number;
  ranks: number;
}

/** Which way a position's rank on an axis moves; `same` with another keyword is a renamed keyword. */
export type RankDirection = 'same' | 'up' | 'down';

/** What one position expects on one axis, before and after; null on the side where the axis does not exist. */
export interface ExpectationChange {
  axis: { id: string; name: string };
  from: RankRef | null;
  to: RankRef | null;
  /** Null when the axis exists on one side only. */
  direction: RankDirection | null;
  /** The bullet's text, word by word, when it changed while the axis stayed; null otherwise. */
  description: TextPart[] | null;
  /** The cell's statements added, removed or reworded (a competency's text, with or without a rung); absent when none. */
  statements?: StatementChange[];
}

/** One statement of a cell that changed: added, removed, or reworded (then `words`, word by word). */
export interface StatementChange {
  change: 'added' | 'removed' | 'reworded';
  before: string | null;
  after: string | null;
  words: TextPart[] | null;
}

/** A named fact about a position (`Scope: Features`) added, removed, or with another value; null on the side without it. */
export interface AttributeChange {
  name: string;
  from: string | null;
  to: string | null;
}

/** What holds at every level of a role, changed on one competency. */
export interface EveryLevelChange {
  competency: { id: string; name: string };
  statements: StatementChange[];
}

/** A position as one version has it. */
export interface PositionRef {
  code: string;
  title: string;
  level: number;
  senior: boolean;
}

/** A position added, removed, or changed: re-coded or renamed (same role and level), its seniority or its expectations. */
export interface PositionChange {
  change: 'added' | 'removed' | 'changed';
  from: PositionRef | null;
  to: PositionRef | null;
  /** The code changed while role and level stayed. */
  recoded: boolean;
  /** The title changed. */
  renamed: boolean;
  /** Senior on one side and not on the other. */
  seniority: boolean;
  /** Every axis whose keyword, rank or text changed, in the framework's axis order; empty for an added or removed position. */
  expectations: ExpectationChange[];
  /** Its attributes added, removed or changed, in the newer order; absent when none did. */
  attributes?: AttributeChange[];
}

/** A role added, removed, or changed: its title, its first paragraph or any of its positions. */
export interface RoleChange {
  change: 'added' | 'removed' | 'changed';
  id: string;
  from: { title: string } | null;
  to: { title: string } | null;
  /** The role's first paragraph, word by word, when it changed. */
  summary: TextPart[] | null;
  /** By level, then code; only positions that changed. */
  positions: PositionChange[];
  /** What holds at every level, by competency, where its statements changed; absent when none did. */
  everyLevel?: EveryLevelChange[];
}

/** One rank of an axis that changed: its keyword renamed, its text reworded, or the rank added or removed. */
export interface KeywordChange {
  rank: number;
  from: { keyword: string; description: string } | null;
  to: { keyword: string; description: string } | null;
  renamed: boolean;
  description: TextPart[] | null;
  /** The codes of the positions that expect this rank of the axis (in the newer version, else the older). */
  positions: string[];
}

/** An axis of the framework added, removed, or changed in what it measures or in its keywords. */
export interface AxisChange {
  change: 'added' | 'removed' | 'changed';
  id: string;
  name: string;
  /** What the axis measures, word by word, when it changed. */
  summary: TextPart[] | null;
  /** By rank. */
  keywords: KeywordChange[];
  /** The codes of the positions the change touches: all of them for an axis added, removed or re-described. */
  positions: string[];
}

/** How many things changed, by kind; the summary line is written from these. */
export interface DiffCounts {
  axes: { added: number; removed: number; changed: number };
  roles: { added: number; removed: number; changed: number };
  positions: { added: number; removed: number; recoded: number; changed: number };
}

/** One side of a diff: the revision or folder as given, and the framework's version label there. */
export interface DiffSide {
  label: string;
  version: string | null;
}

/** Everything that changed from one version of a ladder to another; unchanged roles and positions are not listed. */
export interface LadderDiff {
  from: DiffSide;
  to: DiffSide;
  framework: {
    title: { from: string; to: string } | null;
    axes: AxisChange[];
  };
  roles: RoleChange[];
  counts: DiffCounts;
}

/** What `build --since` compares every position with: the diff from that revision, and how its section names it (`2026.1`, else `origin/main (1a2b3c4)`). */
export interface SinceDiff {
  diff: LadderDiff;
  version: string;
}
