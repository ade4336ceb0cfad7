import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { RenderFailure } from '../failures.js';
import type { PdfPage } from '../render/render-output.js';
import type { BrowserChoice } from '../browser/find-browser.js';
import { launchBrowser } from '../browser/launch-browser.js';
import { closeBrowser } from '../browser/close-browser.js';
import { collectEvery } from './collect-garbage.js';
import { openLockedPage } from '../browser/lock-down-page.js';
import { printPage, PrintError, stampPage } from './print-page.js';
import { watchPageGarbage } from '../browser/watch-page-garbage.js';

/** How to print. */
export interface PrintOptions {
  browser: BrowserChoice;
  /** A browser the caller already launched, with tabs it is opening (see `startBrowser`), used before launching one. */
  launched?: { browser: Promise<Browser>; tabs: readonly Promise<Page>[] };
  /** Pages printing at once; by default one per CPU. */
  concurrency?: number;
  /** How long one page may take to load, and then to print, before the build fails naming it; 60 s by default. */
  timeoutMs?: number;
  /** Aborted to stop: no job is started after, the browser is closed, and the print rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Called with each printed PDF, in completion order; it may return another page to print in its
   * place, on the same tab (a book printed again with the page numbers this print showed).
   */
  onPdf: (page: PdfPage, pdf: Uint8Array) => Promise<PdfPage | void> | PdfPage | void;
}

export { PrintError };

/**
 * Print every page with one browser and a bounded pool of reused tabs fed from a queue; pages are
 * taken from `pages` one at a time, so a long print never holds every page's HTML at once. If the
 * browser dies, it is launched again once and the unfinished pages go on; a second failure ends the
 * print with the name of the page that was printing. Every failure of the browser, of printing or of
 * stamping a page is a `PrintError`.
 */
export async function printPdfs(pages: Iterable<PdfPage>, options: PrintOptions): Promise<void> {
  const queue = queueOf(pages);
  // A long print keeps a flat footprint: its garbage is collected as it goes, not when V8 runs short.
  const collect = collectEvery(20);
  let relaunched = false;
  let launched = options.launched;
  while (queue.hasMore()) {
    options.signal?.throwIfAborted();
    const browser = await (launched?.browser ?? launchBrowser(options.browser)).catch((error: unknown) => {
      throw new PrintError(error instanceof Error ? error.message : String(error), { cause: error });
    });
    // Tabs opened ahead are used first, each worker starting as soon as its own is ready; if opening one failed, its worker opens another.
    const ready = [...(launched?.tabs ?? [])];
    launched = undefined;
    const workers = Math.max(1, options.concurrency ?? availableParallelism());
    // Closed once, on abort or when the workers are done, and always waited for: the process must be gone.
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= closeBrowser(browser).catch(() => undefined));
    const closeOnAbort = () => void close();
    options.signal?.addEventListener('abort', closeOnAbort);
    // Settled, not all: every worker must have put its unfinished page back before a relaunch.
    const results = await Promise.allSettled(
      Array.from({ length: workers }, () => runWorker(browser, queue, options, ready.shift(), collect)),
    );
    options.signal?.removeEventListener('abort', closeOnAbort);
    await close();
    // Stopped on purpose: the pages that failed did so because the browser was closed.
    options.signal?.throwIfAborted();
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    const failure = failures.find((reason) => !(reason instanceof BrowserCrash)) ?? failures[0];
    if (failure === undefined) continue;
    if (!(failure instanceof BrowserCrash) || relaunched) throw toPrintError(failure);
    relaunched = true;
  }
}

/** The pages still to print: those a crash put back first, then the rest, taken when a tab is free. */
interface PrintQueue {
  next(): PdfPage | undefined;
  putBack(page: PdfPage): void;
  hasMore(): boolean;
  /** The print fails: the other workers stop after their current page. */
  stop(): void;
}

function queueOf(pages: Iterable<PdfPage>): PrintQueue {
  const iterator = pages[Symbol.iterator]();
  const returned: PdfPage[] = [];
  let done = false;
  const queue: PrintQueue = {
    next() {
      if (returned.length > 0) return returned.shift();
      if (done) return undefined;
      const result = iterator.next();
      if (result.done) done = true;
      return result.done ? undefined : result.value;
    },
    putBack: (page) => void returned.unshift(page),
    hasMore() {
      const page = queue.next();
      if (page) returned.unshift(page);
      return page !== undefined;
    },
    stop() {
      done = true;
      returned.length = 0;
    },
  };
  return queue;
}

/** The browser went away (while printing `page`, if it was printing); the page is back in the queue. */
class BrowserCrash extends Error {
  constructor(
    readonly page: PdfPage | undefined,
    readonly reason: unknown,
  ) {
    super(page ? `The browser stopped while printing ${page.path}` : 'The browser stopped');
  }
}

async function runWorker(
  browser: Browser,
  queue: PrintQueue,
  options: PrintOptions,
  ready: Promise<Page> | undefined,
  collect: () => void,
): Promise<void> {
  let job = queue.next();
  // Nothing left for this tab; a tab opened ahead closes with the browser.
  if (!job) return;
  let printing: PdfPage | undefined = job;
  try {
    const page = (await ready?.catch(() => undefined)) ?? (await openLockedPage(browser));
    const collectPageGarbage = watchPageGarbage(page);
    while (job) {
      printing = job;
      const pdf = await printPage(page, job.html, job.timeoutMs ?? options.timeoutMs ?? 60_000, job.draft);
      printing = undefined; // printed: what follows is not the browser's doing
      const again = await options.onPdf(job, stampPage(job, pdf));
      collect();
      // Only a tab that prints again needs its garbage gone: after the last print it would hold up closing the browser.
      if (again || queue.hasMore()) await collectPageGarbage();
      job = again ?? queue.next();
    }
    // Not waited for: the browser closes once the last tab is done, and waiting here held that up by a round trip.
    void page.close().catch(() => undefined);
  } catch (error) {
    // A stamp that failed, a page that could not be rendered or written: not the browser's doing.
    if (!(error instanceof RenderFailure) && (await hasDisconnected(browser))) {
      if (printing) queue.putBack(printing);
      throw new BrowserCrash(printing, error);
    }
    queue.stop();
    if (!printing) throw error;
    throw new PrintError(`Cannot print ${printing.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Whether the browser is gone; the page's error can arrive before the browser's own notice, so wait a moment for it. */
async function hasDisconnected(browser: Browser): Promise<boolean> {
  if (!browser.connected) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      browser.off('disconnected', onDisconnect);
      resolve(!browser.connected);
    }, 1000);
    const onDisconnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    browser.once('disconnected', onDisconnect);
  });
}

function toPrintError(error: unknown): Error {
  if (error instanceof BrowserCrash)
    return new PrintError(`${error.message}, twice; the last failure: ${String(error.reason)}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
