import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../src/commands/build-summary.js';
import type { Manifest } from '../src/plan/manifest.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { browsersLeft } from './support/browser-processes.js';
import { run } from './support/run.js';
import { listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const { executablePath } = await findBrowser({});

// The handouts of two roles (7 and 4), not the worksheets: enough PDFs that a build is stopped in the
// middle, few enough to keep each test short.
const buildArgs = ['build', '--format', 'pdf', '--variant', 'handout', '--only', 'developer', '--only', 'tech-lead'];
const handouts = 11;

/**
 * `ladders build --format pdf` of those handouts as a user runs it, in its own process. Its temp folder is its
 * own, so the browser it starts (whose profile lives there) can be told from any other test's.
 */
function startBuild(name: string) {
  const out = path.join(scratch, name, 'out');
  const temp = path.join(scratch, name, 'tmp');
  mkdirSync(temp, { recursive: true });
  const child = spawn(process.execPath, [cli, ...buildArgs, '--out', out], {
    cwd: repoRoot,
    env: { ...process.env, TMPDIR: temp, LADDERS_BROWSER: executablePath, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, out, temp, exited, stderr: () => stderr };
}

async function firstPdf(out: string): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (listing(out).some((file) => file.endsWith('.pdf'))) return;
    await sleep(50);
  }
  throw new Error('no PDF was written within a minute');
}

function listing(dir: string): string[] {
  try {
    return listTree(dir);
  } catch {
    return [];
  }
}

/** Every PDF in `out` is whole: it starts as a PDF and ends with the end-of-file marker. */
function expectWholePdfs(out: string): string[] {
  const pdfs = listing(out).filter((file) => file.endsWith('.pdf'));
  for (const file of pdfs) {
    const bytes = readFileSync(path.join(out, file));
    expect(bytes.subarray(0, 5).toString(), file).toBe('%PDF-');
    expect(bytes.subarray(-6).toString(), file).toBe('%%EOF\n');
  }
  return pdfs;
}

describe('a build stopped part-way by Ctrl-C (SIGINT)', () => {
  const stopped = { out: '', pdfs: [] as string[] };

  it('exits 130, leaves whole PDFs, no temporary file and no browser, and records what it made', async () => {
    const build = startBuild('sigint');
    await firstPdf(build.out);
    build.child.kill('SIGINT');
    const [code] = await build.exited;
    expect(code, build.stderr()).toBe(130);
    expect(build.stderr()).toContain('Stopped by SIGINT');
    const pdfs = expectWholePdfs(build.out);
    expect(pdfs.length).toBeGreaterThan(0);
    expect(pdfs.length).toBeLessThan(handouts);
    expect(listing(build.out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(build.out, '.ladders-lock'))).toBe(false);
    expect(await browsersLeft(build.temp)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(build.out, '.ladders-manifest.json'), 'utf8')) as Manifest;
    expect(Object.keys(manifest.outputs).sort()).toEqual(pdfs);
    Object.assign(stopped, { out: build.out, pdfs });
  });

  it('the next build makes only the rest', async () => {
    expect(stopped.pdfs.length, 'the build above was stopped part-way').toBeGreaterThan(0);
    const rest = await run([...buildArgs, '--out', stopped.out, '--json'], repoRoot);
    expect(rest.code, rest.stderr).toBe(0);
    const written = (JSON.parse(rest.stdout) as BuildSummary).written;
    expect(written).toHaveLength(handouts - stopped.pdfs.length);
    expect(written.filter((file) => stopped.pdfs.includes(file))).toEqual([]);
  });
});

describe('a build stopped part-way by SIGKILL', () => {
  const killed = { out: '' };

  it('leaves every PDF in place whole, and the browser goes', async () => {
    const build = startBuild('sigkill');
    await firstPdf(build.out);
    build.child.kill('SIGKILL');
    await build.exited;
    expectWholePdfs(build.out);
    // A process killed outright cannot remove its lock; its process is gone, so the next build takes it over.
    expect(existsSync(path.join(build.out, '.ladders-lock'))).toBe(true);
    // Chromium leaves when the pipe to the process that started it closes.
    expect(await browsersLeft(build.temp)).toEqual([]);
    killed.out = build.out;
  });

  it('the next build clears what was half written and makes every handout', async () => {
    expect(killed.out, 'the build above was killed').not.toBe('');
    const next = await run([...buildArgs, '--out', killed.out], repoRoot);
    expect(next.code, next.stderr).toBe(0);
    expect(expectWholePdfs(killed.out)).toHaveLength(handouts);
    expect(listing(killed.out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(killed.out, '.ladders-lock'))).toBe(false);
  });
});
