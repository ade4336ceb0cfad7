import type { Browser } from 'puppeteer-core';
import { findBrowser, type BrowserChoice } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';

/** A browser being found and launched ahead of need. */
export interface StartingBrowser {
  choice: Promise<BrowserChoice>;
  browser: Promise<Browser>;
  /** Close the browser if it started; safe to call more than once, and after whoever printed with it closed it. */
  close: () => Promise<void>;
}

/**
 * Find and launch the browser now, so that its start-up (a quarter to half a second) overlaps reading
 * the ladders, which it does not depend on. A failure is kept for whoever awaits `choice` or `browser`:
 * it matters only if there turns out to be something to print.
 */
export function startBrowser(explicitPath: string | undefined, env: NodeJS.ProcessEnv): StartingBrowser {
  const choice = findBrowser({ explicitPath, env });
  const browser = choice.then(launchBrowser);
  // Unawaited until printing starts, and maybe never: not an unhandled rejection.
  browser.catch(() => undefined);
  return {
    choice,
    browser,
    close: async () => {
      const started = await browser.catch(() => null);
      await started?.close().catch(() => undefined);
    },
  };
}
