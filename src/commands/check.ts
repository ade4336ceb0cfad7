import path from 'node:path';
import { countMessages, formatMessages } from '../format-messages.js';
import { loadLadder, type LoadedLadder } from '../read/load-ladder.js';
import { exitCode } from '../failures.js';
import { plural, quote } from '../messages.js';
import type { CommandIo } from './io.js';
import type { ReadSettings } from '../read/load-ladder.js';

/** Options of `ladders check`. */
export interface CheckOptions {
  ladders: string;
  /** What reading takes from the configuration: the framework's title, more seniority words. */
  reading?: ReadSettings;
  strict: boolean;
  /** The configuration file used, from the working folder, when it was found in a folder above; null otherwise. */
  configFile?: string | null;
}

/** `ladders check`: print every message and a summary; exit 1 on errors (or warnings, with `--strict`). */
export async function check(options: CheckOptions, io: CommandIo): Promise<number> {
  const { files, found } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  const counts = countMessages(files);
  if (options.configFile) io.stdout(`Using the configuration in ${quote(options.configFile)}\n`);
  io.stdout(formatMessages(files));
  io.stdout(summaryLine(found, counts) + '\n');
  const failed = counts.error > 0 || (options.strict && counts.warning > 0);
  return failed ? exitCode.contentError : exitCode.ok;
}

/** `4 roles, 18 positions: 1 error, 0 warnings`, counting what the pages hold, read into the model or not. */
function summaryLine({ roles, positions }: LoadedLadder['found'], counts: { error: number; warning: number }): string {
  const problems =
    counts.error + counts.warning === 0 ? 'no problems' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  return `${plural(roles, 'role')}, ${plural(positions, 'position')}: ${problems}`;
}
