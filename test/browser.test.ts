import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BrowserNotFoundError, findBrowser, type BrowserChoice, type FindBrowserOptions } from '../src/browser/find-browser.js';
import { browserFlags, launchBrowser } from '../src/browser/launch-browser.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-browser-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
function freshFolder(): string {
  const dir = path.join(scratch, String(folders++));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Detection never runs the file, so any file with the right mode stands in for a browser. */
function fakeBrowser(file: string, mode = 0o755): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\nexit 1\n');
  chmodSync(file, mode);
  return file;
}

/** Options under which this machine's own browsers are invisible: empty PATH and home, no install locations, and an arch without the bundled Chromium. */
function isolated(env: NodeJS.ProcessEnv = {}, overrides: FindBrowserOptions = {}): FindBrowserOptions {
  const empty = freshFolder();
  return { env: { PATH: empty, HOME: empty, ...env }, platform: 'linux', arch: 'arm64', knownPaths: [], ...overrides };
}

describe('findBrowser', () => {
  it('takes --browser over the environment and PATH', async () => {
    const dir = freshFolder();
    const option = fakeBrowser(path.join(dir, 'option', 'chrome'));
    const fromEnv = fakeBrowser(path.join(dir, 'env', 'chrome'));
    fakeBrowser(path.join(dir, 'bin', 'chromium'));
    const choice = await findBrowser(isolated({ LADDERS_BROWSER: fromEnv, PATH: path.join(dir, 'bin') }, { explicitPath: option }));
    expect(choice).toEqual({ executablePath: option, source: 'option' });
  });

  it('takes LADDERS_BROWSER over PUPPETEER_EXECUTABLE_PATH, and either over PATH', async () => {
    const dir = freshFolder();
    const ladders = fakeBrowser(path.join(dir, 'ladders', 'chrome'));
    const puppeteer = fakeBrowser(path.join(dir, 'puppeteer', 'chrome'));
    fakeBrowser(path.join(dir, 'bin', 'chromium'));
    const env = { PATH: path.join(dir, 'bin'), PUPPETEER_EXECUTABLE_PATH: puppeteer };
    expect(await findBrowser(isolated({ ...env, LADDERS_BROWSER: ladders }))).toEqual({ executablePath: ladders, source: 'environment' });
    expect(await findBrowser(isolated({ ...env, LADDERS_BROWSER: '' }))).toEqual({ executablePath: puppeteer, source: 'environment' });
  });

  it('searches PATH in order for the known names, skipping folders and files without the execute bit', async () => {
    const dir = freshFolder();
    mkdirSync(path.join(dir, 'a', 'chromium'), { recursive: true });
    fakeBrowser(path.join(dir, 'b', 'chromium'), 0o644);
    const wanted = fakeBrowser(path.join(dir, 'c', 'google-chrome'));
    fakeBrowser(path.join(dir, 'd', 'chromium'));
    const PATH = ['a', 'b', 'c', 'd'].map((name) => path.join(dir, name)).join(':');
    expect(await findBrowser(isolated({ PATH }))).toEqual({ executablePath: wanted, source: 'system' });
  });

  it('tries the install locations after PATH', async () => {
    const dir = freshFolder();
    const installed = fakeBrowser(path.join(dir, 'opt', 'chrome'));
    expect(await findBrowser(isolated({}, { knownPaths: [path.join(dir, 'missing'), installed] }))).toEqual({
      executablePath: installed,
      source: 'system',
    });
    const onPath = fakeBrowser(path.join(dir, 'bin', 'chromium'));
    expect(await findBrowser(isolated({ PATH: path.join(dir, 'bin') }, { knownPaths: [installed] }))).toEqual({
      executablePath: onPath,
      source: 'system',
    });
  });

  it('picks the highest version in the puppeteer cache, full Chrome before the headless shell', async () => {
    const cache = freshFolder();
    fakeBrowser(path.join(cache, 'chrome', 'linux_arm-99.0.6000.0', 'chrome-linux64', 'chrome'));
    const newest = fakeBrowser(path.join(cache, 'chrome', 'linux_arm-120.0.6099.109', 'chrome-linux64', 'chrome'));
    fakeBrowser(path.join(cache, 'chrome', 'linux-130.0.0.0', 'chrome-linux64', 'chrome'));
    fakeBrowser(path.join(cache, 'chrome-headless-shell', 'linux_arm-130.0.0.0', 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
    expect(await findBrowser(isolated({ PUPPETEER_CACHE_DIR: cache }))).toEqual({ executablePath: newest, source: 'puppeteer-cache' });
  });

  it('falls back to the headless shell in ~/.cache/puppeteer when no full Chrome is cached', async () => {
    const home = freshFolder();
    const shell = fakeBrowser(
      path.join(
        home,
        '.cache',
        'puppeteer',
        'chrome-headless-shell',
        'linux-131.0.6778.85',
        'chrome-headless-shell-linux64',
        'chrome-headless-shell',
      ),
    );
    // ia32: the Linux x64 cache layout, without the bundled Chromium.
    expect(await findBrowser(isolated({ HOME: home }, { arch: 'ia32' }))).toEqual({ executablePath: shell, source: 'puppeteer-cache' });
  });

  it('refuses a --browser that is not executable, naming it, even when PATH has a browser', async () => {
    const dir = freshFolder();
    const notExecutable = fakeBrowser(path.join(dir, 'chrome'), 0o644);
    fakeBrowser(path.join(dir, 'bin', 'chromium'));
    const finding = findBrowser(isolated({ PATH: path.join(dir, 'bin') }, { explicitPath: notExecutable }));
    await expect(finding).rejects.toThrow(BrowserNotFoundError);
    await expect(finding).rejects.toThrow(`The browser \`${notExecutable}\` given by \`--browser\` is not an executable file.`);
  });

  it('refuses a LADDERS_BROWSER that does not exist, naming the variable', async () => {
    const missing = path.join(freshFolder(), 'no-such-chrome');
    await expect(findBrowser(isolated({ LADDERS_BROWSER: missing }))).rejects.toThrow(
      `The browser \`${missing}\` given by \`LADDERS_BROWSER\``,
    );
  });

  it('says how to fix it when no browser is found', async () => {
    const finding = findBrowser(isolated());
    await expect(finding).rejects.toThrow(BrowserNotFoundError);
    await expect(finding).rejects.toThrow(
      /Install Chrome or Chromium, or give the path of its executable with `--browser` or the `LADDERS_BROWSER` environment variable\.$/,
    );
  });
});

describe('browserFlags', () => {
  it('never turns off the renderer process or web security, and drops the sandbox only for root', () => {
    expect(browserFlags).not.toContain('--single-process');
    expect(browserFlags).not.toContain('--disable-web-security');
    expect(browserFlags.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  });
});

describe('launchBrowser', () => {
  /** Open a page in the browser, read its text back, close it, and check its profile folder is gone. */
  async function readBackText(choice: BrowserChoice): Promise<string | null> {
    const browser: Browser = await launchBrowser(choice);
    let profile: string | undefined;
    try {
      profile = browser
        .process()
        ?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))
        ?.slice('--user-data-dir='.length);
      expect(profile && existsSync(profile)).toBe(true);
      const page = await browser.newPage();
      await page.setContent('<p>hi</p>');
      return await page.$eval('p', (element) => element.textContent);
    } finally {
      await browser.close();
      const removed = profile;
      if (removed) await vi.waitFor(() => expect(existsSync(removed)).toBe(false));
    }
  }

  it('renders a page with whatever browser this machine has', async () => {
    // Not skipped when nothing is found: a machine that cannot print should fail here.
    expect(await readBackText(await findBrowser({}))).toBe('hi');
  }, 20_000);

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'renders a page with the bundled Chromium when the machine has none',
    async () => {
      const choice = await findBrowser(isolated({}, { arch: 'x64' }));
      expect(choice.source).toBe('bundled');
      expect(await readBackText(choice)).toBe('hi');
    },
    20_000,
  );
});
