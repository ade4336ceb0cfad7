import type { PlacedPosition } from '../plan/find-position.js';
import { rungCellsOf, type RungCell, type Ladder, type Position, type Role } from '../model.js';
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
    axes: ladder.framework.competencies.map((axis) => {
      const answers = merged.axes.get(axis.id);
      const expected = expectationOn(position, axis.id);
      const ahead = next && expectationOn(next, axis.id);
      const self = answers?.self ?? null;
      const manager = answers?.manager ?? null;
      return {
        id: axis.id,
        name: axis.name,
        ranks: axis.scale.length,
        expected: toAssessedExpectation(expected),
        next: ahead && toAssessedExpectation(ahead),
        self,
        manager,
        differ: self !== null && manager !== null && self !== manager,
        evidence: answers?.evidence ?? [],
      };
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

function expectationOn(position: Position, axisId: string): RungCell {
  const expectation = rungCellsOf(position).find((candidate) => candidate.competency === axisId);
  // The reader gives every position an expectation on every axis, or the ladder does not load.
  if (!expectation) throw new Error(`${position.code} expects nothing on axis ${axisId}`);
  return expectation;
}

function toAssessedExpectation({ rank, keyword, description }: RungCell): AssessedExpectation {
  return { rank, keyword, description };
}
