import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/find-browser.js';
import { launchBrowser } from '../src/browser/launch-browser.js';
import { loadLadder } from '../src/read/load-ladder.js';
import { handoutPath, reviewPath, rolePath } from '../src/view/output-paths.js';
import { renderAll, shippedTemplates } from './support/render.js';
import { shippedBuild } from './support/shipped-build.js';
import { textLadder } from './support/text-ladder.js';

const repoRoot = path.join(import.meta.dirname, '..');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The pages are listed from the model, so that each gets a test of its own before anything is built;
// one test checks that the build wrote exactly these.
const { ladder } = await loadLadder(path.join(repoRoot, 'ladders'), repoRoot);
const expectedPages = [
  'index.html',
  ...(ladder?.roles ?? []).flatMap((role) => [
    rolePath(role, 'html'),
    ...role.positions.flatMap((position) => [handoutPath(role, position, 'html'), reviewPath(role, position, 'html')]),
  ]),
].sort();

// The pages of `ladders build` with no options, made once for every file that reads them: a folder to read only.
let built: string;
// One browser and one tab for the whole file: each page is loaded into the same warm tab.
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  [built, browser] = await Promise.all([shippedBuild(), findBrowser({}).then(launchBrowser)]);
  tab = await browser.newPage();
  // A hang detector, not a budget: the shared build may still be printing on a busy machine.
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** The axe violations of the page in the tab, as `rule at target` lines. */
async function violationsOf(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // Every rule runs as before; only the violations are reported in full, which spares axe working out
    // a selector for every element that passed (its documented way to run faster).
    const results = await (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

describe('every HTML page in a real Chromium', () => {
  it('the check itself finds a violation in a page that has one', async () => {
    await tab.setContent('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>');
    expect(await violationsOf(tab)).toContainEqual(expect.stringMatching(/^image-alt at img$/));
  });

  it('the build wrote 18 handouts, 18 review worksheets, 4 role pages and an index: the pages checked below', () => {
    const written = readdirSync(built, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => path.relative(built, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(expectedPages).toHaveLength(41);
    expect(expectedPages).toContain('engineering-manager/em6-review.html');
    expect(written).toEqual(expectedPages);
  });

  it.each(expectedPages)('%s has zero axe-core violations and renders in the shipped typeface', async (file) => {
    await tab.setContent(readFileSync(path.join(built, file), 'utf8'));
    expect(await violationsOf(tab)).toEqual([]);
    const shippedLoaded = await tab.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((face) => face.family.replace(/["']/g, '') === 'Ladders Sans' && face.status === 'loaded');
    });
    expect(shippedLoaded, `${file} renders in the shipped fonts`).toBe(true);
  });
});

describe('the pages of a ladder kept in words', async () => {
  // Handouts with groups, statements, examples and what holds at every level; a role page laid out by competency.
  const pages = renderAll(textLadder(), await shippedTemplates(), { formats: ['html'], variants: ['handout'] });

  it.each([...pages.keys()].sort())('%s has zero axe-core violations', async (file) => {
    await tab.setContent(pages.get(file)!);
    expect(await violationsOf(tab)).toEqual([]);
  });
});
