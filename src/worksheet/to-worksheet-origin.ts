import type { Ladder, Position, Role } from '../model.js';
import { fingerprintPosition } from './fingerprint-position.js';
import type { WorksheetOrigin } from './filled-worksheet.js';

/** What a position's worksheet carries about where it comes from. */
export function toWorksheetOrigin(ladder: Ladder, role: Role, position: Position): WorksheetOrigin {
  return {
    roleId: role.id,
    code: position.code,
    frameworkVersion: ladder.framework.version,
    positionFingerprint: fingerprintPosition(position),
  };
}
