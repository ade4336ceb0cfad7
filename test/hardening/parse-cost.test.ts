import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listTree } from '../support/tree.js';
import { readMessageLines, runCaught } from './cli-messages.js';
import { parseWork, resetParseWork } from './parse-work.js';
import { makerPage, tinyIntroduction, writeLadder } from './tiny-ladder.js';

// Pages small enough to be read (well under 512 KiB, no block tens of kilobytes long) whose
// nesting makes the Markdown parser's time grow with the cube of the depth. The README promises
// that no input makes the reader crash or hang: each page must be refused by the cost guard
// before the parser sees it, or read with each character handed to the parser once — by `check`
// and by `build` alike. How long these take is measured by `npm run bench`, not here.

vi.mock('remark-parse', async (importOriginal) => {
  const { countParseWork } = await import('./parse-work.js');
  return { default: countParseWork((await importOriginal<typeof import('remark-parse')>()).default) };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-parse-cost-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Load the reader and the commands once, so that the first case does not carry it.
beforeAll(async () => {
  await runCaught(['check', '--ladders', 'warm-up'], scratch);
});

/** The rules of the guard that refuses a page before it is parsed. */
const costRules = ['too-deeply-nested', 'too-complex'];

/** The maker page with `text` as the description of its first bullet, and the line that bullet is on. */
function makerPageWithDescription(text: string): { page: string; line: number } {
  const page = makerPage.replace("tries the team's tools — naïve at first", text);
  return { page, line: page.slice(0, page.indexOf(text)).split('\n').length };
}

/** Run `check` and `build` on the page: each either reads it, parsing each character once, or refuses it for its cost at `line` before parsing it. */
async function expectReadOrRefusedBeforeParsing(name: string, page: string, line: number): Promise<void> {
  const work = path.join(scratch, name);
  mkdirSync(work);
  writeLadder(path.join(work, 'input'), { 'README.md': tinyIntroduction, 'maker.md': page });
  for (const [command, args] of [
    ['check', ['check', '--ladders', 'input']],
    ['build', ['build', '--ladders', 'input', '--out', 'out', '--format', 'html,md']],
  ] as const) {
    resetParseWork();
    const result = await runCaught([...args], work);
    expect(result.thrown, `${command} throws no exception: ${String(result.thrown)}`).toBeUndefined();
    const messages = readMessageLines(command === 'check' ? result.stdout : result.stderr, { summary: command === 'check' });
    const errors = messages.filter((message) => message.severity === 'error');
    if (result.code === 0) {
      expect(errors).toEqual([]);
      if (command === 'check') expect(parseWork.characters, 'each character is parsed once').toBe(tinyIntroduction.length + page.length);
    } else {
      expect(result.code).toBe(1);
      expect(errors.map((error) => `${error.file}:${error.line} ${costRules.includes(error.rule) ? 'cost' : error.rule}`)).toEqual([
        `input/maker.md:${line} cost`,
      ]);
      expect(parseWork.characters, 'only the introduction reaches the parser').toBe(tinyIntroduction.length);
    }
  }
  rmSync(path.join(work, 'out'), { recursive: true, force: true });
  expect(listTree(work)).toEqual(['input/README.md', 'input/maker.md']);
}

describe('nesting that is slow to parse', () => {
  it('emphasis nested 2,500 deep in one bullet (15 KB)', async () => {
    const { page, line } = makerPageWithDescription('*a '.repeat(2500) + 'x' + ' b*'.repeat(2500));
    await expectReadOrRefusedBeforeParsing('emphasis-2500-deep', page, line);
  });

  it('images nested 1,500 deep in one bullet (12 KB)', async () => {
    const { page, line } = makerPageWithDescription('![a '.repeat(1500) + 'x' + '](u)'.repeat(1500));
    await expectReadOrRefusedBeforeParsing('images-1500-deep', page, line);
  });

  it('block quotes nested 10,000 deep without spaces (`>>>…>`): refused at the line, not at 1:1', async () => {
    const page = makerPage.replace('## M2 - Maker 2\n', `## M2 - Maker 2\n\n${'>'.repeat(10_000)} deep\n`);
    await expectReadOrRefusedBeforeParsing('quotes-10000-deep', page, page.slice(0, page.indexOf('>>>')).split('\n').length);
  });
});
