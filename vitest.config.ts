import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.js';

// Test files that replace modules or globals (`vi.mock`, `vi.spyOn`, fake timers) each run in a fresh
// module graph; the rest share one per worker, so the command's modules (puppeteer, the Markdown
// reader, the templates) are loaded once per worker instead of once per file.
const testFiles = readdirSync(path.join(import.meta.dirname, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `test/${file}`);
const replacesModules = testFiles.filter((file) =>
  /\bvi\.(?:mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\(/.test(readFileSync(path.join(import.meta.dirname, file), 'utf8')),
);

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, which is a single worker on a 2-core machine; most of a
    // test's time goes to Chromium and child processes, not this process, so two files at a time keep both cores busy.
    maxWorkers: 2,
    // A hang detector, not a budget: every test should take well under 20 s even on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
    // Run inside a GitHub Actions job, the commands would add annotations and a job summary; the tests set these themselves.
    env: { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
    // The slowest files first, so that the run does not end with one worker on a long file and the other idle.
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      { extends: true, test: { name: 'isolated', include: replacesModules } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: replacesModules, isolate: false } },
    ],
  },
});
