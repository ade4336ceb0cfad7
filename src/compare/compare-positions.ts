import { rungCellsOf, type Competency, type RungCell, type Ladder } from '../model.js';
import type { PlacedPosition } from '../plan/find-position.js';

/** How the rank on one axis moves from the first position to the second. */
export type Direction = 'same' | 'up' | 'down';

/** One axis of the framework, what each position expects on it, and which way it moves. */
export interface AxisComparison {
  axis: Competency;
  from: RungCell;
  to: RungCell;
  direction: Direction;
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
  const axes = ladder.framework.competencies.map((axis): AxisComparison => {
    const before = expectationOn(from, axis);
    const after = expectationOn(to, axis);
    const direction = after.rank === before.rank ? 'same' : after.rank > before.rank ? 'up' : 'down';
    return { axis, from: before, to: after, direction };
  });
  const changed = axes.filter((axis) => axis.direction !== 'same').length;
  return { from, to, axes, changed, stayed: axes.length - changed };
}

/** The comparison in one line: `2 axes change, 3 stay`. */
export function summarizeComparison({ changed, stayed }: Pick<PositionComparison, 'changed' | 'stayed'>): string {
  return `${changed} ${changed === 1 ? 'axis changes' : 'axes change'}, ${stayed} ${stayed === 1 ? 'stays' : 'stay'}`;
}

function expectationOn({ position }: PlacedPosition, axis: Competency): RungCell {
  const expectation = rungCellsOf(position).find((candidate) => candidate.competency === axis.id);
  // A ladder without errors has one expectation per axis in every position.
  if (!expectation) throw new Error(`Position ${position.code} expects nothing on axis ${axis.id}`);
  return expectation;
}
