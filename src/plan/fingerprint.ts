import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMissingFile, isSystemError } from '../failures.js';
import { readInside, resolveFolder, type Folder } from '../read/read-inside.js';
import { isSkippedFolder } from '../read/read-ladders.js';

/** Files a build reads: those in `dir` whose names match, and in its sub-folders too when `recursive`. */
export interface InputFolder {
  dir: string;
  recursive: boolean;
  names: RegExp;
  /** Folders inside it that are not read (see `isSkippedFolder`), as absolute paths. */
  skip?: readonly string[];
}

// Every reader refuses files far smaller than this; of a larger file only its size is taken, so a stray huge file costs nothing.
const maxHashedBytes = 4 * 1024 * 1024;

/**
 * A hash of a build's raw inputs (every file it reads, byte for byte) and its settings. It is taken
 * before anything is parsed: when it equals the last build's and the outputs are as that build left
 * them, there is nothing to do, and the ladders need not even be read. `reads.files` are single files
 * the last build read besides the folders (its manifest lists them): a new one can only come from an
 * edited page, which changes the hash anyway. They are read only inside `reads.site`, the site's
 * folder, where the reader itself finds them: the manifest may have been edited to name any file.
 */
export async function fingerprintInputs(
  folders: readonly InputFolder[],
  settings: unknown,
  reads: { site: string; files: readonly string[] } | null = null,
): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  // Files the last build read besides the pages: the site's `_config.yml` and the images it inlined.
  if (reads && reads.files.length > 0) {
    const site = await resolveFolder(reads.site);
    for (const file of reads.files) hash.update(`\0read ${file}\0`).update(await contentOf(site, file));
  }
  for (const folder of folders) {
    hash.update(`\0folder ${folder.dir}\0`);
    let names: string[];
    try {
      names = (await readdir(folder.dir, { recursive: folder.recursive }))
        .filter((name) => folder.names.test(path.basename(name)) && !inSkippedFolder(folder, name))
        .sort();
    } catch (error) {
      hash.update(`unreadable ${String((error as NodeJS.ErrnoException).code)}`);
      continue;
    }
    const inside = await resolveFolder(folder.dir);
    for (const name of names) {
      // A folder matching the pattern is not an input; an unreadable file is, and reading it later will say why.
      hash.update(`\0file ${name}\0`).update(await contentOf(inside, path.join(folder.dir, name)));
    }
  }
  return hash.digest('hex');
}

/** Whether a file found below an input folder lies in a folder its reader skips: a hidden one, packages, the output folder. */
function inSkippedFolder(folder: InputFolder, name: string): boolean {
  const parts = name.split(path.sep).slice(0, -1);
  return parts.some((part, index) => isSkippedFolder(part, path.join(folder.dir, ...parts.slice(0, index + 1)), folder.skip));
}

/**
 * A file's bytes, or words for why they are not read: the readers' rules apply here too, so a link out
 * of the folder is never read, and a named pipe or a device does not stop the build before it starts.
 * A file that is there but cannot be read hashes with its error's code, apart from a missing one: a
 * build that found it missing and one denied reading it did not read the same inputs.
 */
async function contentOf(folder: Folder, fullPath: string): Promise<Buffer | string> {
  const read = await readInside(folder, fullPath, maxHashedBytes);
  if (read.ok) return read.bytes;
  if (read.problem === 'too-large') return `too-large ${read.size}`;
  if (read.problem !== 'unreadable') return read.problem;
  if (isMissingFile(read.error)) return 'missing';
  return `unreadable ${isSystemError(read.error) ? read.error.code : String(read.error)}`;
}
