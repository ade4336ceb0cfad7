import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMeasured } from './run-measured.mjs';

// Pages built to be slow to read: nesting the Markdown parser pays for with the cube of its depth,
// very long blocks, and thousands of positions. The tests check deterministically that each is
// refused before it is parsed, or parsed a few kilobytes at a time; this measures what `check`
// costs on them, as a user runs it. Each runs against the shipped framework.

const position = (code) =>
  `## ${code} - Hostile ${code}\n\n* **Adopts**: a\n* **Enhances**: b\n* **Learns**: c\n* **Follows**: d\n* **Subsystem**: e\n`;

/** The pages, each a role page on its own in a folder, or a folder of pages. */
const cases = {
  'emphasis nested 2,500 deep': `# Hostile\n\nA role.\n\n${position('H1')}* ${'*a '.repeat(2500)}x${' b*'.repeat(2500)}\n`,
  'images nested 1,500 deep': `# Hostile\n\nA role.\n\n${position('H1')}* ${'![a '.repeat(1500)}x${'](u)'.repeat(1500)}\n`,
  'quotes nested 10,000 deep': `# Hostile\n\nA role.\n\n${position('H1')}\n${'>'.repeat(10_000)} deep\n`,
  'a 10 MB page': `# Hostile\n\nA role.\n\n${position('H1')}${'* **Helps**: helps a great deal\n'.repeat(330_000)}`,
  '5,000 list items in one block': `# Hostile\n\nA role.\n\n${position('H1')}\n${'* > item\n'.repeat(5000)}`,
  '5,000 valid positions': `# Hostile\n\nA role.\n\n${Array.from({ length: 5000 }, (_, index) => position(`H${index + 1}`)).join('\n')}`,
  '1,000 section-per-level positions in 20 track folders': sectionTracks(20, 50),
};

/**
 * A ladder kept as a section per level: `tracks` folders of `levels` position pages each, every page with
 * attribute bullets, four competencies as sub-headings, bullets and collapsed examples. Files by path.
 */
function sectionTracks(tracks, levels) {
  const files = {};
  for (let track = 1; track <= tracks; track++) {
    for (let level = 1; level <= levels; level++) {
      const competencies = ['Delivery', 'Quality', 'Collaboration', 'Mentoring'].map(
        (name) =>
          `## ${name}\n\n- Does ${name.toLowerCase()} work at level ${level}.\n- Helps others with it.\n\n` +
          `<details>\n<summary>Examples</summary>\n\n- Did it once, well.\n\n</details>\n`,
      );
      files[`Track-${track}/L${level}-Engineer-${level}.md`] =
        `# L${level}: Engineer ${level}\n\n> Level ${level} of track ${track}.\n\n- **Impact radius**: ${level} people\n- **Planning horizon**: ${level} weeks\n\n${competencies.join('\n')}`;
    }
  }
  return files;
}

/** Time `ladders check` on each hostile page (median of `runs`), in `work`; returns milliseconds by case. */
export async function timeHostileInput({ cli, work, env, runs }) {
  const results = {};
  for (const [name, page] of Object.entries(cases)) {
    const dir = path.join(work, name.replace(/\W+/g, '-'));
    // A case is one role page, or a whole folder of pages by path.
    const files = typeof page === 'string' ? { 'hostile.md': page } : page;
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const result = await runMeasured(process.execPath, [cli, 'check', '--ladders', dir], { cwd: work, env });
      if (result.code !== 0 && result.code !== 1) throw new Error(`check on ${name} exited with ${result.code}:\n${result.output}`);
      samples.push(result.ms);
    }
    results[name] = Math.round(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
    console.log(`hostile input: check on ${name}: ${(results[name] / 1000).toFixed(2)} s`);
  }
  return results;
}
