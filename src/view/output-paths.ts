import type { TextFormat } from '../formats.js';
import type { Guide, Position, Role } from '../model.js';
import { guidesFolder } from '../paths-and-order.js';

/** The index page of a folder in a format. */
export function indexFile(format: TextFormat): string {
  return format === 'html' ? 'index.html' : 'README.md';
}

/** A position's handout, relative to the output folder: `engineering-manager/em6.html`. */
export function handoutPath(role: Role, position: Position, extension: string): string {
  return `${role.id}/${position.code.toLowerCase()}.${extension}`;
}

/** A position's review worksheet, relative to the output folder: `engineering-manager/em6-review.html`. */
export function reviewPath(role: Role, position: Position, extension: string): string {
  return `${role.id}/${position.code.toLowerCase()}-review.${extension}`;
}

/** A role's overview page, relative to the output folder. */
export function rolePath(role: Role, format: TextFormat): string {
  return `${role.id}/${indexFile(format)}`;
}

export { guidesFolder };

/** A guide's page, relative to the output folder: `guides/managing-managers.html`. */
export function guidePath(guide: Guide, extension: string): string {
  return `${guidesFolder}/${guide.id}.${extension}`;
}
