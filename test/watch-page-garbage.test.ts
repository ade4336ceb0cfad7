import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/find-browser.js';
import { launchBrowser } from '../src/browser/launch-browser.js';
import { openLockedPage } from '../src/browser/lock-down-page.js';
import { watchPageGarbage } from '../src/browser/watch-page-garbage.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(await findBrowser({}));
});
afterAll(async () => {
  await browser.close();
});

/** A locked-down tab whose DevTools commands are recorded by method name. */
async function recordedPage(): Promise<{ page: Page; sent: string[] }> {
  const page = await openLockedPage(browser);
  const sent: string[] = [];
  const open = page.createCDPSession.bind(page);
  page.createCDPSession = async () => {
    const session: CDPSession = await open();
    const send = session.send.bind(session);
    session.send = ((method: string, ...rest: unknown[]) => {
      sent.push(method);
      return (send as (method: string, ...rest: unknown[]) => Promise<unknown>)(method, ...rest);
    }) as CDPSession['send'];
    return session;
  };
  return { page, sent };
}

function paragraphs(count: number): string {
  return `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${'<p>x</p>'.repeat(count)}</body></html>`;
}

/** What every tenth print asks the tab. */
const check = ['Memory.getDOMCounters', 'Runtime.getHeapUsage'];
const mebibyte = 1024 * 1024;

/** Have the tab's renderer keep `mebibytes` more in its heaps (an array buffer, outside the recording; the page's own scripts are off). */
async function holdInTab(page: Page, mebibytes: number): Promise<void> {
  const session = await page.target().createCDPSession();
  await session.send('Runtime.evaluate', {
    expression: `(globalThis.held ??= []).push(new Uint8Array(${mebibytes * mebibyte}).fill(1))`,
  });
  await session.detach();
}

/** Collect the tab's garbage outside the recording, so that it holds only the page it shows. */
async function collectNow(page: Page): Promise<void> {
  const session = await page.target().createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
}

describe('watchPageGarbage', () => {
  it('counts every tenth print and leaves a tab that holds only its page alone', async () => {
    const { page, sent } = await recordedPage();
    const afterPrint = watchPageGarbage(page);
    await page.setContent(paragraphs(300));
    await collectNow(page);
    for (let print = 1; print <= 20; print++) {
      await afterPrint();
      if (print === 9) expect(sent).toEqual([]);
    }
    expect(sent).toEqual(['Memory.getDOMCounters', 'Runtime.getHeapUsage', 'Memory.getDOMCounters', 'Runtime.getHeapUsage']);
    await page.close();
  });

  it('has the renderer collect while a document it replaced is still held, and then no more', async () => {
    const { page, sent } = await recordedPage();
    const afterPrint = watchPageGarbage(page);
    // A fresh tab keeps its first, blank document until its first collection.
    await page.setContent(paragraphs(300));
    for (let print = 1; print <= 20; print++) await afterPrint();
    expect(sent).toEqual([...check, 'HeapProfiler.collectGarbage', 'Runtime.getHeapUsage', ...check]);
    await page.close();
  });

  it('has the renderer collect when the tab holds far more nodes than a handout', async () => {
    const { page, sent } = await recordedPage();
    const afterPrint = watchPageGarbage(page);
    await page.setContent(paragraphs(12_000));
    await collectNow(page);
    for (let print = 1; print <= 10; print++) await afterPrint();
    expect(sent).toEqual([...check, 'HeapProfiler.collectGarbage', 'Runtime.getHeapUsage']);
    await page.close();
  });

  // The DOM counts stay low here, as they did while a tab's renderer grew by 0.8 MiB a page: only the heaps show it.
  it('has the renderer collect when its heaps have grown by more than the limit, and counts again from what it kept', async () => {
    const { page, sent } = await recordedPage();
    const afterPrint = watchPageGarbage(page, { mostHeapGrowth: 8 * mebibyte });
    await page.setContent(paragraphs(300));
    await collectNow(page);
    await holdInTab(page, 16);
    for (let print = 1; print <= 10; print++) await afterPrint();
    expect(sent).toEqual([...check, 'HeapProfiler.collectGarbage', 'Runtime.getHeapUsage']);
    // Still held, so still there after the collection: it is the new starting point, not a reason to collect again.
    for (let print = 1; print <= 10; print++) await afterPrint();
    expect(sent.slice(4)).toEqual(check);
    await holdInTab(page, 16);
    for (let print = 1; print <= 10; print++) await afterPrint();
    expect(sent.slice(6)).toEqual([...check, 'HeapProfiler.collectGarbage', 'Runtime.getHeapUsage']);
    await page.close();
  });

  it('leaves a tab alone while its heaps grow by less than the limit', async () => {
    const { page, sent } = await recordedPage();
    const afterPrint = watchPageGarbage(page, { mostHeapGrowth: 64 * mebibyte });
    await page.setContent(paragraphs(300));
    await collectNow(page);
    await holdInTab(page, 16);
    for (let print = 1; print <= 10; print++) await afterPrint();
    expect(sent).toEqual(check);
    await page.close();
  });
});
