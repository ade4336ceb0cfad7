import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../src/commands/build.js';
import type { Manifest } from '../src/plan/manifest.js';
import { findBrowser } from '../src/print/find-browser.js';
import { run } from './support/run.js';
import { listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const { executablePath } = await findBrowser({});

/**
 * `ladders build --format pdf` as a user runs it, in its own process. Its temp folder is its own, so the
 * browser it starts (whose profile lives there) can be told from any other test's.
 */
function startBuild(name: string) {
  const out = path.join(scratch, name, 'out');
  const temp = path.join(scratch, name, 'tmp');
  mkdirSync(temp, { recursive: true });
  const child = spawn(process.execPath, [cli, 'build', '--format', 'pdf', '--out', out], {
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

/** The browser processes still running with a profile in `temp`, waited for up to `ms` to go. */
async function browsersLeft(temp: string, ms = 10_000): Promise<string[]> {
  let left: string[] = [];
  for (let waited = 0; waited <= ms; waited += 100) {
    try {
      left = execFileSync('pgrep', ['-f', temp], { encoding: 'utf8' }).split('\n').filter(Boolean);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
    await sleep(100);
  }
  return left;
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

describe('a build stopped part-way', () => {
  it('by Ctrl-C (SIGINT): exits 130, leaves whole PDFs, no temporary file and no browser, and records what it made', async () => {
    const build = startBuild('sigint');
    await firstPdf(build.out);
    build.child.kill('SIGINT');
    const [code] = await build.exited;
    expect(code, build.stderr()).toBe(130);
    expect(build.stderr()).toContain('Stopped by SIGINT');
    const pdfs = expectWholePdfs(build.out);
    expect(pdfs.length).toBeGreaterThan(0);
    // 18 handouts and 18 review worksheets.
    expect(pdfs.length).toBeLessThan(36);
    expect(listing(build.out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(await browsersLeft(build.temp)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(build.out, '.ladders-manifest.json'), 'utf8')) as Manifest;
    expect(Object.keys(manifest.outputs).sort()).toEqual(pdfs);

    // The next build makes only the rest.
    const rest = await run(['build', '--format', 'pdf', '--out', build.out, '--json'], repoRoot);
    expect(rest.code, rest.stderr).toBe(0);
    expect((JSON.parse(rest.stdout) as BuildSummary).written).toHaveLength(36 - pdfs.length);
  });

  it('by SIGKILL: every PDF in place is whole, the browser goes, and the next build clears what was half written', async () => {
    const build = startBuild('sigkill');
    await firstPdf(build.out);
    build.child.kill('SIGKILL');
    await build.exited;
    expectWholePdfs(build.out);
    // Chromium leaves when the pipe to the process that started it closes.
    expect(await browsersLeft(build.temp)).toEqual([]);
    const next = await run(['build', '--format', 'pdf', '--out', build.out], repoRoot);
    expect(next.code, next.stderr).toBe(0);
    expect(expectWholePdfs(build.out)).toHaveLength(36);
    expect(listing(build.out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
