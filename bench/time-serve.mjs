// Measures `ladders serve` as someone editing sees it: a position's text is changed on disk and the clock runs
// until the page open in a browser shows the new text (reloaded by the server's event, no manual reload);
// p50 and p95 over BENCH_EDITS edits (default 50), for the shipped ladders and for 1,000 generated positions.
// Then a fresh PDF of the edited position with the server's browser warm, the server's memory after the edits,
// and its CPU while idle. Environment: BENCH_EDITS, BENCH_SCALE=0 skips the 1,000 positions.
// Needs `npm run build` first: the bench runs dist/, as a user would.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
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
const edits = Number(process.env.BENCH_EDITS ?? 50);
if (!Number.isInteger(edits) || edits < 1)
  throw new Error(`BENCH_EDITS must be a whole number from 1 up, not \`${process.env.BENCH_EDITS}\``);

const { executablePath } = await findBrowser({});
const viewer = await launch({ executablePath, headless: true, args: [...browserFlags] });
const work = await mkdtemp(path.join(tmpdir(), 'ladders-bench-serve-'));
try {
  const shipped = path.join(work, 'shipped');
  await cp(shippedLadders, shipped, { recursive: true });
  const results = {
    shipped: await measure(shipped, 'developer.md', 'developer/d1', 'fixes bugs and adds small', 300),
  };
  if (process.env.BENCH_SCALE !== '0') {
    const scale = path.join(work, 'scale');
    await cp(shippedLadders, scale, { recursive: true, filter: (file) => !file.endsWith('.md') || file === shippedLadders });
    await writeScaleLadders(scale, path.join(shippedLadders, 'README.md'), { roles: 50 });
    results.positions1000 = await measure(scale, 'role-a.md', 'role-a/ra1', 'at level 1 of role A,', 1000);
  }
  console.log(JSON.stringify({ edits, ...results }));
} finally {
  await viewer.close();
  await rm(work, { recursive: true, force: true });
}

/** Start `ladders serve` on `ladders`, open `page` (without extension), edit `file` `edits` times and time each edit to the page showing it. */
async function measure(ladders, file, page, phrase, targetMs) {
  const server = await startServer(ladders);
  const tab = await viewer.newPage();
  try {
    const source = await readFile(path.join(ladders, file), 'utf8');
    if (!source.includes(phrase)) throw new Error(`${file} does not contain \`${phrase}\``);
    await tab.goto(`${server.url}${page}.html`);
    // Warm: the server's browser starts on the first PDF request, and is warm for the timed one.
    await fetchBytes(`${server.url}${page}-review.pdf`);
    const times = [];
    for (let edit = 0; edit < edits; edit++) {
      const marker = `bench edit ${edit}`;
      const started = performance.now();
      await writeFile(path.join(ladders, file), source.replace(phrase, `${marker} ${phrase}`));
      await tab.waitForFunction((text) => globalThis.document.body?.innerText.includes(text), { timeout: 60_000, polling: 5 }, marker);
      times.push(performance.now() - started);
    }
    const pdfStarted = performance.now();
    const pdf = await fetchBytes(`${server.url}${page}.pdf`);
    const pdfMs = performance.now() - pdfStarted;
    if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${page}.pdf is not a PDF`);
    const idleCpu = await idleCpuPercent(server.child.pid, 3000);
    const sorted = times.sort((a, b) => a - b);
    const summary = {
      pages: server.pages,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      maxMs: Math.round(sorted.at(-1)),
      targetP95Ms: targetMs,
      freshPdfMs: Math.round(pdfMs),
      rssAfterEditsMiB: Math.round(rssMiB(server.child.pid)),
      idleCpuPercent: Number(idleCpu.toFixed(1)),
    };
    console.log(
      `serve (${file}, ${server.pages} pages): edit to reload p50 ${summary.p50Ms} ms, p95 ${summary.p95Ms} ms (target ≤ ${targetMs}), ` +
        `fresh PDF ${summary.freshPdfMs} ms, ${summary.rssAfterEditsMiB} MiB after ${edits} edits, idle CPU ${summary.idleCpuPercent} %`,
    );
    return summary;
  } finally {
    await tab.close();
    server.child.kill('SIGINT');
    await server.exited;
  }
}

async function startServer(ladders) {
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

/** The resident memory of a process, from /proc. */
function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
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
