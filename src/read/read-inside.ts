import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { quote } from '../messages.js';

/** A folder that reading is confined to: its path as given, and where it really is once symbolic links are resolved. */
export interface Folder {
  dir: string;
  real: string;
}

/** A file's bytes, or why they were not read; `link` is the symbolic link that leads out of the folder. */
export type ReadInside =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'outside'; link: string }
  | { ok: false; problem: 'not-file' }
  | { ok: false; problem: 'too-large'; size: number }
  | { ok: false; problem: 'unreadable'; error: unknown };

/** Where a file of a folder really is, or why it may not be read. */
export type LocateInside = { ok: true; real: string } | Extract<ReadInside, { problem: 'outside' | 'unreadable' }>;

// A named pipe would block `open` until something writes to it; without waiting it opens, and is then refused as no file.
const openFlags = constants.O_RDONLY | ((constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0);

/** Resolve `dir`'s symbolic links once, so that each file read from it is checked against where the folder really is. */
export async function resolveFolder(dir: string): Promise<Folder> {
  const resolved = path.resolve(dir);
  // A folder that cannot be resolved holds nothing to read; reading from it says why.
  return { dir: resolved, real: await realpath(resolved).catch(() => resolved) };
}

/** `resolveFolder` for readers that cannot wait. */
export function resolveFolderSync(dir: string): Folder {
  const resolved = path.resolve(dir);
  try {
    return { dir: resolved, real: realpathSync(resolved) };
  } catch {
    return { dir: resolved, real: resolved };
  }
}

/** Where `fullPath`, a path inside `folder`, really is; a path that a symbolic link leads out of the folder is refused. */
export async function locateInside(folder: Folder, fullPath: string): Promise<LocateInside> {
  let real: string;
  try {
    real = await realpath(fullPath);
  } catch (error) {
    return { ok: false, problem: 'unreadable', error };
  }
  if (isWithin(folder.real, real)) return { ok: true, real };
  return { ok: false, problem: 'outside', link: await leavingLink(folder, fullPath) };
}

/**
 * Read `fullPath`, a file inside `folder`, when it really lies inside the folder (symbolic links
 * followed), is a plain file and holds at most `maxBytes`; otherwise say why, without reading it.
 */
export async function readInside(folder: Folder, fullPath: string, maxBytes: number): Promise<ReadInside> {
  const located = await locateInside(folder, fullPath);
  if (!located.ok) return located;
  try {
    const handle = await open(located.real, openFlags);
    try {
      return refusal(await handle.stat(), maxBytes) ?? bounded(await handle.readFile(), maxBytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, problem: 'unreadable', error };
  }
}

/** `readInside` for readers that cannot wait, such as inlining a picture while a page is modelled. */
export function readInsideSync(folder: Folder, fullPath: string, maxBytes: number): ReadInside {
  let real: string;
  try {
    real = realpathSync(fullPath);
  } catch (error) {
    return { ok: false, problem: 'unreadable', error };
  }
  if (!isWithin(folder.real, real)) return { ok: false, problem: 'outside', link: leavingLinkSync(folder, fullPath) };
  try {
    const fd = openSync(real, openFlags);
    try {
      return refusal(fstatSync(fd), maxBytes) ?? bounded(readFileSync(fd), maxBytes);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { ok: false, problem: 'unreadable', error };
  }
}

/** What a message says of a link out of the folder: it names the link and the folder, never what the link points at. */
export function outsideReason(link: string, folder: string): string {
  return `${quote(link)} is a symbolic link that points outside the folder ${quote(folder)}; only files inside it are read`;
}

/** Whether `real` is `folder` or lies under it; both are real paths. */
export function isWithin(folder: string, real: string): boolean {
  const relative = path.relative(folder, real);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

function refusal(stats: Stats, maxBytes: number): ReadInside | null {
  if (!stats.isFile()) return { ok: false, problem: 'not-file' };
  return stats.size > maxBytes ? { ok: false, problem: 'too-large', size: stats.size } : null;
}

// The file may have grown since it was looked at.
function bounded(bytes: Buffer, maxBytes: number): ReadInside {
  return bytes.length > maxBytes ? { ok: false, problem: 'too-large', size: bytes.length } : { ok: true, bytes };
}

/** The first step of `fullPath` below the folder that is a symbolic link out of it: the link to name in a message. */
async function leavingLink(folder: Folder, fullPath: string): Promise<string> {
  for (const step of stepsBelow(folder, fullPath)) {
    const isLink = await lstat(step).then(
      (stats) => stats.isSymbolicLink(),
      () => false,
    );
    if (isLink && !isWithin(folder.real, await realpath(step).catch(() => step))) return step;
  }
  return fullPath;
}

function leavingLinkSync(folder: Folder, fullPath: string): string {
  for (const step of stepsBelow(folder, fullPath)) {
    try {
      if (lstatSync(step).isSymbolicLink() && !isWithin(folder.real, realpathSync(step))) return step;
    } catch {
      // A step that cannot be looked at is not the link; the next may be.
    }
  }
  return fullPath;
}

/** `dir/a`, `dir/a/b`, `dir/a/b/c` for `dir/a/b/c` in `dir`: each path from the folder down to the file. */
function stepsBelow(folder: Folder, fullPath: string): string[] {
  const relative = path.relative(folder.dir, path.resolve(fullPath));
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') return [];
  const parts = relative.split(path.sep);
  return parts.map((_, index) => path.join(folder.dir, ...parts.slice(0, index + 1)));
}
