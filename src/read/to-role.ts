import type { Root } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { placeOf, plainText, sectionsAt, slugify } from './markdown-text.js';
import { quote, report } from '../messages.js';
import type { Framework, Position, Role } from '../model.js';
import type { FrontMatter } from './read-front-matter.js';
import { parsePositionHeading } from './position-heading.js';
import { readLevelTable, type LevelRow } from './read-level-table.js';
import { keywordIndex } from './to-framework.js';
import { isPositionSection, toPosition } from './to-position.js';

/** Without a level table, the framework's rule applies: levels 4 and up are senior. */
export const firstSeniorLevel = 4;

/** Read a role page; null when it defines no levels (an info message says it was skipped) or has errors. */
export function toRole(tree: Root, file: VFile, frontMatter: FrontMatter, framework: Framework): Role | null {
  const index = keywordIndex(framework);
  const sections = sectionsAt(tree, 2).filter((section) => isPositionSection(section, index));
  const table = readLevelTable(tree, file);
  if (sections.length === 0 && table === null) {
    report(file, 'info', 'Skipped: the page defines no positions', undefined, 'no-levels');
    return null;
  }
  const titleHeading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const title = frontMatter.title ?? (titleHeading ? plainText(titleHeading) : fileStem(file));
  const errorsBefore = errorCount(file);
  const positions = sections.flatMap((section) => toPosition(section, file, framework, index, title) ?? []);
  const headingCodes = new Set(sections.map((section) => parsePositionHeading(plainText(section.heading))?.code));
  if (table) applyLevelTable(table, headingCodes, positions, file);
  else for (const position of positions) position.senior = position.level >= firstSeniorLevel;
  const id = frontMatter.id ?? slugify(fileStem(file));
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
    path: file.path,
    positions: positions.sort((a, b) => a.level - b.level),
    source: placeOf(file.path, titleHeading?.position?.start),
  };
}

/** The first paragraph with text, before the level table or the first position. */
function summaryOf(tree: Root): string {
  for (const node of tree.children) {
    if (node.type === 'table' || (node.type === 'heading' && node.depth > 1)) break;
    if (node.type === 'paragraph' && plainText(node)) return plainText(node);
  }
  return '';
}

/** The table must list exactly the positions below it, with the same levels and titles; it gives seniority. */
function applyLevelTable(
  rows: readonly LevelRow[],
  headingCodes: ReadonlySet<string | undefined>,
  positions: readonly Position[],
  file: VFile,
): void {
  const byCode = new Map(positions.map((position) => [position.code, position]));
  const listed = new Set<string>();
  for (const row of rows) {
    const { code } = row.position;
    const position = byCode.get(code);
    listed.add(code);
    if (!headingCodes.has(code)) {
      report(
        file,
        'error',
        `The level table lists ${quote(code)}, but no position below has that code`,
        row.node.position,
        'table-mismatch',
      );
    } else if (!position) {
      continue; // the position's own errors are reported already
    } else if (row.level !== null && row.level !== position.level) {
      report(
        file,
        'error',
        `The level table puts ${quote(code)} at level ${row.level}, but its code says level ${position.level}`,
        row.node.position,
        'table-mismatch',
      );
    } else if (row.position.title && normalTitle(row.position.title) !== normalTitle(position.title)) {
      const reason = `The level table calls ${quote(code)} ${quote(row.position.title)}, but its heading says ${quote(position.title)}`;
      report(file, 'error', reason, row.node.position, 'table-mismatch');
    } else {
      position.senior = row.senior ?? position.level >= firstSeniorLevel;
    }
  }
  for (const position of positions) {
    if (listed.has(position.code)) continue;
    const place = { line: position.source.line, column: position.source.column };
    report(file, 'error', `Position ${quote(position.code)} is missing from the level table`, place, 'table-mismatch');
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
