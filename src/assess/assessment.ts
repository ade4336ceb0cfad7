import type { Rating } from '../worksheet/filled-worksheet.js';

/**
 * An assessment: filled worksheets of one person merged and set against today's ladder. It is what
 * `ladders assess --json` prints (its shape is documented in docs/assess.md) and what the assessment
 * handout is made from.
 */
export interface Assessment {
  /** The worksheets read, in the order they were given. */
  sources: { file: string; format: 'pdf' | 'md' }[];
  /** What the worksheets say about the review; a field no copy filled in is null. */
  person: { name: string | null; manager: string | null; period: string | null; date: string | null };
  framework: { title: string; version: string | null };
  /** The position the worksheets were made for, as today's ladder has it. */
  position: AssessedPosition;
  /** The role's next position; null for the role's last. */
  next: AssessedPosition | null;
  /** Every axis (competency) of today's framework the position expects something on, in its order. */
  axes: AssessedAxis[];
  /** The summary's overall rating, self and manager (each null when not rated), and whether both are given and differ. */
  overall: { self: Rating | null; manager: Rating | null; differ: boolean };
  /** The sign-off of the person reviewed and of their manager: the signature (a name, as typed) and the date, each null when not filled in. */
  signOff: { person: Signature; manager: Signature };
  /** Each copy's text, verbatim, in the order the copies were given, with whose copy it is from; a text two copies share is listed once. */
  strengths: WrittenText[];
  grow: WrittenText[];
}

/** One line of the sign-off. */
export interface Signature {
  signature: string | null;
  date: string | null;
}

/**
 * A text a copy gave, verbatim, and whose copy it is from: the person's own (`self`), their manager's
 * (`manager`), or `both`: one copy filled by both, or the same text in both copies.
 */
export interface WrittenText {
  from: 'self' | 'manager' | 'both';
  text: string;
}

/** A position as an assessment names it. */
export interface AssessedPosition {
  code: string;
  title: string;
  level: number;
  role: { id: string; title: string };
}

/**
 * What a position expects on one competency: its rung (rank, keyword and description), or on a
 * competency without a scale a null rank and keyword; and, when the cell has any, its statements.
 */
export interface AssessedExpectation {
  rank: number | null;
  keyword: string | null;
  description: string;
  /** What the cell says, each a paragraph or a bullet as safe inline Markdown; absent when it says nothing but its rung. */
  statements?: { kind: 'paragraph' | 'bullet'; text: string }[];
}

/** One axis: what the position and the next expect, both ratings, and the evidence. */
export interface AssessedAxis {
  id: string;
  name: string;
  /** How many ranks the axis has; 0 for a competency without a scale. */
  ranks: number;
  expected: AssessedExpectation;
  /** What the next position expects; null for the role's last position. */
  next: AssessedExpectation | null;
  /** Null when no copy rated the axis. */
  self: Rating | null;
  manager: Rating | null;
  /** Whether both ratings are given and differ. */
  differ: boolean;
  /** Each copy's evidence, as for `strengths`. */
  evidence: WrittenText[];
}
