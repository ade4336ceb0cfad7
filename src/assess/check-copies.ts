import type { VFile } from 'vfile';
import { quote, report } from '../messages.js';
import type { FilledWorksheet } from '../worksheet/filled-worksheet.js';

/** Whose copy a worksheet is: the manager's when it has any manager rating (on an axis or overall), else the person's own. */
export type CopyRole = 'self' | 'manager';

/** Whose copy `worksheet` is (see `CopyRole`). */
export function copyRoleOf(worksheet: FilledWorksheet): CopyRole {
  const rated = worksheet.overall.manager !== undefined || Object.values(worksheet.axes).some((answers) => answers.manager !== undefined);
  return rated ? 'manager' : 'self';
}

/**
 * Refuse a copy given twice: two copies with the same answers (one file named twice, or a copy of
 * it), or two copies of one kind (two self copies, two manager copies), which an assessment cannot
 * tell apart. Each is an error on the later copy's file in `files` (one per worksheet), naming the earlier.
 */
export function checkCopies(worksheets: readonly FilledWorksheet[], files: readonly VFile[]): void {
  worksheets.forEach((worksheet, index) => {
    const role = copyRoleOf(worksheet);
    const earlier = worksheets.slice(0, index).find((other) => isSameCopy(other, worksheet) || copyRoleOf(other) === role);
    if (!earlier) return;
    const reason = isSameCopy(earlier, worksheet)
      ? `This copy gives the same answers as ${quote(earlier.file)}: one copy was given twice`
      : `This copy and ${quote(earlier.file)} are both ${role === 'self' ? 'self copies (neither has a manager rating)' : 'manager copies (both have manager ratings)'}`;
    report(
      files[index]!,
      'error',
      `${reason}; give the person's own copy and their manager's, or one copy filled by both`,
      undefined,
      'duplicate-copy',
      { file: earlier.file, place: undefined, reason: `the first ${role} copy` },
    );
  });
}

/** Whether two copies say the same everywhere: the same file, or a copy of it. */
function isSameCopy(a: FilledWorksheet, b: FilledWorksheet): boolean {
  return answersOf(a) === answersOf(b);
}

/** A copy's answers as one text, the same whatever order its reader met the fields in. */
function answersOf({ origin, fields, overall, axes }: FilledWorksheet): string {
  const byName = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rated = byName(Object.entries(axes)).map(([id, answers]) => [id, answers.self, answers.manager, answers.evidence]);
  return JSON.stringify([origin.code, origin.roleId, byName(Object.entries(fields)), overall.self, overall.manager, rated]);
}
