import { execFileSync } from 'node:child_process';

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
