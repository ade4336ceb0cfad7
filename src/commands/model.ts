import path from 'node:path';
import { countMessages, formatMessages } from '../format-messages.js';
import { loadLadder } from '../read/load-ladder.js';
import { ContentError, exitCode } from '../failures.js';
import type { CommandIo } from '../command-io.js';
import type { ReadSettings } from '../read/load-ladder.js';

/** Options of `ladders model`. */
export interface ModelOptions {
  ladders: string;
  /** What reading takes from the configuration: the framework's title, more seniority words. */
  reading?: ReadSettings;
}

/** `ladders model`: print the model as JSON; messages go to stderr, and errors print no model. */
export async function model(options: ModelOptions, io: CommandIo): Promise<number> {
  const { ladder, files } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  io.stderr(formatMessages(files));
  if (!ladder || countMessages(files).error > 0) throw new ContentError();
  io.stdout(JSON.stringify(ladder, null, 2) + '\n');
  return exitCode.ok;
}
