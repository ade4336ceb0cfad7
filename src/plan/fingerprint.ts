import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile } from './read-regular-file.js';

/** Larger than any image or site configuration the reader takes in; a larger file in the manifest's `reads` is not read. */
const maxReadBytes = 16 * 1024 * 1024;

/** Files a build reads: those in `dir` whose names match, and in its sub-folders too when `recursive`. */
export interface InputFolder {
  dir: string;
  recursive: boolean;
  names: RegExp;
}

/**
 * A hash of a build's raw inputs (every file it reads, byte for byte) and its settings. It is taken
 * before anything is parsed: when it equals the last build's and the outputs are as that build left
 * them, there is nothing to do, and the ladders need not even be read. `files` are single files the
 * last build read besides the folders (its manifest lists them): a new one can only come from an
 * edited page, which changes the hash anyway.
 */
export async function fingerprintInputs(
  folders: readonly InputFolder[],
  settings: unknown,
  files: readonly string[] = [],
): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  // Files the last build read besides the pages: the site's `_config.yml` and the images it inlined.
  for (const file of files) {
    // Named by the manifest, which may have been edited: a regular file of a size the reader accepts, or nothing.
    const bytes = await readRegularFile(file, maxReadBytes);
    hash.update(`\0read ${file}\0`).update(bytes ?? 'unreadable');
  }
  for (const folder of folders) {
    hash.update(`\0folder ${folder.dir}\0`);
    let names: string[];
    try {
      names = (await readdir(folder.dir, { recursive: folder.recursive })).filter((name) => folder.names.test(path.basename(name))).sort();
    } catch (error) {
      hash.update(`unreadable ${String((error as NodeJS.ErrnoException).code)}`);
      continue;
    }
    for (const name of names) {
      const bytes = await readFile(path.join(folder.dir, name)).catch(() => null);
      // A folder matching the pattern is not an input; an unreadable file is, and reading it later will say why.
      hash.update(`\0file ${name}\0`).update(bytes ?? 'unreadable');
    }
  }
  return hash.digest('hex');
}
