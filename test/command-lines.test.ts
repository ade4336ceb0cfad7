import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLines } from '../src/commands/command-lines.js';
import type { CommandLine } from '../src/commands/command-line.js';
import { parseCommandLine } from '../src/run-cli.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
// Every flag some command takes, with the commands that take it, read from the specs themselves.
const everyFlag = [...new Set(commandLines.flatMap((commandLine) => Object.keys(commandLine.flags)))].sort();
const takers = (name: string) => commandLines.filter((commandLine) => name in commandLine.flags).map((commandLine) => commandLine.name);
const byName = commandLines.map((commandLine) => [commandLine.name, commandLine] as const);

/** The flags a help text lists, one a line, in the order it lists them. */
function listedFlags(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((match) => match[1]!);
}

/** `--name` with a value when the flag takes one. */
function given(commandLine: CommandLine | undefined, name: string): string[] {
  const flag = commandLine?.flags[name] ?? commandLines.find((other) => name in other.flags)!.flags[name]!;
  return flag.type === 'string' ? [`--${name}`, 'some-value'] : [`--${name}`];
}

describe('ladders <command> --help', () => {
  it.each(byName)('%s: lists exactly the flags its spec declares, and exits 0', async (name, commandLine) => {
    const result = await run([name, '--help'], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: ladders ${name}[ \\[]`));
    expect(listedFlags(result.stdout)).toEqual([...Object.keys(commandLine.flags), 'help', 'version']);
  });

  it.each(byName)('%s: is the same as `ladders help %s` and `-h`', async (name) => {
    const help = (await run([name, '--help'], repoRoot)).stdout;
    expect(await run(['help', name], repoRoot)).toEqual({ code: 0, stdout: help, stderr: '' });
    expect(await run([name, '-h'], repoRoot)).toEqual({ code: 0, stdout: help, stderr: '' });
  });
});

describe('ladders --help', () => {
  it('lists every command on a line of its own, and says where each one’s options are', async () => {
    const result = await run(['--help'], repoRoot);
    expect(result.code).toBe(0);
    const listed = [...result.stdout.matchAll(/^ {2}([a-z]+)\b(?! *-)/gm)].map((match) => match[1]);
    expect(listed).toEqual(commandLines.map((commandLine) => commandLine.name));
    expect(result.stdout).toContain('`ladders <command> --help`');
    // The overview is short: no command's own flags.
    expect(listedFlags(result.stdout)).toEqual(['help', 'version']);
    expect(await run(['help'], repoRoot)).toEqual(result);
  });

  it('is printed on stderr with exit 2 when no command is given', async () => {
    const result = await run([], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe((await run(['--help'], repoRoot)).stdout);
  });

  it('refuses help for an unknown command, with the nearest name', async () => {
    const result = await run(['help', 'biuld'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ladders: unknown command `biuld`; did you mean `build`?');
  });
});

describe('a flag given to a command', () => {
  it('parses the same in every command that takes it', () => {
    for (const name of everyFlag) {
      const kinds = commandLines.flatMap((commandLine) => {
        const flag = commandLine.flags[name];
        return flag ? [`${flag.type} ${flag.multiple ? 'repeatable' : 'once'}`] : [];
      });
      expect(new Set(kinds).size, `--${name}`).toBe(1);
    }
  });

  const matrix = commandLines.flatMap((commandLine) => everyFlag.map((name) => [commandLine.name, name, commandLine] as const));

  it.each(matrix.filter(([, name, commandLine]) => name in commandLine.flags))('%s takes --%s', (command, name, commandLine) => {
    const request = parseCommandLine([command, ...given(commandLine, name)]);
    expect(request.kind).toBe('run');
    if (request.kind !== 'run') return;
    expect(request.commandLine.name).toBe(command);
    const value: unknown = request.values[name];
    expect(commandLine.flags[name]!.type === 'string' ? value : value === true).toBeTruthy();
  });

  it.each(matrix.filter(([, name, commandLine]) => !(name in commandLine.flags)))(
    '%s refuses --%s, exit 2, naming the commands that take it',
    async (command, name) => {
      const result = await run([command, ...given(undefined, name)], repoRoot);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const names = takers(name).map((taker) => `\`${taker}\``);
      const expected =
        names.length === commandLines.length - 1
          ? `\`--${name}\` does not apply to \`${command}\``
          : `\`--${name}\` applies to ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]} only`;
      expect(result.stderr).toBe(`ladders: ${expected}\nRun \`ladders --help\` for usage.\n`);
    },
  );

  it('may come before the command’s name, as after it', () => {
    const request = parseCommandLine(['--ladders', 'some-folder', 'compare', 'EM5', '--out', 'x', 'EM6']);
    expect(request).toMatchObject({ kind: 'run', operands: ['EM5', 'EM6'], values: { ladders: 'some-folder', out: 'x' } });
  });

  it('suggests the nearest of the command’s own flags for a typo', async () => {
    const result = await run(['diff', 'a', 'b', '--jsno'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ladders: Unknown option '--jsno'; did you mean `--json`?");
  });
});
