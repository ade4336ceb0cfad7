import type { RungCell } from '../model.js';
import type { PositionComparison } from './compare-positions.js';
import { summarizeComparison } from './compare-positions.js';

const arrow = '  \u2192  ';

/**
 * The comparison as plain terminal text: a header line, one aligned row per axis (`System  Owns (3 of 5)  →  Evolves (4 of 5)   up`,
 * or the one keyword and `same`), and a summary line, with blank lines between; no colours, so it reads the same in a pipe.
 */
export function formatComparison(comparison: PositionComparison): string {
  const { from, to } = comparison;
  const rank = (rung: RungCell | null, ranks: number) => (rung ? `${rung.keyword} (${rung.rank} of ${ranks})` : '');
  const rows = comparison.axes.map(({ axis, from: before, to: after, direction, statements }) => ({
    name: axis.name,
    from: rank(before, axis.scale.length),
    to: direction === 'same' || (before === null && after === null) ? null : rank(after, axis.scale.length),
    direction,
    statements,
  }));
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const fromWidth = Math.max(...rows.map((row) => row.from.length));
  const toWidth = Math.max(0, ...rows.map((row) => row.to?.length ?? 0));
  // Rows that stay leave the arrow column blank, so every direction word lines up.
  const middleWidth = rows.some((row) => row.to !== null) ? arrow.length + toWidth : 0;
  const lines = rows.flatMap((row) => {
    const middle = row.to === null ? ' '.repeat(middleWidth) : arrow + row.to.padEnd(toWidth);
    // Under a competency whose text changes, a line a statement: `+` added, `-` removed, `~` reworded.
    return [
      `${row.name.padEnd(nameWidth)}  ${row.from.padEnd(fromWidth)}${middle}   ${row.direction}`,
      ...row.statements.map((change) =>
        change.change === 'added'
          ? `  + ${change.after}`
          : change.change === 'removed'
            ? `  - ${change.before}`
            : `  ~ ${change.before} \u2192 ${change.after}`,
      ),
    ];
  });
  const header = `${from.position.code} ${from.position.title} \u2192 ${to.position.code} ${to.position.title}`;
  return [header, '', ...lines, '', summarizeComparison(comparison)].join('\n') + '\n';
}
