import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserPids } from '../support/browser-processes.js';
import { run } from '../support/run.js';
import { hashTree, listTree } from '../support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-faults-'));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) execFileSync('umount', [mount]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A small tmpfs of its own, so a full disk and a read-only folder are real, not simulated. Needs root, as CI has. */
function smallDisk(name: string, size: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

describe('faults while writing', () => {
  it('a full disk ends the build with the path and ENOSPC, exit 3, earlier outputs intact and no browser left', async () => {
    const disk = smallDisk('full', '2m');
    const out = path.join(disk, 'out');
    expect((await run(['build', '--only', 'EM6', '--format', 'md', '--out', out], repoRoot)).code).toBe(0);
    const before = hashTree(out);
    // Fill what is left, so the next file cannot be written.
    execFileSync('sh', ['-c', `dd if=/dev/zero of=${path.join(disk, 'filler')} bs=64k 2>/dev/null || true`]);
    const result = await run(['build', '--force', '--only', 'engineering-manager', '--out', out], repoRoot);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot write .*: the disk is full \(ENOSPC\)$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    for (const [file, hash] of Object.entries(before)) if (file !== '.ladders-manifest.json') expect(hashTree(out)[file], file).toBe(hash);
    expect(listTree(out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(browserPids()).toEqual([]);
  });

  it('a read-only output folder ends the build with the path and EROFS, exit 3, outputs intact', async () => {
    const disk = smallDisk('read-only', '8m');
    const out = path.join(disk, 'out');
    expect((await run(['build', '--only', 'EM6', '--format', 'html', '--out', out], repoRoot)).code).toBe(0);
    const before = hashTree(out);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const result = await run(['build', '--force', '--only', 'EM6', '--format', 'pdf,html', '--out', out], repoRoot);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot write .*out.*: the file system is read-only \(EROFS\)$/m);
    expect(hashTree(out)).toEqual(before);
    expect(browserPids()).toEqual([]);
  });
});

describe('faults in the ladders folder', () => {
  it('a page cut short mid-write is a message with its place, exit 1, nothing written', async () => {
    const disk = smallDisk('cut-short', '4m');
    cpSync(path.join(repoRoot, 'ladders'), path.join(disk, 'ladders'), { recursive: true });
    writeFileSync(
      path.join(disk, 'ladders', 'tech-lead.md'),
      readFileSync(path.join(repoRoot, 'ladders', 'tech-lead.md')).subarray(0, 300),
    );
    const result = await run(['build', '--ladders', path.join(disk, 'ladders'), '--out', path.join(disk, 'out')], repoRoot);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tech-lead\.md:\d+:\d+: error/);
    expect(() => listTree(path.join(disk, 'out'))).toThrow(/ENOENT/);
  });
});
