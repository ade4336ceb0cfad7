import { lstat, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RenderFailure } from '../failures.js';

/**
 * Make `dir` and whichever of its parents are missing, one at a time from the nearest that exists,
 * adding each folder made to `made`. Done one level at a time so that a failure names the folder
 * that could not be made and the real reason: a missing parent on a read-only disk is `EROFS`,
 * where a recursive `mkdir` would say only that the parent does not exist.
 */
export async function makeFolder(dir: string, mode: number, made: string[]): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (found?.isDirectory()) break;
    if (found) throw notAFolder(current);
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing) {
    await mkdir(folder, { mode }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    made.push(folder);
  }
}

/** How `enterFolders` goes down: making the folders that are missing (with `mode`, each added to `made`), or only looking. */
export type Descent = { create: true; mode: number; made: string[] } | { create: false };

/**
 * The folder `dir` (a plain `/`-separated path, or `.`) below the output folder `realRoot`, which is
 * already resolved, checked one name at a time: each must be a real folder, never a symbolic link,
 * so that nothing is written or removed through one outside the output folder. `shownRoot` is the
 * output folder as messages name it. Null when only looking and a folder is missing.
 */
export async function enterFolders(realRoot: string, shownRoot: string, dir: string, descent: Descent): Promise<string | null> {
  let current = realRoot;
  let shown = shownRoot;
  for (const name of dir === '.' ? [] : dir.split('/')) {
    current = path.join(current, name);
    shown = path.join(shown, name);
    let found = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!found && !descent.create) return null;
    if (!found && descent.create) {
      try {
        await mkdir(current, { mode: descent.mode });
        descent.made.push(current);
        continue;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        found = await lstat(current);
      }
    }
    if (found?.isSymbolicLink())
      throw new RenderFailure(
        `Cannot write into ${shown}: it is a symbolic link, and ladders writes only into real folders inside the output folder; remove the link, or choose another \`--out\``,
      );
    if (!found?.isDirectory()) throw notAFolder(shown);
  }
  return current;
}

function notAFolder(shown: string): RenderFailure {
  // Worded as the system's own error for it would be, with its code for searching.
  return new RenderFailure(`Cannot write into ${shown}: it is a file, not a folder (ENOTDIR)`);
}
