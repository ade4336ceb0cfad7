import { availableParallelism } from 'node:os';
import { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import type { BrowserChoice } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import { collectEvery } from './collect-garbage.js';
import { openLockedPage } from './lock-down-page.js';
import { stampPdf, type PdfMetadata } from './stamp-pdf.js';
import { watchPageGarbage } from './watch-page-garbage.js';

/** One PDF to print: a name for messages, its HTML (rendered when its turn comes) and its metadata. */
export interface PdfJob {
  name: string;
  renderHtml: () => string;
  metadata: Omit<PdfMetadata, 'source'>;
}

/** How to print. */
export interface PrintOptions {
  browser: BrowserChoice;
  /** A browser the caller already launched, with pages it opened (see `startBrowser`), used before launching one. */
  launched?: { browser: Promise<Browser>; pages: Promise<Page[]> };
  /** Pages printing at once; by default one per CPU. */
  concurrency?: number;
  /** How long one page may take to load, and then to print, before the build fails naming it; 60 s by default. */
  timeoutMs?: number;
  /** Aborted to stop: no job is started after, the browser is closed, and the print rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with each finished PDF, in completion order. */
  onPdf: (job: PdfJob, pdf: Uint8Array) => Promise<void>;
}

/** A print that failed, naming the handout it was printing. */
export class PrintError extends Error {}

/**
 * Print every job with one browser and a bounded pool of reused pages fed from a queue. If the
 * browser dies, it is launched again once and the unfinished jobs go on; a second failure ends
 * the print with the name of the handout that was printing.
 */
export async function printPdfs(jobs: readonly PdfJob[], options: PrintOptions): Promise<void> {
  const queue = [...jobs];
  // A long print keeps a flat footprint: its garbage is collected as it goes, not when V8 runs short.
  const collect = collectEvery(20);
  let relaunched = false;
  let launched = options.launched;
  while (queue.length > 0) {
    options.signal?.throwIfAborted();
    const browser = await (launched?.browser ?? launchBrowser(options.browser)).catch((error: unknown) => {
      throw new PrintError(error instanceof Error ? error.message : String(error), { cause: error });
    });
    // Pages opened ahead are used first; if opening them failed, the workers open their own.
    const ready = (await launched?.pages.catch(() => [])) ?? [];
    launched = undefined;
    const workers = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), queue.length));
    // Closed once, on abort or when the workers are done, and always waited for: the process must be gone.
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= browser.close().catch(() => undefined));
    options.signal?.addEventListener('abort', close);
    // Settled, not all: every worker must have put its unfinished job back before a relaunch.
    const results = await Promise.allSettled(
      Array.from({ length: workers }, () => runWorker(browser, queue, options, ready.pop(), collect)),
    );
    options.signal?.removeEventListener('abort', close);
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

/** The browser went away (while printing `job`, if it was printing); the job is back in the queue. */
class BrowserCrash extends Error {
  constructor(
    readonly job: PdfJob | undefined,
    readonly reason: unknown,
  ) {
    super(job ? `The browser stopped while printing ${job.name}` : 'The browser stopped');
  }
}

async function runWorker(
  browser: Browser,
  queue: PdfJob[],
  options: PrintOptions,
  ready: Page | undefined,
  collect: () => void,
): Promise<void> {
  let job: PdfJob | undefined;
  try {
    const page = ready ?? (await openLockedPage(browser));
    const collectPageGarbage = watchPageGarbage(page);
    for (job = queue.shift(); job; job = queue.shift()) {
      const html = job.renderHtml();
      const pdf = await printPage(page, html, options.timeoutMs ?? 60_000);
      const printed = job;
      job = undefined; // printed: what follows is not the browser's doing
      await options.onPdf(printed, stampPdf(pdf, { ...printed.metadata, source: html }));
      collect();
      await collectPageGarbage();
    }
    await page.close().catch(() => undefined);
  } catch (error) {
    if (await hasDisconnected(browser)) {
      if (job) queue.unshift(job);
      throw new BrowserCrash(job, error);
    }
    queue.length = 0; // the build fails: the other workers stop after their current job
    if (!job) throw error;
    throw new PrintError(`Cannot print ${job.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
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

// Page size, margins and the footer (page numbers, position) come from the page's own CSS
// `@page` rules, so the HTML handout prints the same from a browser's print dialog.
async function printPage(page: Page, html: string, timeout: number): Promise<Uint8Array> {
  const limit = `${timeout / 1000} s`;
  await page.setContent(html, { waitUntil: 'load', timeout }).catch(explainTimeout(`the page did not finish loading within ${limit}`));
  return page
    .pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, waitForFonts: true, timeout })
    .catch(explainTimeout(`the page did not finish printing within ${limit}`));
}

function explainTimeout(reason: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof TimeoutError ? new Error(reason, { cause: error }) : error;
  };
}

function toPrintError(error: unknown): Error {
  if (error instanceof BrowserCrash)
    return new PrintError(`${error.message}, twice; the last failure: ${String(error.reason)}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
