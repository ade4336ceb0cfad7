import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMeasured } from './run-measured.mjs';
import { writeScaleLadders } from './write-scale-ladders.mjs';

/**
 * Time `ladders diff HEAD~1 HEAD` (median of `runs`) on a repository whose two commits hold a ladder of
 * 1,000 positions (50 roles of 20): the second rewords a keyword of the framework, one bullet in ten,
 * re-codes a position of every role and removes its last. Returns milliseconds and the summary line.
 */
export async function timeDiff({ cli, work, env, introduction, runs }) {
  const repo = path.join(work, 'diff-repo');
  const ladders = path.join(repo, 'ladders');
  await mkdir(ladders, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '--quiet');
  await writeScaleLadders(ladders, introduction, { roles: 50, positions: 20 });
  git('add', '-A');
  git('commit', '--quiet', '-m', 'first');
  const readme = path.join(ladders, 'README.md');
  const framework = await readFile(readme, 'utf8');
  await writeFile(readme, framework.replace(/(1\. \*\*Adopts\*\*: )/, '$1in a reworded way, '));
  for (const name of (await readdir(ladders)).filter((file) => file.startsWith('role-'))) {
    const page = path.join(ladders, name);
    let text = await readFile(page, 'utf8');
    text = text.replace(/(## R([A-Z]+)(\d+) - [^\n]+\n\n\* \*\*\w+\*\*: )/g, (match, head, letters, level) =>
      Number(level) % 10 === 0 ? `${head}now reworded, ` : match,
    );
    text = text.replace(/## R([A-Z]+)5 - /, '## Q$15 - ');
    text = text.slice(0, text.lastIndexOf('\n## R'));
    await writeFile(page, text + '\n');
  }
  git('add', '-A');
  git('commit', '--quiet', '-m', 'second');
  const samples = [];
  let summary = '';
  for (let run = 0; run < runs; run++) {
    const result = await runMeasured(process.execPath, [cli, 'diff', 'HEAD~1', 'HEAD'], { cwd: repo, env });
    if (result.code !== 0) throw new Error(`diff exited with ${result.code}:\n${result.output}`);
    summary = result.output.trim().split('\n').at(-1);
    samples.push(result.ms);
  }
  const ms = Math.round(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
  console.log(`diff: two revisions of 1,000 positions: ${(ms / 1000).toFixed(2)} s (${summary})`);
  return { ms, summary };
}
