import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLadder } from '../src/read/load-ladder.js';
import { parseMarkdown } from '../src/read/parse-markdown.js';
import { parseLevelHeader } from '../src/read/table/level-header.js';
import { tableReader } from '../src/read/table/read-table.js';
import { pageOf, shippedIntroduction } from './support/in-memory.js';

/** Read pages held in memory as a folder of their own. */
function read(pages: Record<string, string>) {
  const { ladder, files } = toLadder(
    Object.entries(pages).map(([name, text]) => pageOf(name, text)),
    shippedIntroduction,
    '.',
  );
  const messages = files.flatMap((file) =>
    file.messages.map((message) => `${file.path}:${message.line ?? 1}:${message.column ?? 1} ${message.ruleId}`),
  );
  return { ladder, messages };
}

describe('what a level header says', () => {
  it.each([
    ['Engineer (L1)', { code: 'L1', title: 'Engineer' }],
    ['L2', { code: 'L2', title: 'L2' }],
    ['ic3', { code: 'IC3', title: 'ic3' }],
    ['M4 - Manager', { code: 'M4', title: 'Manager' }],
    ['Senior', { code: null, title: 'Senior' }],
    ['Engineer 2', { code: null, title: 'Engineer 2' }],
    ['Software Engineer III', { code: null, title: 'Software Engineer III' }],
  ])('%s', (text, expected) => {
    expect(parseLevelHeader(text)).toEqual(expected);
  });

  it.each(['Technical understanding', 'Code quality', 'Delivery', 'Writes code at the level a senior engineer would review kindly'])(
    'is no level: %s',
    (text) => {
      expect(parseLevelHeader(text)).toBeNull();
    },
  );
});

describe('the table reader', () => {
  it('leaves every page of the Engineering Ladders shape alone', () => {
    // The shipped ladder and every fixture but the table ones: none is a table page, role page or not.
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    const folders = [
      path.join(import.meta.dirname, '..', 'ladders'),
      ...readdirSync(fixtures)
        .filter((name) => !name.startsWith('table-'))
        .flatMap((name) => [path.join(fixtures, name), path.join(fixtures, name, 'input')]),
    ];
    const pages = folders.flatMap((folder) => {
      if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
      return readdirSync(folder)
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(folder, name));
    });
    expect(pages.length).toBeGreaterThan(40);
    const recognised = pages.filter((page) => {
      const source = pageOf(page, readFileSync(page, 'utf8'));
      const tree = parseMarkdown(source);
      return tree !== null && tableReader.recognises({ file: source.file, text: source.text, tree });
    });
    expect(recognised).toEqual([]);
  });

  it('does not take a page whose only table is a level table of the Engineering Ladders kind', () => {
    const text =
      '# Notes\n\n| Level | Senior | Position |\n| --- | --- | --- |\n| 1 | No | [AB1 - Maker 1](#ab1) |\n| 2 | Yes | [AB2 - Maker 2](#ab2) |\n';
    const source = pageOf('notes.md', text);
    const tree = parseMarkdown(source);
    expect(tree && tableReader.recognises({ file: source.file, text, tree })).toBe(false);
  });

  it('matches the levels of a role across its tables and keeps the competencies in table order', () => {
    const table = (group: string, rows: string) => `| ${group} | Maker 1 | Maker 2 |\n| --- | --- | --- |\n${rows}\n`;
    const page = `# Maker\n\n${table('Craft', '| Testing | a | b |')}\n${table('People', '| Mentoring | c | |\n| Feedback | | d |')}`;
    const { ladder, messages } = read({ 'maker.md': page });
    expect(messages.filter((message) => !message.includes('shipped-framework') && !message.includes('page-shape'))).toEqual([]);
    const role = ladder?.roles[0];
    expect(role?.positions.map((position) => [position.code, position.level, position.title])).toEqual([
      ['M1', 1, 'Maker 1'],
      ['M2', 2, 'Maker 2'],
    ]);
    expect(ladder?.framework.competencies.map((competency) => [competency.id, competency.group])).toEqual([
      ['testing', 'Craft'],
      ['mentoring', 'People'],
      ['feedback', 'People'],
    ]);
    expect(role?.positions[1]?.cells.map((cell) => [cell.competency, cell.statements.map((statement) => statement.text)])).toEqual([
      ['testing', ['b']],
      ['mentoring', []],
      ['feedback', ['d']],
    ]);
  });

  it('keeps a cell’s text safe: raw HTML left out, links down to their words', () => {
    const page =
      '# Maker\n\n<table><tr><th>Skill</th><th>L1</th><th>L2</th></tr>' +
      '<tr><td>Craft</td><td><ul><li>Reads <a href="https://example.com/x">the guide</a><script>alert(1)</script></li></ul></td><td><p>Writes *it*</p></td></tr></table>\n';
    const { ladder } = read({ 'maker.md': page });
    const texts = ladder?.roles[0]?.positions.map((position) => position.cells[0]?.statements.map((statement) => statement.text));
    expect(texts).toEqual([['Reads the guide'], ['Writes \\*it\\*']]);
  });

  it('says a table nested too deep to read is so, at its place, without throwing', () => {
    const deep = `<div>\n`.repeat(3000) + 'x' + `</div>\n`.repeat(3000);
    const page = `# Maker\n\n| Skill | L1 | L2 |\n| --- | --- | --- |\n| Craft | a | b |\n\n<table><tr><th>Skill</th><th>L1</th></tr><tr><td>Craft</td><td>\n${deep}</td></tr></table>\n`;
    const { messages } = read({ 'maker.md': page });
    expect(messages).toContain('maker.md:7:1 too-deeply-nested');
  });

  // Pieces of table pages, so generated input reaches the orientation, the cells and the HTML parser.
  const fragment = fc.constantFrom(
    '# Track\n',
    '## Makers\n',
    '| Competency | L1 | L2 |\n',
    '| Level | Title | Craft |\n',
    '| --- | --- | --- |\n',
    '|---|\n',
    '| **Craft** | | |\n',
    '| *Testing* | a<br>- b | |\n',
    '| L1 | Maker | x |\n',
    '| | | |\n',
    '<table>\n',
    '</table>\n',
    '<tr><th>Skill</th><th>Senior</th><th>Staff</th></tr>\n',
    '<tr><td colspan="3"><b>Group</b></td></tr>\n',
    '<tr><td>Craft</td><td><ul><li>a</li></ul></td></tr>\n',
    '<td><p>x</p>\n',
    '\n',
  );

  it.each([1, 2, 3])('never throws on generated table pages (batch %i of 3)', (batch) => {
    const page = fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(page, (text) => {
        const { ladder, messages } = read({ [`page-${batch}.md`]: text });
        expect(ladder !== null || messages.length > 0).toBe(true);
        for (const message of messages) expect(message).toMatch(/:\d+:\d+ [a-z]+(-[a-z]+)*$/);
      }),
      { numRuns: 100 },
    );
  });
});
