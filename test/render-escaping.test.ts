import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { toLadder } from '../src/read/load-ladder.js';
import { escapeMarkdown } from '../src/render/escape-markdown.js';
import { cssString } from '../src/view/to-views.js';
import { pageOf, shippedIntroduction } from './support/in-memory.js';
import { renderAll, shippedTemplates } from './support/render.js';

// A description that is Markdown, HTML and Handlebars at once; every output must show it as text.
const hostile = String.raw`<script>alert(1)</script> \*stars\* a | b {{name}} <img src=x onerror=alert(2)> [link](javascript:alert(3))`;
// The link is Markdown in the ladder, so the model keeps its text and drops its target.
const literal = '<script>alert(1)</script> *stars* a | b {{name}} <img src=x onerror=alert(2)> link';

const page = `# Hostile <b>Role</b>

A summary with <em>markup</em> and {{helper}}.

## EM5 - Engineering Manager 5

* **Evangelizes**: ${hostile}
* **Owns**: owns
* **Manages**: manages
* **Adjusts**: adjusts
* **Team**: team
`;

const { ladder } = toLadder([pageOf('hostile.md', page)], shippedIntroduction, '.');
if (!ladder) throw new Error('the hostile page does not load');
const outputs = renderAll(ladder, await shippedTemplates());

describe('ladder text in the outputs', () => {
  it('reads into the model as the literal text', () => {
    expect(ladder.roles[0]?.positions[0]?.cells[0]?.rung?.description).toBe(literal);
  });

  it('is HTML-escaped in HTML: no markup, no script, no handler', () => {
    const html = outputs.get('hostile/em5.html') ?? '';
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; *stars* a | b {{name}} &lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    expect(html).not.toMatch(/<script|<img|onerror=|href="javascript/i);
    expect(outputs.get('hostile/index.html')).toContain('Hostile &lt;b&gt;Role&lt;/b&gt;');
  });

  it('is Markdown-escaped in Markdown: it parses back to the same text, with no HTML or links', () => {
    const markdown = outputs.get('hostile/em5.md') ?? '';
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const kinds = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }) => {
      kinds.add(node.type);
      for (const child of (node.children ?? []) as { type: string }[]) visit(child);
    };
    visit(tree);
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('emphasis')).toBe(false);
    const cells = tree.children
      .filter((node) => node.type === 'table')
      .flatMap((table) => table.children.flatMap((row) => row.children.map((cell) => toString(cell))));
    expect(cells).toContain(literal);
    expect(markdown).toContain(String.raw`a \| b`);
    const links = new Set<string>();
    const collect = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' || node.type === 'image') links.add(node.url ?? '');
      for (const child of (node.children ?? []) as { type: string }[]) collect(child);
    };
    collect(tree);
    expect([...links].filter((url) => !/^[A-Za-z0-9./-]+$/.test(url))).toEqual([]);
  });

  it('keeps Handlebars expressions in text as text in both formats', () => {
    expect(outputs.get('README.md')).toContain('{{helper}}');
    expect(outputs.get('hostile/em5.html')).toContain('A summary with &lt;em&gt;markup&lt;/em&gt; and {{helper}}.');
  });
});

describe('cssString', () => {
  it('quotes text for CSS so it cannot end the string or the style element', () => {
    expect(cssString('EM6 — "Lead" </style><script>x</script>\\')).toBe(
      '"EM6 — \\22 Lead\\22  \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \\5c "',
    );
  });

  it('puts the position in the page footer of the HTML handout', () => {
    expect(outputs.get('hostile/em5.html')).toContain('@bottom-left { content: "EM5 — Engineering Manager 5";');
  });
});

describe('escapeMarkdown', () => {
  it.each(['*a*', '_a_', '`a`', '<a>', '[a](b)', '# a', '1. a', '- a', 'a | b', '~~a~~', '&amp;', '\\*'])(
    '%s parses back to itself as text',
    (text) => {
      const tree = unified().use(remarkParse).use(remarkGfm).parse(escapeMarkdown(text));
      expect(toString(tree)).toBe(text);
      expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
    },
  );
});
