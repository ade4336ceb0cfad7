import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/assess/assessment.js';
import { quote } from '../src/messages.js';
import { fillMarkdownWorksheet } from './support/fill-worksheet.js';
import { readPdf } from './support/pdf.js';
import { run } from './support/run.js';

// Control characters typed into a worksheet or a configuration: an escape sequence that retitles
// (`ESC ] 0 ; … BEL`) or recolours (`ESC [ 31 m`, or the one-byte CSI `\u009b`) a terminal, and NUL.
// On the terminal they are escaped; no page (HTML, Markdown, PDF) carries them.

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-controls-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, SOURCE_DATE_EPOCH: '' };

const name = 'Alex \u001b]0;PWNED\u0007Doe';
const period = '\u001b[31m2026 H2\u001b[0m';
const evidence = 'Led the\u0000 review\u009b2J\n\tthen the rollout';
// Any control character but a line break or a tab, the evidence's own.
const control = /(?![\n\t])\p{Cc}/u;

let worksheet: string;
beforeAll(async () => {
  cpSync(path.join(repoRoot, 'test/fixtures/assess-ladder'), path.join(scratch, 'ladders'), { recursive: true });
  const built = await run(['build', '--format', 'md', '--variant', 'review', '--only', 'G2', '--out', 'sheets', '--quiet'], scratch, env);
  if (built.code !== 0) throw new Error(built.stderr);
  const blank = readFileSync(path.join(scratch, 'sheets/grower/g2-review.md'), 'utf8');
  worksheet = 'filled.md';
  writeFileSync(
    path.join(scratch, worksheet),
    fillMarkdownWorksheet(blank, {
      fields: { name, period, strengths: 'Calm \u001b[5mblinking\u001b[0m' },
      axes: { soil: { self: 'meets', manager: 'above', evidence } },
    }),
  );
});

describe('control characters from a worksheet', () => {
  it('are escaped in the terminal text, never printed raw', async () => {
    const result = await run(['assess', worksheet], scratch, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(control);
    expect(result.stdout.split('\n')[0]).toBe('G2 Grower 2 \u2014 Alex \\u001b]0;PWNED\\u0007Doe, \\u001b[31m2026 H2\\u001b[0m');
  });

  it('are escaped in the JSON, which still reads back as typed', async () => {
    const result = await run(['assess', worksheet, '--json'], scratch, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(control);
    expect(result.stdout).toContain('\\u009b2J');
    const assessment = JSON.parse(result.stdout) as Assessment;
    expect(assessment.person).toMatchObject({ name, period });
    expect(JSON.stringify(assessment.axes[0]?.evidence)).toContain(JSON.stringify(evidence).slice(1, -1));
  });

  it('never reach the handout, in HTML or Markdown; the evidence keeps its lines', async () => {
    const result = await run(['assess', worksheet, '--out', 'handout', '--format', 'html,md'], scratch, env);
    expect(result.code, result.stderr).toBe(0);
    for (const format of ['html', 'md']) {
      const page = readFileSync(path.join(scratch, `handout/g2-assessment-alex-0-pwneddoe.${format}`), 'utf8');
      expect(page, format).not.toMatch(control);
      expect(page, format).toContain('Alex ]0;PWNEDDoe');
      expect(page, format).toContain('2026 H2');
    }
    // The chart beside the Markdown page is named as the page names it.
    expect(readFileSync(path.join(scratch, 'handout/g2-assessment-alex-0-pwneddoe.md'), 'utf8')).toContain(
      '](g2-assessment-alex-0-pwneddoe.svg)',
    );
    expect(readFileSync(path.join(scratch, 'handout/g2-assessment-alex-0-pwneddoe.html'), 'utf8')).toContain(
      'Led the review2J<br>\tthen the rollout',
    );
  });
});

describe('control characters in the configuration', () => {
  it('never reach the built pages: HTML, Markdown, or the PDF’s text and author', async () => {
    const project = path.join(scratch, 'project');
    cpSync(path.join(repoRoot, 'test/fixtures/assess-ladder'), path.join(project, 'ladders'), { recursive: true });
    writeFileSync(
      path.join(project, 'ladders.config.json'),
      JSON.stringify({ organization: 'Acme\u001b]0;PWNED\u0007 Orchards\u0000', title: 'Orchard\u001b[31m Ladder', version: '3\u009b' }),
    );
    const built = await run(['build', '--only', 'G2', '--variant', 'handout', '--format', 'pdf,html,md', '--quiet'], project, env);
    expect(built.code, built.stderr).toBe(0);
    const folder = path.join(project, 'out/grower');
    for (const file of ['g2.html', 'g2.md']) {
      const page = readFileSync(path.join(folder, file), 'utf8');
      expect(page, file).not.toMatch(control);
      expect(page, file).toContain('Acme]0;PWNED Orchards');
    }
    const pdf = await readPdf(path.join(folder, 'g2.pdf'));
    expect(pdf.info.Author).toBe('Acme]0;PWNED Orchards');
    expect(pdf.text).not.toMatch(control);
    expect(pdf.text).toContain('Acme]0;PWNED Orchards');
  });
});

describe('control characters in the name of an offer copy', () => {
  it('never reach the copy stamped with `--for`', async () => {
    const project = path.join(scratch, 'offer');
    cpSync(path.join(repoRoot, 'test/fixtures/assess-ladder'), path.join(project, 'ladders'), { recursive: true });
    const args = ['build', '--only', 'G2', '--format', 'html,md', '--for', 'Sam\u001b]0;PWNED\u0007 Rivera\u0000', '--date', '2026-12-01'];
    const built = await run([...args, '--out', 'offer', '--quiet'], project, env);
    expect(built.code, built.stderr).toBe(0);
    for (const file of ['g2.html', 'g2.md']) {
      const page = readFileSync(path.join(project, 'offer/grower', file), 'utf8');
      expect(page, file).not.toMatch(control);
      expect(page, file).toContain('Sam]0;PWNED Rivera');
    }
  });
});

describe('a quoted value in a message', () => {
  it('escapes every control character, the C1 ones (which JSON leaves raw) too', () => {
    expect(quote('a\u001b[31mb\u009b2J\u007f\n')).toBe('`a\\u001b[31mb\\u009b2J\\u007f\\n`');
  });
});
