// Measures `ladders serve` as someone editing sees it: a position's text is changed on disk and the clock runs
// until the page open in a browser shows the new text (reloaded by the server's event, no manual reload);
// p50 and p95 over BENCH_EDITS edits (default 500) of the shipped ladders and BENCH_SCALE_EDITS (default 50) at
// 1,000 generated positions. Then a fresh PDF of the edited position with the server's browser warm, the
// server's memory (RSS and PSS) every 100 edits, and its CPU over 10 s idle. Each figure is printed against its
// target, with the machine's load average: the figures of a busy machine are not a quiet machine's.
// Memory is compared from the 100th edit on: the first ones fill the caches a long session keeps.
// BENCH_BASELINE=<another checkout's dist/cli.js> runs that version beside this one on its own copy of the
// ladders, edits the two in turn (A B A B …) and prints the ratio of their medians: a busy machine slows both alike.
// Environment: BENCH_EDITS, BENCH_SCALE_EDITS, BENCH_SCALE=0 skips the 1,000 positions, BENCH_BASELINE.
// Needs `npm run build` first: the bench runs dist/, as a user would.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { launch } from 'puppeteer-core';
import { browserFlags, findBrowser } from '../dist/browser.js';
import { writeScaleLadders } from './write-scale-ladders.mjs';

const bench = fileURLToPath(new URL('.', import.meta.url));
const root = path.dirname(bench);
const cli = path.join(root, 'dist', 'cli.js');
const shippedLadders = path.join(root, 'ladders');
const edits = wholeNumber('BENCH_EDITS', 500);
const scaleEdits = wholeNumber('BENCH_SCALE_EDITS', 50);
const idleMs = 10_000;
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
const versions = baseline
  ? [
      { name: 'this', cli },
      { name: 'baseline', cli: baseline },
    ]
  : [{ name: 'this', cli }];

const { executablePath } = await findBrowser({});
const viewer = await launch({ executablePath, headless: true, args: [...browserFlags] });
const work = await mkdtemp(path.join(tmpdir(), 'ladders-bench-serve-'));
try {
  const shipped = path.join(work, 'shipped');
  await cp(shippedLadders, shipped, { recursive: true });
  const results = {
    shipped: await measure(shipped, 'developer.md', 'developer/d1', 'fixes bugs and adds small', 300, edits),
  };
  if (process.env.BENCH_SCALE !== '0') {
    const scale = path.join(work, 'scale');
    await cp(shippedLadders, scale, { recursive: true, filter: (file) => !file.endsWith('.md') || file === shippedLadders });
    await writeScaleLadders(scale, path.join(shippedLadders, 'README.md'), { roles: 50 });
    results.positions1000 = await measure(scale, 'role-a.md', 'role-a/ra1', 'at level 1 of role A,', 1000, scaleEdits);
  }
  console.log(JSON.stringify({ edits, scaleEdits, loadAverage: loadavg().map((load) => Number(load.toFixed(2))), ...results }));
} finally {
  await viewer.close();
  await rm(work, { recursive: true, force: true });
}

/**
 * Start `ladders serve` of each version on its own copy of `ladders`, open `page` (without extension) in
 * each, edit `file` `edits` times in each, in turn, and time each edit to the page showing it.
 */
async function measure(ladders, file, page, phrase, targetMs, edits) {
  const runs = [];
  try {
    for (const version of versions) {
      const copy = `${ladders}-${version.name}`;
      await cp(ladders, copy, { recursive: true });
      const server = await startServer(version.cli, copy);
      const tab = await viewer.newPage();
      runs.push({ version, copy, server, tab, times: [], memory: [] });
      const source = await readFile(path.join(copy, file), 'utf8');
      if (!source.includes(phrase)) throw new Error(`${file} does not contain \`${phrase}\``);
      runs.at(-1).source = source;
      await tab.goto(`${server.url}${page}.html`);
      // Warm: the server's browser starts on the first PDF request, and is warm for the timed one.
      await fetchBytes(`${server.url}${page}-review.pdf`);
      // Before the first edit, then every 100: a server that keeps something of every save grows with them.
      runs.at(-1).memory.push({ edits: 0, ...memoryMiB(server.child.pid) });
    }
    const load = loadavg()[0];
    for (let edit = 0; edit < edits; edit++) {
      for (const run of runs) {
        const marker = `bench edit ${edit}`;
        const started = performance.now();
        await writeFile(path.join(run.copy, file), run.source.replace(phrase, `${marker} ${phrase}`));
        await run.tab.waitForFunction(
          (text) => globalThis.document.body?.innerText.includes(text),
          { timeout: 60_000, polling: 5 },
          marker,
        );
        run.times.push(performance.now() - started);
        if ((edit + 1) % 100 === 0) run.memory.push({ edits: edit + 1, ...memoryMiB(run.server.child.pid) });
      }
    }
    const summaries = {};
    for (const run of runs) {
      const pdfStarted = performance.now();
      const pdf = await fetchBytes(`${run.server.url}${page}.pdf`);
      const pdfMs = performance.now() - pdfStarted;
      if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${page}.pdf is not a PDF`);
      // The other servers are idle too: each is measured alone.
      const idleCpu = await idleCpuPercent(run.server.child.pid, idleMs);
      summaries[run.version.name] = report(run, { pdfMs, idleCpu, load, file, edits, targetMs });
    }
    if (summaries.baseline) {
      const ratio = (key) => Number((summaries.this[key] / summaries.baseline[key]).toFixed(2));
      summaries.ratio = { p50: ratio('p50Ms'), p95: ratio('p95Ms') };
      console.log(`  this ÷ baseline, edited in turn: p50 ${summaries.ratio.p50}, p95 ${summaries.ratio.p95}`);
    }
    return summaries;
  } finally {
    for (const run of runs) {
      await run.tab.close();
      run.server.child.kill('SIGINT');
      await run.server.exited;
    }
  }
}

/** Print one version's figures against their targets, and return them. */
function report(run, { pdfMs, idleCpu, load, file, edits, targetMs }) {
  const { server, memory } = run;
  const sorted = run.times.sort((a, b) => a - b);
  const summary = {
    pages: server.pages,
    loadAverageAtStart: Number(load.toFixed(2)),
    p50Ms: Math.round(percentile(sorted, 0.5)),
    p95Ms: Math.round(percentile(sorted, 0.95)),
    maxMs: Math.round(sorted.at(-1)),
    targetP95Ms: targetMs,
    freshPdfMs: Math.round(pdfMs),
    memory,
    idleCpuPercent: Number(idleCpu.toFixed(2)),
  };
  // From the 100th edit on, when there is one: the first edits warm caches, which is not growth.
  const since = memory.find((sample) => sample.edits >= 100) ?? memory[0];
  const last = memory.at(-1);
  const growth = (last.pssMiB - since.pssMiB) / since.pssMiB;
  const verdict = (met) => (met ? 'met' : 'NOT MET');
  const label = `serve (${run.version.name}), ${server.pages} pages, ${edits} edits of ${file}, load average ${summary.loadAverageAtStart} → ${loadavg()[0].toFixed(2)}`;
  console.log(
    [
      label,
      `  save → page showing it, p95: ${summary.p95Ms} ms (target ≤ ${targetMs} ms): ${verdict(summary.p95Ms <= targetMs)}; p50 ${summary.p50Ms} ms, max ${summary.maxMs} ms`,
      `  fresh PDF, browser warm: ${summary.freshPdfMs} ms (target ≤ 1500 ms): ${verdict(summary.freshPdfMs <= 1500)}`,
      `  idle CPU over ${idleMs / 1000} s: ${summary.idleCpuPercent} % of a core (target near zero, ≤ 1 %): ${verdict(summary.idleCpuPercent <= 1)}`,
      `  memory, after edits ${memory.map((sample) => sample.edits).join(' / ')}: RSS ${memory.map((sample) => sample.rssMiB).join(' / ')} MiB, ` +
        `PSS ${memory.map((sample) => sample.pssMiB).join(' / ')} MiB (target flat, PSS within 10 % from edit ${since.edits} on): ${verdict(growth <= 0.1)}`,
    ].join('\n'),
  );
  return summary;
}

async function startServer(cli, ladders) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--ladders', ladders], {
    cwd: path.dirname(ladders),
    env: { ...process.env, LADDERS_BROWSER: executablePath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let stdout = '';
  const [url, pages] = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = /Serving (\d+) pages? at (http:\/\/\S+\/)/.exec(stdout);
      if (found) resolve([found[2], Number(found[1])]);
    });
    exited.then(() => reject(new Error('ladders serve exited before listening')));
  });
  return { child, url, pages, exited };
}

function fetchBytes(url) {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: ${response.statusCode}`)),
      );
    }).on('error', reject);
  });
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** The resident and proportional set sizes of a process, from /proc, in whole MiB. */
function memoryMiB(pid) {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name) => Math.round(Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) / 1024);
  return { rssMiB: field('Rss'), pssMiB: field('Pss') };
}

function wholeNumber(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1 up, not \`${process.env[name]}\``);
  return value;
}

/** The CPU a process uses over `ms` while nothing changes, in percent of one core. */
async function idleCpuPercent(pid, ms) {
  const ticks = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime and stime, in clock ticks (100 a second)
  };
  const before = ticks();
  await sleep(ms);
  return ((ticks() - before) / 100 / (ms / 1000)) * 100;
}
