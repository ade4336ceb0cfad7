import type { Browser, Page } from 'puppeteer-core';

/**
 * Make a page print only what it was given: no JavaScript runs, and every request is aborted
 * except inlined `data:` resources, so an image or stylesheet in a ladder that points at a
 * server (or at `file:///etc/passwd`) is never fetched.
 */
export async function lockDownPage(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
}

/**
 * A new tab of `browser`, locked down and ready to print. Its pages are laid out for print from the
 * start, as they will be printed: a worksheet's fields are then measured in the layout the page loaded
 * with, instead of switching the media to print and back, two more layouts, for every worksheet.
 */
export async function openLockedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await lockDownPage(page);
  await page.emulateMediaType('print');
  return page;
}
