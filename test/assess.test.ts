import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessWorksheets } from '../src/assess/assess-worksheets.js';
import { formatAssessment } from '../src/assess/format-assessment.js';
import type { PlacedPosition } from '../src/plan/find-position.js';
import type { Ladder } from '../src/model.js';
import { loadLadder } from '../src/read/load-ladder.js';
import type { FilledWorksheet } from '../src/worksheet/filled-worksheet.js';

const repoRoot = path.join(import.meta.dirname, '..');
let ladder: Ladder;

beforeAll(async () => {
  const loaded = await loadLadder(path.join(repoRoot, 'test/fixtures/assess-ladder'), repoRoot);
  if (!loaded.ladder) throw new Error('the assessment fixture ladder does not load');
  ladder = loaded.ladder;
});

/** Stands in for the worksheet's fingerprint: what matters here is whether it matches today's. */
const fingerprintOf = (placed: PlacedPosition) => `fingerprint-of-${placed.position.code}`;

function worksheet(file: string, change: Partial<FilledWorksheet> = {}): FilledWorksheet {
  return {
    file,
    format: 'md',
    origin: { roleId: 'grower', code: 'G2', frameworkVersion: '3', positionFingerprint: 'fingerprint-of-G2' },
    fields: {},
    overall: {},
    axes: {},
    places: { origin: { file, line: 2, column: 1 }, name: { file, line: 7, column: 3 } },
    ...change,
  };
}

/** Each message as `severity rule-id: reason`, in order. */
function messagesOf(files: { messages: { ruleId?: string | null; fatal?: boolean | null; reason: string }[] }[]): string[] {
  return files.flatMap((file) =>
    file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${message.ruleId}: ${message.reason}`),
  );
}

describe('assessing filled worksheets', () => {
  it('sets one copy against the position and the next: expected ranks, both ratings, where they differ, the evidence', () => {
    const { assessment, files } = assessWorksheets(
      ladder,
      [
        worksheet('alex.md', {
          fields: { name: 'Alex Doe', period: '2026 H2', strengths: 'Careful with the soil' },
          axes: {
            soil: { self: 'meets', manager: 'above', evidence: 'Tested every bed in spring.\nKept the notes.' },
            trees: { self: 'meets', manager: 'meets' },
            crew: { self: 'na' },
          },
        }),
      ],
      fingerprintOf,
    );
    expect(messagesOf(files)).toEqual([]);
    expect(assessment?.position).toEqual({ code: 'G2', title: 'Grower 2', level: 2, role: { id: 'grower', title: 'Grower' } });
    expect(assessment?.next?.code).toBe('G3');
    expect(assessment?.person).toEqual({ name: 'Alex Doe', manager: null, period: '2026 H2', date: null });
    expect(
      assessment?.axes.map((axis) => [axis.id, axis.expected.keyword, axis.next?.keyword, axis.self, axis.manager, axis.differ]),
    ).toEqual([
      ['soil', 'Tests', 'Feeds', 'meets', 'above', true],
      ['trees', 'Prunes', 'Tends', 'meets', 'meets', false],
      ['crew', 'Helps', 'Shows', 'na', null, false],
      ['season', 'Checks', 'Questions', null, null, false],
      ['reach', 'Block', 'Orchard', null, null, false],
    ]);
    // One copy with both rows of ratings filled was filled by both.
    expect(assessment?.axes[0]?.evidence).toEqual([{ from: 'both', text: 'Tested every bed in spring.\nKept the notes.' }]);
    expect(assessment?.strengths).toEqual([{ from: 'both', text: 'Careful with the soil' }]);
  });

  it('merges a self copy and a manager copy: the self ratings from the one, the manager ratings from the other, evidence from both', () => {
    const self = worksheet('self.md', {
      fields: { name: 'Alex Doe', grow: 'Lead a crew' },
      axes: { soil: { self: 'above', evidence: 'Mine' }, trees: { self: 'below' } },
    });
    // The manager copied the self ratings over, one of them wrongly: the self copy's stands.
    const manager = worksheet('manager.md', {
      fields: { name: '  alex  DOE ', manager: 'Sam Roe', grow: 'Lead a crew' },
      axes: { soil: { self: 'meets', manager: 'meets', evidence: 'Theirs' }, trees: { manager: 'meets' } },
    });
    const { assessment, files } = assessWorksheets(ladder, [self, manager], fingerprintOf);
    expect(messagesOf(files)).toEqual([]);
    expect(assessment?.person).toMatchObject({ name: 'Alex Doe', manager: 'Sam Roe' });
    expect(assessment?.axes[0]).toMatchObject({
      self: 'above',
      manager: 'meets',
      differ: true,
      evidence: [
        { from: 'self', text: 'Mine' },
        { from: 'manager', text: 'Theirs' },
      ],
    });
    expect(assessment?.axes[1]).toMatchObject({ self: 'below', manager: 'meets', differ: true, evidence: [] });
    // The same text in both copies is listed once, as from both.
    expect(assessment?.grow).toEqual([{ from: 'both', text: 'Lead a crew' }]);
    expect(assessment?.sources).toEqual([
      { file: 'self.md', format: 'md' },
      { file: 'manager.md', format: 'md' },
    ]);
  });

  it('merges the overall rating and the sign-off: the self rating from the self copy, each signature from the copy that has it', () => {
    const self = worksheet('self.md', {
      fields: { 'sign-off-person': 'Alex Doe', 'sign-off-person-date': '2026-11-20' },
      overall: { self: 'above' },
    });
    const manager = worksheet('manager.md', {
      fields: { 'sign-off-manager': 'Sam Roe', 'sign-off-manager-date': '2026-11-21', 'sign-off-person-date': '2026-11-22' },
      overall: { self: 'meets', manager: 'meets' },
    });
    const { assessment, files } = assessWorksheets(ladder, [self, manager], fingerprintOf);
    expect(messagesOf(files)).toEqual([
      'warning conflicting-field: Field `sign-off-person-date` says `2026-11-22` here and `2026-11-20` in `self.md`; the first is kept',
    ]);
    expect(assessment?.overall).toEqual({ self: 'above', manager: 'meets', differ: true });
    expect(assessment?.signOff).toEqual({
      person: { signature: 'Alex Doe', date: '2026-11-20' },
      manager: { signature: 'Sam Roe', date: '2026-11-21' },
    });
    expect(formatAssessment(assessment!)).toContain('\nSelf and manager differ on the overall rating\n');
  });

  it('counts the overall rating as a rating, and an overall manager rating as the mark of a manager copy', () => {
    const { assessment } = assessWorksheets(ladder, [worksheet('a.md', { overall: { self: 'meets' } })], fingerprintOf);
    expect(assessment?.overall).toEqual({ self: 'meets', manager: null, differ: false });
    const twice = assessWorksheets(
      ladder,
      [worksheet('a.md', { overall: { manager: 'meets' } }), worksheet('b.md', { axes: { soil: { manager: 'meets' } } })],
      fingerprintOf,
    );
    expect(messagesOf(twice.files)[0]).toContain('error duplicate-copy: This copy and `a.md` are both manager copies');
  });

  it('refuses two copies that name different people, with both places', () => {
    const { assessment, files } = assessWorksheets(
      ladder,
      [
        worksheet('a.md', { fields: { name: 'Alex Doe' }, axes: { soil: { self: 'meets' } } }),
        worksheet('b.md', { fields: { name: 'Robin Poe' }, axes: { soil: { manager: 'meets' } } }),
      ],
      fingerprintOf,
    );
    expect(assessment).toBeNull();
    const [message] = files[1]!.messages;
    expect(message).toMatchObject({ ruleId: 'conflicting-person', fatal: true, line: 7, column: 3 });
    expect(message?.reason).toContain('`Robin Poe` here and `Alex Doe` in `a.md`');
  });

  it('refuses two copies made for different positions', () => {
    const other = worksheet('b.md', {
      origin: { roleId: 'grower', code: 'G3', frameworkVersion: '3', positionFingerprint: 'fingerprint-of-G3' },
    });
    other.axes = { soil: { manager: 'meets' } };
    const { assessment, files } = assessWorksheets(
      ladder,
      [worksheet('a.md', { axes: { soil: { self: 'meets' } } }), other],
      fingerprintOf,
    );
    expect(assessment).toBeNull();
    expect(messagesOf(files)).toEqual([
      'error conflicting-position: This copy was made for `G3` (role `grower`), another for `G2` (role `grower`); copies merged into one assessment must be made for one position',
    ]);
  });

  it('refuses two copies that give one rating two values', () => {
    const a = worksheet('a.md', { axes: { crew: { manager: 'meets' } } });
    const b = worksheet('b.md', { axes: { crew: { manager: 'below' } } });
    const { assessment, files } = assessWorksheets(ladder, [a, b], fingerprintOf);
    expect(assessment).toBeNull();
    expect(files[1]!.messages[0]).toMatchObject({ ruleId: 'conflicting-rating', fatal: true });
    expect(files[1]!.messages[0]?.reason).toContain('Field `crew.manager` is `below` here and `meets` in `a.md`');
  });

  it('refuses a worksheet for a position the ladder no longer has, suggesting the nearest', () => {
    const gone = worksheet('a.md', { origin: { roleId: 'grower', code: 'G4', frameworkVersion: '3', positionFingerprint: 'x' } });
    const { assessment, files } = assessWorksheets(ladder, [gone], fingerprintOf);
    expect(assessment).toBeNull();
    expect(files[0]!.messages[0]).toMatchObject({ ruleId: 'unknown-worksheet-position', fatal: true, line: 2, column: 1 });
    expect(files[0]!.messages[0]?.reason).toMatch(
      /made for position `G4` \(role `grower`\), which the ladder no longer has; did you mean `G[123]`\?/,
    );
  });

  it('warns, naming both, when the worksheet was made with another version or the position changed since, and still assesses', () => {
    const old = worksheet('a.md', {
      origin: { roleId: 'grower', code: 'G2', frameworkVersion: '2', positionFingerprint: 'older' },
      axes: { soil: { self: 'meets' } },
    });
    const { assessment, files } = assessWorksheets(ladder, [old], fingerprintOf);
    expect(assessment).not.toBeNull();
    expect(messagesOf(files)).toEqual([
      'warning worksheet-version-changed: The worksheet was made with version `2` of the framework, the ladder is now version `3`; the assessment follows the ladder as it is now',
      'warning worksheet-position-changed: What `G2` expects changed since the worksheet was made (version `2` then, version `3` now); the assessment shows what it expects now',
    ]);
  });

  it('warns when the position changed within one version, naming both fingerprints', () => {
    const edited = worksheet('a.md', {
      origin: { roleId: 'grower', code: 'G2', frameworkVersion: '3', positionFingerprint: 'abcdef0123456789' },
      axes: { soil: { self: 'meets' } },
    });
    const { files } = assessWorksheets(ladder, [edited], fingerprintOf);
    expect(messagesOf(files)).toEqual([
      'warning worksheet-position-changed: What `G2` expects changed since the worksheet was made (fingerprint `abcdef012345` then, `fingerprint-` now); the assessment shows what it expects now',
    ]);
  });

  it('warns about answers on an axis the framework no longer has', () => {
    const { files } = assessWorksheets(
      ladder,
      [worksheet('a.md', { axes: { soill: { self: 'meets' }, soil: { self: 'meets' } } })],
      fingerprintOf,
    );
    expect(messagesOf(files)).toEqual([
      'warning unknown-worksheet-axis: The framework has no axis `soill` any more, so what the worksheet says on it is left out; did you mean `soil`?',
    ]);
  });

  it('has no next position for the role’s last', () => {
    const last = worksheet('a.md', {
      origin: { roleId: 'grower', code: 'G3', frameworkVersion: '3', positionFingerprint: 'fingerprint-of-G3' },
      axes: { soil: { self: 'meets' } },
    });
    const { assessment } = assessWorksheets(ladder, [last], fingerprintOf);
    expect(assessment?.next).toBeNull();
    expect(assessment?.axes.every((axis) => axis.next === null)).toBe(true);
  });

  it('refuses a worksheet that rates nothing, instead of saying self and manager agree', () => {
    const { assessment, files } = assessWorksheets(ladder, [worksheet('blank.md', { fields: { name: 'Alex Doe' } })], fingerprintOf);
    expect(assessment).toBeNull();
    expect(messagesOf(files)).toEqual([
      'error nothing-rated: The worksheet rates nothing: no box is ticked, so there is nothing to assess',
    ]);
  });

  it('counts a rating only on an axis the ladder has', () => {
    const { assessment, files } = assessWorksheets(ladder, [worksheet('a.md', { axes: { gone: { self: 'meets' } } })], fingerprintOf);
    expect(assessment).toBeNull();
    expect(messagesOf(files)).toContain(
      'error nothing-rated: The worksheet rates nothing: no box is ticked, so there is nothing to assess',
    );
  });

  it('refuses one copy given twice, naming both files', () => {
    const copy = (file: string) => worksheet(file, { fields: { name: 'Alex Doe' }, axes: { soil: { self: 'meets', evidence: 'Tested' } } });
    const { assessment, files } = assessWorksheets(ladder, [copy('self.md'), copy('self-again.md')], fingerprintOf);
    expect(assessment).toBeNull();
    expect(files[0]!.messages).toEqual([]);
    expect(files[1]!.messages[0]).toMatchObject({ ruleId: 'duplicate-copy', fatal: true, file: 'self-again.md' });
    expect(files[1]!.messages[0]?.reason).toBe(
      "This copy gives the same answers as `self.md`: one copy was given twice; give the person's own copy and their manager's, or one copy filled by both",
    );
  });

  it('refuses two self copies, and two manager copies, naming the first', () => {
    const two = (role: 'self' | 'manager') =>
      assessWorksheets(
        ladder,
        [worksheet('a.md', { axes: { soil: { [role]: 'meets' } } }), worksheet('b.md', { axes: { trees: { [role]: 'above' } } })],
        fingerprintOf,
      );
    const self = two('self');
    expect(self.assessment).toBeNull();
    expect(messagesOf(self.files)).toEqual([
      "error duplicate-copy: This copy and `a.md` are both self copies (neither has a manager rating); give the person's own copy and their manager's, or one copy filled by both",
    ]);
    const manager = two('manager');
    expect(manager.assessment).toBeNull();
    expect(messagesOf(manager.files)[0]).toContain('This copy and `a.md` are both manager copies (both have manager ratings)');
  });

  it('says that nothing is compared when no axis has both ratings', () => {
    const { assessment } = assessWorksheets(ladder, [worksheet('self.md', { axes: { soil: { self: 'meets' } } })], fingerprintOf);
    expect(formatAssessment(assessment!)).toContain('\nNo axis has both a self and a manager rating, so none is compared\n');
  });

  it('prints a terminal summary, aligned, with where the ratings differ', () => {
    const { assessment } = assessWorksheets(
      ladder,
      [
        worksheet('a.md', {
          fields: { name: 'Alex Doe', 'sign-off-person': 'Alex Doe', 'sign-off-person-date': '2026-11-20' },
          overall: { self: 'meets', manager: 'meets' },
          axes: { soil: { self: 'meets', manager: 'above' }, crew: { self: 'na', manager: 'na' } },
        }),
      ],
      fingerprintOf,
    );
    expect(formatAssessment(assessment!)).toBe(
      [
        'G2 Grower 2 — Alex Doe',
        '',
        'Soil     Tests (2 of 5)   self meets  manager above  differ',
        'Trees    Prunes (2 of 5)  self -      manager -',
        'Crew     Helps (2 of 5)   self n/a    manager n/a',
        'Season   Checks (2 of 5)  self -      manager -',
        'Reach    Block (2 of 5)   self -      manager -',
        'Overall                   self meets  manager meets',
        '',
        'Self and manager differ on Soil',
        'Signed: person Alex Doe, 2026-11-20; manager not signed',
        'Next: G3 Grower 3',
        '',
      ].join('\n'),
    );
  });
});
