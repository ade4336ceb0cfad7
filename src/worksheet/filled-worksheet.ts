import type { SourcePlace } from '../model.js';

/** A rating a reviewer chose on one axis: the four choices every worksheet offers. */
export type Rating = 'below' | 'meets' | 'above' | 'na';

/** The ratings every worksheet offers, in the order they are printed. */
export const ratings: readonly Rating[] = ['below', 'meets', 'above', 'na'];

/** What a worksheet was made for, carried inside it so that an assessment can check it against today's ladder. */
export interface WorksheetOrigin {
  roleId: string;
  code: string;
  /** The framework's version label when the ladder has one. */
  frameworkVersion: string | null;
  /** A fingerprint of what the position expected (its keywords and descriptions) when the worksheet was made. */
  positionFingerprint: string;
}

/** What a reviewer filled in on one axis; a field left empty is absent. */
export interface AxisAnswers {
  self?: Rating;
  manager?: Rating;
  /** Verbatim text, never markup. */
  evidence?: string;
}

/** One filled worksheet read back, from a PDF form or a Markdown worksheet. */
export interface FilledWorksheet {
  /** The file as the user named it, for messages. */
  file: string;
  format: 'pdf' | 'md';
  origin: WorksheetOrigin;
  /** The page's text fields, the sign-off's signatures and dates among them; a field left empty is absent. */
  fields: Partial<
    Record<
      | 'name'
      | 'manager'
      | 'period'
      | 'date'
      | 'strengths'
      | 'grow'
      | 'sign-off-person'
      | 'sign-off-person-date'
      | 'sign-off-manager'
      | 'sign-off-manager-date',
      string
    >
  >;
  /** The overall rating of the summary, self and manager; a rating left empty is absent. */
  overall: { self?: Rating; manager?: Rating };
  /** Keyed by axis id (`Axis.id`). */
  axes: Record<string, AxisAnswers>;
  /** Where each field was found, for messages: a PDF field's page, a Markdown line. */
  places: Record<string, SourcePlace>;
}
