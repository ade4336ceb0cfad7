import { parseArgs } from 'node:util';
import { check } from './commands/check.js';
import { exitCode, UsageError, type CommandIo } from './commands/io.js';
import { model } from './commands/model.js';
import { toolVersion } from './tool-version.js';

const usage = `Usage: ladders <command> [options]

Commands:
  check   Read the ladders, print every problem with its place, exit 1 on errors
  model   Print the ladders' model as JSON
  build   Write the handouts: one per position, one per role, and an index

Options:
  --ladders DIR          Folder of ladder pages (default: ladders)
  --strict               check: treat warnings as errors
  --out DIR              build: output folder (default: out)
  --templates DIR        build: templates that override the shipped ones, file by file
  --format LIST          build: comma-separated formats of pdf, html and md (default: pdf,html,md)
  --only CODE|ROLE       build: only this position or role; repeat for more
  --paper a4|letter      build: paper size (default: a4)
  --browser PATH         build: the Chrome or Chromium to print PDFs with (default: found, see README)
  -h, --help      Show this help
  -v, --version   Show the version
`;

const options = {
  ladders: { type: 'string', default: 'ladders' },
  strict: { type: 'boolean', default: false },
  out: { type: 'string', default: 'out' },
  templates: { type: 'string' },
  format: { type: 'string', default: 'pdf,html,md' },
  browser: { type: 'string' },
  only: { type: 'string', multiple: true, default: [] as string[] },
  paper: { type: 'string', default: 'a4' },
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
  if (command === 'build') {
    // Loaded on demand: templates, the PDF library and puppeteer would only slow `check` and `model` down.
    const { build } = await import('./commands/build.js');
    return build({ ladders: values.ladders, out: values.out, templates: values.templates, formats: parseFormats(values.format), only: values.only, paper: parsePaper(values.paper), browser: values.browser }, io);
  }
  throw new UsageError(`unknown command \`${command}\`, expected \`check\`, \`model\` or \`build\``);
}

const formats = ['pdf', 'html', 'md'] as const;

function parseFormats(list: string): (typeof formats)[number][] {
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (!(formats as readonly string[]).includes(name)) throw new UsageError(`unknown format \`${name}\`, expected ${formats.map((format) => `\`${format}\``).join(', ')}`);
  }
  return formats.filter((format) => names.includes(format));
}

function parsePaper(paper: string): 'a4' | 'letter' {
  const name = paper.toLowerCase();
  if (name === 'a4' || name === 'letter') return name;
  throw new UsageError(`unknown paper \`${paper}\`, expected \`a4\` or \`letter\``);
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
