import { toSinceView } from './to-since-view.js';
import { isolateInLine } from '../locale/isolate-in-line.js';
import { hasScale, rungCellsOf, type Competency, type RungCell, type Ladder, type Position, type Role } from '../model.js';
import { formatDay, formatLabel, type PageLocale } from '../locale/format-label.js';
import { handoutPath, indexFile, reviewPath } from './output-paths.js';
import { positionLink } from './position-link.js';
import { printedLink } from './printed-link.js';
import { renderRadarChart } from './radar-chart.js';
import { referenceHref } from './reference-href.js';
import { minimumAxes } from '../read/to-framework.js';
import { sourcePath } from './source-path.js';
import { toCellGroups, type TextContext } from './to-cell-groups.js';
import { toTextChanges } from './to-text-changes.js';
import { cssString, isExternal, seniority, toAxisView, toPageHeaderView, toRankView, type ViewOptions } from './to-views.js';
import type { ChangeView, ExpectationView, HandoutView, LinkView, StepView } from './view.js';

/** The view of one position's handout (and its review worksheet); its links are relative to `<role-id>/<code>.<format>`. */
export function toHandoutView(ladder: Ladder, role: Role, position: Position, options: ViewOptions): HandoutView {
  const index = role.positions.indexOf(position);
  const previous = role.positions[index - 1];
  const next = role.positions[index + 1];
  const external = isExternal(options);
  const printed = options.printed === true;
  const home = `../${indexFile(options.format)}`;
  const expectations = rungCellsOf(position).map((expectation) =>
    toExpectationView(expectation, axisOf(ladder, expectation), options.locale),
  );
  const stamp = preparedFor(options.preparedFor, options.locale);
  const framework = options.version ?? ladder.framework.version;
  const frameworkLine = framework
    ? formatLabel(options.locale, 'frameworkVersion', { framework: ladder.framework.title, version: framework })
    : ladder.framework.title;
  const source = sourcePath(role.path, options.sourceFolder);
  // The running head says whose copy it is and where it comes from, on every page.
  const head = [options.organization ?? null, stamp?.text ?? null, frameworkLine];
  if (!external)
    head.push(
      formatLabel(options.locale, 'source', { file: isolateInLine(source, options.locale.dir), line: position.source.line }),
      `ladders ${options.toolVersion}`,
    );
  // Links to other positions lead to their PDFs from a PDF, and nowhere on pages for outside readers.
  const linkTo = (neighbour: Position) => {
    const link = positionLink(neighbour, printed ? 'pdf' : options.format);
    return { ...link, href: external ? null : printed ? printedLink(handoutPath(role, neighbour, 'pdf')) : link.href };
  };
  const ratings = (['below', 'meets', 'above'] as const).map((key) => options.locale.labels[key]);
  // A statement's links lead to the output pages, like the role page's; nowhere a reader cannot follow them.
  const text: TextContext = {
    format: options.format,
    locale: options.locale,
    resolve: (target) => (external || printed ? null : referenceHref(ladder, target, options.format, role.id)),
  };
  return {
    ...toPageHeaderView(ladder, options),
    home: { href: home, text: ladder.framework.title },
    role: { id: role.id, title: role.title, summary: role.summary, link: { href: indexFile(options.format), text: role.title } },
    position: {
      code: position.code,
      level: position.level,
      title: position.title,
      senior: position.senior,
      seniority: seniority(position, options.locale),
      summary: position.summary,
      attributes: position.attributes.map(({ name, value }) => ({ name, value })),
    },
    expectations,
    cells: toCellGroups(ladder, position.cells, text),
    everyLevel: toCellGroups(ladder, role.everyLevel, text),
    previous: previous ? toStepView(ladder, previous, previous, position, linkTo(previous), text) : null,
    next: next ? toStepView(ladder, next, position, next, linkTo(next), text) : null,
    chart: toChartView(ladder, position, options.locale),
    source: { file: source, line: position.source.line },
    internal: !external,
    trail: external
      ? null
      : [
          { href: printed ? null : home, text: ladder.framework.title },
          { href: printed ? null : indexFile(options.format), text: role.title },
        ],
    versions: versionsOf(role, position, options),
    print: {
      footer: cssString(`${position.code} \u2014 ${position.title}`),
      review: cssString(options.locale.labels.reviewWorksheet.toLowerCase()),
      head: cssString(head.filter((part): part is string => part !== null).join(' \u00b7 ')),
    },
    preparedFor: stamp,
    ratings,
    since: options.since ? toSinceView(options.since, role, position, options.locale) : null,
  };
}

/** The position's pages the build writes, for links between them; none from a printed page, which cannot follow them. */
function versionsOf(role: Role, position: Position, options: ViewOptions): HandoutView['versions'] {
  const built = options.printed === true ? null : options.built;
  // `page`: the other page in the format of the one linking to it (HTML beside HTML, Markdown beside Markdown).
  const link = (variant: 'handout' | 'review', format: 'page' | 'pdf', text: string): LinkView[] => {
    const target = format === 'page' ? options.format : format;
    return built?.variants.includes(variant) && built.formats.includes(target)
      ? [{ href: (variant === 'handout' ? handoutPath : reviewPath)(role, position, target).slice(role.id.length + 1), text }]
      : [];
  };
  const labels = options.locale.labels;
  return {
    handout: [
      ...link('handout', 'pdf', labels.handoutPdf),
      ...link('review', 'page', labels.reviewWorksheet),
      ...link('review', 'pdf', labels.reviewPdf),
    ],
    review: [
      ...link('review', 'pdf', labels.reviewPdf),
      ...link('handout', 'page', labels.handoutPage),
      ...link('handout', 'pdf', labels.handoutPdf),
    ],
  };
}

function preparedFor(stamp: ViewOptions['preparedFor'], locale: PageLocale): HandoutView['preparedFor'] {
  if (!stamp) return null;
  const date = formatDay(locale, stamp.date);
  return { name: stamp.name, date, text: formatLabel(locale, 'preparedFor', { name: stamp.name, date }) };
}

function toExpectationView(expectation: RungCell, axis: Competency, locale: PageLocale): ExpectationView {
  return {
    axis: toAxisView(axis),
    ...toRankView(expectation, axis.scale.length, locale),
    scale: axis.scale.map((level) => ({
      rank: level.rank,
      keyword: level.keyword,
      description: level.description,
      current: level.rank === expectation.rank,
      reached: level.rank <= expectation.rank,
    })),
  };
}

/** `neighbour` with the changes from `from` to `to` (one of them is the neighbour). */
function toStepView(
  ladder: Ladder,
  neighbour: Position,
  from: Position,
  to: Position,
  link: StepView['position']['link'],
  text: TextContext,
): StepView {
  const changes: ChangeView[] = [];
  const rungsAfter = rungCellsOf(to);
  rungCellsOf(from).forEach((before) => {
    const after = rungsAfter.find((candidate) => candidate.competency === before.competency);
    if (!after || after.rank === before.rank) return;
    changes.push({
      axis: axisOf(ladder, after).name,
      from: before.keyword,
      to: after.keyword,
      fromRank: before.rank,
      toRank: after.rank,
      direction: after.rank > before.rank ? 'up' : 'down',
      text: `${before.keyword} \u2192 ${after.keyword}`,
    });
  });
  const textChanges = toTextChanges(ladder, from, to, text);
  return {
    position: { code: neighbour.code, title: neighbour.title, link },
    changes,
    textChanges,
    same: changes.length === 0 && textChanges.length === 0,
  };
}

/** The chart of the competencies with a scale, where the position sits on them; null when there is nothing to draw. */
function toChartView(ladder: Ladder, position: Position, locale: PageLocale): HandoutView['chart'] {
  const axes = ladder.framework.competencies.filter(hasScale);
  const rungs = rungCellsOf(position);
  if (axes.length < minimumAxes || rungs.length === 0) return null;
  const rungOf = (axis: Competency) => rungs.find((expectation) => expectation.competency === axis.id);
  const values = axes.map((axis) => rungOf(axis)?.rank ?? 0);
  const summary = rungs.map((expectation) => `${axisOf(ladder, expectation).name} ${expectation.keyword}`).join(', ');
  return {
    svg: renderRadarChart({
      idPrefix: `chart-${position.code.toLowerCase()}`,
      title: formatLabel(locale, 'expects', { code: position.code }),
      description: formatLabel(locale, 'chartDescription', { title: position.title }),
      axes: axes.map((axis) => ({
        name: axis.name,
        ranks: axis.scale.length,
        caption: rungOf(axis)?.keyword ?? '',
      })),
      shapes: [{ label: position.code, values }],
      rightToLeft: locale.dir === 'rtl',
      rankLabel: (rank, ranks) => formatLabel(locale, 'rankOf', { rank, ranks }),
    }),
    file: `${position.code.toLowerCase()}.svg`,
    alt: formatLabel(locale, 'chartAlt', { code: position.code, summary }),
  };
}

function axisOf(ladder: Ladder, expectation: RungCell): Competency {
  const axis = ladder.framework.competencies.find((candidate) => candidate.id === expectation.competency);
  if (!axis) throw new Error(`Cell names competency ${expectation.competency}, which the framework does not define`);
  return axis;
}
