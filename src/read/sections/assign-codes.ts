import type { Position, Role } from '../../model.js';
import type { LevelHeading } from './level-heading.js';

/** A position as read, before its code and order are known: what its heading or file name said. */
export interface PositionDraft {
  position: Position;
  level: LevelHeading;
}

const smallWords = new Set(['of', 'and', 'the', 'for', 'a', 'an', 'de', 'des', 'du', 'la', 'le', 'et', 'und', 'der']);

/** The initials of a role's title, upper-cased: `Software Engineering` gives `SE`. */
export function initialsOf(title: string): string {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((word) => /\p{L}/u.test(word) && !smallWords.has(word.toLowerCase()));
  return words
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * Give each position its code and its level (its order in the role, lowest first). The code is the one
 * its heading or file name writes (`L3`, `IC2`); a level written without one (`Level 3`) gets the role's
 * initials (`PD3`). Roles that write the same codes as another (every track has its `L2`) have theirs
 * prefixed with their initials (`SE-L2`), or their id when the initials clash too. Within a level, a
 * `.0` step comes before the bare level (`L1.0`, `L1`), other steps after it (`L1.1`).
 */
export function assignCodes(roles: readonly { role: Role; drafts: PositionDraft[] }[]): void {
  const raw = roles.map(({ role, drafts }) => drafts.map((draft) => draft.level.code ?? ownCode(role, draft.level)));
  const owners = new Map<string, Set<number>>();
  raw.forEach((codes, index) => codes.forEach((code) => owners.set(code, (owners.get(code) ?? new Set()).add(index))));
  const shared = (index: number) => raw[index]?.some((code) => (owners.get(code)?.size ?? 0) > 1) ?? false;
  const initialsUsed = new Map<string, number>();
  roles.forEach(({ role }, index) => {
    if (shared(index)) initialsUsed.set(initialsOf(role.title), (initialsUsed.get(initialsOf(role.title)) ?? 0) + 1);
  });
  roles.forEach(({ role, drafts }, index) => {
    const initials = initialsOf(role.title);
    const prefix = !shared(index) ? '' : initials && initialsUsed.get(initials) === 1 ? `${initials}-` : `${role.id.toUpperCase()}-`;
    drafts.forEach((draft, at) => (draft.position.code = `${prefix}${raw[index]?.[at] ?? ''}`));
    const ordered = [...drafts].sort((a, b) => a.level.number - b.level.number || stepKey(a.level) - stepKey(b.level));
    ordered.forEach((draft, at) => (draft.position.level = at + 1));
    role.positions = ordered.map((draft) => draft.position);
  });
}

function ownCode(role: Role, level: LevelHeading): string {
  const initials = initialsOf(role.title) || role.id.toUpperCase();
  return `${initials}${level.number}${level.step === null ? '' : `.${level.step}`}`;
}

function stepKey(level: LevelHeading): number {
  if (level.step === null) return 0.5;
  return level.step === 0 ? 0 : level.step;
}
