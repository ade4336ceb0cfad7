import type { VFile } from 'vfile';
import { quote, report, type Place } from '../messages.js';
import type { FilledWorksheet, Rating, WorksheetOrigin } from '../worksheet/filled-worksheet.js';
import type { Assessment, WrittenText } from './assessment.js';
import { overallFieldNames } from '../worksheet/worksheet-fields.js';
import { copyRoleOf } from './check-copies.js';

/** Several copies of one person's worksheet read as one: each field from the copy that filled it in. */
export interface MergedWorksheet {
  /** The first copy's origin; every copy was made for the same position, or an error says which is not. */
  origin: WorksheetOrigin;
  /** The first copy: where a message about the worksheets as a whole points. */
  first: FilledWorksheet;
  person: { name: string | null; manager: string | null; period: string | null; date: string | null };
  strengths: WrittenText[];
  grow: WrittenText[];
  /** The summary's overall rating. */
  overall: { self: Rating | null; manager: Rating | null };
  /** The sign-off: each signature (a name typed into it) and date; null where no copy filled it in. */
  signOff: Assessment['signOff'];
  /** Keyed by axis id, in the order the first copy that has the axis lists it. */
  axes: Map<string, { self: Rating | null; manager: Rating | null; evidence: WrittenText[] }>;
}

type TextField = keyof FilledWorksheet['fields'];

/**
 * Merge `worksheets` (a self copy and a manager copy, or one copy filled by both) into one. Self
 * ratings come from the copies without manager ratings when there are any (the self copy), manager
 * ratings from the copies that have them; texts are kept from every copy, each with whose copy it is from. Copies made for different
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
  const signed = (field: TextField) => mergePersonField(worksheets, field, fileOf, 'warning', 'conflicting-field');
  const signOff = {
    person: { signature: signed('sign-off-person'), date: signed('sign-off-person-date') },
    manager: { signature: signed('sign-off-manager'), date: signed('sign-off-manager-date') },
  };
  const selfCopies = worksheets.filter((worksheet) => copyRoleOf(worksheet) === 'self');
  // A manager's copy that also holds the self ratings, with no self copy beside it, was filled by both.
  const writerOf = (worksheet: FilledWorksheet): WrittenText['from'] =>
    copyRoleOf(worksheet) === 'self'
      ? 'self'
      : selfCopies.length === 0 &&
          (worksheet.overall.self !== undefined || Object.values(worksheet.axes).some((answers) => answers.self !== undefined))
        ? 'both'
        : 'manager';
  const textsOf = (read: (worksheet: FilledWorksheet) => string | undefined) =>
    collectTexts(worksheets.map((worksheet) => ({ from: writerOf(worksheet), text: read(worksheet) })));
  const axes: MergedWorksheet['axes'] = new Map();
  for (const id of new Set(worksheets.flatMap((worksheet) => Object.keys(worksheet.axes)))) {
    const selfSources = selfCopies.some((worksheet) => worksheet.axes[id]?.self !== undefined) ? selfCopies : worksheets;
    axes.set(id, {
      self: mergeRating(selfSources, `${id}.self`, (worksheet) => worksheet.axes[id]?.self, fileOf),
      manager: mergeRating(worksheets, `${id}.manager`, (worksheet) => worksheet.axes[id]?.manager, fileOf),
      evidence: textsOf((worksheet) => worksheet.axes[id]?.evidence),
    });
  }
  const overallSelf = selfCopies.some((worksheet) => worksheet.overall.self !== undefined) ? selfCopies : worksheets;
  const overall = {
    self: mergeRating(overallSelf, overallFieldNames.self, (worksheet) => worksheet.overall.self, fileOf),
    manager: mergeRating(worksheets, overallFieldNames.manager, (worksheet) => worksheet.overall.manager, fileOf),
  };
  return {
    origin: first.origin,
    first,
    person,
    overall,
    signOff,
    strengths: textsOf((worksheet) => worksheet.fields.strengths),
    grow: textsOf((worksheet) => worksheet.fields.grow),
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
  field: TextField,
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
  field: string,
  read: (worksheet: FilledWorksheet) => Rating | undefined,
  fileOf: (worksheet: FilledWorksheet) => VFile,
): Rating | null {
  const rated = worksheets.filter((worksheet) => read(worksheet) !== undefined);
  const [first] = rated;
  if (!first) return null;
  const rating = read(first)!;
  for (const other of rated.slice(1)) {
    const otherRating = read(other)!;
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

/** The texts given, verbatim but for trailing blank space, each once: a text two kinds of copy share is from both. */
function collectTexts(texts: readonly { from: WrittenText['from']; text: string | undefined }[]): WrittenText[] {
  const kept = new Map<string, WrittenText>();
  for (const { from, text } of texts) {
    if (!isFilled(text)) continue;
    const trimmed = text.replace(/\s+$/, '');
    const known = kept.get(trimmed);
    if (!known) kept.set(trimmed, { from, text: trimmed });
    else if (known.from !== from) known.from = 'both';
  }
  return [...kept.values()];
}

function isFilled(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

/** Names compared the way people read them: letter case, spacing and Unicode forms aside. */
function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('und');
}
