import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/check-imports.mjs');
const roots: string[] = [];

/** A made-up source tree of `files` (path → text) in a fresh temporary folder. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-imports-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function check(root: string): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean) };
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('check-imports', () => {
  it('passes a tree whose imports all run down the stages', () => {
    const root = tree({
      'commands/build.ts': "import { plan } from '../plan/plan.js';\nexport const build = plan;\n",
      'plan/plan.ts': "import type { Ladder } from '../model.js';\nexport const plan = (ladder: Ladder) => ladder;\n",
      'model.ts': 'export interface Ladder { title: string }\n',
    });
    expect(check(root)).toEqual({ status: 0, lines: [] });
  });

  it('names both files of an import up the stages and of a cycle, type-only imports included', () => {
    const root = tree({
      'model.ts': "import type { Plan } from './plan/plan.js';\nexport interface Ladder { plan: Plan }\n",
      'plan/plan.ts': "export type Plan = string;\nexport { read } from './read-plan.js';\n",
      'plan/read-plan.ts': "import type { Plan } from './plan.js';\nexport const read = (text: string): Plan => text;\n",
    });
    const { status, lines } = check(root);
    expect(status).toBe(1);
    expect(lines).toContain('model.ts -> plan/plan.ts: model imports plan, a higher stage');
    expect(lines).toContain('cycle: plan/plan.ts <-> plan/read-plan.ts');
    expect(lines.at(-1)).toBe('2 import problems in ' + path.basename(root) + '/');
  });

  it('refuses a folder that is in no stage, and peers that import each other', () => {
    const root = tree({
      'extras/tool.ts': "import { Ladder } from '../model.js';\nexport type Tool = Ladder;\n",
      'serve/serve.ts': "import { init } from '../init/init.js';\nexport const serve = init;\n",
      'init/init.ts': 'export const init = 1;\n',
      'model.ts': 'export interface Ladder { title: string }\n',
    });
    const { status, lines } = check(root);
    expect(status).toBe(1);
    expect(lines).toContain('extras/tool.ts -> model.ts: extras is in no stage');
    expect(lines).toContain('serve/serve.ts -> init/init.ts: serve imports init, a peer');
  });
});
