import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-failures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Faults injected into the stages below the commands: a stamp that fails, and a count of browser launches.
const faults = vi.hoisted(() => ({ stamp: false, launches: 0 }));

vi.mock('../src/pdf/stamp-pdf.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/pdf/stamp-pdf.js')>();
  return {
    ...original,
    stampPdf: (...args: Parameters<typeof original.stampPdf>) => {
      if (faults.stamp) throw new Error("The PDF's information object 9 is not in its cross-reference table");
      return original.stampPdf(...args);
    },
  };
});

vi.mock('../src/browser/launch-browser.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/browser/launch-browser.js')>();
  return {
    ...original,
    launchBrowser: (...args: Parameters<typeof original.launchBrowser>) => {
      faults.launches += 1;
      return original.launchBrowser(...args);
    },
  };
});

beforeEach(() => {
  faults.stamp = false;
  faults.launches = 0;
});

describe('a PDF that cannot be stamped', () => {
  it('ends a build with exit 3 and one line naming it, not an unhandled rejection', async () => {
    faults.stamp = true;
    const out = path.join(scratch, 'stamp-build');
    const result = await run(['build', '--only', 'EM6', '--variant', 'handout', '--format', 'pdf', '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot stamp engineering-manager\/em6\.pdf: The PDF's information object 9 is not in/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(out, 'engineering-manager', 'em6.pdf'))).toBe(false);
  });

  it('ends a comparison with exit 3, writing nothing', async () => {
    faults.stamp = true;
    const out = path.join(scratch, 'stamp-compare');
    const result = await run(['compare', 'EM5', 'EM6', '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot stamp em5-vs-em6\.pdf: /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a usage error found in the ladders', () => {
  it.each([
    ['EM9', 'Engineering Manager has `EM5`, `EM6` or `EM7`'],
    ['em8', 'Engineering Manager has `EM5`, `EM6` or `EM7`'],
    ['engineering-manger', 'did you mean `engineering-manager`?'],
    ['DD3', 'did you mean `D3`?'],
    ['nothing-like-it', 'expected a code such as `D1` or a role id, one of `developer`, `tech-lead`'],
  ])('`build --only %s` exits 2 with a hint, before any browser starts or anything is written', async (name, hint) => {
    const out = path.join(scratch, `only-${name}`);
    const result = await run(['build', '--only', name, '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`\`--only ${name}\` names no position or role; ${hint}`);
    expect(faults.launches).toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});
