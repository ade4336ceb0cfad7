import type { Ladder, Position, Role } from '../model.js';

/** A position together with the role it belongs to. */
export interface PlacedPosition {
  role: Role;
  position: Position;
}

/** The position whose code is `code` in any letter case, with its role; null when no role has one. */
export function findPosition(ladder: Ladder, code: string): PlacedPosition | null {
  const wanted = code.toUpperCase();
  for (const role of ladder.roles) {
    const position = role.positions.find((candidate) => candidate.code.toUpperCase() === wanted);
    if (position) return { role, position };
  }
  return null;
}
