import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** The browser processes this process started (its children named like Chromium). */
export function browserPids(): number[] {
  let children: string[];
  try {
    children = execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when there is no child at all
  }
  return children.filter((pid) => /chrom|headless/i.test(execFileSync('ps', ['-o', 'comm=', '-p', pid], { encoding: 'utf8' }))).map(Number);
}

/** The browser processes still running with a profile in `temp`, waited for up to `ms` to go. */
export async function browsersLeft(temp: string, ms = 10_000): Promise<string[]> {
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
