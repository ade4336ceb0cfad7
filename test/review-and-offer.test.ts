import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from './support/pdf.js';
import { run } from './support/run.js';
import { hashTree, listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-uses-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the review worksheet', () => {
  const out = path.join(scratch, 'review');
  it('is printed next to the handout, with every axis to rate and a sign-off', async () => {
    const result = await run(['build', '--only', 'EM6', '--variant', 'review', '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(0);
    expect(listTree(out)).toEqual([
      '.ladders-manifest.json',
      'engineering-manager/em6-review.html',
      'engineering-manager/em6-review.md',
      'engineering-manager/em6-review.pdf',
    ]);
    const { text, info } = await readPdf(path.join(out, 'engineering-manager', 'em6-review.pdf'));
    expect(info.Title).toBe('EM6 review worksheet — Engineering Manager 6');
    for (const words of [
      'Review worksheet',
      'System: Evolves',
      'Process: Defines',
      'Below',
      'Meets',
      'Above',
      'Self',
      'Manager',
      'Evidence and notes',
      'Summary',
      'Sign-off',
      'The person reviewed',
    ]) {
      // Headings of the rating columns are set in capitals, which the extracted text keeps.
      expect(text.toLowerCase()).toContain(words.toLowerCase());
    }
  });

  it('has boxes to tick in Markdown too, for the person and for the manager, named like the PDF fields', () => {
    const md = readFileSync(path.join(out, 'engineering-manager', 'em6-review.md'), 'utf8');
    expect(md).toContain('## System: Evolves (4 of 5)');
    expect(md).toContain(
      '- [ ] Meets <!-- system.self=meets -->\n- [ ] Above <!-- system.self=above -->\n- [ ] N/A <!-- system.self=na -->',
    );
    expect(md).toContain('- [ ] Below <!-- system.manager=below -->');
    expect(md).toContain('<!-- system.evidence -->\n\n<!-- /system.evidence -->');
    expect(md).toMatch(
      /^<!-- ladders-worksheet \{"roleId":"engineering-manager","code":"EM6","frameworkVersion":null,"positionFingerprint":"[0-9a-f]{16}"\} -->\n/,
    );
  });

  it('--variant handout builds the handouts alone', async () => {
    const handouts = path.join(scratch, 'handouts-only');
    expect((await run(['build', '--only', 'EM6', '--format', 'html', '--variant', 'handout', '--out', handouts], repoRoot)).code).toBe(0);
    expect(listTree(handouts)).toEqual(['.ladders-manifest.json', 'engineering-manager/em6.html']);
  });

  it('refuses an unknown variant', async () => {
    const result = await run(['build', '--variant', 'worksheet'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown variant `worksheet`, expected `handout` or `review`');
  });
});

describe('the offer-letter attachment', () => {
  const project = path.join(scratch, 'project');
  cpSync(path.join(repoRoot, 'ladders'), path.join(project, 'ladders'), { recursive: true });

  it('stamps the name and the day on the one handout asked for, and leaves the standard handouts untouched', async () => {
    expect((await run(['build', '--only', 'EM6', '--format', 'html'], project)).code).toBe(0);
    const standard = hashTree(path.join(project, 'out'));
    const result = await run(
      ['build', '--only', 'EM6', '--format', 'pdf', '--for', 'A. Candidate', '--date', '2026-12-01', '--out', 'offer/', '--json'],
      project,
    );
    expect(result.code, result.stderr).toBe(0);
    // No work for the other positions: one PDF made, nothing else.
    expect(JSON.parse(result.stdout)).toMatchObject({ written: ['engineering-manager/em6.pdf'] });
    expect(listTree(path.join(project, 'offer'))).toEqual(['.ladders-manifest.json', 'engineering-manager/em6.pdf']);
    const { text, info, pages } = await readPdf(path.join(project, 'offer', 'engineering-manager', 'em6.pdf'));
    expect(text).toContain('Prepared for A. Candidate, 1 December 2026');
    expect(text).toContain('Evolves');
    expect(String(info.Subject)).toContain('; Prepared for A. Candidate, 1 December 2026');
    expect(pages).toBeLessThanOrEqual(2);
    expect(hashTree(path.join(project, 'out'))).toEqual(standard);
  });

  it.each([
    [['--for', 'A. Candidate', '--out', 'offer'], '`--for` needs `--date YYYY-MM-DD`'],
    [['--for', 'A. Candidate', '--date', '2026-12-01'], 'give it its own folder with `--out`'],
    [['--for', 'A. Candidate', '--date', '2026-12-01', '--out', 'out'], 'give it its own folder with `--out`'],
    [
      ['--for', 'A. Candidate', '--date', '2026-02-30', '--out', 'offer'],
      '`--date 2026-02-30` is not a real day: February 2026 has 28 days',
    ],
    [
      ['--for', 'A. Candidate', '--date', '2028-02-30', '--out', 'offer'],
      '`--date 2028-02-30` is not a real day: February 2028 has 29 days',
    ],
    [['--for', 'A. Candidate', '--date', '2026-13-01', '--out', 'offer'], '`--date 2026-13-01` is not a real day: there is no month 13'],
    [['--for', 'A. Candidate', '--date', '1/12/2026', '--out', 'offer'], '`--date 1/12/2026` is not a day written YYYY-MM-DD'],
    [['--date', '2026-02-30'], '`--date 2026-02-30` is not a real day'],
    [['--for', ' ', '--date', '2026-12-01', '--out', 'offer'], '`--for` needs the name'],
  ])('%j is a usage error', async (args, message) => {
    const result = await run(['build', '--only', 'EM6', ...args], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
