import { VFile } from 'vfile';
import type { PlacedPosition } from '../plan/find-position.js';
import { report } from '../messages.js';
import type { Ladder } from '../model.js';
import type { FilledWorksheet } from '../worksheet/filled-worksheet.js';
import type { Assessment } from './assessment.js';
import { checkCopies } from './check-copies.js';
import { checkWorksheetOrigin } from './check-worksheet-origin.js';
import { mergeWorksheets, type MergedWorksheet } from './merge-worksheets.js';
import { toAssessment } from './to-assessment.js';

/**
 * Merge filled `worksheets` of one person, check each against today's `ladder` and assess them.
 * Returns one file of messages per worksheet, in order, and the assessment, or null when any
 * message is an error (then nothing should be written): copies that are one copy given twice, or
 * that rate nothing at all, are errors.
 */
export function assessWorksheets(
  ladder: Ladder,
  worksheets: readonly FilledWorksheet[],
  fingerprintOf: (placed: PlacedPosition) => string,
): { assessment: Assessment | null; files: VFile[] } {
  const files = worksheets.map((worksheet) => new VFile({ path: worksheet.file }));
  const merged = mergeWorksheets(worksheets, files);
  const placed = worksheets.map((worksheet, i) => checkWorksheetOrigin(ladder, worksheet, files[i]!, fingerprintOf));
  checkCopies(worksheets, files);
  const failed = () => files.some((file) => file.messages.some((message) => message.fatal));
  // Copies that fail another check already may well rate nothing too: that would be one message too many.
  if (!failed() && !isRated(ladder, merged))
    report(
      files[0]!,
      'error',
      worksheets.length === 1
        ? 'The worksheet rates nothing: no box is ticked, so there is nothing to assess'
        : 'No copy rates anything: no box is ticked in any of them, so there is nothing to assess',
      undefined,
      'nothing-rated',
    );
  const [position] = placed;
  if (!position || failed()) return { assessment: null, files };
  const sources = worksheets.map((worksheet) => ({ file: worksheet.file, format: worksheet.format }));
  return { assessment: toAssessment(ladder, merged, position, sources), files };
}

/** Whether any copy ticked a rating: the overall one, or one on an axis the ladder has. */
function isRated(ladder: Ladder, merged: MergedWorksheet): boolean {
  if (merged.overall.self !== null || merged.overall.manager !== null) return true;
  return ladder.framework.competencies.some((axis) => {
    const answers = merged.axes.get(axis.id);
    return answers !== undefined && (answers.self !== null || answers.manager !== null);
  });
}
