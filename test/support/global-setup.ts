import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../src/browser/find-browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's shared builds (see `shippedBuild`). */
    sharedBuilds: string;
  }
}

/**
 * Find (and on a fresh machine, unpack) the browser once, before test files race to do it in parallel,
 * and give the run a folder for the builds its files share; they are made there on first use, so a run
 * of one file that needs none pays for none.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  await findBrowser({});
  // Called once per test project (see vitest.config.ts), in one process: every project gets the same folder.
  const run = globalThis as { laddersSharedBuilds?: string };
  run.laddersSharedBuilds ??= mkdtempSync(path.join(tmpdir(), 'ladders-shared-builds-'));
  const sharedBuilds = run.laddersSharedBuilds;
  project.provide('sharedBuilds', sharedBuilds);
  return () => rmSync(sharedBuilds, { recursive: true, force: true });
}
