import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedLaddersDir } from '../src/package-paths.js';
import { loadLadder } from '../src/read/load-ladder.js';
import type { Templates } from '../src/render/load-templates.js';
import { normalizeMarkdown, normalizeWhole } from '../src/render/normalize-markdown.js';
import { renderAll, shippedTemplates } from './support/render.js';

// Block by block is only a faster way to the same bytes: every page must come out as the whole page
// parsed and printed at once would, whatever runs across a blank line in it.

const templates = await shippedTemplates();

/** The Markdown pages of a ladder folder as the templates write them, before they are normalised. */
async function renderedMarkdown(ladderDir: string): Promise<string[]> {
  const { ladder } = await loadLadder(ladderDir, ladderDir);
  if (!ladder) throw new Error(`${ladderDir} does not load`);
  const pages: string[] = [];
  const capturing: Templates = {
    ...templates,
    render(page, format, view) {
      const text = templates.render(page, format, view);
      if (format === 'md') pages.push(text);
      return text;
    },
  };
  renderAll(ladder, capturing, { formats: ['md'] });
  return pages;
}

const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const ladderFolders = [
  shippedLaddersDir,
  ...readdirSync(fixturesDir)
    // The cases that load: those with a model.
    .filter((name) => existsSync(path.join(fixturesDir, name, 'model.json')))
    .map((name) => path.join(fixturesDir, name, 'input')),
];

// Pieces of Markdown that run across blank lines, or look as if they might: lists that go on or
// alternate their markers, indented code and continuations, fences, HTML blocks and comments,
// definitions and their references, tables, quotes, breaks, escapes and entities.
const piece = fc.constantFrom(
  '- one',
  '* two',
  '+ three',
  '1. first',
  '2) second',
  '10. tenth',
  '- [ ] task',
  '  indented',
  '    code',
  '   three spaces',
  ' \t tab',
  '\tcode',
  '```',
  '~~~js',
  '<!-- open',
  'close -->',
  '<!-- whole -->',
  '<div>',
  '</div>',
  '<pre>',
  '<?php',
  '<!DOCTYPE x>',
  '[ref]: /target',
  '[ref]',
  '[^note]: a note',
  '[^note]',
  '| a | b |',
  '| --- | --- |',
  '| 1 | 2 |',
  '> quoted',
  '> - quoted item',
  '# Heading',
  'Setext',
  '===',
  '---',
  '***',
  '* * *',
  'plain text',
  'a\\.b \\- c \\* d',
  '_emphasis_ and **strong**',
  '~~struck~~',
  '&amp; &#35;',
  'trailing  ',
  '',
  ' ',
);

const document = fc
  .array(fc.tuple(piece, fc.constantFrom('\n', '\n\n', '\n \n', '\n\n\n', ' ')), { maxLength: 16 })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(''));

describe('normalizeMarkdown', () => {
  for (const dir of ladderFolders) {
    it(`gives every Markdown page of ${path.relative(process.cwd(), dir)} exactly as the whole page printed at once`, async () => {
      const pages = await renderedMarkdown(dir);
      for (const markdown of pages) expect(normalizeMarkdown(markdown)).toBe(normalizeWhole(markdown));
      // Every ladder makes an index, a page a role and two a position; an empty loop would prove nothing.
      expect(pages.length).toBeGreaterThan(3);
    });
  }

  it('gives any document exactly as the whole document printed at once', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        expect(normalizeMarkdown(markdown)).toBe(normalizeWhole(markdown));
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });

  it('prints the same block the same way in any page and any order', () => {
    const block = 'A line with an escaped dot\\. and _emphasis_';
    const first = normalizeMarkdown(`# One\n\n${block}\n`);
    const second = normalizeMarkdown(`${block}\n\n# Two\n`);
    expect(first).toBe('# One\n\nA line with an escaped dot. and _emphasis_\n');
    expect(second).toBe('A line with an escaped dot. and _emphasis_\n\n# Two\n');
  });
});
