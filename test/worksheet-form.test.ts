import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratings } from '../src/worksheet/filled-worksheet.js';
import { readFilledWorksheet } from '../src/worksheet/read-filled-worksheet.js';
import { fillMarkdownWorksheet, fillPdfWorksheet, fillPdfWorksheetWithPdfJs, type WorksheetAnswers } from './support/fill-worksheet.js';
import { openPdf, readPdf } from './support/pdf.js';
import { run } from './support/run.js';

// The printed worksheet is a form: filled the way viewers fill it (a PDF library, pdf.js's form
// API), it reads back exactly; blank, it keeps the printed page as it was.

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-worksheet-form-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const axes = ['technology', 'system', 'people', 'process', 'influence'];
let blank: Uint8Array;
let markdown: string;

beforeAll(async () => {
  const result = await run(['build', '--only', 'EM6', '--variant', 'review', '--format', 'pdf,md', '--out', scratch], repoRoot);
  expect(result.code, result.stderr).toBe(0);
  blank = new Uint8Array(readFileSync(path.join(scratch, 'engineering-manager', 'em6-review.pdf')));
  markdown = readFileSync(path.join(scratch, 'engineering-manager', 'em6-review.md'), 'utf8');
});

const answers: WorksheetAnswers = {
  fields: {
    name: 'Ada Quill',
    manager: 'Lin Ortega',
    period: 'Spring',
    date: '2026-12-01',
    strengths: 'Calm in incidents',
    grow: 'Lead a design review',
    'sign-off-person': 'Ada Quill',
    'sign-off-person-date': '2026-12-02',
    'sign-off-manager': 'Lin Ortega',
    'sign-off-manager-date': '2026-12-03',
  },
  overall: { self: 'meets', manager: 'above' },
  axes: {
    technology: { self: 'meets', manager: 'above', evidence: 'Moved the team to the new build system.\nMentored two engineers.' },
    people: { self: 'na', evidence: '<script>alert(1)</script> **not bold** 設計レビュー قاد' },
    influence: { manager: 'below' },
  },
};

describe('the worksheet PDF as a form', () => {
  it('carries the position it was made for, as the Markdown worksheet does, and every field, empty', async () => {
    const read = await readFilledWorksheet('em6-review.pdf', blank);
    const fromMarkdown = await readFilledWorksheet('em6-review.md', new TextEncoder().encode(markdown));
    expect(read.origin).toEqual(fromMarkdown.origin);
    expect(read.origin).toMatchObject({ roleId: 'engineering-manager', code: 'EM6' });
    expect({ fields: read.fields, overall: read.overall, axes: read.axes }).toEqual({ fields: {}, overall: {}, axes: {} });
    const names = [
      ...axes.flatMap((axis) => [`${axis}.self`, `${axis}.manager`, `${axis}.evidence`]),
      'name',
      'manager',
      'period',
      'date',
      'strengths',
      'grow',
      'overall-self',
      'overall-manager',
      'sign-off-person',
      'sign-off-person-date',
      'sign-off-manager',
      'sign-off-manager-date',
    ];
    expect(Object.keys(read.places).sort()).toEqual(names.sort());
    // The first axes and the page's fields are on the first page, the summary on the second.
    expect([read.places['technology.self']?.line, read.places.name?.line, read.places.grow?.line]).toEqual([1, 1, 2]);
    expect([read.places['overall-self']?.line, read.places['sign-off-manager-date']?.line]).toEqual([2, 2]);
  });

  it('reads back exactly what a PDF library filled in', async () => {
    const read = await readFilledWorksheet('filled.pdf', await fillPdfWorksheet(blank, answers));
    expect({ fields: read.fields, overall: read.overall, axes: read.axes }).toEqual(answers);
  });

  it("reads back exactly what pdf.js's form API filled in and saved", async () => {
    const read = await readFilledWorksheet('filled.pdf', await fillPdfWorksheetWithPdfJs(blank, answers));
    expect({ fields: read.fields, overall: read.overall, axes: read.axes }).toEqual(answers);
  });

  it('reads back the overall rating and the sign-off from the Markdown worksheet too', async () => {
    const filled = fillMarkdownWorksheet(markdown, answers);
    const read = await readFilledWorksheet('filled.md', new TextEncoder().encode(filled));
    expect({ fields: read.fields, overall: read.overall, axes: read.axes }).toEqual(answers);
  });

  it('reads back random ratings and text, in any script or looking like markup (seeded)', async () => {
    const text = fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        fc.constantFrom('<b>bold</b>', '# heading', '- [x] meets', '設計レビューを主導した', 'قاد مراجعة التصميم', 'Провёл ревью'),
      )
      .map((value) => value.replace(/\r\n?/g, '\n').trim())
      .filter((value) => value !== '');
    const filled: fc.Arbitrary<WorksheetAnswers> = fc.record({
      fields: fc.record({ name: text, strengths: text, 'sign-off-manager': text }, { requiredKeys: [] }),
      overall: fc.record(
        { self: fc.constantFrom(...ratings.slice(0, 3)), manager: fc.constantFrom(...ratings.slice(0, 3)) },
        { requiredKeys: [] },
      ),
      axes: fc.dictionary(
        fc.constantFrom(...axes),
        fc.record({ self: fc.constantFrom(...ratings), manager: fc.constantFrom(...ratings), evidence: text }, { requiredKeys: [] }),
        { maxKeys: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(filled, fc.boolean(), async (answers, withPdfJs) => {
        const pdf = withPdfJs ? await fillPdfWorksheetWithPdfJs(blank, answers) : await fillPdfWorksheet(blank, answers);
        const read = await readFilledWorksheet('filled.pdf', pdf);
        const expected = Object.fromEntries(Object.entries(answers.axes).filter(([, answers]) => Object.keys(answers).length > 0));
        expect({ fields: read.fields, overall: read.overall, axes: read.axes }).toEqual({
          fields: answers.fields,
          overall: answers.overall,
          axes: expected,
        });
      }),
      { seed: 18, numRuns: 12 },
    );
  });

  it('puts each box over the printed box under its heading, as the printed page measures it', async () => {
    const document = await openPdf(blank.slice());
    const page = await document.getPage(1);
    const texts = (await page.getTextContent()).items as { str: string; transform: number[]; width: number }[];
    const annotations = (await page.getAnnotations()) as { fieldName?: string; rect: number[] }[];
    const boxes = annotations.filter((annotation) => annotation.fieldName === 'technology.self');
    expect(boxes).toHaveLength(4);
    // Each box is centred under its column's heading (BELOW, MEETS, ABOVE, N/A), as printed.
    const headings = ['BELOW', 'MEETS', 'ABOVE', 'N/A'].map((word) => texts.find((text) => text.str.toUpperCase() === word)!);
    boxes.forEach((box, index) => {
      const heading = headings[index]!;
      const centre = (box.rect[0]! + box.rect[2]!) / 2;
      expect(Math.abs(centre - (heading.transform[4]! + heading.width / 2))).toBeLessThan(2);
      // Ten points square, as the stylesheet draws the box.
      expect(box.rect[2]! - box.rect[0]!).toBeCloseTo(10, 0);
    });
    // In the row of `Self`: the box spans the row's text line.
    const self = texts.find((text) => text.str === 'Self')!;
    expect(self.transform[5]!).toBeGreaterThan(boxes[0]!.rect[1]! - 3);
    expect(self.transform[5]!).toBeLessThan(boxes[0]!.rect[3]!);
    await document.destroy();
  });

  it('puts the overall rating’s boxes under their headings and each sign-off field in its cell of the table', async () => {
    const document = await openPdf(blank.slice());
    const page = await document.getPage(2);
    const texts = (await page.getTextContent()).items as { str: string; transform: number[]; width: number }[];
    const annotations = (await page.getAnnotations()) as { fieldName?: string; rect: number[] }[];
    const boxes = annotations.filter((annotation) => annotation.fieldName === 'overall-manager');
    expect(boxes).toHaveLength(3);
    // The summary's headings are the last BELOW, MEETS and ABOVE on the page.
    const headings = ['BELOW', 'MEETS', 'ABOVE'].map((word) => texts.findLast((text) => text.str.toUpperCase() === word)!);
    boxes.forEach((box, index) => {
      const heading = headings[index]!;
      expect(Math.abs((box.rect[0]! + box.rect[2]!) / 2 - (heading.transform[4]! + heading.width / 2))).toBeLessThan(2);
    });
    const manager = texts.findLast((text) => text.str === 'Manager')!;
    expect(manager.transform[5]!).toBeGreaterThan(boxes[0]!.rect[1]! - 3);
    expect(manager.transform[5]!).toBeLessThan(boxes[0]!.rect[3]!);
    // Each signature and date field is on its row, under its column's heading, right of the row's name.
    const fieldRect = (name: string) => annotations.find((annotation) => annotation.fieldName === name)!.rect;
    const row = (label: string) => texts.find((text) => text.str === label)!.transform[5]!;
    const column = (label: string) => texts.findLast((text) => text.str.toUpperCase() === label)!.transform[4]!;
    for (const [who, label] of [
      ['person', 'The person reviewed'],
      ['manager', 'Their manager'],
    ] as const) {
      for (const [field, heading] of [
        [`sign-off-${who}`, 'SIGNATURE'],
        [`sign-off-${who}-date`, 'DATE'],
      ] as const) {
        const rect = fieldRect(field);
        expect(rect[1]!, field).toBeLessThan(row(label));
        expect(rect[3]!, field).toBeGreaterThan(row(label));
        expect(Math.abs(rect[0]! - column(heading)), field).toBeLessThan(12);
      }
    }
    expect(fieldRect('sign-off-person')[2]!).toBeLessThanOrEqual(fieldRect('sign-off-person-date')[0]! + 0.5);
    await document.destroy();
  });

  it('prints the name of the person a copy is prepared for and keeps it as the name field', async () => {
    const out = path.join(scratch, 'prepared');
    const args = [
      'build',
      '--only',
      'EM6',
      '--variant',
      'review',
      '--format',
      'pdf,md',
      '--for',
      'Zoë Ōtani',
      '--date',
      '2026-12-01',
      '--out',
      out,
    ];
    const result = await run(args, repoRoot);
    expect(result.code, result.stderr).toBe(0);
    const pdf = new Uint8Array(readFileSync(path.join(out, 'engineering-manager', 'em6-review.pdf')));
    const md = readFileSync(path.join(out, 'engineering-manager', 'em6-review.md'));
    expect((await readFilledWorksheet('em6-review.pdf', pdf)).fields).toEqual({ name: 'Zoë Ōtani' });
    expect((await readFilledWorksheet('em6-review.md', md)).fields).toEqual({ name: 'Zoë Ōtani' });
    // pdf.js, as its viewer, does not draw it again over the printed name.
    const document = await openPdf(pdf.slice());
    const page = await document.getPage(1);
    const annotations = (await page.getAnnotations()) as {
      fieldName?: string;
      fieldValue?: string;
      hidden?: boolean;
      readOnly?: boolean;
    }[];
    expect(annotations.find((annotation) => annotation.fieldName === 'name')).toMatchObject({
      fieldValue: 'Zoë Ōtani',
      hidden: true,
      readOnly: true,
    });
    // Printed after its label (pdf.js splits the text where the font changes, so spaces are left out).
    const printedTexts = (await page.getTextContent()).items as { str: string }[];
    expect(printedTexts.map((item) => item.str.replace(/\s/g, '')).join('')).toContain('NameZoëŌtani');
    await document.destroy();
  });

  it('keeps the printed page: tagged, the same text, the form appended as an update', async () => {
    const { text } = await readPdf(path.join(scratch, 'engineering-manager', 'em6-review.pdf'));
    expect(text).toContain('Review worksheet');
    const latin1 = Buffer.from(blank).toString('latin1');
    // Two revisions: the printed one, and the form's.
    expect(latin1.match(/%%EOF/g)).toHaveLength(2);
    expect(latin1.slice(latin1.indexOf('%%EOF'))).toMatch(/\/Prev \d+/);
    const document = await openPdf(blank.slice());
    expect(await document.getMarkInfo()).toMatchObject({ Marked: true });
    await document.destroy();
  });
});
