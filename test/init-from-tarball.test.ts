import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../src/tool-version.js';
import { runAction } from './support/run-action.js';
import { listTree } from './support/tree.js';

// A new repository as a user makes it, on a copy outside this one: `init --from` the packed tarball,
// then, in the new repository, its workflow's `npm ci` (offline, from the npm cache), `npm run check`,
// `npm run build`, and the workflow's ladders step, the action run from the installed package. One
// step a test, in order. `npm pack` packs `dist/` as it is: `npm test` builds it first.

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-new-repository-'));
const handbook = path.join(scratch, 'handbook');
const vendored = `vendor/ladders-${toolVersion}.tgz`;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Nested npm commands must not see the settings of the `npm test` that runs this file; the network is
// not there, so npm is told to take everything from its cache, as the environment of a runner could.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
  CI: 'true',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};
const exec = promisify(execFile);

/** Run a command to its end; its exit code and output, never a rejection. */
async function sh(command: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let tarball = '';

beforeAll(async () => {
  const packed = await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], repoRoot);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = path.join(scratch, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
});

interface LockEntry {
  dev?: boolean;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: object;
  engines?: object;
}

/**
 * The package-lock.json that `npm install` writes in the new repository, and its owner commits. Made
 * here from this repository's lockfile, since the npm cache holds the packages' tarballs but not the
 * registry's documents a fresh resolution reads: ladders from the vendored tarball, by its hash, and
 * below it exactly the production entries of this lockfile, each a dev dependency of the new repository.
 */
function writeLockfile(): void {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const own = lock.packages[''] ?? {};
  const manifest = JSON.parse(readFileSync(path.join(handbook, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    devDependencies: object;
  };
  const spec = `file:${vendored}`;
  const integrity = `sha512-${createHash('sha512')
    .update(readFileSync(path.join(handbook, vendored)))
    .digest('base64')}`;
  const packages: Record<string, object> = {
    '': { name: manifest.name, version: manifest.version, devDependencies: manifest.devDependencies },
    'node_modules/ladders': {
      version: toolVersion,
      resolved: spec,
      integrity,
      dev: true,
      ...pick(own, ['license', 'dependencies', 'bin', 'engines']),
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev) packages[key] = { ...entry, dev: true };
  const lockfile = { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages };
  writeFileSync(path.join(handbook, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
}

function pick(entry: LockEntry, keys: (keyof LockEntry)[]): Partial<LockEntry> {
  return Object.fromEntries(keys.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
}

interface WorkflowStep {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
const workflowSteps = () =>
  (
    parse(readFileSync(path.join(handbook, '.github', 'workflows', 'ladders.yml'), 'utf8')) as {
      jobs: { handouts: { steps: WorkflowStep[] } };
    }
  ).jobs.handouts.steps;

describe('a new repository made with `init --from` a packed tarball', () => {
  it('keeps a copy of the tarball and names it as its dev dependency', async () => {
    const init = await sh(
      'node',
      [path.join(repoRoot, 'dist', 'cli.js'), 'init', 'handbook', '--from', path.relative(scratch, tarball)],
      scratch,
    );
    expect(init.code, init.stderr).toBe(0);
    expect(listTree(handbook)).toContain(vendored);
    // Compared as bytes by Buffer itself: a deep equality of 21 million elements takes minutes.
    expect(readFileSync(path.join(handbook, vendored)).equals(readFileSync(tarball))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(handbook, 'package.json'), 'utf8')) as { devDependencies: object };
    expect(manifest.devDependencies).toEqual({ ladders: `file:${vendored}` });
    writeLockfile();
  });

  it('installs with its workflow’s `npm ci`, offline from the cache', async () => {
    const commands = workflowSteps().flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(commands).toEqual(['npm ci']);
    const install = await sh('bash', ['-eo', 'pipefail', '-c', commands.join('\n')], handbook);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toMatch(/^\s*added \d+ packages/);
    expect(existsSync(path.join(handbook, 'node_modules', 'ladders', 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(path.join(handbook, 'node_modules', 'ladders', 'schemas', 'ladders.config.schema.json'))).toBe(true);
    // A hang detector, not a budget: npm unpacks the whole tree here, about 200 MB, on a busy machine.
  }, 180_000);

  it('passes `npm run check`', async () => {
    const check = await sh('npm', ['run', '--silent', 'check'], handbook);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toBe('1 role, 3 positions: no problems\n');
  });

  it('builds with `npm run build`', async () => {
    // Printing every PDF is what the PDF tests check; here the configuration leaves PDF out, as a reader's may.
    const configFile = path.join(handbook, 'ladders.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as object;
    writeFileSync(configFile, JSON.stringify({ ...config, formats: ['html', 'md'] }, null, 2));
    const build = await sh('npm', ['run', '--silent', 'build'], handbook);
    expect(build.code, build.stderr).toBe(0);
    expect(listTree(path.join(handbook, 'out'))).toEqual(expect.arrayContaining(['index.html', 'engineering-manager/em6.md']));
  });

  it('passes its workflow’s ladders step, the action run from the installed package', async () => {
    const steps = workflowSteps().filter((step) => step.uses !== undefined);
    expect(steps.map((step) => step.uses)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      './node_modules/ladders',
      'actions/upload-artifact@v4',
    ]);
    const ladders = steps[2]!;
    const summary = path.join(scratch, 'step-summary.md');
    const actionEnv = { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    const results = await runAction(path.join(handbook, ladders.uses!), handbook, ladders.with ?? {}, actionEnv);
    expect(results.map((step) => [step.name, step.code, step.stderr])).toEqual([
      ['Install ladders', 0, ''],
      ['Check and build', 0, ''],
    ]);
    expect(readFileSync(summary, 'utf8')).toMatch(/^### ladders check passed\n[\s\S]*\n### ladders build passed\n\nOutput folder `out`: /);
  });
});
