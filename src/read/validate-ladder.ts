import type { VFile } from 'vfile';
import { quote, report, type Severity } from '../messages.js';
import { hasScale, type Ladder, type Position, type Role, type SourcePlace } from '../model.js';
import { guidesFolder } from '../paths-and-order.js';

/** Check what only the whole ladder shows: duplicates across pages, ranks that fall, order, empty text. */
export function validateLadder(ladder: Ladder, files: ReadonlyMap<string, VFile>): void {
  const say = (
    severity: Severity,
    reason: string,
    source: SourcePlace,
    ruleId: string,
    cause?: { source: SourcePlace; reason: string },
  ) => {
    const file = files.get(source.file);
    if (!file) throw new Error(`No file for ${source.file}`);
    report(file, severity, reason, source, ruleId, cause && { file: cause.source.file, place: cause.source, reason: cause.reason });
  };
  checkDuplicates(ladder.roles, say);
  for (const role of ladder.roles) {
    checkLevelOrder(role, say);
    checkRanksGrow(role, ladder, say);
  }
  checkDescriptions(ladder, say);
}

type Say = (
  severity: Severity,
  reason: string,
  source: SourcePlace,
  ruleId: string,
  cause?: { source: SourcePlace; reason: string },
) => void;

function checkDuplicates(roles: readonly Role[], say: Say): void {
  const roleIds = new Map<string, Role>();
  for (const role of roles) {
    const first = roleIds.get(role.id);
    if (first)
      say('error', `Duplicate role id ${quote(role.id)}; set a distinct \`id\` in the front matter`, role.source, 'duplicate-role', {
        source: first.source,
        reason: `${quote(role.id)} first used here`,
      });
    else roleIds.set(role.id, role);
  }
  for (const role of roles) {
    // The guides' pages live in a folder of that name beside the roles' folders.
    if (role.id === guidesFolder)
      say(
        'error',
        `The role id ${quote(role.id)} names the folder of the guides; set another \`id\` in the front matter`,
        role.source,
        'bad-role-id',
      );
  }
  const codes = new Map<string, Position>();
  for (const position of roles.flatMap((role) => role.positions)) {
    const first = codes.get(position.code);
    if (first)
      say('error', `Duplicate position code ${quote(position.code)}`, position.source, 'duplicate-position', {
        source: first.source,
        reason: `${quote(position.code)} first defined here`,
      });
    else codes.set(position.code, position);
  }
}

/** Positions are kept in level order; a page that lists them otherwise gets a warning. */
function checkLevelOrder(role: Role, say: Say): void {
  const written = [...role.positions].sort((a, b) => a.source.line - b.source.line);
  for (let index = 1; index < written.length; index++) {
    const previous = written[index - 1];
    const position = written[index];
    if (previous && position && position.level < previous.level) {
      say(
        'warning',
        `Position ${quote(position.code)} (level ${position.level}) comes after ${quote(previous.code)} (level ${previous.level}); list positions from the lowest level up`,
        position.source,
        'level-order',
      );
    }
  }
}

/** Each level includes the ones before it, so no axis should rank lower than at the previous position. */
function checkRanksGrow(role: Role, ladder: Ladder, say: Say): void {
  for (let index = 1; index < role.positions.length; index++) {
    const previous = role.positions[index - 1];
    const position = role.positions[index];
    if (!previous || !position) continue;
    for (const cell of position.cells) {
      const expectation = cell.rung;
      const earlier = previous.cells.find((candidate) => candidate.competency === cell.competency);
      const before = earlier?.rung;
      if (!expectation || !earlier || !before || expectation.rank >= before.rank) continue;
      const axisName = ladder.framework.competencies.find((axis) => axis.id === cell.competency)?.name ?? cell.competency;
      const reason = `${quote(position.code)} expects ${quote(expectation.keyword)} (rank ${expectation.rank}) on ${quote(axisName)}, lower than ${quote(before.keyword)} (rank ${before.rank}) at ${quote(previous.code)}`;
      say('warning', reason, cell.source, 'rank-decrease', {
        source: earlier.source,
        reason: `${quote(previous.code)} expects ${quote(before.keyword)} here`,
      });
    }
  }
}

function checkDescriptions(ladder: Ladder, say: Say): void {
  for (const axis of ladder.framework.competencies) {
    // A competency without a scale is described by its cells: a summary of its own is not expected.
    if (!axis.summary && hasScale(axis))
      say(
        'warning',
        `Axis ${quote(axis.name)} has no summary; add \`* **${axis.name}**: what it measures\``,
        axis.source,
        'empty-description',
      );
    for (const level of axis.scale) {
      if (!level.description) say('warning', `Keyword ${quote(level.keyword)} has no description`, level.source, 'empty-description');
    }
  }
  for (const role of ladder.roles) {
    for (const position of role.positions) {
      for (const cell of position.cells) {
        if (cell.rung && !cell.rung.description)
          say('warning', `${quote(position.code)} gives no description for ${quote(cell.rung.keyword)}`, cell.source, 'empty-description');
      }
    }
  }
}
