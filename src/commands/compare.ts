import path from 'node:path';
import { comparePositions, type PositionComparison } from '../compare/compare-positions.js';
import { findPosition, type PlacedPosition } from '../compare/find-position.js';
import { formatComparison } from '../compare/format-comparison.js';
import type { ComparisonFormat } from '../compare/plan-comparison.js';
import { formatMessages } from '../format-messages.js';
import { quote, quoteList } from '../messages.js';
import type { Ladder } from '../model.js';
import { closestMatch } from '../read/closest-match.js';
import type { Branding } from '../render/to-views.js';
import type { PdfJob } from '../print/print-pdfs.js';
import { loadLadder } from '../read/load-ladder.js';
import { toolVersion } from '../tool-version.js';
import type { OutputFile } from '../write/write-outputs.js';
import { isSystemError, sourceDate } from './environment.js';
import { exitCode, UsageError, type CommandIo } from './io.js';
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
  paper: 'a4' | 'letter';
  /** `--browser`: the Chrome or Chromium to print with, instead of searching for one. */
  browser: string | undefined;
  /** From the configuration. */
  branding: Branding;
}

/**
 * `ladders compare A B`: print what changes from position A to position B, axis by axis; with `--out`,
 * also write the comparison handout. Exit 1 on content errors, writing nothing (usage errors are thrown);
 * exit 3, writing nothing, when the handout cannot be rendered or printed.
 */
export async function compare(options: CompareOptions, io: CommandIo): Promise<number> {
  try {
    return await compareOrFail(options, io);
  } catch (error) {
    if (io.signal?.aborted) {
      const signal = String(io.signal.reason);
      io.stderr(`ladders: Stopped by ${signal}; nothing was written\n`);
      return signal === 'SIGTERM' ? exitCode.terminated : exitCode.interrupted;
    }
    // A full disk or a read-only folder is the machine's state, not a bug: say so, without a stack.
    if (!isSystemError(error)) throw error;
    io.stderr(`ladders: Cannot write ${error.path ?? options.out}: ${error.code}\n`);
    return exitCode.renderFailure;
  }
}

async function compareOrFail(options: CompareOptions, io: CommandIo): Promise<number> {
  const [fromCode, toCode] = checkCodes(options.codes);
  const { ladder, files } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  io.stderr(formatMessages(files, { problemsOnly: true }));
  if (!ladder || files.some((file) => file.messages.some((message) => message.fatal))) return exitCode.contentError;
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
  const date = sourceDate(io.env);
  // Loaded only now: printing to the terminal needs neither the templates nor a browser.
  const [{ loadTemplates }, { planComparison }, { RenderLimitError }, { writeOutputs }] = await Promise.all([
    import('../render/load-templates.js'),
    import('../compare/plan-comparison.js'),
    import('../render/render-limits.js'),
    import('../write/write-outputs.js'),
  ]);
  const loaded = await loadTemplates(options.templates && path.resolve(io.cwd, options.templates), io.cwd);
  io.stderr(formatMessages(loaded.files, { problemsOnly: true }));
  if (!loaded.templates) return exitCode.contentError;
  const plan = planComparison(ladder, comparison, loaded.templates, {
    formats: options.formats,
    paper: options.paper,
    toolVersion,
    date,
    ...options.branding,
  });
  io.stdout(formatComparison(comparison));
  const files: OutputFile[] = [];
  try {
    for (const text of plan.texts) files.push({ path: text.path, content: text.render() });
  } catch (error) {
    if (!(error instanceof RenderLimitError)) throw error;
    io.stderr(`ladders: Cannot render ${plan.texts[files.length]?.path ?? ''}: ${error.message}\n`);
    return exitCode.renderFailure;
  }
  if (plan.pdf) {
    const pdf = await printComparison(plan.pdf, options.browser, io);
    if (typeof pdf === 'string') {
      io.stderr(`ladders: ${pdf}\n`);
      return exitCode.renderFailure;
    }
    files.unshift({ path: plan.pdf.name, content: pdf });
  }
  io.signal?.throwIfAborted();
  const outDir = path.resolve(io.cwd, options.out);
  await writeOutputs(outDir, files);
  io.stderr(`Wrote ${files.map((file) => file.path).join(', ')} to ${options.out}\n`);
  return exitCode.ok;
}

/** Print the comparison's PDF with the project's locked-down printing; a failure comes back as its one-line reason. */
async function printComparison(job: PdfJob, browserPath: string | undefined, io: CommandIo): Promise<Uint8Array | string> {
  const [{ startBrowser }, { printPdfs, PrintError }, { BrowserNotFoundError }] = await Promise.all([
    import('../print/start-browser.js'),
    import('../print/print-pdfs.js'),
    import('../print/find-browser.js'),
  ]);
  const browser = startBrowser(browserPath, io.env);
  let printed: Uint8Array | undefined;
  try {
    const onPdf = async (_job: PdfJob, pdf: Uint8Array) => {
      printed = pdf;
    };
    await printPdfs([job], { browser: await browser.choice, launched: browser, concurrency: 1, signal: io.signal, onPdf });
  } catch (error) {
    if (!(error instanceof PrintError || error instanceof BrowserNotFoundError) || io.signal?.aborted) throw error;
    return (error.message.split('\n')[0] ?? '').trim() || 'Cannot print ' + job.name;
  } finally {
    await browser.close();
  }
  if (!printed) throw new Error(`Printing ${job.name} finished without a PDF`);
  return printed;
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
