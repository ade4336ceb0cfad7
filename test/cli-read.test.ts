import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('ladders check', () => {
  it('passes the shipped ladders with a summary line', async () => {
    const result = await run(['check'], repoRoot);
    expect(result).toEqual({ code: 0, stdout: '4 roles, 18 positions: no problems\n', stderr: '' });
  });

  it('names file, line and column of a misspelt keyword and exits 1', async () => {
    const page = readFileSync(path.join(repoRoot, 'ladders', 'engineering-manager.md'), 'utf8').replace('**Adjusts**', '**Ajusts**');
    writeFileSync(path.join(scratch, 'engineering-manager.md'), page);
    const result = await run(['check', '--ladders', scratch], scratch);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'engineering-manager.md:18:3: error Unexpected keyword `Ajusts`, expected one of `Follows`, `Enforces`, `Challenges`, `Adjusts`, `Defines`; did you mean `Adjusts`? [unknown-keyword]',
    );
    // The role with the error still counts: the summary says what the pages hold, not what was read without errors.
    expect(result.stdout).toMatch(/\n1 role, 3 positions: 1 error, 0 warnings\n$/);
  });

  it('fails on warnings only with --strict', async () => {
    const page = readFileSync(path.join(repoRoot, 'ladders', 'engineering-manager.md'), 'utf8').replace(
      '* **Team**: makes an impact on the whole team, not just on specific parts of it\n\n## EM6',
      '* **Team**:\n\n## EM6',
    );
    writeFileSync(path.join(scratch, 'engineering-manager.md'), page);
    expect((await run(['check', '--ladders', scratch], scratch)).code).toBe(0);
    const strict = await run(['check', '--ladders', scratch, '--strict'], scratch);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning `EM5` gives no description for `Team` [empty-description]');
  });

  it('reports a missing folder as a usage error, exit 2', async () => {
    const result = await run(['check', '--ladders', 'no-such-folder'], scratch);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ladders: the ladder folder `no-such-folder` does not exist; give the folder of ladder pages with `--ladders DIR`\nRun `ladders --help` for usage.\n',
    );
  });

  it('names a missing folder outside the working folder as typed, not as a climb of ../', async () => {
    const missing = path.join(path.parse(scratch).root, 'no-such-ladders', 'ladders');
    const result = await run(['check', '--ladders', missing], scratch);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `ladders: the ladder folder \`${missing}\` does not exist; give the folder of ladder pages with \`--ladders DIR\``,
    );
  });
});

describe('ladders model', () => {
  it('prints the model as JSON with 4 roles and 18 positions', async () => {
    const result = await run(['model'], repoRoot);
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as { roles: { positions: unknown[] }[]; framework: object };
    expect(model.roles).toHaveLength(4);
    expect(model.roles.flatMap((role) => role.positions)).toHaveLength(18);
    expect(Object.keys(model)).toEqual(['schemaVersion', 'framework', 'roles', 'guides']);
    expect(Object.keys(model.framework)).toEqual(['title', 'summary', 'version', 'firstSeniorLevel', 'locale', 'competencies', 'source']);
  });

  it('prints the same bytes every time', async () => {
    expect((await run(['model'], repoRoot)).stdout).toBe((await run(['model'], repoRoot)).stdout);
  });

  it('prints no model when the ladders have errors', async () => {
    writeFileSync(path.join(scratch, 'engineering-manager.md'), '## EM5 - Engineering Manager 5\n\n* **Nope**: x\n');
    const result = await run(['model', '--ladders', scratch], scratch);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('[unknown-keyword]');
  });
});

describe('usage', () => {
  it.each([
    [['check', '--bogus'], "ladders: Unknown option '--bogus'"],
    [['frobnicate'], 'ladders: unknown command `frobnicate`'],
    [['model', '--strict'], 'ladders: `--strict` applies to `check` only'],
    [['check', 'extra'], 'ladders: unexpected argument `extra`'],
    [[], 'Usage: ladders <command>'],
    // A mistyped name gets the nearest one.
    [['biuld'], 'ladders: unknown command `biuld`; did you mean `build`?'],
    [['build', '--fromat', 'pdf'], "ladders: Unknown option '--fromat'; did you mean `--format`?"],
    [['check', '--ladder', 'docs'], "ladders: Unknown option '--ladder'; did you mean `--ladders`?"],
    [['build', '--format', 'htm'], 'ladders: unknown format `htm`; did you mean `html`?'],
    [['build', '--paper', 'leter'], 'ladders: unknown paper `leter`; did you mean `letter`?'],
    [['build', '--variant', 'reviews'], 'ladders: unknown variant `reviews`; did you mean `review`?'],
    [['build', '--variant', 'worksheet'], 'ladders: unknown variant `worksheet`, expected `handout` or `review`'],
  ])('%j is a usage error with exit 2', async (args, message) => {
    const result = await run(args, repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('--help prints the usage with exit 0', async () => {
    const result = await run(['--help'], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}check {3}/m);
  });
});

describe('the installed command', () => {
  it('runs as `npx ladders` in the project and exits with the check result', async () => {
    const npx = (args: string[]) => promisify(execFile)('npx', ['--no-install', 'ladders', ...args], { cwd: repoRoot });
    expect((await npx(['check'])).stdout).toBe('4 roles, 18 positions: no problems\n');
    const broken = path.join(scratch, 'broken');
    mkdirSync(broken);
    const page = readFileSync(path.join(repoRoot, 'ladders', 'engineering-manager.md'), 'utf8').replace('**Adjusts**', '**Ajusts**');
    writeFileSync(path.join(broken, 'engineering-manager.md'), page);
    const failure = await npx(['check', '--ladders', broken]).catch((error: { code: number }) => error);
    expect(failure).toMatchObject({ code: 1 });
  });
});
