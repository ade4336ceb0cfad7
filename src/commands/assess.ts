import path from 'node:path';
import type { VFile } from 'vfile';
import { assessWorksheets } from '../assess/assess-worksheets.js';
import type { Assessment } from '../assess/assessment.js';
import { formatAssessment } from '../assess/format-assessment.js';
import { ContentError, exitCode, UsageError } from '../failures.js';
import { formatMessages } from '../format-messages.js';
import { escapeControls } from '../messages.js';
import type { Ladder } from '../model.js';
import { loadLadder, type ReadSettings } from '../read/load-ladder.js';
import type { FilledWorksheet } from '../worksheet/filled-worksheet.js';
import { fingerprintPosition } from '../worksheet/fingerprint-position.js';
import { readWorksheetFile } from '../worksheet/read-worksheet-file.js';
import { checkOutFolder, overlapOf, placesRead, resolveReal } from '../write/check-out-folder.js';
import type { CommandIo } from '../command-io.js';
import type { HandoutOptions } from './write-handout.js';

/** Options of `ladders assess`, flags and configuration merged; the handout's look is taken as `compare`'s and `diff`'s is. */
export interface AssessOptions extends Omit<HandoutOptions, 'out' | 'private'> {
  ladders: string;
  reading?: ReadSettings;
  /** The filled worksheets, as the user named them: one, or several copies of one person's. */
  files: string[];
  /** `--out`: the folder to write the assessment handout into; null writes nothing. */
  out: string | null;
  /** The build's output folder (`--out` of `build`, shared with everyone the handouts go to): never an assessment's. */
  sharedOut: string;
  /** `--json`: print the assessment as data instead of as text. */
  json: boolean;
}

/**
 * `ladders assess FILE…`: read filled worksheets, merge them, check them against today's ladder and
 * print the assessment; with `--out`, also write its handout there, for the owner alone. A worksheet
 * that cannot be read or does not fit the ladder is a message with its place, exit 1, and nothing is
 * written; files are written only once all are made.
 */
export async function assess(options: AssessOptions, io: CommandIo): Promise<number> {
  if (options.files.length === 0)
    throw new UsageError('`assess` takes one or more filled worksheets, such as `ladders assess self.md manager.pdf`');
  if (options.out !== null) await checkOut(options.out, options, io.cwd);
  const { ladder, files } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  io.stderr(formatMessages(files, { problemsOnly: true }));
  if (!ladder || files.some((file) => file.messages.some((message) => message.fatal))) throw new ContentError();
  const worksheets = await readWorksheets(options.files, io);
  const checked = assessWorksheets(ladder, worksheets, (placed) => fingerprintPosition(placed.position));
  io.stderr(formatMessages(checked.files, { problemsOnly: true }));
  const { assessment } = checked;
  if (!assessment) throw new ContentError();
  const print = () => io.stdout(options.json ? formatJson(assessment) : formatAssessment(assessment));
  if (options.out === null) {
    print();
    return exitCode.ok;
  }
  await writeAssessment(ladder, assessment, { ...options, out: options.out }, io, print);
  return exitCode.ok;
}

/** The assessment as JSON: JSON escapes C0 controls in strings, and DEL and the C1 controls, which it leaves raw, are escaped too. */
function formatJson(assessment: Assessment): string {
  return JSON.stringify(assessment, null, 2).replace(/[\u007f-\u009f]/g, escapeControls) + '\n';
}

/** Render, print and write the handout; every file only once all are made, each readable by its owner alone. */
async function writeAssessment(
  ladder: Ladder,
  assessment: Assessment,
  options: AssessOptions & { out: string },
  io: CommandIo,
  print: () => void,
): Promise<void> {
  const [{ planAssessment }, { planAndWriteHandout }] = await Promise.all([
    import('../assess/plan-assessment.js'),
    import('./write-handout.js'),
  ]);
  await planAndWriteHandout(
    (templates, pageOptions) => planAssessment(ladder, assessment, templates, pageOptions),
    { ...options, private: true },
    io,
    print,
  );
}

/**
 * An assessment is one person's: its folder must be named, keep clear of what the command reads, and
 * not be the build's, whose handouts are shared (nor inside it), so it is never published or
 * committed with them by accident. Compared after resolving symbolic links, as every `--out` is.
 */
async function checkOut(out: string, options: AssessOptions, cwd: string): Promise<void> {
  await checkOutFolder(out, placesRead(options.ladders, options.templates, options.settingsFiles), cwd);
  const overlap = overlapOf(await resolveReal(path.resolve(cwd, out)), await resolveReal(path.resolve(cwd, options.sharedOut)));
  if (overlap === 'is' || overlap === 'is inside') {
    throw new UsageError(
      `\`--out ${out}\` is the build's output folder, whose handouts are shared; write an assessment to a folder of its own, such as \`--out assessments\``,
    );
  }
}

/** Read each worksheet; every file that cannot be read is a message, and any is exit 1 once all were tried. */
async function readWorksheets(names: readonly string[], io: CommandIo): Promise<FilledWorksheet[]> {
  const worksheets: FilledWorksheet[] = [];
  const failed: VFile[] = [];
  for (const name of names) {
    try {
      worksheets.push(await readWorksheetFile(name, io.cwd));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      failed.push(...error.files);
    }
  }
  if (failed.length) throw new ContentError(failed);
  return worksheets;
}
