import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ciWorkflow } from '../src/init/ci-workflow.js';
import { dependencyAsInstalled } from '../src/init/ladders-dependency.js';
import { toolVersion } from '../src/tool-version.js';
import { documentation } from './support/readme.js';
import { run } from './support/run.js';
import { scaffoldPaths as scaffold } from './support/scaffold.js';
import { listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, CI: 'true' };
// A stand-in for the tarball `npm pack` makes: init only checks that it is gzip and copies it.
const tarball = gzipSync('a packed ladders');
writeFileSync(path.join(scratch, `ladders-${toolVersion}.tgz`), tarball);
const from = ['--from', `ladders-${toolVersion}.tgz`];

describe('ladders init', () => {
  it('writes a new ladder repository into a new folder, and lists what it wrote', async () => {
    const result = await run(['init', 'handbook', ...from], scratch, env);
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

  it('has ladders as a dev dependency, scripts for check and build, out/ ignored and the documented workflow', () => {
    const handbook = path.join(scratch, 'handbook');
    const manifest = JSON.parse(readFileSync(path.join(handbook, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'handbook',
      private: true,
      scripts: { check: 'ladders check --strict', build: 'ladders build' },
      devDependencies: { ladders: `file:vendor/ladders-${toolVersion}.tgz` },
    });
    expect(readFileSync(path.join(handbook, 'vendor', `ladders-${toolVersion}.tgz`))).toEqual(tarball);
    expect(JSON.parse(readFileSync(path.join(handbook, 'ladders.config.json'), 'utf8'))).toMatchObject({
      $schema: './node_modules/ladders/schemas/ladders.config.schema.json',
    });
    expect(readFileSync(path.join(handbook, '.gitignore'), 'utf8').split('\n')).toContain('out/');
    const docs = documentation(repoRoot).map(({ text }) => text);
    expect(docs.join('\n')).toContain('```yaml\n' + ciWorkflow + '```');
  });

  it('links the framework page to the one role the repository has', () => {
    const framework = readFileSync(path.join(scratch, 'handbook', 'ladders', 'README.md'), 'utf8');
    expect([...framework.matchAll(/\]\(([^)]+\.md)\)/g)].map((match) => match[1])).toEqual(['engineering-manager.md']);
  });

  it('writes into the working folder when it is empty', async () => {
    const here = path.join(scratch, 'Our Ladder');
    mkdirSync(here);
    const result = await run(['init', '--from', `../ladders-${toolVersion}.tgz`], here, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Wrote a new ladder repository to this folder:\n/);
    expect(result.stdout).toMatch(/\nNext: `npm install` \(it installs ladders from the tarball `vendor\/ladders-[^`]+\.tgz`;/);
    expect(listTree(here)).toEqual(scaffold);
    expect(JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'))).toMatchObject({ name: 'our-ladder' });
  });

  it('refuses a folder that is not empty, naming it, and changes nothing (exit 2)', async () => {
    const taken = path.join(scratch, 'taken');
    mkdirSync(taken);
    writeFileSync(path.join(taken, 'notes.txt'), 'mine');
    const result = await run(['init', 'taken', ...from], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ladders: the folder `taken` is not empty;/);
    expect(listTree(taken)).toEqual(['notes.txt']);
  });

  it('refuses a file in place of the folder (exit 2)', async () => {
    writeFileSync(path.join(scratch, 'a-file'), '');
    const result = await run(['init', 'a-file', ...from], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: `a-file` is a file, not a folder/);
  });

  it('exits 3 and leaves nothing behind when the folder cannot be made', async () => {
    writeFileSync(path.join(scratch, 'blocker'), 'a file where a folder would go');
    const result = await run(['init', 'blocker/handbook', ...from], scratch, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: cannot write the new repository into `blocker\/handbook`: /);
    expect(readFileSync(path.join(scratch, 'blocker'), 'utf8')).toBe('a file where a folder would go');
  });

  it('takes one folder at most (exit 2)', async () => {
    const result = await run(['init', 'one', 'two'], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: unexpected argument `two`/);
  });

  it('writes a git URL given with `--from` as it is, and copies no tarball', async () => {
    const url = 'git+https://example.org/tools/ladders.git#v0.1.0';
    const result = await run(['init', 'from-git', '--from', url], scratch, env);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(scratch, 'from-git', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ devDependencies: { ladders: url } });
    expect(listTree(path.join(scratch, 'from-git'))).not.toContain(`vendor/ladders-${toolVersion}.tgz`);
  });

  it('refuses a `--from` that is neither a git URL nor a tarball, or a tarball that is not gzip (exit 2)', async () => {
    const notSpec = await run(['init', 'nope', '--from', 'ladders@latest'], scratch, env);
    expect(notSpec.code).toBe(2);
    expect(notSpec.stderr).toMatch(/^ladders: `--from ladders@latest` must be a git URL .* or a tarball made by `npm pack`/);
    writeFileSync(path.join(scratch, 'plain.tgz'), 'not gzip');
    const notGzip = await run(['init', 'nope', '--from', 'plain.tgz'], scratch, env);
    expect(notGzip.code).toBe(2);
    expect(notGzip.stderr).toMatch(/^ladders: `--from plain.tgz` is not a tarball made by `npm pack`/);
    const missing = await run(['init', 'nope', '--from', 'gone.tgz'], scratch, env);
    expect(missing.stderr).toMatch(/^ladders: `--from gone.tgz`: no such file/);
    expect(listTree(scratch)).not.toContain('nope');
  });

  it('without `--from`, refuses when it cannot tell how this ladders was installed, as in a checkout (exit 2)', async () => {
    const result = await run(['init', 'unknown'], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: cannot tell how this ladders was installed, .* give `--from` a git URL or a tarball/);
  });

  it('`--from` belongs to init alone (exit 2)', async () => {
    const result = await run(['check', '--from', 'x.tgz'], scratch, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ladders: `--from` applies to `init` only/);
  });
});

describe('how the running ladders was installed, from the lockfile of the project it sits in', () => {
  /** A project with ladders in node_modules, whose hidden lockfile says it was resolved from `resolved`. */
  function installedFrom(name: string, resolved: string): string {
    const project = path.join(scratch, name);
    const packageDir = path.join(project, 'node_modules', 'ladders');
    mkdirSync(packageDir, { recursive: true });
    const lock = { lockfileVersion: 3, packages: { 'node_modules/ladders': { version: toolVersion, resolved } } };
    writeFileSync(path.join(project, 'node_modules', '.package-lock.json'), JSON.stringify(lock));
    return packageDir;
  }

  it('a git URL, pinned to the commit it was installed at', async () => {
    const resolved = 'git+ssh://git@example.org/tools/ladders.git#0123456789abcdef0123456789abcdef01234567';
    expect(await dependencyAsInstalled(installedFrom('by-git', resolved))).toEqual({ spec: resolved, vendored: null });
  });

  it('a tarball, relative to the project, which the new repository keeps a copy of', async () => {
    const dependency = await dependencyAsInstalled(installedFrom('by-tarball', `file:../ladders-${toolVersion}.tgz`));
    expect(dependency).toEqual({
      spec: `file:vendor/ladders-${toolVersion}.tgz`,
      vendored: { path: `vendor/ladders-${toolVersion}.tgz`, content: tarball },
    });
  });

  it('the registry, only when the lockfile shows it came from there; otherwise unknown', async () => {
    const registry = `https://registry.example.org/ladders/-/ladders-${toolVersion}.tgz`;
    expect(await dependencyAsInstalled(installedFrom('by-registry', registry))).toEqual({ spec: `^${toolVersion}`, vendored: null });
    expect(await dependencyAsInstalled(installedFrom('by-gone-tarball', 'file:../gone.tgz'))).toBeNull();
    expect(await dependencyAsInstalled(installedFrom('by-folder', 'file:../ladders-checkout'))).toBeNull();
    expect(await dependencyAsInstalled(repoRoot)).toBeNull();
  });
});
