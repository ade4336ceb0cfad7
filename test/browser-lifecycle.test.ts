import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeBrowser } from '../src/browser/close-browser.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { launchBrowser } from '../src/browser/launch-browser.js';
import { openLockedPage } from '../src/browser/lock-down-page.js';
import { removeStaleProfiles } from '../src/browser/remove-stale-profiles.js';
import { browserPids } from './support/browser-processes.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-lifecycle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Launch failures injected into puppeteer's own `launch`, as a browser that dies while starting gives them.
const faults = vi.hoisted(() => ({ launchFailures: 0, launches: 0 }));
vi.mock('puppeteer-core', async (importOriginal) => {
  const original = await importOriginal<typeof import('puppeteer-core')>();
  return {
    ...original,
    launch: (...args: Parameters<typeof original.launch>) => {
      faults.launches += 1;
      if (faults.launchFailures > 0) {
        faults.launchFailures -= 1;
        return Promise.reject(new Error('Protocol error (Target.setDiscoverTargets): Target closed'));
      }
      return original.launch(...args);
    },
  };
});
beforeEach(() => {
  faults.launchFailures = 0;
  faults.launches = 0;
});

const choice = await findBrowser({});

/**
 * `promise`, or a failure naming `what` when it has not settled within 25 s: a hang detector. The hang it
 * guards against waits 30 s; a build normally ends in one or two, and a very busy machine has been seen
 * to take 16, so the cut-off sits between the two.
 */
const cutOffSeconds = 25;
function withinCutOff<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${cutOffSeconds} s`)), cutOffSeconds * 1000);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}

describe('closing a browser while a tab is being opened', () => {
  it(
    'settles the tab at once instead of leaving it to wait 30 s for a browser that is gone',
    async () => {
      // Closed at the worst moment, as the new tab's page commits while puppeteer is still setting it up: the
      // moment is not exact, so it is tried a few times (puppeteer hung there in most tries).
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const browser = await launchBrowser(choice);
        const session = await browser.target().createCDPSession();
        const changed = new Promise((resolve) => session.connection()?.once('Target.targetInfoChanged', resolve));
        const tab = openLockedPage(browser);
        await changed;
        await closeBrowser(browser);
        const [settled] = await withinCutOff(Promise.allSettled([tab]), `the tab being opened (try ${attempt + 1})`);
        if (settled.status === 'fulfilled') await settled.value.close().catch(() => undefined);
      }
    },
    6 * cutOffSeconds * 1000,
  );

  // The shipped ladder with one misspelt keyword: reading fails while the browser started ahead of need is still coming up.
  const broken = path.join(scratch, 'broken');
  mkdirSync(broken, { recursive: true });
  for (const file of readdirSync(path.join(repoRoot, 'ladders')))
    writeFileSync(path.join(broken, file), readFileSync(path.join(repoRoot, 'ladders', file), 'utf8').replace('Evolves', 'Evolvs'));

  // Twenty builds in a row, five a test so that none comes near 20 s on a busy machine.
  it.each([1, 2, 3, 4])(
    'a build that fails on its content ends at once, five runs in a row (batch %i of 4, each cut off at 25 s)',
    async (batch) => {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const what = `run ${(batch - 1) * 5 + attempt} of 20`;
        const result = await withinCutOff(
          run(['build', '--ladders', broken, '--out', path.join(scratch, 'never-in-process')], scratch),
          what,
        );
        expect(result.code, `${what}: ${result.stderr}`).toBe(1);
      }
      expect(existsSync(path.join(scratch, 'never-in-process'))).toBe(false);
    },
    5 * cutOffSeconds * 1000 + 5_000,
  );

  it(
    'a build that fails on its content exits as a process at once, run after run (each cut off at 25 s)',
    () => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const result = spawnSync(
          process.execPath,
          [path.join(repoRoot, 'dist', 'cli.js'), 'build', '--ladders', broken, '--out', path.join(scratch, 'never')],
          {
            encoding: 'utf8',
            timeout: cutOffSeconds * 1000,
            killSignal: 'SIGKILL',
          },
        );
        expect(result.signal, `run ${attempt + 1} had to be cut off`).toBeNull();
        expect(result.status, result.stderr).toBe(1);
      }
    },
    2 * cutOffSeconds * 1000 + 5_000,
  );
});

describe('a browser that dies while starting', () => {
  it('is started once more, with a fresh profile folder, and the build goes on', async () => {
    faults.launchFailures = 1;
    const out = path.join(scratch, 'retried');
    const result = await run(['build', '--only', 'D1', '--format', 'pdf', '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(0);
    expect(faults.launches).toBe(2);
    expect(existsSync(path.join(out, 'developer', 'd1.pdf'))).toBe(true);
  });

  it('twice ends the build with exit 3 and the clear message, writing nothing', async () => {
    faults.launchFailures = 2;
    const out = path.join(scratch, 'failed');
    const result = await run(['build', '--only', 'D1', '--format', 'pdf', '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(
      /^ladders: Could not start the browser `.+` \(source: \w[\w-]*\): Protocol error \(Target\.setDiscoverTargets\): Target closed\./m,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(faults.launches).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(browserPids()).toEqual([]);
  });
});

describe('profile folders left behind by a run that was killed', () => {
  it('are removed at the next start when their process is gone; a running one’s and any other folder are kept', async () => {
    const temp = path.join(scratch, 'temp');
    mkdirSync(temp);
    // The id of a process that has exited.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const folder = (name: string) => {
      mkdirSync(path.join(temp, name, 'Default'), { recursive: true });
      writeFileSync(path.join(temp, name, 'Default', 'Preferences'), '{}');
      return name;
    };
    const stale = folder(`ladders-profile-${gone}-AbC123`);
    const running = folder(`ladders-profile-${process.pid}-XyZ789`);
    const others = [folder('ladders-profile-Qw1234'), folder(`ladders-profile-${gone}-toolong1`), folder(`other-${gone}-AbC123`)];
    expect(await removeStaleProfiles(temp)).toEqual([path.join(temp, stale)]);
    expect(readdirSync(temp).sort()).toEqual([running, ...others].sort());
  });

  it('are looked for by every launch, in the temp folder', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = path.join(tmpdir(), `ladders-profile-${gone}-Zz9Zz9`);
    mkdirSync(stale);
    try {
      const browser = await launchBrowser(choice);
      await closeBrowser(browser);
      expect(existsSync(stale)).toBe(false);
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });
});
