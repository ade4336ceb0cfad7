import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/assess/assessment.js';
import { ratings } from '../src/worksheet/filled-worksheet.js';
import { fillMarkdownWorksheet, type WorksheetAnswers } from './support/fill-worksheet.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-assess-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
const axes = ['soil', 'trees', 'crew', 'season', 'reach'];
let blank: string;

beforeAll(async () => {
  cpSync(path.join(repoRoot, 'test/fixtures/assess-ladder'), path.join(scratch, 'ladders'), { recursive: true });
  const built = await run(['build', '--format', 'md', '--variant', 'review', '--out', 'sheets', '--quiet'], scratch, env);
  if (built.code !== 0) throw new Error(built.stderr);
  blank = readFileSync(path.join(scratch, 'sheets/grower/g2-review.md'), 'utf8');
});

let written = 0;
/** A filled worksheet saved in the scratch folder under a new name, returned relative to it. */
function save(text: string, name = `sheet-${(written += 1)}.md`): string {
  writeFileSync(path.join(scratch, name), text);
  return name;
}

const assess = (args: string[]) => run(['assess', ...args], scratch, env);

describe('ladders assess', () => {
  it('reads a self copy and a manager copy back into the same values, whatever was typed (seeded)', async () => {
    const text = fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        fc.constantFrom('<script>alert(1)</script>', '**not bold**', '# not a heading', 'a | b', '設計を見直した', 'قاد المراجعة'),
        fc
          .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), { minLength: 2, maxLength: 3 })
          .map((lines) => lines.join('\n')),
      )
      .map((value) => value.replace(/\r\n?/g, '\n').trim())
      .filter((value) => value !== '' && !value.includes('<!-- /'));
    const rating = fc.constantFrom(...ratings);
    const person = fc.record({
      // Each copy rates something: a copy that rates nothing, or two self copies, are refused.
      self: fc.dictionary(fc.constantFrom(...axes), rating, { minKeys: 1 }),
      manager: fc.dictionary(fc.constantFrom(...axes), rating, { minKeys: 1 }),
    });
    const evidence = fc.record({
      self: fc.dictionary(fc.constantFrom(...axes), text),
      manager: fc.dictionary(fc.constantFrom(...axes), text),
    });
    await fc.assert(
      fc.asyncProperty(person, evidence, text, async (given, notes, name) => {
        const copy = (who: 'self' | 'manager'): WorksheetAnswers => ({
          fields: { name: name.replace(/\n/g, ' ') },
          axes: Object.fromEntries(axes.map((axis) => [axis, { [who]: given[who][axis], evidence: notes[who][axis] }])),
        });
        const files = [save(fillMarkdownWorksheet(blank, copy('self'))), save(fillMarkdownWorksheet(blank, copy('manager')))];
        const result = await assess([...files, '--json']);
        expect(result.code, result.stderr).toBe(0);
        const assessment = JSON.parse(result.stdout) as Assessment;
        expect(assessment.person.name).toBe(name.replace(/\n/g, ' '));
        for (const axis of assessment.axes) {
          expect(axis.self).toBe(given.self[axis.id] ?? null);
          expect(axis.manager).toBe(given.manager[axis.id] ?? null);
          const both = [notes.self[axis.id], notes.manager[axis.id]].filter((note) => note !== undefined);
          expect(axis.evidence.map((written) => written.text)).toEqual([...new Set(both)]);
        }
      }),
      { seed: 18, numRuns: 25 },
    );
  });

  it('prints the assessment as text and writes nothing without --out', async () => {
    const file = save(fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe' }, axes: { soil: { self: 'meets', manager: 'above' } } }));
    const before = readdirSync(scratch).sort();
    const result = await assess([file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^G2 Grower 2 — Alex Doe\n\nSoil +Tests \(2 of 5\) +self meets +manager above +differ\n/);
    expect(readdirSync(scratch).sort()).toEqual(before);
  });

  it('writes the handout only where --out says, readable by its owner alone', async () => {
    const file = save(
      fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe' }, axes: { soil: { self: 'meets', evidence: '<script>x</script>' } } }),
    );
    const result = await assess([file, '--out', 'private/alex', '--format', 'html,md']);
    expect(result.code, result.stderr).toBe(0);
    const folder = path.join(scratch, 'private/alex');
    expect(readdirSync(folder).sort()).toEqual(['g2-assessment-alex-doe.html', 'g2-assessment-alex-doe.md', 'g2-assessment-alex-doe.svg']);
    for (const name of readdirSync(folder)) expect(statSync(path.join(folder, name)).mode & 0o777, name).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(scratch, 'private')).mode & 0o777).toBe(0o700);
    const html = readFileSync(path.join(folder, 'g2-assessment-alex-doe.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>x');
  });

  it('refuses the build’s output folder for an assessment', async () => {
    const file = save(fillMarkdownWorksheet(blank, { fields: {}, axes: {} }));
    const result = await assess([file, '--out', 'out/people']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`--out out/people` is the build's output folder");
    expect(existsSync(path.join(scratch, 'out'))).toBe(false);
  });

  it.each<[string, () => string[], string]>([
    ['a page that is not a worksheet', () => [save('# Notes\n\nJust notes.\n')], '[not-a-worksheet]'],
    [
      'an unknown choice',
      () => [save(blank.replace('- [ ] Meets <!-- soil.self=meets -->', '- [x] Great <!-- soil.self=great -->'))],
      'soil.self',
    ],
    ['a position the ladder no longer has', () => [save(blank.replace('"code":"G2"', '"code":"G9"'))], '[unknown-worksheet-position]'],
    [
      'two copies naming different people',
      () => [
        save(fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe' }, axes: {} })),
        save(fillMarkdownWorksheet(blank, { fields: { name: 'Robin Poe' }, axes: {} })),
      ],
      '[conflicting-person]',
    ],
    ['a file that is not there', () => ['missing.md'], '[unreadable-worksheet]'],
    [
      // The PDFs refused for what is in them are fixtures (`assess-pdf.test.ts`); this one is refused
      // for its size alone, and 64 MiB is not worth committing for that: it is made here, sparse.
      'a file far too large',
      () => {
        const name = save('%PDF-1.7\n', 'huge.pdf');
        truncateSync(path.join(scratch, name), 64 * 1024 * 1024);
        return [name];
      },
      'huge.pdf:',
    ],
  ])('refuses %s: a message with the file and a rule id, exit 1, nothing written', async (_, files, expected) => {
    const out = `refused-${(written += 1)}`;
    const result = await assess([...files(), '--out', out]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(result.stderr).toMatch(/:\d+:\d+: error .+ \[[a-z]+(-[a-z]+)*\]$/m);
    expect(existsSync(path.join(scratch, out))).toBe(false);
  });

  it('refuses a worksheet that rates nothing instead of saying self and manager agree: exit 1, nothing written', async () => {
    const file = save(fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe', strengths: 'Careful' }, axes: {} }));
    const result = await assess([file, '--out', 'unrated']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${file}:1:1: error The worksheet rates nothing: no box is ticked, so there is nothing to assess [nothing-rated]`,
    );
    expect(existsSync(path.join(scratch, 'unrated'))).toBe(false);
  });

  it('refuses one copy given twice, naming both files: exit 1', async () => {
    const file = save(fillMarkdownWorksheet(blank, { fields: {}, axes: { soil: { self: 'meets' } } }));
    const copy = save(readFileSync(path.join(scratch, file), 'utf8'));
    for (const files of [
      [file, file],
      [file, copy],
    ]) {
      const result = await assess(files);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`${files[1]}:1:1: error This copy gives the same answers as \`${file}\`: one copy was given twice`);
      expect(result.stderr).toContain('[duplicate-copy]');
    }
  });

  it('warns, naming both, about a worksheet made for the position before it changed, and still assesses', async () => {
    const file = save(
      fillMarkdownWorksheet(blank, { fields: {}, axes: { soil: { self: 'meets' } } })
        .replace(/"positionFingerprint":"[0-9a-f]+"/, '"positionFingerprint":"0000000000000000"')
        .replace('"frameworkVersion":"3"', '"frameworkVersion":"2"'),
    );
    const result = await assess([file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('warning The worksheet was made with version `2` of the framework, the ladder is now version `3`');
    expect(result.stderr).toContain('[worksheet-position-changed]');
  });

  it.each<[string[], string]>([
    [[], '`assess` takes one or more filled worksheets'],
    [['a.md', '--jsn'], 'did you mean `--json`?'],
    [['a.md', '--format', 'book', '--out', 'x'], '`--format book` is made by `build` only: `assess` writes'],
    [['a.md', '--strict'], '`--strict` applies to `check` only'],
  ])('is a usage error, exit 2: %j', async (args, expected) => {
    const result = await assess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(expected);
  });
});
