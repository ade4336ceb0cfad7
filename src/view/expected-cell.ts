import type { Cell, Position, Role } from '../model.js';

/**
 * What `position` expects on the competency `competencyId`: its own cell, with what holds at every
 * level of the role after its statements and examples; null when neither says anything there.
 */
export function expectedCell(role: Role, position: Position, competencyId: string): Cell | null {
  const own = position.cells.find((cell) => cell.competency === competencyId);
  const always = role.everyLevel.find((cell) => cell.competency === competencyId);
  if (!always) return own ?? null;
  if (!own) return always;
  return { ...own, statements: [...own.statements, ...always.statements], examples: [...own.examples, ...always.examples] };
}
