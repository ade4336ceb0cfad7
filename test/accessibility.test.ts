import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/print/find-browser.js';
import { launchBrowser } from '../src/print/launch-browser.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-axe-'));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  expect((await run(['build', '--format', 'html', '--out', scratch], repoRoot)).code).toBe(0);
  browser = await launchBrowser(await findBrowser({}));
});

afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const pages = () =>
  readdirSync(scratch, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(scratch, path.join(entry.parentPath, entry.name)))
    .sort();

/** The axe violations of a page, as `rule at target` lines. */
async function violationsOf(page: import('puppeteer-core').Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const results = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run();
    return results.violations.map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

describe('every HTML page in a real Chromium', () => {
  it('the check itself finds a violation in a page that has one', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>',
    );
    expect(await violationsOf(page)).toContainEqual(expect.stringMatching(/^image-alt at img$/));
    await page.close();
  });

  it('there are 18 handouts, 18 review worksheets, 4 role pages and an index to check', () => {
    expect(pages()).toHaveLength(41);
    expect(pages()).toContain('engineering-manager/em6-review.html');
  });

  it('has zero axe-core violations and renders in the shipped typeface', async () => {
    const page = await browser.newPage();
    const report: string[] = [];
    for (const file of pages()) {
      await page.setContent(readFileSync(path.join(scratch, file), 'utf8'));
      report.push(...(await violationsOf(page)).map((violation) => `${file}: ${violation}`));
      const interLoaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((face) => face.family.replace(/["']/g, '') === 'Inter' && face.status === 'loaded');
      });
      expect(interLoaded, `${file} renders in Inter`).toBe(true);
    }
    await page.close();
    expect(report).toEqual([]);
  });
});
