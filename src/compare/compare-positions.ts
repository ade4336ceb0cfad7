import type { Cell, Competency, Ladder, RungCell } from '../model.js';
import type { PlacedPosition } from '../plan/find-position.js';
import { diffStatements, type StatementChange } from '../view/diff-statements.js';
import { expectedCell } from '../view/expected-cell.js';

/** How the rank on one axis moves from the first position to the second; `changed` when a competency without a rank says something else. */
export type Direction = 'same' | 'up' | 'down' | 'changed';

/**
 * One axis (competency) of the framework, what each position expects on it, and which way it moves:
 * `from` and `to` are the rungs, null on a competency without a scale, whose `statements` say what
 * the second position adds, removes or rewords.
 */
export interface AxisComparison {
  axis: Competency;
  from: RungCell | null;
  to: RungCell | null;
  direction: Direction;
  statements: StatementChange[];
}

/** Two positions, of one role or of two, compared axis by axis in the framework's order. */
export interface PositionComparison {
  from: PlacedPosition;
  to: PlacedPosition;
  axes: AxisComparison[];
  /** How many axes change rank, and how many keep it. */
  changed: number;
  stayed: number;
}

/** Compare what `from` and `to` expect on every axis of the ladder's framework. */
export function comparePositions(ladder: Ladder, from: PlacedPosition, to: PlacedPosition): PositionComparison {
  const axes = ladder.framework.competencies.flatMap((axis): AxisComparison[] => {
    const beforeCell = expectedCell(from.role, from.position, axis.id);
    const afterCell = expectedCell(to.role, to.position, axis.id);
    if (!beforeCell && !afterCell) return [];
    const before = rungOf(beforeCell);
    const after = rungOf(afterCell);
    const texts = (cell: Cell | null) => (cell?.statements ?? []).map((statement) => statement.text);
    const statements = diffStatements(texts(beforeCell), texts(afterCell));
    const direction: Direction =
      before && after
        ? after.rank === before.rank
          ? statements.length === 0
            ? 'same'
            : 'changed'
          : after.rank > before.rank
            ? 'up'
            : 'down'
        : statements.length === 0 && before === after
          ? 'same'
          : 'changed';
    return [{ axis, from: before, to: after, direction, statements }];
  });
  const changed = axes.filter((axis) => axis.direction !== 'same').length;
  return { from, to, axes, changed, stayed: axes.length - changed };
}

/** The comparison in one line: `2 axes change, 3 stay`. */
export function summarizeComparison({ changed, stayed }: Pick<PositionComparison, 'changed' | 'stayed'>): string {
  return `${changed} ${changed === 1 ? 'axis changes' : 'axes change'}, ${stayed} ${stayed === 1 ? 'stays' : 'stay'}`;
}

function rungOf(cell: Cell | null): RungCell | null {
  return cell?.rung ? { competency: cell.competency, ...cell.rung, source: cell.source } : null;
}
