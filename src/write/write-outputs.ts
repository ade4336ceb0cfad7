import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeSystemError, isSystemError, RenderFailure } from '../failures.js';

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
 * Write files into `outDir` (returning how many), each under a temporary name in its own folder and then renamed into
 * place, so a reader (or a crash) only ever sees the old complete file or the new complete one.
 */
export async function writeOutputs(outDir: string, files: Iterable<OutputFile>, options: WriteOptions = {}): Promise<number> {
  // Created with these modes, never widened afterwards: a private file is not readable by others even for a moment.
  const modes = options.private ? { file: 0o600, folder: 0o700 } : { file: 0o666, folder: 0o777 };
  const root = path.resolve(outDir);
  let written = 0;
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`Output ${file.path} would land outside ${root}`);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(path.dirname(target), { recursive: true, mode: modes.folder });
      await writeFile(temporary, file.content, { mode: modes.file });
      await rename(temporary, target);
      written += 1;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw cannotWrite(error, target);
    }
  }
  return written;
}

/** Delete outputs an earlier build made that nothing makes any more, and the folders they leave empty. */
export async function removeOutputs(outDir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const target = path.join(outDir, file);
    await rm(target, { force: true }).catch((error: unknown) => {
      throw cannotWrite(error, target);
    });
    await rmdir(path.dirname(target)).catch(() => undefined); // only when empty
  }
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
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const leftovers = entries.filter((entry) => entry.isFile() && temporaryName.test(entry.name));
  for (const entry of leftovers) await rm(path.join(entry.parentPath, entry.name), { force: true });
  return leftovers.length;
}
