/** The path of the event stream the injected script listens to; no output path starts with `__`. */
export const eventsPath = '/__ladders/events';
/** The request header by which the script asks for a page's body only. */
export const bodyPartHeader = 'x-ladders-part';
/** The response header carrying a hash of the page's part before its `<body>`. */
export const headHashHeader = 'x-ladders-head';

/**
 * The script a served page runs: it listens to the event stream, shows the problems of a broken save
 * over the page (built with text nodes, so a message cannot inject markup), and when its HTML changed
 * fetches it and swaps the body in, keeping the fonts, styles and scroll it has; a page whose head
 * changed (the styles, the fonts, the language) is reloaded whole, and so is one that cannot be fetched.
 * It is added to served pages only, never to the files `build` writes.
 */
export function reloadScript(nonce: string, key: string | null, head: string): string {
  // The JSON is made safe inside a script element: `<` cannot close it.
  const args = [eventsPath, key, head, bodyPartHeader, headHashHeader]
    .map((value) => JSON.stringify(value).replace(/</g, '\\u003c'))
    .join(', ');
  return `<script nonce="${nonce}">(${listen.toString()})(${args});</script>`;
}

// This function runs in the page, where only the DOM is there: it is sent as its source text.
function listen(eventsPath: string, key: string | null, head: string, bodyPartHeader: string, headHashHeader: string): void {
  const here = decodeURIComponent(location.pathname.slice(1)).replace(/(^|\/)$/, '$1index.html');
  // A save between this page's request and this connection is not lost: the server compares the page's key with its own.
  const source = new EventSource(
    key === null ? eventsPath : `${eventsPath}?page=${encodeURIComponent(here)}&key=${encodeURIComponent(key)}`,
  );
  const overlayId = 'ladders-problems';
  let asked = 0;
  const swap = async () => {
    const ask = ++asked;
    try {
      const response = await fetch(location.href, { cache: 'no-store', headers: { [bodyPartHeader]: 'body' } });
      // A page that fails to render is served with the overlay's problems, which the event brings.
      if (!response.ok) return;
      // What a body swap keeps (the page's language, fonts and styles) changed: the page is reloaded whole.
      if (response.headers.get(headHashHeader) !== head) return location.reload();
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      // A later save's page is on its way.
      if (ask !== asked) return;
      // This script is already running: the new copy of it must not be in the page.
      for (const script of next.body.querySelectorAll('script')) script.remove();
      const overlay = document.getElementById(overlayId);
      document.body.replaceWith(document.adoptNode(next.body));
      if (overlay) document.body.append(overlay);
    } catch {
      location.reload();
    }
  };
  source.addEventListener('update', (event) => {
    const update = JSON.parse((event as MessageEvent<string>).data) as {
      problems: { file: string; line: number; column: number; severity: string; rule: string | null; reason: string }[];
      changed: string[];
      words: { lang: string; dir: string; lastGood: string; error: string };
    };
    document.getElementById(overlayId)?.remove();
    if (update.problems.length === 0 && document.documentElement.dataset.laddersWaiting) return location.reload();
    if (update.changed.includes(here)) void swap();
    if (update.problems.length === 0) return;
    const overlay = document.createElement('section');
    overlay.id = overlayId;
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('lang', update.words.lang);
    overlay.setAttribute('dir', update.words.dir);
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(24,24,27,.94);color:#fafafa;font:14px/1.5 ui-monospace,monospace;text-align:start';
    const title = document.createElement('p');
    title.style.cssText = 'margin:0 0 1rem;font-weight:bold;color:#fca5a5';
    title.textContent = update.words.lastGood;
    overlay.append(title);
    for (const problem of update.problems) {
      const line = document.createElement('pre');
      // A message reads as the terminal prints it, place first, whatever the page's direction.
      line.setAttribute('dir', 'ltr');
      line.style.cssText = 'margin:0 0 .5rem;white-space:pre-wrap;text-align:left';
      const rule = problem.rule ? ` [${problem.rule}]` : '';
      const severity = problem.severity === 'error' ? update.words.error : problem.severity;
      line.textContent = `${problem.file}:${problem.line}:${problem.column}: ${severity} ${problem.reason}${rule}`;
      overlay.append(line);
    }
    document.body.append(overlay);
  });
}
