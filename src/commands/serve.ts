import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import type { VFile } from 'vfile';
import { brandingOf } from '../config/branding-of.js';
import { configFileName, loadConfig } from '../config/load-config.js';
import { exitCode, UsageError } from '../failures.js';
import type { Paper } from '../formats.js';
import { formatMessages, messagesAsData, type MessageData } from '../format-messages.js';
import { plural } from '../messages.js';
import { startWarmPrinter } from '../print/start-warm-printer.js';
import { handleRequest } from '../serve/handle-request.js';
import { openInBrowser } from '../serve/open-in-browser.js';
import { createPageStore } from '../serve/page-store.js';
import { createReadCache } from '../read/read-cache.js';
import { readSite, type KeptReads, type SiteSettings } from '../serve/read-site.js';
import { resolvePageLocale } from '../locale/resolve-page-locale.js';
import { createReloadEvents } from '../serve/reload-events.js';
import { toOverlayWords } from '../serve/to-overlay-words.js';
import { toRenderProblem } from '../serve/to-render-problem.js';
import { createSitePlanner } from '../serve/site-planner.js';
import { watchInputs, type InputWatch, type WatchTarget } from '../serve/watch-inputs.js';
import { sourceDate } from './environment.js';
import type { CommandIo } from '../command-io.js';

/** Options of `ladders serve`: the flags given, which win over the configuration, read again on every change. */
export interface ServeOptions {
  ladders: string | undefined;
  templates: string | undefined;
  paper: Paper | null | undefined;
  browser: string | undefined;
  port: number;
  host: string;
  open: boolean;
}

/**
 * `ladders serve`: serve the HTML pages a build would write, from memory, and keep them current: on a
 * save the inputs are read again, the pages whose output key changed are rendered again, and the open
 * pages that changed reload. A save with errors keeps the last good pages and shows its messages over
 * them. PDFs are printed on request with a browser kept warm. Runs until Ctrl-C or SIGTERM.
 */
export async function serve(options: ServeOptions, io: CommandIo): Promise<number> {
  const store = createPageStore();
  // Until a read names the pages' language, the overlay speaks the default one.
  let words = toOverlayWords(resolvePageLocale(null, { locale: null, labels: null, paper: null }).locale);
  const events = createReloadEvents(words);
  const printer = startWarmPrinter(options.browser, io.env);
  const pdfs = new Map<string, Promise<Uint8Array>>();
  let first = true;
  const kept: KeptReads = { templates: null, pages: createReadCache(), planner: createSitePlanner() };
  // The pages whose render failed since the last good read, each with its message: shown as a broken read's are.
  const failed = new Map<string, VFile>();
  const watched: { watch: InputWatch | null; targets: string; closed: boolean } = { watch: null, targets: '', closed: false };
  // The configuration can name another ladder or templates folder: the watchers move there, and the old folders are let go.
  const follow = (ladders: string, templates: string | undefined) => {
    const targets: WatchTarget[] = [
      { kind: 'ladders', dir: path.resolve(io.cwd, ladders), recursive: true },
      ...(templates ? [{ kind: 'templates', dir: path.resolve(io.cwd, templates), recursive: true }] : []),
      { kind: 'config', dir: io.cwd, recursive: false, names: [configFileName, 'package.json'] },
    ];
    // A read that ends after Ctrl-C must not start watchers again: they would keep the process alive.
    if (watched.closed || JSON.stringify(targets) === watched.targets) return;
    watched.watch?.close();
    watched.watch = watchInputs(targets, refresh);
    watched.targets = JSON.stringify(targets);
  };

  const refresh = async (changed: Set<string> = new Set()): Promise<void> => {
    const started = performance.now();
    try {
      const settings = await readSettings(options, io.cwd, io.env);
      // A broken configuration names no folder for sure: the watchers stay where they are, or start where the flags or defaults say.
      if (settings.site || !watched.watch) follow(settings.ladders, settings.templates);
      if (!settings.site) return keepLastGood(settings.problems);
      // The configuration may name another templates folder or brand colour: it loads them again too.
      if (changed.has('templates') || changed.has('config')) kept.templates = null;
      const site = await readSite(settings.site, io.cwd, kept);
      kept.templates = site.loaded;
      // A save that broke the introduction leaves the language as the last read found it.
      if (site.fromLadder || first) words = toOverlayWords(site.locale);
      io.stderr(formatMessages(site.files, { problemsOnly: !first }));
      if (!site.templates) return keepLastGood(errorsOf(messagesAsData(site.files)));
      const pages = store.update(site.templates, site.planned);
      const keys = store.pdfKeys();
      // A PDF is cached by its output key: one whose inputs changed has a new key, and the old copy goes.
      for (const key of pdfs.keys()) if (!keys.has(key)) pdfs.delete(key);
      // The open pages are rendered before they are told, so a template that fails on one shows over it; the others render when asked for.
      failed.clear();
      for (const page of events.openPages()) {
        try {
          store.page(page);
        } catch (error) {
          failed.set(page, toRenderProblem(page, error));
        }
      }
      if (failed.size > 0) {
        const problems = uniqueProblems(messagesAsData([...failed.values()]));
        io.stderr(problems.map(formatProblem).join(''));
        return keepLastGood(
          problems,
          pages.filter((page) => !failed.has(page)),
        );
      }
      events.send({ problems: [], changed: pages, words });
      if (!first) io.stderr(`Updated ${plural(pages.length, 'page')} in ${Math.round(performance.now() - started)} ms\n`);
    } catch (error) {
      // A bug or a machine failure in one read must not end the preview: it is shown, and the next save tries again.
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(`ladders: cannot update the pages: ${reason}\n`);
      keepLastGood([{ file: '', line: 1, column: 1, severity: 'error', rule: null, reason }]);
    } finally {
      first = false;
    }
  };
  const keepLastGood = (problems: MessageData[], changed: string[] = []) => {
    events.send({ problems, changed, words });
    if (store.size() > 0) io.stderr(`Kept the last good pages; ${plural(problems.length, 'error')} to fix\n`);
  };

  await refresh();
  const server = createServer(
    handleRequest({
      store,
      events,
      host: options.host,
      pdf: (file) => {
        const entry = store.pdf(file);
        if (!entry) return undefined;
        let printing = pdfs.get(entry.key);
        if (!printing) {
          printing = entry.print((page) => printer.print(page));
          pdfs.set(entry.key, printing);
          // A failed print is not kept: the next request tries again.
          printing.catch(() => pdfs.delete(entry.key));
        }
        return printing;
      },
      onError: (error) => io.stderr(`ladders: ${error instanceof Error ? error.message : String(error)}\n`),
      onRenderFailure: (page, error) => {
        // A page that fails again on every request is said once, until a read clears it.
        if (failed.has(page)) return;
        const file = toRenderProblem(page, error);
        failed.set(page, file);
        const known = events.problems().map(formatProblem);
        const added = messagesAsData([file]).filter((problem) => !known.includes(formatProblem(problem)));
        if (added.length === 0) return;
        io.stderr(added.map(formatProblem).join(''));
        events.send({ problems: [...events.problems(), ...added], changed: [], words });
      },
    }),
  );
  try {
    const url = await listen(server, options);
    io.stdout(`Serving ${plural(store.size(), 'page')} at ${url} (Ctrl-C to stop)\n`);
    const bound = server.address();
    if (typeof bound === 'object' && bound && !isLoopback(bound.address))
      io.stderr(
        `ladders: warning: serving on ${options.host}, the pages are reachable from other machines on the network; \`--host 127.0.0.1\` keeps them to this one\n`,
      );
    if (options.open) openInBrowser(url, (reason) => io.stderr(`ladders: cannot open a browser: ${reason}\n`));
    await stopped(io.signal);
  } finally {
    watched.closed = true;
    watched.watch?.close();
    events.close();
    server.close();
    server.closeAllConnections();
    await printer.close();
  }
  io.signal?.throwIfAborted();
  return exitCode.ok;
}

/** The configuration read now, with the flags over it; its problems when it has errors. */
async function readSettings(
  options: ServeOptions,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ site: SiteSettings | null; problems: MessageData[]; ladders: string; templates: string | undefined }> {
  const { config, file } = await loadConfig(cwd);
  const ladders = options.ladders ?? config.ladders ?? 'ladders';
  const templates = options.templates ?? config.templates;
  if (file?.messages.some((message) => message.fatal))
    return { site: null, problems: errorsOf(messagesAsData([file])), ladders, templates };
  const site = {
    ladders,
    reading: {
      title: config.title ?? null,
      seniorityWords: config.seniorityWords,
      shapes: config.shapes,
      skipFolders: [path.resolve(cwd, config.out ?? 'out')],
    },
    templates,
    paper: options.paper === undefined ? (config.paper ?? null) : options.paper,
    branding: brandingOf(config),
    date: sourceDate(env),
  };
  return { site, problems: [], ladders, templates };
}

/** A message as data on one line, as the terminal shows it. */
function formatProblem(problem: MessageData): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity} ${problem.reason}${problem.rule ? ` [${problem.rule}]` : ''}\n`;
}

/** Each message once: a template that fails on many pages fails the same way on each. */
function uniqueProblems(problems: MessageData[]): MessageData[] {
  const lines = problems.map(formatProblem);
  return problems.filter((_, index) => lines.indexOf(lines[index]!) === index);
}

function errorsOf(messages: MessageData[]): MessageData[] {
  return messages.filter((message) => message.severity === 'error');
}

/** Listen on the host and port asked for, and return the address to open; a port in use is the caller's to change. */
async function listen(server: Server, options: ServeOptions): Promise<string> {
  server.listen(options.port, options.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EADDRNOTAVAIL' ? 'this machine has no such address' : code;
    throw new UsageError(`Cannot serve on ${options.host}:${options.port}: ${why ?? String(error)}; pick another with --port or --host`);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return `http://${host}:${port}/`;
}

/** Whether the server listens on this machine's loopback address alone (`127.0.0.0/8` or `::1`), which no other machine reaches. */
function isLoopback(address: string): boolean {
  return /^(?:::ffff:)?127\./.test(address) || address === '::1';
}

/** Resolves when `signal` is aborted; never without one. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}
