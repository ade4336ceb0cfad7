import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { findPosition } from '../compare/find-position.js';
import { formatMessages } from '../format-messages.js';
import type { Ladder, Position } from '../model.js';
import { quote, quoteList, severityOf } from '../messages.js';
import { formatManifest, manifestName, type Manifest, type ManifestEntry, type Shard } from '../plan/manifest.js';
import { outputStates, sha256, type OutputState } from '../plan/output-states.js';
import { planOutputs, type PlannedOutput } from '../plan/plan-outputs.js';
import { BrowserNotFoundError } from '../print/find-browser.js';
import { printPdfs, PrintError, type PdfJob } from '../print/print-pdfs.js';
import { startBrowser, type StartingBrowser } from '../print/start-browser.js';
import { loadLadder } from '../read/load-ladder.js';
import { loadTemplates } from '../render/load-templates.js';
import { RenderLimitError } from '../render/render-limits.js';
import { toolVersion } from '../tool-version.js';
import { removeLeftovers, writeOutputs } from '../write/write-outputs.js';
import type { BuildContext } from './build.js';
import { sourceDate } from './environment.js';
import { exitCode, UsageError } from './io.js';

/** Read and validate, plan the outputs, compare them with the last build, and make those that changed. */
export async function buildPipeline(
  context: BuildContext,
  manifest: Manifest | null,
  earlyBrowser: StartingBrowser | null,
): Promise<number> {
  const { options, io, progress, summary, outDir } = context;
  const timer = stopwatch(summary.timings);
  const { ladder, files, reads } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  if (reads.join('\0') !== context.reads.join('\0')) {
    // The pages now use other images or another `_config.yml`: the fingerprint recorded must cover those.
    context.inputs = await context.fingerprint(reads);
    context.reads = reads;
  }
  const templates = await loadTemplates(options.templates && path.resolve(io.cwd, options.templates), io.cwd);
  const allFiles = [...files, ...templates.files];
  summary.messages = messagesOf(allFiles);
  io.stderr(formatMessages(allFiles, { problemsOnly: options.quiet || options.json }));
  if (!ladder || !templates.templates || allFiles.some((file) => file.messages.some((message) => message.fatal)))
    return exitCode.contentError;
  timer.lap('read');
  const positions = ladder.roles.flatMap((role) => role.positions).length;
  progress.phase(`Read ${count(files.length, 'page')}: ${count(ladder.roles.length, 'role')}, ${count(positions, 'position')}`);

  const planned = inShard(
    planOutputs(ladder, templates.templates, {
      formats: options.formats,
      variants: options.variants,
      preparedFor: options.preparedFor,
      paper: options.paper,
      toolVersion,
      only: selectPositions(ladder, options.only),
      date: sourceDate(io.env),
      ...options.branding,
    }),
    options.shard,
  );
  const states = await outputStates(outDir, planned, manifest);
  // Outputs of positions that no longer exist; only a build of everything knows which those are.
  const partial = options.only.length > 0 || options.shard !== null;
  const plannedPaths = new Set(planned.map((output) => output.path));
  const extra = partial ? [] : Object.keys(manifest?.outputs ?? {}).filter((file) => !plannedPaths.has(file));
  timer.lap('plan');
  if (options.check) return reportDifferences(context, states, extra);

  const toMake = planned.filter((output) => options.force || states.get(output.path) !== 'current');
  const making = new Set(toMake);
  summary.current = planned.filter((output) => !making.has(output)).map((output) => output.path);
  progress.phase(
    `${count(planned.length, 'output')}: ${toMake.length} to make, ${summary.current.length} current, ${extra.length} to remove`,
  );
  const entries = new Map<string, ManifestEntry>(Object.entries(partial ? (manifest?.outputs ?? {}) : {}));
  for (const output of planned) {
    const recorded = manifest?.outputs[output.path];
    if (recorded) entries.set(output.path, recorded);
  }
  const written = (output: PlannedOutput, content: string | Uint8Array) => {
    entries.set(output.path, { key: output.key, sha256: sha256(content) });
    summary.written.push(output.path);
    progress.advance(output.path);
  };
  try {
    await removeLeftovers(outDir);
    summary.removed = await removeOutputs(outDir, extra);
    progress.start(toMake.length);
    return await makeOutputs(context, toMake, written, earlyBrowser);
  } finally {
    progress.stop();
    // Written even when making failed: what was made is recorded, the rest is made next time.
    const complete = summary.written.length === toMake.length;
    const record: Manifest = {
      tool: `ladders ${toolVersion}`,
      inputs: complete ? context.inputs : '',
      ...(context.reads.length > 0 ? { reads: context.reads } : {}),
      outputs: Object.fromEntries(entries),
    };
    await writeOutputs(outDir, [{ path: manifestName(options.shard), content: formatManifest(record) }]);
    timer.lap('write');
  }
}

/** Write the text outputs and print the PDFs side by side; exit 3 when printing fails. */
async function makeOutputs(
  context: BuildContext,
  outputs: readonly PlannedOutput[],
  written: (output: PlannedOutput, content: string | Uint8Array) => void,
  earlyBrowser: StartingBrowser | null,
): Promise<number> {
  const { options, io, progress, summary, outDir } = context;
  const pdfs = new Map(outputs.flatMap((output) => (output.kind === 'pdf' ? [[output.job, output] as const] : [])));
  const browser = pdfs.size === 0 ? null : (earlyBrowser ?? startBrowser(options.browser, io.env));
  try {
    const printing = browser
      ? printHandouts([...pdfs.keys()], browser, context, (job, pdf) => written(pdfs.get(job)!, pdf))
      : Promise.resolve();
    const [text, printed] = await Promise.allSettled([writeOutputs(outDir, renderText(outputs, written, io.signal)), printing]);
    io.signal?.throwIfAborted();
    if (text.status === 'rejected') {
      if (!(text.reason instanceof RenderLimitError)) throw text.reason;
      progress.stop();
      io.stderr(`ladders: ${text.reason.message}\n`);
      return exitCode.renderFailure;
    }
    if (printed.status === 'rejected') {
      const error: unknown = printed.reason;
      if (!(error instanceof PrintError || error instanceof BrowserNotFoundError)) throw error;
      progress.stop();
      io.stderr(`ladders: ${error.message}\n`);
      return exitCode.renderFailure;
    }
  } finally {
    if (browser !== earlyBrowser) await browser?.close();
  }
  progress.phase(
    `Wrote ${count(summary.written.length, 'file')} to ${options.out}${summary.removed.length > 0 ? `, removed ${summary.removed.length}` : ''}`,
  );
  return exitCode.ok;
}

/** Render the text outputs one at a time, as they are written, so a large ladder never sits in memory whole. */
function* renderText(
  outputs: readonly PlannedOutput[],
  written: (output: PlannedOutput, content: string) => void,
  signal: AbortSignal | undefined,
): Generator<{ path: string; content: string }> {
  let previous: { output: PlannedOutput; content: string } | undefined;
  for (const output of outputs) {
    if (output.kind !== 'text') continue;
    signal?.throwIfAborted();
    // The writer asks for the next file once it has written the one before.
    if (previous) written(previous.output, previous.content);
    previous = { output, content: renderNaming(output) };
    yield { path: output.path, content: previous.content };
  }
  if (previous) written(previous.output, previous.content);
}

/** Render an output; a template stopped for its cost says which output it was rendering. */
function renderNaming(output: PlannedOutput & { kind: 'text' }): string {
  try {
    return output.render();
  } catch (error) {
    if (error instanceof RenderLimitError) throw new RenderLimitError(`Cannot render ${output.path}: ${error.message}`, { cause: error });
    throw error;
  }
}

async function printHandouts(
  jobs: PdfJob[],
  browser: StartingBrowser,
  { outDir, io }: BuildContext,
  onWritten: (job: PdfJob, pdf: Uint8Array) => void,
): Promise<void> {
  await printPdfs(jobs, {
    browser: await browser.choice,
    launched: browser,
    signal: io.signal,
    onPdf: async (job, pdf) => {
      await writeOutputs(outDir, [{ path: job.name, content: pdf }]);
      onWritten(job, pdf);
    },
  });
}

/** `--check`: list what differs from what a build would leave, exit 1 if anything does. */
function reportDifferences(context: BuildContext, states: Map<string, OutputState>, extra: string[]): number {
  const { io, summary, options } = context;
  summary.differences = [
    ...[...states].flatMap(([file, state]) => (state === 'current' ? [] : [{ path: file, state }])),
    ...extra.map((file) => ({ path: file, state: 'extra' as const })),
  ];
  summary.current = [...states].flatMap(([file, state]) => (state === 'current' ? [file] : []));
  const why = {
    missing: 'missing',
    stale: 'stale: its inputs changed',
    modified: 'modified since it was built',
    extra: 'extra: nothing makes it any more',
  };
  if (!options.json) for (const { path: file, state } of summary.differences) io.stderr(`${path.join(options.out, file)}: ${why[state]}\n`);
  if (summary.differences.length > 0) {
    io.stderr(
      `ladders: ${summary.differences.length} of the outputs in ${options.out} are not current; run \`ladders build\` to update them\n`,
    );
    return exitCode.contentError;
  }
  context.progress.phase(`All ${states.size} outputs in ${options.out} are current`);
  return exitCode.ok;
}

/** Delete outputs the last build made that nothing makes any more, and the folders they leave empty. */
async function removeOutputs(outDir: string, files: readonly string[]): Promise<string[]> {
  for (const file of files) {
    await rm(path.join(outDir, file), { force: true });
    await rmdir(path.dirname(path.join(outDir, file))).catch(() => undefined); // only when empty
  }
  return [...files];
}

/** The i-th of n slices: each kind of output dealt out in turn, so every shard gets its share of the slow PDFs. */
function inShard(outputs: PlannedOutput[], shard: Shard | null): PlannedOutput[] {
  if (!shard) return outputs;
  const dealt = new Map<string, number>();
  return outputs.filter((output) => {
    const turn = dealt.get(output.kind) ?? 0;
    dealt.set(output.kind, turn + 1);
    return turn % shard.count === shard.index - 1;
  });
}

function messagesOf(files: readonly VFile[]): BuildContext['summary']['messages'] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: severityOf(message),
      rule: message.ruleId ?? null,
      reason: message.reason,
    })),
  );
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

function stopwatch(timings: Record<string, number>) {
  let last = performance.now();
  return {
    lap(name: string) {
      const now = performance.now();
      timings[name] = Math.round(now - last);
      last = now;
    },
  };
}

/** The positions `--only` names, by code (`EM6`) or role id (`engineering-manager`); null for all. */
export function selectPositions(ladder: Ladder, only: readonly string[]): Set<Position> | null {
  if (only.length === 0) return null;
  const selected = new Set<Position>();
  for (const name of only) {
    const role = ladder.roles.find((candidate) => candidate.id === name.toLowerCase());
    const placed = findPosition(ladder, name);
    if (role) role.positions.forEach((match) => selected.add(match));
    else if (placed) selected.add(placed.position);
    else
      throw new UsageError(
        `\`--only ${name}\` names no position or role; expected a code such as ${quote(ladder.roles[0]?.positions[0]?.code ?? 'EM6')} or one of ${quoteList(ladder.roles.map((candidate) => candidate.id))}`,
      );
  }
  return selected;
}
