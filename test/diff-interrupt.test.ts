import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from './support/git-in.js';
// The bench's generator of large ladders: valid, warning-free, any number of roles of 20 positions.
import { writeScaleLadders } from '../bench/write-scale-ladders.mjs';

// A diff of two revisions copies each out of git into a temporary folder while it reads them; stopped
// part-way, it must leave none behind. Each run gets its own TMPDIR, so what it leaves is its own.
const repoRoot = path.join(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-diff-interrupt-'));
const repo = path.join(scratch, 'repo');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  const ladders = path.join(repo, 'ladders');
  mkdirSync(ladders, { recursive: true });
  const git = gitIn(repo);
  git('init', '--quiet', '--initial-branch=main');
  // 400 positions: reading both sides takes long enough to be stopped in the middle.
  await writeScaleLadders(ladders, path.join(repoRoot, 'ladders', 'README.md'), { roles: 20 });
  git('add', '-A');
  git('commit', '--quiet', '-m', 'first');
  const readme = path.join(ladders, 'README.md');
  writeFileSync(readme, readFileSync(readme, 'utf8').replace('1. **Adopts**: ', '1. **Adopts**: first of all, '));
  git('commit', '--quiet', '-am', 'second');
}, 60_000);

function revisionFolders(temp: string): string[] {
  return readdirSync(temp).filter((name) => name.startsWith('ladders-revision-'));
}

async function stopDiffPartWay(signal: 'SIGINT' | 'SIGTERM') {
  const temp = mkdtempSync(path.join(scratch, `tmp-${signal}-`));
  const child = spawn(process.execPath, [cli, 'diff', 'HEAD~1', 'HEAD'], {
    cwd: repo,
    env: { ...process.env, TMPDIR: temp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // Stopped once a side is being copied out: the scratch folder holds a revision's folder.
  let copying = false;
  for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 10) {
    copying = revisionFolders(temp).some((folder) => readdirSync(path.join(temp, folder)).length > 0);
    if (copying) break;
    await sleep(10);
  }
  expect(copying, `the diff ended before it was seen copying a revision: ${stderr}`).toBe(true);
  child.kill(signal);
  const [code] = await exited;
  return { code, stderr, left: revisionFolders(temp) };
}

describe('a diff of two revisions stopped part-way', () => {
  it('by Ctrl-C (SIGINT) exits 130 and leaves no temporary folder', async () => {
    const stopped = await stopDiffPartWay('SIGINT');
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toBe('ladders: Stopped by SIGINT; nothing was written\n');
    expect(stopped.left).toEqual([]);
  });

  it('by SIGTERM exits 143 and leaves no temporary folder', async () => {
    const stopped = await stopDiffPartWay('SIGTERM');
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.left).toEqual([]);
  });
});
