import type { Root, RootContent } from 'mdast';
import path from 'node:path';
import { VFile } from 'vfile';
import { makeId } from './make-id.js';
import { placeOf, plainText, sectionsAt, type Section } from './markdown-text.js';
import { makeSeniorityReader, type SeniorityReader } from './seniority-words.js';
import { quote, report } from '../messages.js';
import type { Framework, Position, Role } from '../model.js';
import type { FrontMatter } from './read-front-matter.js';
import { parsePositionHeading } from './position-heading.js';
import { readLevelTable, type LevelRow } from './read-level-table.js';
import { keywordIndex } from './to-framework.js';
import { isPositionSection, toPosition } from './to-position.js';

/** What reading a role page needs besides the page: the framework, how to read seniority words, how to keep rich text. */
export interface RoleContext {
  framework: Framework;
  readSeniority: SeniorityReader;
  /** The Markdown of a run of the page's nodes, its links and images resolved (see `toRichText`). */
  richText: (nodes: readonly RootContent[]) => string;
}

/** Whether a page holds positions (or a level table named by its headers), which makes it a role page rather than a guide. */
export function isRolePage(tree: Root, file: VFile, framework: Framework, readSeniority: SeniorityReader): boolean {
  const index = keywordIndex(framework);
  if (sectionsAt(tree, 2).some((section) => isPositionSection(section, framework, index))) return true;
  // Read on a scratch file: the messages of a table are reported when the role is read.
  return readLevelTable(tree, new VFile(), readSeniority)?.namedByHeaders === true;
}

/** The id a role or guide page gets: its front matter's, or one made from its file name (empty when none can be made). */
export function pageId(file: VFile, frontMatter: FrontMatter): string {
  return frontMatter.id ?? makeId(fileStem(file));
}

/** Read a role page; null when it has errors (reported on `file`). */
export function toRole(tree: Root, file: VFile, frontMatter: FrontMatter, context: RoleContext): Role | null {
  const { framework } = context;
  const index = keywordIndex(framework);
  const sections = sectionsAt(tree, 2).filter((section) => isPositionSection(section, framework, index));
  const ownWords = frontMatter.seniorityWords ? makeSeniorityReader(frontMatter.seniorityWords) : null;
  const readSeniority = ownWords ? (text: string) => ownWords(text) ?? context.readSeniority(text) : context.readSeniority;
  const table = readLevelTable(tree, file, readSeniority);
  const titleHeading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const title = frontMatter.title ?? (titleHeading ? plainText(titleHeading) : fileStem(file));
  const errorsBefore = errorCount(file);
  const positions = sections.flatMap((section) => toPosition(section, file, framework, index, title) ?? []);
  const headings = new Map<string, HeadingInfo>();
  for (const section of sections) {
    const heading = parsePositionHeading(plainText(section.heading));
    if (heading && !headings.has(heading.code))
      headings.set(heading.code, { ...heading, title: heading.title ?? `${title} ${heading.level}`, section });
  }
  const seniorFrom = framework.firstSeniorLevel;
  if (table) applyLevelTable(table.rows, headings, positions, file, seniorFrom);
  else for (const position of positions) position.senior = position.level >= seniorFrom;
  const id = pageId(file, frontMatter);
  if (!id)
    report(
      file,
      'error',
      `Cannot make a role id from the file name ${quote(file.basename ?? '')}; set \`id\` in the front matter`,
      undefined,
      'bad-role-id',
    );
  if (!id || errorCount(file) > errorsBefore) return null;
  return {
    id,
    title,
    summary: frontMatter.summary ?? summaryOf(tree),
    text: context.richText(introductionOf(tree, titleHeading, sections[0]?.heading, table?.node)),
    path: file.path,
    everyLevel: [],
    positions: positions.sort((a, b) => a.level - b.level),
    source: placeOf(file.path, titleHeading?.position?.start),
  };
}

/** Everything between the title and the first position, but the level table: what the role page says the role is. */
function introductionOf(
  tree: Root,
  title: RootContent | undefined,
  firstPosition: RootContent | undefined,
  levelTable: RootContent | undefined,
): RootContent[] {
  const start = title ? tree.children.indexOf(title) + 1 : 0;
  const end = firstPosition ? tree.children.indexOf(firstPosition) : tree.children.length;
  return tree.children.slice(start, end).filter((node) => node.type !== 'yaml' && node !== levelTable);
}

/** The first paragraph with text, before the level table or the first position. */
function summaryOf(tree: Root): string {
  for (const node of tree.children) {
    if (node.type === 'table' || (node.type === 'heading' && node.depth > 1)) break;
    if (node.type === 'paragraph' && plainText(node)) return plainText(node);
  }
  return '';
}

/** A position heading on the page, read whether or not its position had errors. */
interface HeadingInfo {
  code: string;
  level: number;
  title: string;
  section: Section;
}

/**
 * The table must list exactly the positions below it, with the same levels and titles; it gives seniority.
 * It is checked against the headings, so that a position with an error of its own (a misspelt keyword)
 * still gets the table's messages in the same run.
 */
function applyLevelTable(
  rows: readonly LevelRow[],
  headings: ReadonlyMap<string, HeadingInfo>,
  positions: readonly Position[],
  file: VFile,
  seniorFrom: number,
): void {
  const byCode = new Map(positions.map((position) => [position.code, position]));
  const listed = new Set<string>();
  for (const row of rows) {
    const { code } = row.position;
    const heading = headings.get(code);
    listed.add(code);
    if (!heading) {
      report(
        file,
        'error',
        `The level table lists ${quote(code)}, but no position below has that code`,
        row.node.position,
        'table-mismatch',
      );
    } else if (row.level !== null && row.level !== heading.level) {
      report(
        file,
        'error',
        `The level table puts ${quote(code)} at level ${row.level}, but its code says level ${heading.level}`,
        row.node.position,
        'table-mismatch',
      );
    } else if (row.position.title && normalTitle(row.position.title) !== normalTitle(heading.title)) {
      const reason = `The level table calls ${quote(code)} ${quote(row.position.title)}, but its heading says ${quote(heading.title)}`;
      report(file, 'error', reason, row.node.position, 'table-mismatch');
    } else {
      const position = byCode.get(code);
      if (position) position.senior = row.senior ?? position.level >= seniorFrom;
    }
  }
  for (const heading of headings.values()) {
    if (listed.has(heading.code)) continue;
    const start = heading.section.heading.position?.start;
    const place = { line: start?.line ?? 1, column: start?.column ?? 1 };
    report(file, 'error', `Position ${quote(heading.code)} is missing from the level table`, place, 'table-mismatch');
  }
}

function normalTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

function fileStem(file: VFile): string {
  return path.basename(file.path, path.extname(file.path));
}

function errorCount(file: VFile): number {
  return file.messages.filter((message) => message.fatal === true).length;
}
