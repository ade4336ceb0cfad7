import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentation, readmeCommands, splitWords } from './support/readme.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const pages = documentation(repoRoot);
const workspace = mkdtempSync(path.join(tmpdir(), 'ladders-readme-'));
cpSync(path.join(repoRoot, 'ladders'), path.join(workspace, 'ladders'), { recursive: true });
// Here each command only has to be shown to run as written; printing every handout, again and again,
// is what the PDF tests check. So the workspace's configuration leaves PDF out of the default formats,
// as a reader's own configuration may: a command that asks for PDF (`--format pdf`) still prints it.
writeFileSync(path.join(workspace, 'ladders.config.json'), JSON.stringify({ formats: ['html', 'md'] }));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
// `ladders diff` reads revisions of a git repository: the workspace is one, with the tag and the
// remote branch the documentation's examples name, so that they run as a reader's would.
for (const args of [
  ['init', '--quiet'],
  ['add', '-A'],
  ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '--quiet', '-m', 'ladders'],
  ['tag', 'v1'],
  ['update-ref', 'refs/remotes/origin/main', 'HEAD'],
])
  execFileSync('git', args, { cwd: workspace });

// Not run here: installing, and the test suite itself, are what CI runs; bench and pictures take minutes.
const notLadders = ['npm ci', 'npm test', 'npm run bench', 'npm run pictures'];

// The commands of `sh` blocks and workflows, on the README and then on each page of the manual in the
// order the README links them; the `console` samples, with their output, are test/readme-samples.test.ts's.
const commands = pages.flatMap(({ text }) => readmeCommands(text, ['sh', 'yaml']));

describe('every command the README and the manual show', () => {
  it('comes from every page of the manual: the README links each page in docs/', () => {
    const manual = readdirSync(path.join(repoRoot, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages.map(({ page }) => page).sort()).toEqual(['README.md', ...manual.map((name) => `docs/${name}`)].sort());
  });

  it('is a ladders command, or one CI runs', () => {
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) if (!command.startsWith('npx ladders ')) expect(notLadders).toContain(command);
  });

  it.each(commands.filter((command) => command.startsWith('npx ladders ')).map((command) => [command]))(
    'runs as shown: %s',
    async (command) => {
      // In a copy of the project, in the order the pages give, as a reader would.
      // A workflow step may send what a command prints into a file (`> file`), as a shell would.
      const words = splitWords(command).slice(2);
      const redirect = words.indexOf('>');
      const result = await run(redirect === -1 ? words : words.slice(0, redirect), workspace, {
        ...process.env,
        SOURCE_DATE_EPOCH: '',
        CI: 'true',
      });
      expect(result.code, result.stderr).toBe(0);
      const target = redirect === -1 ? undefined : words[redirect + 1];
      if (target) writeFileSync(path.join(workspace, target), result.stdout);
    },
  );
});
