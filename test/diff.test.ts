import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from './support/pdf.js';
import { gitIn } from './support/git-in.js';
import { documentation } from './support/readme.js';
import { run } from './support/run.js';

// A real git repository with one commit per kind of change, each tagged; every case diffs two tags
// and compares what each format prints with the files in test/fixtures/diff-<case>/.
// UPDATE_DIFF_FIXTURES=1 rewrites them; review the diff before committing it.
const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const startDir = path.join(fixturesDir, 'diff-history', 'start');
const update = process.env.UPDATE_DIFF_FIXTURES === '1';
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-diff-'));
const repo = path.join(scratch, 'repo');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Edit {
  file: string;
  /** Replace `find` (which must be there) with `replace`; without `find`, write `replace` as the whole file. */
  find?: string;
  replace: string;
}

const b4 = [
  '',
  '## B4 - Builder 4',
  '',
  '* **Shapes**: sets how the crew builds its hardest parts',
  '* **Steers**: keeps a feature of several builders on track',
  '* **Floor**: the builders of one floor',
  '',
].join('\n');

/** The history, oldest first: each step's tag and its edits to the ladder folder. */
const steps: { tag: string; edits: Edit[] }[] = [
  {
    tag: 'keyword-changed',
    edits: [
      { file: 'builder.md', find: '**Plans**: breaks a feature', replace: '**Steers**: breaks a feature' },
      { file: 'steward.md', find: '**Floor**: the crews on one floor', replace: '**Crew**: the crews on one floor' },
    ],
  },
  {
    tag: 'text-reworded',
    edits: [
      {
        file: 'builder.md',
        find: 'takes a small feature from sketch to release',
        replace: 'takes a small feature from first sketch to its release',
      },
      { file: 'README.md', find: 'leaves every piece they touch cleaner', replace: 'leaves each part they touch tidier' },
    ],
  },
  {
    tag: 'position-added',
    edits: [{ file: 'builder.md', find: "* **Crew**: the crew's shared parts\n", replace: "* **Crew**: the crew's shared parts\n" + b4 }],
  },
  {
    tag: 'position-removed',
    edits: [
      {
        file: 'builder.md',
        find: '## B1 - Builder 1\n\n* **Follows**: works through tickets with a partner nearby\n* **Finishes**: closes the tasks picked for them each week\n* **Self**: their own bench\n\n',
        replace: '',
      },
    ],
  },
  {
    tag: 'position-recoded',
    edits: [
      { file: 'steward.md', find: '## ST3 - Steward 3', replace: '## SW3 - Steward 3' },
      { file: 'steward.md', find: '## ST4 - Steward 4', replace: '## SW4 - Senior Steward 4' },
    ],
  },
  {
    tag: 'axis-keyword-renamed',
    edits: [
      { file: 'README.md', find: '3. **Steers**:', replace: '3. **Guides**:' },
      { file: 'builder.md', find: '**Steers**: breaks', replace: '**Guides**: breaks' },
      { file: 'builder.md', find: '**Steers**: keeps a feature', replace: '**Guides**: keeps a feature' },
      { file: 'steward.md', find: '**Steers**: unblocks', replace: '**Guides**: unblocks' },
      { file: 'steward.md', find: '**Steers**: keeps two', replace: '**Guides**: keeps two' },
    ],
  },
];

const git = gitIn(repo);

function applyEdits(edits: readonly Edit[]): void {
  for (const edit of edits) {
    const file = path.join(repo, 'ladders', edit.file);
    if (edit.find === undefined) {
      writeFileSync(file, edit.replace);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (!text.includes(edit.find)) throw new Error(`${edit.file} has no ${JSON.stringify(edit.find)}`);
    writeFileSync(file, text.replace(edit.find, edit.replace));
  }
}

beforeAll(() => {
  mkdirSync(repo);
  git('init', '--quiet', '--initial-branch=main');
  writeFileSync(path.join(repo, 'NOTES.md'), 'The ladder comes in the next commit.\n');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'before the ladder');
  git('tag', 'no-ladder');
  cpSync(startDir, path.join(repo, 'ladders'), { recursive: true });
  git('add', '-A');
  git('commit', '--quiet', '-m', 'start');
  git('tag', 'start');
  for (const step of steps) {
    applyEdits(step.edits);
    git('add', '-A');
    git('commit', '--quiet', '-m', step.tag);
    git('tag', step.tag);
  }
  // The README's examples name these.
  git('tag', 'v0', 'no-ladder');
  git('tag', 'v1', 'start');
  git('tag', 'v2', 'HEAD');
  // A side branch whose ladder does not read: an unknown keyword.
  git('checkout', '--quiet', '-b', 'broken');
  applyEdits([{ file: 'builder.md', find: '**Builds**: takes a medium', replace: '**Bilds**: takes a medium' }]);
  git('commit', '--quiet', '-am', 'broken');
  git('checkout', '--quiet', 'main');
});

const cases = [
  ...steps.map((step, index) => ({ name: step.tag, from: index === 0 ? 'start' : (steps[index - 1]?.tag ?? ''), to: step.tag })),
  { name: 'whole', from: 'start', to: 'HEAD' },
];

function expectFixture(name: string, file: string, actual: string): void {
  const expectedPath = path.join(fixturesDir, `diff-${name}`, file);
  if (update) {
    mkdirSync(path.dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, actual);
  }
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
}

describe('ladders diff between two revisions', () => {
  for (const { name, from, to } of cases) {
    for (const [format, file] of [
      ['text', 'output.txt'],
      ['md', 'output.md'],
      ['json', 'output.json'],
    ] as const) {
      it(`${name}: ${from} → ${to} as ${format}`, async () => {
        const result = await run(['diff', from, to, '--format', format], repo);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expectFixture(name, file, result.stdout);
      });
    }
  }
});

describe('the documentation', () => {
  const docs = documentation(path.join(import.meta.dirname, '..'))
    .map(({ text }) => text)
    .join('\n');

  it.each([
    ['npx ladders diff v1 v2', 0],
    ['npx ladders diff v0 v2', 2],
  ])('shows what `%s` prints', async (command, code) => {
    const args = command.split(' ').slice(2);
    const result = await run(args, repo);
    expect(result.code).toBe(code);
    const shown = code === 0 ? `$ ${command}\n${result.stdout}` : result.stderr;
    expect(docs).toContain('```text\n' + shown + '```');
  });
});

describe('the built command', () => {
  // Built, `diff` reads its first version in a worker thread (from the sources, both in this one).
  const cli = path.join(import.meta.dirname, '..', 'dist', 'cli.js');

  it('prints the same changes, reading one side in a worker', () => {
    const stdout = execFileSync(process.execPath, [cli, 'diff', 'start', 'HEAD'], { cwd: repo, encoding: 'utf8' });
    expect(stdout).toBe(readFileSync(path.join(fixturesDir, 'diff-whole', 'output.txt'), 'utf8'));
  });

  it('reports a usage error met in the worker, and the first side’s first', () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [cli, 'diff', 'no-such-tag', 'no-ladder'], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toMatch(
      /^ladders: unknown revision `no-such-tag` in the repository at `\.`\nRun `ladders --help` for usage.\n$/,
    );
  });
});

describe('ladders diff between two folders', () => {
  it('reads each folder as it is and prints the same changes as between the revisions', async () => {
    const before = path.join(scratch, 'before');
    cpSync(startDir, before, { recursive: true });
    git('worktree', 'add', '--quiet', path.join(scratch, 'after'), 'HEAD');
    const result = await run(['diff', before, path.join(scratch, 'after', 'ladders')], scratch);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = readFileSync(path.join(fixturesDir, 'diff-whole', 'output.txt'), 'utf8');
    expect(result.stdout).toBe(
      expected.replace('Changes from start to HEAD', `Changes from ${before} to ${path.join(scratch, 'after', 'ladders')}`),
    );
  });

  it('prints only the title and `No changes` for two versions alike, and touches no working tree', async () => {
    const status = git('status', '--porcelain');
    const result = await run(['diff', 'axis-keyword-renamed', 'HEAD', '--json'], repo);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: 'No changes', framework: { title: null, axes: [] }, roles: [] });
    const text = await run(['diff', 'HEAD', 'HEAD'], repo);
    expect(text.stdout).toBe('Changes from HEAD to HEAD\n\nNo changes\n');
    expect(git('status', '--porcelain')).toBe(status);
  });
});

describe('ladders diff errors', () => {
  it('names an unknown revision, exit 2', async () => {
    const result = await run(['diff', 'start', 'no-such-tag'], repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe('ladders: unknown revision `no-such-tag` in the repository at `.`');
    // From inside the repository, its root is named from the working folder too.
    const inside = await run(['diff', 'start', 'no-such-tag', '--ladders', '.'], path.join(repo, 'ladders'));
    expect(inside.stderr.split('\n')[0]).toBe('ladders: unknown revision `no-such-tag` in the repository at `..`');
  });

  it('says a folder outside any git repository has no revisions, exit 2', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'ladders-diff-outside-'));
    try {
      cpSync(startDir, path.join(outside, 'ladders'), { recursive: true });
      const result = await run(['diff', 'HEAD~1', 'HEAD'], outside);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'ladders: `ladders` is not in a git repository, so revision `HEAD~1` cannot be read; give two folders to compare instead\nRun `ladders --help` for usage.\n',
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('names the ladder folder missing at a revision, exit 2', async () => {
    const result = await run(['diff', 'no-ladder', 'HEAD'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ladders: the ladder folder `ladders` does not exist at revision `no-ladder`; if its pages were in another folder there, name it with `--ladders`\nRun `ladders --help` for usage.\n',
    );
  });

  it('prints the messages of a revision whose ladder has errors, each prefixed with the revision, exit 1', async () => {
    const result = await run(['diff', 'HEAD', 'broken'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'broken:ladders/builder.md:13:3: error Unexpected keyword `Bilds`, expected one of `Follows`, `Builds`, `Refines`, `Shapes`; did you mean `Builds`? [unknown-keyword]\n',
    );
  });

  it('wants exactly two versions, exit 2', async () => {
    const result = await run(['diff', 'HEAD'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'ladders: `diff` takes two versions, git revisions or folders, such as `ladders diff origin/main HEAD`; got 1: `HEAD`',
    );
  });

  it('refuses a format it does not print, with the nearest one, exit 2', async () => {
    const result = await run(['diff', 'start', 'HEAD', '--format', 'markdown'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('ladders: unknown format `markdown`, expected `text`, `md` or `json`');
  });
});

describe('what else a diff finds', () => {
  const before = path.join(scratch, 'else-before');
  const after = path.join(scratch, 'else-after');

  beforeAll(() => {
    cpSync(startDir, before, { recursive: true });
    cpSync(startDir, after, { recursive: true });
    const edit = (file: string, change: (text: string) => string) =>
      writeFileSync(path.join(after, file), change(readFileSync(path.join(after, file), 'utf8')));
    writeFileSync(path.join(before, 'README.md'), '---\nversion: 2026.1\n---\n' + readFileSync(path.join(before, 'README.md'), 'utf8'));
    // A new axis every position expects, a version, and seniority from level 3 up.
    edit(
      'README.md',
      (text) =>
        '---\nversion: 2026.2\nfirstSeniorLevel: 3\n---\n' +
        text
          .replace('* **Reach**:', '* **Care**: how much someone looks after the people around them\n* **Reach**:')
          .replace(
            '## Reach',
            '## Care\n\n1. **Notices**: notices when a teammate struggles\n2. **Helps**: offers help without being asked\n\n## Reach',
          ),
    );
    edit('builder.md', (text) =>
      text
        .replace(/(\* \*\*Self\*\*: [^\n]*\n)/g, '$1* **Notices**: keeps an eye on the bench next to theirs\n')
        .replace(/(\* \*\*Crew\*\*: [^\n]*\n)/, '$1* **Helps**: lends a hand to <script>the</script> *crew*\n')
        .replace('## B3 - Builder 3', '## B3 - Builder \\*3\\* [x](y)'),
    );
    rmSync(path.join(after, 'steward.md'));
    writeFileSync(
      path.join(after, 'keeper.md'),
      '# Keeper\n\nKeepers look after the tools.\n\n## K2 - Keeper 2\n\n* **Builds**: mends tools\n* **Plans**: plans repairs\n* **Helps**: shows others the tools\n* **Crew**: the crew\n',
    );
  });

  it('says what changed in text', async () => {
    const result = await run(['diff', 'else-before', 'else-after'], scratch);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      'Changes from else-before (version 2026.1) to else-after (version 2026.2)',
      '',
      'Framework',
      '  Axis Care: added',
      '    touches every position (4)',
      '',
      'Builder',
      '  B1 Builder 1',
      '    Care: Notices (1 of 2), axis added',
      '  B2 Builder 2',
      '    Care: Notices (1 of 2), axis added',
      '  B3 Builder 3 → Builder *3* x, renamed',
      '    Seniority: now senior',
      '    Care: Helps (2 of 2), axis added',
      '',
      'Keeper, role added',
      '  K2 Keeper 2, added',
      '',
      'Steward, role removed',
      '  ST3 Steward 3, removed',
      '  ST4 Steward 4, removed',
      '',
      '1 axis added; 1 role added, 1 removed; 1 position added, 2 removed, 3 changed',
      '',
    ]);
  });

  it('escapes the ladder’s text in Markdown', async () => {
    const result = await run(['diff', 'else-before', 'else-after', '--format', 'md'], scratch);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('- **B3** Builder 3 → Builder \\*3\\* x, renamed\n');
    expect(result.stdout).toContain('### Changes from `else-before` (version 2026\\.1) to `else-after` (version 2026\\.2)\n');
  });
});

describe('the changelog handout (--out)', () => {
  it('writes the changes as HTML and Markdown in the handouts\u2019 look, and prints them as text', async () => {
    const out = path.join(scratch, 'changelog-text');
    const result = await run(['diff', 'start', 'HEAD', '--out', out, '--format', 'html,md'], repo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(fixturesDir, 'diff-whole', 'output.txt'), 'utf8'));
    expect(result.stderr).toBe(`Wrote changelog-start-v2.html, changelog-start-v2.md to ${out}\n`);
    expect(readdirSync(out).sort()).toEqual(['changelog-start-v2.html', 'changelog-start-v2.md']);
    expectFixture('whole', 'changelog.md', readFileSync(path.join(out, 'changelog-start-v2.md'), 'utf8'));
    const html = readFileSync(path.join(out, 'changelog-start-v2.html'), 'utf8');
    expect(html).toContain('<h1>Changes from start to v2</h1>');
    expect(html).toContain('leaves <del>every piece</del><ins>each part</ins> they touch');
    expect(html).toContain(
      '<span class="code">SW4</span> Senior Steward 4 <span class="status">Re-coded from ST4</span> <span class="status">Renamed from Steward 4</span>',
    );
    expect(html).toContain('<th scope="row">Positions re-coded</th><td>2</td>');
  });

  it('speaks the newer version\u2019s language', async () => {
    const frenchRepo = path.join(scratch, 'french');
    git('worktree', 'add', '--quiet', '-b', 'french', frenchRepo, 'HEAD');
    const readme = path.join(frenchRepo, 'ladders', 'README.md');
    writeFileSync(readme, '---\nlocale: fr\n---\n' + readFileSync(readme, 'utf8'));
    const out = path.join(scratch, 'changelog-fr');
    const result = await run(['diff', 'start', 'ladders', '--out', out, '--format', 'md'], frenchRepo);
    expect(result.code, result.stderr).toBe(0);
    const page = readFileSync(path.join(out, 'changelog-start-ladders.md'), 'utf8');
    expect(page).toContain('# Modifications de start à ladders\n');
    expect(page).toContain('### SW4 Senior Steward 4 · Anciennement ST4 · Anciennement Steward 4\n');
  });

  it('prints the PDF, with its text and title, and writes nothing when the ladder has errors', async () => {
    const out = path.join(scratch, 'changelog-pdf');
    const result = await run(['diff', 'start', 'HEAD', '--out', out, '--format', 'pdf'], repo, { ...process.env, SOURCE_DATE_EPOCH: '' });
    expect(result.code, result.stderr).toBe(0);
    const { text, info } = await readPdf(path.join(out, 'changelog-start-v2.pdf'));
    expect(info.Title).toBe('Changes from start to v2');
    expect(text).toContain('Positions it touches');
    expect(text).toContain('Re-coded from ST4');
    const failed = path.join(scratch, 'changelog-failed');
    const broken = await run(['diff', 'HEAD', 'broken', '--out', failed], repo);
    expect(broken.code).toBe(1);
    expect(existsSync(failed)).toBe(false);
  });
});
