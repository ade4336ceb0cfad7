import type { CDPSession, Page } from 'puppeteer-core';

// A tab's renderer collects the pages it printed before mostly when it has a moment to spare, and a tab
// that prints without pause seldom has one. Two ways it was seen to pile up garbage:
// - On a busy CPU (Node rendering the text pages on the other core, say) a tab sometimes collected
//   nothing at all: seen in about half of the 1,000-position builds run beside a busy core, it kept the
//   blank document it opened with (two documents instead of one) and every page it printed after it,
//   about 575 nodes and 5 MiB each, until its renderer had grown from 80 to 800 MiB. The DOM counts
//   show that state.
// - On a quiet machine a tab's renderer grew by about 0.8 MiB a page, to 450–615 MiB, before V8
//   collected on its own, while the DOM counts stayed at one document of a normal size.
// What any printed page leaves behind is counted in the renderer's heaps: V8's, Blink's (nodes, style,
// fonts) and the backing store of array buffers and external strings. In a tab that kept its pages their
// sum grew 4.7 MiB a page while the renderer grew 6.6 MiB; in one that collected on its own it stayed
// between 8 and 75 MiB. Once grown, the renderer keeps most of its pages even after V8 has collected,
// so the collection has to come early. One full collection ends either state; it costs the renderer
// about as much CPU as printing one and a half pages (190 ms against 123 ms a page, measured apart), so
// it runs only when a count shows garbage rather than every so many pages: collecting every N pages
// would cost under 1 % of printing only from N = 150 on, by when a tab in the second state has grown
// 120 MiB anyway. Counting takes a few milliseconds of every tenth print.
const checkEvery = 10;
/** Far more nodes than one handout has (600 to 1,700). */
const mostNodes = 20_000;
/** How much the renderer's heaps may grow after a collection (or from nothing, before the first): above what a healthy tab reaches. */
const defaultMostHeapGrowth = 96 * 1024 * 1024;

/** Limits for `watchPageGarbage`. */
export interface GarbageLimits {
  /** Bytes the renderer's heaps may grow by after a collection before the next one; 96 MiB by default. */
  mostHeapGrowth?: number;
}

/**
 * A function to call after each print of `page`: every tenth call it counts the documents and nodes the
 * tab holds and the size of its renderer's heaps, and has the renderer collect its garbage when they
 * hold more than the page it shows or the heaps have grown too much since it last collected.
 */
export function watchPageGarbage(page: Page, { mostHeapGrowth = defaultMostHeapGrowth }: GarbageLimits = {}): () => Promise<void> {
  let prints = 0;
  let session: Promise<CDPSession> | undefined;
  // What the renderer holds after a collection is live, not garbage: a large page must not have it collect every time.
  let heapAfterCollection = 0;
  return async () => {
    prints += 1;
    if (prints % checkEvery !== 0) return;
    // Opened at the first check: a build of a few handouts never needs it.
    const client = await (session ??= page.createCDPSession());
    const [{ documents, nodes }, heap] = await Promise.all([client.send('Memory.getDOMCounters'), measureHeap(client)]);
    if (documents <= 1 && nodes <= mostNodes && heap - heapAfterCollection <= mostHeapGrowth) return;
    await client.send('HeapProfiler.collectGarbage');
    heapAfterCollection = await measureHeap(client);
  };
}

/** Bytes in use in the renderer's V8 heap, Blink's heap, and the backing store of its array buffers and external strings. */
async function measureHeap(client: CDPSession): Promise<number> {
  const usage = await client.send('Runtime.getHeapUsage');
  return usage.usedSize + usage.embedderHeapUsedSize + usage.backingStorageSize;
}
