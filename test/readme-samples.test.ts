import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeSample, readmeConsoleSamples, splitWords, withConsoleSamples, type ConsoleSample } from './support/readme.js';
import { run } from './support/run.js';

// Every `console` block of the README shows commands and what they print. Each command runs here, in
// the README's order, in a fresh copy of the shipped ladders with no configuration, as `CI=true` (plain
// lines, no live progress), and must print what the README shows: its stdout, then its stderr. Only
// what legitimately varies from run to run is normalised, on both sides: the milliseconds under
// `"timings"` in `--json` output. After an intended change, `UPDATE_README_SAMPLES=1 npx vitest run
// test/readme-samples.test.ts` writes the real output into the README; review the diff.

const repoRoot = path.join(import.meta.dirname, '..');
const readmePath = path.join(repoRoot, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const samples = readmeConsoleSamples(readme);
const update = process.env.UPDATE_README_SAMPLES === '1';
const workspace = mkdtempSync(path.join(tmpdir(), 'ladders-readme-samples-'));
cpSync(path.join(repoRoot, 'ladders'), path.join(workspace, 'ladders'), { recursive: true });
// The tarball `init --from` copies into the new repository: a stand-in, since init only checks that it is gzip.
writeFileSync(path.join(workspace, 'ladders-0.1.0.tgz'), gzipSync('a packed ladders'));

// The README shows these failing on purpose.
const exitCodes: Record<string, number> = { 'npx ladders compare EM5 EMM6': 2 };
const actual = new Map<ConsoleSample, string>();

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  if (update && actual.size === samples.length)
    writeFileSync(
      readmePath,
      withConsoleSamples(
        readme,
        samples.map((sample) => ({ ...sample, output: actual.get(sample) ?? '' })),
      ),
    );
});

describe('the README console samples', () => {
  it('are there to check: commands with output', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
    for (const sample of samples) expect(sample.command).toMatch(/^npx ladders /);
  });

  it('normalise only the timings', () => {
    expect(normalizeSample('{"written":[],"timings":{"read":782,"total":1575},"exitCode":0}')).toBe(
      '{"written":[],"timings":{"read":0,"total":0},"exitCode":0}',
    );
    expect(normalizeSample('Wrote 23 files to out')).toBe('Wrote 23 files to out');
  });

  it.each(samples.map((sample) => [sample.command, sample] as const))('prints what the README shows: %s', async (command, sample) => {
    const result = await run(splitWords(command).slice(2), workspace, { ...process.env, SOURCE_DATE_EPOCH: '', CI: 'true' });
    expect(result.code, result.stderr).toBe(exitCodes[command] ?? 0);
    const output = result.stdout + result.stderr;
    actual.set(sample, output);
    if (!update) expect(normalizeSample(output)).toBe(normalizeSample(sample.output));
  });
});
