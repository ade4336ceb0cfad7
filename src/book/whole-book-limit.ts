import type { VFile } from 'vfile';
import { report } from '../messages.js';
import type { Ladder } from '../model.js';

/**
 * The most positions the whole ladder's book is made for. Chromium lays a document out whole before
 * it prints it, so its memory grows with the book; past this, `out/ladder.pdf` would take the build
 * past 1 GiB (see docs/performance.md), and each role's book is made instead.
 */
export const maxWholeBookPositions = 60;

/** Whether the whole ladder has more positions than one book is made for. */
export function isTooLargeForOneBook(ladder: Ladder): boolean {
  return countPositions(ladder) > maxWholeBookPositions;
}

function countPositions(ladder: Ladder): number {
  return ladder.roles.reduce((count, role) => count + role.positions.length, 0);
}

/** Warn on the introduction page, where the framework starts, that the whole ladder's book is not made, and why. */
export function reportWholeBookRefused(ladder: Ladder, files: readonly VFile[]): void {
  if (!isTooLargeForOneBook(ladder)) return;
  const introduction = files.find((file) => file.path === ladder.framework.source.file) ?? files[0];
  if (!introduction) return;
  const positions = countPositions(ladder);
  report(
    introduction,
    'warning',
    `The ladder has ${positions.toLocaleString('en')} positions, more than the ${maxWholeBookPositions} one book is made for within 1 GiB of memory: \`ladder.pdf\` is not made; each role's book is, as \`<role-id>/<role-id>.pdf\``,
    { line: ladder.framework.source.line, column: ladder.framework.source.column },
    'whole-book-too-large',
  );
}
