import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/check-doc-links.mjs');
const roots: string[] = [];

/** A made-up repository of `files` (path → text) in a fresh temporary folder. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-doc-links-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function check(root?: string): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, root ? [script, root] : [script], { encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean) };
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('check-doc-links', () => {
  it('passes links to headings as GitHub slugs them, on the page and across pages, and to files', () => {
    const root = tree({
      'README.md':
        '# Tool\n\nSee [CI](docs/ci.md#incremental-builds---check-and-ci), [below](#exit-codes) and [a picture](docs/pictures/a.png).\n\n## Exit codes\n',
      'docs/ci.md':
        '# Incremental builds, `--check` and CI\n\n## Notes\n\n## Notes\n\nBack to [the second notes](#notes-1) and [the top](../README.md#tool).\n',
      'docs/pictures/a.png': 'png',
    });
    expect(check(root)).toEqual({ status: 0, lines: [] });
  });

  it('names each link to a missing heading or file, with its page and line', () => {
    const root = tree({
      'README.md': '# Tool\n\n[CI](docs/ci.md#incremental-builds-check-and-ci)\n[gone](docs/gone.md) and [here](#tool)\n',
      'docs/ci.md': '# Incremental builds, `--check` and CI\n\n[picture](docs/pictures/a.png)\n',
      'docs/pictures/a.png': 'png',
    });
    expect(check(root)).toEqual({
      status: 1,
      lines: [
        'README.md:3: docs/ci.md#incremental-builds-check-and-ci (no such heading)',
        'README.md:4: docs/gone.md (no such file)',
        'docs/ci.md:3: docs/pictures/a.png (no such file)',
        '3 broken links in the documentation',
      ],
    });
  });

  it('leaves code alone: a link shown in a code block or in inline code, and a heading inside a block', () => {
    const root = tree({
      'README.md':
        '# Tool\n\n```markdown\n# Not a heading\n[x](#nowhere)\n```\n\nWrite `[Technology](README.md#technology)` in a page.\n[Web](https://example.com/#x)\n[no](#not-a-heading)\n',
    });
    expect(check(root)).toEqual({
      status: 1,
      lines: ['README.md:10: #not-a-heading (no such heading)', '1 broken link in the documentation'],
    });
  });

  it('finds no broken link in this repository', () => {
    expect(check()).toEqual({ status: 0, lines: [] });
  });
});
