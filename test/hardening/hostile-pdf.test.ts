import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFilledWorksheet } from '../../src/worksheet/read-filled-worksheet.js';
import { WorksheetError } from '../../src/worksheet/worksheet-error.js';
import { run } from '../support/run.js';

// PDFs made to make the worksheet reader spend memory and time, or to trip it up: each ends in a message naming
// the file with a rule id, before the parser unpacks anything, and never in a stack trace.

const repoRoot = path.join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-hostile-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PDF of these objects (numbered from 1, the first the catalog), with a correct cross-reference table. */
function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.byteLength;
  objects.forEach((body, index) => {
    const part = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), Buffer.from(body), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(length);
    length += part.byteLength;
    parts.push(part);
  });
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const trailer = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(trailer, 'latin1')]);
}

const page = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>',
];

/** A stream object whose data is `size` spaces deflated: a thousandth of its unpacked size on disk. */
function bomb(size: number, dictionary = ''): Buffer {
  const data = deflateSync(Buffer.alloc(size, 0x20), { level: 9 });
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Filter /FlateDecode /Length ${data.byteLength} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

const mebibyte = 1024 * 1024;

/** `ladders assess FILE` on these bytes: its exit code and the message line it printed about the file. */
async function assess(name: string, bytes: Buffer): Promise<{ code: number; stderr: string }> {
  writeFileSync(path.join(scratch, name), bytes);
  return run(['assess', name, '--ladders', path.join(repoRoot, 'test/fixtures/assess-ladder')], scratch);
}

describe('a PDF that unpacks to far more than it weighs', () => {
  it('an object stream of 33 MiB, past the limit for one stream, is refused before it is parsed', async () => {
    const result = await assess('bomb.pdf', pdfOf([...page, bomb(33 * mebibyte, '/Type /ObjStm /N 1 /First 4')]));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^bomb\.pdf:1:1: error The PDF is too large to be a worksheet: one of its streams unpacks to more than 32 MiB \[pdf-too-large\]$/m,
    );
  });

  it('streams of 22 MiB each, each within the limit, are refused together past 64 MiB', async () => {
    const result = await assess(
      'bombs.pdf',
      pdfOf([...page, bomb(22 * mebibyte), bomb(22 * mebibyte), bomb(22 * mebibyte, '/Type /ObjStm /N 1 /First 4')]),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^bombs\.pdf:1:1: error The PDF is too large to be a worksheet: its streams unpack to more than 64 MiB together \[pdf-too-large\]$/m,
    );
  });

  it('a stream deflated twice over is measured unpacked both times', async () => {
    const twice = deflateSync(deflateSync(Buffer.alloc(40 * mebibyte, 0x20), { level: 9 }), { level: 9 });
    const stream = Buffer.concat([
      Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode] /Length ${twice.byteLength} >>\nstream\n`, 'latin1'),
      twice,
      Buffer.from('\nendstream', 'latin1'),
    ]);
    const result = await assess('twice.pdf', pdfOf([...page, stream]));
    expect(result.stderr).toMatch(/^twice\.pdf:1:1: error .* one of its streams unpacks to more than 32 MiB \[pdf-too-large\]$/m);
  });

  it('a stream whose dictionary spells its names in `#xx` escapes and names another filter first is measured all the same', async () => {
    const hidden = bomb(33 * mebibyte, '/Type /Obj#53tm /N 1 /First 4 /DecodeParms << /Filter /DCTDecode >>')
      .toString('latin1')
      .replace('/Filter /FlateDecode', '/Filter /Fl#61teDecode');
    const result = await assess('hidden.pdf', pdfOf([...page, Buffer.from(hidden, 'latin1')]));
    expect(result.stderr).toMatch(/^hidden\.pdf:1:1: error .* one of its streams unpacks to more than 32 MiB \[pdf-too-large\]$/m);
  });

  it('more than 100,000 objects are refused', async () => {
    const result = await assess('objects.pdf', pdfOf([...page, ...Array.from({ length: 100_000 }, () => 'null')]));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^objects\.pdf:1:1: error The PDF is too large to be a worksheet: it has more than 100,000 objects \[pdf-too-large\]$/m,
    );
  });
});

describe('a malformed PDF', () => {
  it.each([
    ['garbage between the header and the end', Buffer.from('%PDF-1.7 garbage %%EOF\n', 'latin1'), 'unreadable-pdf'],
    ['arrays nested 200,000 deep', pdfOf([...page, `${'['.repeat(200_000)}${']'.repeat(200_000)}`]), 'pdf-too-deep'],
    ['dictionaries nested 200,000 deep', pdfOf([...page, `${'<< /A '.repeat(200_000)}${'>> '.repeat(200_000)}`]), 'pdf-too-deep'],
    [
      'a page tree that contains itself',
      pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', page[2]!]),
      'unreadable-pdf',
    ],
    ['a catalog that is not a dictionary', pdfOf(['[1 2 3]', page[1]!, page[2]!]), 'unreadable-pdf'],
  ])('%s ends in a message with a rule id, not a stack trace', async (name, bytes, ruleId) => {
    const file = `${name.replace(/\W+/g, '-')}.pdf`;
    const result = await assess(file, bytes);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:1:1: error The PDF .* \\[${ruleId}\\]$`, 'm'));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/TypeError|RangeError|is not a function/);
  });
});

// Mutations of a worksheet PDF the tool printed and filled (a committed fixture): every one is read, or refused
// with messages that each carry a rule id; none throws anything else. The seeds are fixed so a failure reproduces.
const worksheet = new Uint8Array(readFileSync(path.join(repoRoot, 'test/fixtures/worksheet-pdf-position-changed/input.pdf')));

/** Pieces of PDF syntax, so that insertions reach the parser's corners and not only its first check. */
const token = fc.constantFrom(
  '[',
  ']',
  '<<',
  '>>',
  '(',
  ')',
  '<',
  '>',
  '\\',
  ' 0 R',
  ' 1 0 R',
  ' 99999 0 R',
  'obj',
  'endobj',
  'stream\n',
  '\nendstream',
  '/Kids [2 0 R 2 0 R]',
  '/Type /Pages',
  '/Type /ObjStm /N 99',
  '/Filter /FlateDecode',
  '/Length 999999',
  '/Parent 1 0 R',
  '/V (x)',
  '/FT /Btn',
  '/Opt [',
  'null',
  '-1',
  '1e308',
  '%%EOF',
  'xref\n0 1\n',
  'trailer',
  'startxref\n0\n',
);

/** One change to the PDF's bytes, at positions given as fractions of its length so every part of it is reached. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: token }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), keepEnd: fc.boolean() }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat({ max: 600 }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 200 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let current = Buffer.from(bytes);
  for (const change of mutations) {
    const place = (fraction: number) => Math.min(current.byteLength, Math.floor(fraction * current.byteLength));
    if (change.kind === 'overwrite') {
      current = Buffer.from(current);
      current.set(change.bytes.subarray(0, current.byteLength - place(change.at)), place(change.at));
    } else if (change.kind === 'insert') {
      const at = place(change.at);
      current = Buffer.concat([current.subarray(0, at), Buffer.from(change.text, 'latin1'), current.subarray(at)]);
    } else if (change.kind === 'truncate') {
      // Cut short, and sometimes given its `%%EOF` back so that the parser sees it.
      current = Buffer.concat([current.subarray(0, place(change.at)), Buffer.from(change.keepEnd ? '\n%%EOF\n' : '', 'latin1')]);
    } else if (change.kind === 'duplicate') {
      const from = place(change.from);
      const to = place(change.to);
      current = Buffer.concat([current.subarray(0, to), current.subarray(from, from + change.length), current.subarray(to)]);
    } else {
      const at = place(change.at);
      current = Buffer.concat([current.subarray(0, at), current.subarray(at + change.length)]);
    }
  }
  return current;
}

const batches = 8;
const perBatch = 250;

describe('mutated worksheet PDFs (seeded)', () => {
  it.each(Array.from({ length: batches }, (_, index) => index))(
    `batch %i of ${batches}, ${perBatch} worksheets: each is read or refused with rule ids, never thrown`,
    async (batch) => {
      let read = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
          try {
            await readFilledWorksheet('mutated.pdf', mutate(worksheet, mutations));
            read += 1;
          } catch (error) {
            if (!(error instanceof WorksheetError)) throw error;
            expect(error.file.messages.length).toBeGreaterThan(0);
            for (const message of error.file.messages) expect(message.ruleId, message.reason).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
          }
        }),
        { seed: 20_261_207 + batch, numRuns: perBatch },
      );
      // Not every mutation breaks the worksheet: the check reaches past the first refusal.
      expect(read).toBeGreaterThan(0);
    },
  );
});
