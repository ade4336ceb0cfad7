import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/read/decode-text.js';
import { toLadder } from '../src/read/load-ladder.js';
import { pageOf, shippedIntroduction } from './support/in-memory.js';

/** Read one page and check the reader's promise: a model or messages, each message with a place and a rule. */
function expectModelOrMessages(text: string): void {
  const { ladder, files } = toLadder([pageOf('page.md', text)], shippedIntroduction, '.');
  const messages = files.flatMap((file) => file.messages);
  const hasErrors = messages.some((message) => message.fatal === true);
  expect(ladder !== null || hasErrors).toBe(true);
  for (const message of messages) {
    expect(message.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(message.line ?? 1).toBeGreaterThanOrEqual(1);
    expect(message.column ?? 1).toBeGreaterThanOrEqual(1);
  }
}

// Pieces of ladder pages, so generated input reaches deep into the reader rather than stopping at "no levels".
const fragment = fc.constantFrom(
  '# Engineering Manager\n',
  '## EM5 - Engineering Manager 5\n',
  '## EM6 – Engineering Manager 6\n',
  '## D1\n',
  '## Not a position\n',
  '* **Evangelizes**: researches\n',
  '* **Owns:** owns\n',
  '- __Manages__: manages\n',
  '+ **Adjusts** : adjusts\n',
  '* **Team**:\n',
  '* **Evangelises**: misspelt\n',
  '* Defines: plain\n',
  '* plain bullet\n',
  '1. **Adopts**: ranked\n',
  '| Level | Senior | Position |\n| :---: | :---: | :---: |\n',
  '| 5 | Yes | [EM5 - Engineering Manager 5](#em5) |\n',
  '| x | Maybe | nonsense |\n',
  '---\nid: x\n---\n',
  '---\n: [\n---\n',
  '<picture><img src="x.png"></picture>\n',
  '\r\n',
  '\n',
  '\uFEFF',
  '    ',
);

describe('the reader never throws', () => {
  // The runs are dealt into batches, so that no one test carries them all.
  it.each([1, 2, 3])('for any string (batch %i of 3)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectModelOrMessages), { numRuns: 100 });
  });

  it.each([1, 2, 3, 4, 5])('for generated ladder-like Markdown (batch %i of 5)', () => {
    const page = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(page, expectModelOrMessages), { numRuns: 100 });
  });

  it('for any bytes, decoding gives back the same text or the place of a bad byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeText(bytes);
        if (decoded.ok) {
          const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
          expect(Buffer.from(decoded.text, 'utf8')).toEqual(Buffer.from(hasBom ? bytes.subarray(3) : bytes));
        } else {
          expect(decoded.problem).toBe(bytes.includes(0) ? 'binary' : 'encoding');
          expect(decoded.line).toBeGreaterThanOrEqual(1);
          expect(decoded.column).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('decodes every well-formed UTF-8 text without a NUL', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 100 }).filter((text) => !text.includes('\0') && !text.startsWith('\uFEFF')),
        (text) => {
          expect(decodeText(new TextEncoder().encode(text))).toEqual({ ok: true, text });
        },
      ),
    );
  });
});
