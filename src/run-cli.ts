import { parseArgs } from 'node:util';
import { check } from './commands/check.js';
import { exitCode, UsageError, type CommandIo } from './commands/io.js';
import { model } from './commands/model.js';
import { toolVersion } from './tool-version.js';

const usage = `Usage: ladders <command> [options]

Commands:
  check   Read the ladders, print every problem with its place, exit 1 on errors
  model   Print the ladders' model as JSON (the data templates see)

Options:
  --ladders DIR   Folder of ladder pages (default: ladders)
  --strict        check: treat warnings as errors
  -h, --help      Show this help
  -v, --version   Show the version
`;

const options = {
  ladders: { type: 'string', default: 'ladders' },
  strict: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** Run the command line `args` and return the exit code. */
export async function runCli(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    // Node's own parse errors go on to explain `--`; the first sentence is the part that helps here.
    const reason = (error as Error).message.split('. ')[0];
    io.stderr(`ladders: ${reason}\nRun \`ladders --help\` for usage.\n`);
    return exitCode.usageError;
  }
}

async function dispatch(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  if (values.version) {
    io.stdout(toolVersion + '\n');
    return exitCode.ok;
  }
  const [command, ...extra] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.stdout : io.stderr)(usage);
    return values.help ? exitCode.ok : exitCode.usageError;
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0]}\``);
  if (command === 'check') return check({ ladders: values.ladders, strict: values.strict }, io);
  if (values.strict) throw new UsageError('`--strict` applies to `check` only');
  if (command === 'model') return model({ ladders: values.ladders }, io);
  throw new UsageError(`unknown command \`${command}\`, expected \`check\` or \`model\``);
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
