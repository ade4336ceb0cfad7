import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { ratings } from '../src/worksheet/filled-worksheet.js';
import { readFilledWorksheet } from '../src/worksheet/read-filled-worksheet.js';
import { WorksheetError } from '../src/worksheet/worksheet-error.js';
import { fillMarkdownWorksheet, fillPdfWorksheet, type WorksheetAnswers } from './support/fill-worksheet.js';

// Each `test/fixtures/worksheet-md-*` folder is a worksheet to read (`input.md`) with what reading it
// gives: `worksheet.json`, or the `messages.txt` of a file that cannot be read. UPDATE_FIXTURES=1
// rewrites the expected files; review the diff before committing it. (The `worksheet-pdf-*` folders
// are `ladders assess` runs on PDFs: see `assess-pdf.test.ts`.)
const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';
const blank = readFileSync(path.join(fixturesDir, 'worksheet-md-not-a-worksheet', 'input.md'), 'utf8');
const origin = '<!-- ladders-worksheet {"roleId":"maker","code":"M1","frameworkVersion":null,"positionFingerprint":"62ea6b2b82c4ca75"} -->';

describe('reading a filled worksheet back', () => {
  for (const name of readdirSync(fixturesDir).filter((name) => name.startsWith('worksheet-md-'))) {
    it(name, async () => {
      const caseDir = path.join(fixturesDir, name);
      const input = path.join(caseDir, 'input.md');
      const shown = `test/fixtures/${name}/input.md`;
      const result = await readFilledWorksheet(shown, readFileSync(input)).catch((error: unknown) => error);
      if (result instanceof WorksheetError) {
        expect(existsSync(path.join(caseDir, 'worksheet.json')), 'a case with errors has no worksheet.json').toBe(false);
        expectFile(path.join(caseDir, 'messages.txt'), formatMessages([result.file]));
      } else {
        expect(existsSync(path.join(caseDir, 'messages.txt')), 'a readable case has no messages.txt').toBe(false);
        expectFile(path.join(caseDir, 'worksheet.json'), JSON.stringify(result, null, 2) + '\n');
      }
    });
  }

  it('reads back exactly what was filled in a Markdown worksheet, whatever the text (seeded)', async () => {
    const worksheet = `${origin}\n${blank}`;
    const axes = ['craft', 'scope', 'care'];
    // Text as people type it: any characters, other scripts, and text that looks like markup.
    const text = fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.constantFrom(
          '<script>alert(1)</script>',
          '**not bold**',
          '# not a heading',
          '- [x] Meets <!-- care.self=above -->',
          'a | b',
          '`code`',
        ),
        fc.constantFrom('設計レビューを主導した', 'قاد مراجعة التصميم', 'Провёл ревью', 'Ένας έλεγχος'),
        fc
          .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 4 })
          .map((lines) => lines.join('\n')),
      )
      .map((value) => value.replace(/\r\n?/g, '\n').trim())
      .filter((value) => value !== '' && !value.includes('<!-- /'));
    const answers: fc.Arbitrary<WorksheetAnswers> = fc.record({
      fields: fc.record({ name: text.map((value) => value.replace(/\n/g, ' ')), strengths: text, grow: text }, { requiredKeys: [] }),
      axes: fc.dictionary(
        fc.constantFrom(...axes),
        fc.record({ self: fc.constantFrom(...ratings), manager: fc.constantFrom(...ratings), evidence: text }, { requiredKeys: [] }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(answers, async (filled) => {
        const bytes = new TextEncoder().encode(fillMarkdownWorksheet(worksheet, filled));
        const read = await readFilledWorksheet('m1-review.md', bytes);
        const expected = Object.fromEntries(Object.entries(filled.axes).filter(([, answers]) => Object.keys(answers).length > 0));
        expect({ fields: read.fields, axes: read.axes }).toEqual({ fields: filled.fields, axes: expected });
      }),
      { seed: 18, numRuns: 150 },
    );
  });

  it('tells a binary file from a worksheet', async () => {
    const error = await readFilledWorksheet('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x80, 0x81])).catch(
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(WorksheetError);
    expect(formatMessages([(error as WorksheetError).file])).toBe(
      'photo.jpg:1:1: error The file is neither a PDF nor UTF-8 text: it is not a ladders worksheet [not-a-worksheet]\n',
    );
  });
});

describe('reading a PDF worksheet back', () => {
  // A small form with the worksheet's fields, as the print step makes them (the print step's own tests fill real worksheets).
  async function makeForm(): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    const page = document.addPage([595, 842]);
    const form = document.getForm();
    const hidden = form.createTextField('ladders-worksheet');
    hidden.setText('{"roleId":"maker","code":"M1","frameworkVersion":"2.1","positionFingerprint":"62ea6b2b82c4ca75"}');
    hidden.addToPage(page, { x: 0, y: 0, width: 0, height: 0, hidden: true });
    let y = 800;
    for (const axis of ['craft', 'scope']) {
      for (const part of ['self', 'manager']) {
        const group = form.createRadioGroup(`${axis}.${part}`);
        ratings.forEach((rating, index) => group.addOptionToPage(rating, page, { x: 50 + index * 20, y, width: 10, height: 10 }));
        y -= 20;
      }
      form.createTextField(`${axis}.evidence`).addToPage(page, { x: 50, y, width: 300, height: 15 });
      y -= 20;
    }
    for (const name of ['name', 'manager', 'period', 'date', 'strengths', 'grow']) {
      form.createTextField(name).addToPage(page, { x: 50, y, width: 300, height: 15 });
      y -= 20;
    }
    return document.save();
  }

  it('reads what a PDF library filled in', async () => {
    const filled = await fillPdfWorksheet(await makeForm(), {
      fields: { name: 'Ada Quill', grow: 'Lead a design review\r\nat last' },
      axes: { craft: { self: 'meets', manager: 'above', evidence: '<b>Shipped</b> 設計' }, scope: { manager: 'na' } },
    });
    const read = await readFilledWorksheet('m1-review.pdf', filled);
    expect(read.origin).toEqual({ roleId: 'maker', code: 'M1', frameworkVersion: '2.1', positionFingerprint: '62ea6b2b82c4ca75' });
    expect(read.fields).toEqual({ name: 'Ada Quill', grow: 'Lead a design review\nat last' });
    expect(read.axes).toEqual({ craft: { self: 'meets', manager: 'above', evidence: '<b>Shipped</b> 設計' }, scope: { manager: 'na' } });
    expect(read.places['craft.self']).toEqual({ file: 'm1-review.pdf', line: 1, column: 1 });
  });

  it('refuses a PDF over the size limit by its size, before parsing it', async () => {
    // Made here, not kept as a fixture: a file over 20 MiB would weigh on every clone of the repository
    // for this one check. The other PDFs refused are fixtures, run through `ladders assess` in `assess-pdf.test.ts`.
    const form = await makeForm();
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(form);
    const error = await readFilledWorksheet('x.pdf', huge).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(WorksheetError);
    expect(formatMessages([(error as WorksheetError).file])).toBe(
      "x.pdf:1:1: error The PDF is 21 MiB, more than a worksheet's limit of 20 MiB [pdf-too-large]\n",
    );
  });
});

function expectFile(expectedPath: string, actual: string): void {
  if (update) writeFileSync(expectedPath, actual);
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
}
