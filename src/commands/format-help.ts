import type { CommandLine, Flag, Flags } from './command-line.js';

/** The flags every command takes besides its own. */
export const commonFlags = {
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
  version: { type: 'boolean', short: 'v', help: 'Show the version' },
} as const satisfies Flags;

const exitCodes = `Exit codes: 0 success, 1 content errors or --check differences, 2 usage or configuration
error, 3 rendering failure, 130 or 143 stopped by Ctrl-C or SIGTERM.
`;

/** `ladders --help`: every command on a line, and where to find each one's options. */
export function formatOverview(commandLines: readonly CommandLine[]): string {
  const commands = commandLines.map((commandLine) => [`${commandLine.name} ${commandLine.operands}`.trim(), commandLine.summary] as const);
  return [
    'Usage: ladders <command> [options]',
    '',
    'Commands:',
    ...formatColumns(commands),
    '',
    'Options:',
    ...formatColumns(Object.entries(commonFlags).map(([name, flag]) => [flagName(name, flag), flag.help])),
    '',
    'Run `ladders <command> --help` (or `ladders help <command>`) for the options of one command.',
    '',
    exitCodes,
  ].join('\n');
}

/** `ladders <command> --help`: its usage, what it does, and every flag it takes. */
export function formatCommandHelp(commandLine: CommandLine): string {
  const flags = Object.entries({ ...commandLine.flags, ...commonFlags }).map(([name, flag]) => [flagName(name, flag), flag.help] as const);
  return [
    `Usage: ladders ${commandLine.name}${commandLine.operands ? ` ${commandLine.operands}` : ''} [options]`,
    '',
    commandLine.about,
    '',
    commandLine.readsConfiguration ? 'Options (flags override ladders.config.json, see docs/configuration.md):' : 'Options:',
    ...formatColumns(flags),
    '',
    exitCodes,
  ].join('\n');
}

/** `--name VALUE`, or `-s, --name` for one with a short form. */
function flagName(name: string, flag: Flag): string {
  return `${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.value ? ` ${flag.value}` : ''}`;
}

/** Two columns, the second's lines lined up after the widest of the first. */
function formatColumns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.flatMap(([left, right]) => right.split('\n').map((line, index) => `  ${(index === 0 ? left : '').padEnd(width)}${line}`));
}
