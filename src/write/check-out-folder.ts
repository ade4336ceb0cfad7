import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../failures.js';
import { quote } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { isWithin } from '../read/read-inside.js';

/** A file or folder a command reads, which its output folder must keep clear of. */
export interface InputPlace {
  /** What it is, for messages: `the ladder folder`. */
  what: string;
  /** Its path, absolute or relative to the working folder. */
  path: string;
}

/** What every command that writes reads: the ladder folder, the templates folder if one is given, and the configuration's own files. */
export function placesRead(ladders: string, templates: string | undefined, settingsFiles: readonly InputPlace[] = []): InputPlace[] {
  return [
    { what: 'the ladder folder', path: ladders },
    ...(templates === undefined ? [] : [{ what: 'the templates folder', path: templates }]),
    ...settingsFiles,
  ];
}

/** Where an output folder stands to another place, after resolving symbolic links: the same, inside it, holding it, or apart. */
export type Overlap = 'is' | 'is inside' | 'holds' | null;

/**
 * Refuse, with a usage error (exit 2) before anything is written, an output folder `out` (as the user
 * gave it) that is one of `inputs`, holds one or lies inside one: a build would overwrite the pages
 * it reads, or remove them. Paths are compared after resolving symbolic links, a folder that does
 * not exist yet through its nearest parent that does.
 */
export async function checkOutFolder(out: string, inputs: readonly InputPlace[], cwd: string): Promise<void> {
  const real = await resolveReal(path.resolve(cwd, out));
  const shown = displayPath(path.resolve(cwd, out), cwd);
  for (const input of inputs) {
    const overlap = overlapOf(real, await resolveReal(path.resolve(cwd, input.path)));
    if (overlap)
      throw new UsageError(
        `The output folder ${quote(shown)} ${overlap} ${input.what} ${quote(displayPath(path.resolve(cwd, input.path), cwd))}: choose another \`--out\``,
      );
  }
}

/** How the folder `out` stands to `place`, both absolute; `resolveReal` them first. */
export function overlapOf(out: string, place: string): Overlap {
  if (out === place) return 'is';
  if (isWithin(place, out)) return 'is inside';
  if (isWithin(out, place)) return 'holds';
  return null;
}

/** `file` with every symbolic link resolved; for a path that does not exist yet, its nearest existing parent's, with the rest appended. */
export async function resolveReal(file: string): Promise<string> {
  const rest: string[] = [];
  for (let current = path.resolve(file); ; current = path.dirname(current)) {
    const real = await realpath(current).catch(() => null);
    if (real !== null) return path.join(real, ...rest);
    if (path.dirname(current) === current) return path.resolve(file);
    rest.unshift(path.basename(current));
  }
}
