import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../failures.js';
import { quote } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { loadLadder, type LoadedLadder, type ReadSettings } from '../read/load-ladder.js';
import { isSkippedFolder, markdownExtension, maxPageBytes } from '../read/read-ladders.js';
import { maxImageBytes } from '../read/read-image.js';
import { maxSiteConfigBytes } from '../read/read-site-config.js';
import { locateRevision, type RevisionPlace } from './locate-revision.js';
import { runGit } from './run-git.js';

/** One file of a git tree: its path from the repository's root, its object id, its mode and its size in bytes. */
interface TreeEntry {
  path: string;
  id: string;
  mode: string;
  size: number;
}

// What reading a ladder may open besides its pages: the site's configuration and inlined pictures.
const pictureExtension = /\.(png|jpe?g|gif|webp)$/i;

/**
 * Read the ladder in `ladderDir` as it was at the git `revision` of the repository holding it, without
 * touching the working tree: the pages, the site's `_config.yml` and the pictures they may inline are
 * copied out of git into a temporary folder laid out like the repository, read there as `loadLadder`
 * reads a folder (so message paths are those of the working tree), and the folder removed. A file
 * larger than its reader takes is not copied: its size, asked of git, is enough for the reader to refuse it. Every
 * message's path is prefixed with the revision: `HEAD~1:ladders/developer.md:12:3`. An unknown revision,
 * a folder outside a repository, or a ladder folder that does not exist at the revision is a usage error.
 * `place` is the revision already located (a build keys its outputs on the commit it found); `scratch`
 * the folder to make the temporary one in (the system's by default), which a caller that may stop the
 * reading part-way removes itself.
 */
export async function readRevision(
  revision: string,
  ladderDir: string,
  cwd: string,
  settings: ReadSettings = {},
  { place, scratch: scratchRoot = tmpdir() }: { place?: RevisionPlace; scratch?: string } = {},
): Promise<LoadedLadder> {
  const shownDir = displayPath(ladderDir, cwd);
  const { root, commit, inRepo, realCwd } = place ?? (await locateRevision(revision, ladderDir, cwd));
  const entries = await listTree(commit, inRepo, root);
  if (entries.length === 0 || entries.some((entry) => entry.path === inRepo)) {
    const elsewhere = await pagesFolder(commit, root);
    const hint =
      elsewhere === null
        ? 'if its pages were in another folder there, name it with `--ladders`'
        : `its pages may be in another folder: try \`--ladders ${displayPath(path.join(root, elsewhere), realCwd)}\``;
    throw new UsageError(`the ladder folder ${quote(shownDir)} does not exist at revision ${quote(revision)}; ${hint}`);
  }

  const siteConfigs = await listTree(
    commit,
    '',
    root,
    ancestorsOf(inRepo).map((folder) => path.posix.join(folder, '_config.yml')),
    false,
  );
  // The site's root is the nearest folder with a `_config.yml`; site-absolute pictures start there.
  const siteRoot = siteConfigs.map((entry) => path.posix.dirname(entry.path)).sort((a, b) => b.length - a.length)[0];
  const wanted = entries.filter((entry) => isPage(entry, inRepo) || pictureExtension.test(entry.path));
  if (siteRoot !== undefined && !isInside(siteRoot === '.' ? '' : siteRoot, inRepo)) {
    const site = await listTree(commit, siteRoot === '.' ? '' : siteRoot, root);
    wanted.push(...site.filter((entry) => pictureExtension.test(entry.path) && !isInside(inRepo, entry.path)));
  }
  wanted.push(...siteConfigs);

  const common = commonFolder(root, realCwd);
  const scratch = await mkdtemp(path.join(scratchRoot, 'ladders-revision-'));
  try {
    const mirror = path.join(scratch, path.relative(common, root));
    // A `.git` folder marks the repository's root, where the search for `_config.yml` stops, as it does in the working tree.
    await mkdir(path.join(mirror, '.git'), { recursive: true });
    await copyBlobs(wanted, mirror, root);
    const mirroredCwd = path.join(scratch, path.relative(common, realCwd));
    await mkdir(mirroredCwd, { recursive: true });
    const loaded = await loadLadder(path.join(mirror, inRepo), mirroredCwd, settings);
    for (const file of loaded.files) for (const message of file.messages) prefixPlace(message, revision);
    return loaded;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The files under `folder` at `commit` (every file of the tree when `folder` is empty), or the files named by `paths`. */
async function listTree(
  commit: string,
  folder: string,
  root: string,
  paths: readonly string[] = [],
  recursive = true,
): Promise<TreeEntry[]> {
  // `-l` gives each blob's size, so a file too large to read is known before any of it is copied.
  const args = ['ls-tree', '-z', '-l', ...(recursive ? ['-r'] : []), commit, '--', ...(paths.length > 0 ? paths : folder ? [folder] : [])];
  const out = (await runGit(args, root)).toString('utf8');
  return out
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const match = /^(\d{6}) (\w+) ([0-9a-f]+) +(-|\d+)\t([\s\S]*)$/.exec(line);
      if (!match) return [];
      const [, mode = '', type, id = '', size = '', entryPath = ''] = match;
      // Only plain files: a link could point anywhere on the machine, and a submodule is another repository.
      return type === 'blob' && mode !== '120000' ? [{ path: entryPath, id, mode, size: Number(size) }] : [];
    });
}

/**
 * The folder at `commit` most likely to hold a ladder: of the folders with two or more Markdown pages,
 * the one nearest the root, then the one with the most; null when there is none. Relative to the root.
 */
async function pagesFolder(commit: string, root: string): Promise<string | null> {
  const counts = new Map<string, number>();
  for (const entry of await listTree(commit, '', root)) {
    if (!markdownExtension.test(entry.path)) continue;
    const folder = path.posix.dirname(entry.path);
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const depth = (folder: string) => (folder === '.' ? 0 : folder.split('/').length);
  const [best] = [...counts]
    .filter(([, count]) => count >= 2)
    .sort(([a, countA], [b, countB]) => depth(a) - depth(b) || countB - countA || (a < b ? -1 : a > b ? 1 : 0));
  return best?.[0] ?? null;
}

/**
 * Write each entry's blob at its path under `mirror`, read from git in one batch. A blob larger than its
 * reader takes is not read: in its place goes a file of its size with nothing written in it (sparse, so
 * it costs no disk), which the reader refuses by its size, with its place, as it would the real file.
 */
async function copyBlobs(entries: readonly TreeEntry[], mirror: string, root: string): Promise<void> {
  const targetOf = (entry: TreeEntry) => path.join(mirror, ...entry.path.split('/'));
  const [small, large] = [entries.filter((entry) => entry.size <= limitOf(entry)), entries.filter((entry) => entry.size > limitOf(entry))];
  for (const entry of large) {
    await mkdir(path.dirname(targetOf(entry)), { recursive: true });
    await writeFile(targetOf(entry), '');
    await truncate(targetOf(entry), entry.size);
  }
  if (small.length === 0) return;
  const out = await runGit(['cat-file', '--batch'], root, small.map((entry) => entry.id).join('\n') + '\n');
  let offset = 0;
  for (const entry of small) {
    const end = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, end).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isInteger(size)) throw new Error(`Unexpected answer from git cat-file: ${header}`);
    const target = targetOf(entry);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, out.subarray(end + 1, end + 1 + size));
    offset = end + 1 + size + 1;
  }
}

/** The most a reader takes of a file like `entry`: a picture's, the site configuration's, or a page's. */
function limitOf(entry: TreeEntry): number {
  if (pictureExtension.test(entry.path)) return maxImageBytes;
  return path.posix.basename(entry.path) === '_config.yml' ? maxSiteConfigBytes : maxPageBytes;
}

/** A page of the ladder folder: a Markdown file in it or in a sub-folder the reader reads (not a hidden one, nor packages). */
function isPage(entry: TreeEntry, folder: string): boolean {
  if (!markdownExtension.test(entry.path) || !isInside(folder, entry.path)) return false;
  const inner = (folder ? path.posix.relative(folder, entry.path) : entry.path).split('/').slice(0, -1);
  return inner.every((name) => !isSkippedFolder(name, ''));
}

/** `a/b/c` → `a/b/c`, `a/b`, `a`, `` (the root): the folders where a `_config.yml` may name the site. */
function ancestorsOf(folder: string): string[] {
  const folders = [folder];
  for (let current = folder; current !== '';) {
    current = path.posix.dirname(current) === '.' ? '' : path.posix.dirname(current);
    folders.push(current);
  }
  return [...new Set(folders)];
}

function isInside(folder: string, file: string): boolean {
  return folder === '' || file.startsWith(folder + '/');
}

/** The deepest folder holding both `a` and `b`. */
function commonFolder(a: string, b: string): string {
  let folder = a;
  while (path.relative(folder, b).startsWith('..') && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

function prefixPlace(message: { file?: string | null | undefined; cause?: unknown }, revision: string): void {
  message.file = `${revision}:${message.file ?? ''}`;
  const cause = message.cause;
  if (cause && typeof cause === 'object' && 'file' in cause) prefixPlace(cause as { file?: string }, revision);
}
