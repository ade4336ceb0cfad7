import { dropControls } from '../drop-controls.js';
import { formatLabel, type PageLocale } from '../locale/format-label.js';
import type { Ladder } from '../model.js';
import { diffStatements } from '../view/diff-statements.js';
import { renderRadarChart } from '../view/radar-chart.js';
import { renderStatements } from '../view/render-statements.js';
import { cssString, isExternal, toPageHeaderView, toRankView, type ViewOptions } from '../view/to-views.js';
import type { Rating } from '../worksheet/filled-worksheet.js';
import type { AssessedAxis, AssessedExpectation, Assessment, Signature, WrittenText } from './assessment.js';
import type { AssessedAxisView, AssessmentView, RatingView, TextView } from '../view/assessment-view.js';

const ratingLabels = { below: 'below', meets: 'meets', above: 'above', na: 'notApplicable' } as const;
/** How far from the expected rank each rating draws the person on the chart. */
const ratingOffsets: Record<Rating, number> = { below: -1, meets: 0, above: 1, na: 0 };

/**
 * The view of an assessment handout, written beside its chart `<name>.svg` (see `assessmentName`).
 * What the worksheets say is shown without its control characters (see `dropControls`).
 */
export function toAssessmentView(ladder: Ladder, given: Assessment, options: ViewOptions): AssessmentView {
  const assessment = withoutControls(given);
  const { locale } = options;
  const { position, next, person } = assessment;
  const title = assessmentTitle(assessment, locale);
  const { overall, signOff } = assessment;
  const differing = [
    ...assessment.axes.filter((axis) => axis.differ).map((axis) => axis.name),
    ...(overall.differ ? [locale.labels.overallRating] : []),
  ];
  const details = [
    { term: locale.labels.name, value: person.name },
    { term: locale.labels.manager, value: person.manager },
    { term: locale.labels.reviewPeriod, value: person.period },
    { term: locale.labels.date, value: person.date },
  ].filter((detail): detail is { term: string; value: string } => detail.value !== null);
  const version = options.version ?? ladder.framework.version;
  const framework = version
    ? formatLabel(locale, 'frameworkVersion', { framework: ladder.framework.title, version })
    : ladder.framework.title;
  return {
    ...toPageHeaderView(ladder, options),
    title,
    position: {
      code: position.code,
      title: position.title,
      level: position.level,
      seniority: seniorityOf(ladder, assessment, locale),
      role: position.role,
    },
    next: next && { code: next.code, title: next.title },
    details,
    name: person.name,
    axes: assessment.axes.map((axis) => toAssessedAxisView(axis, options)),
    agreement: differing.length
      ? formatLabel(locale, 'differOn', { axes: differing.join(', ') })
      : [...assessment.axes, overall].some((rated) => rated.self !== null && rated.manager !== null)
        ? locale.labels.agreeEverywhere
        : locale.labels.nothingCompared,
    overall: { self: toRatingView(overall.self, locale), manager: toRatingView(overall.manager, locale), differ: overall.differ },
    signOff: [
      { who: locale.labels.personReviewed, ...toSignatureView(signOff.person, locale) },
      { who: locale.labels.theirManager, ...toSignatureView(signOff.manager, locale) },
    ],
    strengths: assessment.strengths.map((text) => toTextView(text, options)),
    grow: assessment.grow.map((text) => toTextView(text, options)),
    chart: toChartView(assessment, locale),
    internal: !isExternal(options),
    print: {
      footer: cssString(`${title} \u2014 ${locale.labels.confidential}`),
      head: cssString([options.organization ?? null, framework].filter((part): part is string => part !== null).join(' \u00b7 ')),
    },
  };
}

/** The assessment with every text the worksheets gave ready for a page: the evidence keeps its lines and tabs. */
function withoutControls(assessment: Assessment): Assessment {
  const line = (value: string | null) => value && dropControls(value);
  const texts = (values: WrittenText[]) => values.map(({ from, text }) => ({ from, text: dropControls(text, { multiline: true }) }));
  const { person, signOff } = assessment;
  const signature = ({ signature, date }: Signature) => ({ signature: line(signature), date: line(date) });
  return {
    ...assessment,
    person: { name: line(person.name), manager: line(person.manager), period: line(person.period), date: line(person.date) },
    signOff: { person: signature(signOff.person), manager: signature(signOff.manager) },
    axes: assessment.axes.map((axis) => ({ ...axis, evidence: texts(axis.evidence) })),
    strengths: texts(assessment.strengths),
    grow: texts(assessment.grow),
  };
}

/** The assessment's file name without extension: `em5-assessment`, with the person's name when given (`em5-assessment-alex-doe`). */
export function assessmentName(assessment: Pick<Assessment, 'position' | 'person'>): string {
  // Made from the name as the page shows it, so that the page and the files beside it agree.
  const slug = dropControls(assessment.person.name ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${assessment.position.code.toLowerCase()}-assessment${slug ? `-${slug}` : ''}`;
}

/** `EM5 assessment — Alex Doe`: the page's and the PDF's title, in the page's language. */
export function assessmentTitle(assessment: Pick<Assessment, 'position' | 'person'>, locale: PageLocale): string {
  const title = formatLabel(locale, 'assessmentTitle', { code: assessment.position.code });
  return assessment.person.name ? `${title} \u2014 ${assessment.person.name}` : `${title} \u2014 ${assessment.position.title}`;
}

function seniorityOf(ladder: Ladder, assessment: Assessment, locale: PageLocale): string {
  const role = ladder.roles.find((candidate) => candidate.id === assessment.position.role.id);
  const senior = role?.positions.find((candidate) => candidate.code === assessment.position.code)?.senior ?? false;
  return senior ? locale.labels.senior : locale.labels.notSenior;
}

function toAssessedAxisView(axis: AssessedAxis, options: ViewOptions): AssessedAxisView {
  const { locale } = options;
  const rankOf = (expected: AssessedExpectation) =>
    expected.rank === null || expected.keyword === null
      ? { keyword: '', rank: 0, ranks: 0, rankLabel: '', description: '' }
      : toRankView({ rank: expected.rank, keyword: expected.keyword, description: expected.description }, axis.ranks, locale);
  const texts = (expected: AssessedExpectation) => (expected.statements ?? []).map((statement) => statement.text);
  const body = (statements: readonly { kind: 'paragraph' | 'bullet'; text: string }[]) =>
    statements.length === 0 ? null : { body: renderStatements(statements, options.format) };
  const changes = axis.next ? diffStatements(texts(axis.expected), texts(axis.next)) : [];
  const adds = changes.flatMap((change) => (change.after === null ? [] : [{ kind: 'bullet' as const, text: change.after }]));
  return {
    axis: { id: axis.id, name: axis.name, summary: '' },
    expected: { ...rankOf(axis.expected), hasRung: axis.expected.rank !== null, text: body(axis.expected.statements ?? []) },
    next: axis.next && {
      ...rankOf(axis.next),
      same: axis.next.rank === axis.expected.rank && changes.length === 0,
      hasRung: axis.next.rank !== null,
      adds: body(adds),
    },
    self: toRatingView(axis.self, locale),
    manager: toRatingView(axis.manager, locale),
    differ: axis.differ,
    evidence: axis.evidence.map((text) => toTextView(text, options)),
  };
}

function toSignatureView({ signature, date }: Signature, locale: PageLocale): Omit<AssessmentView['signOff'][number], 'who'> {
  const signed = signature !== null || date !== null;
  return { signature: signature ?? (signed ? '' : locale.labels.notSigned), date: date ?? '', signed };
}

function toRatingView(rating: Rating | null, locale: PageLocale): RatingView {
  if (rating === null) return { value: null, text: locale.labels.notRated, given: false };
  return { value: rating, text: locale.labels[ratingLabels[rating]], given: true };
}

const writerLabels = { self: 'fromSelf', manager: 'fromManager', both: 'fromBoth' } as const;

/**
 * A text as paragraphs of lines, printed line by line as written, under whose copy it is from. In
 * Markdown a line's leading spaces become no-break spaces, so an indented line stays text instead of
 * turning into a code block.
 */
function toTextView({ from, text }: WrittenText, { format, locale }: ViewOptions): TextView {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  const keepIndent = (line: string) => (format === 'md' ? line.replace(/^[ \t]+/, (space) => '\u00a0'.repeat(space.length)) : line);
  return {
    from: locale.labels[writerLabels[from]],
    paragraphs: paragraphs.map((paragraph) => ({ lines: paragraph.split('\n').map(keepIndent) })),
  };
}

function toChartView(given: Assessment, locale: PageLocale): AssessmentView['chart'] {
  // Only the competencies with a scale can be drawn: a rating on text has no rank to draw it at.
  const assessment = { ...given, axes: given.axes.filter((axis) => axis.ranks > 0 && axis.expected.rank !== null) };
  if (assessment.axes.length === 0) return null;
  const { position, next, person } = assessment;
  const rankOf = (expected: AssessedExpectation | null) => expected?.rank ?? 0;
  const name = assessmentName(assessment);
  const personLabel = person.name ? formatLabel(locale, 'asRated', { name: person.name }) : locale.labels.asRatedNoName;
  // The manager's rating where there is one: it is the one the review settles on; else the person's own.
  const ratingOf = (axis: AssessedAxis) => axis.manager ?? axis.self;
  const personValues = assessment.axes.map((axis) => {
    const rating = ratingOf(axis);
    const value = rankOf(axis.expected) + (rating === null ? 0 : ratingOffsets[rating]);
    return Math.min(axis.ranks, Math.max(0, value));
  });
  const summary = assessment.axes
    .map((axis) => {
      const rating = ratingOf(axis);
      return `${axis.name} ${axis.expected.keyword ?? ''}: ${rating === null ? locale.labels.notRated : locale.labels[ratingLabels[rating]]}`;
    })
    .join(', ');
  const shapes = [
    {
      label: `${position.code} \u2014 ${position.title}`,
      values: assessment.axes.map((axis) => rankOf(axis.expected)),
      style: 'filled' as const,
    },
    ...(next
      ? [
          {
            label: `${next.code} \u2014 ${next.title}`,
            values: assessment.axes.map((axis) => rankOf(axis.next)),
            style: 'dashed' as const,
          },
        ]
      : []),
    {
      label: personLabel,
      values: personValues,
      style: 'dotted' as const,
      // An axis not rated, or rated not applicable, is drawn at the expected rank without a marker.
      unmarked: assessment.axes.map((axis) => {
        const rating = ratingOf(axis);
        return rating === null || rating === 'na';
      }),
    },
  ];
  return {
    svg: renderRadarChart({
      idPrefix: `chart-${name}`,
      title: formatLabel(locale, 'assessChartTitle', { name: personLabel, code: position.code }),
      description: formatLabel(locale, 'assessChartDescription', { code: position.code, next: next?.code ?? position.code }),
      axes: assessment.axes.map((axis) => ({ name: axis.name, ranks: axis.ranks, caption: axis.expected.keyword ?? '' })),
      shapes,
      rightToLeft: locale.dir === 'rtl',
      rankLabel: (rank, ranks) => formatLabel(locale, 'rankOf', { rank, ranks }),
    }),
    file: `${name}.svg`,
    alt: formatLabel(locale, 'assessChartAlt', { name: personLabel, code: position.code, summary }),
    note: formatLabel(locale, 'assessChartNote', { code: position.code }),
  };
}
