import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countMessages } from '../src/format-messages.js';
import { loadLadder } from '../src/read/load-ladder.js';

// The facts table of the framework: code, level, senior, then the keyword on each axis in order.
const facts = `
D1 1 no Adopts Enhances Learns Follows Subsystem
D2 2 no Adopts Designs Supports Enforces Subsystem
D3 3 no Specializes Designs Supports Challenges Team
D4 4 yes Evangelizes Owns Mentors Challenges Team
D5 5 yes Masters Evolves Mentors Adjusts Multiple_Teams
D6 6 yes Creates Leads Mentors Adjusts Company
D7 7 yes Creates Leads Mentors Adjusts Community
TL4 4 yes Specializes Owns Coordinates Adjusts Subsystem
TL5 5 yes Evangelizes Evolves Coordinates Defines Team
TL6 6 yes Masters Leads Coordinates Defines Multiple_Teams
TL7 7 yes Masters Leads Coordinates Defines Company
TPM4 4 yes Specializes Designs Coordinates Adjusts Multiple_Teams
TPM5 5 yes Specializes Designs Coordinates Defines Multiple_Teams
TPM6 6 yes Specializes Owns Manages Defines Company
TPM7 7 yes Specializes Evolves Manages Defines Community
EM5 5 yes Evangelizes Owns Manages Adjusts Team
EM6 6 yes Evangelizes Evolves Manages Defines Team
EM7 7 yes Evangelizes Evolves Manages Defines Multiple_Teams
`
  .trim()
  .split('\n')
  .map((line) => line.split(' '));

const ranks = {
  technology: ['Adopts', 'Specializes', 'Evangelizes', 'Masters', 'Creates'],
  system: ['Enhances', 'Designs', 'Owns', 'Evolves', 'Leads'],
  people: ['Learns', 'Supports', 'Mentors', 'Coordinates', 'Manages'],
  process: ['Follows', 'Enforces', 'Challenges', 'Adjusts', 'Defines'],
  influence: ['Subsystem', 'Team', 'Multiple Teams', 'Company', 'Community'],
};

const repoRoot = path.join(import.meta.dirname, '..');
const loaded = await loadLadder(path.join(repoRoot, 'ladders'), repoRoot);

describe('the shipped ladders', () => {
  it('read with no errors, warnings or skipped pages', () => {
    expect(countMessages(loaded.files)).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('define the five axes with their ranked keywords', () => {
    const axes = loaded.ladder?.framework.competencies ?? [];
    expect(Object.fromEntries(axes.map((axis) => [axis.id, axis.scale.map((level) => level.keyword)]))).toEqual(ranks);
    expect(axes.every((axis) => axis.summary.length > 0)).toBe(true);
  });

  it('hold four roles and the eighteen positions of the facts table', () => {
    const roles = loaded.ladder?.roles ?? [];
    expect(roles.map((role) => role.id)).toEqual(['developer', 'tech-lead', 'technical-program-manager', 'engineering-manager']);
    expect(roles.flatMap((role) => role.positions.map((position) => position.code))).toEqual(facts.map((row) => row[0]));
  });

  it.each(facts)('%s expects the keywords and ranks of the facts table', (code, level, senior, ...keywords) => {
    const position = loaded.ladder?.roles.flatMap((role) => role.positions).find((candidate) => candidate.code === code);
    expect(position?.level).toBe(Number(level));
    expect(position?.senior).toBe(senior === 'yes');
    expect(position?.cells.map((cell) => cell.rung?.keyword)).toEqual(keywords.map((keyword) => keyword.replace('_', ' ')));
    const expectedRanks = Object.values(ranks).map(
      (keywordsOfAxis, index) => keywordsOfAxis.indexOf((keywords[index] ?? '').replace('_', ' ')) + 1,
    );
    expect(position?.cells.map((cell) => cell.rung?.rank)).toEqual(expectedRanks);
    expect(position?.cells.every((cell) => (cell.rung?.description.length ?? 0) > 0)).toBe(true);
  });

  it('give EM6 the ranks 3, 4, 5, 5, 2', () => {
    const em6 = loaded.ladder?.roles.flatMap((role) => role.positions).find((position) => position.code === 'EM6');
    expect(em6?.cells.map((cell) => [cell.competency, cell.rung?.rank])).toEqual([
      ['technology', 3],
      ['system', 4],
      ['people', 5],
      ['process', 5],
      ['influence', 2],
    ]);
  });
});
