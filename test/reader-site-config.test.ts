import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { loadLadder } from '../src/read/load-ladder.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const tiny = path.join(import.meta.dirname, 'fixtures', 'reader-basic', 'input');

/** A repository holding the tiny ladder in `docs/ko`, with `_config.yml` files placed as given (paths relative to the scratch case). */
function repository(name: string, configs: Record<string, string>): { ladders: string; root: string } {
  const root = path.join(scratch, name);
  const ladders = path.join(root, 'repo', 'docs', 'ko');
  mkdirSync(ladders, { recursive: true });
  mkdirSync(path.join(root, 'repo', '.git'));
  cpSync(tiny, ladders, { recursive: true });
  for (const [file, text] of Object.entries(configs)) writeFileSync(path.join(root, file), text);
  return { ladders, root };
}

describe("the site's _config.yml", () => {
  it('names the framework from the repository root when the pages sit in a sub-folder', async () => {
    const { ladders, root } = repository('in-root', { 'repo/_config.yml': 'title: Ladder At The Root\ndescription: Said at the root\n' });
    const { ladder } = await loadLadder(ladders, root);
    expect(ladder?.framework).toMatchObject({ title: 'Ladder At The Root', summary: 'Said at the root' });
  });

  it('prefers the nearest one and never looks above the repository', async () => {
    const { ladders, root } = repository('nearest', {
      '_config.yml': 'title: Outside The Repository\n',
      'repo/_config.yml': 'title: At The Root\n',
      'repo/docs/_config.yml': 'title: Beside The Translation\n',
    });
    expect((await loadLadder(ladders, root)).ladder?.framework.title).toBe('Beside The Translation');
    rmSync(path.join(root, 'repo', '_config.yml'));
    rmSync(path.join(root, 'repo', 'docs', '_config.yml'));
    expect((await loadLadder(ladders, root)).ladder?.framework.title).toBe('Tiny Framework');
  });

  it('comes after the configuration and the front matter, and a broken one is a warning', async () => {
    const { ladders, root } = repository('order', { 'repo/_config.yml': 'title: [unclosed\n' });
    const broken = await loadLadder(ladders, root);
    expect(formatMessages(broken.files)).toMatch(
      /^repo\/_config\.yml:2:1: warning The site's configuration does not parse .*\[broken-site-config\]$/m,
    );
    expect(broken.ladder?.framework.title).toBe('Tiny Framework');
    writeFileSync(path.join(root, 'repo', '_config.yml'), 'title: From The Site\n');
    expect((await loadLadder(ladders, root, { title: 'From The Configuration' })).ladder?.framework.title).toBe('From The Configuration');
  });
});
