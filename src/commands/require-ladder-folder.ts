import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../failures.js';
import { quote } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { closestMatch } from '../read/closest-match.js';

/**
 * A ladder folder that does not exist is a mistake on the command line, as an unknown flag is: a
 * usage error naming the nearest folder beside it when one is near (`ladder` → `ladders`). A folder
 * that exists but cannot be read is left to the reader, which says why.
 */
export async function requireLadderFolder(ladders: string, cwd: string): Promise<void> {
  const full = path.resolve(cwd, ladders);
  const missing = await stat(full).then(
    () => false,
    (error: unknown) => error instanceof Error && 'code' in error && error.code === 'ENOENT',
  );
  if (!missing) return;
  const shown = displayPath(full, cwd);
  const named = shown.startsWith('../') ? full : shown;
  const parent = path.dirname(full);
  const siblings = await readdir(parent, { withFileTypes: true }).then(
    (entries) => entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name),
    () => [],
  );
  const near = closestMatch(path.basename(full), siblings);
  const hint = near
    ? `did you mean ${quote(path.join(path.dirname(named), near).split(path.sep).join('/'))}?`
    : 'give the folder of ladder pages with `--ladders DIR`';
  throw new UsageError(`the ladder folder ${quote(named)} does not exist; ${hint}`);
}
