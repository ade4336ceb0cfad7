import { VFile } from 'vfile';
import type { PlacedPosition } from '../compare/find-position.js';
import type { Ladder } from '../model.js';
import type { FilledWorksheet } from '../worksheet/filled-worksheet.js';
import type { Assessment } from './assessment.js';
import { checkWorksheetOrigin } from './check-worksheet-origin.js';
import { mergeWorksheets } from './merge-worksheets.js';
import { toAssessment } from './to-assessment.js';

/**
 * Merge filled `worksheets` of one person, check each against today's `ladder` and assess them.
 * Returns one file of messages per worksheet, in order, and the assessment, or null when any
 * message is an error (then nothing should be written).
 */
export function assessWorksheets(
  ladder: Ladder,
  worksheets: readonly FilledWorksheet[],
  fingerprintOf: (placed: PlacedPosition) => string,
): { assessment: Assessment | null; files: VFile[] } {
  const files = worksheets.map((worksheet) => new VFile({ path: worksheet.file }));
  const merged = mergeWorksheets(worksheets, files);
  const placed = worksheets.map((worksheet, i) => checkWorksheetOrigin(ladder, worksheet, files[i]!, fingerprintOf));
  const [position] = placed;
  if (!position || files.some((file) => file.messages.some((message) => message.fatal))) return { assessment: null, files };
  const sources = worksheets.map((worksheet) => ({ file: worksheet.file, format: worksheet.format }));
  return { assessment: toAssessment(ladder, merged, position, sources), files };
}
