import type { CDPSession, Page } from 'puppeteer-core';

// A tab's renderer collects the pages it printed before mostly when it has a moment to spare. On a busy
// CPU (Node rendering the text pages on the other core, say) a tab sometimes collects nothing at all:
// seen in about half of the 1,000-position builds run beside a busy core, it kept the blank document
// it opened with (two documents instead of one) and every page it printed after it, about 575 nodes
// and 5 MiB each, until its renderer had grown from 80 to 800 MiB. One full collection ends that state.
// Counting takes a millisecond; the collection takes from a few hundred milliseconds to a few seconds,
// so it runs only when the count shows garbage.
const checkEvery = 10;
/** Far more nodes than one handout has (600 to 1,700). */
const mostNodes = 20_000;

/**
 * A function to call after each print of `page`: every tenth call it counts the documents and nodes
 * the tab holds and, when they are more than the page it shows, has the renderer collect its garbage.
 */
export function watchPageGarbage(page: Page): () => Promise<void> {
  let prints = 0;
  let session: Promise<CDPSession> | undefined;
  return async () => {
    prints += 1;
    if (prints % checkEvery !== 0) return;
    // Opened at the first check: a build of a few handouts never needs it.
    const client = await (session ??= page.createCDPSession());
    const { documents, nodes } = await client.send('Memory.getDOMCounters');
    if (documents > 1 || nodes > mostNodes) await client.send('HeapProfiler.collectGarbage');
  };
}
