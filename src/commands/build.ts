import path from 'node:path';
import { describeFailure, exitCode } from '../failures.js';
import { formatBuildSummary } from './format-build-summary.js';
import { appendStepSummary } from '../ci/step-summary.js';
import type { VFile } from 'vfile';
import { formatMessages, messagesAsData } from '../format-messages.js';
import { shippedLaddersDir, shippedTemplatesDir } from '../package-paths.js';
import { fingerprintInputs, type InputFolder } from '../plan/fingerprint.js';
import { findSiteRoot } from '../read/find-site-root.js';
import { manifestName, readManifest } from '../plan/manifest.js';
import { outputStates } from '../plan/output-states.js';
import { ladderFileExtension, markdownExtension } from '../read/read-ladders.js';
import { toolVersion } from '../tool-version.js';
import type { RevisionPlace } from '../diff/locate-revision.js';
import type { RevisionName } from '../diff/name-revision.js';
import { checkOutFolder, placesRead } from '../write/check-out-folder.js';
import { lockOutFolder } from '../write/lock-out-folder.js';
import type { CommandIo } from '../command-io.js';
import { createProgress, type Progress } from './progress.js';
import { shownFolder } from './shown-folder.js';
import type { BuildOptions } from './build-options.js';
import type { BuildSummary } from './build-summary.js';

/**
 * `ladders build`: read, validate, render and write the handouts. Only outputs whose inputs changed are
 * made again; when the raw inputs are those of the last build and its outputs are untouched, nothing
 * is read at all. Nothing is written when the input has errors.
 */
export async function build(options: BuildOptions, io: CommandIo): Promise<number> {
  const started = performance.now();
  const summary: BuildSummary = {
    written: [],
    current: [],
    removed: [],
    differences: [],
    messages: [],
    timings: {},
    exitCode: exitCode.ok,
  };
  const progress = createProgress(io, options.quiet || options.json ? 'quiet' : 'normal');
  try {
    summary.exitCode = await buildOrSkip(options, io, progress, summary);
    return summary.exitCode;
  } catch (error) {
    progress.stop();
    const failure = describeFailure(error, io.signal);
    if (failure) summary.exitCode = failure.exitCode;
    throw error;
  } finally {
    summary.timings.total = Math.round(performance.now() - started);
    if (options.json) io.stdout(`${JSON.stringify(summary)}\n`);
    await appendStepSummary(io, formatBuildSummary(summary, options, io.cwd));
  }
}

async function buildOrSkip(options: BuildOptions, io: CommandIo, progress: Progress, summary: BuildSummary): Promise<number> {
  const outDir = path.resolve(io.cwd, options.out);
  await checkOutFolder(options.out, placesRead(options.ladders, options.templates, options.settingsFiles), io.cwd);
  // One build at a time in a folder; `--check` writes nothing, so it takes no lock.
  const release = options.check ? null : await lockOutFolder(outDir, io.cwd);
  try {
    return await buildLocked(options, io, progress, summary, outDir);
  } finally {
    await release?.();
  }
}

async function buildLocked(
  options: BuildOptions,
  io: CommandIo,
  progress: Progress,
  summary: BuildSummary,
  outDir: string,
): Promise<number> {
  const warn = (files: readonly VFile[]) => {
    io.stderr(formatMessages(files));
    summary.messages.push(...messagesAsData(files));
  };
  // Before anything starts: an unknown revision is a usage error. Its commit, not its name, decides
  // whether the build is current, so `--since origin/main` builds again when origin/main moves.
  const since = options.since === null ? null : await locateSince(options.since, path.resolve(io.cwd, options.ladders), io.cwd);
  const read = options.force ? null : await readManifest(outDir, manifestName(options.shard), io.cwd);
  if (read) warn([read.file]);
  const manifest = read?.manifest ?? null;
  // With no earlier build to compare with, every handout is printed: the browser starts now, while the
  // inputs are hashed, the reader and the templates load and the ladders are read, none of which it
  // depends on. Not with `--only`, whose names can be checked only once the ladders are read: a usage
  // error must stop the build before anything starts.
  const cold =
    manifest === null &&
    !options.check &&
    (options.formats.includes('pdf') || options.formats.includes('book')) &&
    options.only.length === 0;
  const browser = cold ? (await import('../browser/start-browser.js')).startBrowser(options.browser, io.env) : null;
  try {
    // The folder the reader finds the site's `_config.yml` and pictures in, the only place they are read from.
    const site = path.resolve(io.cwd, (await findSiteRoot(path.resolve(io.cwd, options.ladders), io.cwd)).root);
    const fingerprint = (files: readonly string[]) =>
      fingerprintInputs(
        inputFolders(options, io.cwd),
        // The name is on the pages too: a tag added or removed at the commit makes them again.
        { settings: settingsOf(options), since: since && { revision: options.since, commit: since.commit, name: since.name.title } },
        { site, files: files.map((file) => path.resolve(io.cwd, file)) },
      );
    const reads = manifest?.reads ?? [];
    const inputs = await fingerprint(reads);
    // A manifest with entries left out is written again, without them, by a build that goes on.
    if (manifest?.inputs === inputs && read?.file.messages.length === 0) {
      const recorded = Object.entries(manifest.outputs).map(([file, { key }]) => ({ path: file, key }));
      const states = await outputStates(outDir, recorded, [manifest]);
      if ([...states.values()].every((state) => state === 'current')) {
        summary.current = recorded.map((output) => output.path);
        progress.phase(`Nothing changed since the last build: ${recorded.length} files in ${shownFolder(outDir, io.cwd)} are current`);
        return exitCode.ok;
      }
    }
    // Loaded only now: when nothing changed, the reader, the templates and the browser are not needed.
    const { buildChangedOutputs } = await import('./build-changed-outputs.js');
    return await buildChangedOutputs(
      { options, io, progress, summary, outDir, inputs, reads, fingerprint, since, warn },
      manifest,
      browser,
    );
  } finally {
    await browser?.close();
  }
}

/** Find the repository and the commit `--since` names, and name it as pages will; loaded only for a build that asks. */
async function locateSince(revision: string, ladderDir: string, cwd: string): Promise<RevisionPlace & { name: RevisionName }> {
  const [{ locateRevision }, { nameRevision }] = await Promise.all([
    import('../diff/locate-revision.js'),
    import('../diff/name-revision.js'),
  ]);
  const place = await locateRevision(
    revision,
    ladderDir,
    cwd,
    '`--since` compares with a revision of the repository the ladder folder is in',
  );
  return { ...place, name: await nameRevision(place.commit, place.root, revision) };
}

/** Every file a build reads, so that any change to one of them is a change of the fingerprint. */
function inputFolders(options: BuildOptions, cwd: string): InputFolder[] {
  const templates = /\.(hbs|css)$/;
  return [
    // Pages in sub-folders are read too (a folder per track); the reader skips the output folder, hidden folders and packages.
    { dir: path.resolve(cwd, options.ladders), recursive: true, names: ladderFileExtension, skip: options.reading?.skipFolders },
    { dir: shippedLaddersDir, recursive: false, names: markdownExtension },
    { dir: shippedTemplatesDir, recursive: true, names: templates },
    ...(options.templates ? [{ dir: path.resolve(cwd, options.templates), recursive: true, names: templates }] : []),
  ];
}

/** The settings that change what a build writes (and `--check`, which changes what it does). */
function settingsOf(options: BuildOptions): unknown {
  const { formats, variants, only, paper, shard, branding, preparedFor, date, coverDate } = options;
  return { toolVersion, formats, variants, only, paper, shard, branding, preparedFor, date, coverDate };
}
