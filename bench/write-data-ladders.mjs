import { writeFile } from 'node:fs/promises';
import path from 'node:path';

// Five competencies and five ordered proficiencies, as the generated Markdown ladder has five axes of five keywords.
const topics = ['delivery', 'quality', 'collaboration', 'ownership', 'craft'];
const proficiencies = ['Aware', 'Learning', 'Capable', 'Skilled', 'Leading'];

/**
 * Write `roles` role pages whose front matter holds `topics` of `positions` levels each (three
 * criteria and an example criterion a level), in the shape the front-matter topics reader reads.
 */
export async function writeTopicsLadder(dir, { roles = 50, positions = 20 } = {}) {
  for (let index = 0; index < roles; index++) {
    const lines = ['---', `title: Role ${index + 1}`, `levels: ${positions}`, 'sidebarGroup: generated', 'topics:'];
    for (const topic of topics) {
      lines.push(`  - name: ${topic}`, `    summary: What ${topic} means for role ${index + 1}.`, '    content:');
      for (let level = 1; level <= positions; level++) {
        lines.push(`      - level: ${level}`, '        criteria:');
        for (let item = 1; item <= 3; item++)
          lines.push(`          - "At level ${level}, ${topic} item ${item}, in a sentence as long as a real criterion is"`);
        lines.push(
          '        exampleCriteria:',
          `          - criteria: "Shows ${topic} at level ${level} in a way worth an example"`,
          '            examples:',
          `              - "Once did something that shows ${topic} at level ${level}"`,
        );
      }
    }
    lines.push('---', '', `# Role ${index + 1}`, '', `Role ${index + 1} is generated to measure reading front matter topics.`, '');
    await writeFile(path.join(dir, `role-${index + 1}.md`), lines.join('\n'));
  }
}

/**
 * Write `roles` job family files (YAML, or JSON with `json`) of `positions` levels, five themes on one
 * ordered scale of proficiencies and two statements a level and theme, climbing so no rank falls.
 */
export async function writeJobFamilyLadder(dir, { roles = 50, positions = 20, json = false } = {}) {
  for (let index = 0; index < roles; index++) {
    const family = {
      name: `Family ${index + 1}`,
      summary: `Family ${index + 1} is generated to measure reading job families.`,
      proficiencies: proficiencies.map((name) => ({ name, summary: `What ${name.toLowerCase()} means.` })),
      levels: Array.from({ length: positions }, (_, level) => ({
        id: `level-${level + 1}`,
        name: `Family ${index + 1} level ${level + 1}`,
      })),
      themes: topics.map((topic) => ({ id: topic, name: topic[0].toUpperCase() + topic.slice(1), summary: `What ${topic} means.` })),
      competencies: Array.from({ length: positions }, (_, level) =>
        topics.flatMap((topic, theme) =>
          [1, 2].map((item) => ({
            level: `level-${level + 1}`,
            theme: topic,
            summary: `At level ${level + 1}, ${topic} statement ${item}, in a sentence as long as a real statement is.`,
            proficiency: proficiencies[Math.min(proficiencies.length, Math.ceil((level + 1 + theme) / 4)) - 1],
          })),
        ),
      ).flat(),
    };
    const name = `family-${index + 1}.${json ? 'json' : 'yml'}`;
    await writeFile(path.join(dir, name), json ? JSON.stringify(family, null, 2) : toYaml(family));
  }
}

/** The family as block YAML, written by hand: the bench installs no YAML writer. */
function toYaml(family) {
  const lines = [`name: ${family.name}`, `summary: ${family.summary}`, 'proficiencies:'];
  for (const { name, summary } of family.proficiencies) lines.push(`  - name: ${name}`, `    summary: ${summary}`);
  lines.push('levels:');
  for (const { id, name } of family.levels) lines.push(`  - id: ${id}`, `    name: ${name}`);
  lines.push('themes:');
  for (const { id, name, summary } of family.themes) lines.push(`  - id: ${id}`, `    name: ${name}`, `    summary: ${summary}`);
  lines.push('competencies:');
  for (const { level, theme, summary, proficiency } of family.competencies)
    lines.push(`  - level: ${level}`, `    theme: ${theme}`, `    summary: ${summary}`, `    proficiency: ${proficiency}`);
  return lines.join('\n') + '\n';
}
