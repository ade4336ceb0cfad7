import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { RenderFailure } from '../failures.js';
import type { BrowserChoice } from './find-browser.js';
import { writeFontConfig } from './font-config.js';
import { profilePrefix, removeStaleProfiles } from './remove-stale-profiles.js';

// Several of these are puppeteer's defaults as well; they are listed so that what we rely on
// does not change when puppeteer's defaults do.
/** The command-line flags every browser is launched with, on top of puppeteer's headless mode. */
export const browserFlags: readonly string[] = Object.freeze([
  // Printing needs no GPU, and software rendering draws the same on every machine.
  '--disable-gpu',
  // A user's installed Chrome would otherwise show welcome pages and prompts.
  '--no-first-run',
  '--no-default-browser-check',
  // Rendering a local page needs no network: keep the browser from phoning home, updating
  // components, syncing, or running a user's extensions and default apps while we print.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  // No speculative work: no DNS look-ups ahead of need, no prefetching, preconnecting or prerendering of
  // pages a printed page links to (a template's `<link rel="prefetch">` was fetched while it printed).
  '--dns-prefetch-disable',
  '--disable-features=Prerender2,SpeculationRulesPrefetchFuture,NavigationPredictor,SpeculativePreconnect,LoadingPredictorPrefetch',
  '--mute-audio',
  // Without hinting, glyph widths do not depend on the machine's font settings, so line breaks
  // and therefore PDFs come out the same everywhere.
  '--font-render-hinting=none',
  // Containers often give /dev/shm only 64 MB, and Chrome crashes when it fills up.
  '--disable-dev-shm-usage',
  // Chrome refuses to start its sandbox as root (containers, CI), so only there we do without it;
  // everyone else keeps it, since the page renders Markdown that came from elsewhere.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  // Never `--single-process` (crashes) or `--disable-web-security` (lets a page read other origins and files).
]);

/**
 * The last wall of a printing browser: no host name, nor an IP address, resolves, so nothing a page names can be
 * reached whatever way the browser finds to ask for it. Printing needs none (the page and everything in it are
 * given inline, over the DevTools pipe); a browser that views pages of `ladders serve` must do without it.
 */
export const offlineFlags: readonly string[] = Object.freeze(['--host-resolver-rules=MAP * ~NOTFOUND']);

/**
 * Start the chosen browser headless and offline, with a fresh profile folder that is deleted once the browser has gone;
 * one that dies while starting is started once more, with another fresh profile folder, before the launch fails.
 * The profile folders an earlier run left behind when it was killed are removed first.
 *
 * Checked with the bundled `@sparticuz/chromium` 147 on Debian 12 x64: it is a chrome-headless-shell build, and it
 * starts with these flags and `headless: true` alone; it needs neither `headless: 'shell'` nor its own
 * `--single-process`, `--use-gl` or `--in-process-gpu` flags.
 */
export async function launchBrowser(choice: BrowserChoice): Promise<Browser> {
  // Beside the launch, which takes far longer; errors only leave folders that the next start tries again.
  const cleaned = removeStaleProfiles(tmpdir()).catch(() => undefined);
  try {
    // The bundled Chromium on a fresh machine sometimes dies at its first start (`Target closed`).
    return await startBrowserOnce(choice).catch(() => startBrowserOnce(choice));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // @sparticuz/chromium unpacks in place and trusts any file already there, so an unpack that was
    // interrupted, or is still running in another process, leaves a binary that fails like this.
    const hint =
      choice.source === 'bundled'
        ? ` If an earlier run was interrupted while unpacking it, delete \`${choice.executablePath}\` and try again.`
        : '';
    throw new RenderFailure(`Could not start the browser \`${choice.executablePath}\` (source: ${choice.source}): ${reason}.${hint}`, {
      cause: error,
    });
  } finally {
    await cleaned;
  }
}

async function startBrowserOnce(choice: BrowserChoice): Promise<Browser> {
  // The process's id in the name tells a later run whether the folder's owner is gone (see `removeStaleProfiles`).
  const userDataDir = await mkdtemp(path.join(tmpdir(), `${profilePrefix}${process.pid}-`));
  let browser: Browser;
  try {
    const fontEnvironment = await writeFontConfig(path.join(userDataDir, 'ladders-fonts'));
    browser = await launch({
      executablePath: choice.executablePath,
      headless: true,
      args: [...browserFlags, ...offlineFlags],
      // Its own font configuration, listing none of the machine's fonts: see `writeFontConfig`.
      env: { ...process.env, ...fontEnvironment },
      // A pipe instead of a DevTools port: no port that any local process could connect to and
      // drive the browser through, and no waiting for the port number on stderr.
      pipe: true,
      userDataDir,
      // The build handles Ctrl-C itself (it closes the browser and removes what it half wrote);
      // puppeteer's own handlers would kill the browser and exit the process under it.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await removeProfile(userDataDir, null);
    throw error;
  }
  browser.once('disconnected', () => {
    // Nobody awaits this; a leftover folder in the temp directory is not worth failing a print for.
    removeProfile(userDataDir, browser.process()).catch(() => undefined);
  });
  try {
    await refuseNetwork(browser);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  return browser;
}

/**
 * Fail every request of every tab that would leave the browser, whatever its kind or scheme: each tab also refuses
 * them itself (see `lockDownPage`), but some requests, such as a `<link rel="prefetch">`, are made by the browser
 * for the page and never reach the tab's own interception. Inline `data:` resources are the page's own and go on.
 */
async function refuseNetwork(browser: Browser): Promise<void> {
  const session = await browser.target().createCDPSession();
  session.on('Fetch.requestPaused', ({ requestId, request }) => {
    const answer = request.url.startsWith('data:')
      ? session.send('Fetch.continueRequest', { requestId })
      : session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
    answer.catch(() => undefined);
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
}

async function removeProfile(dir: string, browserProcess: ChildProcess | null): Promise<void> {
  // After a crash the pipe can close before the process has exited and stopped writing its profile.
  if (browserProcess && browserProcess.exitCode === null && browserProcess.signalCode === null) await once(browserProcess, 'exit');
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
