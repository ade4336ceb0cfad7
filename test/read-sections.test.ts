import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { loadLadder } from '../src/read/load-ladder.js';
import { matchesPathPattern } from '../src/read/match-path-pattern.js';
import { parseLevelFileName, parseLevelHeading } from '../src/read/sections/level-heading.js';
import { readHtml } from '../src/read/sections/read-html.js';
import { ladderShapes } from '../src/read/shape-reader.js';
import { shapeReaders } from '../src/read/shape-readers.js';

// The section-per-level reader beyond what test/fixtures/sections-* show: the configuration naming a
// page's shape, folders that are not read, and the small readers it is made of.
const fixtures = path.join(import.meta.dirname, 'fixtures');

describe('the configuration naming a shape', () => {
  it('reads an ambiguous page in the shape it names', async () => {
    const caseDir = path.join(fixtures, 'sections-ambiguous');
    const { shapes } = JSON.parse(readFileSync(path.join(caseDir, 'config.json'), 'utf8')) as { shapes: Record<string, 'sections'> };
    const { ladder, files } = await loadLadder(path.join(caseDir, 'input'), caseDir, { shapes });
    expect(formatMessages(files)).toBe(
      'input/lighthouse-keeper.md:1:1: info Read in the `sections` shape, as the configuration names it [page-shape]\n',
    );
    const role = ladder?.roles[0];
    expect(role?.positions.map((position) => [position.code, position.title])).toEqual([
      ['LK1', 'Keeper'],
      ['LK2', 'Head Keeper'],
    ]);
    expect(ladder?.framework.competencies.map((competency) => competency.id)).toEqual(['team', 'lamp']);
  });

  it('reads a page as Engineering Ladders when named so, and warns of a shape no reader reads', async () => {
    const caseDir = path.join(fixtures, 'sections-labels');
    const named = await loadLadder(path.join(caseDir, 'input'), caseDir, { shapes: { '*.md': 'engineering-ladders' } });
    expect(formatMessages(named.files)).toContain('Unexpected keyword `Tickets`');
    // A shape no reader of this version reads, if one is left.
    const unread = ladderShapes.find((shape) => shape !== 'engineering-ladders' && !shapeReaders.some((reader) => reader.shape === shape));
    if (!unread) return;
    const unknown = await loadLadder(path.join(caseDir, 'input'), caseDir, { shapes: { '**': unread } });
    expect(formatMessages(unknown.files)).toContain('[unknown-shape]');
  });
});

describe('folders', () => {
  it('reads sub-folders but hidden ones and the output folder', async () => {
    const caseDir = path.join(fixtures, 'sections-tracks');
    const all = await loadLadder(path.join(caseDir, 'input'), caseDir);
    expect(all.files.map((file) => file.path)).not.toContain('input/.drafts/L3-Staff.md');
    expect(all.found).toEqual({ roles: 2, positions: 4 });
    const skipped = await loadLadder(path.join(caseDir, 'input'), caseDir, { skipFolders: [path.join(caseDir, 'input', 'Design')] });
    expect(skipped.ladder?.roles.map((role) => role.id)).toEqual(['backend']);
  });
});

describe('level headings', () => {
  it('reads codes, numbers and titles, keeping emoji in titles only', () => {
    expect(parseLevelHeading('L3: Senior Engineer')).toMatchObject({ code: 'L3', number: 3, title: 'Senior Engineer' });
    expect(parseLevelHeading('Level 2')).toMatchObject({ code: null, number: 2, title: null, form: 'level' });
    expect(parseLevelHeading('🌱 IC1 - Apprentice')).toMatchObject({ code: 'IC1', title: '🌱 Apprentice' });
    expect(parseLevelHeading('L1.0: Trainee')).toMatchObject({ code: 'L1.0', number: 1, step: 0 });
    expect(parseLevelHeading('Designer 2')).toMatchObject({ code: null, number: 2, form: 'numbered' });
    expect(parseLevelHeading('Delivery')).toBeNull();
    expect(parseLevelFileName('L4 - Lead Engineer')).toMatchObject({ code: 'L4', title: 'Lead Engineer' });
    expect(parseLevelFileName('ic2_engineer')).toMatchObject({ code: 'IC2', title: 'engineer' });
    expect(parseLevelFileName('handbook')).toBeNull();
  });
});

describe('HTML', () => {
  it('parses collapsed examples instead of matching text', () => {
    expect(readHtml('<details>\n<summary>Examples</summary>')).toEqual({ kind: 'details', summary: 'Examples', items: [], closed: false });
    expect(readHtml('<DETAILS><summary>Examples</summary><ul><li>One <b>bold</b></li><li>Two</li></ul></DETAILS>')).toEqual({
      kind: 'details',
      summary: 'Examples',
      items: ['One bold', 'Two'],
      closed: true,
    });
    expect(readHtml('</details>')).toEqual({ kind: 'end-details' });
    expect(readHtml('<!-- a note -->')).toEqual({ kind: 'comment' });
    expect(readHtml('<div>text</div>')).toEqual({ kind: 'other' });
  });
});

describe('path patterns', () => {
  it('matches pages and folders', () => {
    expect(matchesPathPattern('tracks', 'tracks/L3.md')).toBe(true);
    expect(matchesPathPattern('tracks/*.md', 'tracks/a/L3.md')).toBe(false);
    expect(matchesPathPattern('tracks/**/*.md', 'tracks/a/L3.md')).toBe(true);
    expect(matchesPathPattern('**/L?.md', 'L3.md')).toBe(true);
    expect(matchesPathPattern('a.md', 'b.md')).toBe(false);
  });
});
