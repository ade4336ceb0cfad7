import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../src/tool-version.js';
import { browserPids } from './support/browser-processes.js';
import { readPdf } from './support/pdf.js';
import { startRequestRecorder } from './support/request-recorder.js';
import { run } from './support/run.js';
import { shippedBuild } from './support/shipped-build.js';
import { hashTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
const recorder = await startRequestRecorder();
afterAll(recorder.close);
// `ladders build` with no options, made once for every file that reads it; it fails the file if the build does.
const out = await shippedBuild();

describe('ladders build (pdf, html and md by default)', () => {
  it('prints all 18 handouts and 18 review worksheets', () => {
    // The handouts and worksheets: not the books (`ladder.pdf`, `<role-id>/<role-id>.pdf`), which book.test.ts reads.
    const pdfs = Object.keys(hashTree(out)).filter((file) => file.endsWith('.pdf') && !/^(?:ladder|([^/]+)\/\1)\.pdf$/.test(file));
    expect(pdfs.filter((file) => !file.endsWith('-review.pdf'))).toHaveLength(18);
    expect(pdfs.filter((file) => file.endsWith('-review.pdf'))).toHaveLength(18);
  });

  it('puts the expectations, the change and the page footer in em6.pdf, on at most two A4 pages', async () => {
    const em6 = await readPdf(path.join(out, 'engineering-manager', 'em6.pdf'));
    expect(em6.text).toContain('Evolves');
    expect(em6.text).toContain('Defines');
    expect(em6.text).toMatch(/System: Owns → Evolves/);
    expect(em6.text).toContain('EM6 — Engineering Manager 6');
    expect(em6.text).toMatch(/1 ?\/ ?2/);
    expect(em6.pages).toBeLessThanOrEqual(2);
    expect(em6.size).toEqual([595, 842]);
  });

  it('describes each PDF: title, subject, keywords, creator, no wall-clock date; tagged, with bookmarks', async () => {
    const em6 = await readPdf(path.join(out, 'engineering-manager', 'em6.pdf'));
    expect(em6.info).toMatchObject({
      Title: 'EM6 — Engineering Manager 6',
      Creator: `ladders ${toolVersion}`,
      Subject: 'What the Engineering Manager position EM6 expects, axis by axis, in Engineering Career Ladders',
    });
    expect(String(em6.info.Keywords)).toContain('Evolves');
    expect(em6.info).not.toHaveProperty('CreationDate');
    expect(await em6.pdf.getMarkInfo()).toMatchObject({ Marked: true });
    expect((await em6.pdf.getOutline())?.map((entry) => entry.title)).toContain('EM6 Engineering Manager 6');
  });

  it('builds byte-identical files a second time', async () => {
    // One role is enough to compare every kind of file, and keeps this test from printing all 36 PDFs again.
    const again = path.join(scratch, 'again');
    expect((await run(['build', '--only', 'engineering-manager', '--out', again], repoRoot, env)).code).toBe(0);
    const { '.ladders-manifest.json': manifest, ...rebuilt } = hashTree(again);
    expect(manifest).toBeDefined();
    expect(Object.keys(rebuilt).filter((file) => file.endsWith('.pdf'))).toHaveLength(6);
    const firstBuild = hashTree(out);
    // The role's own page lists what the build made, and an `--only` build makes no books to link to.
    const rolePages = ['engineering-manager/index.html', 'engineering-manager/README.md'];
    const handouts = Object.keys(rebuilt).filter((file) => !rolePages.includes(file));
    expect(handouts).toHaveLength(Object.keys(rebuilt).length - rolePages.length);
    expect(Object.fromEntries(handouts.map((file) => [file, rebuilt[file]]))).toEqual(
      Object.fromEntries(handouts.map((file) => [file, firstBuild[file]])),
    );
  });

  it('dates PDFs from SOURCE_DATE_EPOCH and prints on Letter with --paper letter', async () => {
    const dated = path.join(scratch, 'dated');
    const result = await run(['build', '--only', 'D1', '--format', 'pdf', '--paper', 'letter', '--out', dated], repoRoot, {
      ...process.env,
      SOURCE_DATE_EPOCH: '1764547200',
    });
    expect(result.code, result.stderr).toBe(0);
    const d1 = await readPdf(path.join(dated, 'developer', 'd1.pdf'));
    expect(d1.info.CreationDate).toBe('D:20251201000000Z');
    expect(d1.size).toEqual([612, 792]);
    expect(d1.pages).toBeLessThanOrEqual(2);
  });
});

describe('page fit', () => {
  it('prints a handout on one page when its content allows', async () => {
    const small = path.join(scratch, 'small');
    const result = await run(
      ['build', '--ladders', path.join(repoRoot, 'test', 'fixtures', 'reader-basic', 'input'), '--format', 'pdf', '--out', small],
      repoRoot,
    );
    expect(result.code, result.stderr).toBe(0);
    for (const code of ['m1', 'm2']) expect((await readPdf(path.join(small, 'maker', `${code}.pdf`))).pages).toBe(1);
  });
});

describe('printing is locked down', () => {
  const { origin, requests } = recorder;

  it('fetches nothing a ladder or a template points at', async () => {
    const ladders = path.join(scratch, 'hostile-ladders');
    cpSync(path.join(repoRoot, 'ladders'), ladders, { recursive: true });
    const page = path.join(ladders, 'engineering-manager.md');
    writeFileSync(
      page,
      readFileSync(page, 'utf8')
        .replace(
          '## EM5 - Engineering Manager 5\n',
          `## EM5 - Engineering Manager 5\n\n![chart](${origin}/markdown-image.png)\n\n<img src="${origin}/html-image.png">\n`,
        )
        .replace('**Owns**: owns', `**Owns**: [owns](${origin}/link) <img src="${origin}/inline.png">`),
    );
    // A template can hold markup, so this proves the browser itself refuses to fetch or run anything.
    const templates = path.join(scratch, 'hostile-templates', 'partials');
    mkdirSync(templates, { recursive: true });
    writeFileSync(
      path.join(templates, 'chart.html.hbs'),
      `<img alt="" src="${origin}/template.png"><link rel="stylesheet" href="${origin}/style.css"><script>fetch('${origin}/script')</script><style>body{background:url(${origin}/css.png)}</style>`,
    );
    const result = await run(
      [
        'build',
        '--ladders',
        ladders,
        '--templates',
        path.dirname(templates),
        '--only',
        'engineering-manager',
        '--format',
        'pdf',
        '--out',
        path.join(scratch, 'hostile-out'),
      ],
      scratch,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(requests).toEqual([]);
  });
});

describe('printing failures', () => {
  it('a --browser that is not an executable ends the build with exit 3 and a clear message, writing nothing', async () => {
    // Every format: the HTML, Markdown and charts need no browser, but a build that cannot make all it was asked for makes none of it.
    const failed = path.join(scratch, 'failed');
    const result = await run(['build', '--browser', path.join(scratch, 'no-browser'), '--out', failed], repoRoot);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('is not an executable file');
    expect(() => readdirSync(failed)).toThrow(/ENOENT/);
  });
});

describe('a content error', () => {
  const broken = path.join(scratch, 'broken-ladders');
  beforeAll(() => {
    cpSync(path.join(repoRoot, 'ladders'), broken, { recursive: true });
    const page = path.join(broken, 'engineering-manager.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Evolves', 'Evolvs'));
  });

  it('closes the browser that started while the ladders were read, and writes nothing', async () => {
    const failed = path.join(scratch, 'content-error');
    const result = await run(['build', '--ladders', broken, '--out', failed], repoRoot);
    expect(result.code, result.stderr).toBe(1);
    expect(browserPids()).toEqual([]);
    expect(() => readdirSync(failed)).toThrow(/ENOENT/);
  });

  it('comes before a browser that cannot be found', async () => {
    const result = await run(
      ['build', '--ladders', broken, '--browser', path.join(scratch, 'no-browser'), '--out', path.join(scratch, 'x')],
      repoRoot,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('no-browser');
  });
});

describe('a browser that cannot start', () => {
  it('ends the build with exit 3 and the launch error, no stack trace', async () => {
    const fake = path.join(scratch, 'fake-browser');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const failed = path.join(scratch, 'fake-out');
    const result = await run(['build', '--only', 'EM6', '--browser', fake, '--out', failed], repoRoot);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Could not start the browser `.*fake-browser`/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(() => readdirSync(failed)).toThrow(/ENOENT/);
  });
});
