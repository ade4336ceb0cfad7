import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describeSystemError, isSystemError } from '../failures.js';
import { decodeText } from './decode-text.js';
import { quote, report } from '../messages.js';
import { compareText, displayPath } from '../paths-and-order.js';
import type { ReadCache } from './read-cache.js';
import { locateInside, outsideReason, readInside, resolveFolder, type Folder } from './read-inside.js';
import { readCsvSheet } from './spreadsheet/read-csv-sheet.js';
import { readWorkbookSheets } from './spreadsheet/read-workbook-sheets.js';
import type { Sheet } from './spreadsheet/sheet.js';

/** A Markdown page of a ladder: its file (for messages) and its text, when it could be read. */
export interface LadderSource {
  file: VFile;
  text: string | null;
  /** The sheets of a CSV file or a workbook (null when it could not be read); absent for a page or a data file. */
  sheets?: Sheet[] | null;
}

/** The spreadsheets of a ladder folder: CSV files and workbooks. */
export const spreadsheetExtension = /\.(csv|xlsx)$/i;

/** A workbook is zipped, and larger than a page: this holds a ladder of thousands of positions. */
export const maxWorkbookBytes = 8 * 1024 * 1024;

/** Larger pages are refused: a real ladder page is a few kilobytes, and 512 KiB of hostile Markdown still parses in seconds. */
export const maxPageBytes = 512 * 1024;

/** The pages of a ladder folder: its Markdown files, in it and in its sub-folders. */
export const markdownExtension = /\.(md|markdown)$/i;

/** The files of a ladder folder a reader takes: its pages, and data files (YAML, JSON) read as text. */
export const ladderFileExtension = /\.(md|markdown|ya?ml|json|csv|xlsx)$/i;

/** Files beside the pages that configure the site or the tool, not the ladder: never read as ladder files. */
const settingsFiles = new Set(['_config.yml', 'ladders.config.json']);

/** How deep sub-folders are read: a track folder a level down is usual, ten levels down is a mistake or a trap. */
export const maxFolderDepth = 8;

/**
 * Whether a sub-folder of a ladder folder is left unread: a hidden one (`.git`, `.github`), installed
 * packages, or the output folder (`skip`, absolute paths), whose Markdown handouts are no ladder pages.
 */
export function isSkippedFolder(name: string, fullPath: string, skip: readonly string[] = []): boolean {
  return name.startsWith('.') || name === 'node_modules' || skip.includes(fullPath);
}

/**
 * Read every Markdown page inside `dir` and its sub-folders (see `isSkippedFolder`), in path order;
 * `cwd` is where message paths start. With a `cache`, a page whose file has the stamp it had at the
 * last read is taken from it, not read. Folders named in `skip` (absolute) are not read.
 */
export async function readLadders(dir: string, cwd: string, cache?: ReadCache, skip: readonly string[] = []): Promise<LadderSource[]> {
  // A folder outside the working folder is named as typed, absolute, not as a climb of `../`.
  const shown = displayPath(dir, cwd);
  const folder = new VFile({ path: shown.startsWith('../') ? dir : shown });
  let names: string[];
  const unlisted: { dir: string; error: unknown }[] = [];
  try {
    names = (
      await listPages(
        dir,
        '',
        skip.map((name) => path.resolve(name)),
        unlisted,
      )
    ).sort(compareText);
  } catch (error) {
    const hint = isSystemError(error) && error.code === 'ENOENT' ? '; give the folder of ladder pages with `--ladders DIR`' : '';
    report(folder, 'error', `Cannot read the folder ${quote(folder.path)}: ${systemReason(error)}${hint}`, undefined, 'unreadable-folder');
    return [{ file: folder, text: null }];
  }
  const pages: LadderSource[] = unlisted.map(({ dir: subfolder, error }) => {
    const file = new VFile({ path: displayPath(subfolder, cwd) });
    report(file, 'error', `Cannot read the folder ${quote(file.path)}: ${systemReason(error)}`, undefined, 'unreadable-folder');
    return { file, text: null };
  });
  // The folder is resolved once: each page must really lie in it, symbolic links followed.
  const inside = await resolveFolder(dir);
  for (const name of names) {
    const fullPath = path.join(dir, name);
    // A name that cannot even be looked at (a dangling link, a link loop, a link out of the folder) is a page that cannot be read: reading it says why.
    const located = await locateInside(inside, fullPath);
    const stats = located.ok ? await stat(located.real, { bigint: true }).catch(() => null) : null;
    if (stats && !stats.isFile()) continue;
    // Nanosecond times: a burst of saves of the same size within a millisecond still gives each its own stamp.
    const stamp = stats && `${stats.ino}:${stats.size}:${stats.ctimeNs}:${stats.mtimeNs}`;
    if (spreadsheetExtension.test(fullPath)) {
      pages.push(await readSpreadsheet(fullPath, cwd, inside));
      continue;
    }
    const cached = cache?.texts.get(fullPath);
    if (stamp && cached?.stamp === stamp) {
      pages.push({ file: new VFile({ path: displayPath(fullPath, cwd) }), text: cached.text });
      continue;
    }
    const page = await readLadderPage(fullPath, cwd, inside);
    if (cache && stamp && page.text !== null) cache.texts.set(fullPath, { stamp, text: page.text });
    else cache?.texts.delete(fullPath);
    pages.push(page);
  }
  if (pages.length === 0) {
    report(
      folder,
      'error',
      `No Markdown pages in ${quote(folder.path)}; expected an introduction page and one page per role`,
      undefined,
      'no-pages',
    );
    return [{ file: folder, text: null }];
  }
  return pages;
}

/**
 * Read one page as strict UTF-8 text; any problem becomes a message on the page. The page must
 * really lie in `folder` (by default the one holding it): a symbolic link out of it is not read.
 */
export async function readLadderPage(fullPath: string, cwd: string, folder?: Folder): Promise<LadderSource> {
  const { file, bytes } = await readLadderBytes(fullPath, cwd, folder, maxPageBytes);
  if (!bytes) return { file, text: null };
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const place = { line: decoded.line, column: decoded.column };
    const reason =
      decoded.problem === 'binary'
        ? 'Unexpected NUL byte: this is a binary file, not a Markdown page'
        : 'Unexpected byte that is not UTF-8: save the page as UTF-8';
    report(file, 'error', reason, place, decoded.problem === 'binary' ? 'binary-file' : 'not-utf8');
    return { file, text: null };
  }
  return { file, text: decoded.text };
}

/** Read a file's bytes, inside `folder` and within `limit`; null bytes when it cannot be (the message is on the file). */
async function readLadderBytes(
  fullPath: string,
  cwd: string,
  folder: Folder | undefined,
  limit: number,
): Promise<{ file: VFile; bytes: Uint8Array | null }> {
  const file = new VFile({ path: displayPath(fullPath, cwd) });
  const inside = folder ?? (await resolveFolder(path.dirname(fullPath)));
  const read = await readInside(inside, fullPath, limit);
  if (!read.ok) {
    if (read.problem === 'outside') {
      const reason = outsideReason(displayPath(read.link, cwd), displayPath(inside.dir, cwd));
      report(file, 'error', reason, undefined, 'link-outside-folder');
    } else if (read.problem === 'too-large') {
      const [it, kind] = limit === maxPageBytes ? ['page', 'a ladder page'] : ['workbook', 'a workbook'];
      const reason = `The ${it} is ${Math.ceil(read.size / 1024)} KiB, larger than the ${limit / 1024} KiB ${kind} may be`;
      report(file, 'error', reason, undefined, 'file-too-large');
    } else {
      const why = read.problem === 'not-file' ? 'it is not a file' : systemReason(read.error);
      report(file, 'error', `Cannot read the file: ${why}`, undefined, 'unreadable-file');
    }
    return { file, bytes: null };
  }
  return { file, bytes: read.bytes };
}

/** Read a CSV file or a workbook into its sheets; a problem is a message on the file, and no sheets. */
async function readSpreadsheet(fullPath: string, cwd: string, folder: Folder): Promise<LadderSource> {
  if (/\.xlsx$/i.test(fullPath)) {
    const { file, bytes } = await readLadderBytes(fullPath, cwd, folder, maxWorkbookBytes);
    return { file, text: null, sheets: bytes ? await readWorkbookSheets(bytes, file) : null };
  }
  const { file, text } = await readLadderPage(fullPath, cwd, folder);
  const sheet = text === null ? null : readCsvSheet(text, file, humanize(path.basename(fullPath).replace(spreadsheetExtension, '')));
  return { file, text: null, sheets: sheet ? [sheet] : null };
}

/** A file's name as a title: `engineering_ladder` reads `Engineering ladder`. */
function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The Markdown files in `dir` (relative to the top folder, with `/`), and in its sub-folders: a
 * symbolic link to a folder is not followed (a link to a file is, and is read only inside the folder).
 */
async function listPages(
  top: string,
  relative: string,
  skip: readonly string[],
  unlisted: { dir: string; error: unknown }[],
  depth = 0,
): Promise<string[]> {
  const dir = path.join(top, relative);
  const entries = await readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (!entry.isDirectory()) {
      if (ladderFileExtension.test(entry.name) && !settingsFiles.has(entry.name)) names.push(name);
    } else if (depth < maxFolderDepth && !isSkippedFolder(entry.name, path.join(dir, entry.name), skip)) {
      const inner = path.join(dir, entry.name);
      // A sub-folder that cannot be listed is said so, as a page that cannot be read is.
      names.push(
        ...(await listPages(top, name, skip, unlisted, depth + 1).catch((error: unknown) => (unlisted.push({ dir: inner, error }), []))),
      );
    }
  }
  return names;
}

/** What went wrong, in words with the code: `there is no such file or folder (ENOENT)`. */
function systemReason(error: unknown): string {
  return isSystemError(error) ? describeSystemError(error) : String(error);
}
