import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessWorksheets } from '../src/assess/assess-worksheets.js';
import { formatAssessment } from '../src/assess/format-assessment.js';
import { toAssessmentView } from '../src/assess/to-assessment-view.js';
import { comparePositions } from '../src/compare/compare-positions.js';
import { formatComparison } from '../src/compare/format-comparison.js';
import { toComparisonView } from '../src/compare/to-comparison-view.js';
import { findPosition } from '../src/plan/find-position.js';
import { diffLadders } from '../src/diff/diff-ladders.js';
import { formatDiffJson } from '../src/diff/format-diff-json.js';
import { formatDiffMarkdown } from '../src/diff/format-diff-markdown.js';
import { formatDiffText } from '../src/diff/format-diff-text.js';
import { toSinceView } from '../src/view/to-since-view.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { printPdfs } from '../src/print/print-pdfs.js';
import { pageStyle } from '../src/render/render-page.js';
import { resolvePageLocale } from '../src/locale/resolve-page-locale.js';
import { renderPage } from '../src/render/render-page.js';
import { toReviewView } from '../src/view/to-review-view.js';
import { toHandoutView } from '../src/view/to-handout-view.js';
import type { ViewOptions } from '../src/view/to-views.js';
import type { HandoutView } from '../src/view/view.js';
import { fingerprintPosition } from '../src/worksheet/fingerprint-position.js';
import { readFilledWorksheet } from '../src/worksheet/read-filled-worksheet.js';
import { fillMarkdownWorksheet, fillPdfWorksheet } from './support/fill-worksheet.js';
import { shippedTemplates } from './support/render.js';
import { textLadder } from './support/text-ladder.js';

const ladder = textLadder();
const role = ladder.roles[0]!;
const [pe1, pe2, pe3] = role.positions as [(typeof role.positions)[0], (typeof role.positions)[0], (typeof role.positions)[0]];
const html: ViewOptions = {
  format: 'html',
  paper: 'a4',
  style: '',
  toolVersion: '1.2.3',
  locale: resolvePageLocale(ladder, { locale: null, labels: null, paper: null }).locale,
};
const md: ViewOptions = { ...html, format: 'md' };
// The handout's view, which the worksheet's view builds on.
const handoutOf = (position: typeof pe1, options: ViewOptions): HandoutView => toHandoutView(ladder, role, position, options);
const reviewOf = (position: typeof pe1, options: ViewOptions) =>
  toReviewView(handoutOf(position, options), ladder, role, position, options);
const pageOf = async (position: typeof pe1, options: ViewOptions) =>
  renderPage(await shippedTemplates(), 'review', options.format, reviewOf(position, options));
const axesOf = (position: typeof pe1, options: ViewOptions) => {
  const { first, second } = reviewOf(position, options).reviewSheets;
  return [...first, ...second];
};

describe('the review worksheet of a ladder whose cells are text', () => {
  it('rates each competency the position has a cell on, or one that holds at every level, fields named by its id', () => {
    expect(axesOf(pe1, html).map((axis) => [axis.field, axis.hasRung])).toEqual([
      ['delivery', false],
      ['quality', false],
      ['collaboration', false],
    ]);
    expect(axesOf(pe3, html).map((axis) => axis.field)).toEqual(['delivery', 'quality', 'collaboration']);
  });

  it("shows the cell's statements and examples, and what holds at every level after the position's own", () => {
    const [delivery, quality, collaboration] = axesOf(pe1, html);
    expect(delivery!.text?.body).toBe('<ul>\n<li>Ships small, well-described changes.</li>\n<li>Asks for help early.</li>\n</ul>');
    expect(quality!.examples?.body).toContain('Covered the beacon timer with tests.');
    expect(collaboration!.text?.body).toContain('Writes down decisions where the team can find them.');
    const pe2Collaboration = axesOf(pe2, md)[2]!;
    expect(pe2Collaboration.text?.body).toBe(
      'Pairs with newer engineers on a feature.\n\n- Writes down decisions where the team can find them.',
    );
  });

  it('says what the next level adds or rewords, and when it asks the same', () => {
    const [delivery, quality, collaboration] = axesOf(pe1, md);
    expect(delivery!.next).toMatchObject({ code: 'PE2', same: false, hasRung: false, adds: { body: '- Ships features end to end.' } });
    expect(quality!.next?.adds?.body).toBe('- Adds tests with each change and reviews others.');
    expect(collaboration!.next?.adds?.body).toBe('- Pairs with newer engineers on a feature.');
    const sameAgain = axesOf(pe3, md)[2]!;
    expect(sameAgain.next).toBeNull();
  });

  it('prints the text and the rating boxes in both formats, and no rank', async () => {
    const page = await pageOf(pe1, html);
    expect(page).toContain('<h2 id="review-delivery">Delivery</h2>');
    expect(page).toContain('<li>Ships small, well-described changes.</li>');
    expect(page).toContain('data-field="delivery.self" data-choice="meets"');
    expect(page).toContain('data-field="collaboration.evidence"');
    expect(page).not.toMatch(/class="rank"/);
    const markdown = await pageOf(pe1, md);

    expect(markdown).toContain('## Quality\n\n- Adds tests with each change.\n\n**Examples:**\n\n- Covered the beacon timer with tests.\n');
    expect(markdown).toContain('What PE2 adds:\n\n- Ships features end to end.\n');
  });

  it('reads a filled Markdown worksheet back, with the origin and fingerprint of the position', async () => {
    const filled = fillMarkdownWorksheet(await pageOf(pe2, md), {
      fields: { name: 'Ada Quill', strengths: 'Steady releases.' },
      axes: {
        delivery: { self: 'meets', manager: 'above', evidence: 'Shipped the fog-horn scheduler.' },
        quality: { manager: 'below' },
        collaboration: { self: 'na' },
      },
      overall: { self: 'meets' },
    });
    const read = await readFilledWorksheet('pe2-review.md', new TextEncoder().encode(filled));
    expect(read.origin).toEqual({
      roleId: 'product-engineer',
      code: 'PE2',
      frameworkVersion: null,
      positionFingerprint: fingerprintPosition(pe2),
    });
    expect(read.axes).toEqual({
      delivery: { self: 'meets', manager: 'above', evidence: 'Shipped the fog-horn scheduler.' },
      quality: { manager: 'below' },
      collaboration: { self: 'na' },
    });
    expect(read.fields).toEqual({ name: 'Ada Quill', strengths: 'Steady releases.' });
  });
});

describe('the printed worksheet of a text position', () => {
  it('is a form whose fields are named by competency id, and reads back once filled', async () => {
    const templates = await shippedTemplates();
    const options = { ...html, style: pageStyle(templates, null) };
    const page = renderPage(templates, 'review', 'html', reviewOf(pe2, options));
    let printed: Uint8Array | undefined;
    await printPdfs(
      [
        {
          path: 'pe2-review.pdf',
          html: page,
          info: { title: 'PE2', subject: 'PE2', keywords: [], author: null, creator: 'test', date: null },
        },
      ],
      { browser: await findBrowser({}), concurrency: 1, onPdf: (_page, pdf) => void (printed = pdf) },
    );
    if (process.env.KEEP_TEXT_WORKSHEET) writeFileSync(process.env.KEEP_TEXT_WORKSHEET, printed!);
    const filled = await fillPdfWorksheet(printed!, {
      fields: { name: 'Ada Quill', grow: 'Plan a quarter.' },
      axes: { delivery: { self: 'above', evidence: 'Shipped the fog-horn scheduler.' }, collaboration: { manager: 'meets' } },
    });
    const read = await readFilledWorksheet('pe2-review.pdf', filled);
    expect(read.origin.positionFingerprint).toBe(fingerprintPosition(pe2));
    expect(read.axes).toEqual({
      delivery: { self: 'above', evidence: 'Shipped the fog-horn scheduler.' },
      collaboration: { manager: 'meets' },
    });
    expect(
      Object.keys(read.places)
        .filter((name) => name.includes('.'))
        .sort(),
    ).toEqual(['collaboration', 'delivery', 'quality'].flatMap((id) => [`${id}.evidence`, `${id}.manager`, `${id}.self`]));
  });
});

describe('an assessment of a text position', () => {
  async function assessPe1() {
    const worksheet = fillMarkdownWorksheet(await pageOf(pe1, md), {
      fields: { name: 'Ada Quill' },
      axes: {
        delivery: { self: 'meets', manager: 'above', evidence: 'Shipped the fog-horn scheduler.' },
        quality: { self: 'below', manager: 'below' },
      },
    });
    const read = await readFilledWorksheet('pe1-review.md', new TextEncoder().encode(worksheet));
    const { assessment, files } = assessWorksheets(ladder, [read], ({ position }) => fingerprintPosition(position));
    expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
    return assessment!;
  }

  it('rates each competency with its statements, no rank, and what the next position says', async () => {
    const assessment = await assessPe1();
    expect(assessment.axes.map((axis) => [axis.id, axis.ranks, axis.self, axis.manager, axis.differ])).toEqual([
      ['delivery', 0, 'meets', 'above', true],
      ['quality', 0, 'below', 'below', false],
      ['collaboration', 0, null, null, false],
    ]);
    expect(assessment.axes[0]!.expected).toEqual({
      rank: null,
      keyword: null,
      description: '',
      statements: [
        { kind: 'bullet', text: 'Ships small, well-described changes.' },
        { kind: 'bullet', text: 'Asks for help early.' },
      ],
    });
    expect(assessment.axes[0]!.next?.statements?.map((statement) => statement.text)).toEqual([
      'Ships features end to end.',
      'Asks for help early.',
    ]);
    expect(formatAssessment(assessment)).toMatch(
      /\nDelivery +self meets {2}manager above {2}differ\nQuality +self below {2}manager below\n/,
    );
  });

  it('prints the statements and what the next position adds, and no chart where nothing has a scale', async () => {
    const assessment = await assessPe1();
    const view = toAssessmentView(ladder, assessment, md);
    expect(view.chart).toBeNull();
    const page = renderPage(await shippedTemplates(), 'assessment', 'md', view);
    expect(page).not.toContain('.svg');
    expect(page).toContain(
      '### Delivery\n\n- Ships small, well-described changes.\n- Asks for help early.\n\nWhat PE2 adds:\n\n- Ships features end to end.\n',
    );
    expect(page).toMatch(/\| Delivery +\| +\| Meets +\| Above \(\*\*Ratings differ\*\*\) +\| +\|/);
    const htmlPage = renderPage(await shippedTemplates(), 'assessment', 'html', toAssessmentView(ladder, assessment, html));
    expect(htmlPage).toContain('<h3 id="evidence-delivery">Delivery</h3>');
    expect(htmlPage).not.toContain('<svg');
  });
});

describe('two text positions compared', () => {
  const comparison = comparePositions(ladder, findPosition(ladder, 'PE1')!, findPosition(ladder, 'PE2')!);

  it('says per competency which statements the second adds, removes or rewords', () => {
    expect(
      comparison.axes.map((axis) => [axis.axis.id, axis.direction, axis.from, axis.statements.map((change) => change.change)]),
    ).toEqual([
      ['delivery', 'changed', null, ['removed', 'added']],
      ['quality', 'changed', null, ['reworded']],
      ['collaboration', 'changed', null, ['added']],
    ]);
    expect(comparison.axes[1]!.statements[0]!.words?.filter((part) => part.change === 'added').map((part) => part.text.trim())).toEqual([
      'and reviews others',
    ]);
    expect(formatComparison(comparison)).toBe(
      [
        'PE1 Product Engineer 1 \u2192 PE2 Product Engineer 2',
        '',
        'Delivery          changed',
        '  - Ships small, well-described changes.',
        '  + Ships features end to end.',
        'Quality           changed',
        '  ~ Adds tests with each change. \u2192 Adds tests with each change and reviews others.',
        'Collaboration     changed',
        '  + Pairs with newer engineers on a feature.',
        '',
        '3 axes change, 0 stay',
        '',
      ].join('\n'),
    );
  });

  it('prints them side by side without a chart', async () => {
    const view = toComparisonView(ladder, comparison, md);
    expect(view.chart).toBeNull();
    const page = renderPage(await shippedTemplates(), 'compare', 'md', view);
    expect(page).not.toContain('.svg');
    expect(page).toContain(
      '### Quality\n\n**Reworded:** ~~Adds tests with each change.~~ → Adds tests with each change and reviews others.\n',
    );
    expect(page).toContain('**New statement:** Ships features end to end.\n');
    const htmlPage = renderPage(await shippedTemplates(), 'compare', 'html', toComparisonView(ladder, comparison, html));
    expect(htmlPage).toContain('<dt>Statement removed</dt><dd><p>Ships small, well-described changes.</p></dd>');
  });
});

describe('what changed in a text ladder', () => {
  // The later version: a statement reworded, one added, an attribute changed, what holds at every level reworded, a competency added.
  const later = textLadder();
  const laterRole = later.roles[0]!;
  const laterPe2 = laterRole.positions[1]!;
  laterPe2.cells[0]!.statements.push({ ...laterPe2.cells[0]!.statements[0]!, text: 'Writes the release notes.' });
  laterPe2.cells[1]!.statements[0]!.text = 'Adds tests with each change and reviews others closely.';
  laterPe2.attributes[0]!.value = 'Features and fixes';
  laterRole.everyLevel[0]!.statements[0]!.text = 'Writes down decisions where the whole team can find them.';
  later.framework.competencies.push({ id: 'safety', name: 'Safety', group: null, summary: '', scale: [], source: laterRole.source });
  const diff = diffLadders(textLadder(), later, { from: { label: 'v1', version: null }, to: { label: 'v2', version: null } });

  it('lists statements, attributes and what holds at every level, and the competency added', () => {
    expect(diff.framework.axes.map((axis) => [axis.id, axis.change])).toEqual([['safety', 'added']]);
    const [change] = diff.roles;
    expect(change?.everyLevel?.map((row) => [row.competency.id, row.statements.map((statement) => statement.change)])).toEqual([
      ['collaboration', ['reworded']],
    ]);
    const pe2 = change?.positions.find((position) => position.to?.code === 'PE2');
    expect(pe2?.expectations.map((row) => [row.axis.id, row.statements?.map((statement) => statement.change)])).toEqual([
      ['delivery', ['added']],
      ['quality', ['reworded']],
    ]);
    expect(pe2?.attributes).toEqual([{ name: 'Scope', from: 'Features', to: 'Features and fixes' }]);
    expect((JSON.parse(formatDiffJson(diff)) as typeof diff).roles[0]?.positions[0]?.attributes).toEqual(pe2?.attributes);
  });

  it('says so in the terminal and in Markdown', () => {
    const text = formatDiffText(diff);
    expect(text).toContain('  Every level, Collaboration\n    reworded: Writes down decisions where the {+whole +}team can find them.\n');
    expect(text).toContain('    Delivery: added: Writes the release notes.\n');
    expect(text).toContain('    Scope: Features → Features and fixes\n');
    expect(formatDiffMarkdown(diff)).toContain(
      '  - **Quality**: reworded: Adds tests with each change and reviews others <ins>closely</ins>\\.',
    );
  });

  it("shows a position's changes on its handout and worksheet with --since", () => {
    const since = toSinceView({ diff, version: 'v1' }, laterRole, laterPe2, html.locale);
    expect(since?.rows.map((row) => [row.subject, row.change, row.before, row.after])).toEqual([
      ['Collaboration, at every level', 'Reworded', null, null],
      ['Delivery', 'New statement', null, null],
      ['Quality', 'Reworded', null, null],
      ['Scope', 'Changed', 'Features', 'Features and fixes'],
    ]);
    expect(since?.rows[1]?.words).toEqual([{ lead: '', text: 'Writes the release notes.', trail: '', added: true, removed: false }]);
  });
});
