import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { findBrowser, type BrowserChoice } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import { lockDownPrintingPage, openLockedPage } from './lock-down-page.js';

/** A browser being found and launched ahead of need. */
export interface StartingBrowser {
  choice: Promise<BrowserChoice>;
  browser: Promise<Browser>;
  /** Tabs opened and locked down as soon as the browser is up, one per CPU like the print pool. */
  pages: Promise<Page[]>;
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
  const pages = browser.then(openTabs);
  // Unawaited until printing starts, and maybe never: not an unhandled rejection.
  browser.catch(() => undefined);
  pages.catch(() => undefined);
  return {
    choice,
    browser,
    pages,
    close: async () => {
      const started = await browser.catch(() => null);
      await started?.close().catch(() => undefined);
    },
  };
}

/** One tab per CPU: the blank one the browser started with, whose renderer is already up, and new ones for the rest. */
async function openTabs(browser: Browser): Promise<Page[]> {
  const [blank] = await browser.pages();
  const count = availableParallelism();
  return Promise.all([
    ...(blank ? [lockDownPrintingPage(blank)] : []),
    ...Array.from({ length: blank ? count - 1 : count }, () => openLockedPage(browser)),
  ]);
}
