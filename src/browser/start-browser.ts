import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { closeBrowser, trackTab } from './close-browser.js';
import { findBrowser, type BrowserChoice } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import { lockDownPrintingPage, openLockedPage } from './lock-down-page.js';

/** A browser being found and launched ahead of need. */
export interface StartingBrowser {
  choice: Promise<BrowserChoice>;
  browser: Promise<Browser>;
  /** Tabs opened and locked down as soon as the browser is up, one per CPU like the print pool; each is printed in as soon as it is ready. */
  tabs: readonly Promise<Page>[];
  /** Close the browser if it started; safe to call more than once, and after whoever printed with it closed it. */
  close: () => Promise<void>;
}

/**
 * Find and launch the browser now, and open its tabs, so that their start-up (half a second or more)
 * overlaps reading the ladders, which it does not depend on. A failure is kept for whoever awaits `choice` or `browser`:
 * it matters only if there turns out to be something to print.
 */
export function startBrowser(explicitPath: string | undefined, env: NodeJS.ProcessEnv): StartingBrowser {
  const choice = findBrowser({ explicitPath, env });
  const browser = choice.then(launchBrowser);
  // The blank tab the browser starts with, whose renderer is already up when the launch returns (a new tab
  // waits for one to start), and new ones for the rest.
  const tabs = Array.from({ length: availableParallelism() }, (_, index) =>
    browser.then(async (started) => {
      const blank = index === 0 ? (await started.pages())[0] : undefined;
      return blank ? trackTab(started, lockDownPrintingPage(blank)) : openLockedPage(started);
    }),
  );
  // Unawaited until printing starts, and maybe never: not an unhandled rejection.
  browser.catch(() => undefined);
  for (const tab of tabs) tab.catch(() => undefined);
  return {
    choice,
    browser,
    tabs,
    close: async () => {
      const started = await browser.catch(() => null);
      if (started) await closeBrowser(started).catch(() => undefined);
    },
  };
}
