import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../src/config/config-source.js';
import { readLogo } from '../src/config/read-logo.js';
import { describeFailure, exitCode } from '../src/failures.js';
import { readLabelOverrides } from '../src/locale/read-label-overrides.js';
import { report } from '../src/messages.js';
import { fingerprintInputs } from '../src/plan/fingerprint.js';
import { outputStates } from '../src/plan/output-states.js';
import { WorksheetError } from '../src/worksheet/worksheet-error.js';

// Every failure a user can cause is a typed error that the one mapping at the top turns into its exit
// code, and a file that is there but cannot be read is never taken for a missing one. These cases use
// real files: a symbolic link that points at itself cannot be opened (ELOOP) even by root, who may
// read any file whatever its mode. Denied permissions are in permission-errors.test.ts.

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-typed-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of its own for one case. */
function folder(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('a worksheet that cannot be read', () => {
  it('is a content error: the top level prints its messages and exits 1', () => {
    const file = new VFile({ path: 'self.md' });
    report(file, 'error', 'The worksheet has no fields', undefined, 'not-a-worksheet');
    const failure = describeFailure(new WorksheetError(file), undefined);
    expect(failure).toEqual({ exitCode: exitCode.contentError, message: null, files: [file] });
  });
});

describe('an output that is there but cannot be read', () => {
  it('is a failure naming it and why, not a missing output to make again', async () => {
    const out = folder('loop-output');
    symlinkSync('em6.html', path.join(out, 'em6.html'));
    await expect(outputStates(out, [{ path: 'em6.html', key: 'k' }], [null])).rejects.toThrow(
      `Cannot read ${path.join(out, 'em6.html')}: its symbolic links lead round in a loop (ELOOP)`,
    );
  });

  it('is still missing when nothing is there, or a part of its path is a file', async () => {
    const out = folder('missing-output');
    writeFileSync(path.join(out, 'engineering-manager'), 'a file where a folder would be');
    const states = await outputStates(
      out,
      [
        { path: 'em6.html', key: 'k' },
        { path: 'engineering-manager/em6.html', key: 'k' },
      ],
      [null],
    );
    expect([...states.values()]).toEqual(['missing', 'missing']);
  });
});

describe('the fingerprint of an input that cannot be read', () => {
  it('differs from that of a missing one', async () => {
    const site = folder('fingerprint-site');
    const image = path.join(site, 'logo.png');
    const fingerprint = () => fingerprintInputs([], {}, { site, files: [image] });
    const missing = await fingerprint();
    symlinkSync('logo.png', image);
    expect(await fingerprint()).not.toBe(missing);
  });
});

describe('a labels file that cannot be read', () => {
  it('says why in words, with the code', async () => {
    const dir = folder('labels-loop');
    symlinkSync('labels.json', path.join(dir, 'labels.json'));
    expect(await readLabelOverrides(path.join(dir, 'labels.json'), 'labels.json')).toEqual({
      ok: false,
      problems: [
        {
          ruleId: 'unreadable-labels',
          reason: 'Cannot read the labels file `labels.json`: its symbolic links lead round in a loop (ELOOP)',
        },
      ],
    });
  });

  it('is missing when it is not there', async () => {
    const dir = folder('labels-missing');
    const read = await readLabelOverrides(path.join(dir, 'labels.json'), 'labels.json');
    expect(read.ok || read.problems[0]?.reason).toBe('The labels file `labels.json` does not exist');
  });
});

describe('a configuration or logo that cannot be read', () => {
  it('says why in words for the configuration, and is not taken for no configuration', async () => {
    const dir = folder('config-loop');
    symlinkSync('ladders.config.json', path.join(dir, 'ladders.config.json'));
    const source = await readSource(path.join(dir, 'ladders.config.json'), dir);
    expect(source?.file.messages.map((message) => message.reason)).toEqual([
      'Cannot read the file: its symbolic links lead round in a loop (ELOOP)',
    ]);
  });

  it('says why in words for the logo', async () => {
    const dir = folder('logo-loop');
    symlinkSync('logo.png', path.join(dir, 'logo.png'));
    expect(await readLogo(path.join(dir, 'logo.png'), 'logo.png')).toEqual({
      ok: false,
      ruleId: 'unreadable-logo',
      reason: 'Cannot read the logo `logo.png`: its symbolic links lead round in a loop (ELOOP)',
    });
  });
});
