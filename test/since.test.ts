import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from './support/pdf.js';
import { gitIn } from './support/git-in.js';
import { run } from './support/run.js';

// `build --since REV` in a real git repository: the diff tests' small ladder, committed as it starts
// (`plain`), then with a version label (`v1`); the working tree then changes a keyword, rewords a
// bullet and an axis's rank, adds a position and re-codes another.
const startDir = path.join(import.meta.dirname, 'fixtures', 'diff-history', 'start');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-since-'));
const repo = path.join(scratch, 'repo');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = gitIn(repo);

function edit(file: string, find: string, replace: string): void {
  const full = path.join(repo, 'ladders', file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(find)) throw new Error(`${file} has no ${JSON.stringify(find)}`);
  writeFileSync(full, text.replace(find, replace));
}

const b4 =
  '\n## B4 - Builder 4\n\n* **Shapes**: sets how the crew builds\n* **Steers**: keeps a feature on track\n* **Floor**: one floor\n';

beforeAll(() => {
  mkdirSync(repo);
  git('init', '--quiet', '--initial-branch=main');
  cpSync(startDir, path.join(repo, 'ladders'), { recursive: true });
  git('add', '-A');
  git('commit', '--quiet', '-m', 'The ladder');
  git('tag', 'plain');
  edit('README.md', '# Workshop Ladder', '---\nversion: "2026.1"\n---\n\n# Workshop Ladder');
  git('commit', '--quiet', '-am', 'Label the version');
  git('tag', 'v1');
  edit('builder.md', '**Plans**: breaks a feature', '**Steers**: breaks a feature');
  edit('builder.md', 'takes a small feature from sketch to release', 'takes a small feature from first sketch to its release');
  edit('builder.md', "* **Crew**: the crew's shared parts\n", "* **Crew**: the crew's shared parts\n" + b4);
  edit('README.md', 'leaves every piece they touch cleaner', 'leaves each part they touch tidier');
  edit('steward.md', '## ST4 - Steward 4', '## SW4 - Senior Steward 4');
});

/** The output files under `out` that hold a "Changed since" section, sorted. */
function withSection(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((file) => {
      if (!/\.(html|md)$/.test(file)) return false;
      const text = readFileSync(path.join(out, file), 'utf8');
      return text.includes('class="since"') || text.includes('## Changed since');
    })
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

function section(file: string): string {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('## Changed since');
  return start === -1 ? '' : text.slice(start, text.indexOf('\n## ', start + 1));
}

describe('ladders build --since', () => {
  const out = () => path.join(repo, 'out');
  const build = (...args: string[]) => run(['build', '--format', 'html,md', ...args], repo);

  it('gives exactly the handouts and worksheets of positions that changed a section, in HTML and Markdown', async () => {
    const result = await build('--since', 'v1');
    expect(result.code, result.stderr).toBe(0);
    const changed = ['builder/b2', 'builder/b3', 'builder/b4', 'steward/st3', 'steward/sw4'];
    expect(withSection(out())).toEqual(
      changed.flatMap((page) => [`${page}-review.html`, `${page}-review.md`, `${page}.html`, `${page}.md`]).sort(),
    );
  });

  it('lists what changed for the position: its keyword and rank, its bullet word by word, the rank of an axis it expects, its code and title', () => {
    expect(section(path.join(out(), 'builder', 'b3.md'))).toBe(
      [
        '## Changed since 2026.1',
        '',
        '| Axis     | Before         | After           | Change  |',
        '| -------- | -------------- | --------------- | ------- |',
        '| Delivery | Plans (2 of 4) | Steers (3 of 4) | Goes up |',
        '',
      ].join('\n'),
    );
    expect(section(path.join(out(), 'builder', 'b2.md'))).toContain(
      '| Craft | Builds (2 of 4) | Builds (2 of 4) | Reworded: takes a small feature from <ins>first</ins> sketch to <ins>its</ins> release |',
    );
    expect(section(path.join(out(), 'builder', 'b4.md'))).toBe('## Changed since 2026.1\n\n**New position**\n');
    const sw4 = section(path.join(out(), 'steward', 'sw4.md'));
    expect(sw4).toContain('**Re-coded from ST4** · **Renamed from Steward 4**');
    expect(sw4).toMatch(
      /\| Craft · Rank 3 \| Refines \| +\| Reworded: leaves ~~every piece~~<ins>each part<\/ins> they touch ~~cleaner~~<ins>tidier<\/ins> than they found it \|/,
    );
    const html = readFileSync(path.join(out(), 'steward', 'sw4-review.html'), 'utf8');
    expect(html).toMatch(/<h2 id="since-heading">Changed since 2026\.1<\/h2>/);
    expect(html).toContain('<del>every piece</del><ins>each part</ins>');
  });

  it('is current while the revision names the same commit, and builds again when it moves', async () => {
    const again = await build('--since', 'v1');
    expect(again.stderr).toContain('Nothing changed since the last build');
    git('commit', '--quiet', '-am', 'Changes');
    git('tag', '--force', 'v1');
    const moved = await build('--since', 'v1');
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toMatch(/\d+ to make/);
    expect(withSection(out())).toEqual([]);
  });

  it('prints the section in the PDF', async () => {
    // The worksheet's PDF is its HTML printed the same way; one handout keeps the test short.
    const pdfOut = path.join(scratch, 'pdf');
    const result = await run(
      ['build', '--format', 'pdf', '--variant', 'handout', '--only', 'ST3', '--since', 'plain', '--out', pdfOut],
      repo,
    );
    expect(result.code, result.stderr).toBe(0);
    const { text } = await readPdf(path.join(pdfOut, 'steward', 'st3.pdf'));
    expect(text).toMatch(/Changed since plain\s/);
    expect(text).toMatch(/Craft · Rank 3\s+Refines\s+Reworded/);
  });

  it('gives the books a chapter of the changes, in the contents, each role book with its own role', async () => {
    const bookOut = path.join(scratch, 'books');
    const result = await run(['build', '--format', 'book', '--since', 'plain', '--out', bookOut], repo);
    expect(result.code, result.stderr).toBe(0);
    const whole = (await readPdf(path.join(bookOut, 'ladder.pdf'))).text;
    expect(whole).toMatch(/Positions by level and role\s+\d+\s+Changed since plain\s+\d+\s+Builder/);
    expect(whole).toMatch(/Changed since plain\s+The framework\s+Craft\s+Rank/i);
    const steward = (await readPdf(path.join(bookOut, 'steward', 'steward.pdf'))).text;
    expect(steward).toMatch(/SW4\s+Senior Steward 4\s+Re-coded from ST4/);
    expect(steward).not.toMatch(/B3\s+Builder 3\s+Axis/i);
    expect(whole).toMatch(/B3\s+Builder 3\s+Axis/i);
  });

  it('names a revision without a version label by the tag at its commit, however it was given', async () => {
    const result = await build('--since', 'plain~0', '--only', 'ST3');
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(out(), 'steward', 'st3.md'), 'utf8')).toContain('## Changed since plain\n');
  });

  it('refuses an unknown revision before writing anything, exit 2', async () => {
    const result = await run(['build', '--since', 'no-such-tag', '--out', 'elsewhere'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('ladders: unknown revision `no-such-tag` in the repository at `.`');
    expect(readdirSync(repo)).not.toContain('elsewhere');
  });
});
