import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runMeasured } from './run-measured.mjs';
import { writeScaleLadders } from './write-scale-ladders.mjs';

// Reading a 1,000-position ladder kept as competency × level tables, beside reading today's Markdown
// ladder of 1,000 positions (the Engineering Ladders shape), each as a user runs `check` on it.
// Half the table pages are pipe tables with a column per level, half raw HTML tables with a row per
// level and a list in each cell, so both ways of writing and turning a table are paid for.

const roles = 50;
const levels = 20;
const competencies = ['Delivery', 'Quality', 'Design', 'Mentoring', 'Planning', 'Communication'];

/** Time `ladders check` on a generated Markdown ladder and a generated table ladder (median of `runs`); milliseconds of each. */
export async function timeTableRead({ cli, work, env, introduction, runs }) {
  const markdown = path.join(work, 'markdown');
  const tables = path.join(work, 'tables');
  await mkdir(markdown, { recursive: true });
  await mkdir(tables, { recursive: true });
  await writeScaleLadders(markdown, introduction, { roles, positions: levels });
  await writeTableLadder(tables);
  const result = {};
  for (const [name, dir] of [
    ['markdownMs', markdown],
    ['tableMs', tables],
  ]) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const measured = await runMeasured(process.execPath, [cli, 'check', '--ladders', dir], { cwd: work, env });
      if (measured.code !== 0) throw new Error(`check on the ${name} ladder exited with ${measured.code}:\n${measured.output}`);
      samples.push(measured.ms);
    }
    result[name] = Math.round(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
  }
  console.log(
    `read 1,000 positions: Markdown (today's shape) ${(result.markdownMs / 1000).toFixed(2)} s, competency tables ${(result.tableMs / 1000).toFixed(2)} s`,
  );
  return result;
}

/** Write `roles` pages of competency tables, `levels` levels each. */
export async function writeTableLadder(dir) {
  for (let index = 0; index < roles; index++) {
    const name = `Track ${letters(index)}`;
    const page = index % 2 === 0 ? pipePage(name) : htmlPage(name, index);
    await writeFile(path.join(dir, `track-${letters(index).toLowerCase()}.md`), page);
  }
}

function statement(competency, level, name) {
  return `at level ${level} of ${name}, ${competency.toLowerCase()} as a ladder would describe it, in a sentence of usual length`;
}

function pipePage(name) {
  const header = `| Competency | ${Array.from({ length: levels }, (_, level) => `${name} ${level + 1}`).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(levels + 1)}`;
  const rows = competencies.map(
    (competency, row) =>
      `| ${row % 3 === 0 ? `**${competency}**` : competency} | ${Array.from({ length: levels }, (_, level) => `- ${statement(competency, level + 1, name)}<br>- and a second point`).join(' | ')} |`,
  );
  return [`# ${name}`, '', `${name} is generated to measure reading competency tables.`, '', header, rule, ...rows, ''].join('\n');
}

function htmlPage(name, index) {
  const code = letters(index);
  const header = `  <tr><th>Level</th><th>Title</th>${competencies.map((competency) => `<th>${competency}</th>`).join('')}</tr>`;
  const rows = Array.from({ length: levels }, (_, level) => {
    const cells = competencies.map(
      (competency) => `<td><ul><li>${statement(competency, level + 1, name)}</li><li>and a second point</li></ul></td>`,
    );
    return `  <tr><td>${code}${level + 1}</td><td>${name} ${level + 1}</td>${cells.join('')}</tr>`;
  });
  return [
    `# ${name}`,
    '',
    `${name} is generated to measure reading competency tables.`,
    '',
    '<table>',
    header,
    ...rows,
    '</table>',
    '',
  ].join('\n');
}

/** Letters only, as position codes are letters then digits: A, B, … Z, AA, AB, … */
function letters(index) {
  let code = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) code = String.fromCharCode(65 + ((rest - 1) % 26)) + code;
  return code;
}

// Run on its own: `node bench/time-table-read.mjs` after `npm run build`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
  const work = await mkdtemp(path.join(tmpdir(), 'ladders-table-read-'));
  try {
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    console.log(
      JSON.stringify(
        await timeTableRead({
          cli: path.join(root, 'dist', 'cli.js'),
          work,
          env: process.env,
          introduction: path.join(root, 'ladders', 'README.md'),
          runs,
        }),
      ),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
