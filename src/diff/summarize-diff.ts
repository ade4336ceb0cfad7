import type { LadderDiff } from '../ladder-diff.js';

/** The diff in one line: `1 axis changed; 2 positions added, 1 re-coded, 3 changed`, or `No changes`. */
export function summarizeDiff(diff: Pick<LadderDiff, 'counts' | 'framework'>): string {
  const { axes, roles, positions } = diff.counts;
  const parts = [
    diff.framework.title ? 'framework renamed' : '',
    counted(axes.added + axes.removed + axes.changed, 'axis', 'axes', [
      [axes.added, 'added'],
      [axes.removed, 'removed'],
      [axes.changed, 'changed'],
    ]),
    counted(roles.added + roles.removed + roles.changed, 'role', 'roles', [
      [roles.added, 'added'],
      [roles.removed, 'removed'],
      [roles.changed, 'changed'],
    ]),
    counted(positions.added + positions.removed + positions.recoded + positions.changed, 'position', 'positions', [
      [positions.added, 'added'],
      [positions.removed, 'removed'],
      [positions.recoded, 're-coded'],
      [positions.changed, 'changed'],
    ]),
  ].filter(Boolean);
  if (parts.length === 0) return 'No changes';
  const line = parts.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** `3 positions added, 1 removed`: the noun goes with the first count, which is never zero. */
function counted(total: number, one: string, many: string, counts: [number, string][]): string {
  if (total === 0) return '';
  const present = counts.filter(([count]) => count > 0);
  return present
    .map(([count, what], index) => (index === 0 ? `${count} ${count === 1 ? one : many} ${what}` : `${count} ${what}`))
    .join(', ');
}
