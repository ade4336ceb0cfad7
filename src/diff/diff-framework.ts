import { rungCellsOf, type Competency, type Ladder } from '../model.js';
import { diffText } from './diff-text.js';
import type { AxisChange, KeywordChange, LadderDiff } from '../ladder-diff.js';

/**
 * The framework's changes: its title, and each axis added, removed, re-described or with a keyword
 * renamed, reworded, added or removed, each with the positions it touches (those that expect that
 * rank, in the newer version when the rank still exists there).
 */
export function diffFramework(before: Ladder, after: Ladder): LadderDiff['framework'] {
  const title = before.framework.title === after.framework.title ? null : { from: before.framework.title, to: after.framework.title };
  const beforeAxes = new Map(before.framework.competencies.map((axis) => [axis.id, axis]));
  const afterIds = new Set(after.framework.competencies.map((axis) => axis.id));
  const axes: AxisChange[] = [];
  for (const axis of after.framework.competencies) {
    const old = beforeAxes.get(axis.id);
    const change = old ? diffAxis(old, axis, before, after) : wholeAxis('added', axis, after);
    if (change) axes.push(change);
  }
  for (const axis of before.framework.competencies) if (!afterIds.has(axis.id)) axes.push(wholeAxis('removed', axis, before));
  return { title, axes };
}

function diffAxis(before: Competency, after: Competency, beforeLadder: Ladder, afterLadder: Ladder): AxisChange | null {
  const keywords: KeywordChange[] = [];
  for (let rank = 1; rank <= Math.max(before.scale.length, after.scale.length); rank++) {
    const was = before.scale[rank - 1];
    const is = after.scale[rank - 1];
    const from = was ? { keyword: was.keyword, description: was.description } : null;
    const to = is ? { keyword: is.keyword, description: is.description } : null;
    const renamed = from !== null && to !== null && from.keyword !== to.keyword;
    const description = from && to ? diffText(from.description, to.description) : null;
    if (from && to && !renamed && description === null) continue;
    const positions = to ? codesAt(afterLadder, after.id, rank) : codesAt(beforeLadder, before.id, rank);
    keywords.push({ rank, from, to, renamed, description, positions });
  }
  const summary = diffText(before.summary, after.summary);
  if (keywords.length === 0 && summary === null) return null;
  // What the axis measures is printed on every handout; a keyword only on those that show its rank.
  const positions = summary
    ? allCodes(afterLadder)
    : allCodes(afterLadder).filter((code) => keywords.some((keyword) => keyword.positions.includes(code)));
  const keywordsGone = keywords.flatMap((keyword) => (keyword.to ? [] : keyword.positions));
  return {
    change: 'changed',
    id: after.id,
    name: after.name,
    summary,
    keywords,
    positions: [...positions, ...keywordsGone.filter((code) => !positions.includes(code))],
  };
}

function wholeAxis(change: 'added' | 'removed', axis: Competency, ladder: Ladder): AxisChange {
  return { change, id: axis.id, name: axis.name, summary: null, keywords: [], positions: allCodes(ladder) };
}

/** The codes of the positions that expect `rank` on the axis `axisId`, in the ladder's order. */
function codesAt(ladder: Ladder, axisId: string, rank: number): string[] {
  return ladder.roles.flatMap((role) =>
    role.positions
      .filter((position) => rungCellsOf(position).some((expectation) => expectation.competency === axisId && expectation.rank === rank))
      .map((position) => position.code),
  );
}

function allCodes(ladder: Ladder): string[] {
  return ladder.roles.flatMap((role) => role.positions.map((position) => position.code));
}
