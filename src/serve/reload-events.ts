import type { ServerResponse } from 'node:http';
import type { MessageData } from '../format-messages.js';

/** The overlay's own words and their language: the pages' language, as the last read found it. */
export interface OverlayWords {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Over the messages: the save has errors, the page is the last good one. */
  lastGood: string;
  /** The word for an error in a message's line. */
  error: string;
  /** What a page says while no read has been good yet. */
  waiting: string;
}

/** What the open pages are told after each read: the problems to show (none when the inputs are good), the pages that changed, and the overlay's words. */
export interface SiteUpdate {
  problems: MessageData[];
  changed: string[];
  words: OverlayWords;
}

/** The server-sent event stream every served page listens to. */
export interface ReloadEvents {
  /**
   * Keep `response` open as the event stream of the page at `page` (null when it did not say), and tell it
   * at once the current problems and the pages in `changed` (its own, when it is out of date).
   */
  connect(response: ServerResponse, page?: string | null, changed?: string[]): void;
  /** The pages open now: those whose event stream is connected. */
  openPages(): Set<string>;
  /** Tell every open page about a read; the problems are kept for pages that connect later. */
  send(update: SiteUpdate): void;
  /** The problems of the last read. */
  problems(): MessageData[];
  /** The overlay's words as the last read found them. */
  words(): OverlayWords;
  /** End every stream, so the server can close. */
  close(): void;
}

/** An event stream with no page connected yet; `words` until the first read says the pages' language. */
export function createReloadEvents(initialWords: OverlayWords): ReloadEvents {
  // Each open stream, with the page it belongs to.
  const clients = new Map<ServerResponse, string | null>();
  let problems: MessageData[] = [];
  let words = initialWords;
  const write = (response: ServerResponse, update: SiteUpdate) => response.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`);
  return {
    connect(response, page = null, changed = []) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      // A page opened while the inputs are broken shows the overlay without waiting for the next save.
      write(response, { problems, changed, words });
      clients.set(response, page);
      response.on('close', () => clients.delete(response));
    },
    send(update) {
      problems = update.problems;
      words = update.words;
      for (const client of clients.keys()) write(client, update);
    },
    openPages: () => new Set([...clients.values()].filter((page) => page !== null)),
    problems: () => problems,
    words: () => words,
    close() {
      for (const client of clients.keys()) client.end();
      clients.clear();
    },
  };
}
