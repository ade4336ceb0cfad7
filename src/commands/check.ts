import path from 'node:path';
import { countMessages, formatMessages } from '../format-messages.js';
import { loadLadder } from '../read/load-ladder.js';
import type { Ladder } from '../model.js';
import { exitCode } from '../failures.js';
import { plural } from '../messages.js';
import type { CommandIo } from './io.js';
import type { ReadSettings } from '../read/load-ladder.js';

/** Options of `ladders check`. */
export interface CheckOptions {
  ladders: string;
  /** What reading takes from the configuration: the framework's title, more seniority words. */
  reading?: ReadSettings;
  strict: boolean;
}

/** `ladders check`: print every message and a summary; exit 1 on errors (or warnings, with `--strict`). */
export async function check(options: CheckOptions, io: CommandIo): Promise<number> {
  const { ladder, files } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  const counts = countMessages(files);
  io.stdout(formatMessages(files));
  io.stdout(summaryLine(ladder, counts) + '\n');
  const failed = counts.error > 0 || (options.strict && counts.warning > 0);
  return failed ? exitCode.contentError : exitCode.ok;
}

function summaryLine(ladder: Ladder | null, counts: { error: number; warning: number }): string {
  const roles = ladder?.roles.length ?? 0;
  const positions = ladder?.roles.reduce((sum, role) => sum + role.positions.length, 0) ?? 0;
  const problems =
    counts.error + counts.warning === 0 ? 'no problems' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  return `${plural(roles, 'role')}, ${plural(positions, 'position')}: ${problems}`;
}
