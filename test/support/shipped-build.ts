import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { run } from './run.js';

const repoRoot = path.join(import.meta.dirname, '..', '..');

/**
 * The shipped ladders as `ladders build` makes them with no options (every format, A4, undated), built
 * once per test run and shared by every file that only reads them: a folder to read, never to write
 * into. The first file to ask builds it while the others that ask wait; a file that tests the build
 * itself makes its own.
 */
export async function shippedBuild(): Promise<string> {
  const folder = path.join(inject('sharedBuilds'), 'shipped');
  const failed = `${folder}.failed`;
  let building = false;
  try {
    mkdirSync(`${folder}.lock`);
    building = true;
  } catch {
    // Another file took the lock: it is building, or has built.
  }
  if (building) {
    const partial = `${folder}.partial`;
    const result = await run(['build', '--out', partial], repoRoot, { ...process.env, SOURCE_DATE_EPOCH: '' });
    if (result.code !== 0) {
      writeFileSync(failed, result.stderr);
      rmSync(partial, { recursive: true, force: true });
    } else renameSync(partial, folder);
  }
  // A hang detector, not a budget: the build, on a machine many times overloaded.
  for (let waited = 0; !existsSync(folder); waited += 200) {
    if (existsSync(failed)) throw new Error(`the shared build of the shipped ladders failed:\n${readFileSync(failed, 'utf8')}`);
    if (waited > 900_000) throw new Error(`the shared build of the shipped ladders did not finish within 15 minutes: ${folder}`);
    await sleep(200);
  }
  return folder;
}
