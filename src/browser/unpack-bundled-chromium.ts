import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMissingFile } from '../failures.js';

const require = createRequire(import.meta.url);
let unpacking: Promise<string> | undefined;

/**
 * Unpack the Chromium inside `@sparticuz/chromium` into `<tmp>/ladders-chromium-<version>/` and
 * return its executable. The package itself unpacks straight into `<tmp>/chromium` and takes an
 * existing file as finished, so an interrupted unpack or two builds starting together leave a
 * broken browser behind. Here it unpacks into a private staging folder (the package follows
 * `TMPDIR`), which is then renamed into place in one step: the folder is complete or absent.
 */
export function unpackBundledChromium(): Promise<string> {
  unpacking ??= unpack().catch((error: unknown) => {
    unpacking = undefined;
    throw error;
  });
  return unpacking;
}

async function unpack(): Promise<string> {
  const home = path.join(tmpdir(), `ladders-chromium-${await packageVersion()}`);
  const executable = path.join(home, 'chromium');
  if (await isFile(executable)) return executable;
  const staging = await mkdtemp(`${home}-unpacking-`);
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const unpacked = await withTmpdir(staging, () => chromium.executablePath());
    if (path.dirname(unpacked) !== staging) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
    await rename(staging, home).catch((error: NodeJS.ErrnoException) => {
      // Another build finished unpacking first: its folder is as good as ours.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return executable;
}

/** The package's version, so a newer package never reuses an older unpacked browser. */
async function packageVersion(): Promise<string> {
  // The package's exports hide its package.json, so walk up from its entry point.
  let dir = path.dirname(require.resolve('@sparticuz/chromium'));
  while (dir !== path.dirname(dir)) {
    // Only a missing file sends the walk up a folder: one that cannot be read stops it, saying why.
    const manifest = await readFile(path.join(dir, 'package.json'), 'utf8').catch((error: unknown) => {
      if (isMissingFile(error)) return null;
      throw error;
    });
    const parsed = manifest ? (JSON.parse(manifest) as { name?: string; version?: string }) : null;
    if (parsed?.name === '@sparticuz/chromium' && parsed.version) return parsed.version;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the version of @sparticuz/chromium');
}

async function withTmpdir<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
