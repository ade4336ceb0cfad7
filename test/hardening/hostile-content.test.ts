import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserPids } from '../support/browser-processes.js';
import { startRequestRecorder } from '../support/request-recorder.js';
import { hashTree, listTree } from '../support/tree.js';
import { readMessageLines, runCaught, type CaughtResult } from './cli-messages.js';
import { tinyIntroduction, writeLadder } from './tiny-ladder.js';
import { openPdf, readPdfText } from '../support/pdf.js';

// One valid ladder whose every piece of text is hostile: markup, scripts, event handlers,
// `javascript:` and `file:` URLs, references to a local server, CSS, Handlebars and a
// 5,000-character word. Built as PDF, HTML and Markdown, it must come out as inert text, and
// nothing may reach the server or be written outside the output folder.

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-hostile-'));
const recorder = await startRequestRecorder();
const { origin, requests } = recorder;

const longWord = 'Supercalifragilistic'.repeat(250);
const script = '<script>alert(1)</script>';
const imgOnError = '<img src=x onerror=alert(1)>';
const handlers = '<div onmouseover="alert(1)" onclick=alert(1)>hover</div> <svg onload=alert(1)></svg> <body onload="alert(1)">';
const handlebars = '{{constructor.constructor}} {{> partial}} {{{triple}}} {{#each this}}each{{/each}} {{lookup this "constructor"}}';

/** Every way a ladder's text can point at the server, as Markdown, HTML and CSS. */
function serverReferences(name: string): string {
  return [
    `![remote](${origin}/${name}/md-image.png)`,
    `[link](${origin}/${name}/md-link)`,
    `<${origin}/${name}/autolink>`,
    `<img src="${origin}/${name}/raw-image.png">`,
    `<link rel="stylesheet" href="${origin}/${name}/link.css">`,
    `<style>@import url(${origin}/${name}/import.css); body{background:url(${origin}/${name}/css)}</style>`,
    `<span style="background:url(${origin}/${name}/inline-style)">styled</span>`,
    `<iframe src="${origin}/${name}/iframe"></iframe>`,
    `<video poster="${origin}/${name}/poster.png"></video>`,
    `<object data="${origin}/${name}/object"></object>`,
    `<script src="${origin}/${name}/script.js"></script>`,
  ].join(' ');
}

const localFile = '![x](file:///etc/passwd) <img src="file:///etc/passwd"> <a href="file:///etc/passwd">passwd</a>';
const javascriptLinks = '[click](javascript:alert(1)) <javascript:alert(1)> <a href="javascript:alert(1)">a</a>';

function hostileIntroduction(): string {
  return `---
version: "${imgOnError}"
---
${tinyIntroduction
  .replace('# Tiny Framework', `# Tiny ${script} Framework`)
  .replace('* **Craft**: how well someone builds', `* **Craft**: how well someone builds ${handlers} ${serverReferences('axis-summary')}`)
  .replace('1. **Tinkers**: tries things out', `1. **Tinkers**: tries things out ${script} ${localFile} ${longWord}`)}`;
}

function hostileRolePage(): string {
  return `# Hostile ${script} Role

Summary ${imgOnError} ${javascriptLinks} ${localFile} ${serverReferences('summary')} ${handlebars} ${longWord}

<style>body{background:url(${origin}/block/css)}</style>

<script src="${origin}/block/script.js"></script>

<meta http-equiv="refresh" content="0;url=${origin}/block/refresh"><base href="${origin}/block/base/">

## H1 - Hostile ${script} One

![chart](${origin}/chart/chart.png)

<picture>
  <source media="(prefers-color-scheme: dark)" srcset="${origin}/chart/dark.png">
  <img alt="chart" src="${origin}/chart/light.png">
</picture>

* **Tinkers**: ${script} ${imgOnError} ${handlers} ${javascriptLinks} ${localFile}
* **Task**: ${serverReferences('bullet')}
* **Listens**: ${handlebars} ${longWord}

## H2 - Hostile ${imgOnError} Two

* **Builds**: builds ${script}
* **Project**: ${serverReferences('second')}
* **Helps**: helps ${longWord}
`;
}

/** A role page whose front matter carries the hostile text instead of its headings. */
function frontMatterRolePage(): string {
  return `---
title: "Front ${script} Matter"
summary: "From front matter ${imgOnError} ${handlebars.replaceAll('"', "'")}"
---
# Ignored title

## F1 - Front 1

* **Tinkers**: t
* **Task**: t
* **Listens**: l
`;
}

afterAll(async () => {
  await recorder.close();
  rmSync(scratch, { recursive: true, force: true });
  // The build removes its browser profile folder once the browser has exited, without being awaited:
  // give it that moment, or the folder outlives this test file's worker.
  for (let waited = 0; browserPids().length > 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 20_000);

/** Every output file of one format, with its text. */
function outputsOf(out: string, extension: string): [string, string][] {
  return listTree(out)
    .filter((file) => file.endsWith(extension))
    .map((file) => [file, readFileSync(path.join(out, file), 'utf8')]);
}

/** The start tags of an HTML or SVG document: only these are markup; everything else is text. */
function startTags(html: string): string[] {
  return [...html.matchAll(/<[A-Za-z][^<>]*>/g)].map((match) => match[0]);
}

/** The contents of the document's `<style>` elements. */
function styleElements(html: string): string[] {
  return [...html.matchAll(/<style[^>]*>([^]*?)<\/style>/gi)].map((match) => match[1] ?? '');
}

/** Every node of a Markdown tree, depth first. */
function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => allNodes(child)) : [])];
}

async function pdfText(file: string): Promise<string> {
  return readPdfText(await openPdf(new Uint8Array(readFileSync(file))));
}

describe('a ladder of hostile text, built as PDF, HTML and Markdown', () => {
  const work = path.join(scratch, 'work');
  const ladders = path.join(work, 'ladders');
  const out = path.join(work, 'out');
  let build: CaughtResult;
  let scratchBefore: string[] = [];
  let laddersBefore: Record<string, string> = {};

  beforeAll(async () => {
    writeLadder(ladders, { 'README.md': hostileIntroduction(), 'hostile.md': hostileRolePage(), 'front.md': frontMatterRolePage() });
    scratchBefore = readdirSync(scratch);
    laddersBefore = hashTree(ladders);
    build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'pdf,html,md'], work);
  }, 180_000);

  it('builds: the ladder is valid, and long words and markup do not break it', () => {
    expect(build.thrown).toBeUndefined();
    expect(build.code, build.stderr).toBe(0);
    expect(listTree(out)).toEqual(
      expect.arrayContaining([
        'hostile/h1.pdf',
        'hostile/h1.html',
        'hostile/h1.md',
        'hostile/h2.pdf',
        'front/f1.pdf',
        'index.html',
        'README.md',
      ]),
    );
  });

  it('sends not a single request to the server the text points at', () => {
    expect(requests).toEqual([]);
  });

  it('writes nothing outside the output folder', () => {
    expect(readdirSync(scratch)).toEqual(scratchBefore);
    expect(readdirSync(work).sort()).toEqual(['ladders', 'out']);
    expect(hashTree(ladders)).toEqual(laddersBefore);
  });

  it('HTML: no script, no event handler, no javascript: or file: URL, no server reference survives as markup', () => {
    const pages = outputsOf(out, '.html');
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const [file, html] of pages) {
      const tags = startTags(html);
      expect(
        tags.filter((tag) =>
          /^<(script|iframe|object|embed|base|meta http-equiv|link|video|audio|picture|source|form|svg[^>]*onload)/i.test(tag),
        ),
        file,
      ).toEqual([]);
      expect(
        tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag)),
        file,
      ).toEqual([]);
      expect(
        tags.filter((tag) => /(javascript|file):/i.test(tag)),
        file,
      ).toEqual([]);
      expect(
        tags.filter((tag) => tag.includes(origin) || /\b(src|href|srcset|poster|data)\s*=\s*["']?\s*(https?:|\/\/)/i.test(tag)),
        file,
      ).toEqual([]);
      for (const style of styleElements(html)) {
        expect(style, file).not.toContain(origin);
        expect(style, file).not.toMatch(/url\(\s*["']?\s*(https?:|file:|javascript:|\/\/)/i);
      }
    }
  });

  it('HTML: the hostile text is there, escaped, as text', () => {
    const handout = readFileSync(path.join(out, 'hostile', 'h1.html'), 'utf8');
    expect(handout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(handout).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(handout).toContain('&lt;div onmouseover&#x3D;&quot;alert(1)&quot; onclick&#x3D;alert(1)&gt;');
    expect(handout).toContain('&lt;a href&#x3D;&quot;file:///etc/passwd&quot;&gt;');
    expect(handout).toContain('{{constructor.constructor}} {{&gt; partial}} {{{triple}}}');
    expect(handout).toContain(longWord);
    expect(readFileSync(path.join(out, 'front', 'f1.html'), 'utf8')).toContain('Front &lt;script&gt;alert(1)&lt;/script&gt; Matter');
  });

  it('SVG charts: no script, no event handler, no reference out', () => {
    const charts = outputsOf(out, '.svg');
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const [file, svg] of charts) {
      const tags = startTags(svg);
      expect(
        tags.filter((tag) => /^<(script|foreignObject|image|use|a)\b/i.test(tag) || /\son[a-z]+\s*=/i.test(tag)),
        file,
      ).toEqual([]);
      expect(
        tags.filter((tag) => /(javascript|file):|\bhref\s*=/i.test(tag) || tag.includes(origin)),
        file,
      ).toEqual([]);
    }
  });

  /** The URL of every link, image and definition of each Markdown output, as GitHub-flavoured Markdown reads it. */
  const markdownLinks = () =>
    outputsOf(out, '.md').map(([file, markdown]) => {
      const nodes = allNodes(unified().use(remarkParse).use(remarkGfm).parse(markdown));
      return {
        file,
        nodes,
        urls: nodes.flatMap((node) => (node.type === 'link' || node.type === 'image' || node.type === 'definition' ? [node.url] : [])),
      };
    });

  it('Markdown: no raw HTML, no javascript: or file: link, no image from anywhere but the output folder', () => {
    const pages = markdownLinks();
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const { file, nodes, urls } of pages) {
      // A worksheet's only HTML is its fields' own comments, whose names and origin are made by the tool, not written in the ladder.
      const worksheetComment = /^(?:<!-- (?:ladders-worksheet \{[^<>\n]*\}|\/?[a-z0-9][a-z0-9.-]*|[a-z0-9][a-z0-9.-]*=[a-z]+) -->)+$/;
      expect(
        nodes
          .filter((node) => node.type === 'html')
          .map((node) => toString(node))
          .filter((html) => !(file.endsWith('-review.md') && worksheetComment.test(html))),
        file,
      ).toEqual([]);
      expect(
        urls.filter((url) => /^\s*(javascript|file|data|vbscript):/i.test(url)),
        file,
      ).toEqual([]);
      const images = nodes.flatMap((node) => (node.type === 'image' ? [node.url] : []));
      expect(
        images.filter((url) => !/^[A-Za-z0-9._/-]+$/.test(url) || url.startsWith('//')),
        file,
      ).toEqual([]);
    }
  });

  it('Markdown: a URL written as text in the ladder does not become a live link to it', () => {
    // HTML shows such a URL as text; in Markdown, GitHub's autolinking makes `http://…` text a link unless it is defused.
    const live = markdownLinks().flatMap(({ file, urls }) =>
      urls.filter((url) => !/^[A-Za-z0-9._/#-]+$/.test(url)).map((url) => `${file}: ${url}`),
    );
    expect(live).toEqual([]);
  });

  it('Markdown: the hostile text reads back literally', () => {
    const tree: Root = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(readFileSync(path.join(out, 'hostile', 'h1.md'), 'utf8'));
    // A word joiner (U+2060) keeps URLs from turning into links; it is invisible, so a reader sees the text as written.
    const text = toString(tree).replaceAll('\u2060', '');
    for (const literal of [
      script,
      imgOnError,
      '<div onmouseover="alert(1)" onclick=alert(1)>hover</div>',
      '<a href="file:///etc/passwd">passwd</a>',
      handlebars,
      longWord,
    ])
      expect(text).toContain(literal);
  });

  it('PDF: the hostile text is printed literally', async () => {
    const text = (await pdfText(path.join(out, 'hostile', 'h1.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain(script);
    expect(text).toContain('onerror=alert(1)');
    expect(text).toContain('{{constructor.constructor}}');
    expect(text).toContain('{{> partial}}');
    expect(text).toContain(`${origin}/bullet/autolink`);
    // The long word is broken across lines (see the next test).
    expect(text.replace(/\s/g, '')).toContain(longWord.slice(0, 100));
  });

  it('PDF: a 5,000-character word is wrapped onto the page, not cut off at its edge', async () => {
    // Printed, the word is broken across lines; every piece of it must be on the page.
    const text = (await pdfText(path.join(out, 'hostile', 'h1.pdf'))).replace(/\s/g, '');
    expect(text).toContain(longWord);
  });
});

describe('a role id that is a path', () => {
  it('`id: ../../x` in front matter is a validation error, and nothing is written anywhere', async () => {
    const work = path.join(scratch, 'path-id', 'deeper', 'work');
    mkdirSync(work, { recursive: true });
    const page = frontMatterRolePage().replace(/^---\ntitle: .*\n/, '---\nid: ../../x\ntitle: Path\n');
    writeLadder(path.join(work, 'ladders'), { 'README.md': tinyIntroduction, 'path.md': page });
    const before = listTree(path.join(scratch, 'path-id'));
    const build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'pdf,html,md'], work);
    expect(build.thrown).toBeUndefined();
    expect(build.code).toBe(1);
    const errors = readMessageLines(build.stderr, { summary: false }).filter((message) => message.severity === 'error');
    expect(errors.map((error) => `${error.file}:${error.line}:${error.column} ${error.rule}`)).toEqual([
      'ladders/path.md:2:1 broken-front-matter',
    ]);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
    expect(listTree(path.join(scratch, 'path-id'))).toEqual(before);
    expect(existsSync(path.join(work, '..', '..', 'x'))).toBe(false);
  }, 60_000);
});
