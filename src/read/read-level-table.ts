import type { Root, Table, TableRow } from 'mdast';
import type { VFile } from 'vfile';
import { plainText } from './markdown-text.js';
import { quote, report } from '../messages.js';
import { parsePositionHeading, parseSeniority, type PositionHeading } from './position-heading.js';

/** One row of a role's level table: `| 5 | Senior | [EM5 - Engineering Manager 5](#em5) |`. */
export interface LevelRow {
  /** Null when the cell is not a number (reported already). */
  level: number | null;
  senior: boolean | null;
  position: PositionHeading;
  node: TableRow;
}

interface Columns {
  level: number;
  position: number;
  senior: number;
}

/** Find the first table with Level and Position columns; null when the page has none. */
export function readLevelTable(tree: Root, file: VFile): LevelRow[] | null {
  for (const node of tree.children) {
    if (node.type !== 'table') continue;
    const columns = levelColumns(node);
    if (columns) return node.children.slice(1).flatMap((row) => readRow(row, columns, file) ?? []);
  }
  return null;
}

function levelColumns(table: Table): Columns | null {
  const headers = (table.children[0]?.children ?? []).map((cell) => plainText(cell).toLowerCase());
  const level = headers.indexOf('level');
  const position = headers.indexOf('position');
  const senior = headers.findIndex((header) => header === 'senior' || header === 'seniority');
  return level === -1 || position === -1 ? null : { level, position, senior };
}

function readRow(row: TableRow, columns: Columns, file: VFile): LevelRow | null {
  const cell = (index: number) => row.children[index];
  const levelText = plainText(cell(columns.level) ?? []);
  const positionText = plainText(cell(columns.position) ?? []);
  const position = parsePositionHeading(positionText);
  const level = /^\d+$/.test(levelText) ? Number(levelText) : null;
  if (level === null) {
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
      `Unexpected position ${quote(positionText)} in the level table, expected \`CODE - Title\` such as \`EM5 - Engineering Manager 5\``,
      cell(columns.position)?.position ?? row.position,
      'bad-level-table',
    );
    return null;
  }
  const seniorCell = columns.senior === -1 ? undefined : cell(columns.senior);
  const senior = seniorCell ? parseSeniority(plainText(seniorCell)) : null;
  if (seniorCell && senior === null) {
    report(
      file,
      'error',
      `Unexpected seniority ${quote(plainText(seniorCell))}, expected \`Yes\`, \`No\`, \`Senior\` or \`Junior\``,
      seniorCell.position,
      'bad-level-table',
    );
  }
  // A row with a bad cell is kept, so its position is not reported missing from the table as well.
  return { level, senior, position, node: row };
}
