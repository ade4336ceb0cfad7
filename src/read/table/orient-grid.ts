import { quote } from '../../messages.js';
import type { SourcePlace } from '../../model.js';
import type { Grid, GridCell, TableProblem } from './grid.js';
import { namesCompetencyAxis, namesLevelAxis, parseLevelHeader, type LevelHeader } from './level-header.js';

/** A level one table names: what its header says, and where. */
export interface TableLevel {
  header: LevelHeader;
  /** The header's words, to match the same level in the role's other tables. */
  key: string;
  source: SourcePlace;
}

/** A competency one table names, with the group a bold row (or the table's corner) files it under. */
export interface TableCompetency {
  name: string;
  group: string | null;
  summary: GridCell | null;
  source: SourcePlace;
}

/** A competency table turned the same way round whichever way it was written: `cells[competency][level]`. */
export interface TableMatrix {
  levels: TableLevel[];
  competencies: TableCompetency[];
  /** Null where the row was short of cells: an empty cell all the same. */
  cells: (GridCell | null)[][];
  source: SourcePlace;
}

/** What a table is: a competency table, or (null) a table of something else, kept as text. */
export interface Oriented {
  matrix: TableMatrix | null;
  problems: TableProblem[];
}

/**
 * Tell which axis of a table names the levels. The corner cell decides when it names an axis
 * (`Level`, `Title` → a row per level; `Competency`, `Skill` → a column per level); otherwise the
 * axis whose names read as levels (`L2`, `Engineer (L1)`, `Senior`, `Engineer 2`) while the other
 * axis names something else. A table whose both axes read as levels is an error, unless it is a table
 * of levels alone (titles beside codes); one where neither does is text.
 */
/**
 * A table whose cells hold only marks (`✓`, `•`, a linked `→`), such as an index of which page covers
 * which level: it says nothing a level expects, so it is no competency table.
 */
function isTableOfMarks(body: Grid['rows']): boolean {
  const texts = body.flatMap((row) => row.cells.slice(1).flatMap((cell) => (cell.text ? [cell.text] : [])));
  return texts.length > 0 && texts.every((text) => /^[^\p{L}\p{N}]{1,2}$/u.test(text));
}

export function orientGrid(grid: Grid): Oriented {
  const problems: TableProblem[] = [];
  const header = grid.rows[0] ? expand(grid.rows[0].cells) : [];
  const body = grid.rows.slice(1);
  if (header.length < 2 || body.length === 0) return { matrix: null, problems };
  if (isTableOfMarks(body)) return { matrix: null, problems };
  const width = header.length;
  const rows = body.map((row) => {
    const cells = expand(row.cells);
    const isGroupRow = isGroup(cells);
    if (cells.length !== width && !isGroupRow) {
      const reason =
        cells.length < width
          ? `Row has ${cells.length} cells where the header has ${width}; the missing ones are read as empty`
          : `Row has ${cells.length} cells where the header has ${width}; the ones past the header are left out`;
      problems.push({ severity: 'warning', reason, source: row.source, ruleId: 'table-ragged-row' });
    }
    return { cells: Array.from({ length: width }, (_, index) => cells[index] ?? null), isGroupRow, source: row.source };
  });
  const corner = header[0]?.text ?? '';
  const byColumns = () => readLevelsAsColumns(header, rows, problems, corner);
  const byRows = () => readLevelsAsRows(header, rows, problems);
  if (namesLevelAxis(corner)) return keepLadder(byRows(), problems);
  if (namesCompetencyAxis(corner)) return keepLadder(byColumns(), problems);
  const headerNamesLevels = mostly(
    header.slice(1).flatMap((cell) => (cell?.text ? [cell.text] : [])),
    true,
  );
  const columnNamesLevels = mostly(
    rows.flatMap((row) => (!row.isGroupRow && row.cells[0]?.text ? [row.cells[0].text] : [])),
    true,
  );
  if (headerNamesLevels && columnNamesLevels) {
    // Both axes read as levels: a table of levels alone (titles beside codes) is text; with anything else it cannot be told.
    const scratch: TableProblem[] = [];
    if (readLevelsAsRows(header, rows, scratch) === null) return { matrix: null, problems };
    const reason = `Cannot tell which way round the table is: both its header row and its first column read as levels; name the corner cell \`Level\` (a row per level) or \`Competency\` (a column per level)`;
    problems.push({ severity: 'error', reason, source: grid.source, ruleId: 'table-orientation' });
    return { matrix: null, problems };
  }
  return keepLadder(isPlausible(byColumns, problems) ?? isPlausible(byRows, problems), problems);
}

/** A table of one level is no ladder (a changelog's table of one rank, say): it is kept as text. */
function keepLadder(matrix: TableMatrix | null, problems: TableProblem[]): Oriented {
  return matrix && matrix.levels.length >= 2 ? { matrix, problems } : { matrix: null, problems };
}

interface Row {
  cells: (GridCell | null)[];
  isGroupRow: boolean;
  source: SourcePlace;
}

/** Read one way round and keep it only when its levels read as levels and its competencies do not. */
function isPlausible(read: () => TableMatrix | null, problems: TableProblem[]): TableMatrix | null {
  const before = problems.length;
  const matrix = read();
  const plausible =
    matrix !== null &&
    mostly(
      matrix.levels.map((level) => level.key),
      true,
    ) &&
    mostly(
      matrix.competencies.map((competency) => competency.name),
      false,
    );
  // A way round that is not taken says nothing about the table.
  if (!plausible) problems.splice(before);
  return plausible ? matrix : null;
}

function mostly(names: readonly string[], levelLike: boolean): boolean {
  if (names.length === 0) return false;
  const count = names.filter((name) => (parseLevelHeader(name) !== null) === levelLike).length;
  return count * 2 > names.length;
}

function readLevelsAsColumns(
  header: (GridCell | null)[],
  rows: readonly Row[],
  problems: TableProblem[],
  corner: string,
): TableMatrix | null {
  const firstLevel = header.findIndex((cell, index) => index > 0 && cell !== null && parseLevelHeader(cell.text) !== null);
  const levelColumns = Array.from({ length: header.length }, (_, index) => index).filter(
    (index) => index >= (firstLevel === -1 ? 1 : firstLevel),
  );
  const summaryColumn = firstLevel > 1 ? 1 : -1;
  const levels = toLevels(
    levelColumns.map((index) => ({ index, cells: [header[index] ?? null] })),
    problems,
  );
  let group = corner && !namesCompetencyAxis(corner) ? corner : null;
  const competencies: TableCompetency[] = [];
  const cells: (GridCell | null)[][] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.cells[0];
    if (row.isGroupRow && name) {
      group = name.text;
      continue;
    }
    if (!name?.text) {
      if (row.cells.some((cell) => cell?.text))
        problems.push({
          severity: 'warning',
          reason: 'Row names no competency in its first cell; it is left out',
          source: row.source,
          ruleId: 'table-unnamed-row',
        });
      continue;
    }
    if (!isNew(seen, name.text, name.source, problems, 'competency')) continue;
    competencies.push({ name: name.text, group, summary: row.cells[summaryColumn] ?? null, source: name.source });
    cells.push(levels.map((level) => row.cells[level.index] ?? null));
  }
  return levels.length === 0
    ? null
    : { levels: levels.map((level) => level.level), competencies, cells, source: header[0]?.source ?? rows[0]!.source };
}

function readLevelsAsRows(header: (GridCell | null)[], rows: readonly Row[], problems: TableProblem[]): TableMatrix | null {
  const isLevelColumn = (index: number) =>
    namesLevelAxis(header[index]?.text ?? '') ||
    rows.every((row) => !row.cells[index]?.text || parseLevelHeader(row.cells[index].text) !== null);
  let split = 1;
  while (split < header.length && isLevelColumn(split)) split++;
  const competencyColumns = Array.from({ length: header.length - split }, (_, index) => split + index).filter(
    (index) => header[index]?.text,
  );
  if (competencyColumns.length === 0) return null;
  const named = rows.filter((row) => {
    if (row.cells.slice(0, split).some((cell) => cell?.text)) return true;
    if (row.cells.some((cell) => cell?.text))
      problems.push({
        severity: 'warning',
        reason: 'Row names no level in its first cell; it is left out',
        source: row.source,
        ruleId: 'table-unnamed-row',
      });
    return false;
  });
  const levels = toLevels(
    named.map((row, index) => ({ index, cells: row.cells.slice(0, split) })),
    problems,
  );
  const competencies: TableCompetency[] = [];
  const seen = new Set<string>();
  const cells: (GridCell | null)[][] = [];
  for (const index of competencyColumns) {
    const name = header[index];
    if (!name || !isNew(seen, name.text, name.source, problems, 'competency')) continue;
    competencies.push({ name: name.text, group: null, summary: null, source: name.source });
    cells.push(levels.map((level) => named[level.index]?.cells[index] ?? null));
  }
  return levels.length === 0
    ? null
    : { levels: levels.map((level) => level.level), competencies, cells, source: header[0]?.source ?? rows[0]!.source };
}

/** The levels named by header cells (one, or a code and a title side by side), each once. */
function toLevels(
  named: readonly { index: number; cells: (GridCell | null)[] }[],
  problems: TableProblem[],
): { index: number; level: TableLevel }[] {
  const seen = new Set<string>();
  return named.flatMap(({ index, cells }) => {
    const texts = cells.flatMap((cell) => (cell?.text ? [cell.text] : []));
    const first = cells.find((cell) => cell?.text);
    if (!first || texts.length === 0) return [];
    const key = texts.join(' ');
    if (!isNew(seen, key, first.source, problems, 'level')) return [];
    const parsed = texts.map((text) => ({ text, header: parseLevelHeader(text) }));
    const code = parsed.find((entry) => entry.header?.code)?.header?.code ?? null;
    const titled = parsed.find((entry) => entry.header?.code !== entry.text.toUpperCase() || !entry.header);
    const title = titled ? (titled.header?.title ?? titled.text) : (texts[0] ?? '');
    return [{ index, level: { header: { code, title }, key, source: first.source } }];
  });
}

function isNew(seen: Set<string>, name: string, source: SourcePlace, problems: TableProblem[], kind: 'level' | 'competency'): boolean {
  const key = name.toLowerCase();
  if (!seen.has(key)) {
    seen.add(key);
    return true;
  }
  problems.push({
    severity: 'warning',
    reason: `The table names the ${kind} ${quote(name)} twice; the second is left out`,
    source,
    ruleId: `table-duplicate-${kind}`,
  });
  return false;
}

/** A row's cells, one a column: a cell spanning columns stands in each of them. */
function expand(cells: readonly GridCell[]): GridCell[] {
  return cells.flatMap((cell) => Array.from({ length: cell.span }, () => cell));
}

/** A row naming a group of competencies: a bold first cell and nothing else, or one cell across the table. */
function isGroup(cells: readonly GridCell[]): boolean {
  const [first, ...rest] = cells;
  if (!first?.text) return false;
  const restEmpty = rest.every((cell) => cell === first || !cell.text);
  return restEmpty && (first.mark === 'strong' || (first.span > 1 && rest.every((cell) => cell === first)));
}
