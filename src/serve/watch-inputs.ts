import { readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { describeSystemError, isMissingFile, isSystemError, RenderFailure } from '../failures.js';

/** A folder to watch, whole or for some names only. */
export interface WatchTarget {
  /** What the folder holds, as `onChange` is told. */
  kind: string;
  dir: string;
  /** Watch the folders inside it too. */
  recursive: boolean;
  /** Only changes to files of these names count; all count when absent. */
  names?: readonly string[];
}

/** Watchers that can be stopped. */
export interface InputWatch {
  close(): void;
}

/**
 * Call `onChange` with the kinds of the folders that changed once the watched folders have been quiet for `quietMs` after a change, and never
 * twice at once: changes that arrive while it runs bring one more call when it is done. So a hundred
 * saves in a second are one read or two, and an editor's write-then-rename is one change.
 *
 * Ten quiet milliseconds are enough: an editor's write and rename, and a loop's saves, come within one or two of each
 * other; a save that comes later is read by the one more call.
 *
 * Folders are watched rather than files: an editor that saves by renaming a new file over the old one
 * replaces the file, and a watch on the old file would see nothing after the first save.
 */
export function watchInputs(targets: readonly WatchTarget[], onChange: (kinds: Set<string>) => Promise<void>, quietMs = 10): InputWatch {
  let timer: NodeJS.Timeout | undefined;
  let kinds = new Set<string>();
  let running = false;
  let again = false;
  let closed = false;
  const trigger = (kind: string) => {
    if (closed) return;
    kinds.add(kind);
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void run(), quietMs);
  };
  const run = async () => {
    running = true;
    again = false;
    const changed = kinds;
    kinds = new Set();
    try {
      await onChange(changed);
    } finally {
      running = false;
      if (again) {
        again = false;
        clearTimeout(timer);
        timer = setTimeout(() => void run(), quietMs);
      }
    }
  };
  const watchers: FSWatcher[] = [];
  const close = () => {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
  try {
    watchAll(targets, watchers, trigger);
  } catch (error) {
    close();
    throw error;
  }
  return { close };
}

/** Start a watcher on each folder of `targets` into `watchers`; a folder that is there but cannot be watched throws, naming it. */
function watchAll(targets: readonly WatchTarget[], watchers: FSWatcher[], trigger: (kind: string) => void): void {
  for (const { dir, names, kind } of targets.flatMap((target) =>
    (target.recursive ? foldersIn(target.dir) : [target.dir]).map((dir) => ({ dir, names: target.names, kind: target.kind })),
  )) {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => {
        if (!names || (name !== null && names.includes(path.basename(name)))) trigger(kind);
      });
    } catch (error) {
      // A folder that does not exist (yet): there is nothing in it to watch, and reading reports it.
      if (isMissingFile(error)) continue;
      // One that cannot be watched would leave the preview silently stale: say why instead.
      throw cannotWatch(dir, error);
    }
    // A watched folder that is deleted ends its watch; the next read says what is missing.
    watcher.on('error', () => trigger(kind));
    watchers.push(watcher);
  }
}

/**
 * `dir` and every folder inside it, each watched on its own. Node's recursive watch on Linux watches
 * each file, and loses a file that an editor's atomic save replaced; a folder's watch sees the rename.
 */
function foldersIn(dir: string): string[] {
  try {
    const inside = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .map((entry) => path.join(entry.parentPath, entry.name));
    return [dir, ...inside];
  } catch (error) {
    // A folder that does not exist (yet) is watched for when it comes; one inside that cannot be read would go unwatched.
    if (isMissingFile(error)) return [dir];
    throw cannotWatch(dir, error);
  }
}

/**
 * Why a folder cannot be watched. A full inotify table reports ENOSPC though no disk is full, so that
 * one names the limit to raise.
 */
function cannotWatch(dir: string, error: unknown): unknown {
  if (!isSystemError(error)) return error;
  const why =
    error.code === 'ENOSPC'
      ? 'the system watches as many folders as it may (ENOSPC); raise `fs.inotify.max_user_watches`'
      : describeSystemError(error);
  return new RenderFailure(`Cannot watch ${dir} for changes: ${why}`, { cause: error });
}
