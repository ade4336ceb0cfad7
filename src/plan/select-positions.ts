import { findPosition } from './find-position.js';
import { UsageError } from '../failures.js';
import { quote, quoteChoices, quoteList } from '../messages.js';
import type { Ladder, Position } from '../model.js';
import { closestMatch } from '../read/closest-match.js';

/**
 * The positions `--only` names, by code (`EM6`, any letter case) or role id (`engineering-manager`);
 * null for all. A name that matches nothing is a usage error, with the nearest code or role id when
 * one is near.
 */
export function selectPositions(ladder: Ladder, only: readonly string[]): Set<Position> | null {
  if (only.length === 0) return null;
  const selected = new Set<Position>();
  const codes = ladder.roles.flatMap((role) => role.positions.map((position) => position.code));
  const roleIds = ladder.roles.map((role) => role.id);
  for (const name of only) {
    const role = ladder.roles.find((candidate) => candidate.id === name.toLowerCase());
    const placed = findPosition(ladder, name);
    if (role) role.positions.forEach((match) => selected.add(match));
    else if (placed) selected.add(placed.position);
    else throw new UsageError(`\`--only ${name}\` names no position or role; ${hintFor(ladder, name, [...codes, ...roleIds])}`);
  }
  return selected;
}

/** A level the role does not have (`EM8`) lists the role's codes; a typo gets the nearest name; anything else, what is expected. */
function hintFor(ladder: Ladder, name: string, names: readonly string[]): string {
  const letters = name.replace(/\d+$/, '').toUpperCase();
  const role = ladder.roles.find((candidate) =>
    candidate.positions.some((position) => letters !== name.toUpperCase() && position.code.replace(/\d+$/, '').toUpperCase() === letters),
  );
  if (role) return `${role.title} has ${quoteChoices(role.positions.map((position) => position.code))}`;
  const suggestion = closestMatch(name, names);
  if (suggestion) return `did you mean ${quote(suggestion)}?`;
  return `expected a code such as ${quote(ladder.roles[0]?.positions[0]?.code ?? 'EM6')} or a role id, one of ${quoteList(ladder.roles.map((candidate) => candidate.id))}`;
}
