import type { FilledWorksheet } from './filled-worksheet.js';

/** The name of one of a worksheet's page-wide text fields. */
export type TextFieldName = keyof FilledWorksheet['fields'];

/** The page-wide text fields, in the order a worksheet prints them: the sign-off's signatures and dates last. */
export const textFieldNames: readonly TextFieldName[] = [
  'name',
  'manager',
  'period',
  'date',
  'strengths',
  'grow',
  'sign-off-person',
  'sign-off-person-date',
  'sign-off-manager',
  'sign-off-manager-date',
];

/**
 * The overall rating's fields, self and manager. Without a dot, as no axis's field is, they can never
 * be taken for an axis's, whatever the axis is called.
 */
export const overallFieldNames = { self: 'overall-self', manager: 'overall-manager' } as const;

/** The parts of a field named after an axis: `<axis-id>.self`, `<axis-id>.manager`, `<axis-id>.evidence`. */
export const axisFieldParts = ['self', 'manager', 'evidence'] as const;

/** What a field's name says it holds; null for a name no worksheet has. */
export type FieldName =
  | { kind: 'text'; name: TextFieldName }
  | { kind: 'overall'; part: 'self' | 'manager' }
  | { kind: 'axis'; axis: string; part: AxisFieldPart };

/** What an axis's field holds. */
export type AxisFieldPart = (typeof axisFieldParts)[number];

/** Read a field's name: a page-wide text field, the overall rating, or an axis's rating or evidence; null for any other name. */
export function parseFieldName(name: string): FieldName | null {
  if ((textFieldNames as readonly string[]).includes(name)) return { kind: 'text', name: name as TextFieldName };
  if (name === overallFieldNames.self) return { kind: 'overall', part: 'self' };
  if (name === overallFieldNames.manager) return { kind: 'overall', part: 'manager' };
  const match = /^([a-z0-9][a-z0-9-]*)\.(self|manager|evidence)$/.exec(name);
  return match ? { kind: 'axis', axis: match[1]!, part: match[2] as AxisFieldPart } : null;
}
