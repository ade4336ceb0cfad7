/**
 * Find a Chrome or Chromium to print with. The first of these wins:
 *
 * 1. `explicitPath`, from the `--browser` flag;
 * 2. the environment: `LADDERS_BROWSER`, then `PUPPETEER_EXECUTABLE_PATH`;
 * 3. a browser installed on the machine: `chromium`, `chromium-browser`, `google-chrome-stable` or
 *    `google-chrome` on `PATH`, then the usual install locations of Linux, macOS and Windows;
 * 4. a browser that puppeteer downloaded into its cache (`PUPPETEER_CACHE_DIR`, else `~/.cache/puppeteer`):
 *    full Chrome before chrome-headless-shell, the highest version first;
 * 5. on Linux x64 only, the Chromium shipped inside `@sparticuz/chromium`, unpacked into the temp folder on first use.
 *
 * Steps 1 and 2 throw when the path named is not an executable file instead of falling through,
 * because quietly printing with some other browser would hide the user's mistake.
 */
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { RenderFailure } from '../failures.js';
import { unpackBundledChromium } from './unpack-bundled-chromium.js';

/** The browser executable to launch, and which step of the search found it. */
export interface BrowserChoice {
  executablePath: string;
  source: 'option' | 'environment' | 'system' | 'puppeteer-cache' | 'bundled';
}

/** Where to look; everything but `explicitPath` defaults to this process and machine, and exists to be overridden in tests. */
export interface FindBrowserOptions {
  /** The `--browser` flag's value; relative paths are taken from the working folder. */
  explicitPath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Absolute install locations tried after `PATH`; defaults to the platform's usual ones. */
  knownPaths?: readonly string[];
}

/** No usable browser was found, or the one the user named cannot be run; the message says how to fix it. */
export class BrowserNotFoundError extends RenderFailure {
  override name = 'BrowserNotFoundError';
}

const pathNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Find the browser to print with, in the order described at the top of this file. */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<BrowserChoice> {
  const { explicitPath, env = process.env, platform = process.platform, arch = process.arch } = options;

  if (explicitPath !== undefined) return { executablePath: await requireExecutable(explicitPath, '--browser'), source: 'option' };
  for (const name of ['LADDERS_BROWSER', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = readEnv(env, name, platform);
    if (value) return { executablePath: await requireExecutable(value, name), source: 'environment' };
  }

  const system = await findFirstExecutable([...searchPath(env, platform), ...(options.knownPaths ?? knownInstallPaths(env, platform))]);
  if (system) return { executablePath: system, source: 'system' };

  const cached = await findInPuppeteerCache(env, platform, arch);
  if (cached) return { executablePath: cached, source: 'puppeteer-cache' };

  if (platform === 'linux' && arch === 'x64') {
    try {
      return { executablePath: await unpackBundledChromium(), source: 'bundled' };
    } catch (error) {
      throw new BrowserNotFoundError(
        `${notFoundMessage} The bundled Chromium could not be unpacked: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  throw new BrowserNotFoundError(notFoundMessage);
}

const notFoundMessage =
  'No Chrome or Chromium was found to print with. Install Chrome or Chromium, or give the path of its executable with `--browser` or the `LADDERS_BROWSER` environment variable.';

async function requireExecutable(given: string, origin: string): Promise<string> {
  const resolved = path.resolve(given);
  if (await isExecutableFile(resolved)) return resolved;
  throw new BrowserNotFoundError(
    `The browser \`${given}\` given by \`${origin}\` is not an executable file. Point \`${origin}\` at a Chrome or Chromium executable, or leave it out to search for one.`,
  );
}

/** Stat plus an access check is as far as detection goes: spawning a browser to ask its version would cost more than the launch. */
async function isExecutableFile(file: string): Promise<boolean> {
  try {
    // A folder has the execute bit too, so a folder named `chromium` on PATH must not count.
    if (!(await stat(file)).isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findFirstExecutable(candidates: readonly string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function searchPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const windows = platform === 'win32';
  const dirs = (readEnv(env, 'PATH', platform) ?? '').split(windows ? ';' : ':').filter((dir) => dir !== '');
  return dirs.flatMap((dir) => pathNames.map((name) => path.join(dir, windows ? `${name}.exe` : name)));
}

function knownInstallPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  switch (platform) {
    case 'linux':
      // PATH can be cut down (cron, service units), and Google Chrome's real binary lives outside it.
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome-stable',
        '/usr/bin/google-chrome',
        '/opt/google/chrome/chrome',
        '/snap/bin/chromium',
      ];
    case 'darwin':
      return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
    case 'win32': {
      // The environment, not a hard-coded `C:\`, says where Program Files is on this machine.
      const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].flatMap((name) => readEnv(env, name, platform) ?? []);
      const chrome = roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      const chromium = roots.map((root) => path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'));
      return [...chrome, ...chromium];
    }
    default:
      return [];
  }
}

/** Mirrors the layout of `@puppeteer/browsers`: `<cache>/<browser>/<platform>-<buildId>/<folder>/<executable>`. */
async function findInPuppeteerCache(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, arch: string): Promise<string | undefined> {
  const layout = puppeteerLayout(platform, arch);
  if (!layout) return undefined;
  const home = readEnv(env, platform === 'win32' ? 'USERPROFILE' : 'HOME', platform) || homedir();
  const cacheDir = readEnv(env, 'PUPPETEER_CACHE_DIR', platform) || path.join(home, '.cache', 'puppeteer');
  for (const [browser, executable] of [
    ['chrome', layout.chrome],
    ['chrome-headless-shell', layout.headlessShell],
  ] as const) {
    const browserDir = path.join(cacheDir, browser);
    const versions = (await readdir(browserDir).catch(() => []))
      .filter((entry) => entry.startsWith(`${layout.key}-`))
      .sort(byVersionDescending);
    const found = await findFirstExecutable(versions.map((version) => path.join(browserDir, version, executable)));
    if (found) return found;
  }
  return undefined;
}

const versionOrder = new Intl.Collator('en', { numeric: true });

/** Numeric, so `linux-120.0.1` beats `linux-99.0.1`; ties cannot happen because folder names are unique. */
function byVersionDescending(a: string, b: string): number {
  return versionOrder.compare(b, a);
}

function puppeteerLayout(platform: NodeJS.Platform, arch: string): { key: string; chrome: string; headlessShell: string } | undefined {
  switch (platform) {
    case 'linux':
      // `@puppeteer/browsers` names the folder `linux64` on arm64 too.
      return {
        key: arch === 'arm64' ? 'linux_arm' : 'linux',
        chrome: path.join('chrome-linux64', 'chrome'),
        headlessShell: path.join('chrome-headless-shell-linux64', 'chrome-headless-shell'),
      };
    case 'darwin': {
      const folder = arch === 'arm64' ? 'mac-arm64' : 'mac-x64';
      return {
        key: arch === 'arm64' ? 'mac_arm' : 'mac',
        chrome: path.join(`chrome-${folder}`, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
        headlessShell: path.join(`chrome-headless-shell-${folder}`, 'chrome-headless-shell'),
      };
    }
    case 'win32': {
      const folder = arch === 'ia32' ? 'win32' : 'win64';
      return {
        key: folder,
        chrome: path.join(`chrome-${folder}`, 'chrome.exe'),
        headlessShell: path.join(`chrome-headless-shell-${folder}`, 'chrome-headless-shell.exe'),
      };
    }
    default:
      return undefined;
  }
}

/** Windows' environment is case-insensitive (`Path`, `ProgramFiles`); a plain object passed in tests is not. */
function readEnv(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}
