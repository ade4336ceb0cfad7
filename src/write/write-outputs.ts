import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeSystemError, isMissingFile, isSystemError, RenderFailure } from '../failures.js';
import { isOutputPath } from '../plan/is-output-path.js';
import { sha256 } from '../plan/output-states.js';
import { enterFolders, makeFolder } from './enter-folders.js';

/** A file to write: its path relative to the output folder, and its bytes or text. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** How written files may be read: `private` files (an assessment's personal data) are the owner's alone, 0600 in folders made 0700. */
export interface WriteOptions {
  private?: boolean;
}

/**
 * Write files into `outDir` (returning how many), all or none: each is written under a temporary name
 * in its own folder, and only once all are written are they renamed into place, so a reader (or a
 * crash) only ever sees the old complete file or the new complete one. If any cannot be written,
 * what this call wrote (and the folders it made) is removed again. Folders inside `outDir` must be
 * real folders, never symbolic links: nothing is written through one out of the output folder.
 */
export async function writeOutputs(outDir: string, files: Iterable<OutputFile>, options: WriteOptions = {}): Promise<number> {
  // Created with these modes, never widened afterwards: a private file is not readable by others even for a moment.
  const modes = options.private ? { file: 0o600, folder: 0o700 } : { file: 0o666, folder: 0o777 };
  const root = path.resolve(outDir);
  const made: string[] = [];
  const staged: { temporary: string; target: string; shown: string }[] = [];
  const renamed: string[] = [];
  let shown = root;
  try {
    await makeFolder(root, modes.folder, made);
    const realRoot = await realpath(root);
    for (const file of files) {
      if (!isOutputPath(file.path)) throw new Error(`Output ${JSON.stringify(file.path)} is not a plain path inside ${root}`);
      shown = path.join(root, file.path);
      const descent = { create: true, mode: modes.folder, made } as const;
      const dir = (await enterFolders(realRoot, root, path.posix.dirname(file.path), descent)) ?? realRoot;
      const name = path.posix.basename(file.path);
      const temporary = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temporary, target: path.join(dir, name), shown });
      // `wx`: a new file, never one that is there already, such as a link planted under the temporary name.
      await writeFile(temporary, file.content, { mode: modes.file, flag: 'wx' });
    }
    for (const file of staged) {
      shown = file.shown;
      await rename(file.temporary, file.target);
      renamed.push(file.target);
    }
    return staged.length;
  } catch (error) {
    for (const file of staged) await rm(file.temporary, { force: true }).catch(() => undefined);
    for (const target of renamed) await rm(target, { force: true }).catch(() => undefined);
    for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined); // only when empty
    throw cannotWrite(error, shown);
  }
}

/** An output an earlier build made that nothing makes any more, and the hash the manifest recorded of it. */
export interface RecordedOutput {
  path: string;
  sha256: string;
}

/** An old output left in place: its path, and why it could not be read when it could not (`permission denied (EACCES)`), else null for changed. */
export interface KeptOutput {
  path: string;
  unreadable: string | null;
}

/**
 * Delete outputs an earlier build made that nothing makes any more, and the folders they leave empty.
 * Only a file still as that build wrote it (its bytes hash to what the manifest recorded) is deleted;
 * one changed since, or that cannot be read to tell, is left where it is and returned in `kept`, for
 * the command to warn about.
 */
export async function removeOutputs(outDir: string, files: readonly RecordedOutput[]): Promise<{ removed: string[]; kept: KeptOutput[] }> {
  const root = path.resolve(outDir);
  const realRoot = await realpath(root).catch(() => null);
  const result = { removed: [] as string[], kept: [] as KeptOutput[] };
  for (const file of files) {
    if (!isOutputPath(file.path)) throw new Error(`Output ${JSON.stringify(file.path)} is not a plain path inside ${root}`);
    const shown = path.join(root, file.path);
    const dir = realRoot && (await enterFolders(realRoot, root, path.posix.dirname(file.path), { create: false }));
    const target = dir && path.join(dir, path.posix.basename(file.path));
    if (!target) {
      result.removed.push(file.path); // already gone, with its folder
      continue;
    }
    let bytes: Buffer | null;
    try {
      // Only ever a regular file: ladders writes no links, pipes or folders, so one of those was put there by hand.
      bytes = (await lstat(target)).isFile() ? await readFile(target) : null;
    } catch (error) {
      if (isMissingFile(error)) {
        result.removed.push(file.path); // already gone
        continue;
      }
      if (!isSystemError(error)) throw error;
      // There but not to be read: kept, saying why, never counted as removed nor as changed.
      result.kept.push({ path: file.path, unreadable: describeSystemError(error) });
      continue;
    }
    if (bytes === null || sha256(bytes) !== file.sha256) {
      result.kept.push({ path: file.path, unreadable: null });
      continue;
    }
    await rm(target, { force: true }).catch((error: unknown) => {
      throw cannotWrite(error, shown);
    });
    result.removed.push(file.path);
    if (dir !== realRoot) await rmdir(dir).catch(() => undefined); // only when empty
  }
  return result;
}

/**
 * Check, before anything is written, that each folder the outputs `files` go into is a real folder
 * inside `outDir` or not there yet; a symbolic link on the way is a `RenderFailure` naming it.
 */
export async function checkOutputFolders(outDir: string, files: readonly string[]): Promise<void> {
  const root = path.resolve(outDir);
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return; // made by the first write, with nothing in it yet
  for (const dir of new Set(files.map((file) => path.posix.dirname(file)))) await enterFolders(realRoot, root, dir, { create: false });
}

/** A full disk or a read-only folder is the machine's state: a one-line failure naming what could not be written. */
function cannotWrite(error: unknown, target: string): unknown {
  if (!isSystemError(error)) return error;
  // The file's own name, not its temporary one; a folder that cannot be made is named itself.
  const what = error.syscall === 'mkdir' && error.path ? error.path : target;
  return new RenderFailure(`Cannot write ${what}: ${describeSystemError(error)}`, { cause: error });
}

/** A temporary file of `writeOutputs`: hidden, next to its target, with a random part. */
const temporaryName = /^\..+\.[\da-f]{12}\.tmp$/;

/**
 * Remove what a killed build left half written (a process killed outright cannot clean up after
 * itself); only this writer's own temporary names are touched. Returns how many were removed.
 */
export async function removeLeftovers(outDir: string): Promise<number> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if (isMissingFile(error)) return [];
    throw error; // the top level names the folder that cannot be read, and why
  });
  const leftovers = entries.filter((entry) => entry.isFile() && temporaryName.test(entry.name));
  for (const entry of leftovers) await rm(path.join(entry.parentPath, entry.name), { force: true });
  return leftovers.length;
}
