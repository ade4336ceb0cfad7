import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/assess/assessment.js';
import { ratings } from '../src/worksheet/filled-worksheet.js';
import { fillMarkdownWorksheet, fillPdfWorksheet, fillPdfWorksheetWithPdfJs, type WorksheetAnswers } from './support/fill-worksheet.js';
import { makeWorksheetPdfFixtures } from './support/make-worksheet-pdf-fixtures.js';
import { run } from './support/run.js';

// Worksheet PDFs as the tool prints them, filled the way viewers fill them and read back by
// `ladders assess`, as a user runs it; and the PDFs it refuses, one fixture folder each.
//
// Each `test/fixtures/worksheet-pdf-<case>/` holds the worksheets of one `ladders assess` run
// (`input.pdf`, or a `self.pdf` and a `manager.pdf`, given in that order) against the ladder in
// `test/fixtures/assess-ladder`, and `messages.txt`, what the command says on stderr. The PDFs are
// made from the worksheet this file prints (see `makeWorksheetPdfFixtures`), so they follow the form
// layer: `UPDATE_FIXTURES=1 npx vitest run test/assess-pdf.test.ts` makes them and their messages
// again; review the diff before committing it.

const repoRoot = path.join(import.meta.dirname, '..');
const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const assessLadder = 'test/fixtures/assess-ladder';
const update = process.env.UPDATE_FIXTURES === '1';
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-assess-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
const axes = ['soil', 'trees', 'crew', 'season', 'reach'];
let blankPdf: Uint8Array;
let blankMarkdown: string;

beforeAll(async () => {
  cpSync(path.join(repoRoot, assessLadder), path.join(scratch, 'ladders'), { recursive: true });
  // The one print of this file: the G2 worksheet, as PDF and Markdown.
  const built = await run(
    ['build', '--only', 'G2', '--variant', 'review', '--format', 'pdf,md', '--out', 'sheets', '--quiet'],
    scratch,
    env,
  );
  if (built.code !== 0) throw new Error(built.stderr);
  blankPdf = new Uint8Array(readFileSync(path.join(scratch, 'sheets/grower/g2-review.pdf')));
  blankMarkdown = readFileSync(path.join(scratch, 'sheets/grower/g2-review.md'), 'utf8');
  if (update) await makeWorksheetPdfFixtures(blankPdf, fixturesDir);
});

let written = 0;
/** A filled worksheet saved in the scratch folder under a new name, returned relative to it. */
function save(bytes: Uint8Array | string, extension: 'pdf' | 'md'): string {
  const name = `sheet-${(written += 1)}.${extension}`;
  writeFileSync(path.join(scratch, name), bytes);
  return name;
}

/** `ladders assess FILE… --json` in the scratch folder, its ladder the G2 worksheet's. */
async function assessJson(files: string[]): Promise<Assessment> {
  const result = await run(['assess', ...files, '--json'], scratch, env);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Assessment;
}

// What people type, at its most awkward: quotes, markup, right-to-left scripts, emoji, a line far
// wider than the box, several lines, and nothing at all (the field left empty).
const awkward = fc.constantFrom(
  'She said "ship it" and it\'s `done`',
  '<script>alert("evidence")</script> <img src=x onerror=alert(1)>',
  'قاد مراجعة التصميم مع الفريق',
  'הוביל את סקירת התכנון',
  '🌳🍎 👩🏽‍🌾 harvest 🇯🇵',
  Array.from({ length: 90 }, (_, index) => `row${index}`).join(' '),
  'x'.repeat(700),
  '',
);
const text = fc
  .oneof(
    awkward,
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 4 }).map((lines) => lines.join('\n')),
  )
  // A reader gives a text without the blank space around it, and line breaks as `\n`.
  .map((value) => value.replace(/\r\n?/g, '\n').trim());
const oneLine = text.map((value) => value.replace(/\n/g, ' '));
// Each copy rates something: a copy that rates nothing, or two self copies, are refused.
const ratingsOf = fc.dictionary(fc.constantFrom(...axes), fc.constantFrom(...ratings), { minKeys: 1 });
const notesOf = (texts: fc.Arbitrary<string>) => fc.dictionary(fc.constantFrom(...axes), texts);

/** One person's two copies: the self copy's ratings and notes, the manager's, and what both say on the page. */
const pair = (managerText: fc.Arbitrary<string>) =>
  fc.record({
    name: oneLine,
    self: ratingsOf,
    manager: ratingsOf,
    selfNotes: notesOf(text),
    managerNotes: notesOf(managerText),
    strengths: text,
    grow: managerText,
    overallSelf: fc.constantFrom(...ratings.slice(0, 3)),
    overallManager: fc.constantFrom(...ratings.slice(0, 3)),
    signedBySelf: oneLine,
    signedByManager: oneLine,
  });
type Pair = typeof pair extends (...args: never[]) => fc.Arbitrary<infer T> ? T : never;

function selfCopy(given: Pair): WorksheetAnswers {
  return {
    fields: { name: given.name, strengths: given.strengths, 'sign-off-person': given.signedBySelf },
    overall: { self: given.overallSelf },
    axes: Object.fromEntries(axes.map((axis) => [axis, { self: given.self[axis], evidence: given.selfNotes[axis] }])),
  };
}

function managerCopy(given: Pair): WorksheetAnswers {
  return {
    fields: { name: given.name, grow: given.grow, 'sign-off-manager-date': given.signedByManager },
    overall: { manager: given.overallManager },
    axes: Object.fromEntries(axes.map((axis) => [axis, { manager: given.manager[axis], evidence: given.managerNotes[axis] }])),
  };
}

/** Every rating, text and evidence of `given` in `assessment`, exactly; an empty field is no text. */
function expectSameValues(assessment: Assessment, given: Pair): void {
  const texts = (...values: (string | undefined)[]) => [...new Set(values.filter((value) => value !== undefined && value !== ''))];
  expect(assessment.person.name).toBe(given.name === '' ? null : given.name);
  const textsOf = (written: { text: string }[]) => written.map(({ text }) => text);
  expect(textsOf(assessment.strengths)).toEqual(texts(given.strengths));
  expect(textsOf(assessment.grow)).toEqual(texts(given.grow));
  expect(assessment.overall).toEqual({
    self: given.overallSelf,
    manager: given.overallManager,
    differ: given.overallSelf !== given.overallManager,
  });
  expect(assessment.signOff).toEqual({
    person: { signature: given.signedBySelf === '' ? null : given.signedBySelf, date: null },
    manager: { signature: null, date: given.signedByManager === '' ? null : given.signedByManager },
  });
  expect(assessment.axes.map((axis) => axis.id)).toEqual(axes);
  for (const axis of assessment.axes) {
    expect(axis.self, `${axis.id}.self`).toBe(given.self[axis.id] ?? null);
    expect(axis.manager, `${axis.id}.manager`).toBe(given.manager[axis.id] ?? null);
    expect(textsOf(axis.evidence), `${axis.id}.evidence`).toEqual(texts(given.selfNotes[axis.id], given.managerNotes[axis.id]));
  }
}

describe('ladders assess on filled PDF worksheets', () => {
  // Each run fills and saves two PDFs and assesses them: the runs are split into tests of a few.
  for (const seed of [18, 19, 20]) {
    it(`reads back a self copy filled by a PDF library and a manager copy filled through pdf.js (seed ${seed})`, async () => {
      await fc.assert(
        fc.asyncProperty(pair(text), async (given) => {
          const self = save(await fillPdfWorksheet(blankPdf, selfCopy(given)), 'pdf');
          const manager = save(await fillPdfWorksheetWithPdfJs(blankPdf, managerCopy(given)), 'pdf');
          const assessment = await assessJson([self, manager]);
          expect(assessment.sources).toEqual([
            { file: self, format: 'pdf' },
            { file: manager, format: 'pdf' },
          ]);
          expectSameValues(assessment, given);
        }),
        { seed, numRuns: 4 },
      );
    });
  }

  it('reads back a PDF self copy with a Markdown manager copy (seeded)', async () => {
    // A Markdown field cannot hold its own closing comment, and an empty one is left as printed.
    const markdownText = text.filter((value) => value !== '' && !value.includes('<!-- /'));
    await fc.assert(
      fc.asyncProperty(pair(markdownText), async (given) => {
        const self = save(await fillPdfWorksheet(blankPdf, selfCopy(given)), 'pdf');
        const manager = save(fillMarkdownWorksheet(blankMarkdown, managerCopy(given)), 'md');
        const assessment = await assessJson([self, manager]);
        expect(assessment.sources.map((source) => source.format)).toEqual(['pdf', 'md']);
        expectSameValues(assessment, given);
      }),
      { seed: 18, numRuns: 6 },
    );
  });
});

describe('ladders assess refuses or warns about a PDF worksheet', () => {
  // Every bad input the issue names that a PDF fixture can hold; a PDF over the 20 MiB limit is not
  // committed (it would weigh on every clone for one check): it is made in `assess-cli.test.ts`.
  const cases = [
    'conflicting-person',
    'encrypted',
    'not-a-worksheet',
    'position-changed',
    'position-gone',
    'truncated',
    'unknown-choice',
  ].map((name) => `worksheet-pdf-${name}`);

  it('has a fixture folder for each case, and none besides', () => {
    expect(readdirSync(fixturesDir).filter((name) => name.startsWith('worksheet-pdf-'))).toEqual(cases);
  });

  for (const name of cases) {
    it(name, async () => {
      const caseDir = path.join(fixturesDir, name);
      const files = ['input.pdf', 'self.pdf', 'manager.pdf'].filter((file) => existsSync(path.join(caseDir, file)));
      const out = path.join(scratch, `out-${name}`);
      // Markdown only: a handout written when no error stops it, without a browser.
      const result = await run(
        ['assess', ...files.map((file) => `test/fixtures/${name}/${file}`), '--ladders', assessLadder, '--out', out, '--format', 'md'],
        repoRoot,
        env,
      );
      // The folder is this run's own: the message that names it names it as `OUT`.
      expectFile(path.join(caseDir, 'messages.txt'), result.stderr.replaceAll(out, 'OUT'));
      const failed = / error .+ \[[a-z]+(-[a-z]+)*\]$/m.test(result.stderr);
      expect(result.code, result.stderr).toBe(failed ? 1 : 0);
      expect(existsSync(out), 'the handout is written exactly when nothing failed').toBe(!failed);
    });
  }
});

function expectFile(expectedPath: string, actual: string): void {
  if (update) writeFileSync(expectedPath, actual);
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
}
