import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

// The guides fixture: an introduction with FAQs and a how-to section, a role whose text links to a
// guide, and a guide page with local, site-absolute, remote and missing images, links between
// pages, and raw HTML that must not survive (script, style, iframe, event handlers, javascript:).
const input = path.join(import.meta.dirname, 'fixtures', 'reader-guides', 'input');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-guides-'));
const out = path.join(scratch, 'out');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

beforeAll(async () => {
  const result = await run(['build', '--ladders', input, '--format', 'html,md', '--out', out, '--quiet'], scratch);
  expect(result.code, result.stderr).toBe(0);
}, 60_000);

describe('guides as pages', () => {
  it('makes a page per guide page and per guide section of the introduction, in both formats', () => {
    for (const id of ['using-the-ladder', 'faqs', 'balancing']) {
      expect(read(`guides/${id}.html`)).toContain('<body class="guide">');
      expect(read(`guides/${id}.md`)).toMatch(/^# /m);
    }
  });

  it('lists the guides on the index', () => {
    expect(read('index.html')).toContain('<a href="guides/balancing.html">Balancing</a>');
    expect(read('README.md')).toContain('[Balancing](guides/balancing.md)');
  });

  it('keeps a guide real Markdown: headings with their anchors, tables, emphasis, lists', () => {
    const html = read('guides/balancing.html');
    expect(html).toContain('<h2 id="two-sides">Two sides</h2>');
    expect(html).toMatch(/<table>[\s\S]*<em>Speed<\/em>[\s\S]*<strong>Quality<\/strong>/);
    // A link to the web keeps its words, as all ladder text does: nothing points at a server.
    expect(read('guides/faqs.html')).toMatch(/<ul>\s*<li>A reading list: books the team liked<\/li>/);
  });

  it('rewrites links between ladder pages to the output pages', () => {
    const html = read('guides/balancing.html');
    expect(html).toContain('<a href="../maker/m1.html">maker</a>');
    expect(html).toContain('<a href="balancing.html#two-sides">two sides</a>');
    expect(read('guides/faqs.html')).toContain('<a href="balancing.html#two-sides">Our balance guide</a>');
    expect(read('guides/using-the-ladder.md')).toContain("[maker's page](../maker/README.md)");
  });

  it('inlines local and site-absolute images, and a picture by its img', () => {
    const html = read('guides/balancing.html');
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Two pulls in balance">/);
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="A light square">/);
    expect(read('guides/balancing.md')).toMatch(/!\[Two pulls in balance\]\(data:image\/png;base64,/);
  });

  it('lets no script, handler, style, frame or remote reference through', () => {
    for (const file of ['guides/balancing.html', 'guides/balancing.md']) {
      const page = read(file);
      const body = page.slice(page.indexOf('</head>') + 1);
      for (const banned of [
        '<script',
        'onerror',
        'onclick',
        '<iframe',
        'javascript:',
        'file:',
        'images.example.com',
        'evil.example.com',
        'example.com/reading',
        'display: none',
      ])
        expect(body, `${file} has ${banned}`).not.toContain(banned);
      expect(body).not.toMatch(/<style/);
    }
  });

  it('shows a role its whole text, with working links, and links the guides it names', () => {
    const html = read('maker/index.html');
    expect(html).toContain('<a href="../guides/balancing.html">balancing guide</a>');
    expect(html).toContain('<a href="../guides/faqs.html">FAQs</a>');
    expect(html).toContain('<a href="m2.html">see M2</a>');
    expect(html).toMatch(/Read also: <a href="..\/guides\/faqs.html">FAQs<\/a>, <a href="..\/guides\/balancing.html">Balancing<\/a>/);
    expect(read('maker/README.md')).toContain('[balancing guide](../guides/balancing.md)');
  });

  it('keeps only the first paragraph on a handout', () => {
    const html = read('maker/m1.html');
    expect(html).toContain('Makers build the things the team ships.');
    expect(html).not.toContain('balancing guide');
  });
});
