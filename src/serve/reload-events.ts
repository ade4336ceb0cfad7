import type { ServerResponse } from 'node:http';
import type { MessageData } from '../format-messages.js';

/** What the open pages are told after each read: the problems to show (none when the inputs are good) and the pages that changed. */
export interface SiteUpdate {
  problems: MessageData[];
  changed: string[];
}

/** The server-sent event stream every served page listens to. */
export interface ReloadEvents {
  /** Keep `response` open as an event stream, and tell it the current problems at once. */
  connect(response: ServerResponse): void;
  /** Tell every open page about a read; the problems are kept for pages that connect later. */
  send(update: SiteUpdate): void;
  /** The problems of the last read. */
  problems(): MessageData[];
  /** End every stream, so the server can close. */
  close(): void;
}

/** An event stream with no page connected yet. */
export function createReloadEvents(): ReloadEvents {
  const clients = new Set<ServerResponse>();
  let problems: MessageData[] = [];
  const write = (response: ServerResponse, update: SiteUpdate) => response.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`);
  return {
    connect(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      // A page opened while the inputs are broken shows the overlay without waiting for the next save.
      write(response, { problems, changed: [] });
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    send(update) {
      problems = update.problems;
      for (const client of clients) write(client, update);
    },
    problems: () => problems,
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
