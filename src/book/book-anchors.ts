import type { Ladder, Role } from '../model.js';
import { parseReference } from '../view/reference-href.js';

/**
 * Anchors made of ASCII letters, digits and hyphens only (`book-r2-p3`), whatever script the ladder's
 * ids are in: they become the PDF's named destinations, and CSS page names, which both read them as they are.
 */
export function bookAnchors(ladder: Ladder, roles: readonly Role[]) {
  const roleAt = (role: Role) => `book-r${ladder.roles.indexOf(role) + 1}`;
  const positions = new Map(
    roles.flatMap((role) => role.positions.map((position, at) => [position.code, `${roleAt(role)}-p${at + 1}`] as const)),
  );
  const guideAt = (id: string) => `book-g${ladder.guides.findIndex((guide) => guide.id === id) + 1}`;
  return {
    role: roleAt,
    position: (code: string) => positions.get(code) ?? 'book-matrix',
    guide: guideAt,
    /** Where a `ladders:` link leads in the book; null (the link keeps its words) for a role or position the book leaves out. */
    resolve(target: string): string | null {
      const reference = parseReference(target);
      if (!reference) return null;
      if (reference.kind === undefined) return '#book-matrix';
      if (reference.kind === 'guide') return ladder.guides.some((guide) => guide.id === reference.id) ? `#${guideAt(reference.id)}` : null;
      if (reference.kind === 'position') return positions.has(reference.id) ? `#${positions.get(reference.id)}` : null;
      const role = roles.find((candidate) => candidate.id === reference.id);
      return role ? `#${roleAt(role)}` : null;
    },
  };
}
