import { stat } from 'node:fs/promises';
import path from 'node:path';
import { diffLadders } from '../diff/diff-ladders.js';
import { formatDiffJson } from '../diff/format-diff-json.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { formatDiffText } from '../diff/format-diff-text.js';
import type { LadderDiff } from '../diff/ladder-diff.js';
import { readRevision } from '../diff/read-revision.js';
import { ContentError, exitCode, UsageError } from '../failures.js';
import { formatMessages } from '../format-messages.js';
import { quoteList } from '../messages.js';
import type { Ladder } from '../model.js';
import { loadLadder, type ReadSettings } from '../read/load-ladder.js';
import type { CommandIo } from './io.js';

/** How `ladders diff` prints the changes on stdout. */
export type DiffFormat = 'text' | 'md' | 'json';

/** Options of `ladders diff`, flags and configuration merged. */
export interface DiffOptions {
  /** The ladder folder, for the sides that are git revisions. */
  ladders: string;
  reading?: ReadSettings;
  /** The two sides as given: each a folder of ladder pages, or else a git revision. */
  sides: string[];
  format: DiffFormat;
}

/**
 * `ladders diff A B`: read both versions of the ladder (each a folder, or the ladder folder at a git
 * revision), print every message of either, and print what changed from A to B. Errors in either
 * version make it fail with exit 1 after their messages.
 */
export async function diff(options: DiffOptions, io: CommandIo): Promise<number> {
  const changes = await readAndDiff(options, io);
  const formatters = { text: formatDiffText, md: formatDiffMarkdown, json: formatDiffJson };
  io.stdout(formatters[options.format](changes));
  return exitCode.ok;
}

/** Read both sides of `options.sides`, report their messages, and compare them; a side with errors throws `ContentError`. */
export async function readAndDiff(options: Pick<DiffOptions, 'ladders' | 'reading' | 'sides'>, io: CommandIo): Promise<LadderDiff> {
  const [from, to] = options.sides;
  if (options.sides.length !== 2 || from === undefined || to === undefined) {
    const got = options.sides.length === 0 ? 'none' : `${options.sides.length}: ${quoteList(options.sides)}`;
    throw new UsageError(`\`diff\` takes two versions, git revisions or folders, such as \`ladders diff origin/main HEAD\`; got ${got}`);
  }
  const before = await readSide(from, options, io);
  const after = await readSide(to, options, io);
  if (!before || !after) throw new ContentError();
  return diffLadders(before, after, {
    from: { label: from, version: before.framework.version },
    to: { label: to, version: after.framework.version },
  });
}

/** One side's ladder, its messages printed; null when it has errors. A folder that exists is read as it is, anything else as a revision. */
async function readSide(side: string, options: Pick<DiffOptions, 'ladders' | 'reading'>, io: CommandIo): Promise<Ladder | null> {
  const folder = path.resolve(io.cwd, side);
  const isFolder = await stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  const loaded = isFolder
    ? await loadLadder(folder, io.cwd, options.reading)
    : await readRevision(side, path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  io.stderr(formatMessages(loaded.files, { problemsOnly: true }));
  const failed = loaded.files.some((file) => file.messages.some((message) => message.fatal));
  return failed ? null : loaded.ladder;
}
