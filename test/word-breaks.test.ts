import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/find-browser.js';
import { launchBrowser } from '../src/browser/launch-browser.js';
import { findBrokenWords, wordsOf } from './support/find-broken-words.js';
import { measurePdf, type MeasuredPage } from './support/measure-pdf.js';
import { run } from './support/run.js';
import { shippedBuild } from './support/shipped-build.js';

// An ordinary word is never split at the end of a line: not in a narrow table column, not in Korean,
// which breaks between words only. Read from the printed PDFs' text, in every language a ladder ships in.

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-word-breaks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every PDF of a build, measured, by its path in the output folder. */
async function measureAll(out: string): Promise<Map<string, MeasuredPage[]>> {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.pdf'))
    .sort();
  const measured = new Map<string, MeasuredPage[]>();
  for (const file of files) measured.set(file, await measurePdf(path.join(out, file)));
  return measured;
}

/** `file page N: piece|piece` for every word a build's PDFs split, each looked up among all the build's words. */
function brokenWordsOf(measured: Map<string, MeasuredPage[]>): string[] {
  const words = wordsOf([...measured.values()].flat());
  return [...measured].flatMap(([file, pages]) => findBrokenWords(pages, words).map((found) => `${file} ${found}`));
}

/**
 * The books of a ladder, measured: they print every handout, every role's table of positions and the
 * matrix, in one print a book, so a build of them alone reads almost every page for a fraction of the time.
 */
async function build(ladders: string, out: string, ...more: string[]): Promise<Map<string, MeasuredPage[]>> {
  const result = await run(['build', '--ladders', ladders, '--out', out, '--format', 'book', ...more], repoRoot);
  expect(result.code, result.stderr).toBe(0);
  return measureAll(out);
}

// A Korean ladder whose role text and descriptions run over several lines, in paragraphs and in table
// cells: each word of it also stands whole elsewhere, so a word split at a line's end is seen.
const korean = path.join(scratch, 'korean');
cpSync(path.join(repoRoot, 'test', 'fixtures', 'locale-ko', 'input'), korean, { recursive: true });
const sentence = '개발자는 꾸준한 배포로 팀의 제품을 키워 나가며 동료의 코드 리뷰와 장애 대응을 함께 맡는다';
const role = readFileSync(path.join(korean, 'developer.md'), 'utf8')
  .replace('개발자는 팀이 내놓는 것을 만듭니다.', `${sentence}. ${sentence}. ${sentence}.`)
  .replace('견고한 모듈을 만든다', `견고한 모듈을 만든다. ${sentence}`)
  .replace('팀의 도구를 익힌다', `팀의 도구를 익힌다. ${sentence}`);
writeFileSync(path.join(korean, 'developer.md'), role);
writeFileSync(
  path.join(korean, 'README.md'),
  readFileSync(path.join(korean, 'README.md'), 'utf8').replace('오래가는 것을 만든다', `오래가는 것을 만든다. ${sentence}`),
);

// The shipped stylesheet, with words let go again: any break in a table cell, and Korean between syllables.
const breakingTemplates = path.join(scratch, 'breaking-templates');
cpSync(path.join(repoRoot, 'templates', 'print.css'), path.join(breakingTemplates, 'print.css'));
writeFileSync(path.join(breakingTemplates, 'print.css'), '\ntd, th { overflow-wrap: anywhere; } :lang(ko) { word-break: normal; }\n', {
  flag: 'a',
});
const locales = ['ko', 'ja', 'zh-Hans', 'ar', 'he', 'el', 'ru'];

describe('no word is split at the end of a line', () => {
  // Every build's PDFs, measured once, by the build's name.
  const builds = new Map<string, Map<string, MeasuredPage[]>>();
  beforeAll(async () => {
    builds.set('a4', await measureAll(await shippedBuild()));
    builds.set('letter', await build(path.join(repoRoot, 'ladders'), path.join(scratch, 'letter'), '--paper', 'letter'));
    builds.set('korean', await build(korean, path.join(scratch, 'korean-out')));
    builds.set('breaking', await build(korean, path.join(scratch, 'korean-breaking'), '--templates', breakingTemplates));
    for (const locale of locales)
      builds.set(
        locale,
        await build(path.join(repoRoot, 'test', 'fixtures', `locale-${locale.toLowerCase()}`, 'input'), path.join(scratch, locale)),
      );
    // A hang detector, not a budget: a dozen builds printed and read on a busy machine.
  }, 600_000);

  it('the check finds the words a stylesheet that breaks anywhere splits', () => {
    expect(brokenWordsOf(builds.get('breaking')!)).toEqual(expect.arrayContaining([expect.stringMatching(/개발\|자는$/)]));
  });

  it('in the shipped ladders’ handouts, worksheets and books on A4, and their books on Letter', () => {
    expect(brokenWordsOf(builds.get('a4')!)).toEqual([]);
    expect(brokenWordsOf(builds.get('letter')!)).toEqual([]);
  });

  it('nor a rank ("3 of 5") at its spaces, in the shipped ladders', () => {
    for (const build of ['a4', 'letter'])
      for (const [file, pages] of builds.get(build)!)
        for (const page of pages)
          expect(
            page.texts.filter((text) => /\d of$|^of \d/.test(text.text)).map((text) => `${file} page ${page.number}: ${text.text}`),
          ).toEqual([]);
  });

  it('in Korean, which breaks between words, at spaces', () => {
    expect(brokenWordsOf(builds.get('korean')!)).toEqual([]);
  });

  it.each(locales)('in the %s ladder', (locale) => {
    expect(brokenWordsOf(builds.get(locale)!)).toEqual([]);
  });
});

describe('the HTML pages in a window 1000 px and 600 px wide', () => {
  let browser: Browser;
  let tab: Page;
  let shipped: string;
  beforeAll(async () => {
    [shipped, browser] = await Promise.all([shippedBuild(), findBrowser({}).then(launchBrowser)]);
    tab = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The words of the page's table cells and headings that take more than one line box: a word split across lines. */
  async function splitWords(file: string): Promise<string[]> {
    // The printing browser loads nothing but the page itself, as the accessibility check does; the pages need nothing else.
    await tab.setContent(readFileSync(path.join(shipped, file), 'utf8'));
    return tab.evaluate(() => {
      const split: string[] = [];
      for (const cell of document.querySelectorAll('th, td, h1, h2, h3, dt, dd, li')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (lines.size > 1) split.push(match[0]);
          }
        }
      }
      return split;
    });
  }

  it('the check finds a word split in a column too narrow for it', async () => {
    await tab.setContent('<table style="width:60px"><tr><td style="overflow-wrap:anywhere">Seniority</td></tr></table>');
    const html = path.join(scratch, 'narrow.html');
    writeFileSync(html, await tab.content());
    expect(await splitWords(path.relative(shipped, html))).toEqual(['Seniority']);
  });

  it.each(
    [1000, 600].flatMap((width) =>
      ['index.html', 'developer/index.html', 'engineering-manager/em6.html', 'engineering-manager/index.html'].map(
        (file) => [file, width] as const,
      ),
    ),
  )('%s at %i px splits no word', async (file, width) => {
    await tab.setViewport({ width, height: 800 });
    expect(await splitWords(file)).toEqual([]);
  });
});
