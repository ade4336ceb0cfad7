import { rungCellsOf, type Cell, type Competency, type Ladder, type Position, type Role } from '../model.js';
import { diffStatements } from '../view/diff-statements.js';
import { diffFramework } from './diff-framework.js';
import { diffText } from './diff-text.js';
import type {
  AttributeChange,
  DiffCounts,
  DiffSide,
  EveryLevelChange,
  ExpectationChange,
  LadderDiff,
  PositionChange,
  PositionRef,
  RoleChange,
} from '../ladder-diff.js';

/**
 * What changed from `before` to `after`: axes and keywords of the framework with the positions they
 * touch, then roles and positions matched by id and code, a position whose code changed while its role
 * and level stayed being the same position re-coded. Unchanged roles and positions are left out.
 */
export function diffLadders(before: Ladder, after: Ladder, sides: { from: DiffSide; to: DiffSide }): LadderDiff {
  const framework = diffFramework(before, after);
  const roles: RoleChange[] = [];
  const beforeRoles = new Map(before.roles.map((role) => [role.id, role]));
  const afterIds = new Set(after.roles.map((role) => role.id));
  for (const role of after.roles) {
    const old = beforeRoles.get(role.id);
    const change = old ? diffRole(old, role, before, after) : wholeRole('added', role);
    if (change) roles.push(change);
  }
  for (const role of before.roles) if (!afterIds.has(role.id)) roles.push(wholeRole('removed', role));
  return { ...sides, framework, roles, counts: countChanges(framework.axes, roles) };
}

function diffRole(before: Role, after: Role, beforeLadder: Ladder, afterLadder: Ladder): RoleChange | null {
  const pairs = pairPositions(before.positions, after.positions);
  const positions = pairs
    .map(([old, current]): PositionChange | null => {
      if (!old) return current && wholePosition('added', current);
      if (!current) return wholePosition('removed', old);
      return diffPosition(old, current, beforeLadder.framework.competencies, afterLadder.framework.competencies);
    })
    .filter((change) => change !== null)
    .sort(comparePositionChanges);
  const summary = diffText(before.summary, after.summary);
  const everyLevel = diffEveryLevel(before, after, beforeLadder.framework.competencies, afterLadder.framework.competencies);
  if (positions.length === 0 && summary === null && before.title === after.title && everyLevel.length === 0) return null;
  const change: RoleChange = {
    change: 'changed',
    id: after.id,
    from: { title: before.title },
    to: { title: after.title },
    summary,
    positions,
  };
  if (everyLevel.length > 0) change.everyLevel = everyLevel;
  return change;
}

/** What holds at every level, competency by competency, where its statements changed. */
function diffEveryLevel(
  before: Role,
  after: Role,
  beforeAxes: readonly Competency[],
  afterAxes: readonly Competency[],
): EveryLevelChange[] {
  const ids = [...new Set([...after.everyLevel, ...before.everyLevel].map((cell) => cell.competency))];
  return ids.flatMap((id) => {
    const statements = diffStatements(
      textsOf(before.everyLevel.find((cell) => cell.competency === id)),
      textsOf(after.everyLevel.find((cell) => cell.competency === id)),
    );
    const axis = afterAxes.find((candidate) => candidate.id === id) ?? beforeAxes.find((candidate) => candidate.id === id);
    return statements.length === 0 ? [] : [{ competency: { id, name: axis?.name ?? id }, statements }];
  });
}

function textsOf(cell: Cell | undefined): string[] {
  return (cell?.statements ?? []).map((statement) => statement.text);
}

/** The attributes added, removed or given another value, in the newer order, then those gone. */
function diffAttributes(before: Position, after: Position): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const attribute of after.attributes) {
    const old = before.attributes.find((candidate) => candidate.name === attribute.name);
    if (old?.value !== attribute.value) changes.push({ name: attribute.name, from: old?.value ?? null, to: attribute.value });
  }
  for (const old of before.attributes)
    if (!after.attributes.some((candidate) => candidate.name === old.name)) changes.push({ name: old.name, from: old.value, to: null });
  return changes;
}

/**
 * Positions of one role on both sides, paired by code, then those left over by level (a code changed
 * while the level stayed: re-coded); a position with no partner is added or removed.
 */
function pairPositions(before: readonly Position[], after: readonly Position[]): [Position | null, Position | null][] {
  const afterByCode = new Map(after.map((position) => [position.code, position]));
  const pairs: [Position | null, Position | null][] = [];
  const leftBefore: Position[] = [];
  for (const position of before) {
    const partner = afterByCode.get(position.code);
    if (partner) {
      pairs.push([position, partner]);
      afterByCode.delete(position.code);
    } else leftBefore.push(position);
  }
  const leftAfter = after.filter((position) => afterByCode.has(position.code));
  for (const position of leftBefore) {
    const index = leftAfter.findIndex((candidate) => candidate.level === position.level);
    const partner = index === -1 ? null : (leftAfter.splice(index, 1)[0] ?? null);
    pairs.push([position, partner]);
  }
  for (const position of leftAfter) pairs.push([null, position]);
  return pairs;
}

function diffPosition(
  before: Position,
  after: Position,
  beforeAxes: readonly Competency[],
  afterAxes: readonly Competency[],
): PositionChange | null {
  const expectations = diffExpectations(before, after, beforeAxes, afterAxes);
  const recoded = before.code !== after.code;
  const renamed = before.title !== after.title;
  const seniority = before.senior !== after.senior;
  const attributes = diffAttributes(before, after);
  if (expectations.length === 0 && !recoded && !renamed && !seniority && attributes.length === 0) return null;
  const change: PositionChange = {
    change: 'changed',
    from: toPositionRef(before),
    to: toPositionRef(after),
    recoded,
    renamed,
    seniority,
    expectations,
  };
  if (attributes.length > 0) change.attributes = attributes;
  return change;
}

/** Every axis on which the keyword, the rank or the text changed, in the newer framework's order, then axes gone. */
function diffExpectations(
  before: Position,
  after: Position,
  beforeAxes: readonly Competency[],
  afterAxes: readonly Competency[],
): ExpectationChange[] {
  const afterIds = new Set(afterAxes.map((axis) => axis.id));
  const axes = [
    ...afterAxes.map((axis) => ({ axis, old: beforeAxes.find((candidate) => candidate.id === axis.id) })),
    ...beforeAxes.filter((axis) => !afterIds.has(axis.id)).map((axis) => ({ axis, old: axis })),
  ];
  const changes: ExpectationChange[] = [];
  for (const { axis, old } of axes) {
    const was = old && rungCellsOf(before).find((expectation) => expectation.competency === old.id);
    const is = afterIds.has(axis.id) ? rungCellsOf(after).find((expectation) => expectation.competency === axis.id) : undefined;
    const from = was && old ? { keyword: was.keyword, rank: was.rank, ranks: old.scale.length } : null;
    const to = is ? { keyword: is.keyword, rank: is.rank, ranks: axis.scale.length } : null;
    const description = was && is ? diffText(was.description, is.description) : null;
    const oldCell = old && before.cells.find((cell) => cell.competency === old.id);
    const newCell = afterIds.has(axis.id) ? after.cells.find((cell) => cell.competency === axis.id) : undefined;
    const statements = diffStatements(textsOf(oldCell), textsOf(newCell));
    if (from && to && from.keyword === to.keyword && from.rank === to.rank && description === null && statements.length === 0) continue;
    if (!from && !to && statements.length === 0) continue;
    const direction = from && to ? (to.rank === from.rank ? 'same' : to.rank > from.rank ? 'up' : 'down') : null;
    const change: ExpectationChange = { axis: { id: axis.id, name: axis.name }, from, to, direction, description };
    if (statements.length > 0) change.statements = statements;
    changes.push(change);
  }
  return changes;
}

function wholeRole(change: 'added' | 'removed', role: Role): RoleChange {
  const side = { title: role.title };
  return {
    change,
    id: role.id,
    from: change === 'removed' ? side : null,
    to: change === 'added' ? side : null,
    summary: null,
    positions: role.positions.map((position) => wholePosition(change, position)),
  };
}

function wholePosition(change: 'added' | 'removed', position: Position): PositionChange {
  const ref = toPositionRef(position);
  return {
    change,
    from: change === 'removed' ? ref : null,
    to: change === 'added' ? ref : null,
    recoded: false,
    renamed: false,
    seniority: false,
    expectations: [],
  };
}

function toPositionRef(position: Position): PositionRef {
  return { code: position.code, title: position.title, level: position.level, senior: position.senior };
}

function comparePositionChanges(a: PositionChange, b: PositionChange): number {
  const [first, second] = [a.to ?? a.from, b.to ?? b.from];
  if (!first || !second) return 0;
  return first.level - second.level || (first.code < second.code ? -1 : first.code > second.code ? 1 : 0);
}

function countChanges(axes: LadderDiff['framework']['axes'], roles: readonly RoleChange[]): DiffCounts {
  const counts: DiffCounts = {
    axes: { added: 0, removed: 0, changed: 0 },
    roles: { added: 0, removed: 0, changed: 0 },
    positions: { added: 0, removed: 0, recoded: 0, changed: 0 },
  };
  for (const axis of axes) counts.axes[axis.change] += 1;
  for (const role of roles) {
    // A role counts as changed for its own title or text; its positions are counted on their own.
    if (role.change !== 'changed' || role.summary !== null || role.from?.title !== role.to?.title) counts.roles[role.change] += 1;
    for (const position of role.positions) counts.positions[position.recoded ? 'recoded' : position.change] += 1;
  }
  return counts;
}
