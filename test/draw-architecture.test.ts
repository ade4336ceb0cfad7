import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/draw-architecture.mjs');
const roots: string[] = [];
const start = '<!-- architecture:start (drawn by scripts/draw-architecture.mjs from the imports; do not edit by hand) -->';
const end = '<!-- architecture:end -->';

/** A made-up repository of `files` (path → text) in a fresh temporary folder. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'draw-architecture-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function draw(root: string, check = false): { status: number | null; stdout: string; doc: string } {
  const run = spawnSync(process.execPath, check ? [script, '--check', root] : [script, root], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, doc: fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8') };
}

/** The arrows of the picture in `doc`, by the boxes' labels. */
function arrows(doc: string): string[] {
  const labels = new Map([...doc.matchAll(/^ {2}(s\d+)\["([^"]*)"\]$/gm)].map((match) => [match[1]!, match[2]!]));
  return [...doc.matchAll(/^ {2}(s\d+) --> (s\d+)$/gm)].map((match) => `${labels.get(match[1]!)} -> ${labels.get(match[2]!)}`);
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('draw-architecture', () => {
  const repo = () =>
    tree({
      'docs/architecture.md': `# Architecture\n\n${start}\n\n${end}\n\nBy hand.\n`,
      'src/commands/build.ts': "import { plan } from '../plan/plan.js';\nimport type { Ladder } from '../model.js';\n",
      'src/plan/plan.ts': "import type { Ladder } from '../model.js';\nimport { view } from '../view/view.js';\n",
      'src/view/view.ts': "import type { Ladder } from '../model.js';\n",
      'src/model.ts': 'export interface Ladder { title: string }\n',
      'src/messages.ts': 'export const none = 0;\n',
    });

  it('draws an arrow for each import between stages, leaving out those a longer path already draws', () => {
    const root = repo();
    const { status, doc } = draw(root);
    expect(status).toBe(0);
    expect(arrows(doc)).toEqual(['commands/ -> plan/', 'plan/ -> view/', 'view/ -> model · messages']);
    expect(doc).toContain('```mermaid\nflowchart TD\n');
    expect(doc.endsWith(`${end}\n\nBy hand.\n`)).toBe(true);
  });

  it('fails the check, changing nothing, once the imports no longer match the picture', () => {
    const root = repo();
    draw(root);
    fs.writeFileSync(path.join(root, 'src/commands/build.ts'), "import type { Ladder } from '../model.js';\n");
    const before = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const checked = draw(root, true);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('not what the imports draw today');
    expect(checked.doc).toBe(before);
  });
});
