import { createHash } from 'node:crypto';
import type { Position } from '../model.js';

/**
 * A short hash of what a position expects (its code, and each axis's rank, keyword and description),
 * so that a worksheet can tell whether the position changed since it was made. Titles, wording around
 * the ladder and source places are left out: they change nothing a reviewer rated against.
 */
export function fingerprintPosition(position: Position): string {
  const expected = position.expectations.map(({ axis, rank, keyword, description }) => [axis, rank, keyword, description]);
  return createHash('sha256')
    .update(JSON.stringify([position.code, expected]))
    .digest('hex')
    .slice(0, 16);
}
