import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../src/tool-version.js';
import { readPdf } from './support/pdf.js';
import { scaffoldPaths } from './support/scaffold.js';
import { listTree } from './support/tree.js';

// The package as a user gets it: `npm pack`, installed into an empty project with no network, then
// `npx ladders init` and the new repository checked and built with the installed command. One step a
// test, in order. `npm pack` packs `dist/` as it is: `npm test` builds it first.

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-install-'));
const project = path.join(scratch, 'project');
const handbook = path.join(scratch, 'handbook');
const installed = path.join(project, 'node_modules', '.bin', 'ladders');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Nested npm commands must not see the settings of the `npm test` that runs this file.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const exec = promisify(execFile);

/** Run a command to its end; its exit code and output, never a rejection. */
async function sh(command: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env: { ...env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let tarball = '';
let packedFiles: string[] = [];

beforeAll(async () => {
  const packed = await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], repoRoot);
  expect(packed.code, packed.stderr).toBe(0);
  const [summary] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(scratch, summary!.filename);
  packedFiles = summary!.files.map((file) => file.path);
});

interface LockEntry {
  dev?: boolean;
  version?: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  bin?: object;
  engines?: object;
}

/**
 * This repository's lockfile. `npm ci` leaves only the packages' tarballs in the npm cache, not the
 * registry's documents npm would need to resolve their version ranges afresh; so, as a project that
 * commits its lockfile does, the new project pins every dependency — taken from this lockfile, whose
 * production entries are exactly the tarball's dependency tree — and npm installs each from the cache
 * by its integrity hash.
 */
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const ownEntry = lock.packages[''] ?? {};
/** The tarball's dependency tree, by path under the project: every production entry of the lockfile. */
const dependencyTree = Object.fromEntries(Object.entries(lock.packages).filter(([key, entry]) => key !== '' && !entry.dev));

/** The entries of `dependencyTree` that `names` need: theirs, and those of everything they depend on. */
function subtreeOf(names: string[]): Record<string, LockEntry> {
  const needed = new Set<string>();
  for (let queue = [...names], name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (needed.has(name)) continue;
    needed.add(name);
    const entry = dependencyTree[`node_modules/${name}`];
    queue.push(
      ...Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies }).filter(
        (dependency) => `node_modules/${dependency}` in dependencyTree,
      ),
    );
  }
  // An entry nested under a needed package (`node_modules/a/node_modules/b`) goes with it.
  return Object.fromEntries(
    Object.entries(dependencyTree).filter(([key]) => needed.has(key.replace(/^node_modules\//, '').split('/node_modules/')[0] ?? '')),
  );
}

/** Give the project these direct dependencies, and a lockfile that pins them and all they depend on to `packages`. */
function writeProject(dependencies: Record<string, string>, packages: Record<string, LockEntry>): void {
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'project', private: true, dependencies }));
  const entries = { '': { name: 'project', dependencies }, ...packages };
  writeFileSync(
    path.join(project, 'package-lock.json'),
    JSON.stringify({ name: 'project', lockfileVersion: 3, requires: true, packages: entries }),
  );
}

describe('the packed tarball, installed offline into an empty project', () => {
  it('holds the command, the shipped ladders and templates, and no sources or tests', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/cli.js', 'ladders/README.md', 'templates/handout.html.hbs', 'package.json']));
    expect(packedFiles.filter((file) => /^(src|test|bench)\//.test(file))).toEqual([]);
    // The source maps stay in the repository's build: they were 66 files and 11 MB of the package.
    expect(packedFiles.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  // A user installs the tarball with one `npm install`; npm unpacks it and about twenty packages, most
  // of it the bundled Chromium (everything else the command runs is bundled into its own files). Here the
  // same install is made in two steps, each a test of its own: first the browser the command prints with,
  // then the tarball from the whole lockfile, as a user's install resolves it, which adds the rest.
  // Both are offline: every package comes from the local cache. The first step's packages sit where the
  // whole lockfile puts them, so the project ends with the tree a single install makes.
  const printing = ['@sparticuz/chromium'];

  it('installs the browser it prints with, the bundled Chromium, from the local cache', async () => {
    writeProject(Object.fromEntries(printing.map((name) => [name, ownEntry.dependencies?.[name] ?? ''])), subtreeOf(printing));
    const install = await sh('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
    expect(install.code, install.stderr).toBe(0);
    for (const dependency of printing)
      expect(existsSync(path.join(project, 'node_modules', dependency, 'package.json')), dependency).toBe(true);
    // A hang detector, not a budget: npm unpacks half the tree here, on a machine many times overloaded.
  }, 120_000);

  it('installs the tarball beside it, with every other dependency from the local cache', async () => {
    const spec = `file:${path.relative(project, tarball)}`;
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    const { version, license, dependencies, bin, engines } = ownEntry;
    writeProject(
      { ladders: spec },
      { 'node_modules/ladders': { version, resolved: spec, integrity, license, dependencies, bin, engines }, ...dependencyTree },
    );
    const install = await sh('npm', ['install', '--offline', '--no-audit', '--no-fund'], project);
    expect(install.code, install.stderr).toBe(0);
    for (const dependency of Object.keys(dependencies ?? {}))
      expect(existsSync(path.join(project, 'node_modules', dependency, 'package.json')), dependency).toBe(true);
    const installedVersion = await sh('npx', ['--offline', 'ladders', '--version'], project);
    expect(installedVersion.stdout).toBe(`${toolVersion}\n`);
    // A hang detector, not a budget: npm unpacks the other half of the tree here, on a machine many times overloaded.
  }, 120_000);

  it('`npx ladders init` writes a new repository, and refuses to write over it', async () => {
    const init = await sh('npx', ['--offline', 'ladders', 'init', '../handbook'], project);
    expect(init.code, init.stderr).toBe(0);
    expect(listTree(handbook)).toEqual(scaffoldPaths);
    // Without `--from`, as this ladders was installed: from the tarball, which the new repository keeps a copy of.
    const manifest = JSON.parse(readFileSync(path.join(handbook, 'package.json'), 'utf8')) as { devDependencies: object };
    expect(manifest.devDependencies).toEqual({ ladders: `file:vendor/${path.basename(tarball)}` });
    expect(readFileSync(path.join(handbook, 'vendor', path.basename(tarball))).equals(readFileSync(tarball))).toBe(true);
    const again = await sh('npx', ['--offline', 'ladders', 'init', '../handbook'], project);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the folder `../handbook` is not empty');
  });

  it('the new repository passes `check --strict`', async () => {
    const check = await sh(installed, ['check', '--strict'], handbook);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toBe('1 role, 3 positions: no problems\n');
  });

  it('builds its HTML and Markdown', async () => {
    const build = await sh(installed, ['build', '--format', 'md,html'], handbook);
    expect(build.code, build.stderr).toBe(0);
    expect(listTree(path.join(handbook, 'out'))).toEqual(
      expect.arrayContaining(['index.html', 'README.md', 'engineering-manager/em6.html', 'engineering-manager/em6.md']),
    );
  });

  it('prints a handout as PDF', async () => {
    const build = await sh(installed, ['build', '--only', 'EM6', '--variant', 'handout', '--format', 'pdf', '--out', 'pdf'], handbook);
    expect(build.code, build.stderr).toBe(0);
    const em6 = await readPdf(path.join(handbook, 'pdf', 'engineering-manager', 'em6.pdf'));
    expect(em6.text).toContain('EM6 — Engineering Manager 6');
  });
});
