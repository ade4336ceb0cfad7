import { formatLabel, type PageLocale } from '../locale/format-label.js';
import type {
  AttributeChange,
  AxisChange,
  EveryLevelChange,
  ExpectationChange,
  PositionChange,
  RankRef,
  StatementChange,
  TextPart,
} from '../ladder-diff.js';
import type { ChangeRowView, PositionChangeView, WordView } from './view.js';

/** A position's change as its view: notes (new, removed, re-coded, renamed, seniority) and a row per axis that changed. */
export function toPositionChangeView(change: PositionChange, locale: PageLocale): PositionChangeView {
  const position = change.to ?? change.from;
  if (!position) throw new Error('A position change has neither side');
  return {
    code: position.code,
    title: position.title,
    notes: positionNotes(change, locale),
    rows: [
      ...change.expectations.flatMap((row) => toExpectationRows(row, locale)),
      ...(change.attributes ?? []).map((row) => toAttributeRow(row, locale)),
    ],
  };
}

/** The rows of one competency of a position: its rung's when the rung changed, then one a statement added, removed or reworded. */
export function toExpectationRows(change: ExpectationChange, locale: PageLocale): ChangeRowView[] {
  const rung = !change.statements || (change.from || change.to ? isRungChanged(change) : false) ? [toExpectationRow(change, locale)] : [];
  return [...rung, ...(change.statements ?? []).map((statement) => toStatementRow(change.axis.name, statement, locale))];
}

/** A statement added, removed or reworded, under `subject`: its words marked as added or removed. */
export function toStatementRow(subject: string, change: StatementChange, locale: PageLocale): ChangeRowView {
  const whole = (text: string, added: boolean): TextPart[] => [{ text, change: added ? 'added' : 'removed' }];
  const words = change.words ?? (change.after !== null ? whole(change.after, true) : whole(change.before ?? '', false));
  const key = change.change === 'added' ? 'statementNew' : change.change === 'removed' ? 'statementDropped' : 'reworded';
  return { subject, before: null, after: null, change: formatLabel(locale, key), words: toWordViews(words) };
}

/** What holds at every level, changed on one competency: a row a statement. */
export function toEveryLevelRows(change: EveryLevelChange, locale: PageLocale): ChangeRowView[] {
  const subject = formatLabel(locale, 'competencyAtEveryLevel', { name: change.competency.name });
  return change.statements.map((statement) => toStatementRow(subject, statement, locale));
}

function toAttributeRow(change: AttributeChange, locale: PageLocale): ChangeRowView {
  const key = change.from === null ? 'attributeAdded' : change.to === null ? 'attributeRemoved' : 'attributeChanged';
  return { subject: change.name, before: change.from, after: change.to, change: formatLabel(locale, key), words: null };
}

function isRungChanged({ from, to, description }: ExpectationChange): boolean {
  if (!from || !to) return from !== to;
  return from.keyword !== to.keyword || from.rank !== to.rank || description !== null;
}

/** What happened to the position itself, in the page's words. */
export function positionNotes(change: PositionChange, locale: PageLocale): string[] {
  const { from, to } = change;
  if (change.change === 'added') return [formatLabel(locale, 'positionAdded')];
  if (change.change === 'removed') return [formatLabel(locale, 'positionRemoved')];
  const notes: string[] = [];
  if (change.recoded && from) notes.push(formatLabel(locale, 'recodedFrom', { code: from.code }));
  if (change.renamed && from) notes.push(formatLabel(locale, 'renamedFrom', { title: from.title }));
  if (change.seniority && to) notes.push(formatLabel(locale, to.senior ? 'nowSenior' : 'noLongerSenior'));
  return notes;
}

/** One axis of a position: the keyword and rank before and after, and which way it went. */
export function toExpectationRow(change: ExpectationChange, locale: PageLocale): ChangeRowView {
  const rank = (ref: RankRef | null) => ref && `${ref.keyword} (${formatLabel(locale, 'rankOf', { rank: ref.rank, ranks: ref.ranks })})`;
  const { from, to } = change;
  const key = !from
    ? 'axisAdded'
    : !to
      ? 'axisRemoved'
      : from.rank < to.rank
        ? 'rankGoesUp'
        : from.rank > to.rank
          ? 'rankGoesDown'
          : from.keyword !== to.keyword
            ? 'renamed'
            : 'reworded';
  return {
    subject: change.axis.name,
    before: rank(from),
    after: rank(to),
    change: formatLabel(locale, key),
    words: change.description && toWordViews(change.description),
  };
}

/** The rows of an axis that changed: what it measures, then each rank renamed, reworded, added or removed. */
export function toAxisRows(axis: AxisChange, locale: PageLocale, only?: (rank: number) => boolean): ChangeRowView[] {
  const rows: ChangeRowView[] = [];
  if (axis.summary)
    rows.push({
      subject: formatLabel(locale, 'whatItMeasures'),
      before: null,
      after: null,
      change: formatLabel(locale, 'reworded'),
      words: toWordViews(axis.summary),
    });
  for (const keyword of axis.keywords) {
    if (only && !only(keyword.rank)) continue;
    const key = !keyword.from ? 'rankAdded' : !keyword.to ? 'rankRemoved' : keyword.renamed ? 'renamed' : 'reworded';
    rows.push({
      subject: formatLabel(locale, 'rankNumber', { rank: keyword.rank }),
      before: keyword.from?.keyword ?? null,
      after: keyword.to && keyword.to.keyword !== keyword.from?.keyword ? keyword.to.keyword : null,
      change: formatLabel(locale, key),
      words: keyword.description && toWordViews(keyword.description),
    });
  }
  return rows;
}

/** Runs of words, their outer spaces apart, so that a template can mark the words alone. */
export function toWordViews(parts: readonly TextPart[]): WordView[] {
  return parts.map((part) => {
    const [, lead = '', text = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text.replace(/\s+/g, ' ')) ?? [];
    return { lead, text, trail, added: part.change === 'added', removed: part.change === 'removed' };
  });
}
