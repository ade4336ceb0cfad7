import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file to write: its path relative to the output folder, and its bytes or text. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Write files into `outDir` (returning how many), each under a temporary name in its own folder and then renamed into
 * place, so a reader (or a crash) only ever sees the old complete file or the new complete one.
 */
export async function writeOutputs(outDir: string, files: Iterable<OutputFile>): Promise<number> {
  const root = path.resolve(outDir);
  let written = 0;
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`Output ${file.path} would land outside ${root}`);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, file.content);
      await rename(temporary, target);
      written += 1;
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
  return written;
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
