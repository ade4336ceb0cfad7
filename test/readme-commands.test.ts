import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const workspace = mkdtempSync(path.join(tmpdir(), 'ladders-readme-'));
cpSync(path.join(repoRoot, 'ladders'), path.join(workspace, 'ladders'), { recursive: true });
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/**
 * Every command in the README's code blocks, in the order shown: the lines of `sh` blocks, the `$ `
 * lines of `console` blocks, and the `run:` steps of the workflows.
 */
function readmeCommands(): string[] {
  const commands: string[] = [];
  for (const [, kind, body] of readme.matchAll(/```(sh|console|yaml)\n([^]*?)```/g)) {
    for (const line of body!.split('\n')) {
      const command =
        kind === 'sh'
          ? line.replace(/\s+#.*$/, '').trim()
          : kind === 'console'
            ? /^\$ (.+)$/.exec(line)?.[1]
            : /^\s*(?:- )?run: (.+)$/.exec(line)?.[1];
      if (command) commands.push(command.trim());
    }
  }
  return commands;
}

/** Words as a shell splits them, for the simple quoting the README uses; the workflow's matrix value is shard 1. */
function words(command: string): string[] {
  return Array.from(command.replace('${{ matrix.shard }}', '1').matchAll(/"([^"]*)"|(\S+)/g), ([, quoted, plain]) => quoted ?? plain!);
}

// Not run here: installing, and the test suite itself, are what CI runs; bench and pictures take minutes.
const notLadders = ['npm ci', 'npm test', 'npm run bench', 'npm run pictures'];
// The README shows these failing on purpose, with their exit codes.
const failing: Record<string, number> = { 'npx ladders compare EM5 EMM6': 2 };

const commands = readmeCommands();

describe('every command the README shows', () => {
  it('is a ladders command, or one CI runs', () => {
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) if (!command.startsWith('npx ladders ')) expect(notLadders).toContain(command);
  });

  it.each(commands.filter((command) => command.startsWith('npx ladders ')).map((command) => [command]))(
    'runs as shown: %s',
    async (command) => {
      // In a copy of the project, in the order the README gives, as a reader would.
      const result = await run(words(command).slice(2), workspace, { ...process.env, SOURCE_DATE_EPOCH: '', CI: 'true' });
      expect(result.code, result.stderr).toBe(failing[command] ?? 0);
    },
  );
});
