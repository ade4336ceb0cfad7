import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatMessages } from '../format-messages.js';
import type { Ladder } from '../model.js';
import { loadLadder, type LoadedLadder, type ReadSettings } from '../read/load-ladder.js';
import { locateRevision } from './locate-revision.js';
import { nameRevision, type RevisionName } from './name-revision.js';
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

/** One side read: its model (null when it has errors), its problems, formatted, to print, and what a revision resolved to. */
export interface SideReading {
  ladder: Ladder | null;
  messages: string;
  /** Null for a folder, which stays named as it was given. */
  revision: RevisionName | null;
}

/** Read one side of a diff as plain data, so that it can be read in a worker thread and handed over. */
export async function readSide({ side, ladders, cwd, reading, scratch }: SideRequest): Promise<SideReading> {
  const folder = path.resolve(cwd, side);
  const isFolder = await stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (isFolder) return answer(await loadLadder(folder, cwd, reading), null);
  const ladderDir = path.resolve(cwd, ladders);
  const place = await locateRevision(side, ladderDir, cwd);
  const [loaded, revision] = await Promise.all([
    readRevision(side, ladderDir, cwd, reading, { place, scratch }),
    nameRevision(place.commit, place.root, side),
  ]);
  return answer(loaded, revision);
}

function answer(loaded: LoadedLadder, revision: RevisionName | null): SideReading {
  const failed = loaded.files.some((file) => file.messages.some((message) => message.fatal));
  return { ladder: failed ? null : loaded.ladder, messages: formatMessages(loaded.files, { problemsOnly: true }), revision };
}
