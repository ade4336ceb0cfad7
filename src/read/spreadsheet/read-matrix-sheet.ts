import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Attribute, Cell, Competency, Position, Role } from '../../model.js';
import { makeId } from '../make-id.js';
import { toCellStatements, type RichText } from './cell-statements.js';
import { isLevelName, readLevelHeader } from './level-header.js';
import type { Sheet, SheetCell } from './sheet.js';

/** The label of a column (or row) that holds what every level of the role expects. */
const everyLevelLabel = /^(?:every|all)\s+levels?$/iu;
/** Labels of the rows (or columns) that describe positions rather than a competency. */
const titleLabel = /^title$/iu;
const summaryLabel = /^summary$/iu;
const seniorLabel = /^senior$/iu;
const attributeLabel = /^attribute\s*[:：]\s*(.+)$/iu;

/** Levels from this one up are senior when the sheet has no `Senior` row. */
const firstSeniorLevel = 4;

/** Where a matrix sheet's text goes: one role, and the competencies it names. */
export interface MatrixReading {
  role: Role;
  competencies: Competency[];
}

/**
 * Read a sheet with a row per level and a column per competency, or the other way round (whichever
 * way names levels such as `L2` or `Level 2` is the levels' way), into one role. A competency whose
 * cells are all empty names the group of the competencies after it. Null when the sheet has no levels.
 */
export function readMatrixSheet(
  sheet: Sheet,
  file: VFile,
  roleId: string,
  known: ReadonlyMap<string, Competency>,
  richText: RichText,
): MatrixReading | null {
  const rows = sheet.rows.filter((row) => row.some((cell) => cell.text !== ''));
  const corner = rows[0]?.[0];
  const across = (rows[0] ?? []).slice(1);
  const down = rows.slice(1).flatMap((row) => row[0] ?? []);
  const levelsAcross = across.filter((cell) => isLevelName(cell.text)).length;
  const levelsDown = down.filter((cell) => isLevelName(cell.text)).length;
  if (levelsAcross === 0 && levelsDown === 0) {
    const reason = `Cannot tell which way the sheet ${quote(sheet.name)} runs: neither its first row nor its first column names levels such as \`L1\` or \`Level 2\``;
    report(file, 'error', reason, corner?.place, 'unknown-orientation');
    return null;
  }
  const levelsAsColumns = levelsAcross >= levelsDown;
  // `at(level, item)`: the cell where a level meets a row (or column) of the other way.
  const levelHeads = levelsAsColumns ? across : down;
  const itemHeads = levelsAsColumns ? down : across;
  const at = (level: number, item: number): SheetCell | undefined =>
    levelsAsColumns ? rows[item + 1]?.[level + 1] : rows[level + 1]?.[item + 1];

  const positions: Position[] = [];
  const everyLevel: Cell[] = [];
  const competencies: Competency[] = [];
  const title = corner?.text.replace(/\*\*/g, '').trim() || sheet.name;
  const levelIndexes = levelHeads.map((_, index) => index).filter((index) => !everyLevelLabel.test(levelHeads[index]?.text.trim() ?? ''));
  const everyIndex = levelHeads.findIndex((head) => everyLevelLabel.test(head.text.trim()));
  for (const [order, index] of levelIndexes.entries()) {
    const head = levelHeads[index];
    if (!head) continue;
    const header = readLevelHeader(head.text);
    positions.push({
      code: header.code,
      level: order + 1,
      title: header.title,
      senior: order + 1 >= firstSeniorLevel,
      summary: '',
      attributes: [],
      cells: [],
      source: head.place,
    });
  }
  let group: string | null = null;
  itemHeads.forEach((head, item) => {
    const label = head.text
      .replace(/\*\*|__/g, '')
      .replace(/^[*_]|[*_]$/g, '')
      .trim();
    const cells = levelIndexes.map((index) => at(index, item));
    const every = everyIndex >= 0 ? at(everyIndex, item) : undefined;
    if (label === '') {
      for (const cell of [...cells, every]) if (cell && cell.text !== '') warnUnplaced(file, cell);
      return;
    }
    if (titleLabel.test(label)) return cells.forEach((cell, index) => cell?.text && setOn(positions[index], 'title', plain(cell.text)));
    if (summaryLabel.test(label)) return cells.forEach((cell, index) => cell?.text && setOn(positions[index], 'summary', plain(cell.text)));
    if (seniorLabel.test(label)) return cells.forEach((cell, index) => cell?.text && setSenior(positions[index], cell, file));
    const attribute = attributeLabel.exec(label);
    if (attribute) return cells.forEach((cell, index) => cell?.text && addAttribute(positions[index], attribute[1] ?? '', cell));
    if (cells.every((cell) => !cell?.text) && !every?.text) {
      group = label;
      return;
    }
    const competency = known.get(makeId(label)) ?? { id: makeId(label), name: label, group, summary: '', scale: [], source: head.place };
    competencies.push(competency);
    cells.forEach((cell, index) => {
      const position = positions[index];
      if (cell?.text && position) position.cells.push(toCell(cell, competency, file, richText));
    });
    if (every?.text) everyLevel.push(toCell(every, competency, file, richText));
  });
  const role: Role = {
    id: roleId,
    title,
    summary: '',
    text: '',
    path: file.path,
    everyLevel,
    positions,
    source: corner?.place ?? { file: file.path, line: 1, column: 1 },
  };
  return { role, competencies };
}

/** A cell's text, and its rung when the competency has a scale and the cell starts `**Keyword**: description`. */
function toCell(cell: SheetCell, competency: Competency, file: VFile, richText: RichText): Cell {
  const rungLine = /^\*\*(.+?)\*\*\s*[:：]?\s*(.*)$/u.exec(cell.text.split(/\r?\n/)[0] ?? '');
  const rung = rungLine && competency.scale.find((candidate) => candidate.keyword === rungLine[1]?.trim());
  if (competency.scale.length > 0 && !rung) {
    const keywords = competency.scale.map((candidate) => quote(candidate.keyword)).join(', ');
    const reason = `The cell ${quote(cell.label)} names no keyword of ${quote(competency.name)}; start it with \`**Keyword**: description\`, one of ${keywords}`;
    report(file, 'warning', reason, cell.place, 'cell-without-rung');
  }
  const rest = rung ? cell.text.split(/\r?\n/).slice(1).join('\n') : cell.text;
  return {
    competency: competency.id,
    rung: rung ? { rank: rung.rank, keyword: rung.keyword, description: plain(rungLine?.[2] ?? '') } : null,
    ...toCellStatements({ ...cell, text: rest }, richText),
    source: cell.place,
  };
}

function setOn(position: Position | undefined, key: 'title' | 'summary', value: string): void {
  if (position) position[key] = value;
}

function setSenior(position: Position | undefined, cell: SheetCell, file: VFile): void {
  if (!position) return;
  const answer = plain(cell.text).toLowerCase();
  if (['yes', 'true', 'senior', 'y'].includes(answer)) position.senior = true;
  else if (['no', 'false', 'n', ''].includes(answer)) position.senior = false;
  else
    report(
      file,
      'warning',
      `Unexpected ${quote(cell.text)} in the cell ${quote(cell.label)}, expected \`yes\` or \`no\``,
      cell.place,
      'bad-senior-cell',
    );
}

function addAttribute(position: Position | undefined, name: string, cell: SheetCell): void {
  position?.attributes.push({ name: name.trim(), value: plain(cell.text), source: cell.place } satisfies Attribute);
}

function warnUnplaced(file: VFile, cell: SheetCell): void {
  const reason = `The cell ${quote(cell.label)} has text but its row and column name no competency or level; it is not read`;
  report(file, 'warning', reason, cell.place, 'unplaced-cell');
}

/** A cell's text without Markdown's bold marks, its lines joined. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}
