import type { Ladder } from '../model.js';
import type { TextFormat } from '../formats.js';
import { guidePath, handoutPath, indexFile, rolePath } from './output-paths.js';

const reference = /^ladders:(?:(role|position|guide)\/([^#]+)|index)(?:#(.*))?$/;

/**
 * Where a `ladders:` reference of the model (`ladders:role/<id>`, `ladders:position/<code>`,
 * `ladders:guide/<id>#fragment`, `ladders:index`) leads from a page in `fromFolder` of the output
 * folder (`''` for its top); null when it names nothing the ladder has.
 */
export function referenceHref(ladder: Ladder, target: string, format: TextFormat, fromFolder: string): string | null {
  const parsed = parseReference(target);
  if (!parsed) return null;
  const { kind, id, fragment } = parsed;
  let path: string | null;
  if (kind === undefined) path = indexFile(format);
  else if (kind === 'role') {
    const role = ladder.roles.find((candidate) => candidate.id === id);
    path = role ? rolePath(role, format) : null;
  } else if (kind === 'position') {
    const role = ladder.roles.find((candidate) => candidate.positions.some((position) => position.code === id));
    const position = role?.positions.find((candidate) => candidate.code === id);
    path = role && position ? handoutPath(role, position, format) : null;
  } else {
    const guide = ladder.guides.find((candidate) => candidate.id === id);
    path = guide ? guidePath(guide, format) + (fragment ? `#${encodeURI(fragment)}` : '') : null;
  }
  if (path === null) return null;
  return relativeTo(path, fromFolder);
}

/** What a `ladders:` reference names: a role, a position or a guide by its id (with a fragment), or the index; null for any other link. */
export function parseReference(
  target: string,
):
  | { kind: 'role' | 'position' | 'guide'; id: string; fragment: string | undefined }
  | { kind: undefined; id: undefined; fragment: undefined }
  | null {
  const match = reference.exec(target);
  if (!match) return null;
  const [, kind, id, fragment] = match;
  if (kind === undefined) return { kind: undefined, id: undefined, fragment: undefined };
  return { kind: kind as 'role' | 'position' | 'guide', id: id!, fragment };
}

/** A path from the top of the output folder, seen from one of its folders (they are one level deep). */
function relativeTo(path: string, fromFolder: string): string {
  if (fromFolder === '') return path;
  return path.startsWith(`${fromFolder}/`) ? path.slice(fromFolder.length + 1) : `../${path}`;
}
