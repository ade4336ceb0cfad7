import { escapeControls as shown } from '../messages.js';
import type { Rating } from '../worksheet/filled-worksheet.js';
import type { Assessment, Signature } from './assessment.js';

const ratingWords: Record<Rating, string> = { below: 'below', meets: 'meets', above: 'above', na: 'n/a' };

/**
 * The assessment as plain terminal text: who and which position, one aligned row per axis
 * (`System  Owns (3 of 5)  self meets  manager above  differ`), the overall rating, where the ratings
 * differ and who signed; the evidence is left to the handout and `--json`, where it is kept whole. Every value from the
 * worksheets or the ladder is printed with its control characters escaped, never raw on the terminal.
 */
export function formatAssessment(assessment: Assessment): string {
  const { person, position, next, overall, signOff } = assessment;
  const rows = [
    ...assessment.axes.map((axis) => ({
      name: shown(axis.name),
      // A competency without a scale has no keyword to print: its statements are left to the handout and `--json`.
      expected: axis.expected.keyword === null ? '' : `${shown(axis.expected.keyword)} (${axis.expected.rank} of ${axis.ranks})`,
      ...ratingCells(axis),
    })),
    { name: 'Overall', expected: '', ...ratingCells(overall) },
  ];
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
  const differing = [
    ...assessment.axes.filter((axis) => axis.differ).map((axis) => shown(axis.name)),
    ...(overall.differ ? ['the overall rating'] : []),
  ];
  const compared = [...assessment.axes, overall].some((rated) => rated.self !== null && rated.manager !== null);
  const summary = differing.length
    ? `Self and manager differ on ${differing.join(', ')}`
    : compared
      ? 'Self and manager agree wherever both rated'
      : 'No axis has both a self and a manager rating, so none is compared';
  const ahead = next ? `Next: ${shown(next.code)} ${shown(next.title)}` : `${shown(position.code)} is the last position of its role`;
  const signed = (who: string, { signature, date }: Signature) =>
    signature === null && date === null ? `${who} not signed` : `${who} ${[signature ?? '-', date ?? '-'].map(shown).join(', ')}`;
  const signatures = `Signed: ${signed('person', signOff.person)}; ${signed('manager', signOff.manager)}`;
  return [header, '', ...lines, '', summary, signatures, ahead].join('\n') + '\n';
}

function ratingCells({ self, manager, differ }: { self: Rating | null; manager: Rating | null; differ: boolean }) {
  return {
    self: `self ${self === null ? '-' : ratingWords[self]}`,
    manager: `manager ${manager === null ? '-' : ratingWords[manager]}`,
    differ: differ ? 'differ' : '',
  };
}
