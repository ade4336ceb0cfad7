import type { Browser } from 'puppeteer-core';
import type { BrowserChoice } from '../../src/browser/find-browser.js';

type Launch = (choice: BrowserChoice) => Promise<Browser>;

let warm: Promise<Browser> | undefined;

/**
 * `launchBrowser` for a test file that runs many commands, each of which launches a browser and closes
 * it when done: the first launch starts one browser, and every launch after it hands out that same
 * browser again, warm. Closing what it handed out only closes the tabs opened in it; `closeWarmBrowser`
 * ends the browser. Mock `src/browser/launch-browser.js` with it (`vi.mock`) so the commands run unchanged.
 */
export async function launchWarmBrowser(launch: Launch, choice: BrowserChoice): Promise<Browser> {
  // A browser that went away (a test that kills it) is started again.
  if (warm && !(await warm.catch(() => undefined))?.connected) warm = undefined;
  warm ??= launch(choice);
  return keptOpen(await warm);
}

/** End the browser `launchWarmBrowser` started, if it did. */
export async function closeWarmBrowser(): Promise<void> {
  const browser = await warm?.catch(() => undefined);
  warm = undefined;
  await browser?.close();
}

function keptOpen(browser: Browser): Browser {
  const closeTabs = async () => {
    await Promise.all((await browser.pages()).map((page) => page.close()));
  };
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'close') return closeTabs;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
