import { formatLabel, type PageLocale } from '../locale/format-label.js';
import type { Ladder } from '../model.js';
import { cssString, toPageHeaderView, type ViewOptions } from './to-views.js';
import type { ChangelogView, RoleChangeView } from './view.js';
import type { DiffSide, LadderDiff, RoleChange } from '../ladder-diff.js';
import { toAxisRows, toEveryLevelRows, toPositionChangeView, toWordViews } from './to-change-rows.js';

/** The view of a changelog handout: the diff in the page's language, on the newer ladder's page header. */
export function toChangelogView(ladder: Ladder, diff: LadderDiff, options: ViewOptions): ChangelogView {
  const { locale } = options;
  const from = sideText(diff.from, locale);
  const to = sideText(diff.to, locale);
  const { axes, roles, positions } = diff.counts;
  const counts = (
    [
      ['axesAdded', axes.added],
      ['axesRemoved', axes.removed],
      ['axesChanged', axes.changed],
      ['rolesAdded', roles.added],
      ['rolesRemoved', roles.removed],
      ['rolesChanged', roles.changed],
      ['positionsAdded', positions.added],
      ['positionsRemoved', positions.removed],
      ['positionsRecoded', positions.recoded],
      ['positionsChanged', positions.changed],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ what: formatLabel(locale, key), count }));
  const { title } = diff.framework;
  const hasFramework = title !== null || diff.framework.axes.length > 0;
  return {
    ...toPageHeaderView(ladder, options),
    title: formatLabel(locale, 'changesFromTo', { from, to }),
    from,
    to,
    counts,
    frameworkChanges: hasFramework
      ? {
          renamedFrom: title && formatLabel(locale, 'renamedFrom', { title: title.from }),
          axes: diff.framework.axes.map((axis) => ({
            name: axis.name,
            status: axis.change === 'changed' ? null : formatLabel(locale, axis.change === 'added' ? 'axisAdded' : 'axisRemoved'),
            rows: toAxisRows(axis, locale),
            // What an axis measures, or the axis itself, is on every handout.
            touches: axis.change !== 'changed' || axis.summary ? null : axis.positions,
          })),
        }
      : null,
    roles: diff.roles.map((role) => toRoleChangeView(role, locale)),
    print: { footer: cssString(formatLabel(locale, 'changesFromTo', { from, to })) },
  };
}

/** The changelog's file name without extension, from both sides: `changelog-v1.2-v1.3`, made safe for any file system. */
export function changelogName(diff: { from: Pick<DiffSide, 'label'>; to: Pick<DiffSide, 'label'> }): string {
  // Letters, digits and the dots of a version; anything else a hyphen, none at either end.
  const safe = (label: string) =>
    label
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|[-.]+$/g, '') || 'version';
  return `changelog-${safe(diff.from.label)}-${safe(diff.to.label)}`;
}

function sideText(side: DiffSide, locale: PageLocale): string {
  return side.version === null ? side.label : formatLabel(locale, 'sideVersion', { label: side.label, version: side.version });
}

function toRoleChangeView(role: RoleChange, locale: PageLocale): RoleChangeView {
  const from = role.from?.title;
  const to = role.to?.title;
  const status =
    role.change === 'added'
      ? formatLabel(locale, 'roleAdded')
      : role.change === 'removed'
        ? formatLabel(locale, 'roleRemoved')
        : from !== undefined && from !== to
          ? formatLabel(locale, 'renamedFrom', { title: from })
          : null;
  return {
    title: to ?? from ?? role.id,
    status,
    summary: role.summary && toWordViews(role.summary),
    everyLevel: (role.everyLevel ?? []).flatMap((change) => toEveryLevelRows(change, locale)),
    positions: role.positions.map((position) => toPositionChangeView(position, locale)),
  };
}
