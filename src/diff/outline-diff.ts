import type {
  AttributeChange,
  ExpectationChange,
  KeywordChange,
  LadderDiff,
  PositionChange,
  RankRef,
  RoleChange,
  StatementChange,
  TextPart,
} from '../ladder-diff.js';
import { summarizeDiff } from './summarize-diff.js';

/**
 * A run of text in a line of the outline: this tool's own words (`plain`), the ladder's words (`text`),
 * a name of the ladder's (a code, axis or keyword), a revision or folder as given, or words added or removed.
 */
export interface Span {
  text: string;
  style: 'plain' | 'text' | 'name' | 'revision' | 'added' | 'removed';
}

/** One thing that changed: a line that says what, and the lines under it. */
export interface OutlineItem {
  head: Span[];
  details: Span[][];
}

/** The changes of the framework, or of one role. */
export interface OutlineSection {
  title: Span[];
  items: OutlineItem[];
}

/** A diff as English lines, shared by the terminal text and the Markdown comment so that both say the same. */
export interface DiffOutline {
  title: Span[];
  sections: OutlineSection[];
  summary: string;
}

/** Lay `diff` out as sections of lines: the framework first, then each role that changed. */
export function outlineDiff(diff: LadderDiff): DiffOutline {
  const sections: OutlineSection[] = [];
  const framework = frameworkItems(diff);
  if (framework.length > 0) sections.push({ title: [plain('Framework')], items: framework });
  for (const role of diff.roles) sections.push(roleSection(role));
  return {
    title: [plain('Changes from '), ...sideSpans(diff.from), plain(' to '), ...sideSpans(diff.to)],
    sections,
    summary: summarizeDiff(diff),
  };
}

function sideSpans(side: LadderDiff['from']): Span[] {
  const label: Span = { text: side.label, style: 'revision' };
  return side.version === null ? [label] : [label, plain(' (version '), text(side.version), plain(')')];
}

function frameworkItems(diff: LadderDiff): OutlineItem[] {
  const items: OutlineItem[] = [];
  const { title } = diff.framework;
  if (title) items.push({ head: [plain('Title: '), name(title.from), plain(' → '), name(title.to)], details: [] });
  for (const axis of diff.framework.axes) {
    const touches = touchesLine(axis.positions, axis.change !== 'changed' || axis.summary !== null);
    if (axis.change !== 'changed') {
      items.push({ head: [plain('Axis '), name(axis.name), plain(`: ${axis.change}`)], details: [touches] });
      continue;
    }
    if (axis.summary)
      items.push({ head: [name(axis.name), plain(', what it measures: '), ...textSpans(axis.summary)], details: [touches] });
    for (const keyword of axis.keywords) items.push(keywordItem(axis.name, keyword));
  }
  return items;
}

function keywordItem(axisName: string, keyword: KeywordChange): OutlineItem {
  const head = [name(`${axisName} ${keyword.rank}`), plain(': ')];
  if (!keyword.from && keyword.to) head.push(name(keyword.to.keyword), plain(', added'));
  else if (keyword.from && !keyword.to) head.push(name(keyword.from.keyword), plain(', removed'));
  else if (keyword.from && keyword.to) {
    head.push(...(keyword.renamed ? [name(keyword.from.keyword), plain(' → '), name(keyword.to.keyword)] : [name(keyword.to.keyword)]));
    head.push(plain(keyword.renamed ? ', renamed' : ''));
    if (keyword.description) head.push(plain(keyword.renamed ? '; ' : ', '), plain('reworded: '), ...textSpans(keyword.description));
  }
  return { head, details: [touchesLine(keyword.positions, false)] };
}

function touchesLine(codes: readonly string[], every: boolean): Span[] {
  if (codes.length === 0) return [plain('touches no position')];
  if (every) return [plain(`touches every position (${codes.length})`)];
  return [plain('touches '), ...codes.flatMap((code, index) => (index === 0 ? [name(code)] : [plain(', '), name(code)]))];
}

function roleSection(role: RoleChange): OutlineSection {
  const from = role.from?.title;
  const to = role.to?.title;
  const title =
    role.change === 'changed' && from !== to && from !== undefined && to !== undefined
      ? [name(from), plain(' → '), name(to), plain(', renamed')]
      : [name(to ?? from ?? role.id), ...(role.change === 'changed' ? [] : [plain(`, role ${role.change}`)])];
  const items: OutlineItem[] = [];
  if (role.summary) items.push({ head: [plain('What the role is: '), ...textSpans(role.summary)], details: [] });
  for (const change of role.everyLevel ?? [])
    items.push({ head: [plain('Every level, '), name(change.competency.name)], details: change.statements.map(statementLine) });
  items.push(...role.positions.map(positionItem));
  return { title, items };
}

function positionItem(position: PositionChange): OutlineItem {
  const { from, to } = position;
  if (!from || !to) {
    const only = to ?? from;
    return { head: only ? [name(only.code), plain(' '), text(only.title), plain(`, ${position.change}`)] : [], details: [] };
  }
  const head = position.recoded ? [name(from.code), plain(' → '), name(to.code)] : [name(to.code)];
  head.push(plain(' '), ...(position.renamed ? [text(from.title), plain(' → '), text(to.title)] : [text(to.title)]));
  const what = [position.recoded ? 're-coded' : '', position.renamed ? 'renamed' : ''].filter(Boolean).join(' and ');
  if (what) head.push(plain(`, ${what}`));
  const details = position.expectations.flatMap((change) => [
    // A rung's line when the rung changed; a cell's statements a line each.
    ...(!change.statements || isRungChanged(change) ? [expectationLine(change)] : []),
    ...(change.statements ?? []).map((statement) => [name(change.axis.name), plain(': '), ...statementLine(statement)]),
  ]);
  for (const attribute of position.attributes ?? []) details.push(attributeLine(attribute));
  if (position.seniority) details.unshift([plain(to.senior ? 'Seniority: now senior' : 'Seniority: no longer senior')]);
  return { head, details };
}

function isRungChanged({ from, to, description }: ExpectationChange): boolean {
  if (!from || !to) return from !== to;
  return from.keyword !== to.keyword || from.rank !== to.rank || description !== null;
}

function expectationLine(change: ExpectationChange): Span[] {
  const line = [name(change.axis.name), plain(': ')];
  const { from, to } = change;
  if (!from && to) return [...line, ...rankSpans(to), plain(', axis added')];
  if (from && !to) return [...line, ...rankSpans(from), plain(', axis removed')];
  if (!from || !to) return line;
  if (from.keyword !== to.keyword || from.rank !== to.rank) {
    const direction = change.direction === 'same' ? 'renamed' : (change.direction ?? '');
    line.push(...rankSpans(from), plain(' → '), ...rankSpans(to), plain(`, ${direction}`));
    if (change.description) line.push(plain('; reworded: '), ...textSpans(change.description));
  } else if (change.description) line.push(...rankSpans(to), plain(', reworded: '), ...textSpans(change.description));
  return line;
}

/** A statement of a cell added, removed or reworded (word by word). */
function statementLine(change: StatementChange): Span[] {
  if (change.words) return [plain('reworded: '), ...textSpans(change.words)];
  return change.change === 'added' ? [plain('added: '), text(change.after ?? '')] : [plain('removed: '), text(change.before ?? '')];
}

function attributeLine(change: AttributeChange): Span[] {
  const head = [name(change.name), plain(': ')];
  if (change.from === null) return [...head, text(change.to ?? ''), plain(', added')];
  if (change.to === null) return [...head, text(change.from), plain(', removed')];
  return [...head, text(change.from), plain(' → '), text(change.to)];
}

function rankSpans(rank: RankRef): Span[] {
  return [name(rank.keyword), plain(` (${rank.rank} of ${rank.ranks})`)];
}

function textSpans(parts: readonly TextPart[]): Span[] {
  return parts.map((part) => ({ text: part.text, style: part.change === 'same' ? 'text' : part.change }));
}

function plain(text: string): Span {
  return { text, style: 'plain' };
}

function text(words: string): Span {
  return { text: words, style: 'text' };
}

function name(text: string): Span {
  return { text, style: 'name' };
}
