import type { VFile } from 'vfile';
import { findPosition, type PlacedPosition } from '../plan/find-position.js';
import { quote, quoteList, report } from '../messages.js';
import type { Ladder } from '../model.js';
import { closestMatch } from '../read/closest-match.js';
import type { FilledWorksheet } from '../worksheet/filled-worksheet.js';
import { placeOf } from './merge-worksheets.js';

/**
 * Check a worksheet against today's ladder and return the position it was made for, or null when the
 * ladder no longer has it (an error on `file`). A position that changed since (`fingerprintOf` tells
 * what it expects now), another version of the framework, or an axis the framework no longer has
 * are warnings naming both sides: the assessment follows the ladder as it is now.
 */
export function checkWorksheetOrigin(
  ladder: Ladder,
  worksheet: FilledWorksheet,
  file: VFile,
  fingerprintOf: (placed: PlacedPosition) => string,
): PlacedPosition | null {
  const { origin } = worksheet;
  const at = placeOf(worksheet, 'origin');
  const placed = findPosition(ladder, origin.code);
  if (!placed) {
    const codes = ladder.roles.flatMap((role) => role.positions.map((position) => position.code));
    const suggestion = closestMatch(origin.code, codes);
    const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : codes.length ? `; it has ${quoteList(codes)}` : '';
    report(
      file,
      'error',
      `The worksheet was made for position ${quote(origin.code)} (role ${quote(origin.roleId)}), which the ladder no longer has${hint}`,
      at,
      'unknown-worksheet-position',
    );
    return null;
  }
  const then = origin.frameworkVersion;
  const now = ladder.framework.version;
  if (then !== now) {
    report(
      file,
      'warning',
      `The worksheet was made with ${describeVersion(then)} of the framework, the ladder is now ${describeVersion(now)}; the assessment follows the ladder as it is now`,
      at,
      'worksheet-version-changed',
    );
  }
  const movedFrom = placed.role.id === origin.roleId ? '' : ` and moved from role ${quote(origin.roleId)} to ${quote(placed.role.id)}`;
  const fingerprint = fingerprintOf(placed);
  if (movedFrom || fingerprint !== origin.positionFingerprint) {
    const versions =
      then === now
        ? `fingerprint ${quote(origin.positionFingerprint.slice(0, 12))} then, ${quote(fingerprint.slice(0, 12))} now`
        : `${describeVersion(then)} then, ${describeVersion(now)} now`;
    report(
      file,
      'warning',
      `What ${quote(placed.position.code)} expects changed since the worksheet was made${movedFrom} (${versions}); the assessment shows what it expects now`,
      at,
      'worksheet-position-changed',
    );
  }
  const axisIds = new Set(ladder.framework.competencies.map((axis) => axis.id));
  for (const [id, answers] of Object.entries(worksheet.axes)) {
    if (axisIds.has(id) || (answers.self === undefined && answers.manager === undefined && !answers.evidence?.trim())) continue;
    const suggestion = closestMatch(id, [...axisIds]);
    report(
      file,
      'warning',
      `The framework has no axis ${quote(id)} any more, so what the worksheet says on it is left out${suggestion ? `; did you mean ${quote(suggestion)}?` : ''}`,
      placeOf(worksheet, `${id}.self`),
      'unknown-worksheet-axis',
    );
  }
  return placed;
}

function describeVersion(version: string | null): string {
  return version === null ? 'no version' : `version ${quote(version)}`;
}
