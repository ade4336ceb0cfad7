import type { Root, Table, TableCell, TableRow } from 'mdast';
import type { VFile } from 'vfile';
import { plainText } from './markdown-text.js';
import { quote, quoteList, report } from '../messages.js';
import { parsePositionHeading, type PositionHeading } from './position-heading.js';
import type { SeniorityReader } from './seniority-words.js';

/** One row of a role's level table: `| 5 | Senior | [XY5 - Title 5](#xy5---title-5) |`. */
export interface LevelRow {
  /** Null when the cell is not a number (reported already) or the table has no level column. */
  level: number | null;
  senior: boolean | null;
  position: PositionHeading;
  node: TableRow;
}

/** A role's level table: its rows, and whether English headers named its columns (a page with one is a role page). */
export interface LevelTable {
  rows: LevelRow[];
  namedByHeaders: boolean;
  node: Table;
}

interface Columns {
  level: number;
  position: number;
  senior: number;
  /** Whether the columns were found by their English headers; their cells must then all read. */
  byHeader: boolean;
}

/**
 * Find the first level table: one with English `Level` and `Position` headers, or, in any language,
 * one with a column of position codes, read by content (a column of numbers is the level, a column
 * of seniority words the seniority). Null when the page has none.
 */
export function readLevelTable(tree: Root, file: VFile, readSeniority: SeniorityReader): LevelTable | null {
  for (const node of tree.children) {
    if (node.type !== 'table') continue;
    const columns = columnsByHeader(node) ?? columnsByContent(node, file, readSeniority);
    if (columns) {
      const rows = node.children.slice(1).flatMap((row) => readRow(row, columns, file, readSeniority) ?? []);
      return { rows, namedByHeaders: columns.byHeader, node };
    }
  }
  return null;
}

function columnsByHeader(table: Table): Columns | null {
  const headers = (table.children[0]?.children ?? []).map((cell) => plainText(cell).toLowerCase());
  const level = headers.indexOf('level');
  const position = headers.indexOf('position');
  const senior = headers.findIndex((header) => header === 'senior' || header === 'seniority');
  return level === -1 || position === -1 ? null : { level, position, senior, byHeader: true };
}

/** Columns told by what their cells hold; a table with codes whose seniority cannot be read gets a warning. */
function columnsByContent(table: Table, file: VFile, readSeniority: SeniorityReader): Columns | null {
  const body = table.children.slice(1);
  const width = table.children[0]?.children.length ?? 0;
  if (body.length === 0) return null;
  const column = (index: number) => body.map((row) => plainText(row.children[index] ?? []));
  const indexes = Array.from({ length: width }, (_, index) => index);
  const position = indexes.find((index) => column(index).every((text) => parsePositionHeading(text) !== null));
  if (position === undefined) return null;
  const level = indexes.find((index) => index !== position && column(index).every((text) => /^\d+$/.test(text))) ?? -1;
  const others = indexes.filter((index) => index !== position && index !== level);
  const senior = others.find((index) => column(index).some(Boolean) && column(index).every((text) => readSeniority(text) !== null)) ?? -1;
  if (senior === -1 && others.length > 0) {
    // Codes and numbers make it a level table; a further column is most likely its seniority, in words not known yet.
    const unread = others.flatMap((index) => column(index).filter((text) => text && readSeniority(text) === null));
    const values = quoteList([...new Set(unread)].slice(0, 4));
    const reason = `The table lists positions but its seniority cannot be read: ${values} are not seniority words; add them to \`seniorityWords\` in the front matter or the configuration (levels from the framework's \`firstSeniorLevel\` up count as senior meanwhile)`;
    report(file, 'warning', reason, table.position, 'unreadable-level-table');
  }
  return { level, position, senior, byHeader: false };
}

function readRow(row: TableRow, columns: Columns, file: VFile, readSeniority: SeniorityReader): LevelRow | null {
  const cell = (index: number): TableCell | undefined => row.children[index];
  const levelText = columns.level === -1 ? null : plainText(cell(columns.level) ?? []);
  const positionText = plainText(cell(columns.position) ?? []);
  const position = parsePositionHeading(positionText);
  const level = levelText !== null && /^\d+$/.test(levelText) ? Number(levelText) : null;
  if (levelText !== null && level === null) {
    report(
      file,
      'error',
      `Unexpected level ${quote(levelText)} in the level table, expected a number`,
      cell(columns.level)?.position ?? row.position,
      'bad-level-table',
    );
  }
  if (!position) {
    report(
      file,
      'error',
      `Unexpected position ${quote(positionText)} in the level table, expected \`CODE - Title\` such as \`XY5 - Title 5\``,
      cell(columns.position)?.position ?? row.position,
      'bad-level-table',
    );
    return null;
  }
  const seniorCell = columns.senior === -1 ? undefined : cell(columns.senior);
  const senior = seniorCell ? readSeniority(plainText(seniorCell)) : null;
  if (seniorCell && senior === null) {
    report(
      file,
      'error',
      `Unexpected seniority ${quote(plainText(seniorCell))}, expected a seniority word such as \`Yes\`, \`No\`, \`Senior\` or \`Junior\`, or one added in \`seniorityWords\``,
      seniorCell.position,
      'bad-level-table',
    );
  }
  // A row with a bad cell is kept, so its position is not reported missing from the table as well.
  return { level, senior, position, node: row };
}
