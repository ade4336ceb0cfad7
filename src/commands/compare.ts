import path from 'node:path';
import { comparePositions, type PositionComparison } from '../compare/compare-positions.js';
import { findPosition, type PlacedPosition } from '../plan/find-position.js';
import { formatComparison } from '../compare/format-comparison.js';
import type { ComparisonFormat } from '../compare/plan-comparison.js';
import { ContentError, exitCode, UsageError } from '../failures.js';
import type { Paper } from '../formats.js';
import { formatMessages } from '../format-messages.js';
import { quote, quoteList } from '../messages.js';
import type { Ladder } from '../model.js';
import { closestMatch } from '../read/closest-match.js';
import { loadLadder } from '../read/load-ladder.js';
import type { Branding } from '../config/branding-of.js';
import { checkOutFolder, placesRead, type InputPlace } from '../write/check-out-folder.js';
import type { CommandIo } from '../command-io.js';
import type { ReadSettings } from '../read/load-ladder.js';

/** Options of `ladders compare`, flags and configuration merged. */
export interface CompareOptions {
  ladders: string;
  /** What reading takes from the configuration: the framework's title, more seniority words. */
  reading?: ReadSettings;
  /** The positions' codes, in any letter case: exactly two, and different. */
  codes: string[];
  /** `--out`: the folder to write the comparison handout into; null prints the comparison only. */
  out: string | null;
  templates: string | undefined;
  formats: ComparisonFormat[];
  /** Null: the paper of the pages' locale. */
  paper: Paper | null;
  /** `--browser`: the Chrome or Chromium to print with, instead of searching for one. */
  browser: string | undefined;
  /** From SOURCE_DATE_EPOCH, or null: the PDF's dates. */
  date: Date | null;
  /** From the configuration. */
  branding: Branding;
  /** The configuration's own files (itself, the logo, the labels), which `--out` must keep clear of. */
  settingsFiles?: InputPlace[];
}

/**
 * `ladders compare A B`: print what changes from position A to position B, axis by axis; with `--out`,
 * also write the comparison handout, every file only once all are made. Content errors, usage errors
 * and failures to render or print are thrown, and nothing is written.
 */
export async function compare(options: CompareOptions, io: CommandIo): Promise<number> {
  const [fromCode, toCode] = checkCodes(options.codes);
  if (options.out !== null)
    await checkOutFolder(options.out, placesRead(options.ladders, options.templates, options.settingsFiles), io.cwd);
  const { ladder, files } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  io.stderr(formatMessages(files, { problemsOnly: true }));
  if (!ladder || files.some((file) => file.messages.some((message) => message.fatal))) throw new ContentError();
  const comparison = comparePositions(ladder, resolveCode(ladder, fromCode), resolveCode(ladder, toCode));
  if (options.out === null) {
    io.stdout(formatComparison(comparison));
    return exitCode.ok;
  }
  return writeComparison(ladder, comparison, { ...options, out: options.out }, io);
}

/** Print the comparison, then render, print and write its handout; every file is written only once all are made. */
async function writeComparison(
  ladder: Ladder,
  comparison: PositionComparison,
  options: CompareOptions & { out: string },
  io: CommandIo,
): Promise<number> {
  // Loaded only now: printing to the terminal needs neither the templates nor a browser.
  const [{ planComparison }, { planAndWriteHandout }] = await Promise.all([
    import('../compare/plan-comparison.js'),
    import('./write-handout.js'),
  ]);
  await planAndWriteHandout(
    (templates, pageOptions) => planComparison(ladder, comparison, templates, pageOptions),
    options,
    io,
    () => io.stdout(formatComparison(comparison)),
  );
  return exitCode.ok;
}

/** The two codes, or a usage error saying what is wrong with them. */
function checkCodes(codes: readonly string[]): [string, string] {
  const [from, to] = codes;
  if (codes.length !== 2 || from === undefined || to === undefined) {
    throw new UsageError(
      `\`compare\` takes two position codes, such as \`ladders compare EM5 EM6\`; got ${codes.length === 0 ? 'none' : `${codes.length}: ${quoteList(codes)}`}`,
    );
  }
  if (from.toUpperCase() === to.toUpperCase())
    throw new UsageError(`\`compare\` takes two different positions; got ${quote(from.toUpperCase())} twice`);
  return [from, to];
}

/** The position `code` names, or a usage error suggesting the nearest code. */
function resolveCode(ladder: Ladder, code: string): PlacedPosition {
  const found = findPosition(ladder, code);
  if (found) return found;
  const codes = ladder.roles.flatMap((role) => role.positions.map((position) => position.code));
  const suggestion = closestMatch(code, codes);
  const hint = suggestion
    ? `did you mean ${quote(suggestion)}?`
    : `expected a code such as ${quoteList(ladder.roles.flatMap((role) => role.positions.slice(0, 1).map((position) => position.code)))}`;
  throw new UsageError(`unknown position ${quote(code)}; ${hint}`);
}
