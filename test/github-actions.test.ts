import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { formatMessages } from '../src/format-messages.js';
import { afterAll, describe, expect, it } from 'vitest';
import { toWorkflowCommand } from '../src/workflow-command.js';
import { scaffoldFiles } from '../src/init/scaffold-files.js';
import { toolVersion } from '../src/tool-version.js';
import { runAction } from './support/run-action.js';
import { run } from './support/run.js';

// On GitHub Actions (GITHUB_ACTIONS=true) every message is also a workflow command, and check, build
// and diff add to the job's summary; elsewhere nothing changes. Then the repository's action.yml, its
// steps run as a runner would, with the variables and a step-summary file of a simulated job.

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-github-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let workspaces = 0;
/** A repository made by `init` (one role, three positions, Markdown only), with `broken` pages' text replacing theirs. */
async function workspace(broken: Record<string, string> = {}): Promise<{ dir: string; summary: string; env: NodeJS.ProcessEnv }> {
  const dir = path.join(scratch, `workspace-${++workspaces}`);
  for (const file of await scaffoldFiles('handbook', { spec: 'file:vendor/ladders.tgz', vendored: null })) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  writeFileSync(path.join(dir, 'ladders.config.json'), JSON.stringify({ ladders: 'ladders', out: 'out', formats: ['md'] }));
  for (const [file, text] of Object.entries(broken)) writeFileSync(path.join(dir, file), text);
  const summary = path.join(dir, '..', `summary-${workspaces}.md`);
  return { dir, summary, env: { ...process.env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } };
}

const role = 'ladders/engineering-manager.md';
/** The shipped role with a misspelt front matter key: one error, at line 2. */
const misspelt = () => ({
  [role]: `---\ntitel: Managers\n---\n${readFileSync(path.join(repoRoot, 'ladders', 'engineering-manager.md'), 'utf8')}`,
});
const annotation =
  '::error file=ladders/engineering-manager.md,line=2,col=1,title=unknown-front-matter-key::Unknown front matter key `titel`';

describe('workflow commands', () => {
  it('escape %, CR and LF in the text, and also : and , in the properties, as GitHub reads them', () => {
    const message = new VFileMessage('100% sure\r\nnext: line, end', { place: { line: 3, column: 7 }, ruleId: 'a-rule' });
    message.file = 'odd, name:1.md';
    message.fatal = false;
    expect(toWorkflowCommand(message)).toBe(
      '::warning file=odd%2C name%3A1.md,line=3,col=7,title=a-rule::100%25 sure%0D%0Anext: line, end',
    );
  });
});

describe('ladders on GitHub Actions', () => {
  it('check prints each message also as an annotation, and adds the counts and problems to the job summary', async () => {
    const { dir, summary, env } = await workspace(misspelt());
    const result = await run(['check'], dir, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`ladders/engineering-manager.md:2:1: error Unknown front matter key \`titel\``);
    expect(result.stdout).toContain(`\n${annotation}`);
    const written = readFileSync(summary, 'utf8');
    expect(written).toMatch(
      /^### ladders check failed\n\n1 role, 3 positions: 1 error, 0 warnings\n\n- error `ladders\/engineering-manager.md:2:1` Unknown/,
    );
    expect(written).toContain('(`unknown-front-matter-key`)');
  });

  it('leaves messages formatted after the command without annotations', async () => {
    const { dir, env } = await workspace(misspelt());
    await run(['check'], dir, env);
    const file = new VFile({ path: 'a.md' });
    file.message('plain', { place: { line: 1, column: 1 }, ruleId: 'a-rule' });
    expect(formatMessages([file])).toBe('a.md:1:1: warning plain [a-rule]\n');
  });

  it('elsewhere prints no annotation and writes no summary, even with GITHUB_STEP_SUMMARY set', async () => {
    const { dir, summary, env } = await workspace(misspelt());
    const result = await run(['check'], dir, { ...env, GITHUB_ACTIONS: '' });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('::');
    expect(existsSync(summary)).toBe(false);
  });

  it('check --format sarif prints a SARIF 2.1.0 log alone, the annotations going to stderr', async () => {
    const { dir, env } = await workspace(misspelt());
    const result = await run(['check', '--format', 'sarif'], dir, env);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; version: string } }; results: object[] }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'ladders', version: toolVersion, rules: [{ id: 'unknown-front-matter-key' }] });
    expect(log.runs[0]?.results).toEqual([
      {
        ruleId: 'unknown-front-matter-key',
        ruleIndex: 0,
        level: 'error',
        message: { text: expect.stringMatching(/^Unknown front matter key `titel`/) as string },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'ladders/engineering-manager.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 2, startColumn: 1 },
            },
          },
        ],
      },
    ]);
    expect(result.stderr).toContain(annotation);
  });

  it('check refuses a format it does not print (exit 2)', async () => {
    const { dir, env } = await workspace();
    const result = await run(['check', '--format', 'pdf'], dir, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: unknown format `pdf`, expected `text` or `sarif`/);
  });

  it('build adds what it wrote, and where, to the job summary', async () => {
    const { dir, summary, env } = await workspace();
    const result = await run(['build', '--quiet'], dir, env);
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(summary, 'utf8');
    expect(written).toMatch(
      /^### ladders build passed\n\nOutput folder `out`: \d+ written, 0 current, 0 removed; 0 errors, 0 warnings\.\n/,
    );
    expect(written).toContain('- `engineering-manager/em6.md`');
  });

  it('diff adds the counts and the changes, folded, to the job summary', async () => {
    const { dir, summary, env } = await workspace();
    cpSync(path.join(dir, 'ladders'), path.join(dir, 'before'), { recursive: true });
    const page = path.join(dir, role);
    writeFileSync(page, readFileSync(page, 'utf8').replace('# Engineering Manager\n', '# Engineering Lead\n'));
    const result = await run(['diff', 'before', 'ladders'], dir, env);
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(summary, 'utf8');
    expect(written).toMatch(/^### ladders diff `before` → `ladders`\n\n1 role changed/);
    expect(written).toContain('<details><summary>What changed</summary>');
  });
});

describe('the action, its steps run as a runner would', () => {
  it('checks, fails the job with exit 1, and puts each problem on its line and in the summary', async () => {
    const { dir, summary, env } = await workspace(misspelt());
    const steps = await runAction(repoRoot, dir, { ladders: 'ladders' }, env);
    expect(steps.map((step) => [step.name, step.code])).toEqual([
      ['Install ladders', 0],
      ['Check and build', 1],
    ]);
    expect(steps[0]?.stdout).toBe(`ladders ${toolVersion}, from ${repoRoot}\n`);
    expect(steps[1]?.stdout).toContain(annotation);
    expect(readFileSync(summary, 'utf8')).toMatch(/^### ladders check failed\n/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('with check-only, checks and builds nothing', async () => {
    const { dir, summary, env } = await workspace();
    const steps = await runAction(repoRoot, dir, { 'check-only': 'true' }, env);
    expect(steps.map((step) => step.code)).toEqual([0, 0]);
    expect(readFileSync(summary, 'utf8')).toMatch(/^### ladders check passed\n\n1 role, 3 positions: no problems\n/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('builds one shard into the output folder it is given, and says so in the summary', async () => {
    const { dir, summary, env } = await workspace();
    const steps = await runAction(repoRoot, dir, { out: 'slices', shard: '1/2' }, env);
    expect(steps.map((step) => [step.code, step.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(existsSync(path.join(dir, 'slices', '.ladders-manifest-1-of-2.json'))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/\n### ladders build passed\n\nOutput folder `slices`, shard 1\/2: [1-9]\d* written/);
  });

  it('refuses an input that is not true or false, as an annotation (exit 2)', async () => {
    const { dir, env } = await workspace();
    const steps = await runAction(repoRoot, dir, { 'check-only': 'yes' }, env);
    expect(steps[1]?.code).toBe(2);
    expect(steps[1]?.stdout).toBe("::error title=ladders::the input LADDERS_CHECK_ONLY must be true or false, not 'yes'\n");
  });
});
