import type { Page } from 'puppeteer-core';
import type { PdfPage } from '../render/render-output.js';
import { printPage, PrintError, stampPage } from './print-page.js';
import { startBrowser, type StartingBrowser } from '../browser/start-browser.js';

/** A browser kept running between prints, for a server that prints one page at a time on request. */
export interface WarmPrinter {
  /** Print and stamp one page; prints wait for each other, so one tab serves them all. */
  print(page: PdfPage): Promise<Uint8Array>;
  /** Close the browser if it was started; later prints start a new one. */
  close(): Promise<void>;
}

/**
 * A printer whose browser starts on the first print and stays up for the next ones; a browser that
 * went away (crashed, or was closed) is started again on the next print.
 */
export function startWarmPrinter(explicitPath: string | undefined, env: NodeJS.ProcessEnv, timeoutMs = 60_000): WarmPrinter {
  let started: StartingBrowser | null = null;
  let tab: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function openTab(): Promise<Page> {
    const current = started?.browser ? await started.browser.catch(() => null) : null;
    if (!tab || !current?.connected) {
      await started?.close();
      started = startBrowser(explicitPath, env);
      const [first, ...rest] = started.tabs;
      // One tab prints, the blank one the browser starts with; the others the pool opens are not needed here.
      for (const other of rest) void other.then((page) => page.close()).catch(() => undefined);
      if (!first) throw new Error('The browser opened no tab');
      tab = first;
      // Kept for the next print only if it worked: a failed start is tried again then.
      tab.catch(() => (tab = null));
    }
    return tab;
  }

  async function printNow(page: PdfPage): Promise<Uint8Array> {
    let tabPage: Page;
    try {
      tabPage = await openTab();
    } catch (error) {
      throw new PrintError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    try {
      return stampPage(page, await printPage(tabPage, page.html, timeoutMs));
    } catch (error) {
      if (error instanceof PrintError) throw error;
      throw new PrintError(`Cannot print ${page.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  return {
    print(page) {
      const printed = queue.then(() => printNow(page));
      queue = printed.catch(() => undefined);
      return printed;
    },
    // Not waiting for a print under way: closing is for stopping, and that print fails with the browser.
    async close() {
      const closing = started;
      started = null;
      tab = null;
      await closing?.close();
    },
  };
}
