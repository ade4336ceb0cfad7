import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { quote, report } from '../messages.js';
import { compareText, displayPath } from '../paths-and-order.js';
import type { Framework, Ladder, Role } from '../model.js';
import { parseMarkdown } from './parse-markdown.js';
import { readFrontMatter, type FrontMatter } from './read-front-matter.js';
import { shippedLaddersDir } from '../package-paths.js';
import { readLadderPage, readLadders, type LadderSource } from './read-ladders.js';
import { reportMissingGlyphs } from '../fonts/report-missing-glyphs.js';
import { isIntroductionPage, toFramework } from './to-framework.js';
import { toRole } from './to-role.js';
import { validateLadder } from './validate-ladder.js';

/** The model read from a folder, and every file with its messages. */
export interface LoadedLadder {
  /** Null when the framework itself could not be read; check the files' messages either way. */
  ladder: Ladder | null;
  files: VFile[];
}

interface Page {
  file: VFile;
  tree: Root;
  /** Null when the front matter is broken: the page is still classified, but not modelled. */
  frontMatter: FrontMatter | null;
}

/** Read, parse, model and validate the ladders in `dir`. */
export async function loadLadder(dir: string, cwd: string = process.cwd()): Promise<LoadedLadder> {
  const sources = await readLadders(dir, cwd);
  const shippedIntroduction = await readLadderPage(path.join(shippedLaddersDir, 'README.md'), cwd);
  return toLadder(sources, shippedIntroduction, displayPath(dir, cwd));
}

/** Model and validate pages already read; `shippedIntroduction` serves when no page defines the axes. */
export function toLadder(sources: readonly LadderSource[], shippedIntroduction: LadderSource, folderPath: string): LoadedLadder {
  const files = sources.map((source) => source.file);
  const pages = sources.flatMap(toPage);
  const introductions = pages.filter((page) => isIntroductionPage(page.tree));
  // A page that could not be parsed might be the introduction: guessing a framework would mislead.
  const framework = pages.length === sources.length ? readFramework(introductions, shippedIntroduction, folderPath, files) : null;
  if (!framework) return { ladder: null, files };
  const roles = pages
    .filter((page) => !introductions.includes(page))
    .flatMap((page) => (page.frontMatter ? toRole(page.tree, page.file, page.frontMatter, framework) : null) ?? [])
    .sort(compareRoles);
  if (roles.length === 0 && !files.some(hasErrors)) {
    const folder = new VFile({ path: folderPath });
    report(
      folder,
      'error',
      `No role pages in ${quote(folderPath)}; expected a page with positions such as \`## D1 - Developer 1\``,
      undefined,
      'no-roles',
    );
    files.push(folder);
  }
  const ladder = { framework, roles };
  validateLadder(ladder, new Map(files.map((file) => [file.path, file])));
  reportMissingGlyphs(sources);
  return { ladder, files };
}

function toPage(source: LadderSource): Page[] {
  const tree = parseMarkdown(source);
  if (!tree) return [];
  return [{ file: source.file, tree, frontMatter: readFrontMatter(tree, source.file) }];
}

/** The folder's own introduction page, or the shipped one when the folder has none. */
function readFramework(
  introductions: readonly Page[],
  shippedIntroduction: LadderSource,
  folderPath: string,
  files: VFile[],
): Framework | null {
  const [first, ...others] = introductions;
  for (const other of others) {
    const cause = { file: first?.file.path ?? '', place: undefined, reason: 'the first introduction page' };
    report(
      other.file,
      'error',
      'Second introduction page: a folder holds one page that defines the axes',
      undefined,
      'duplicate-framework',
      cause,
    );
  }
  if (others.length > 0) return null;
  if (first) return first.frontMatter ? toFramework(first.tree, first.file, first.frontMatter) : null;
  const page = toPage(shippedIntroduction)[0];
  const framework = page?.frontMatter && isIntroductionPage(page.tree) ? toFramework(page.tree, page.file, page.frontMatter) : null;
  if (!framework) throw new Error(`The shipped introduction page ${shippedIntroduction.file.path} does not define a framework`);
  files.push(shippedIntroduction.file);
  const folder = new VFile({ path: folderPath });
  report(
    folder,
    'info',
    `No introduction page in ${quote(folderPath)}; using the framework that ships with ladders`,
    undefined,
    'shipped-framework',
  );
  files.push(folder);
  return framework;
}

function compareRoles(a: Role, b: Role): number {
  const lowest = (role: Role) => Math.min(...role.positions.map((position) => position.level));
  return lowest(a) - lowest(b) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}
