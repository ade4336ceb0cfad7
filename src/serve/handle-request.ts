import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { PageStore } from './page-store.js';
import type { OverlayWords, ReloadEvents } from './reload-events.js';
import { bodyPartHeader, eventsPath, headHashHeader, reloadScript } from './reload-script.js';

/** What answering a request needs. */
export interface RequestDeps {
  store: PageStore;
  events: ReloadEvents;
  /** The host name the server is bound to, besides `localhost` and address literals, that requests may name. */
  host: string;
  /** The PDF at `path`, printed (or taken from the cache) now; undefined when there is no such PDF. */
  pdf: (path: string) => Promise<Uint8Array> | undefined;
  /** A request failed in a way that is the program's or the machine's doing, not the visitor's. */
  onError: (error: unknown) => void;
  /** Rendering the page at `path` failed (a template that throws): shown in the terminal and over the open pages. */
  onRenderFailure: (path: string, error: unknown) => void;
}

const commonHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Answer a request: only the pages in the store (and the PDFs planned beside them), read-only, and only
 * for requests that name this server. The path is looked up as a key of the store, never on disk, so no
 * spelling of it (`..`, `%2e%2e`, `%2f`, a symlink) can reach a file, and there are no listings.
 */
export function handleRequest(deps: RequestDeps): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    // A page on another site whose name was made to point here (DNS rebinding) sends its own name.
    if (!isAllowedHost(request.headers.host, deps.host)) return sendText(response, 403, 'This server answers only to its own address.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'The preview is read-only.');
    }
    const url = request.url ?? '';
    if (url.split('?')[0] === eventsPath) {
      const query = new URLSearchParams(url.slice(eventsPath.length + 1));
      const [page, key] = [query.get('page'), query.get('key')];
      const current = page === null ? undefined : deps.store.key(page);
      return deps.events.connect(
        response,
        current === undefined ? null : page,
        page !== null && current !== undefined && current !== key ? [page] : [],
      );
    }
    const page = toPagePath(url);
    if (typeof page !== 'string')
      return sendText(response, page.refused, page.refused === 400 ? 'The path is not a valid page path.' : 'There is no such page.');
    let html: string | undefined;
    try {
      html = deps.store.page(page);
    } catch (error) {
      // A page is rendered when asked for: a template that fails on it is shown over its last good HTML, as a broken save is.
      deps.onRenderFailure(page, error);
      const lastGood = deps.store.lastGood(page);
      const html = lastGood ?? failedPage(deps.events.words());
      return sendHtml(request, response, lastGood ? 200 : 500, html, deps.store.key(page) ?? null);
    }
    if (html !== undefined) return sendHtml(request, response, 200, html, deps.store.key(page) ?? null);
    if (page.endsWith('.pdf')) return void sendPdf(request, response, deps, page);
    // Nothing read well yet (the first read had errors): a page that shows them, and reloads when they are fixed.
    if (deps.store.size() === 0 && deps.events.problems().length > 0)
      return sendHtml(request, response, 503, waitingPage(deps.events.words()));
    return sendText(response, 404, 'There is no such page.');
  };
}

async function sendPdf(request: IncomingMessage, response: ServerResponse, deps: RequestDeps, page: string): Promise<void> {
  const printing = deps.pdf(page);
  if (!printing) return sendText(response, 404, 'There is no such page.');
  try {
    const pdf = await printing;
    response.writeHead(200, { ...commonHeaders, 'Content-Type': 'application/pdf', 'Content-Length': pdf.byteLength });
    response.end(request.method === 'HEAD' ? undefined : pdf);
  } catch (error) {
    deps.onError(error);
    sendText(response, 500, `Cannot print ${page}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The store key a request path names (`''` and folders name their `index.html`), or the status to
 * refuse it with: 400 when its escapes do not decode, 404 when it names no page. A segment that
 * decodes to `.`, `..` or to anything holding a slash, backslash or NUL names no page.
 */
export function toPagePath(url: string): string | { refused: 400 | 404 } {
  const pathname = url.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/')) return { refused: 404 };
  let segments: string[];
  try {
    segments = pathname.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return { refused: 400 };
  }
  if (segments.some((segment) => segment === '.' || segment === '..' || /[/\\\0]/.test(segment))) return { refused: 404 };
  if (segments.slice(0, -1).some((segment) => segment === '')) return { refused: 404 };
  const joined = segments.join('/');
  return joined === '' || joined.endsWith('/') ? `${joined}index.html` : joined;
}

/** Whether a `Host` header names this server: `localhost`, an address literal, or the bound host name. */
export function isAllowedHost(header: string | undefined, boundHost: string): boolean {
  if (!header) return false;
  const name = header.startsWith('[') ? header.slice(1, header.indexOf(']')) : header.replace(/:\d+$/, '');
  const lower = name.toLowerCase();
  // An address literal cannot be rebound to another machine; only names can.
  return lower === 'localhost' || lower === boundHost.toLowerCase() || isIP(lower) !== 0;
}

/**
 * Send a page with the reload script in it; to the script's own request (`X-Ladders-Part: body`), only
 * the page from its `<body>` on, without the script, and a hash of the part before it, which the script
 * compares with its page's to choose between swapping the body in and reloading: the head carries the
 * fonts, five sixths of a handout's bytes, which a save of the ladder does not change.
 */
function sendHtml(request: IncomingMessage, response: ServerResponse, status: number, html: string, key: string | null = null): void {
  const bodyAt = html.search(/<body[\s>]/);
  const head = createHash('sha256')
    .update(bodyAt === -1 ? html : html.slice(0, bodyAt))
    .digest('base64url');
  const nonce = randomBytes(16).toString('base64');
  let sent: string;
  if (request.headers[bodyPartHeader] === 'body') sent = bodyAt === -1 ? '' : html.slice(bodyAt);
  else {
    const script = reloadScript(nonce, key, head);
    // Before the last `</body>`, so the page's own content is all there when the script runs.
    const at = html.lastIndexOf('</body>');
    sent = at === -1 ? html + script : html.slice(0, at) + script + html.slice(at);
  }
  response.writeHead(status, {
    ...commonHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(sent),
    [headHashHeader]: head,
    Vary: bodyPartHeader,
    // Only the reload script runs, and it talks only to this server.
    'Content-Security-Policy': `script-src 'nonce-${nonce}'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'`,
  });
  response.end(request.method === 'HEAD' ? undefined : sent);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** The page served for one that never rendered well: its script shows why over it, and shows the page after the save that fixes it. */
function failedPage(words: OverlayWords): string {
  return `<!doctype html><html lang="${escapeHtml(words.lang)}" dir="${words.dir}"><head><meta charset="utf-8"><title>ladders</title></head><body></body></html>`;
}

/** The page served while no read has been good yet: it shows the overlay, and reloads when a save is. */
function waitingPage(words: OverlayWords): string {
  const text = escapeHtml(words.waiting);
  return `<!doctype html><html lang="${escapeHtml(words.lang)}" dir="${words.dir}" data-ladders-waiting="true"><head><meta charset="utf-8"><title>ladders</title></head><body><p>${text}</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
