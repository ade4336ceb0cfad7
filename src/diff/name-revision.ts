import { runGit } from './run-git.js';

/** What a revision resolved to, named so that it still means the same later: a tag at the commit, else its short hash and date. */
export interface RevisionName {
  /** In titles: `v1.3`, or `3f2a9c1 (2026-11-30)`. */
  title: string;
  /** In file names: `v1.3`, or `3f2a9c1`. */
  file: string;
}

/**
 * Name the commit `commit` of the repository at `root`, which `revision` named: by a tag that points at
 * it (`revision` itself when it is one, else the highest version), else by its short hash and the day
 * it was committed.
 */
export async function nameRevision(commit: string, root: string, revision: string): Promise<RevisionName> {
  const tags = (await runGit(['tag', '--points-at', commit, '--sort=-version:refname'], root))
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const tag = tags.find((name) => name === revision || `tags/${name}` === revision || `refs/tags/${name}` === revision) ?? tags[0];
  if (tag) return { title: tag, file: tag };
  const [hash = commit.slice(0, 7), day = ''] = (await runGit(['log', '-1', '--date=short', '--format=%h%x00%cd', commit], root))
    .toString('utf8')
    .trim()
    .split('\0');
  return { title: day ? `${hash} (${day})` : hash, file: hash };
}
