import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from './support/git-in.js';
import { run } from './support/run.js';

// A repository whose ladder pages sit at its root, as in a repository of ladders only: one tagged
// commit, then one that is not tagged. Changelogs and `--since` name revisions by what they resolve to.
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-revision-names-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const repo = path.join(scratch, 'repo');
const git = gitIn(repo);
let head = '';

beforeAll(() => {
  cpSync(path.join(import.meta.dirname, 'fixtures', 'reader-basic', 'input'), repo, { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'First', '--date=2026-11-30T12:00:00Z');
  git('tag', 'v1.2');
  const maker = path.join(repo, 'maker.md');
  writeFileSync(maker, readFileSync(maker, 'utf8').replace('finishes the tasks given', 'finishes every task given'));
  git('commit', '--quiet', '-am', 'Second');
  const [hash = '', day = ''] = git('log', '-1', '--date=short', '--format=%h %cd').trim().split(' ');
  head = `${hash} (${day})`;
});

describe('revisions named by what they resolve to', () => {
  it('names the changelog by the tag at a commit, else its short hash and date, in its title and its file name', async () => {
    const out = path.join(scratch, 'changelog');
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--ladders', '.', '--out', out, '--format', 'md'], repo);
    expect(result.code, result.stderr).toBe(0);
    const hash = head.split(' ')[0] ?? '';
    expect(readdirSync(out)).toEqual([`changelog-v1.2-${hash}.md`]);
    expect(readFileSync(path.join(out, `changelog-v1.2-${hash}.md`), 'utf8')).toContain(`# Changes from v1.2 to ${head}\n`);
  });

  it('names the `--since` revision the same way on the handouts', async () => {
    // The ladder is the repository's root, so the output folder lies outside it.
    const out = path.join(scratch, 'since');
    const result = await run(['build', '--ladders', '.', '--since', 'HEAD~1', '--format', 'md', '--out', out], repo);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'maker', 'm1.md'), 'utf8')).toContain('## Changed since v1.2\n');
    git('tag', '-d', 'v1.2');
    const untagged = await run(['build', '--ladders', '.', '--since', 'HEAD~1', '--format', 'md', '--out', out], repo);
    expect(untagged.code, untagged.stderr).toBe(0);
    const first = git('log', '-1', '--date=short', '--format=%h (%cd)', 'HEAD~1').trim();
    expect(readFileSync(path.join(out, 'maker', 'm1.md'), 'utf8')).toContain(`## Changed since ${first}\n`);
    git('tag', 'v1.2', 'HEAD~1');
  });

  it('suggests `--ladders` with the folder where the revision has its pages', async () => {
    const result = await run(['diff', 'HEAD~1', 'HEAD'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'ladders: the ladder folder `ladders` does not exist at revision `HEAD~1`; its pages may be in another folder: try `--ladders .`',
    );
  });
});
