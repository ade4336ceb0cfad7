import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../src/commands/build-summary.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-reporting-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tiny = path.join(repoRoot, 'test', 'fixtures', 'reader-basic', 'input');
let runs = 0;
/** A cold text build of a small ladder into a fresh folder. */
function build(args: string[], env: NodeJS.ProcessEnv = { ...process.env, CI: '' }, interactive = false) {
  return run(['build', '--ladders', tiny, '--format', 'html,md', '--out', path.join(scratch, `out-${++runs}`), ...args], scratch, env, {
    interactive,
  });
}
/** Any control character but the newline. */
const controlCharacters = /[^\n\P{Cc}]/u;

describe('what a build prints', () => {
  it('without a terminal: one plain line per phase, no control characters', async () => {
    const { code, stderr } = await build([]);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(controlCharacters);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Read 3 pages: 1 role, 2 positions$/),
      expect.stringMatching(/^16 outputs: 16 to make, 0 current, 0 to remove$/),
      expect.stringMatching(/^Wrote 16 files to /),
    ]);
  });

  it('on a terminal: a live line redrawn in place, cleared before the last line', async () => {
    const { stderr } = await build([], { ...process.env, CI: '' }, true);
    const redraw = '\r\u001b[2K';
    expect(stderr.split(redraw).some((line) => /^\d+\/16 (?:maker|guides)\/\S+ \(\d+\.\d s\)$/.test(line))).toBe(true);
    expect(stderr).toMatch(/Wrote 16 files to .*\n$/);
    expect(stderr).toContain(`${redraw}Wrote 16 files`);
  });

  it('on a terminal in CI (CI=true): plain lines again', async () => {
    const { stderr } = await build([], { ...process.env, CI: 'true' }, true);
    expect(stderr).not.toMatch(controlCharacters);
  });

  it('--quiet prints nothing when all is well, and still prints problems', async () => {
    expect((await build(['--quiet'])).stderr).toBe('');
    const broken = await run(
      ['build', '--quiet', '--ladders', path.join(scratch, 'no-such-folder'), '--out', path.join(scratch, 'never')],
      scratch,
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/the ladder folder `.*no-such-folder` does not exist/);
  });

  it('--json prints a summary on stdout: written, skipped, removed, timings, messages', async () => {
    const { stdout, stderr } = await build(['--json']);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as BuildSummary;
    expect(summary).toMatchObject({ exitCode: 0, current: [], removed: [], differences: [] });
    expect(summary.messages).toEqual([]);
    expect(summary.written).toHaveLength(16);
    expect(Object.keys(summary.timings)).toEqual(expect.arrayContaining(['read', 'plan', 'write', 'total']));
  });
});

describe('exit codes', () => {
  it('2 for a mistake in the configuration, with its place', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const project = path.join(scratch, 'configured');
    mkdirSync(project);
    writeFileSync(path.join(project, 'ladders.config.json'), '{\n  "paper": "a3"\n}\n');
    const result = await run(['build', '--ladders', tiny], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders\.config\.json:2:\d+: error .*paper/m);
  });

  it('2 for a build flag given to another command', async () => {
    const result = await run(['check', '--force'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`--force` applies to `build` only');
  });
});
