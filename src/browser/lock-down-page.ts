import type { Browser, Page } from 'puppeteer-core';
import { trackTab } from './close-browser.js';

/**
 * Make a page print only what it was given: no JavaScript runs, and every request is aborted
 * except inlined `data:` resources, so an image or stylesheet in a ladder that points at a
 * server (or at `file:///etc/passwd`) is never fetched.
 */
export async function lockDownPage(page: Page): Promise<void> {
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
  // Sent together: neither depends on the other, and a new tab answers slowly while its renderer starts.
  await Promise.all([page.setJavaScriptEnabled(false), page.setRequestInterception(true)]);
}

/**
 * A new tab of `browser`, locked down and ready to print (see `lockDownPrintingPage`).
 */
export async function openLockedPage(browser: Browser): Promise<Page> {
  return trackTab(
    browser,
    browser.newPage().then((page) => lockDownPrintingPage(page)),
  );
}

/**
 * Lock `page` down and lay its pages out for print from the start, as they will be printed: a worksheet's
 * fields are then measured in the layout the page loaded with, instead of switching the media to print and
 * back, two more layouts, for every worksheet.
 */
export async function lockDownPrintingPage(page: Page): Promise<Page> {
  await Promise.all([lockDownPage(page), page.emulateMediaType('print')]);
  return page;
}
