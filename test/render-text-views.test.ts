import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePageLocale } from '../src/locale/resolve-page-locale.js';
import { loadLadder } from '../src/read/load-ladder.js';
import { diffStatements } from '../src/view/diff-statements.js';
import { toHandoutView } from '../src/view/to-handout-view.js';
import { toRoleView, type ViewOptions } from '../src/view/to-views.js';
import type { Ladder } from '../src/model.js';
import { renderAll, shippedTemplates } from './support/render.js';
import { textLadder } from './support/text-ladder.js';

// A ladder whose cells are words, not rungs: every page a reader of a level reads shows them.

const html = (ladder: Ladder): ViewOptions => ({
  format: 'html',
  paper: 'a4',
  style: '',
  toolVersion: '1.2.3',
  locale: resolvePageLocale(ladder, { locale: null, labels: null, paper: null }).locale,
});

const ladder = textLadder();
const role = ladder.roles[0]!;
const [pe1, pe2, pe3] = role.positions as [(typeof role.positions)[0], (typeof role.positions)[0], (typeof role.positions)[0]];

describe('the handout view of a ladder kept in words', () => {
  const view = toHandoutView(ladder, role, pe2, html(ladder));

  it('shows no rung, no scale and no chart made up from text', () => {
    expect(view.expectations).toEqual([]);
    expect(view.chart).toBeNull();
  });

  it('gives each cell its statements under its group, a bullet run as one list and a paragraph alone', () => {
    expect(view.cells.map((group) => [group.name, group.cells.map((cell) => cell.competency.name)])).toEqual([
      ['Craft', ['Delivery', 'Quality']],
      ['People', ['Collaboration']],
    ]);
    const delivery = view.cells[0]!.cells[0]!;
    expect(delivery.rung).toBeNull();
    expect(delivery.statements).toEqual([
      {
        paragraph: null,
        bullets: [
          { body: 'Ships features end to end.', isNew: true },
          { body: 'Asks for help early.', isNew: false },
        ],
      },
    ]);
    expect(view.cells[1]!.cells[0]!.statements).toEqual([
      { paragraph: { body: 'Pairs with newer engineers on a feature.', isNew: false }, bullets: [] },
    ]);
  });

  it('keeps examples apart from what is expected', () => {
    const quality = toHandoutView(ladder, role, pe1, html(ladder)).cells[0]!.cells[1]!;
    expect(quality.statements.flatMap((block) => block.bullets.map((bullet) => bullet.body))).toEqual(['Adds tests with each change.']);
    expect(quality.examples.flatMap((block) => block.bullets.map((bullet) => bullet.body))).toEqual([
      'Covered the beacon timer with tests.',
    ]);
  });

  it('carries the position’s summary and attributes, and what holds at every level', () => {
    expect(view.position.summary).toBe('Owns features from idea to release.');
    expect(view.position.attributes).toEqual([{ name: 'Scope', value: 'Features' }]);
    expect(view.everyLevel).toEqual([
      {
        name: 'People',
        cells: [
          {
            competency: { id: 'collaboration', name: 'Collaboration', summary: '' },
            rung: null,
            statements: [{ paragraph: null, bullets: [{ body: 'Writes down decisions where the team can find them.', isNew: false }] }],
            examples: [],
          },
        ],
      },
    ]);
  });

  it('says which statements the step from the previous position added, removed and reworded', () => {
    expect(view.previous?.changes).toEqual([]);
    expect(view.previous?.same).toBe(false);
    const byCompetency = Object.fromEntries(
      (view.previous?.textChanges ?? []).map((change) => [
        change.competency,
        {
          added: change.added.map((statement) => statement.body),
          removed: change.removed.map((statement) => statement.body),
          reworded: change.reworded.map(({ words }) =>
            words
              .map((word) => `${word.lead}${word.added ? `+[${word.text}]` : word.removed ? `-[${word.text}]` : word.text}${word.trail}`)
              .join(''),
          ),
        },
      ]),
    );
    expect(byCompetency).toEqual({
      Delivery: { added: ['Ships features end to end.'], removed: ['Ships small, well-described changes.'], reworded: [] },
      Quality: { added: [], removed: [], reworded: ['Adds tests with each change +[and reviews others].'] },
      Collaboration: { added: ['Pairs with newer engineers on a feature.'], removed: [], reworded: [] },
    });
  });

  it('says what the next position adds, from this position to that one', () => {
    const next = view.next!;
    expect(next.position.code).toBe('PE3');
    expect(next.textChanges.find((change) => change.competency === 'Delivery')?.added.map((statement) => statement.body)).toEqual([
      'Plans the work of a quarter with the team.',
    ]);
    expect(toHandoutView(ladder, role, pe3, html(ladder)).next).toBeNull();
  });

  it('finds a step the same when no statement changed', () => {
    const same = textLadder();
    const [first, second] = same.roles[0]!.positions;
    second!.cells = structuredClone(first!.cells);
    const step = toHandoutView(same, same.roles[0]!, second!, html(same)).previous!;
    expect([step.textChanges, step.same]).toEqual([[], true]);
  });

  it('never changes the model it is given', () => {
    const before = textLadder();
    const given = textLadder();
    for (const position of given.roles[0]!.positions) toHandoutView(given, given.roles[0]!, position, html(given));
    toRoleView(given, given.roles[0]!, html(given));
    expect(given).toEqual(before);
  });
});

describe('the role page of a ladder kept in words', () => {
  it('lays competencies × positions out with the start of each cell’s first statement', () => {
    const view = toRoleView(ladder, role, html(ladder));
    expect(view.scaled).toBe(false);
    expect(view.axes.map((axis) => [axis.name, axis.cells.map((cell) => [cell.rank, cell.text])])).toEqual([
      [
        'Delivery',
        [
          [0, 'Ships small, well-described changes.'],
          [0, 'Ships features end to end.'],
          [0, 'Plans the work of a quarter with the team.'],
        ],
      ],
      [
        'Quality',
        [
          [0, 'Adds tests with each change.'],
          [0, 'Adds tests with each change and reviews others.'],
          [0, 'Sets how the team tests a service.'],
        ],
      ],
      [
        'Collaboration',
        [
          [0, ''],
          [0, 'Pairs with newer engineers on a feature.'],
          [0, ''],
        ],
      ],
    ]);
  });

  it('cuts a long first statement at a word, and quotes its words without their markup', () => {
    const long = textLadder();
    long.roles[0]!.positions[0]!.cells[0]!.statements[0]!.text =
      'Ships **small**, well-described changes to the lamp-control code, each with a note on how it was tried and how to undo it.';
    const cell = toRoleView(long, long.roles[0]!, html(long)).axes[0]!.cells[0]!;
    expect(cell.text).toBe('Ships small, well-described changes to the lamp-control code, each with a note\u2026');
  });
});

describe('the pages of a ladder kept in words', async () => {
  const templates = await shippedTemplates();
  const pages = renderAll(textLadder(), templates, { variants: ['handout'] });
  const page = (file: string) => pages.get(file) ?? '';

  it('print statements, a statement marked new, examples, attributes and what holds at every level, in HTML', () => {
    const pe1Html = page('product-engineer/pe1.html');
    const pe2Html = page('product-engineer/pe2.html');
    expect(pe2Html).toContain('<h3 class="group-name">Craft</h3>');
    expect(pe2Html).toContain('<h4 class="competency-name">Delivery</h4>');
    expect(pe2Html).toContain('<li class="new">Ships features end to end. <span class="new-mark">new at this level</span></li>');
    expect(pe2Html).toContain('<p>Pairs with newer engineers on a feature.</p>');
    expect(pe2Html).toContain('<div><dt>Scope</dt><dd>Features</dd></div>');
    expect(pe2Html).toContain('<p class="position-summary">Owns features from idea to release.</p>');
    expect(pe1Html).toMatch(
      /<div class="examples">\s*<p class="examples-label">Examples<\/p>\s*<ul>\s*<li>Covered the beacon timer with tests.<\/li>/,
    );
    for (const html of [pe1Html, pe2Html, page('product-engineer/pe3.html')]) {
      expect(html).toContain('<h2 id="every-level-heading">At every level</h2>');
      expect(html).toContain('<li>Writes down decisions where the team can find them.</li>');
    }
  });

  it('print the statements each step adds, removes and rewords, in HTML', () => {
    const pe2Html = page('product-engineer/pe2.html');
    expect(pe2Html).toContain(
      '<li class="added"><strong>Delivery:</strong> <span class="change-kind">Added</span> Ships features end to end.</li>',
    );
    expect(pe2Html).toContain(
      '<li class="removed"><strong>Delivery:</strong> <span class="change-kind">Removed</span> <del>Ships small, well-described changes.</del></li>',
    );
    expect(pe2Html).toContain('Adds tests with each change <ins>and reviews others</ins>.');
    expect(pe2Html).not.toContain('The same expectations as');
  });

  it('draw no chart, no axis table and no scales from text', () => {
    for (const [file, text] of pages) {
      expect(file).not.toMatch(/\.svg$/);
      expect(text).not.toContain('<svg');
      expect(text).not.toContain('class="axis-table"');
      expect(text).not.toContain('scales-heading');
      expect(text).not.toContain('](pe1.svg)');
    }
  });

  it('print the same in Markdown', () => {
    const pe1Md = page('product-engineer/pe1.md');
    const pe2Md = page('product-engineer/pe2.md');
    expect(pe2Md).toContain('Owns features from idea to release.\n\n- **Scope:** Features\n');
    expect(pe2Md).toContain('### Craft\n\n#### Delivery\n\n- Ships features end to end. _(new at this level)_\n- Asks for help early.\n');
    expect(pe2Md).toContain('#### Collaboration\n\nPairs with newer engineers on a feature.\n');
    expect(pe2Md).toContain('- **Delivery:** _Added:_ Ships features end to end.\n');
    expect(pe2Md).toContain('- **Delivery:** _Removed:_ ~~Ships small, well-described changes.~~\n');
    expect(pe2Md).toContain('- **Quality:** _Reworded:_ Adds tests with each change <ins>and reviews others</ins>.\n');
    expect(pe1Md).toContain('- Adds tests with each change.\n\n_Examples:_\n\n- Covered the beacon timer with tests.\n');
    expect(pe2Md).toContain('## At every level\n\nWhat the Product Engineer role expects at every level, this one included.\n');
    expect(pe2Md).not.toMatch(/!\[/);
  });

  it('lay the role out by competency, and list every position on the index', () => {
    const roleHtml = page('product-engineer/index.html');
    expect(roleHtml).toContain('<th scope="col">Competency</th>');
    expect(roleHtml).toContain('<td><span class="cell-text">Ships features end to end.</span></td>');
    expect(page('product-engineer/README.md')).toMatch(/\| Delivery +\| Ships small, well-described changes\. +\|/);
    for (const code of ['pe1', 'pe2', 'pe3']) expect(page('index.html')).toContain(`href="product-engineer/${code}.html"`);
  });
});

describe('statements compared in order', () => {
  it('pairs a statement replaced by one sharing most of its words as reworded, and keeps the rest added or removed', () => {
    const changes = diffStatements(['Writes tests.', 'Asks for help early.'], ['Writes tests for every change.', 'Leads the team.']);
    expect(changes.map(({ change, before, after }) => [change, before, after])).toEqual([
      ['reworded', 'Writes tests.', 'Writes tests for every change.'],
      ['removed', 'Asks for help early.', null],
      ['added', null, 'Leads the team.'],
    ]);
  });

  it('finds nothing between equal lists, and everything added from none', () => {
    expect(diffStatements(['A b c.'], ['A b c.'])).toEqual([]);
    expect(diffStatements([], ['One.', 'Two.']).map(({ change, after }) => [change, after])).toEqual([
      ['added', 'One.'],
      ['added', 'Two.'],
    ]);
  });
});

describe('the shipped ladder, whose cells are rungs', async () => {
  const repoRoot = path.join(import.meta.dirname, '..');
  const { ladder: shipped } = await loadLadder(path.join(repoRoot, 'ladders'), repoRoot);
  if (!shipped) throw new Error('the shipped ladders do not load');
  const em = shipped.roles.find((candidate) => candidate.id === 'engineering-manager')!;

  it('shows a rung cell’s words, with its rung, where the ladder gives some', () => {
    const mixed = structuredClone(shipped);
    const role = mixed.roles.find((candidate) => candidate.id === 'engineering-manager')!;
    const em6 = role.positions.find((position) => position.code === 'EM6')!;
    const system = em6.cells.find((cell) => cell.competency === 'system')!;
    system.statements = [{ kind: 'bullet', text: 'Retires what the team no longer needs.', isNew: false, source: system.source }];
    const view = toHandoutView(mixed, role, em6, html(mixed));
    expect(view.expectations).toHaveLength(5);
    expect(view.cells.flatMap((group) => group.cells.map((cell) => [cell.competency.name, cell.rung]))).toEqual([
      ['System', { keyword: 'Evolves', rankLabel: '4 of 5' }],
    ]);
    expect(view.previous?.textChanges.map((change) => change.competency)).toEqual(['System']);
  });

  it('has no words to show and steps of rungs alone', () => {
    for (const position of em.positions) {
      const view = toHandoutView(shipped, em, position, html(shipped));
      expect([view.cells, view.everyLevel, view.previous?.textChanges ?? [], view.next?.textChanges ?? []]).toEqual([[], [], [], []]);
      expect(view.chart).not.toBeNull();
    }
    expect(toRoleView(shipped, em, html(shipped)).axes.every((axis) => axis.cells.every((cell) => cell.text === '' && cell.rank > 0))).toBe(
      true,
    );
  });
});
