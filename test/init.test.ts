import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ciWorkflow } from '../src/init/ci-workflow.js';
import { toolVersion } from '../src/tool-version.js';
import { run } from './support/run.js';
import { scaffoldPaths as scaffold } from './support/scaffold.js';
import { listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, CI: 'true' };

describe('ladders init', () => {
  it('writes a new ladder repository into a new folder, and lists what it wrote', async () => {
    const result = await run(['init', 'handbook'], scratch, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Wrote a new ladder repository to handbook:\n/);
    for (const file of scaffold) expect(result.stdout).toContain(`  ${file}\n`);
    expect(listTree(path.join(scratch, 'handbook'))).toEqual(scaffold);
  });

  it('the repository passes `check --strict` and builds, with its own configuration', async () => {
    const handbook = path.join(scratch, 'handbook');
    const check = await run(['check', '--strict'], handbook, env);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toBe('1 role, 3 positions: no problems\n');
    const build = await run(['build', '--format', 'md,html'], handbook, env);
    expect(build.code, build.stderr).toBe(0);
    expect(listTree(path.join(handbook, 'out'))).toEqual(expect.arrayContaining(['engineering-manager/em6.html', 'index.html']));
  });

  it('has ladders as a dev dependency, scripts for check and build, out/ ignored and the README workflow', () => {
    const handbook = path.join(scratch, 'handbook');
    const manifest = JSON.parse(readFileSync(path.join(handbook, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'handbook',
      private: true,
      scripts: { check: 'ladders check --strict', build: 'ladders build' },
      devDependencies: { ladders: `^${toolVersion}` },
    });
    expect(readFileSync(path.join(handbook, '.gitignore'), 'utf8').split('\n')).toContain('out/');
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('```yaml\n' + ciWorkflow + '```');
  });

  it('links the framework page to the one role the repository has', () => {
    const framework = readFileSync(path.join(scratch, 'handbook', 'ladders', 'README.md'), 'utf8');
    expect([...framework.matchAll(/\]\(([^)]+\.md)\)/g)].map((match) => match[1])).toEqual(['engineering-manager.md']);
  });

  it('writes into the working folder when it is empty', async () => {
    const here = path.join(scratch, 'Our Ladder');
    mkdirSync(here);
    const result = await run(['init'], here, env);
    expect(result.code, result.stderr).toBe(0);
    expect(listTree(here)).toEqual(scaffold);
    expect(JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'))).toMatchObject({ name: 'our-ladder' });
  });

  it('refuses a folder that is not empty, naming it, and changes nothing (exit 2)', async () => {
    const taken = path.join(scratch, 'taken');
    mkdirSync(taken);
    writeFileSync(path.join(taken, 'notes.txt'), 'mine');
    const result = await run(['init', 'taken'], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ladders: the folder `taken` is not empty;/);
    expect(listTree(taken)).toEqual(['notes.txt']);
  });

  it('refuses a file in place of the folder (exit 2)', async () => {
    writeFileSync(path.join(scratch, 'a-file'), '');
    const result = await run(['init', 'a-file'], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: `a-file` is a file, not a folder/);
  });

  it('exits 3 and leaves nothing behind when the folder cannot be made', async () => {
    writeFileSync(path.join(scratch, 'blocker'), 'a file where a folder would go');
    const result = await run(['init', 'blocker/handbook'], scratch, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: cannot write the new repository into `blocker\/handbook`: /);
    expect(readFileSync(path.join(scratch, 'blocker'), 'utf8')).toBe('a file where a folder would go');
  });

  it('takes one folder at most (exit 2)', async () => {
    const result = await run(['init', 'one', 'two'], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: unexpected argument `two`/);
  });
});
