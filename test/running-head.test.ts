import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-running-head-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ladder = path.join(scratch, 'real', 'ladder');
cpSync(path.join(import.meta.dirname, 'fixtures', 'reader-basic', 'input'), ladder, { recursive: true });

/** The Markdown handout of `M2`, built from `cwd` with the ladder folder named `ladders` from there. */
async function handoutFrom(cwd: string, ladders: string): Promise<string> {
  mkdirSync(cwd, { recursive: true });
  const { code, stderr } = await run(['build', '--ladders', ladders, '--format', 'md', '--out', 'out'], cwd);
  expect(code, stderr).toBe(0);
  return readFileSync(path.join(cwd, 'out', 'maker', 'm2.md'), 'utf8');
}

describe('the source named on internal pages', () => {
  it('is the page relative to the ladder folder, whichever folder the build ran in', async () => {
    const near = await handoutFrom(path.join(scratch, 'real'), 'ladder');
    const far = await handoutFrom(path.join(scratch, 'elsewhere', 'deeper'), '../../real/ladder');
    expect(far).toBe(near);
    expect(near).toContain('from maker.md, line 18');
  });
});
