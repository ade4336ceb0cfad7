import type { PositionComparison } from './compare-positions.js';
import { summarizeComparison } from './compare-positions.js';

const arrow = '  \u2192  ';

/**
 * The comparison as plain terminal text: a header line, one aligned row per axis (`System  Owns (3 of 5)  →  Evolves (4 of 5)   up`,
 * or the one keyword and `same`), and a summary line, with blank lines between; no colours, so it reads the same in a pipe.
 */
export function formatComparison(comparison: PositionComparison): string {
  const { from, to } = comparison;
  const rows = comparison.axes.map(({ axis, from: before, to: after, direction }) => ({
    name: axis.name,
    from: `${before.keyword} (${before.rank} of ${axis.scale.length})`,
    to: direction === 'same' ? null : `${after.keyword} (${after.rank} of ${axis.scale.length})`,
    direction,
  }));
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const fromWidth = Math.max(...rows.map((row) => row.from.length));
  const toWidth = Math.max(0, ...rows.map((row) => row.to?.length ?? 0));
  // Rows that stay leave the arrow column blank, so every direction word lines up.
  const middleWidth = comparison.changed > 0 ? arrow.length + toWidth : 0;
  const lines = rows.map((row) => {
    const middle = row.to === null ? ' '.repeat(middleWidth) : arrow + row.to.padEnd(toWidth);
    return `${row.name.padEnd(nameWidth)}  ${row.from.padEnd(fromWidth)}${middle}   ${row.direction}`;
  });
  const header = `${from.position.code} ${from.position.title} \u2192 ${to.position.code} ${to.position.title}`;
  return [header, '', ...lines, '', summarizeComparison(comparison)].join('\n') + '\n';
}
