import { formatLabel, type PageLocale } from '../locale/format-label.js';
import { rungCellsOf, type Position, type Role } from '../model.js';
import type { ChangeRowView, SinceView } from './view.js';
import type { SinceDiff } from '../ladder-diff.js';
import { positionNotes, toAxisRows, toEveryLevelRows, toPositionChangeView, toWordViews } from './to-change-rows.js';

/**
 * A handout's "Changed since" section: what happened to the position itself (new, re-coded, renamed),
 * the role's text reworded, each axis whose keyword, rank or bullet changed for it, and the framework's
 * changes it shows (what an axis measures, the rank it expects); null when nothing changed for it.
 */
export function toSinceView(since: SinceDiff, role: Role, position: Position, locale: PageLocale): SinceView | null {
  const roleChange = since.diff.roles.find((change) => change.id === role.id);
  const change = roleChange?.positions.find((candidate) => candidate.to?.code === position.code);
  const rows: ChangeRowView[] = [];
  if (roleChange?.summary)
    rows.push({
      subject: formatLabel(locale, 'roleText'),
      before: null,
      after: null,
      change: formatLabel(locale, 'reworded'),
      words: toWordViews(roleChange.summary),
    });
  for (const everyLevel of roleChange?.everyLevel ?? []) rows.push(...toEveryLevelRows(everyLevel, locale));
  if (change) rows.push(...toPositionChangeView(change, locale).rows);
  // A new position is new as a whole; axes added or removed are among its own rows.
  for (const axis of change?.change === 'added' ? [] : since.diff.framework.axes) {
    if (axis.change !== 'changed' || !axis.positions.includes(position.code)) continue;
    const expected = rungCellsOf(position).find((expectation) => expectation.competency === axis.id)?.rank;
    const ownRow = change?.expectations.some((expectation) => expectation.axis.id === axis.id) ?? false;
    const shows = (rank: number) => {
      const keyword = axis.keywords.find((candidate) => candidate.rank === rank);
      // A keyword renamed and nothing else is already the position's own row.
      return rank === expected && !(ownRow && keyword?.renamed === true && keyword.description === null);
    };
    for (const row of toAxisRows(axis, locale, shows)) rows.push({ ...row, subject: `${axis.name} \u00b7 ${row.subject}` });
  }
  const notes = change ? positionNotes(change, locale) : [];
  if (notes.length === 0 && rows.length === 0) return null;
  return { title: formatLabel(locale, 'changedSinceVersion', { version: since.version }), notes, rows };
}
