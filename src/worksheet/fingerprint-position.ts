import { createHash } from 'node:crypto';
import type { Cell, Position } from '../model.js';

/**
 * A short hash of what a position expects (its code, and on each competency its rung's rank, keyword
 * and description, or else its statements and examples),
 * so that a worksheet can tell whether the position changed since it was made. Titles, wording around
 * the ladder and source places are left out: they change nothing a reviewer rated against.
 */
export function fingerprintPosition(position: Position): string {
  const expected = position.cells.map(expectedIn);
  return createHash('sha256')
    .update(JSON.stringify([position.code, expected]))
    .digest('hex')
    .slice(0, 16);
}

/** What a cell expects, as plain data; a rung's cell hashes as it did before cells could hold text. */
function expectedIn(cell: Cell): unknown[] {
  const texts = (statements: Cell['statements']) => statements.map((statement) => statement.text);
  if (cell.rung && cell.statements.length === 0 && cell.examples.length === 0)
    return [cell.competency, cell.rung.rank, cell.rung.keyword, cell.rung.description];
  return [cell.competency, cell.rung, texts(cell.statements), texts(cell.examples)];
}
