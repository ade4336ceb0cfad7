import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIo } from './command-io.js';
import type { CommandLine, Flags, FlagValues } from './commands/command-line.js';
import { commandLines } from './commands/command-lines.js';
import { unknownName } from './commands/flag-values.js';
import { commonFlags, formatCommandHelp, formatOverview } from './commands/format-help.js';
import { describeFailure, exitCode, UsageError } from './failures.js';
import { formatMessages, setWorkflowCommands } from './format-messages.js';
import { closestMatch } from './read/closest-match.js';
import { toolVersion } from './tool-version.js';

/**
 * Run the command line `args` and return the exit code. Every way a command fails is turned into its
 * exit code and one line here, at the top; anything else is a bug and keeps its stack.
 */
export async function runCli(args: readonly string[], io: CommandIo): Promise<number> {
  // In a GitHub Actions job, every message is also a workflow command, for as long as the command runs.
  setWorkflowCommands(io.env.GITHUB_ACTIONS === 'true');
  try {
    return await reportFailures(commandOf(args), io, () => dispatch(args, io));
  } finally {
    setWorkflowCommands(false);
  }
}

/** Run `command`, and turn each way it can fail into its exit code and one line on stderr; a bug is thrown on. */
export async function reportFailures(command: string | null, io: CommandIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const stopped = commandLines.find((commandLine) => commandLine.name === command)?.leftWhenStopped;
    const failure = describeFailure(error, io.signal, stopped);
    if (!failure) throw error;
    if (failure.files.length > 0) io.stderr(formatMessages(failure.files));
    if (failure.message !== null) io.stderr(`ladders: ${failure.message}\n`);
    if (failure.exitCode === exitCode.usageError) io.stderr('Run `ladders --help` for usage.\n');
    return failure.exitCode;
  }
}

/** The command `args` name (`build`, `check` …), or null when they name none or do not parse. */
export function commandOf(args: readonly string[]): string | null {
  try {
    return parseWith(everyFlag, args).positionals[0] ?? null;
  } catch {
    return null;
  }
}

/** What `args` ask for: one command's help, the overview, the version, or a command with its flags parsed by its own spec. */
export type Request =
  | { kind: 'help'; commandLine: CommandLine | null }
  | { kind: 'version' }
  | { kind: 'run'; commandLine: CommandLine; values: FlagValues<Flags>; operands: string[] };

/**
 * Find the command `args` name and parse them with its flags; a flag another command takes is a usage
 * error that says which. Flags may come before the command's name as after it.
 */
export function parseCommandLine(args: readonly string[]): Request {
  // First with every command's flags, to tell the command's name from a flag's value.
  const { values, positionals, tokens } = parseWith(everyFlag, args);
  if (values.version) return { kind: 'version' };
  const [name, ...rest] = positionals;
  const asked = name === 'help' ? rest[0] : values.help ? name : undefined;
  if (name === 'help' || values.help) return { kind: 'help', commandLine: asked === undefined ? null : findCommandLine(asked) };
  if (name === undefined) throw new NoCommand();
  const commandLine = findCommandLine(name);
  const nameAt = tokens.find((token) => token.kind === 'positional')?.index ?? 0;
  const own = parseWith({ ...commandLine.flags, ...commonFlags }, [...args.slice(0, nameAt), ...args.slice(nameAt + 1)], commandLine);
  if (own.positionals.length > commandLine.maxOperands) throw new UsageError(`unexpected argument \`${own.positionals.at(-1)}\``);
  return { kind: 'run', commandLine, values: own.values as FlagValues<Flags>, operands: own.positionals };
}

/** No command named: the overview goes to stderr, exit 2. */
class NoCommand extends Error {}

async function dispatch(args: readonly string[], io: CommandIo): Promise<number> {
  let request: Request;
  try {
    request = parseCommandLine(args);
  } catch (error) {
    if (!(error instanceof NoCommand)) throw error;
    io.stderr(formatOverview(commandLines));
    return exitCode.usageError;
  }
  if (request.kind === 'version') io.stdout(toolVersion + '\n');
  if (request.kind === 'help') io.stdout(request.commandLine ? formatCommandHelp(request.commandLine) : formatOverview(commandLines));
  if (request.kind !== 'run') return exitCode.ok;
  return request.commandLine.run(request.values, request.operands, io);
}

function findCommandLine(name: string): CommandLine {
  const found = commandLines.find((commandLine) => commandLine.name === name);
  if (found) return found;
  throw unknownName(
    'command',
    name,
    commandLines.map((commandLine) => commandLine.name),
  );
}

// Every command's flags, and the common ones; a flag of one name parses the same in every command that takes it.
const everyFlag: Flags = Object.fromEntries(
  [...commandLines.map((commandLine) => commandLine.flags), commonFlags].flatMap((flags) => Object.entries(flags)),
);

/**
 * `args` parsed with `flags` as `util.parseArgs` reads them (a switch left out is false, a repeatable
 * flag an empty list); its errors are usage errors, and a flag `commandLine` does not take says who does.
 */
function parseWith(flags: Flags, args: readonly string[], commandLine?: CommandLine) {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, flag] of Object.entries(flags)) {
    options[name] = {
      type: flag.type,
      ...(flag.short ? { short: flag.short } : {}),
      ...(flag.multiple ? { multiple: true, default: [] } : flag.type === 'boolean' ? { default: false } : {}),
    };
  }
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    throw toUsageError(error, flags, commandLine);
  }
}

function isParseArgsError(error: unknown): error is TypeError & { code: string } {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

/**
 * Node's parse errors go on to explain `--`; the first sentence is the part that helps. An unknown flag
 * another command takes says which does; else the nearest of the command's flags, for a typo.
 */
function toUsageError(error: TypeError & { code: string }, flags: Flags, commandLine: CommandLine | undefined): UsageError {
  const reason = error.message.split('. ')[0] ?? error.message;
  const option = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-{1,2}[^'=]*)/.exec(reason)?.[1] : undefined;
  if (!option?.startsWith('--')) return new UsageError(reason);
  const name = option.slice(2);
  if (commandLine && name in everyFlag) return new UsageError(notTaken(name, commandLine));
  const suggestion = closestMatch(name, Object.keys(flags));
  return new UsageError(suggestion ? `${reason}; did you mean \`--${suggestion}\`?` : reason);
}

/** `--name` is for other commands than `commandLine`: which, or, when it is every other, that it is not this one's. */
function notTaken(name: string, commandLine: CommandLine): string {
  const takers = commandLines.filter((other) => name in other.flags).map((other) => `\`${other.name}\``);
  if (takers.length === commandLines.length - 1) return `\`--${name}\` does not apply to \`${commandLine.name}\``;
  const list = takers.length > 1 ? `${takers.slice(0, -1).join(', ')} and ${takers.at(-1)}` : takers[0];
  return `\`--${name}\` applies to ${list} only`;
}
