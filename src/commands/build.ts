import path from 'node:path';
import { formatMessages } from '../format-messages.js';
import type { Ladder, Position } from '../model.js';
import { quote, quoteList } from '../messages.js';
import { loadLadder } from '../read/load-ladder.js';
import { inlineFonts } from '../render/inline-fonts.js';
import { loadTemplates } from '../render/load-templates.js';
import type { TextFormat } from '../render/output-paths.js';
import { renderOutputs } from '../render/render-outputs.js';
import { toolVersion } from '../tool-version.js';
import { writeOutputs } from '../write/write-outputs.js';
import { BrowserNotFoundError } from '../print/find-browser.js';
import { printPdfs, PrintError, type PdfJob } from '../print/print-pdfs.js';
import { startBrowser, type StartingBrowser } from '../print/start-browser.js';
import { toPdfJobs } from '../render/pdf-jobs.js';
import { exitCode, UsageError, type CommandIo } from './io.js';

/** Options of `ladders build`. */
export interface BuildOptions {
  ladders: string;
  out: string;
  templates: string | undefined;
  formats: OutputFormat[];
  only: string[];
  paper: 'a4' | 'letter';
  /** `--browser`: the Chrome or Chromium to print with, instead of searching for one. */
  browser: string | undefined;
}

/** The formats `build` writes. */
export type OutputFormat = TextFormat | 'pdf';

/** `ladders build`: read, validate, render and write the handouts; nothing is written when the input has errors. */
export async function build(options: BuildOptions, io: CommandIo): Promise<number> {
  try {
    return await buildOutputs(options, io);
  } catch (error) {
    // A full disk or a read-only folder is the machine's state, not a bug: say so, without a stack.
    if (!isSystemError(error)) throw error;
    io.stderr(`ladders: Cannot write ${error.path ?? options.out}: ${error.code}\n`);
    return exitCode.renderFailure;
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

async function buildOutputs(options: BuildOptions, io: CommandIo): Promise<number> {
  const browser = options.formats.includes('pdf') ? startBrowser(options.browser, io.env) : null;
  try {
    return await buildWith(browser, options, io);
  } finally {
    await browser?.close();
  }
}

async function buildWith(browser: StartingBrowser | null, options: BuildOptions, io: CommandIo): Promise<number> {
  const { ladder, files } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd);
  const templates = await loadTemplates(options.templates && path.resolve(io.cwd, options.templates), io.cwd);
  const allFiles = [...files, ...templates.files];
  io.stderr(formatMessages(allFiles));
  if (!ladder || !templates.templates || allFiles.some((file) => file.messages.some((message) => message.fatal))) return exitCode.contentError;
  const only = selectPositions(ladder, options.only);
  const date = sourceDate(io.env);
  const fonts = await inlineFonts();
  const outDir = path.resolve(io.cwd, options.out);
  const textFormats = options.formats.filter((format): format is TextFormat => format !== 'pdf');
  const jobs = options.formats.includes('pdf') ? toPdfJobs(ladder, templates.templates, { paper: options.paper, fonts, toolVersion, only, date }) : [];
  // The browser starts first: the text pages are rendered and written while it launches and prints.
  const printing = browser && jobs.length > 0 ? printHandouts(jobs, browser, outDir) : Promise.resolve();
  const outputs = renderOutputs(ladder, templates.templates, { formats: textFormats, paper: options.paper, fonts, toolVersion, only });
  const [text, printed] = await Promise.allSettled([writeOutputs(outDir, outputs), printing]);
  if (text.status === 'rejected') throw text.reason;
  if (printed.status === 'rejected') {
    const error: unknown = printed.reason;
    if (!(error instanceof PrintError || error instanceof BrowserNotFoundError)) throw error;
    io.stderr(`ladders: ${error.message}\n`);
    return exitCode.renderFailure;
  }
  io.stderr(`Wrote ${text.value + jobs.length} files to ${options.out}\n`);
  return exitCode.ok;
}

async function printHandouts(jobs: PdfJob[], browser: StartingBrowser, outDir: string): Promise<void> {
  await printPdfs(jobs, { browser: await browser.choice, launched: browser.browser, onPdf: async (job, pdf) => void (await writeOutputs(outDir, [{ path: job.name, content: pdf }])) });
}

/** `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds way to date outputs; null when unset. */
function sourceDate(env: NodeJS.ProcessEnv): Date | null {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${value}\``);
  return new Date(Number(value) * 1000);
}

/** The positions `--only` names, by code (`EM6`) or role id (`engineering-manager`); null for all. */
export function selectPositions(ladder: Ladder, only: readonly string[]): Set<Position> | null {
  if (only.length === 0) return null;
  const selected = new Set<Position>();
  for (const name of only) {
    const role = ladder.roles.find((candidate) => candidate.id === name.toLowerCase());
    const position = ladder.roles.flatMap((candidate) => candidate.positions).find((candidate) => candidate.code === name.toUpperCase());
    if (role) role.positions.forEach((match) => selected.add(match));
    else if (position) selected.add(position);
    else throw new UsageError(`\`--only ${name}\` names no position or role; expected a code such as ${quote(ladder.roles[0]?.positions[0]?.code ?? 'EM6')} or one of ${quoteList(ladder.roles.map((candidate) => candidate.id))}`);
  }
  return selected;
}
