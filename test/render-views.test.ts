import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLadder } from '../src/read/load-ladder.js';
import { resolvePageLocale } from '../src/locale/resolve-page-locale.js';
import { toHandoutView } from '../src/view/to-handout-view.js';
import { toIndexView, toRoleView, type ViewOptions } from '../src/view/to-views.js';

const repoRoot = path.join(import.meta.dirname, '..');
const { ladder } = await loadLadder(path.join(repoRoot, 'ladders'), repoRoot);
if (!ladder) throw new Error('the shipped ladders do not load');
const html: ViewOptions = {
  format: 'html',
  paper: 'a4',
  style: 'body{}',
  toolVersion: '1.2.3',
  locale: resolvePageLocale(ladder, { locale: null, labels: null, paper: null }).locale,
};
const md: ViewOptions = { ...html, format: 'md' };
const role = (id: string) => ladder.roles.find((candidate) => candidate.id === id) ?? ladder.roles[0]!;
const position = (code: string) => ladder.roles.flatMap((candidate) => candidate.positions).find((candidate) => candidate.code === code)!;

describe('the handout view', () => {
  const em6 = toHandoutView(ladder, role('engineering-manager'), position('EM6'), html);

  it('names the position, its role and seniority', () => {
    expect(em6.position).toEqual({
      code: 'EM6',
      level: 6,
      title: 'Engineering Manager 6',
      senior: true,
      seniority: 'Senior',
      summary: '',
      attributes: [],
    });
    expect(em6.role.title).toBe('Engineering Manager');
    expect(em6.framework).toEqual({ title: 'Engineering Career Ladders', version: null });
  });

  it('gives each axis its keyword, rank out of ranks, and the whole scale with this rank marked', () => {
    expect(em6.expectations.map((expectation) => [expectation.axis.name, expectation.keyword, expectation.rankLabel])).toEqual([
      ['Technology', 'Evangelizes', '3 of 5'],
      ['System', 'Evolves', '4 of 5'],
      ['People', 'Manages', '5 of 5'],
      ['Process', 'Defines', '5 of 5'],
      ['Influence', 'Team', '2 of 5'],
    ]);
    const system = em6.expectations[1]!;
    expect(system.scale.map((step) => [step.keyword, step.reached, step.current])).toEqual([
      ['Enhances', true, false],
      ['Designs', true, false],
      ['Owns', true, false],
      ['Evolves', true, true],
      ['Leads', false, false],
    ]);
  });

  it('says what changed from the previous position and what the next one adds', () => {
    expect(em6.previous?.position.code).toBe('EM5');
    expect(em6.previous?.changes.map((change) => `${change.axis}: ${change.text}`)).toEqual([
      'System: Owns \u2192 Evolves',
      'Process: Adjusts \u2192 Defines',
    ]);
    expect(em6.next?.position.code).toBe('EM7');
    expect(em6.next?.changes.map((change) => [change.axis, change.from, change.to, change.direction])).toEqual([
      ['Influence', 'Team', 'Multiple Teams', 'up'],
    ]);
  });

  it('has no previous step at the first position and no next step at the last', () => {
    expect(toHandoutView(ladder, role('developer'), position('D1'), html).previous).toBeNull();
    expect(toHandoutView(ladder, role('developer'), position('D7'), html).next).toBeNull();
  });

  it('links relatively, to HTML or Markdown pages by format', () => {
    expect([em6.home.href, em6.role.link.href, em6.previous?.position.link.href]).toEqual(['../index.html', 'index.html', 'em5.html']);
    const markdown = toHandoutView(ladder, role('engineering-manager'), position('EM6'), md);
    expect([markdown.home.href, markdown.role.link.href, markdown.next?.position.link.href, markdown.chart?.file]).toEqual([
      '../README.md',
      'README.md',
      'em7.md',
      'em6.svg',
    ]);
    expect(markdown.style).toBe('');
    expect(em6.style).toBe('body{}');
  });

  it('carries the chart and a text alternative with the values', () => {
    expect(em6.chart?.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(em6.chart?.alt).toBe(
      'Radar chart of EM6: Technology Evangelizes, System Evolves, People Manages, Process Defines, Influence Team',
    );
  });

  it('points at the source of the position', () => {
    expect(em6.source).toEqual({ file: 'ladders/engineering-manager.md', line: 21 });
  });
});

describe('the role and index views', () => {
  it('lay a role out as axes × positions', () => {
    const view = toRoleView(ladder, role('engineering-manager'), html);
    expect(view.positions.map((entry) => entry.code)).toEqual(['EM5', 'EM6', 'EM7']);
    expect(view.axes.find((axis) => axis.name === 'System')?.cells.map((cell) => cell.keyword)).toEqual(['Owns', 'Evolves', 'Evolves']);
  });

  it('lay the index out as levels × roles', () => {
    const view = toIndexView(ladder, html);
    expect(view.levels.map((level) => level.level)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const level4 = view.levels[3]!;
    expect(level4.cells.map((cell) => cell.positions.map((entry) => entry.link.href))).toEqual([
      ['developer/d4.html'],
      ['tech-lead/tl4.html'],
      ['technical-program-manager/tpm4.html'],
      [],
    ]);
    expect(view.levels[0]?.seniority).toBe('Not senior');
  });

  it("list each position's PDF and worksheet when the build makes them, and none otherwise", () => {
    const built = { formats: ['pdf', 'html'] as const, variants: ['handout', 'review'] as const };
    const roleView = toRoleView(ladder, role('engineering-manager'), { ...html, built });
    expect(roleView.positions[1]?.versions.map((link) => link.href)).toEqual(['em6.pdf', 'em6-review.html', 'em6-review.pdf']);
    const indexView = toIndexView(ladder, { ...html, built });
    expect(indexView.levels[5]?.cells[3]?.positions[0]?.versions.map((link) => [link.href, link.text])).toEqual([
      ['engineering-manager/em6.pdf', 'PDF'],
      ['engineering-manager/em6-review.html', 'worksheet'],
    ]);
    // A page links to its sibling in its own format: Markdown beside Markdown, with the PDFs.
    const everything = { formats: ['pdf', 'html', 'md'] as const, variants: ['handout', 'review'] as const };
    const markdownPage = toHandoutView(ladder, role('engineering-manager'), position('EM6'), { ...html, format: 'md', built: everything });
    expect(markdownPage.versions.handout.map((link) => link.href)).toEqual(['em6.pdf', 'em6-review.md', 'em6-review.pdf']);
    expect(markdownPage.versions.review.map((link) => link.href)).toEqual(['em6-review.pdf', 'em6.md', 'em6.pdf']);
    const htmlOnly = { formats: ['html'] as const, variants: ['handout'] as const };
    expect(toRoleView(ladder, role('engineering-manager'), { ...html, built: htmlOnly }).positions[1]?.versions).toEqual([]);
  });
});
