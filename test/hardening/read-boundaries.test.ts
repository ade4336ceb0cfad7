import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { messagesAsData } from '../../src/format-messages.js';
import { fingerprintInputs } from '../../src/plan/fingerprint.js';
import { createReadCache } from '../../src/read/read-cache.js';
import { maxImageBytes } from '../../src/read/read-image.js';
import { maxPageBytes } from '../../src/read/read-ladders.js';
import { readSite } from '../../src/serve/read-site.js';
import { createSitePlanner } from '../../src/serve/site-planner.js';
import { gitIn } from '../support/git-in.js';
import { errorPlaces, readMessageLines, runCaught, type CaughtResult } from './cli-messages.js';
import { makerPage, tinyIntroduction, writeLadder } from './tiny-ladder.js';

// Reading stays inside the folders it is given: a symbolic link (to a file or to a folder) that leads
// out of the ladder folder, the site, the templates folder, or the folder of a logo or labels file is
// refused with `link-outside-folder` at its place by every command, and what it points at is never
// shown; a link that stays inside is followed. Links are made here, at test time, as git keeps them
// awkwardly. The configuration's labels file is read by every command alike, and a file too large at
// a git revision is refused by its size without being copied out of git.

/** What each `git` run was asked, to see which blobs a diff read. */
const gitRuns = vi.hoisted(() => [] as { args: readonly string[]; input: string | undefined }[]);
vi.mock('../../src/diff/run-git.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/diff/run-git.js')>();
  return {
    ...original,
    runGit: (args: readonly string[], cwd: string, input?: string) => {
      gitRuns.push({ args, input });
      return original.runGit(args, cwd, input);
    },
  };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-read-boundaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What must never appear in any output: the content of the files the links point at. */
const secret = 'AUTHORIZATION: basic c2VjcmV0LXRva2Vu';
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pngBase64 = png.toString('base64');

let cases = 0;
/**
 * A fresh project: a repository's `.git/config` holding the secret, a folder beside it that is not the
 * project's (`elsewhere/`, with a secret page, a picture and a YAML file), and a ladder folder of the
 * tiny introduction and the maker page.
 */
function project(): { work: string; ladders: string; elsewhere: string } {
  const root = path.join(scratch, `case-${++cases}`);
  const work = path.join(root, 'work');
  const elsewhere = path.join(root, 'elsewhere');
  mkdirSync(path.join(work, '.git'), { recursive: true });
  writeFileSync(path.join(work, '.git', 'config'), `[http]\n\textraheader = ${secret}\n`);
  mkdirSync(path.join(elsewhere, 'pictures'), { recursive: true });
  writeFileSync(path.join(elsewhere, 'secret.md'), `# Secret\n\n${secret}\n`);
  writeFileSync(path.join(elsewhere, 'pictures', 'chart.png'), png);
  writeFileSync(path.join(elsewhere, '_config.yml'), `title: "${secret}"\n`);
  const ladders = writeLadder(path.join(work, 'ladders'), { 'README.md': tinyIntroduction, 'maker.md': makerPage });
  return { work, ladders, elsewhere };
}

/** Every byte a command left in its output and in the output folder, to search for the secret. */
function everythingShown(result: CaughtResult, out?: string): string {
  const written =
    out && existsSync(out)
      ? readdirSync(out, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
      : [];
  return [result.stdout, result.stderr, ...written].join('\n');
}

/** Run `check --strict`, `model` and `build` (HTML and Markdown) on the project; each must refuse with exactly `errors`. */
async function expectRefusedEverywhere(work: string, errors: string[], buildArgs: string[] = []): Promise<void> {
  const check = await runCaught(['check', '--strict', '--ladders', 'ladders'], work);
  expect(check.thrown).toBeUndefined();
  expect(check.code, check.stdout).toBe(1);
  expect(errorPlaces(readMessageLines(check.stdout, { summary: true }))).toEqual(errors);
  expect(everythingShown(check)).not.toContain(secret);

  const model = await runCaught(['model', '--ladders', 'ladders'], work);
  expect(model.thrown).toBeUndefined();
  expect(model.code, model.stderr).toBe(1);
  expect(everythingShown(model)).not.toContain(secret);

  const out = path.join(work, 'out');
  const build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'html,md', ...buildArgs], work);
  expect(build.thrown).toBeUndefined();
  expect(build.code, build.stderr).toBe(1);
  expect(errorPlaces(readMessageLines(build.stderr, { summary: false }))).toEqual(errors);
  expect(everythingShown(build, out)).not.toContain(secret);
  expect(existsSync(out), 'build writes nothing').toBe(false);
}

describe('pages of the ladder folder', () => {
  it('a page that links to the repository’s git config is refused, and its content never shown', async () => {
    const { work, ladders } = project();
    symlinkSync('../.git/config', path.join(ladders, 'notes.md'));
    await expectRefusedEverywhere(work, ['ladders/notes.md:1:1 link-outside-folder']);
    const check = await runCaught(['check', '--ladders', 'ladders'], work);
    expect(check.stdout).toContain(
      'ladders/notes.md:1:1: error `ladders/notes.md` is a symbolic link that points outside the folder `ladders`; only files inside it are read [link-outside-folder]',
    );
  });

  it('a page that links to an absolute path elsewhere on the machine is refused', async () => {
    const { work, ladders, elsewhere } = project();
    symlinkSync(path.join(elsewhere, 'secret.md'), path.join(ladders, 'passwd.md'));
    await expectRefusedEverywhere(work, ['ladders/passwd.md:1:1 link-outside-folder']);
  });

  it('a page name that links to a folder outside is refused, not skipped', async () => {
    const { work, ladders, elsewhere } = project();
    symlinkSync(elsewhere, path.join(ladders, 'other.md'));
    await expectRefusedEverywhere(work, ['ladders/other.md:1:1 link-outside-folder']);
  });

  it('a page that links to an endless device is refused before anything reads it', async () => {
    if (!existsSync('/dev/zero')) return;
    const { work, ladders } = project();
    symlinkSync('/dev/zero', path.join(ladders, 'zero.md'));
    await expectRefusedEverywhere(work, ['ladders/zero.md:1:1 link-outside-folder']);
  });

  it('a page that links to another file inside the folder is read as usual', async () => {
    const { work, ladders } = project();
    mkdirSync(path.join(ladders, 'shared'));
    writeFileSync(path.join(ladders, 'shared', 'notes.md'), '# Notes\n\nShared notes for every maker.\n');
    symlinkSync('shared/notes.md', path.join(ladders, 'notes.md'));
    const check = await runCaught(['check', '--strict', '--ladders', 'ladders'], work);
    expect(check.stdout).toBe('1 role, 2 positions: no problems\n');
    expect(check.code).toBe(0);
    const build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'md'], work);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'out', 'guides', 'notes.md'), 'utf8')).toContain('Shared notes for every maker.');
  });

  it('a ladder folder that is itself a link is resolved once, and its pages read', async () => {
    const { work } = project();
    symlinkSync('ladders', path.join(work, 'linked'));
    const check = await runCaught(['check', '--strict', '--ladders', 'linked'], work);
    expect(check.stdout).toBe('1 role, 2 positions: no problems\n');
  });
});

describe('pictures the pages show', () => {
  const pageShowing = (src: string) =>
    makerPage.replace('Makers build the things the team ships.', `Makers build things.\n\n![chart](${src})`);
  const imageLine = lineOf(pageShowing('x'), '![chart]');

  it('a picture that links outside the folder is refused at its place, not inlined', async () => {
    const { work, ladders, elsewhere } = project();
    writeFileSync(path.join(ladders, 'maker.md'), pageShowing('chart.png'));
    symlinkSync(path.join(elsewhere, 'pictures', 'chart.png'), path.join(ladders, 'chart.png'));
    await expectRefusedEverywhere(work, [`ladders/maker.md:${imageLine}:1 link-outside-folder`]);
    const check = await runCaught(['check', '--ladders', 'ladders'], work);
    expect(check.stdout).toContain('`ladders/chart.png` is a symbolic link that points outside the folder `ladders`');
    const model = await runCaught(['model', '--ladders', 'ladders'], work);
    expect(model.stdout).not.toContain(pngBase64);
  });

  it('a picture reached through a linked folder that leaves the site is refused, naming the folder', async () => {
    const { work, ladders, elsewhere } = project();
    writeFileSync(path.join(ladders, 'maker.md'), pageShowing('img/chart.png'));
    symlinkSync(path.join(elsewhere, 'pictures'), path.join(ladders, 'img'));
    await expectRefusedEverywhere(work, [`ladders/maker.md:${imageLine}:1 link-outside-folder`]);
    const check = await runCaught(['check', '--ladders', 'ladders'], work);
    expect(check.stdout).toContain('`ladders/img` is a symbolic link that points outside the folder `ladders`');
  });

  it('a picture linked from inside the folder is inlined', async () => {
    const { work, ladders } = project();
    mkdirSync(path.join(ladders, 'pictures'));
    writeFileSync(path.join(ladders, 'pictures', 'real.png'), png);
    symlinkSync('pictures/real.png', path.join(ladders, 'chart.png'));
    writeFileSync(path.join(ladders, 'maker.md'), pageShowing('chart.png'));
    const model = await runCaught(['model', '--ladders', 'ladders'], work);
    expect(model.code, model.stderr).toBe(0);
    expect(model.stdout).toContain(pngBase64);
  });
});

describe('the site’s _config.yml', () => {
  it('a _config.yml that links outside its folder is refused, and its title never shown', async () => {
    const { work, ladders, elsewhere } = project();
    symlinkSync(path.join(elsewhere, '_config.yml'), path.join(ladders, '_config.yml'));
    await expectRefusedEverywhere(work, ['ladders/_config.yml:1:1 link-outside-folder']);
  });
});

describe('templates', () => {
  it('a template that links outside the templates folder is refused', async () => {
    const { work, elsewhere } = project();
    mkdirSync(path.join(work, 'looks'));
    symlinkSync(path.join(elsewhere, 'secret.md'), path.join(work, 'looks', 'guide.md.hbs'));
    const build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'md', '--templates', 'looks'], work);
    expect(build.code, build.stderr).toBe(1);
    expect(errorPlaces(readMessageLines(build.stderr, { summary: false }))).toEqual(['looks/guide.md.hbs:1:1 link-outside-folder']);
    expect(everythingShown(build, path.join(work, 'out'))).not.toContain(secret);
  });

  it('a partials folder that links outside the templates folder is refused', async () => {
    const { work, elsewhere } = project();
    mkdirSync(path.join(work, 'looks'));
    mkdirSync(path.join(elsewhere, 'partials'));
    writeFileSync(path.join(elsewhere, 'partials', 'brand.md.hbs'), secret);
    symlinkSync(path.join(elsewhere, 'partials'), path.join(work, 'looks', 'partials'));
    const build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'md', '--templates', 'looks'], work);
    expect(build.code, build.stderr).toBe(1);
    expect(errorPlaces(readMessageLines(build.stderr, { summary: false }))).toEqual([
      'looks/partials/brand.md.hbs:1:1 link-outside-folder',
    ]);
    expect(build.stderr).toContain('`looks/partials` is a symbolic link that points outside the folder `looks`');
    expect(everythingShown(build, path.join(work, 'out'))).not.toContain(secret);
  });

  it('a template linked from inside the templates folder is used', async () => {
    const { work } = project();
    mkdirSync(path.join(work, 'looks', 'kept'), { recursive: true });
    writeFileSync(path.join(work, 'looks', 'kept', 'brand.md.hbs'), 'Made by the linked partial\n');
    symlinkSync('../kept/brand.md.hbs', path.join(mkdirAt(work, 'looks', 'partials'), 'brand.md.hbs'));
    const build = await runCaught(['build', '--ladders', 'ladders', '--out', 'out', '--format', 'md', '--templates', 'looks'], work);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'out', 'README.md'), 'utf8')).toContain('Made by the linked partial');
  });
});

describe('files the configuration names', () => {
  it('a logo that links outside its folder is refused at the config’s value', async () => {
    const { work, elsewhere } = project();
    mkdirSync(path.join(work, 'brand'));
    symlinkSync(path.join(elsewhere, 'pictures', 'chart.png'), path.join(work, 'brand', 'logo.png'));
    writeFileSync(path.join(work, 'ladders.config.json'), '{\n  "logo": "brand/logo.png"\n}\n');
    const check = await runCaught(['check', '--ladders', 'ladders'], work);
    expect(check.code, check.stderr).toBe(2);
    expect(check.stderr).toBe(
      'ladders.config.json:2:11: error `brand/logo.png` is a symbolic link that points outside the folder `brand`; only files inside it are read [link-outside-folder]\n',
    );
  });

  it('a labels file that links outside its folder is refused at the config’s value, and its content never shown', async () => {
    const { work } = project();
    mkdirSync(path.join(work, 'brand'));
    symlinkSync('../.git/config', path.join(work, 'brand', 'labels.json'));
    writeFileSync(path.join(work, 'ladders.config.json'), '{\n  "labels": "brand/labels.json"\n}\n');
    for (const command of ['check', 'model', 'build']) {
      const result = await runCaught([command, '--ladders', 'ladders', ...(command === 'build' ? ['--format', 'md'] : [])], work);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toBe(
        'ladders.config.json:2:13: error `brand/labels.json` is a symbolic link that points outside the folder `brand`; only files inside it are read [link-outside-folder]\n',
      );
    }
  });
});

describe('the labels file, read by every command', () => {
  it('a labels file that is not JSON fails check, model and build alike, at its place', async () => {
    const { work } = project();
    writeFileSync(path.join(work, 'labels.txt'), 'theRole = About this role\n');
    writeFileSync(path.join(work, 'ladders.config.json'), '{\n  "labels": "labels.txt"\n}\n');
    for (const command of ['check', 'model', 'build']) {
      const result = await runCaught([command, '--ladders', 'ladders', ...(command === 'build' ? ['--format', 'md'] : [])], work);
      expect(result.code, `${command}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toBe(
        'ladders.config.json:2:13: error The labels file `labels.txt` is not strict JSON: Unexpected `theRole`, expected a value [broken-labels]\n' +
          '  labels.txt:1:1: note The problem is here\n',
      );
    }
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });
});

describe('files too large at a git revision', () => {
  it('are refused by their size, asked of git, without being read', async () => {
    const { work, ladders } = project();
    const git = gitIn(work);
    rmSync(path.join(work, '.git'), { recursive: true });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'start');
    // A page one byte over the limit, and a picture no page shows, over the pictures' limit.
    writeFileSync(path.join(ladders, 'big.md'), `# Big\n\n${'a'.repeat(maxPageBytes - 7)}\n`);
    mkdirSync(path.join(ladders, 'pictures'));
    writeFileSync(path.join(ladders, 'pictures', 'huge.png'), Buffer.concat([png, Buffer.alloc(maxImageBytes)]));
    git('add', '-A');
    git('commit', '--quiet', '-m', 'large files');
    const large = ['ladders/big.md', 'ladders/pictures/huge.png'].map((file) => git('rev-parse', `HEAD:${file}`).trim());
    gitRuns.length = 0;
    const diff = await runCaught(['diff', 'HEAD~1', 'HEAD', '--ladders', 'ladders'], work);
    expect(diff.thrown).toBeUndefined();
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stderr).toContain(
      `HEAD:ladders/big.md:1:1: error The page is ${Math.ceil((maxPageBytes + 1) / 1024)} KiB, larger than the ${maxPageBytes / 1024} KiB a ladder page may be [file-too-large]`,
    );
    const copied = gitRuns.filter((run) => run.args.includes('cat-file')).map((run) => run.input ?? '');
    expect(copied.length, 'the blobs are copied out of git').toBeGreaterThan(0);
    for (const id of large) expect(copied.join('\n'), 'a blob over its limit is never asked for').not.toContain(id);
  });
});

describe('the live preview', () => {
  it('reads through the same code: a link out of the folder is an error and no page is planned', async () => {
    const { work, ladders } = project();
    symlinkSync('../.git/config', path.join(ladders, 'notes.md'));
    const site = await readSite(
      {
        ladders: 'ladders',
        reading: { title: null },
        templates: undefined,
        paper: null,
        branding: { organization: null, brandColor: null, logo: null, version: null, locale: null, labels: null },
        date: null,
      },
      work,
      { templates: null, pages: createReadCache(), planner: createSitePlanner() },
    );
    expect(site.planned).toBeNull();
    const errors = messagesAsData(site.files).filter((message) => message.severity === 'error');
    expect(errors.map((message) => `${message.file}:${message.line}:${message.column} ${message.rule}`)).toEqual([
      'ladders/notes.md:1:1 link-outside-folder',
    ]);
    expect(JSON.stringify(messagesAsData(site.files))).not.toContain(secret);
  });
});

/** Make the folder `parts` under `dir` and return its path. */
function mkdirAt(dir: string, ...parts: string[]): string {
  const folder = path.join(dir, ...parts);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The 1-based line number of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} is not in the text`);
  return text.slice(0, index).split('\n').length;
}

describe('files an edited manifest names', () => {
  it('are read for the fingerprint only inside the site’s folder: a file elsewhere changes nothing', async () => {
    const site = path.join(scratch, 'manifest-site');
    const elsewhere = path.join(scratch, 'manifest-elsewhere.txt');
    mkdirSync(site, { recursive: true });
    writeFileSync(path.join(site, '_config.yml'), 'title: Orchard\n');
    const fingerprintWith = async (secret: string) => {
      writeFileSync(elsewhere, secret);
      return fingerprintInputs([], {}, { site, files: [path.join(site, '_config.yml'), elsewhere] });
    };
    expect(await fingerprintWith('first secret')).toBe(await fingerprintWith('second secret'));
    // The file inside is read: a change to it is a change of the fingerprint.
    const before = await fingerprintWith('first secret');
    writeFileSync(path.join(site, '_config.yml'), 'title: Grove\n');
    expect(await fingerprintWith('first secret')).not.toBe(before);
  });
});
