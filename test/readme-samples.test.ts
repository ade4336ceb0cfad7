import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  documentation,
  normalizeSample,
  readmeConsoleSamples,
  splitWords,
  withConsoleSamples,
  type ConsoleSample,
} from './support/readme.js';
import { run } from './support/run.js';

// Every `console` block of the README and of the manual's pages in docs/ shows commands and what they
// print. Each command runs here, in the pages' order (the README's, then each page's in the order the
// README links them), in a fresh copy of the shipped ladders with no configuration, as `CI=true` (plain
// lines, no live progress), and must print what the page shows: its stdout, then its stderr. Only
// what legitimately varies from run to run is normalised, on both sides: the milliseconds under
// `"timings"` in `--json` output. After an intended change, `UPDATE_README_SAMPLES=1 npx vitest run
// test/readme-samples.test.ts` writes the real output into the pages; review the diff.

const repoRoot = path.join(import.meta.dirname, '..');
const pages = documentation(repoRoot);
/** A console sample, and the page that shows it. */
type PageSample = ConsoleSample & { page: string };
const samples: PageSample[] = pages.flatMap(({ page, text }) => readmeConsoleSamples(text).map((sample) => ({ ...sample, page })));
const update = process.env.UPDATE_README_SAMPLES === '1';
const workspace = mkdtempSync(path.join(tmpdir(), 'ladders-readme-samples-'));
cpSync(path.join(repoRoot, 'ladders'), path.join(workspace, 'ladders'), { recursive: true });
// The tarball `init --from` copies into the new repository: a stand-in, since init only checks that it is gzip.
writeFileSync(path.join(workspace, 'ladders-0.1.0.tgz'), gzipSync('a packed ladders'));

// The pages show these failing on purpose.
const exitCodes: Record<string, number> = { 'npx ladders compare EM5 EMM6': 2 };
const actual = new Map<PageSample, string>();

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  if (update && actual.size === samples.length)
    for (const { page, text } of pages)
      writeFileSync(
        path.join(repoRoot, page),
        withConsoleSamples(
          text,
          samples.filter((sample) => sample.page === page).map((sample) => ({ ...sample, output: actual.get(sample) ?? '' })),
        ),
      );
});

describe('the console samples of the README and the manual', () => {
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

  it.each(samples.map((sample) => [sample.page, sample.command, sample] as const))(
    'prints what %s shows: %s',
    async (_page, command, sample) => {
      const result = await run(splitWords(command).slice(2), workspace, { ...process.env, SOURCE_DATE_EPOCH: '', CI: 'true' });
      expect(result.code, result.stderr).toBe(exitCodes[command] ?? 0);
      const output = result.stdout + result.stderr;
      actual.set(sample, output);
      if (!update) expect(normalizeSample(output)).toBe(normalizeSample(sample.output));
    },
  );
});
