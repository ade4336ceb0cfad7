// Measures `ladders build` side by side with (1) the least that printing its pages can cost and (3) md-to-pdf,
// all with the project's own browser executable and flags, then the build at 1,000 positions, then `check`
// on pages made to be slow to read, then `diff` between two revisions of a 1,000-position ladder, then
// `check` on 1,000 positions kept in each shape the tool reads (Markdown, front matter topics, job families).
// Environment: BENCH_RUNS (default 3) runs of each measurement, BENCH_SCALE=0 skips the scale part,
// BENCH_SCALE=only runs nothing else (a 1,000-position build takes minutes; its figures need no others),
// BENCH_SCALE=positions the same without the books (the 100- and 1,000-position builds and their floor),
// BENCH_SCALE=books only the books of 1,000 positions.
// Needs `npm run build` first: the bench runs dist/, as a user would.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserFlags, findBrowser } from '../dist/browser.js';
import { runMeasured } from './run-measured.mjs';
import { timeDiff } from './time-diff.mjs';
import { timeHostileInput } from './time-hostile-input.mjs';
import { timeShapeReads } from './time-shape-reads.mjs';
import { timeTableRead } from './time-table-read.mjs';
import { writeScaleLadders } from './write-scale-ladders.mjs';

const bench = fileURLToPath(new URL('.', import.meta.url));
const root = path.dirname(bench);
const cli = path.join(root, 'dist', 'cli.js');
const shippedLadders = path.join(root, 'ladders');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const scaleMode = process.env.BENCH_SCALE ?? 'on';
if (!['on', '0', 'only', 'positions', 'books'].includes(scaleMode))
  throw new Error(`BENCH_SCALE must be \`0\`, \`only\`, \`positions\` or \`books\`, not \`${scaleMode}\``);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a whole number from 1 up, not \`${process.env.BENCH_RUNS}\``);
const allFormats = 'pdf,html,md';
// The shipped ladders' roles: their books are the first shards of the books, the whole ladder's the last.
const shippedRoles = 4;
// The project changes under the bench; the commit says which code the figures belong to (dist/ may lag it).
const commit = describeCommit();
// Without PDF in the build, no target is met or missed: the figures are not comparable.

const { executablePath, source } = await findBrowser({});
// Children find the same browser through the variable the project reads first.
const env = { ...process.env, LADDERS_BROWSER: executablePath };
const work = await mkdtemp(path.join(tmpdir(), 'ladders-bench-'));
try {
  await main();
} finally {
  await rm(work, { recursive: true, force: true });
}

async function main() {
  console.log(
    `ladders ${commit}, browser ${executablePath} (${source}), node ${process.version}, ${availableParallelism()} CPUs, ${runs} runs each`,
  );
  const loadAtStart = reportLoad('start');
  if (scaleMode === 'books') {
    const ladders = await scratch();
    await writeScaleLadders(ladders, path.join(shippedLadders, 'README.md'), { roles: 50 });
    console.log(JSON.stringify({ ...describeRun(loadAtStart), books: await measureBooks(ladders) }));
    return;
  }
  if (scaleMode === 'only' || scaleMode === 'positions') {
    const scale = await measureScale(allFormats, { books: scaleMode === 'only' });
    console.log(JSON.stringify({ ...describeRun(loadAtStart), formats: allFormats, scale }));
    return;
  }
  // An untimed build first: it unpacks the bundled browser if needed,
  // warms the disk cache for every measurement alike, and leaves the pages the others print.
  // The peers make the 18 handouts, so (2) does too (`--variant handout`); (2b) adds the review worksheets.
  const handouts = ['--force', '--variant', 'handout'];
  const reference = await scratch();
  const formats = allFormats;
  await build(shippedLadders, formats, reference, handouts);
  const htmlFiles = await filesToPrint(reference);
  // The handouts only: not the indexes, not the review worksheets.
  const mdFiles = (await listFiles(reference, '.md')).filter((file) => path.basename(file) !== 'README.md' && !file.endsWith('-review.md'));

  const measures = [
    { key: 'floor', label: `(1) floor: puppeteer-core, 2 pages, ${htmlFiles.length} HTML`, run: () => floor(htmlFiles, reference) },
    {
      key: 'build',
      label: '(2) ladders build --force, handouts, all formats',
      run: () => inScratch((out) => build(shippedLadders, formats, out, handouts)),
    },
    {
      key: 'buildAll',
      label: '(2b) the same with the review worksheets',
      run: () => inScratch((out) => build(shippedLadders, formats, out)),
    },
    // The folder built before the clock started, built again with nothing changed.
    {
      key: 'rebuild',
      label: '(4) ladders build, nothing changed',
      run: () => build(shippedLadders, formats, reference, ['--variant', 'handout']),
    },
    // An offer-letter attachment: one position, stamped, printed alone; next to what a browser launch costs.
    {
      key: 'offer',
      label: '(5) ladders build --only EM6 --for … (one PDF)',
      run: () => inScratch((out) => build(shippedLadders, 'pdf', out, ['--only', 'EM6', '--for', 'A. Candidate', '--date', '2026-12-01'])),
    },
    {
      key: 'launch',
      label: '(5b) launch and close the browser, as a script',
      run: () =>
        checked(
          runMeasured(process.execPath, [path.join(bench, 'launch-only.mjs'), executablePath], { cwd: bench, env }),
          'the launch script',
        ),
    },
    // The books against the same handouts printed one PDF each: the whole ladder's book alone (the last
    // shard of the books, one per role and then the ladder's), and all of them.
    {
      key: 'handoutPdfs',
      label: '(6) the 18 handouts, one PDF each',
      run: () => inScratch((out) => build(shippedLadders, 'pdf', out, handouts)),
    },
    {
      key: 'ladderBook',
      label: '(6b) the same 18 in one book, ladder.pdf',
      run: () => inScratch((out) => build(shippedLadders, 'book', out, ['--force', '--shard', `${shippedRoles + 1}/${shippedRoles + 1}`])),
    },
    {
      key: 'books',
      label: '(6c) every book: ladder.pdf and one per role',
      run: () => inScratch((out) => build(shippedLadders, 'book', out)),
    },
    { key: 'mdToPdf', label: `(3) md-to-pdf API, ${mdFiles.length} .md, a browser each`, run: () => peer(() => mdToPdfApi(mdFiles)) },
    {
      key: 'mdToPdfCli',
      label: `(3b) md-to-pdf CLI, ${mdFiles.length} .md, one browser`,
      run: () => peer(() => mdToPdfCli(reference, mdFiles)),
    },
  ];
  const samples = Object.fromEntries(measures.map(({ key }) => [key, []]));
  // Interleaved, so a slow spell of the machine hurts every measurement alike.
  for (let run = 1; run <= runs; run++) {
    for (const { key, run: measure } of measures) {
      samples[key].push(await measure());
      console.log(`run ${run}: ${key} ${seconds(samples[key].at(-1).ms)} s`);
    }
  }

  console.log(`\n${'measurement'.padEnd(48)}${'runs (s)'.padEnd(22)}${'median (s)'.padEnd(12)}peak MiB (PSS / RSS summed)`);
  for (const { key, label } of measures) {
    const peak = (field) => Math.max(...samples[key].map((sample) => sample[field])).toFixed(0);
    console.log(
      `${label.padEnd(48)}${samples[key]
        .map((sample) => seconds(sample.ms))
        .join(' ')
        .padEnd(22)}${seconds(median(samples[key])).padEnd(12)}${peak('peakMiB')} / ${peak('peakRssMiB')}`,
    );
  }
  console.log('');
  const ratios = {
    buildOverFloor: verdict('(2)/(1) ladders over floor', median(samples.build) / median(samples.floor), '<=', 1.25),
    mdToPdfOverBuild: verdict('(3)/(2) md-to-pdf API over ladders', median(samples.mdToPdf) / median(samples.build), '>=', 5),
    mdToPdfCliOverBuild: verdict('(3b)/(2) md-to-pdf CLI over ladders', median(samples.mdToPdfCli) / median(samples.build)),
    offerOverLaunch: verdict('(5)/(5b) offer letter over a bare browser launch', median(samples.offer) / median(samples.launch)),
    rebuildOverBuild: verdict('(4)/(2) no-change rebuild over cold build', median(samples.rebuild) / median(samples.build), '<=', 0.1),
    bookOverHandouts: verdict(
      '(6b)/(6) the ladder book over its handouts',
      median(samples.ladderBook) / median(samples.handoutPdfs),
      '<=',
      1.5,
    ),
    booksOverHandouts: verdict('(6c)/(6) every book over the handouts', median(samples.books) / median(samples.handoutPdfs)),
  };
  const buildPeakMiB = verdict('(2) peak memory (PSS), MiB', Math.max(...samples.build.map((sample) => sample.peakMiB)));
  // Part of (2): starting Node and importing the CLI's modules (`--version` loads what `build` starts with).
  const startups = [];
  for (let run = 1; run <= runs; run++) startups.push(await runMeasured(process.execPath, [cli, '--version'], { cwd: root, env }));
  const startupMs = Math.round(median(startups));
  verdict('(2) of which start-up (ladders --version), s', startupMs / 1000);

  const scale = scaleMode === '0' ? null : await measureScale(formats);
  // No input may make reading stall: the slowest hostile page, checked as a user runs it.
  console.log('');
  const hostileMs = await timeHostileInput({ cli, work: await scratch(), env, runs });
  const hostile = verdict('hostile input: slowest check, s', Math.max(...Object.values(hostileMs)) / 1000, '<=', 3);
  console.log('');
  const diffRun = await timeDiff({ cli, work: await scratch(), env, introduction: path.join(shippedLadders, 'README.md'), runs });
  const diff = verdict('diff of two revisions, 1,000 positions, s', diffRun.ms / 1000, '<=', 5);
  // Reading 1,000 positions kept in each shape, today's Markdown first, for the other readers to be read beside it.
  console.log('');
  const shapeReadMs = await timeShapeReads({ cli, work: await scratch(), env, introduction: path.join(shippedLadders, 'README.md'), runs });
  const tableRead = await timeTableRead({ cli, work: await scratch(), env, introduction: path.join(shippedLadders, 'README.md'), runs });
  const medians = Object.fromEntries(measures.map(({ key }) => [key, Math.round(median(samples[key]))]));
  console.log(
    JSON.stringify({
      ...describeRun(loadAtStart),
      runs,
      formats,
      medianMs: medians,
      startupMs,
      buildPeakMiB,
      ratios,
      scale,
      hostileMs,
      hostile,
      diff,
      shapeReadMs,
      tableRead,
    }),
  );
}

/** What every result line says of the run itself: the code, the browser, the machine and its load. */
function describeRun(loadAtStart) {
  return {
    commit,
    executablePath,
    source,
    node: process.version,
    cpus: availableParallelism(),
    load: { start: loadAtStart, end: reportLoad('end') },
  };
}

/**
 * Build 100 and then 1,000 generated positions, handouts and review worksheets (2,000 PDFs at 1,000), then
 * print the same pages with the floor: memory and overhead at size, and how time and memory grow from 100 to 1,000;
 * then, unless `books` is false, the books of the 1,000 positions.
 */
async function measureScale(formats, { books: withBooks = true } = {}) {
  const sizes = {};
  for (const roles of [5, 50]) {
    console.log(`\nscale: ${roles} roles × 20 positions, handouts and worksheets …`);
    const ladders = await scratch();
    await writeScaleLadders(ladders, path.join(shippedLadders, 'README.md'), { roles });
    const out = await scratch();
    const built = await build(ladders, formats, out, ['--force']);
    sizes[roles * 20] = { ladders, out, built, pdfs: (await listFiles(out, '.pdf')).length };
    console.log(
      `scale: ${roles * 20} positions (${sizes[roles * 20].pdfs} PDFs) built in ${seconds(built.ms)} s, peak ${built.peakMiB.toFixed(0)} MiB PSS (${built.peakRssMiB.toFixed(0)} MiB RSS summed)`,
    );
    console.log(`scale:   peak of each process, MiB PSS: ${describeProcesses(built.processes)}`);
  }
  const { out, built, pdfs } = sizes[1000];
  const books = withBooks ? await measureBooks(sizes[1000].ladders) : null;
  const htmlFiles = await filesToPrint(out);
  const floored = await floor(htmlFiles, out);
  console.log(`scale: build ${seconds(built.ms)} s, floor ${seconds(floored.ms)} s over ${htmlFiles.length} HTML pages`);
  console.log(`scale:   floor's peak of each process, MiB PSS: ${describeProcesses(floored.processes)}`);
  return {
    positions: 1000,
    pdfs,
    htmlPages: htmlFiles.length,
    buildMs: Math.round(built.ms),
    floorMs: Math.round(floored.ms),
    build100Ms: Math.round(sizes[100].built.ms),
    processes: summariseProcesses(built.processes),
    processes100: summariseProcesses(sizes[100].built.processes),
    floorProcesses: summariseProcesses(floored.processes),
    growth: verdict('scale: time of 1,000 over time of 100 positions', built.ms / sizes[100].built.ms),
    peak100MiB: verdict('scale: peak memory (PSS) at 100 positions, MiB', sizes[100].built.peakMiB),
    floorPeakMiB: verdict('scale: peak memory (PSS) of the floor, MiB', floored.peakMiB),
    peakMiB: verdict('scale: peak memory (PSS) at 1,000 positions, MiB', built.peakMiB, '<', 1024),
    peakRssMiB: verdict('scale: the same as RSS summed, MiB', built.peakRssMiB),
    buildOverFloor: verdict('scale: build over floor', built.ms / floored.ms, '<=', 1.3),
    books,
  };
}

/** The books of 1,000 positions (50 roles): one per role, and the whole ladder's unless it is refused. */
async function measureBooks(ladders) {
  console.log('\nscale: 50 roles × 20 positions, the books …');
  const out = await scratch();
  const books = await build(ladders, 'book', out, ['--force']);
  const files = await listFiles(out, '.pdf');
  const bytes = (await Promise.all(files.map((file) => stat(file)))).reduce((total, file) => total + file.size, 0);
  const wholeLadder = files.some((file) => path.basename(file) === 'ladder.pdf');
  await rm(out, { recursive: true, force: true });
  console.log(
    `scale: ${files.length} books (${wholeLadder ? 'the whole ladder’s included' : 'one per role; the whole ladder’s refused'}, ${(bytes / 2 ** 20).toFixed(0)} MiB) in ${seconds(books.ms)} s, peak ${books.peakMiB.toFixed(0)} MiB PSS (${books.peakRssMiB.toFixed(0)} MiB RSS summed)`,
  );
  console.log(`scale:   peak of each process, MiB PSS: ${describeProcesses(books.processes)}`);
  return {
    count: files.length,
    wholeLadder,
    bytes,
    ms: Math.round(books.ms),
    processes: summariseProcesses(books.processes),
    peakMiB: verdict('scale: peak memory (PSS) of the books, MiB', books.peakMiB, '<', 1024),
  };
}

/** Each process kind's peak, and each renderer's: these peaks come at different moments, so they add up to more than the total's. */
function summariseProcesses(processes) {
  const sum = (kind) => Math.round(processes.filter((each) => each.kind === kind).reduce((total, each) => total + each.pssMiB, 0));
  const others = processes.filter((each) => !['node', 'browser', 'renderer'].includes(each.kind));
  return {
    node: sum('node'),
    browser: sum('browser'),
    renderers: processes.filter((each) => each.kind === 'renderer').map((each) => Math.round(each.pssMiB)),
    others: Object.fromEntries(others.map((each) => [`${each.kind} ${each.pid}`, Math.round(each.pssMiB)])),
  };
}

function describeProcesses(processes) {
  const { node, browser, renderers, others } = summariseProcesses(processes);
  const rest = Object.entries(others).map(([name, mib]) => `${name.split(' ')[0]} ${mib}`);
  return [`node ${node}`, `browser ${browser}`, `renderers ${renderers.join(', ') || 'none'}`, ...rest].join('; ');
}

/** `ladders build` as a user runs it, in a fresh process; `--force` unless other flags are given. */
async function build(laddersDir, formats, out, flags = ['--force']) {
  const result = await runBuild(laddersDir, formats, out, flags);
  if (result.code !== 0) throw new Error(`ladders build exited with ${result.code}:\n${result.output}`);
  // It runs --quiet: anything printed means the pages were not clean (warnings), so the figures would not compare.
  if (result.output.trim()) console.log(`ladders build said:\n${result.output}`);
  return result;
}

function runBuild(laddersDir, formats, out, flags) {
  return runMeasured(process.execPath, [cli, 'build', '--quiet', ...flags, '--ladders', laddersDir, '--format', formats, '--out', out], {
    cwd: root,
    env: { ...env, CI: 'true' },
  });
}

/** The floor script, a process of its own like the build: its time and memory are measured alike. */
async function floor(htmlFiles, rootDir) {
  return inScratch((outDir) =>
    checked(
      runMeasured(process.execPath, [path.join(bench, 'print-floor.mjs'), executablePath, rootDir, outDir, ...htmlFiles], {
        cwd: bench,
        env,
      }),
      'the floor script',
    ),
  );
}

async function mdToPdfApi(mdFiles) {
  return inScratch((outDir) =>
    checked(
      runMeasured(process.execPath, [path.join(bench, 'print-with-md-to-pdf.mjs'), executablePath, outDir, ...mdFiles], {
        cwd: bench,
        env,
      }),
    ),
  );
}

/** md-to-pdf's own CLI shares one browser across files and converts them all at once; for comparison only. */
async function mdToPdfCli(reference, mdFiles) {
  return inScratch(async (dir) => {
    // It writes each PDF next to its source, so it works on a copy (copied before the clock starts).
    await cp(reference, dir, { recursive: true });
    const launchOptions = JSON.stringify({ executablePath, args: [...browserFlags], headless: true, pipe: true });
    const files = mdFiles.map((file) => path.relative(reference, file));
    return checked(
      runMeasured(
        process.execPath,
        [path.join(bench, 'node_modules', 'md-to-pdf', 'dist', 'cli.js'), '--launch-options', launchOptions, ...files],
        { cwd: dir, env },
      ),
    );
  });
}

/**
 * A peer's run, tried again once when it fails: md-to-pdf gives up on a page after 30 s, which a busy
 * machine can reach. A run that fails twice is left out of the medians, not the end of the bench.
 */
async function peer(run) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      console.log(`  the peer failed (attempt ${attempt} of 2): ${String(error.message).split('\n')[0]}`);
      if (attempt === 2) return { ms: NaN, peakMiB: NaN, peakRssMiB: NaN };
    }
  }
}

async function checked(running, what = 'md-to-pdf') {
  const result = await running;
  if (result.code !== 0) throw new Error(`${what} exited with ${result.code}:\n${result.output}`);
  return result;
}

/** The pages ladders printed to PDF (handouts), so the floor prints exactly those; all pages when there are no PDFs. */
async function filesToPrint(dir) {
  const html = await listFiles(dir, '.html');
  const pdfs = new Set(await listFiles(dir, '.pdf'));
  const printed = html.filter((file) => pdfs.has(file.replace(/\.html$/, '.pdf')));
  return printed.length > 0 ? printed : html;
}

async function listFiles(dir, extension) {
  const names = await readdir(dir, { recursive: true });
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(dir, name));
}

function scratch() {
  return mkdtemp(path.join(work, 'run-'));
}

/** Run `task` with a fresh folder and delete it after, so 1,000-page runs do not pile up on disk. */
async function inScratch(task) {
  const dir = await scratch();
  try {
    return await task(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Other work on the machine slows every measurement, but not alike (the floor uses 2 pages, md-to-pdf 1 or 18). */
function reportLoad(when) {
  const load = Number(loadavg()[0].toFixed(2));
  const warning = load > availableParallelism() * 0.75 ? ': the machine is busy, so the figures are noisy' : '';
  console.log(`load average at ${when}: ${load}${warning}`);
  return load;
}

/** Print a figure with PASS or MISS when it has a target, and return it for the JSON line. */
function verdict(label, value, comparison, target) {
  if (Number.isNaN(value)) {
    console.log(`${label.padEnd(44)}${'failed'.padStart(9)}  (every run of a measurement it needs failed)`);
    return { value: null, target, comparison, pass: null };
  }
  const met = comparison === '<' ? value < target : comparison === '<=' ? value <= target : value >= target;
  const pass = comparison === undefined ? null : met;
  const goal = comparison === undefined ? '' : `  (target ${comparison} ${target})  ${pass ? 'PASS' : 'MISS'}`;
  console.log(`${label.padEnd(44)}${value.toFixed(2).padStart(9)}${goal}`);
  return { value: Number(value.toFixed(3)), target, comparison, pass };
}

function describeCommit() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'src', 'templates') ? '+changes' : '');
  } catch {
    return 'unknown';
  }
}

/** The median of the runs that did not fail (NaN when every one did). */
function medianOf(values) {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median wall time of a measurement's runs. */
function median(results) {
  return medianOf(results.map((result) => result.ms));
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}
