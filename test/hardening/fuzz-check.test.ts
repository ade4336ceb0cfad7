import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readMessageLines, runCaught } from './cli-messages.js';
import { parseWork, resetParseWork } from './parse-work.js';
import { makerPage, tinyIntroduction, tinyKeywords, writeLadder } from './tiny-ladder.js';

// `ladders check` on mutations of a valid ladder: it exits 0, or exits 1 with every problem
// well-formed; it never throws, and it hands the Markdown parser no character twice (so its work
// grows with the ladder's size, not faster). The seed is fixed so a failure reproduces.

vi.mock('remark-parse', async (importOriginal) => {
  const { countParseWork } = await import('./parse-work.js');
  return { default: countParseWork((await importOriginal<typeof import('remark-parse')>()).default) };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const numRuns = 50;
const shippedIntroductionBytes = statSync(path.join(import.meta.dirname, '..', '..', 'ladders', 'README.md')).size;
const seed = 20_240_601;

const pages = ['README.md', 'maker.md'] as const;
const keywords = Object.values(tinyKeywords).flat();

/** One change to one page of the ladder. */
type Mutation =
  | { kind: 'drop-line' | 'duplicate-line' | 'truncate'; page: number; at: number }
  | { kind: 'swap-lines'; page: number; at: number; other: number }
  | { kind: 'edit-keyword'; page: number; at: number; to: string }
  | { kind: 'change-heading'; page: number; at: number; level: number }
  | { kind: 'insert-line'; page: number; at: number; line: string }
  | { kind: 'splice-bytes'; page: number; at: number; bytes: Uint8Array };

const page = fc.nat({ max: pages.length - 1 });
const at = fc.nat({ max: 10_000 });
// Lines a ladder page is made of, so that insertions reach deep into the reader.
const ladderLine = fc.oneof(
  fc.constantFrom(
    '---',
    'id: maker',
    'id: ../../x',
    'title: [broken',
    'version: 2',
    'extra: key',
    '## M3 - Maker 3',
    '## M1',
    '## Not a position',
    '# Title',
    '| Level | Senior | Position |',
    '| :-: | :-: | :-: |',
    '| 9 | Maybe | [M9 - Maker 9](#m9) |',
    '1. **Sketches**: sketches',
    '* **Builds**: builds',
    '* plain bullet',
    '> quote',
    '```',
    '<picture>',
    '',
  ),
  fc.string({ maxLength: 30 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop-line', 'duplicate-line', 'truncate'), page, at }),
  fc.record({ kind: fc.constant('swap-lines'), page, at, other: at }),
  fc.record({
    kind: fc.constant('edit-keyword'),
    page,
    at,
    to: fc.oneof(fc.constantFrom(...keywords, 'Bilds', 'tinkers', 'TASK', 'Multiple Teams', ''), fc.string({ maxLength: 12 })),
  }),
  fc.record({ kind: fc.constant('change-heading'), page, at, level: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('insert-line'), page, at, line: ladderLine }),
  fc.record({ kind: fc.constant('splice-bytes'), page, at, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

/** Apply text mutations line by line, then splice bytes into the encoded pages. */
function mutate(mutations: readonly Mutation[]): Buffer[] {
  const lines = [tinyIntroduction, makerPage].map((text) => text.split('\n'));
  const splices: Extract<Mutation, { kind: 'splice-bytes' }>[] = [];
  for (const change of mutations) {
    const target = lines[change.page] ?? [];
    const index = change.at % Math.max(target.length, 1);
    switch (change.kind) {
      case 'drop-line':
        target.splice(index, 1);
        break;
      case 'duplicate-line':
        target.splice(index, 0, target[index] ?? '');
        break;
      case 'truncate':
        target.splice(index);
        break;
      case 'swap-lines': {
        const other = change.other % Math.max(target.length, 1);
        [target[index], target[other]] = [target[other] ?? '', target[index] ?? ''];
        break;
      }
      case 'edit-keyword': {
        const withKeyword = target.map((line, lineIndex) => [line, lineIndex] as const).filter(([line]) => /\*\*[^*]+\*\*/.test(line));
        const chosen = withKeyword[change.at % Math.max(withKeyword.length, 1)];
        if (chosen) target[chosen[1]] = chosen[0].replace(/\*\*[^*]+\*\*/, `**${change.to}**`);
        break;
      }
      case 'change-heading':
        target[index] = '#'.repeat(change.level) + (change.level > 0 ? ' ' : '') + (target[index] ?? '').replace(/^#+\s*/, '');
        break;
      case 'insert-line':
        target.splice(index, 0, change.line);
        break;
      case 'splice-bytes':
        splices.push(change);
        break;
    }
  }
  const encoded = lines.map((text) => Buffer.from(text.join('\n')));
  for (const { page: target, at: offset, bytes } of splices) {
    const buffer = encoded[target] ?? Buffer.alloc(0);
    const index = offset % (buffer.length + 1);
    encoded[target] = Buffer.concat([buffer.subarray(0, index), bytes, buffer.subarray(index)]);
  }
  return encoded;
}

describe('check on mutated ladders', () => {
  beforeAll(async () => {
    // Load the reader once, so that the first run does not carry it; a folder without an introduction
    // also has the shipped one parsed, which the reader then keeps for the rest of the process.
    writeLadder(path.join(scratch, 'warm-up'), { 'notes.md': '# Notes\n\nA page of advice.\n' });
    await runCaught(['check', '--ladders', 'warm-up'], scratch);
  });

  it('the mutations produce a mix of valid and refused ladders (so the property is not vacuous)', () => {
    const samples = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 5 }), { numRuns: 50, seed });
    const changed = samples.filter((sample) =>
      mutate(sample).some((bytes, index) => !bytes.equals(Buffer.from([tinyIntroduction, makerPage][index] ?? ''))),
    );
    expect(changed.length).toBeGreaterThan(40);
  });

  // Three batches with seeds of their own, so that no one test carries all the runs.
  it.each([0, 1, 2])(
    'exits 0, or 1 with well-formed messages; never throws; parses each character at most once (batch %i)',
    async (batch) => {
      let run = 0;
      const outcomes = { valid: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
          const dir = path.join(scratch, `run-${batch}-${run++}`);
          const encoded = mutate(mutations);
          writeLadder(dir, Object.fromEntries(pages.map((name, index) => [name, encoded[index] ?? ''])));
          resetParseWork();
          const result = await runCaught(['check', '--ladders', dir], scratch);
          rmSync(dir, { recursive: true, force: true });
          expect(result.thrown, `no exception escapes: ${String(result.thrown)}`).toBeUndefined();
          expect([0, 1]).toContain(result.code);
          expect(result.stderr).toBe('');
          const messages = readMessageLines(result.stdout, { summary: true });
          const hasErrors = messages.some((message) => message.severity === 'error');
          expect(hasErrors, result.stdout).toBe(result.code === 1);
          // The reader says when it parsed the shipped introduction because the mutated one defines no framework.
          const shipped = result.stdout.includes('[shipped-framework]') ? shippedIntroductionBytes : 0;
          const readable = encoded.reduce((sum, bytes) => sum + bytes.length, 0) + shipped;
          expect(parseWork.characters, 'no character is parsed twice').toBeLessThanOrEqual(readable);
          outcomes[result.code === 0 ? 'valid' : 'refused'] += 1;
        }),
        { numRuns, seed: seed + batch, endOnFailure: true },
      );
      // Some mutations (a blank line dropped, a keyword's case changed) leave the ladder valid.
      expect(outcomes.valid).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(numRuns / 2);
    },
  );
});
