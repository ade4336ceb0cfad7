import type { VFile } from 'vfile';
import { quote, report, type Place } from '../messages.js';
import type { FilledWorksheet, Rating, WorksheetOrigin } from '../worksheet/filled-worksheet.js';

/** Several copies of one person's worksheet read as one: each field from the copy that filled it in. */
export interface MergedWorksheet {
  /** The first copy's origin; every copy was made for the same position, or an error says which is not. */
  origin: WorksheetOrigin;
  /** The first copy: where a message about the worksheets as a whole points. */
  first: FilledWorksheet;
  person: { name: string | null; manager: string | null; period: string | null; date: string | null };
  strengths: string[];
  grow: string[];
  /** Keyed by axis id, in the order the first copy that has the axis lists it. */
  axes: Map<string, { self: Rating | null; manager: Rating | null; evidence: string[] }>;
}

type PersonField = keyof MergedWorksheet['person'];

/**
 * Merge `worksheets` (a self copy and a manager copy, or one copy filled by both) into one. Self
 * ratings come from the copies without manager ratings when there are any (the self copy), manager
 * ratings from the copies that have them; texts are kept from every copy. Copies made for different
 * positions, naming different people, or giving different ratings for one field are errors on
 * `files` (one per worksheet, in the same order); other fields that differ are warnings, and the
 * first copy's is kept.
 */
export function mergeWorksheets(worksheets: readonly FilledWorksheet[], files: readonly VFile[]): MergedWorksheet {
  const [first] = worksheets;
  if (!first || files.length !== worksheets.length) throw new Error('mergeWorksheets needs one file for each of at least one worksheet');
  const fileOf = (worksheet: FilledWorksheet) => files[worksheets.indexOf(worksheet)]!;
  for (const worksheet of worksheets.slice(1)) checkSamePosition(first, worksheet, fileOf(worksheet));
  const person = {
    name: mergePersonField(worksheets, 'name', fileOf, 'error', 'conflicting-person'),
    manager: mergePersonField(worksheets, 'manager', fileOf, 'warning', 'conflicting-field'),
    period: mergePersonField(worksheets, 'period', fileOf, 'warning', 'conflicting-field'),
    date: mergePersonField(worksheets, 'date', fileOf, 'warning', 'conflicting-field'),
  };
  const selfCopies = worksheets.filter((worksheet) => !Object.values(worksheet.axes).some((answers) => answers.manager !== undefined));
  const axes: MergedWorksheet['axes'] = new Map();
  for (const id of new Set(worksheets.flatMap((worksheet) => Object.keys(worksheet.axes)))) {
    const selfSources = selfCopies.some((worksheet) => worksheet.axes[id]?.self !== undefined) ? selfCopies : worksheets;
    axes.set(id, {
      self: mergeRating(selfSources, id, 'self', fileOf),
      manager: mergeRating(worksheets, id, 'manager', fileOf),
      evidence: collectTexts(worksheets.map((worksheet) => worksheet.axes[id]?.evidence)),
    });
  }
  return {
    origin: first.origin,
    first,
    person,
    strengths: collectTexts(worksheets.map((worksheet) => worksheet.fields.strengths)),
    grow: collectTexts(worksheets.map((worksheet) => worksheet.fields.grow)),
    axes,
  };
}

/** Where `field` was found in `worksheet`, or its first line when the reader did not say. */
export function placeOf(worksheet: FilledWorksheet, field: string): Place {
  const place = worksheet.places[field];
  return place ? { line: place.line, column: place.column } : { line: 1, column: 1 };
}

function checkSamePosition(first: FilledWorksheet, other: FilledWorksheet, file: VFile): void {
  const [a, b] = [first.origin, other.origin];
  if (a.code.toUpperCase() === b.code.toUpperCase() && a.roleId === b.roleId) return;
  report(
    file,
    'error',
    `This copy was made for ${quote(b.code)} (role ${quote(b.roleId)}), another for ${quote(a.code)} (role ${quote(a.roleId)}); copies merged into one assessment must be made for one position`,
    placeOf(other, 'origin'),
    'conflicting-position',
    { file: first.file, place: placeOf(first, 'origin'), reason: `made for ${quote(a.code)} here` },
  );
}

function mergePersonField(
  worksheets: readonly FilledWorksheet[],
  field: PersonField,
  fileOf: (worksheet: FilledWorksheet) => VFile,
  severity: 'error' | 'warning',
  ruleId: string,
): string | null {
  const filled = worksheets.filter((worksheet) => isFilled(worksheet.fields[field]));
  const [first] = filled;
  if (!first) return null;
  const value = first.fields[field]!.trim();
  for (const other of filled.slice(1)) {
    const otherValue = other.fields[field]!.trim();
    if (normalizeName(otherValue) === normalizeName(value)) continue;
    const kept = severity === 'warning' ? `; the first is kept` : '; copies merged into one assessment must be about one person';
    report(
      fileOf(other),
      severity,
      `Field ${quote(field)} says ${quote(otherValue)} here and ${quote(value)} in ${quote(first.file)}${kept}`,
      placeOf(other, field),
      ruleId,
      { file: first.file, place: placeOf(first, field), reason: `${quote(field)} is ${quote(value)} here` },
    );
  }
  return value;
}

function mergeRating(
  worksheets: readonly FilledWorksheet[],
  axisId: string,
  who: 'self' | 'manager',
  fileOf: (worksheet: FilledWorksheet) => VFile,
): Rating | null {
  const rated = worksheets.filter((worksheet) => worksheet.axes[axisId]?.[who] !== undefined);
  const [first] = rated;
  if (!first) return null;
  const rating = first.axes[axisId]![who]!;
  const field = `${axisId}.${who}`;
  for (const other of rated.slice(1)) {
    const otherRating = other.axes[axisId]![who]!;
    if (otherRating === rating) continue;
    report(
      fileOf(other),
      'error',
      `Field ${quote(field)} is ${quote(otherRating)} here and ${quote(rating)} in ${quote(first.file)}; fill each rating in one copy, or the same in both`,
      placeOf(other, field),
      'conflicting-rating',
      { file: first.file, place: placeOf(first, field), reason: `${quote(field)} is ${quote(rating)} here` },
    );
  }
  return rating;
}

/** The texts given, verbatim but for trailing blank space, each once. */
function collectTexts(texts: readonly (string | undefined)[]): string[] {
  const kept = texts.filter(isFilled).map((text) => text.replace(/\s+$/, ''));
  return [...new Set(kept)];
}

function isFilled(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

/** Names compared the way people read them: letter case, spacing and Unicode forms aside. */
function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('und');
}
