import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fingerprintInputs } from '../src/plan/fingerprint.js';
import { readOtherManifests } from '../src/plan/manifest.js';
import { outputStates } from '../src/plan/output-states.js';
import { unpackBundledChromium } from '../src/browser/unpack-bundled-chromium.js';
import { init } from '../src/commands/init.js';
import { loadTemplates } from '../src/render/load-templates.js';
import { watchInputs } from '../src/serve/watch-inputs.js';
import { removeOutputs } from '../src/write/write-outputs.js';

// A file that is there but may not be read is never taken for a missing one: each says which. The
// tests run as root, whom file modes do not stop, so the file calls are made to deny what they are
// asked about, as the kernel does: a path with a part named `denied` (or, for the bundled browser's
// package.json, that file) fails with EACCES, a file named `hidden` or `unstatable` cannot even be looked
// at (lstat, stat), and a folder named `full` cannot be watched (ENOSPC).

const denials = vi.hoisted(() => ({
  matches: (file: unknown) => /[/\\]denied([/\\]|$)/.test(String(file)) || /@sparticuz[/\\]chromium[/\\]package\.json$/.test(String(file)),
  systemError: (code: string, syscall: string, file: unknown) =>
    Object.assign(new Error(`${code}: ${syscall} '${String(file)}'`), { code, syscall, path: String(file), errno: -13 }),
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const deny =
    <A extends unknown[], R>(syscall: string, call: (file: never, ...rest: A) => Promise<R>) =>
    (file: never, ...rest: A): Promise<R> =>
      denials.matches(file) ? Promise.reject(denials.systemError('EACCES', syscall, file)) : call(file, ...rest);
  const mocked = {
    open: deny('open', original.open),
    readFile: deny('open', original.readFile),
    readdir: deny('scandir', original.readdir),
    stat: (file: never, ...rest: never[]) =>
      /[/\\]unstatable$/.test(String(file)) ? Promise.reject(denials.systemError('EACCES', 'stat', file)) : original.stat(file, ...rest),
    lstat: (file: never, ...rest: never[]) =>
      /[/\\]hidden$/.test(String(file)) ? Promise.reject(denials.systemError('EACCES', 'lstat', file)) : original.lstat(file, ...rest),
  };
  return { ...original, ...mocked, default: { ...original, ...mocked } };
});

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  const watch = ((file: never, ...rest: never[]) => {
    if (denials.matches(file)) throw denials.systemError('EACCES', 'watch', file);
    if (/[/\\]full$/.test(String(file))) throw denials.systemError('ENOSPC', 'watch', file);
    return (original.watch as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof original.watch;
  return { ...original, watch, default: { ...original, watch } };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-permission-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(...parts: string[]): string {
  const dir = path.join(scratch, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('a file that may not be read', () => {
  it('is an output that cannot be checked, not a missing one', async () => {
    const out = folder('out');
    writeFileSync(path.join(folder('out', 'denied'), 'em6.pdf'), 'made by an earlier build');
    await expect(outputStates(out, [{ path: 'denied/em6.pdf', key: 'k' }], [null])).rejects.toThrow(
      `Cannot read ${path.join(out, 'denied', 'em6.pdf')}: permission denied (EACCES)`,
    );
  });

  it('is an input whose fingerprint differs from a missing one', async () => {
    const site = folder('site');
    const logo = path.join(site, 'denied');
    const missing = await fingerprintInputs([], {}, { site, files: [logo] });
    writeFileSync(logo, 'a picture');
    expect(await fingerprintInputs([], {}, { site, files: [logo] })).not.toBe(missing);
  });

  it('is an old output kept, saying why, not one removed or changed', async () => {
    const out = folder('old-outputs');
    writeFileSync(path.join(out, 'denied'), 'made by an earlier build');
    writeFileSync(path.join(out, 'hidden'), 'made by an earlier build');
    const recorded = [
      { path: 'denied', sha256: 'a'.repeat(64) },
      { path: 'hidden', sha256: 'a'.repeat(64) },
      { path: 'gone.pdf', sha256: 'a'.repeat(64) },
    ];
    expect(await removeOutputs(out, recorded)).toEqual({
      removed: ['gone.pdf'],
      kept: [
        { path: 'denied', unreadable: 'permission denied (EACCES)' },
        { path: 'hidden', unreadable: 'permission denied (EACCES)' },
      ],
    });
  });

  it('stops the bundled browser being looked for, saying why, not that its version is unknown', async () => {
    const error: unknown = await unpackBundledChromium().catch((error: unknown) => error);
    expect(error).toMatchObject({ code: 'EACCES' });
    expect((error as { path: string }).path).toMatch(/package\.json$/);
  });
});

describe('a folder that may not be read', () => {
  it('is an output folder whose manifests cannot be seen, not an empty one', async () => {
    await expect(readOtherManifests(folder('denied'), '.ladders-manifest.json', scratch)).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('is a templates folder whose partials cannot be listed, not an empty one', async () => {
    await expect(loadTemplates(folder('templates', 'denied'), scratch)).rejects.toMatchObject({ code: 'EACCES', syscall: 'scandir' });
  });

  it('is not a new folder for `init` to start in', async () => {
    const io = { cwd: scratch, env: {}, stdout: () => {}, stderr: () => {} };
    await expect(init({ dir: 'unstatable', from: null }, io)).rejects.toMatchObject({ code: 'EACCES', syscall: 'stat' });
  });

  it('is a templates folder that says why it cannot be read, not that it is not there', async () => {
    const { files } = await loadTemplates(path.join(scratch, 'unstatable'), scratch);
    expect(files.flatMap((file) => file.messages.map((message) => message.reason))).toEqual([
      'Cannot read the templates folder `unstatable`: permission denied (EACCES)',
    ]);
  });

  it('cannot be watched, which the preview is told instead of going stale', () => {
    const dir = folder('watched', 'denied');
    expect(() => watchInputs([{ kind: 'ladders', dir, recursive: false }], async () => {})).toThrow(
      `Cannot watch ${dir} for changes: permission denied (EACCES)`,
    );
  });

  it('cannot be watched once the system watches all it may, which names the limit to raise', () => {
    const dir = folder('watched', 'full');
    expect(() => watchInputs([{ kind: 'ladders', dir, recursive: false }], async () => {})).toThrow(/max_user_watches/);
  });

  it('is still nothing to watch when it is not there', () => {
    const watching = watchInputs([{ kind: 'ladders', dir: path.join(scratch, 'nowhere'), recursive: true }], async () => {});
    watching.close();
  });
});
