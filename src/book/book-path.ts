import type { Role } from '../model.js';

/** Where a book is written in the output folder: `ladder.pdf` for the whole ladder, `<role-id>/<role-id>.pdf` for a role's. */
export function bookPath(role: Role | null): string {
  return role ? `${role.id}/${role.id}.pdf` : 'ladder.pdf';
}
