import type { PlacedPosition } from '../plan/find-position.js';
import type { Cell, Ladder, Position, Role } from '../model.js';
import { expectedCell } from '../view/expected-cell.js';
import type { AssessedExpectation, AssessedPosition, Assessment } from './assessment.js';
import type { MergedWorksheet } from './merge-worksheets.js';

/**
 * Set merged worksheets against today's ladder: for every axis of the framework, what `placed`
 * and the role's next position expect, both ratings and the evidence. An axis the worksheets do
 * not have is unrated; one the framework no longer has is left out (`checkWorksheetOrigin` warns).
 */
export function toAssessment(ladder: Ladder, merged: MergedWorksheet, placed: PlacedPosition, sources: Assessment['sources']): Assessment {
  const { role, position } = placed;
  const next = role.positions[role.positions.indexOf(position) + 1] ?? null;
  return {
    sources,
    person: merged.person,
    framework: { title: ladder.framework.title, version: ladder.framework.version },
    position: toAssessedPosition(role, position),
    next: next && toAssessedPosition(role, next),
    axes: ladder.framework.competencies.flatMap((axis) => {
      const answers = merged.axes.get(axis.id);
      const expected = expectedCell(role, position, axis.id);
      // A competency the position expects nothing on has no part on its worksheet either.
      if (!expected) return [];
      const ahead = next && expectedCell(role, next, axis.id);
      const self = answers?.self ?? null;
      const manager = answers?.manager ?? null;
      return [
        {
          id: axis.id,
          name: axis.name,
          ranks: axis.scale.length,
          expected: toAssessedExpectation(expected),
          next: ahead && toAssessedExpectation(ahead),
          self,
          manager,
          differ: self !== null && manager !== null && self !== manager,
          evidence: answers?.evidence ?? [],
        },
      ];
    }),
    overall: {
      ...merged.overall,
      differ: merged.overall.self !== null && merged.overall.manager !== null && merged.overall.self !== merged.overall.manager,
    },
    signOff: merged.signOff,
    strengths: merged.strengths,
    grow: merged.grow,
  };
}

function toAssessedPosition(role: Role, position: Position): AssessedPosition {
  return { code: position.code, title: position.title, level: position.level, role: { id: role.id, title: role.title } };
}

/** A cell as an assessment names it: its rung, or nulls; its statements when it has any. */
function toAssessedExpectation({ rung, statements }: Cell): AssessedExpectation {
  const expected: AssessedExpectation = rung
    ? { rank: rung.rank, keyword: rung.keyword, description: rung.description }
    : { rank: null, keyword: null, description: '' };
  if (statements.length > 0) expected.statements = statements.map(({ kind, text }) => ({ kind, text }));
  return expected;
}
