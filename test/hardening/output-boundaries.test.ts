import { gzipSync } from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/plan/manifest.js';
import { lockOutFolder } from '../../src/write/lock-out-folder.js';
import { fillMarkdownWorksheet } from '../support/fill-worksheet.js';
import { run } from '../support/run.js';
import { hashTree, listTree } from '../support/tree.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-out-boundaries-'));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) execFileSync('umount', [mount]);
  rmSync(scratch, { recursive: true, force: true });
});
const env = { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '' };

/** A new repository made by `ladders init` in `<scratch>/<name>/repo`, so that `../../` from its `out` is `<scratch>/<name>`. */
async function newRepository(name: string): Promise<string> {
  const repo = path.join(scratch, name, 'repo');
  mkdirSync(path.dirname(repo), { recursive: true });
  // A tarball for `--from` (only copied, never installed here): run from a checkout, `init` cannot tell how ladders was installed.
  const tarball = path.join(scratch, 'ladders.tgz');
  writeFileSync(tarball, gzipSync('a packed ladders'));
  const result = await run(['init', repo, '--from', tarball], scratch, env);
  if (result.code !== 0) throw new Error(result.stderr);
  return repo;
}

// One repository built as Markdown, as a user leaves it after `npm run build`, copied for each test
// that needs one: the first build also loads the reader and the templates, which is no test's business.
let built = '';
beforeAll(async () => {
  built = await newRepository('built');
  const result = await run(['build', '--format', 'md'], built, env);
  if (result.code !== 0) throw new Error(result.stderr);
});

/** A copy of the built repository in `<scratch>/<name>/repo`. */
function builtRepository(name: string): string {
  const repo = path.join(scratch, name, 'repo');
  cpSync(built, repo, { recursive: true });
  return repo;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

function editManifest(repo: string, edit: (manifest: Manifest) => void, name = '.ladders-manifest.json'): void {
  const file = path.join(repo, 'out', name);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** Every entry below `dir`, links included, relative and sorted. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('the manifest is untrusted input', () => {
  it('never removes a file outside the output folder that an edited manifest lists, even with its right hash', async () => {
    const repo = builtRepository('tampered');
    const keep = path.join(repo, '..', 'keep-me.txt');
    writeFileSync(keep, 'mine\n');
    const page = path.join(repo, 'ladders', 'engineering-manager.md');
    const pageText = readFileSync(page, 'utf8');
    const listed = ['../../keep-me.txt', '../ladders/engineering-manager.md', keep, '..\\..\\keep-me.txt', 'a/\u0000/b', 'a//b', './x'];
    editManifest(repo, (manifest) => {
      manifest.outputs['../../keep-me.txt'] = { key: 'x', sha256: sha256('mine\n') };
      manifest.outputs['../ladders/engineering-manager.md'] = { key: 'x', sha256: sha256(pageText) };
      for (const file of listed.slice(2)) manifest.outputs[file] = { key: 'x', sha256: sha256('mine\n') };
      manifest.inputs = ''; // as a build cut short leaves it: the next one reads the ladder again
    });
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(keep, 'utf8')).toBe('mine\n');
    expect(readFileSync(page, 'utf8')).toBe(pageText);
    expect(result.stderr).toMatch(
      /^out\/\.ladders-manifest\.json:\d+:\d+: warning The manifest lists `\.\.\/\.\.\/keep-me\.txt`, which is not a path inside the output folder; .* \[unsafe-manifest-path\]$/m,
    );
    for (const file of listed) expect(result.stderr).toContain(`\`${file.replace('\0', '\\u0000')}\``);
    // Pointing at the entry's line, not at the top of the file.
    expect(result.stderr).not.toMatch(/json:1:1: warning/);
    expect(result.stdout).not.toMatch(/removed/i);
    const after = JSON.parse(readFileSync(path.join(repo, 'out', '.ladders-manifest.json'), 'utf8')) as Manifest;
    for (const file of listed) expect(after.outputs).not.toHaveProperty([file]);
  });

  it('never waits on a named pipe put where an output, the manifest or a file it lists should be', async () => {
    const repo = builtRepository('pipes');
    const out = path.join(repo, 'out');
    rmSync(path.join(out, 'engineering-manager', 'em6.md'));
    execFileSync('mkfifo', [path.join(out, 'engineering-manager', 'em6.md'), path.join(repo, 'pipe')]);
    editManifest(repo, (manifest) => (manifest.reads = ['pipe', '/dev/zero']));
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code, result.stderr).toBe(0);
    // Not a file this tool wrote: made again, in its place.
    expect(lstatSync(path.join(out, 'engineering-manager', 'em6.md')).isFile()).toBe(true);
    rmSync(path.join(out, '.ladders-manifest.json'));
    execFileSync('mkfifo', [path.join(out, '.ladders-manifest.json')]);
    const again = await run(['build', '--format', 'md'], repo, env);
    expect(again.code, again.stderr).toBe(0);
    expect(lstatSync(path.join(out, '.ladders-manifest.json')).isFile()).toBe(true);
  });

  it('reads every shard manifest the same way', async () => {
    const repo = builtRepository('shard-manifest');
    const keep = path.join(repo, '..', 'keep-me.txt');
    writeFileSync(keep, 'mine\n');
    const own = readFileSync(path.join(repo, 'out', '.ladders-manifest.json'), 'utf8');
    writeFileSync(path.join(repo, 'out', '.ladders-manifest-1-of-2.json'), own);
    editManifest(
      repo,
      (manifest) => (manifest.outputs['../../keep-me.txt'] = { key: 'x', sha256: sha256('mine\n') }),
      '.ladders-manifest-1-of-2.json',
    );
    const result = await run(['build', '--format', 'md', '--only', 'EM6'], repo, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^out\/\.ladders-manifest-1-of-2\.json:\d+:\d+: warning .*`\.\.\/\.\.\/keep-me\.txt`.* \[unsafe-manifest-path\]$/m,
    );
    expect(readFileSync(keep, 'utf8')).toBe('mine\n');
  });

  it('removes an output nothing makes any more only while it is as built; one changed since stays, with a warning', async () => {
    const repo = builtRepository('changed-extra');
    const out = path.join(repo, 'out');
    writeFileSync(path.join(out, 'engineering-manager', 'em9.md'), 'as built\n');
    writeFileSync(path.join(out, 'engineering-manager', 'em10.md'), 'edited by hand\n');
    editManifest(repo, (manifest) => {
      manifest.outputs['engineering-manager/em9.md'] = { key: 'gone', sha256: sha256('as built\n') };
      manifest.outputs['engineering-manager/em10.md'] = { key: 'gone', sha256: sha256('as built\n') };
    });
    const result = await run(['build', '--format', 'md', '--json'], repo, env);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(out, 'engineering-manager', 'em9.md'))).toBe(false);
    expect(readFileSync(path.join(out, 'engineering-manager', 'em10.md'), 'utf8')).toBe('edited by hand\n');
    expect(result.stderr).toMatch(
      /^out\/engineering-manager\/em10\.md:1:1: warning Nothing makes this output any more, .* \[changed-output-kept\]$/m,
    );
    const summary = JSON.parse(result.stdout) as { removed: string[]; messages: { file: string; rule: string }[] };
    expect(summary.removed).toEqual(['engineering-manager/em9.md']);
    expect(summary.messages).toContainEqual(
      expect.objectContaining({ file: 'out/engineering-manager/em10.md', rule: 'changed-output-kept' }),
    );
    // No longer tracked: the next build neither removes it nor warns again.
    const again = await run(['build', '--format', 'md'], repo, env);
    expect(again.stderr).not.toMatch(/warning/);
    expect(existsSync(path.join(out, 'engineering-manager', 'em10.md'))).toBe(true);
  });
});

describe('writes never follow a symbolic link out of the output folder', () => {
  it('a linked folder inside the output folder is exit 3 naming it, before anything is written', async () => {
    const repo = await newRepository('linked-folder');
    const elsewhere = path.join(repo, '..', 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(repo, 'out'));
    symlinkSync(elsewhere, path.join(repo, 'out', 'engineering-manager'));
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot write into .*\/out\/engineering-manager: it is a symbolic link, .*$/m);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(entries(path.join(repo, 'out'))).toEqual(['engineering-manager']);
  });

  it('nor removes an old output through one', async () => {
    const repo = builtRepository('linked-removal');
    const elsewhere = path.join(repo, '..', 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'old.md'), 'kept\n');
    symlinkSync(elsewhere, path.join(repo, 'out', 'old-role'));
    editManifest(repo, (manifest) => {
      manifest.outputs['old-role/old.md'] = { key: 'gone', sha256: sha256('kept\n') };
      manifest.inputs = ''; // as a build cut short leaves it: the next one reads the ladder again
    });
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Cannot write into .*\/out\/old-role: it is a symbolic link/);
    expect(readFileSync(path.join(elsewhere, 'old.md'), 'utf8')).toBe('kept\n');
  });

  it('`assess --out` through a link to the build’s folder is refused as the build’s folder itself is', async () => {
    const repo = builtRepository('assess-linked');
    const sheets = await run(['build', '--format', 'md', '--variant', 'review', '--only', 'EM6'], repo, env);
    expect(sheets.code, sheets.stderr).toBe(0);
    const blank = readFileSync(path.join(repo, 'out', 'engineering-manager', 'em6-review.md'), 'utf8');
    writeFileSync(
      path.join(repo, 'sheet.md'),
      fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe' }, axes: { technology: { self: 'meets' } } }),
    );
    symlinkSync('out', path.join(repo, 'linked-out'));
    const result = await run(['assess', 'sheet.md', '--out', 'linked-out/reviews', '--format', 'md'], repo, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`--out linked-out/reviews` is the build's output folder");
    expect(existsSync(path.join(repo, 'out', 'reviews'))).toBe(false);
  });
});

describe('an output folder keeps clear of what the command reads', () => {
  it('`build --out ladders` in a new repository is exit 2, and the framework page is untouched', async () => {
    const repo = await newRepository('out-is-ladders');
    const before = hashTree(path.join(repo, 'ladders'));
    const result = await run(['build', '--out', 'ladders', '--format', 'md'], repo, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ladders: The output folder `ladders` is the ladder folder `ladders`: choose another `--out`\n');
    expect(hashTree(path.join(repo, 'ladders'))).toEqual(before);
    expect(existsSync(path.join(repo, 'ladders', '.ladders-manifest.json'))).toBe(false);
  });

  const overlaps: [string, string[], (repo: string) => void, string][] = [
    ['inside the ladder folder', ['build', '--out', 'ladders/out'], () => undefined, 'is inside the ladder folder `ladders`'],
    ['holding the ladder folder', ['build', '--out', '.'], () => undefined, 'holds the ladder folder `ladders`'],
    [
      'a link to the ladder folder',
      ['build', '--out', 'alias'],
      (repo) => symlinkSync('ladders', path.join(repo, 'alias')),
      'is the ladder folder `ladders`',
    ],
    [
      'a new folder inside the ladder folder, through a link',
      ['build', '--out', 'alias/new/out'],
      (repo) => symlinkSync('ladders', path.join(repo, 'alias')),
      'is inside the ladder folder `ladders`',
    ],
    [
      'the templates folder',
      ['build', '--templates', 'look', '--out', 'look/out'],
      (repo) => mkdirSync(path.join(repo, 'look')),
      'is inside the templates folder `look`',
    ],
    [
      'the configuration file',
      ['build', '--out', 'ladders.config.json'],
      () => undefined,
      'is the configuration file `ladders.config.json`',
    ],
    [
      'the logo',
      ['build', '--out', 'brand'],
      (repo) => {
        mkdirSync(path.join(repo, 'brand'));
        writeFileSync(path.join(repo, 'brand', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
        editConfig(repo, { logo: 'brand/logo.svg' });
      },
      'holds the logo `brand/logo.svg`',
    ],
    [
      'the labels file',
      ['build', '--out', 'words'],
      (repo) => {
        mkdirSync(path.join(repo, 'words'));
        writeFileSync(path.join(repo, 'words', 'labels.json'), '{}');
        editConfig(repo, { labels: 'words/labels.json' });
      },
      'holds the labels file `words/labels.json`',
    ],
    ['`compare --out`', ['compare', 'EM5', 'EM6', '--out', 'ladders'], () => undefined, 'is the ladder folder `ladders`'],
    [
      '`diff --out` in a compared folder',
      ['diff', 'ladders', 'before', '--out', 'before/changes'],
      (repo) => cpSync(path.join(repo, 'ladders'), path.join(repo, 'before'), { recursive: true }),
      'is inside the compared folder `before`',
    ],
    ['`assess --out`', ['assess', 'sheet.md', '--out', 'ladders/reviews'], () => undefined, 'is inside the ladder folder `ladders`'],
  ];
  it.each(overlaps)('refuses an output folder %s, exit 2, writing nothing', async (name, args, prepare, words) => {
    const repo = await newRepository(`overlap-${overlaps.findIndex((overlap) => overlap[0] === name)}`);
    prepare(repo);
    const before = hashTree(repo);
    const result = await run([...args, '--format', 'md'], repo, env);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`The output folder \`${args.at(-1)}\` ${words}: choose another \`--out\``);
    expect(hashTree(repo)).toEqual(before);
  });
});

function editConfig(repo: string, settings: Record<string, string>): void {
  const file = path.join(repo, 'ladders.config.json');
  writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), ...settings }, null, 2));
}

describe('one build at a time in an output folder', () => {
  const lockOf = (repo: string) => path.join(repo, 'out', '.ladders-lock');

  it('a process that exits without releasing the lock (a second Ctrl-C) still removes it', async () => {
    const repo = await newRepository('exit-unlocks');
    const before = process.listeners('exit');
    const release = await lockOutFolder('out', repo);
    expect(readFileSync(lockOf(repo), 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    const added = process.listeners('exit').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    // What `process.exit` runs on its way out, without leaving this test's process.
    added[0]?.call(process, 130);
    expect(existsSync(lockOf(repo))).toBe(false);
    await release();
    expect(process.listeners('exit')).toEqual(before);
  });

  it('a build while another holds the folder is exit 3 at once, and leaves that build’s lock alone', async () => {
    const repo = await newRepository('locked');
    mkdirSync(path.join(repo, 'out'));
    // This process is alive: the lock is held.
    const held = `${process.pid} ${hostname()}\n`;
    writeFileSync(lockOf(repo), held);
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`ladders: Another build is writing into out (process ${process.pid}); `);
    expect(result.stderr).toContain('remove out/.ladders-lock if no build is running');
    expect(readFileSync(lockOf(repo), 'utf8')).toBe(held);
    expect(entries(path.join(repo, 'out'))).toEqual(['.ladders-lock']);
  });

  it('a named pipe in the lock’s place is refused as a lock, not waited on', async () => {
    const repo = await newRepository('pipe-lock');
    mkdirSync(path.join(repo, 'out'));
    execFileSync('mkfifo', [lockOf(repo)]);
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('ladders: Another build is writing into out (another process); ');
    expect(entries(path.join(repo, 'out'))).toEqual(['.ladders-lock']);
  });

  it('a lock whose process is gone is taken over, and removed when the build ends', async () => {
    const repo = await newRepository('stale-lock');
    mkdirSync(path.join(repo, 'out'));
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockOf(repo), `${gone} ${hostname()}\n`);
    const result = await run(['build', '--format', 'md'], repo, env);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(lockOf(repo))).toBe(false);
    expect(listTree(path.join(repo, 'out'))).toContain('engineering-manager/em6.md');
  });

  it('of two builds started together one builds and the other is refused; no lock is left, and `--check` lists none', async () => {
    const repo = await newRepository('two-builds');
    const results = await Promise.all([run(['build', '--format', 'md'], repo, env), run(['build', '--format', 'md'], repo, env)]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 3]);
    expect(results.find((result) => result.code === 3)?.stderr).toMatch(/^ladders: Another build is writing into out /m);
    expect(existsSync(lockOf(repo))).toBe(false);
    const check = await run(['build', '--format', 'md', '--check'], repo, env);
    expect(check.code, check.stderr).toBe(0);
  });

  it('the lock goes with a build that fails or is stopped, and so does an output folder made only to hold it', async () => {
    const repo = await newRepository('lock-released');
    writeFileSync(path.join(repo, 'ladders', 'engineering-manager.md'), '# Engineering Manager\n\n## EM5 - Broken\n\n| x |\n');
    const failed = await run(['build', '--format', 'md'], repo, env);
    expect(failed.code).toBe(1);
    expect(existsSync(path.join(repo, 'out'))).toBe(false);
    const fixed = await newRepository('lock-stopped');
    const controller = new AbortController();
    controller.abort('SIGINT');
    const stopped = await run(['build', '--format', 'md'], fixed, env, { signal: controller.signal });
    expect(stopped.code).toBe(130);
    expect(existsSync(lockOf(fixed))).toBe(false);
  });
});

/** A small tmpfs of its own, so a full disk and a read-only folder are real, not simulated. Needs root, as CI has. */
function smallDisk(name: string, options: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

describe('faults while writing into a new folder', () => {
  it('`assess --out` on a disk with room for its first file only writes none of them', async () => {
    const repo = builtRepository('assess-full');
    const sheets = await run(['build', '--format', 'md', '--variant', 'review', '--only', 'EM6'], repo, env);
    expect(sheets.code, sheets.stderr).toBe(0);
    const blank = readFileSync(path.join(repo, 'out', 'engineering-manager', 'em6-review.md'), 'utf8');
    writeFileSync(
      path.join(repo, 'sheet.md'),
      fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe' }, axes: { technology: { self: 'meets' } } }),
    );
    const args = ['assess', 'sheet.md', '--format', 'html,md'];
    // Where it goes when there is room, to know the size of the first file.
    expect((await run([...args, '--out', 'roomy'], repo, env)).code).toBe(0);
    const html = readFileSync(path.join(repo, 'roomy', 'em6-assessment-alex-doe.html'));
    const disk = smallDisk('assess-disk', 'size=4m');
    const page = statfsSync(disk).bsize;
    execFileSync('sh', ['-c', `dd if=/dev/zero of=${path.join(disk, 'filler')} bs=64k 2>/dev/null || true`]);
    // Free exactly the pages the first file takes: it fits, the second does not.
    const filler = path.join(disk, 'filler');
    truncateSync(filler, lstatSync(filler).size - Math.ceil(html.length / page) * page);
    const out = path.join(disk, 'alex');
    const result = await run([...args, '--out', out], repo, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot write .*: the disk is full \(ENOSPC\)$/m);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(disk)).toEqual(['filler']);
  });

  it('a missing parent on a read-only disk is reported as read-only, naming the folder that could not be made', async () => {
    const repo = await newRepository('read-only-parent');
    const disk = smallDisk('read-only-disk', 'size=1m,ro');
    const result = await run(['build', '--format', 'md', '--out', path.join(disk, 'missing', 'out')], repo, env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`ladders: Cannot write ${path.join(disk, 'missing')}: the file system is read-only (EROFS)\n`);
  });
});
