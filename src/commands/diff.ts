import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendStepSummary } from '../ci/step-summary.js';
import { formatDiffSummary } from '../ci/format-diff-summary.js';
import { diffLadders } from '../diff/diff-ladders.js';
import { formatDiffJson } from '../diff/format-diff-json.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { formatDiffText } from '../diff/format-diff-text.js';
import type { LadderDiff } from '../ladder-diff.js';
import type { RevisionName } from '../diff/name-revision.js';
import type { SideReading } from '../diff/read-side.js';
import { readSideInWorker } from '../diff/read-side-in-worker.js';
import { ContentError, exitCode, UsageError } from '../failures.js';
import { quoteList } from '../messages.js';
import type { ReadSettings } from '../read/load-ladder.js';
import { checkOutFolder, placesRead, type InputPlace } from '../write/check-out-folder.js';
import type { CommandIo } from '../command-io.js';
import type { Ladder } from '../model.js';
import type { HandoutOptions } from './write-handout.js';

/** How `ladders diff` prints the changes on stdout. */
export type DiffFormat = 'text' | 'md' | 'json';

/** Options of `ladders diff`, flags and configuration merged. */
export interface DiffOptions {
  /** The ladder folder, for the sides that are git revisions. */
  ladders: string;
  reading?: ReadSettings;
  /** The two sides as given: each a folder of ladder pages, or else a git revision. */
  sides: string[];
  /** What is printed on stdout (with `--out`, always the text). */
  format: DiffFormat;
  /** `--out`: the folder to write the changelog handout into, with what it needs; null prints only. */
  out: HandoutOptions | null;
}

/**
 * `ladders diff A B`: read both versions of the ladder (each a folder, or the ladder folder at a git
 * revision), print every message of either, and print what changed from A to B. Errors in either
 * version make it fail with exit 1 after their messages.
 */
export async function diff(options: DiffOptions, io: CommandIo): Promise<number> {
  if (options.out) await checkOutFolder(options.out.out, await diffInputs(options, options.out, io.cwd), io.cwd);
  const { diff: changes, after, revisions } = await readAndDiff(options, io);
  await appendStepSummary(io, formatDiffSummary(changes, options.sides, options.out?.out ?? null));
  if (options.out) {
    // Loaded only now: printing to the terminal needs neither the templates nor a browser.
    const [{ planChangelog }, { planAndWriteHandout }] = await Promise.all([
      import('../diff/plan-changelog.js'),
      import('./write-handout.js'),
    ]);
    await planAndWriteHandout(
      (templates, pageOptions) => planChangelog(after, changes, templates, { ...pageOptions, revisions }),
      options.out,
      io,
      () => io.stdout(formatDiffText(changes)),
    );
    return exitCode.ok;
  }
  const formatters = { text: formatDiffText, md: formatDiffMarkdown, json: formatDiffJson };
  io.stdout(formatters[options.format](changes));
  return exitCode.ok;
}

/** What `diff --out` reads: the ladder folder (for a revision), each side that is a folder, the templates and the configuration's files. */
async function diffInputs(options: DiffOptions, out: HandoutOptions, cwd: string): Promise<InputPlace[]> {
  const folders = await Promise.all(
    options.sides.map(async (side) => ((await stat(path.resolve(cwd, side)).catch(() => null))?.isDirectory() ? [side] : [])),
  );
  return [
    ...placesRead(options.ladders, out.templates, out.settingsFiles),
    ...folders.flat().map((side) => ({ what: 'the compared folder', path: side })),
  ];
}

/** Read both sides of `options.sides`, report their messages, and compare them; a side with errors throws `ContentError`. */
export async function readAndDiff(
  options: Pick<DiffOptions, 'ladders' | 'reading' | 'sides'>,
  io: CommandIo,
): Promise<{ diff: LadderDiff; before: Ladder; after: Ladder; revisions: { from: RevisionName | null; to: RevisionName | null } }> {
  const [from, to] = options.sides;
  if (options.sides.length !== 2 || from === undefined || to === undefined) {
    const got = options.sides.length === 0 ? 'none' : `${options.sides.length}: ${quoteList(options.sides)}`;
    throw new UsageError(`\`diff\` takes two versions, git revisions or folders, such as \`ladders diff origin/main HEAD\`; got ${got}`);
  }
  // Both at once, each in a worker thread that Ctrl-C stops where it is; the revisions are copied out
  // into one scratch folder, removed once both workers are done or stopped.
  const scratch = await mkdtemp(path.join(tmpdir(), 'ladders-revision-'));
  let settled: PromiseSettledResult<SideReading>[];
  try {
    const request = { ladders: options.ladders, cwd: io.cwd, reading: options.reading, scratch };
    settled = await Promise.allSettled([from, to].map((side) => readSideInWorker({ ...request, side }, io.signal)));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  io.signal?.throwIfAborted();
  // Whichever finished first, a failure of the first side is the one reported.
  const [before, after] = settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }) as [SideReading, SideReading];
  io.stderr(before.messages + after.messages);
  if (!before.ladder || !after.ladder) throw new ContentError();
  const changes = diffLadders(before.ladder, after.ladder, {
    from: { label: from, version: before.ladder.framework.version },
    to: { label: to, version: after.ladder.framework.version },
  });
  return { diff: changes, before: before.ladder, after: after.ladder, revisions: { from: before.revision, to: after.revision } };
}
