import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

// The shipped framework's keywords (ladders/README.md), lowest rank first, one list per axis.
const axes = [
  ['Adopts', 'Specializes', 'Evangelizes', 'Masters', 'Creates'],
  ['Enhances', 'Designs', 'Owns', 'Evolves', 'Leads'],
  ['Learns', 'Supports', 'Mentors', 'Coordinates', 'Manages'],
  ['Follows', 'Enforces', 'Challenges', 'Adjusts', 'Defines'],
  ['Subsystem', 'Team', 'Multiple Teams', 'Company', 'Community'],
];

/**
 * Write a ladder folder of `roles` role pages with `positions` positions each (codes `RA1`, …, `RAX20`),
 * with `introduction` copied in as its README.md. It is valid and warning-free, so the build does all its work.
 */
export async function writeScaleLadders(dir, introduction, { roles = 50, positions = 20 } = {}) {
  await copyFile(introduction, path.join(dir, 'README.md'));
  for (let index = 0; index < roles; index++) {
    const letters = letterCode(index);
    await writeFile(path.join(dir, `role-${letters.toLowerCase()}.md`), rolePage(letters, positions));
  }
}

function rolePage(letters, positions) {
  const lines = [`# Role ${letters}`, '', `Role ${letters} is generated to measure how the build scales with the number of positions.`, ''];
  for (let level = 1; level <= positions; level++) {
    lines.push(`## R${letters}${level} - Role ${letters} ${level}`, '');
    axes.forEach((keywords, axis) => {
      // Each axis climbs at its own pace but never steps down, which would raise `rank-decrease` warnings.
      const keyword = keywords[Math.min(keywords.length, Math.ceil((level + axis) / 4)) - 1];
      lines.push(
        `* **${keyword}**: at level ${level} of role ${letters}, ${keyword.toLowerCase()} as the framework describes it, in a sentence as long as the shipped ones`,
      );
    });
    lines.push('');
  }
  return lines.join('\n');
}

/** Letters only, since a position code is letters then digits: A, B, … Z, AA, AB, … */
function letterCode(index) {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : letterCode(Math.floor(index / 26) - 1) + letter;
}
