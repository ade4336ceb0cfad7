import { formatLabel, type PageLocale } from '../locale/format-label.js';
import type { RungCell, Ladder, Position } from '../model.js';
import { renderRadarChart } from '../view/radar-chart.js';
import { renderStatements } from '../view/render-statements.js';
import { cssString, isExternal, seniority, toAxisView, toPageHeaderView, toRankView, type ViewOptions } from '../view/to-views.js';
import type { AxisComparison, PositionComparison } from './compare-positions.js';
import type { PlacedPosition } from '../plan/find-position.js';
import type { ComparedAxisView, ComparedPositionView, ComparisonView } from '../view/comparison-view.js';
const directionLabels = { same: 'stays', up: 'goesUp', down: 'goesDown', changed: 'textChanges' } as const;
const statementLabels = { added: 'statementNew', removed: 'statementDropped', reworded: 'reworded' } as const;

/** The view of a comparison handout, written beside its chart `<name>.svg` (see `comparisonName`). */
export function toComparisonView(ladder: Ladder, comparison: PositionComparison, options: ViewOptions): ComparisonView {
  const { from, to } = comparison;
  const { locale } = options;
  const axes = comparison.axes.map((axis) => toComparedAxisView(axis, options));
  return {
    ...toPageHeaderView(ladder, options),
    title: comparisonTitle(comparison, locale),
    from: toPositionView(from, locale),
    to: toPositionView(to, locale),
    sameRole: from.role === to.role,
    axes,
    changes: axes.filter((axis) => axis.changed),
    stays: axes.filter((axis) => !axis.changed),
    summary: formatLabel(locale, 'comparisonSummary', { changed: comparison.changed, stayed: comparison.stayed }),
    chart: toChartView(comparison, comparisonName(comparison), locale),
    internal: !isExternal(options),
    print: {
      footer: cssString(`${from.position.code} \u2192 ${to.position.code} \u2014 ${locale.labels.comparison}`),
      head: cssString(runningHead(ladder, options).join(' \u00b7 ')),
    },
  };
}

function runningHead(ladder: Ladder, options: ViewOptions): string[] {
  const version = options.version ?? ladder.framework.version;
  const framework = version
    ? formatLabel(options.locale, 'frameworkVersion', { framework: ladder.framework.title, version })
    : ladder.framework.title;
  const head = [options.organization ?? null, framework, isExternal(options) ? null : `ladders ${options.toolVersion}`];
  return head.filter((part): part is string => part !== null);
}

/** The comparison's file name without extension: `em5-vs-em6`. */
export function comparisonName({ from, to }: Pick<PositionComparison, 'from' | 'to'>): string {
  return `${from.position.code.toLowerCase()}-vs-${to.position.code.toLowerCase()}`;
}

/** `EM5 → EM6 — Engineering Manager 5 compared with Engineering Manager 6`: the page's and the PDF's title, in the page's language. */
export function comparisonTitle({ from, to }: Pick<PositionComparison, 'from' | 'to'>, locale: PageLocale): string {
  const titles = formatLabel(locale, 'comparedWith', { from: from.position.title, to: to.position.title });
  return `${from.position.code} \u2192 ${to.position.code} \u2014 ${titles}`;
}

function toPositionView({ role, position }: PlacedPosition, locale: PageLocale): ComparedPositionView {
  return {
    code: position.code,
    title: position.title,
    level: position.level,
    senior: position.senior,
    seniority: seniority(position, locale),
    role: { id: role.id, title: role.title, summary: role.summary },
  };
}

function toComparedAxisView({ axis, from, to, direction, statements }: AxisComparison, { locale, format }: ViewOptions): ComparedAxisView {
  const ranks = axis.scale.length;
  const rank = (rung: RungCell | null) =>
    rung ? toRankView(rung, ranks, locale) : { keyword: '', rank: 0, ranks: 0, rankLabel: '', description: '' };
  const body = (text: string | null) => (text === null ? null : { body: renderStatements([{ kind: 'paragraph', text }], format) });
  const keyword = (rung: RungCell | null) => rung?.keyword ?? '';
  return {
    axis: toAxisView(axis),
    from: rank(from),
    to: rank(to),
    direction,
    directionText: locale.labels[directionLabels[direction]],
    moveText:
      (direction === 'up' || direction === 'down') && from && to
        ? formatLabel(locale, direction === 'up' ? 'movesUp' : 'movesDown', { from: from.rank, to: to.rank, ranks })
        : '',
    changed: direction !== 'same',
    text: from?.rank === to?.rank ? keyword(from) : `${keyword(from)} \u2192 ${keyword(to)}`,
    hasRung: from !== null || to !== null,
    statements: statements.map((change) => ({
      change: locale.labels[statementLabels[change.change]],
      before: body(change.before),
      after: body(change.after),
    })),
  };
}

function toChartView(given: PositionComparison, name: string, locale: PageLocale): ComparisonView['chart'] {
  // Only the competencies on which both positions sit on a rung can be drawn.
  const axes = given.axes.flatMap((axis) => (axis.from && axis.to ? [{ ...axis, from: axis.from, to: axis.to }] : []));
  if (axes.length === 0) return null;
  const comparison = { ...given, axes };
  const from: Position = comparison.from.position;
  const to: Position = comparison.to.position;
  const ranks = (select: (axis: (typeof axes)[number]) => RungCell) => comparison.axes.map((axis) => select(axis).rank);
  const summary = comparison.axes
    .map((axis) => `${axis.axis.name} ${axis.direction === 'same' ? axis.from.keyword : `${axis.from.keyword} \u2192 ${axis.to.keyword}`}`)
    .join(', ');
  return {
    svg: renderRadarChart({
      idPrefix: `chart-${name}`,
      title: formatLabel(locale, 'compareChartTitle', { from: from.code, to: to.code }),
      description: formatLabel(locale, 'compareChartDescription', {
        from: from.code,
        fromTitle: from.title,
        to: to.code,
        toTitle: to.title,
      }),
      axes: comparison.axes.map((axis) => ({
        name: axis.axis.name,
        ranks: axis.axis.scale.length,
        caption: axis.direction === 'same' ? axis.from.keyword : `${axis.from.keyword} \u2192 ${axis.to.keyword}`,
      })),
      shapes: [
        { label: `${from.code} \u2014 ${from.title}`, values: ranks((axis) => axis.from) },
        { label: `${to.code} \u2014 ${to.title}`, values: ranks((axis) => axis.to) },
      ],
      rightToLeft: locale.dir === 'rtl',
      rankLabel: (rank, ranks) => formatLabel(locale, 'rankOf', { rank, ranks }),
    }),
    file: `${name}.svg`,
    alt: formatLabel(locale, 'compareChartAlt', { from: from.code, to: to.code, summary }),
  };
}
