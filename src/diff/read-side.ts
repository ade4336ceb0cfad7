import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatMessages } from '../format-messages.js';
import type { Ladder } from '../model.js';
import { loadLadder, type ReadSettings } from '../read/load-ladder.js';
import { readRevision } from './read-revision.js';

/** What to read for one side of a diff: a folder, or the ladder folder at a git revision. */
export interface SideRequest {
  /** As the user gave it: a folder that exists is read as it is, anything else as a revision. */
  side: string;
  /** The ladder folder, for a revision. */
  ladders: string;
  cwd: string;
  reading?: ReadSettings;
  /** The folder a revision is copied out into (see `readRevision`); the system's temporary folder when absent. */
  scratch?: string;
}

/** One side read: its model (null when it has errors) and its problems, formatted, to print. */
export interface SideReading {
  ladder: Ladder | null;
  messages: string;
}

/** Read one side of a diff as plain data, so that it can be read in a worker thread and handed over. */
export async function readSide({ side, ladders, cwd, reading, scratch }: SideRequest): Promise<SideReading> {
  const folder = path.resolve(cwd, side);
  const isFolder = await stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  const loaded = isFolder
    ? await loadLadder(folder, cwd, reading)
    : await readRevision(side, path.resolve(cwd, ladders), cwd, reading, { scratch });
  const failed = loaded.files.some((file) => file.messages.some((message) => message.fatal));
  return { ladder: failed ? null : loaded.ladder, messages: formatMessages(loaded.files, { problemsOnly: true }) };
}
