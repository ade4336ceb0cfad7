import path from 'node:path';
import { displayPath } from '../paths-and-order.js';
import { shownFolder } from './shown-folder.js';
import { ContentError, exitCode } from '../failures.js';
import { formatMessages, messagesAsData } from '../format-messages.js';
import { plural } from '../messages.js';
import { formatManifest, manifestName, readOtherManifests, type Manifest } from '../plan/manifest.js';
import { startNextManifest } from '../plan/next-manifest.js';
import { outputStates } from '../plan/output-states.js';
import { planOutputs } from '../plan/plan-outputs.js';
import { reportWholeBookRefused } from '../book/whole-book-limit.js';
import { selectPositions } from '../plan/select-positions.js';
import { takeShard } from '../plan/take-shard.js';
import { startBrowser, type StartingBrowser } from '../browser/start-browser.js';
import { diffLadders } from '../diff/diff-ladders.js';
import type { SinceDiff } from '../ladder-diff.js';
import { readRevision } from '../diff/read-revision.js';
import type { Ladder } from '../model.js';
import { loadLadder } from '../read/load-ladder.js';
import { loadTemplates } from '../render/load-templates.js';
import { pageStyle } from '../render/render-page.js';
import { toolVersion } from '../tool-version.js';
import { VFile } from 'vfile';
import { report } from '../messages.js';
import { checkOutputFolders, removeLeftovers, removeOutputs, writeOutputs } from '../write/write-outputs.js';
import type { BuildContext } from './build-context.js';
import { makeOutputs } from './make-outputs.js';
import { renderTextAhead } from './render-text-ahead.js';

/**
 * Read and validate, plan the outputs, compare them with the last build, and make those that
 * changed (or, with `--check`, only report them). Nothing is written when the input has errors or
 * the browser the PDFs need cannot start.
 */
export async function buildChangedOutputs(
  context: BuildContext,
  manifest: Manifest | null,
  earlyBrowser: StartingBrowser | null,
): Promise<number> {
  const { options, io, progress, summary, outDir } = context;
  const timer = stopwatch(summary.timings);
  const ladderDir = path.resolve(io.cwd, options.ladders);
  // The earlier version is read alongside: git's part of it runs while this one is parsed.
  const earlier =
    options.since !== null && context.since
      ? readRevision(options.since, ladderDir, io.cwd, options.reading, { place: context.since })
      : null;
  // Handled when awaited below; until then, a usage error must not count as unhandled.
  earlier?.catch(() => undefined);
  const { ladder, files, reads } = await loadLadder(ladderDir, io.cwd, options.reading);
  const old = await earlier;
  if (reads.join('\0') !== context.reads.join('\0')) {
    // The pages now use other images or another `_config.yml`: the fingerprint recorded must cover those.
    context.inputs = await context.fingerprint(reads);
    context.reads = reads;
  }
  if (ladder && options.formats.includes('book') && options.only.length === 0 && !options.preparedFor)
    reportWholeBookRefused(ladder, files);
  const loaded = await loadTemplates(options.templates && path.resolve(io.cwd, options.templates), io.cwd);
  // The earlier version's problems are its own (each place prefixed with the revision); only they are printed.
  const allFiles = [...files, ...loaded.files, ...(old?.files.filter((file) => file.messages.length > 0) ?? [])];
  summary.messages.push(...messagesAsData(allFiles));
  io.stderr(formatMessages(allFiles, { problemsOnly: options.quiet || options.json }));
  const templates = loaded.templates;
  if (!ladder || !templates || allFiles.some((file) => file.messages.some((message) => message.fatal))) throw new ContentError();
  if (old && !old.ladder) throw new ContentError();
  timer.lap('read');
  const positions = ladder.roles.flatMap((role) => role.positions).length;
  progress.phase(`Read ${plural(files.length, 'page')}: ${plural(ladder.roles.length, 'role')}, ${plural(positions, 'position')}`);

  const only = selectPositions(ladder, options.only);
  const planned = takeShard(
    planOutputs(ladder, templates, {
      formats: options.formats,
      variants: options.variants,
      preparedFor: options.preparedFor,
      paper: options.paper,
      style: pageStyle(templates, options.branding.brandColor),
      toolVersion,
      only,
      date: options.date,
      coverDate: options.coverDate,
      ...options.branding,
      since: old?.ladder && sinceDiff(old.ladder, ladder, context),
      sourceFolder: displayPath(ladderDir, io.cwd),
    }),
    options.shard,
  );
  const otherReads = options.force ? [] : await readOtherManifests(outDir, manifestName(options.shard), io.cwd);
  context.warn(otherReads.map((read) => read.file));
  const others = otherReads.flatMap((read) => (read.manifest ? [read.manifest] : []));
  const states = await outputStates(outDir, planned, [manifest, ...others]);
  // Outputs of positions that no longer exist; only a build of everything knows which those are.
  const partial = options.only.length > 0 || options.shard !== null;
  const plannedPaths = new Set(planned.map((output) => output.path));
  const extra = partial
    ? []
    : Object.entries(manifest?.outputs ?? {}).flatMap(([file, { sha256 }]) => (plannedPaths.has(file) ? [] : [{ path: file, sha256 }]));
  timer.lap('plan');
  if (options.check)
    return (await import('./report-differences.js')).reportDifferences(
      context,
      states,
      extra.map((output) => output.path),
    );

  const toMake = planned.filter((output) => options.force || states.get(output.path) !== 'current');
  const making = new Set(toMake);
  summary.current = planned.filter((output) => !making.has(output)).map((output) => output.path);
  progress.phase(
    `${plural(planned.length, 'output')}: ${toMake.length} to make, ${summary.current.length} current, ${extra.length} to remove`,
  );
  // Before anything is written: no output goes, nor is removed, through a symbolic link out of the folder.
  await checkOutputFolders(outDir, [
    ...toMake.map((output) => output.path),
    ...extra.map((output) => output.path),
    manifestName(options.shard),
  ]);
  const browser = toMake.some((output) => output.kind === 'pdf' || output.kind === 'book')
    ? (earlyBrowser ?? startBrowser(options.browser, io.env))
    : null;
  try {
    // Rendered in memory while the browser starts, written only once it is up.
    const ahead = browser ? renderTextAhead(toMake, templates, browser.browser) : null;
    // A build that cannot print what it was asked for writes nothing: the browser is up before the first file is touched.
    await browser?.browser;
    const rendered = (await ahead) ?? undefined;
    const next = startNextManifest(manifest, others, planned, { partial, shard: options.shard, tool: `ladders ${toolVersion}` });
    try {
      await removeLeftovers(outDir);
      const { removed, kept } = await removeOutputs(outDir, extra);
      summary.removed = removed;
      context.warn(kept.map((file) => keptWarning(displayPath(path.join(outDir, file.path), io.cwd), file.unreadable)));
      progress.start(toMake.length);
      await makeOutputs(toMake, {
        templates,
        browser,
        rendered,
        signal: io.signal,
        onMade: async (output, content) => {
          await writeOutputs(outDir, [{ path: output.path, content }]);
          next.record(output, content);
          summary.written.push(output.path);
          progress.advance(output.path);
        },
      });
    } finally {
      progress.stop();
      // Written even when making failed: what was made is recorded, and the next build makes the rest.
      const complete = summary.written.length === toMake.length;
      await writeOutputs(outDir, [
        { path: next.name, content: formatManifest(next.finish(complete ? context.inputs : '', context.reads)) },
      ]);
      timer.lap('write');
    }
  } finally {
    if (browser !== earlyBrowser) await browser?.close();
  }
  progress.phase(madeLine(context, toMake.length));
  return exitCode.ok;
}

/** The warning for an output nothing makes any more that was left in place: it changed since it was built, or cannot be read to tell (`unreadable` says why). */
function keptWarning(shown: string, unreadable: string | null): VFile {
  const file = new VFile({ path: shown });
  const why = unreadable
    ? `it cannot be read (${unreadable}) to tell whether it changed after the build that made it`
    : 'it was changed after the build that made it';
  const reason = `Nothing makes this output any more, but ${why}, so it is left in place and no longer tracked; remove it if it is not needed`;
  report(file, 'warning', reason, undefined, 'changed-output-kept');
  return file;
}

/** What changed from the `--since` revision's ladder to this one, and how the handouts name that revision. */
function sinceDiff(before: Ladder, after: Ladder, { options, since }: BuildContext): SinceDiff | null {
  if (options.since === null || !since) return null;
  // Named by what it resolved to, so that a handout built `--since HEAD~1` still says which version a week later.
  const version = before.framework.version ?? since.name.title;
  const diff = diffLadders(before, after, {
    from: { label: since.name.title, version: before.framework.version },
    to: { label: options.ladders, version: options.branding.version ?? after.framework.version },
  });
  return { diff, version };
}

/** What the build did, in one line; a build with nothing to do says so rather than `Wrote 0 files`. */
function madeLine({ summary, outDir, io }: BuildContext, made: number): string {
  const out = shownFolder(outDir, io.cwd);
  const removed = summary.removed.length > 0 ? `, removed ${summary.removed.length}` : '';
  if (made === 0 && removed === '') {
    const current = summary.current.length;
    return `Nothing changed: ${current === 1 ? 'the one file' : `all ${current} files`} in ${out} ${current === 1 ? 'is' : 'are'} current`;
  }
  if (made === 0) return `Removed ${plural(summary.removed.length, 'file')} from ${out}`;
  return `Wrote ${plural(summary.written.length, 'file')} to ${out}${removed}`;
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
