import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessWorksheets } from '../src/assess/assess-worksheets.js';
import type { Assessment } from '../src/assess/assessment.js';
import { planAssessment } from '../src/assess/plan-assessment.js';
import type { PlacedPosition } from '../src/plan/find-position.js';
import type { Ladder } from '../src/model.js';
import type { Templates } from '../src/render/load-templates.js';
import { renderOutput } from '../src/render/render-output.js';
import { pageStyle } from '../src/render/render-page.js';
import { loadLadder } from '../src/read/load-ladder.js';
import type { FilledWorksheet } from '../src/worksheet/filled-worksheet.js';
import { shippedTemplates } from './support/render.js';

const repoRoot = path.join(import.meta.dirname, '..');
let ladder: Ladder;
let templates: Templates;

beforeAll(async () => {
  const loaded = await loadLadder(path.join(repoRoot, 'test/fixtures/assess-ladder'), repoRoot);
  if (!loaded.ladder) throw new Error('the assessment fixture ladder does not load');
  ladder = loaded.ladder;
  templates = await shippedTemplates();
});

const fingerprintOf = (placed: PlacedPosition) => `fingerprint-of-${placed.position.code}`;

const hostile = [
  '<script>alert("evidence")</script> <img src=x onerror=alert(1)>',
  '# Not a heading',
  '    four spaces, not code',
  '* not a list',
  '[a link](javascript:alert(1)) and https://example.com',
  '',
  '| not | a table |',
].join('\n');

function worksheetOf(file: string, code = 'G2'): FilledWorksheet {
  return {
    file,
    format: 'md',
    origin: { roleId: 'grower', code, frameworkVersion: '3', positionFingerprint: `fingerprint-of-${code}` },
    fields: {},
    overall: {},
    axes: {},
    places: {},
  };
}

function assess(change: Partial<FilledWorksheet> = {}, code = 'G2'): Assessment {
  const worksheet: FilledWorksheet = {
    ...worksheetOf('a.md', code),
    fields: { name: 'Alex <b>Doe</b>', period: '2026 H2' },
    axes: { soil: { self: 'meets', manager: 'above', evidence: hostile }, trees: { self: 'na', manager: 'na' } },
    ...change,
  };
  const { assessment, files } = assessWorksheets(ladder, [worksheet], fingerprintOf);
  if (!assessment) throw new Error(files.flatMap((file) => file.messages).join('\n'));
  return assessment;
}

/** Test defaults for planning an assessment handout: every format, A4, undated, unbranded, no stylesheet. */
const planOptions: Parameters<typeof planAssessment>[3] = {
  formats: ['pdf', 'html', 'md'],
  paper: 'a4',
  style: '',
  toolVersion: '0.0.0-test',
  date: null,
  organization: null,
  brandColor: null,
  logo: null,
  version: null,
  locale: null,
  labels: null,
};

function render(assessment: Assessment, locale: string | null = null): Map<string, string> {
  const outputs = planAssessment(ladder, assessment, templates, { ...planOptions, style: pageStyle(templates, null), locale });
  return new Map(
    outputs.flatMap((output) => (output.kind === 'pdf' || output.kind === 'book' ? [] : [[output.path, renderOutput(templates, output)]])),
  );
}

describe('the assessment handout', () => {
  it('is planned as a PDF, an HTML page, a Markdown page and the chart beside them, named after the position and the person', () => {
    const outputs = planAssessment(ladder, assess(), templates, planOptions);
    expect(outputs.map((output) => output.path)).toEqual([
      'g2-assessment-alex-b-doe-b.pdf',
      'g2-assessment-alex-b-doe-b.html',
      'g2-assessment-alex-b-doe-b.md',
      'g2-assessment-alex-b-doe-b.svg',
    ]);
  });

  it('prints evidence and names as text in HTML: markup stays escaped, line breaks stay', () => {
    const html = render(assess()).get('g2-assessment-alex-b-doe-b.html')!;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Doe</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;evidence&quot;)&lt;/script&gt;');
    expect(html).toContain('Alex &lt;b&gt;Doe&lt;/b&gt;');
    expect(html).toContain('# Not a heading<br>    four spaces, not code<br>* not a list');
    expect(html).not.toContain('href="javascript');
  });

  it('prints evidence as text in Markdown: nothing in it becomes a heading, a list, code, a link or HTML', () => {
    const md = render(assess()).get('g2-assessment-alex-b-doe-b.md')!;
    expect(md).not.toMatch(/^#+ Not a heading/m);
    // An escaped `<` is text in Markdown; an unescaped one would start HTML.
    expect(md).not.toMatch(/(?<!\\)<(script|b|img)/);
    expect(md).toContain('\\<script>');
    expect(md).toContain('> \\# Not a heading\\');
    expect(md).toContain('> \\* not a list');
    expect(md).not.toMatch(/^ {4}four spaces/m);
    // Read back as Markdown, the quoted evidence holds nothing but text and line breaks.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const quoted = tree.children.find((node) => node.type === 'blockquote');
    const kinds = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }) => {
      kinds.add(node.type);
      for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
    };
    if (quoted) visit(quoted);
    expect([...kinds].sort()).toEqual(['blockquote', 'break', 'paragraph', 'text']);
    const text = toString(quoted)
      .replace(/\u2060/g, '')
      .replace(/\u00a0/g, ' ');
    expect(text).toBe(hostile.replace('\n\n', '').replace(/\n/g, ''));
  });

  it('keeps two copies’ evidence on one axis apart, each quoted as written', () => {
    const md = render(assess({ axes: { soil: { self: 'meets', evidence: 'first copy\nsecond line' } } })).get(
      'g2-assessment-alex-b-doe-b.md',
    )!;
    expect(md).toContain('> first copy\\\n> second line\n');
    const two = assessWorksheets(
      ladder,
      [
        { ...worksheetOf('a.md'), axes: { soil: { self: 'meets', evidence: 'from the self copy' } } },
        { ...worksheetOf('b.md'), axes: { soil: { manager: 'meets', evidence: 'from the manager copy' } } },
      ],
      fingerprintOf,
    ).assessment!;
    const tree = unified().use(remarkParse).use(remarkGfm).parse(render(two).get('g2-assessment.md'));
    expect(tree.children.filter((node) => node.type === 'blockquote').map((node) => toString(node))).toEqual([
      'from the self copy',
      'from the manager copy',
    ]);
  });

  it('labels every quoted text with whose copy it is from, in the page’s language', () => {
    const two = assessWorksheets(
      ladder,
      [
        { ...worksheetOf('a.md'), fields: { strengths: 'Calm', grow: 'Delegate' }, axes: { soil: { self: 'meets', evidence: 'Mine' } } },
        { ...worksheetOf('b.md'), fields: { grow: 'Delegate' }, axes: { soil: { manager: 'meets', evidence: 'Theirs' } } },
      ],
      fingerprintOf,
    ).assessment!;
    const files = render(two);
    // Each quote in order, after the label above it.
    const md = files.get('g2-assessment.md')!;
    const labelled = [...md.matchAll(/^_([^_\n]+)_\n\n> (.+)$/gm)].map(([, from, text]) => `${from}: ${text}`);
    expect(labelled).toEqual([
      'Self-assessment: Mine',
      'Manager’s assessment: Theirs',
      'Self-assessment: Calm',
      'Self-assessment and manager’s assessment: Delegate',
    ]);
    const html = files.get('g2-assessment.html')!;
    expect(html).toContain('<div class="written"><p class="from">Self-assessment</p><div class="text"><p>Mine</p></div></div>');
    expect(html).toContain('<div class="written"><p class="from">Manager’s assessment</p><div class="text"><p>Theirs</p></div></div>');
    const german = render(two, 'de').get('g2-assessment.html')!;
    expect(german).toContain('<p class="from">Selbsteinschätzung</p><div class="text"><p>Mine</p></div>');
    expect(german).toContain('<p class="from">Einschätzung der Führungskraft</p><div class="text"><p>Theirs</p></div>');
  });

  it('draws the person over the position and the next on one chart, with a legend of three', () => {
    const svg = render(assess()).get('g2-assessment-alex-b-doe-b.svg')!;
    expect(svg).toContain('<polygon class="ladders-chart-shape-1"');
    expect(svg).toContain('<polygon class="ladders-chart-shape-2"');
    expect(svg).toContain('<polygon class="ladders-chart-shape-3"');
    expect(svg).toContain('>G2 — Grower 2</text>');
    expect(svg).toContain('>G3 — Grower 3</text>');
    expect(svg).toContain('>Alex &lt;b&gt;Doe&lt;/b&gt;, as rated</text>');
    // Soil rated above (rank 2 + 1), trees not applicable (drawn at rank 2, no marker), the rest unrated.
    expect(svg).toContain('Alex &lt;b&gt;Doe&lt;/b&gt;, as rated: Soil 3 of 5, Trees 2 of 5, Crew 2 of 5, Season 2 of 5, Reach 2 of 5.');
    expect(svg.split('<polygon class="ladders-chart-marker-3"').length - 1).toBe(1 + 1);
  });

  it('draws two shapes for the role’s last position, and says it is the last', () => {
    const files = render(assess({}, 'G3'));
    const svg = files.get('g3-assessment-alex-b-doe-b.svg')!;
    expect(svg).not.toContain('class="ladders-chart-shape-2"');
    expect(svg).toContain('<polygon class="ladders-chart-shape-3"');
    expect(files.get('g3-assessment-alex-b-doe-b.html')).toContain('G3 is the highest position of the Grower role.');
  });

  it('shows both ratings, where they differ and what the next position expects, in the table', () => {
    const md = render(assess()).get('g2-assessment-alex-b-doe-b.md')!;
    const rows = md.split('\n').map((line) => line.replace(/ {2,}/g, ' '));
    expect(rows).toContain('| Soil | **Tests** (2 of 5) | Meets | Above (**Ratings differ**) | **Feeds** (3 of 5) |');
    expect(rows).toContain('| Trees | **Prunes** (2 of 5) | N/A | N/A | **Tends** (3 of 5) |');
    expect(rows).toContain('| Crew | **Helps** (2 of 5) | _Not rated_ | _Not rated_ | **Shows** (3 of 5) |');
    expect(md).toContain('**Self and manager differ on: Soil.**');
  });

  it('shows the overall rating under the axes and the sign-off, or that nobody signed', () => {
    const signed = assess({
      fields: { name: 'Alex Doe', 'sign-off-person': 'Alex Doe', 'sign-off-person-date': '2026-11-20' },
      overall: { self: 'meets', manager: 'above' },
    });
    const files = render(signed);
    const md = files.get('g2-assessment-alex-doe.md')!;
    const rows = md.split('\n').map((line) => line.replace(/ {2,}/g, ' '));
    expect(rows).toContain('| **Overall rating** | | Meets | Above (**Ratings differ**) | |');
    expect(md).toContain('**Self and manager differ on: Soil, Overall rating.**');
    expect(rows).toContain('| The person reviewed | Alex Doe | 2026-11-20 |');
    expect(rows).toContain('| Their manager | _Not signed_ | |');
    const html = files.get('g2-assessment-alex-doe.html')!;
    expect(html).toMatch(/<tfoot>\s*<tr class="differ">\s*<th scope="row">Overall rating<\/th>/);
    expect(html).toContain('<tr><th scope="row">The person reviewed</th><td>Alex Doe</td><td>2026-11-20</td></tr>');
    expect(html).toContain('<tr><th scope="row">Their manager</th><td class="nothing">Not signed</td><td></td></tr>');
  });

  it.each(['es', 'fr', 'de', 'pt', 'ja', 'ko', 'zh-Hans', 'ar', 'he', 'el', 'ru'])(
    'speaks %s, with no English word of its own left',
    (locale) => {
      const files = render(assess(), locale);
      const html = files.get([...files.keys()].find((name) => name.endsWith('.html'))!)!;
      for (const english of [
        'Ratings, axis by axis',
        'Not rated',
        'as rated',
        'Confidential',
        'Evidence and notes',
        'Nothing written',
        'Self-assessment',
        'Manager’s assessment',
        'Overall rating',
        'Not signed',
      ]) {
        expect(html).not.toContain(english);
      }
      expect(html).toMatch(/<html lang="[^"]+" dir="(ltr|rtl)">/);
      if (locale === 'ar' || locale === 'he') expect(html).toContain('dir="rtl"');
    },
  );
});
