import path from 'node:path';
import { parseArgs } from 'node:util';
import { sourceDate } from './commands/environment.js';
import type { CommandIo } from './command-io.js';
import { loadConfig } from './config/load-config.js';
import { describeFailure, exitCode, UsageError } from './failures.js';
import { dropControls } from './drop-controls.js';
import { formats, papers, variants, type OutputFormat, type Paper, type Variant } from './formats.js';
import { formatMessages, setWorkflowCommands } from './format-messages.js';
import { quote, quoteChoices } from './messages.js';
import type { Shard } from './plan/manifest.js';
import { closestMatch } from './read/closest-match.js';
import { toolVersion } from './tool-version.js';
import { brandingOf } from './config/branding-of.js';

const usage = `Usage: ladders <command> [options]

Commands:
  check   Read the ladders, print every problem with its place, exit 1 on errors
  model   Print the ladders' model as JSON
  build   Write the handouts: one per position, one per role, and an index
  compare A B   Print what changes from position A to position B, axis by axis;
          with --out DIR, also write a comparison handout (--format, --paper apply)
  diff A B      Print what changed from version A of the ladder to version B, position by
          position; A and B are git revisions (of --ladders) or folders; --format text|md|json
  assess FILE…  Read filled worksheets (a self copy, a manager copy, or one) into an assessment and
          print it; with --out DIR, also write its handout there, readable by you alone
          (--format pdf,html,md and --paper apply; --json prints the assessment as data)
  init [DIR]    Start a new ladder repository in DIR (default: here), which must be empty;
          --from SPEC: install ladders there from a git URL or a tarball (default: as this one was)
  serve   Preview the HTML pages at a local address, updated on every save; PDFs on request

Options (flags override ladders.config.json, see docs/configuration.md):
  --ladders DIR          Folder of ladder pages (default: ladders)
  --strict               check: treat warnings as errors
  --format text|sarif    check: the messages as lines (default), or as a SARIF 2.1.0 log
  --out DIR              build: output folder (default: out)
  --templates DIR        build: templates that override the shipped ones, file by file
  --format LIST          build: comma-separated formats of pdf, html, md and book (default: all)
  --only CODE|ROLE       build: only this position or role; repeat for more
  --paper a4|letter      build: paper size (default: the locale's, a4 or letter)
  --browser PATH         build: the Chrome or Chromium to print PDFs with (default: found, see docs/browser.md)
  --variant handout|review  build: only handouts, or only review worksheets (default: both)
  --for NAME --date DAY  build: stamp "Prepared for NAME, DAY" on a copy (needs its own --out);
                         --date alone dates the books' covers
  --since REV            build: on every handout and worksheet, what changed for its position since
                         the git revision REV (a tag, a branch, a commit); the books get a changelog
  --force                build: make every output again, even those that are current
  --check                build: write nothing; exit 1 listing missing, stale or extra outputs
  --shard I/N            build: only the I-th of N slices of the outputs (for a CI matrix)
  --quiet                build: print only problems
  --port N               serve: the port to listen on (default: 4400; 0 picks a free one)
  --host H               serve: the address to listen on (default: 127.0.0.1, this machine only)
  --open                 serve: open the index in your browser
  --json                 build: print a summary as JSON on stdout; diff: the changes as JSON;
                         assess: the assessment as JSON
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 success, 1 content errors or --check differences, 2 usage or configuration
error, 3 rendering failure, 130 or 143 stopped by Ctrl-C or SIGTERM.
`;

// No defaults here for what the configuration can set: a flag given must be told from one left out.
const options = {
  ladders: { type: 'string' },
  strict: { type: 'boolean', default: false },
  out: { type: 'string' },
  templates: { type: 'string' },
  format: { type: 'string' },
  browser: { type: 'string' },
  only: { type: 'string', multiple: true, default: [] as string[] },
  paper: { type: 'string' },
  force: { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  shard: { type: 'string' },
  variant: { type: 'string' },
  for: { type: 'string' },
  date: { type: 'string' },
  since: { type: 'string' },
  from: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

const commands = ['check', 'model', 'build', 'compare', 'diff', 'assess', 'init', 'serve'] as const;

/** What a command stopped by Ctrl-C or SIGTERM leaves behind (the others stop at once, see cli.ts). */
const leftWhenStopped: Record<string, string> = {
  build: 'every output is either as it was or complete, and the next build makes the rest',
  compare: 'nothing was written',
  diff: 'nothing was written',
  assess: 'nothing was written',
  serve: 'the server and its browser are closed',
};

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
    const failure = describeFailure(isParseArgsError(error) ? toUsageError(error) : error, io.signal, leftWhenStopped[command ?? '']);
    if (!failure) throw error;
    if (failure.message !== null) io.stderr(`ladders: ${failure.message}\n`);
    if (failure.exitCode === exitCode.usageError) io.stderr('Run `ladders --help` for usage.\n');
    return failure.exitCode;
  }
}

/** The command `args` name (`build`, `check` …), or null when they name none or do not parse. */
export function commandOf(args: readonly string[]): string | null {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true }).positionals[0] ?? null;
  } catch {
    return null;
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
  if (!(commands as readonly string[]).includes(command)) throw unknownName('command', command, commands);
  if (extra.length > (command === 'init' ? 1 : 0) && command !== 'compare' && command !== 'diff' && command !== 'assess')
    throw new UsageError(`unexpected argument \`${extra.at(-1)}\``);
  // A new repository has no configuration yet, and the folder init runs from may have one that is not its.
  if (command === 'init') return (await import('./commands/init.js')).init({ dir: extra[0] ?? '.', from: values.from ?? null }, io);
  if (values.from !== undefined) throw new UsageError('`--from` applies to `init` only');
  if (values.strict && command !== 'check') throw new UsageError('`--strict` applies to `check` only');
  if (values.json && command !== 'build' && command !== 'diff' && command !== 'assess')
    throw new UsageError('`--json` applies to `build`, `diff` and `assess` only');
  const buildOnly =
    (['force', 'check', 'quiet'] as const).find((name) => values[name]) ??
    (['shard', 'variant', 'for', 'date', 'since'] as const).find((name) => values[name] !== undefined);
  if (buildOnly && command !== 'build') throw new UsageError(`\`--${buildOnly}\` applies to \`build\` only`);
  const serveOnly = values.open ? 'open' : (['port', 'host'] as const).find((name) => values[name] !== undefined);
  if (serveOnly && command !== 'serve') throw new UsageError(`\`--${serveOnly}\` applies to \`serve\` only`);
  const { config, file, dir: configDir } = await loadConfig(io.cwd);
  if (file) {
    io.stderr(formatMessages([file]));
    if (file.messages.some((message) => message.fatal)) return exitCode.usageError;
  }
  // A configuration found in a folder above: the default folders start there too, as its own paths do.
  const elsewhere = configDir !== null && configDir !== path.resolve(io.cwd) ? configDir : null;
  const byDefault = (name: string) => (elsewhere ? path.join(elsewhere, name) : name);
  const ladders = values.ladders ?? config.ladders ?? byDefault('ladders');
  const configOut = config.out ?? byDefault('out');
  // The output folder may lie in the ladder folder: its Markdown handouts are not pages to read.
  const skipFolders = [path.resolve(io.cwd, values.out ?? configOut)];
  const reading = { title: config.title ?? null, seniorityWords: config.seniorityWords, shapes: config.shapes, skipFolders };
  if (command !== 'diff' && command !== 'serve')
    await (await import('./commands/require-ladder-folder.js')).requireLadderFolder(ladders, io.cwd);
  // Each command is loaded on demand: `build`'s templates and browser would only slow `check` down.
  if (command === 'check') {
    const configFile = elsewhere && file ? file.path : null;
    const format = values.format === undefined ? 'text' : parseCheckFormat(values.format);
    return (await import('./commands/check.js')).check({ ladders, reading, strict: values.strict, format, configFile }, io);
  }
  if (command === 'model') return (await import('./commands/model.js')).model({ ladders, reading }, io);
  const branding = brandingOf(config);
  // The configuration's own files: no command's output folder may overwrite them.
  const settingsFiles = [
    ...(file ? [{ what: 'the configuration file', path: file.path }] : []),
    ...(config.logo ? [{ what: 'the logo', path: config.logo.path }] : []),
    ...(config.labels ? [{ what: 'the labels file', path: config.labels.path }] : []),
  ];
  // `diff` without `--out` takes `--format` for what it prints, not for files.
  const formatsTyped = values.format !== undefined && !(command === 'diff' && values.out === undefined);
  const formatList = formatsTyped ? parseFormats(values.format ?? '') : (config.formats ?? [...formats]);
  // Null: the paper of the pages' locale, once the ladder has said which that is.
  const paper = values.paper === undefined ? (config.paper ?? null) : parsePaper(values.paper);
  const date = sourceDate(io.env);
  // Where a handout written by `compare`, `diff --out` or `assess --out` takes its look from, as `build` does.
  const handoutOutput = {
    templates: values.templates ?? config.templates,
    formats: command === 'build' ? formatList : handoutFormats(formatList, formatsTyped, command),
    paper,
    browser: values.browser,
    date,
    branding,
    settingsFiles,
  };
  if (command === 'diff') {
    // With `--out`, `--format` lists the handout's formats, as for `compare`; without, it says what is printed.
    const printed = values.json
      ? 'json'
      : values.format === undefined || values.out !== undefined
        ? 'text'
        : parseDiffFormat(values.format);
    if (values.json && values.format !== undefined)
      throw new UsageError('`--json` and `--format` each choose what `diff` prints; give one');
    if (values.out !== undefined && values.json)
      throw new UsageError('`--json` prints the changes instead of writing them: `--out` and `--json` do not go together');
    const out = values.out === undefined ? null : { out: values.out, ...handoutOutput };
    return (await import('./commands/diff.js')).diff({ ladders, reading, sides: extra, format: printed, out }, io);
  }
  if (command === 'serve') {
    const options = {
      ladders: values.ladders,
      templates: values.templates,
      paper: values.paper === undefined ? undefined : parsePaper(values.paper),
      browser: values.browser,
      port: values.port === undefined ? 4400 : parsePort(values.port),
      host: values.host ?? '127.0.0.1',
      open: values.open,
    };
    return (await import('./commands/serve.js')).serve(options, io);
  }
  if (command === 'assess') {
    const options = {
      ladders,
      reading,
      files: extra,
      // Only where `--out` says: an assessment is personal, and no folder is a safe default for it.
      out: values.out ?? null,
      sharedOut: configOut,
      json: values.json,
      ...handoutOutput,
    };
    return (await import('./commands/assess.js')).assess(options, io);
  }
  if (command === 'compare') {
    const options = { ladders, reading, codes: extra, out: values.out ?? null, ...handoutOutput };
    return (await import('./commands/compare.js')).compare(options, io);
  }
  if (values.check && values.force) throw new UsageError('`--check` writes nothing, so `--force` has no meaning with it');
  const out = values.out ?? configOut;
  const preparedFor = parsePreparedFor(values.for, values.date, values.out, configOut, io.cwd);
  // A book's cover shows a day only when one is given: `--date`, else the reproducible build's SOURCE_DATE_EPOCH.
  const coverDate = values.date === undefined ? date : parseDay(values.date);
  const { build } = await import('./commands/build.js');
  return build(
    {
      ladders,
      reading,
      out,
      templates: values.templates ?? config.templates,
      formats: formatList,
      // A copy prepared for someone is the handout alone, unless a variant is asked for.
      variants: values.variant === undefined ? (preparedFor ? ['handout'] : ['handout', 'review']) : [parseVariant(values.variant)],
      only: values.only,
      paper,
      browser: values.browser,
      force: values.force,
      check: values.check,
      shard: values.shard === undefined ? null : parseShard(values.shard),
      quiet: values.quiet,
      json: values.json,
      preparedFor,
      date,
      coverDate,
      branding,
      since: values.since ?? null,
      settingsFiles,
    },
    io,
  );
}

function parseVariant(name: string): Variant {
  const variant = variants.find((candidate) => candidate === name.toLowerCase());
  if (variant) return variant;
  throw unknownName('variant', name, variants);
}

/**
 * `--for NAME --date YYYY-MM-DD`. The date is asked for, not taken from the clock, so the copy can be
 * made again byte for byte; and the copy must go to a folder of its own (`--out`), so the standard
 * handouts are never overwritten with one person's.
 */
function parsePreparedFor(
  name: string | undefined,
  date: string | undefined,
  out: string | undefined,
  standardOut: string,
  cwd: string,
): { name: string; date: Date } | null {
  if (name === undefined) return null;
  // Printed on every page of the copy: control characters, which no reader sees, never reach one.
  const shownName = dropControls(name).trim();
  if (!shownName) throw new UsageError('`--for` needs the name of the person the copy is for');
  if (date === undefined) throw new UsageError('`--for` needs `--date YYYY-MM-DD`, the day to print on the copy');
  const parsed = parseDay(date);
  if (out === undefined || path.resolve(cwd, out) === path.resolve(cwd, standardOut)) {
    throw new UsageError('`--for` writes a copy for one person: give it its own folder with `--out`, apart from the standard handouts');
  }
  return { name: shownName, date: parsed };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`\`--port ${text}\` must be a number from 0 to 65535 (0 picks a free port)`);
  return port;
}

function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`\`--shard ${text}\` must be I/N with 1 ≤ I ≤ N, such as \`--shard 2/4\``);
  return { index, count };
}

/** A day written `YYYY-MM-DD`; one that does not exist, such as 30 February, is refused with the month's length. */
function parseDay(text: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!day) throw new UsageError(`\`--date ${text}\` is not a day written YYYY-MM-DD, such as \`--date 2026-12-01\``);
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  if (month < 1 || month > 12) throw new UsageError(`\`--date ${text}\` is not a real day: there is no month ${month}`);
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date < 1 || date > length) {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    throw new UsageError(`\`--date ${text}\` is not a real day: ${name} has ${length} days`);
  }
  return new Date(Date.UTC(year, month - 1, date));
}

function parseFormats(list: string): OutputFormat[] {
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (!(formats as readonly string[]).includes(name)) throw unknownName('format', name, formats);
  }
  return formats.filter((format) => names.includes(format));
}

/**
 * The formats of one handout (`compare`, `diff --out`): a book is a build's, binding the ladder's pages.
 * Asked for by name, it is refused rather than silently left out; from the configuration, where it is
 * meant for `build`, it is left out, and a configuration that lists only books gets every handout format.
 */
function handoutFormats(list: readonly OutputFormat[], typed: boolean, command: string): OutputFormat[] {
  if (typed && list.includes('book'))
    throw new UsageError(`\`--format book\` is made by \`build\` only: \`${command}\` writes ${handoutFormatNames.join(', ')}`);
  const chosen = list.filter((format) => format !== 'book');
  return chosen.length > 0 ? chosen : [...handoutFormatNames];
}

const handoutFormatNames = formats.filter((format) => format !== 'book');

function parseDiffFormat(name: string): 'text' | 'md' | 'json' {
  const format = diffFormats.find((candidate) => candidate === name.trim().toLowerCase());
  if (format) return format;
  throw unknownName('format', name, diffFormats);
}

const diffFormats = ['text', 'md', 'json'] as const;

function parseCheckFormat(name: string): 'text' | 'sarif' {
  const format = checkFormats.find((candidate) => candidate === name.trim().toLowerCase());
  if (format) return format;
  throw unknownName('format', name, checkFormats);
}

const checkFormats = ['text', 'sarif'] as const;

function parsePaper(name: string): Paper {
  const paper = papers.find((candidate) => candidate === name.toLowerCase());
  if (paper) return paper;
  throw unknownName('paper', name, papers);
}

/** A name that is not one of `choices`: the nearest one when it is near (a typo), else the list. */
function unknownName(what: string, name: string, choices: readonly string[]): UsageError {
  const suggestion = closestMatch(name, choices);
  if (suggestion) return new UsageError(`unknown ${what} ${quote(name)}; did you mean ${quote(suggestion)}?`);
  return new UsageError(`unknown ${what} ${quote(name)}, expected ${quoteChoices(choices)}`);
}

function isParseArgsError(error: unknown): error is TypeError & { code: string } {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

/** Node's parse errors go on to explain `--`; the first sentence is the part that helps, with the nearest option for a typo. */
function toUsageError(error: TypeError & { code: string }): UsageError {
  const reason = error.message.split('. ')[0] ?? error.message;
  const option = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-{1,2}[^']*)'/.exec(reason)?.[1] : undefined;
  const suggestion = option?.startsWith('--') ? closestMatch(option.slice(2), Object.keys(options)) : null;
  return new UsageError(suggestion ? `${reason}; did you mean \`--${suggestion}\`?` : reason);
}
