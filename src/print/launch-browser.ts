import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { RenderFailure } from '../failures.js';
import type { BrowserChoice } from './find-browser.js';
import { writeFontConfig } from './font-config.js';

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
 * Start the chosen browser headless, with a fresh profile folder that is deleted once the browser has gone.
 *
 * Checked with the bundled `@sparticuz/chromium` 147 on Debian 12 x64: it is a chrome-headless-shell build, and it
 * starts with these flags and `headless: true` alone; it needs neither `headless: 'shell'` nor its own
 * `--single-process`, `--use-gl` or `--in-process-gpu` flags.
 */
export async function launchBrowser(choice: BrowserChoice): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'ladders-profile-'));
  let browser: Browser;
  try {
    const fontEnvironment = await writeFontConfig(path.join(userDataDir, 'ladders-fonts'));
    browser = await launch({
      executablePath: choice.executablePath,
      headless: true,
      args: [...browserFlags],
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
  }
  browser.once('disconnected', () => {
    // Nobody awaits this; a leftover folder in the temp directory is not worth failing a print for.
    removeProfile(userDataDir, browser.process()).catch(() => undefined);
  });
  return browser;
}

async function removeProfile(dir: string, browserProcess: ChildProcess | null): Promise<void> {
  // After a crash the pipe can close before the process has exited and stopped writing its profile.
  if (browserProcess && browserProcess.exitCode === null && browserProcess.signalCode === null) await once(browserProcess, 'exit');
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
