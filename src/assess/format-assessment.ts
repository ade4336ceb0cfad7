import { escapeControls as shown } from '../messages.js';
import type { Rating } from '../worksheet/filled-worksheet.js';
import type { Assessment } from './assessment.js';

const ratingWords: Record<Rating, string> = { below: 'below', meets: 'meets', above: 'above', na: 'n/a' };

/**
 * The assessment as plain terminal text: who and which position, one aligned row per axis
 * (`System  Owns (3 of 5)  self meets  manager above  differ`), and where the ratings differ; the
 * evidence is left to the handout and `--json`, where it is kept whole. Every value from the
 * worksheets or the ladder is printed with its control characters escaped, never raw on the terminal.
 */
export function formatAssessment(assessment: Assessment): string {
  const { person, position, next } = assessment;
  const rows = assessment.axes.map((axis) => ({
    name: shown(axis.name),
    expected: `${shown(axis.expected.keyword)} (${axis.expected.rank} of ${axis.ranks})`,
    self: `self ${axis.self === null ? '-' : ratingWords[axis.self]}`,
    manager: `manager ${axis.manager === null ? '-' : ratingWords[axis.manager]}`,
    differ: axis.differ ? 'differ' : '',
  }));
  const width = (key: 'name' | 'expected' | 'self' | 'manager') => Math.max(...rows.map((row) => row[key].length));
  const lines = rows.map((row) =>
    [
      row.name.padEnd(width('name')),
      row.expected.padEnd(width('expected')),
      row.self.padEnd(width('self')),
      row.manager.padEnd(width('manager')),
      row.differ,
    ]
      .join('  ')
      .trimEnd(),
  );
  const who = [person.name, person.period]
    .filter((part) => part !== null)
    .map(shown)
    .join(', ');
  const header = `${shown(position.code)} ${shown(position.title)}${who ? ` \u2014 ${who}` : ''}`;
  const differing = assessment.axes.filter((axis) => axis.differ).map((axis) => shown(axis.name));
  const compared = assessment.axes.some((axis) => axis.self !== null && axis.manager !== null);
  const summary = differing.length
    ? `Self and manager differ on ${differing.join(', ')}`
    : compared
      ? 'Self and manager agree wherever both rated'
      : 'No axis has both a self and a manager rating, so none is compared';
  const ahead = next ? `Next: ${shown(next.code)} ${shown(next.title)}` : `${shown(position.code)} is the last position of its role`;
  return [header, '', ...lines, '', summary, ahead].join('\n') + '\n';
}
