import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../failures.js';
import { quote } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { GitError, runGit } from './run-git.js';

/** Where a revision of the ladder folder is: the repository's root, the commit, the folder's path in it, and the real working folder. */
export interface RevisionPlace {
  root: string;
  commit: string;
  /** The ladder folder's path from the repository's root, with `/`. */
  inRepo: string;
  realCwd: string;
}

/**
 * Find the repository holding `ladderDir` and the commit `revision` names in it. A folder outside a
 * repository (the message ends with `hint`, what to do instead), an unknown revision, or a folder
 * outside the repository is a usage error.
 */
export async function locateRevision(
  revision: string,
  ladderDir: string,
  cwd: string,
  hint = 'give two folders to compare instead',
): Promise<RevisionPlace> {
  const shownDir = displayPath(ladderDir, cwd);
  const existing = await nearestExistingFolder(ladderDir);
  const top = await runGit(['rev-parse', '--show-toplevel'], existing).then(
    (out) => out.toString('utf8').trim(),
    (error: unknown) => {
      if (error instanceof GitError)
        throw new UsageError(`${quote(shownDir)} is not in a git repository, so revision ${quote(revision)} cannot be read; ${hint}`);
      throw error;
    },
  );
  const root = await realpath(top);
  const realCwd = await realpath(cwd).catch(() => cwd);
  // Named as the user's other paths are: from the working folder, not from the machine's root.
  const commit = await resolveCommit(revision, root, displayPath(root, realCwd));
  const realLadderDir = path.join(await realpath(existing), path.relative(existing, ladderDir));
  const inRepo = path.relative(root, realLadderDir).split(path.sep).join('/');
  if (inRepo.startsWith('../') || inRepo === '..')
    throw new UsageError(`${quote(shownDir)} is not inside the repository at ${quote(displayPath(root, realCwd))}`);
  return { root, commit, inRepo, realCwd };
}

async function resolveCommit(revision: string, root: string, shownRoot: string): Promise<string> {
  const unknown = new UsageError(`unknown revision ${quote(revision)} in the repository at ${quote(shownRoot)}`);
  // A revision that starts with `-` would be read as an option.
  if (revision === '' || revision.startsWith('-')) throw unknown;
  const out = await runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], root).catch((error: unknown) => {
    if (error instanceof GitError) throw unknown;
    throw error;
  });
  return out.toString('utf8').trim();
}

async function nearestExistingFolder(folder: string): Promise<string> {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const isFolder = await stat(current).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (isFolder || path.dirname(current) === current) return current;
  }
}
