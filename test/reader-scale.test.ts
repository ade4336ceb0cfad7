import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { loadLadder, toLadder } from '../src/read/load-ladder.js';
import { pageOf, shippedIntroduction } from './support/in-memory.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-scale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A role page with `count` positions, each expecting rank 1 everywhere. */
function bigRolePage(count: number, prefix: string): string {
  const lines = ['# Big Role', '', 'A role with very many positions.', ''];
  for (let index = 1; index <= count; index++) {
    lines.push(`## ${prefix}${index} - Big ${index}`, '');
    for (const keyword of ['Adopts', 'Enhances', 'Learns', 'Follows', 'Subsystem'])
      lines.push(`* **${keyword}**: does the ${keyword.toLowerCase()} part at level ${index}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** A code prefix of letters only, distinct for each index: A, B, … Z, AA, AB … */
function letterCode(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : letterCode(Math.floor(index / 26) - 1) + letter;
}

describe('large and strange input', () => {
  // 5,000 positions on one page and on 500 pages go through the command in the hardening suite.
  it('reads 2,000 positions on 20 pages into a model', () => {
    const pages = Array.from({ length: 20 }, (_, index) => pageOf(`role-${index}.md`, bigRolePage(100, letterCode(index))));
    const { ladder, files } = toLadder(pages, shippedIntroduction, '.');
    expect(formatMessages(files)).not.toContain('error');
    expect(ladder?.roles.flatMap((role) => role.positions)).toHaveLength(2000);
  });

  it('refuses a 10 MB page with a message, without parsing it', async () => {
    const folder = path.join(scratch, 'huge');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'huge.md'), '# Huge\n\n' + 'x'.repeat(10 * 1024 * 1024));
    const { ladder, files } = await loadLadder(folder, scratch);
    expect(ladder).toBeNull();
    expect(formatMessages(files)).toMatch(
      /^huge\/huge\.md:1:1: error The page is 10241 KiB, larger than the 512 KiB a ladder page may be \[file-too-large\]$/m,
    );
  });

  it('refuses lists nested thousands deep, naming the first line too deep', () => {
    const nested = Array.from({ length: 3000 }, (_, depth) => '  '.repeat(depth) + '* item').join('\n');
    const { files } = toLadder([pageOf('nested.md', '## EM5 - Engineering Manager 5\n\n' + nested)], shippedIntroduction, '.');
    expect(formatMessages(files)).toContain(
      'nested.md:53:1: error Lists or quotes nested too deeply: 102 characters of nesting before the text, at most 100 [too-deeply-nested]',
    );
  });

  it('refuses block quotes nested thousands deep', () => {
    const { files } = toLadder([pageOf('quotes.md', '> '.repeat(20000) + 'deep\n')], shippedIntroduction, '.');
    expect(formatMessages(files)).toContain('quotes.md:1:1: error Lists or quotes nested too deeply');
  });

  it('refuses a paragraph hundreds of kilobytes long', () => {
    const { files } = toLadder([pageOf('long.md', 'plain words '.repeat(35000))], shippedIntroduction, '.');
    expect(formatMessages(files)).toContain('long.md:1:1: error Blocks too long to parse: the longest has 420000 characters');
  });

  it('refuses a line with more inline markup than a real line has, at that line', () => {
    const { files } = toLadder([pageOf('marks.md', '# Marks\n\n' + '**a** _b_ `c` [d](e) '.repeat(100))], shippedIntroduction, '.');
    expect(formatMessages(files)).toContain(
      'marks.md:3:1: error Too much inline markup in one line: 1000 emphasis, link, image or code marks, at most 400',
    );
  });

  it('refuses thousands of list items in one unbroken block', () => {
    const { files } = toLadder([pageOf('items.md', '# Items\n\n' + '* > item\n'.repeat(5000))], shippedIntroduction, '.');
    expect(formatMessages(files)).toContain(
      'items.md:1:1: error Too many list items, quotes or table rows without a blank line or heading between them (5000 in the largest block)',
    );
  });
});
