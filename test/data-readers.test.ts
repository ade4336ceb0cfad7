import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { VFile } from 'vfile';
import { toPlainStatement } from '../src/read/data-tree/to-plain-statement.js';
import { toRichText } from '../src/read/to-rich-text.js';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { toLadder } from '../src/read/load-ladder.js';
import { pageOf, shippedIntroduction } from './support/in-memory.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');

/** Read in-memory files as one ladder folder; every message with its place and rule. */
function read(files: Record<string, string>) {
  const { ladder, files: read } = toLadder(
    Object.entries(files).map(([name, text]) => pageOf(name, text)),
    shippedIntroduction,
    '.',
  );
  // Which shape each file was read in is said of every file; the tests hold to the rest.
  const said = read.flatMap((file) =>
    file.messages.filter((message) => message.ruleId !== 'page-shape').map((message) => ({ file, message })),
  );
  const messages = said.map(({ file, message }) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`);
  // The folder's own messages (no roles at all) have no place in a file.
  return { ladder, messages, all: said.filter(({ file }) => file.path !== '.').map(({ message }) => message) };
}

/** A model without places and paths, which are all a YAML file and its JSON twin may differ in. */
function withoutPlaces(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'source' || key === 'path' ? undefined : inner)));
}

describe('data readers', () => {
  it('reads a job family and its JSON twin into the same model', () => {
    const yaml = read({ 'harbour.yml': readFileSync(path.join(fixtures, 'data-job-family-yaml/input/harbour.yml'), 'utf8') });
    const json = read({ 'harbour.json': readFileSync(path.join(fixtures, 'data-job-family-json/input/harbour.json'), 'utf8') });
    expect(yaml.messages).toEqual([]);
    expect(yaml.ladder?.roles[0]?.positions.map((position) => position.code)).toEqual(['HARBOUR1', 'HARBOUR2', 'HARBOUR3']);
    expect(withoutPlaces(json.ladder)).toEqual(withoutPlaces(yaml.ladder));
  });

  it('keeps a criterion’s Markdown and HTML characters literal', () => {
    const page = [
      '---',
      'topics:',
      '  - name: care',
      '    summary: Care of the lamp.',
      '    content:',
      '      - level: 1',
      '        criteria:',
      '          - "<script>x</script> [link](https://a.example) *b*"',
      '---',
      '',
    ].join('\n');
    const { ladder, messages } = read({ 'keeper.md': page });
    expect(messages).toEqual([]);
    const text = ladder?.roles[0]?.positions[0]?.cells[0]?.statements[0]?.text;
    // Read back as Markdown, it is one run of plain text: no tag, no link, no emphasis.
    const paragraph = unified()
      .use(remarkParse)
      .parse(text ?? '').children[0];
    expect(paragraph?.type === 'paragraph' ? paragraph.children : null).toEqual([
      expect.objectContaining({ type: 'text', value: '<script>x</script> [link](https://a.example) *b*' }),
    ]);
  });

  it('refuses nesting no ladder needs, in YAML and JSON, with a place', () => {
    const yaml = read({ 'deep.yml': `levels: []\ncompetencies: ${'['.repeat(100)}${']'.repeat(100)}\n` });
    expect(yaml.messages).toEqual(['deep.yml:2:79 too-deeply-nested']);
    const json = read({ 'deep.json': `{"levels": [], "competencies": ${'['.repeat(100)}${']'.repeat(100)}}` });
    expect(json.messages).toEqual(['deep.json:1:96 too-deeply-nested']);
  });

  it('says where a statement names a level the file does not list', () => {
    const family =
      'levels:\n  - id: one\nthemes:\n  - id: t\n    summary: s\ncompetencies:\n  - level: two\n    theme: t\n    summary: x\n';
    expect(read({ 'f.yml': family }).messages).toEqual(['f.yml:7:12 unknown-level']);
  });

  it('never throws, and places every message, whatever a data file holds', () => {
    const piece = fc.constantFrom(
      'levels:',
      'competencies:',
      'themes:',
      '  - id: a',
      '    level: a',
      '    theme: a',
      '  - &x [1]',
      '  - *x',
      '  - !t x',
      '{',
      ']',
      '"levels": [',
      ': :',
      '  ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (lines, json) => {
        const { all } = read({ [json ? 'f.json' : 'f.yml']: lines.join('\n') });
        for (const message of all) {
          expect(message.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(message.line ?? 0).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('plain statements', () => {
  const richText = (nodes: readonly RootContent[]) =>
    toRichText(nodes, { file: new VFile(), siteRoot: '.', resolvePage: () => null, readImage: () => ({ ok: false, reason: '' }) as never });
  it('take the writer’s short cut only where the writer would write the text as it is', () => {
    const character = fc.constantFrom(...'aZé1 ,.;\'’"?()/%–—-*_[]<>#!|~&:\\`=+w'.split(''));
    fc.assert(
      fc.property(fc.array(character, { minLength: 1, maxLength: 30 }), (characters) => {
        const text = characters.join('').replace(/\s+/g, ' ').trim();
        if (!text) return;
        const statement = toPlainStatement(text, 'bullet', { line: 1, column: 1 }, 'f.yml', richText);
        expect(statement.text).toBe(richText([{ type: 'paragraph', children: [{ type: 'text', value: text }] }]));
      }),
      { numRuns: 2000 },
    );
  });
});
