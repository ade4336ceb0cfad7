import type { Browser } from 'puppeteer-core';

/** The tabs of each browser still being opened or set up. */
const opening = new WeakMap<Browser, Set<Promise<unknown>>>();

/** `tab`, a tab of `browser` being opened or set up, counted until it is ready so that `closeBrowser` can wait for it. */
export function trackTab<T>(browser: Browser, tab: Promise<T>): Promise<T> {
  const tabs = opening.get(browser) ?? new Set();
  opening.set(browser, tabs);
  const settled = tab.then(
    () => undefined,
    () => undefined,
  );
  tabs.add(settled);
  void settled.then(() => tabs.delete(settled));
  return tab;
}

/**
 * Close `browser` once the tabs being opened in it are ready. Puppeteer waits 30 s for a tab whose browser closed
 * while it was being created, and that wait kept a build that had failed on its content from exiting; a tab closed
 * while it was being set up fails in ways nobody is listening for.
 */
export async function closeBrowser(browser: Browser): Promise<void> {
  const tabs = opening.get(browser);
  if (tabs && tabs.size > 0 && browser.connected) {
    // A browser that went away opens nothing more: waiting for its tabs would not help.
    const gone = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
    while (tabs.size > 0 && browser.connected) await Promise.race([Promise.all(tabs), gone]);
  }
  await browser.close();
}
