import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runMeasured } from './run-measured.mjs';
import { writeJobFamilyLadder, writeTopicsLadder } from './write-data-ladders.mjs';
import { writeScaleLadders } from './write-scale-ladders.mjs';

/**
 * Time `ladders check` (median of `runs`) on a generated ladder of 1,000 positions (50 roles of 20) in
 * each shape the tool reads, today's Markdown first, so each reader's cost reads beside it. Each ladder
 * is valid and warning-free, so every reader does all its work. Returns milliseconds by shape.
 */
export async function timeShapeReads({ cli, work, env, introduction, runs }) {
  const shapes = {
    markdown: (dir) => writeScaleLadders(dir, introduction, { roles: 50, positions: 20 }),
    frontMatterTopics: (dir) => writeTopicsLadder(dir, { roles: 50, positions: 20 }),
    jobFamilyYaml: (dir) => writeJobFamilyLadder(dir, { roles: 50, positions: 20 }),
    jobFamilyJson: (dir) => writeJobFamilyLadder(dir, { roles: 50, positions: 20, json: true }),
  };
  const results = {};
  for (const [shape, write] of Object.entries(shapes)) {
    const dir = path.join(work, `read-${shape}`);
    await mkdir(dir, { recursive: true });
    await write(dir);
    const samples = [];
    let summary = '';
    for (let run = 0; run < runs; run++) {
      const result = await runMeasured(process.execPath, [cli, 'check', '--ladders', dir], { cwd: work, env });
      summary = result.output.trim().split('\n').at(-1);
      if (result.code !== 0 || !summary.includes('1000 positions: no problems'))
        throw new Error(`check on the ${shape} ladder exited with ${result.code}:\n${result.output.slice(-2000)}`);
      samples.push(result.ms);
    }
    results[shape] = Math.round(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
    console.log(`read 1,000 positions, ${shape}: ${(results[shape] / 1000).toFixed(2)} s (${summary})`);
  }
  return results;
}
