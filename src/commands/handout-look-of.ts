import { brandingOf } from '../config/branding-of.js';
import { UsageError } from '../failures.js';
import { formats, type OutputFormat } from '../formats.js';
import { sourceDate } from './environment.js';
import { parseFormats, parsePaper } from './flag-values.js';
import type { Settings } from './load-settings.js';
import type { HandoutOptions } from './write-handout.js';
import type { CommandIo } from '../command-io.js';

/** The flags that say how a handout looks, as `build` takes them too. */
export interface LookFlags {
  /** Undefined when not given, or when it says something else than the handout's formats (`diff` without `--out`). */
  format: string | undefined;
  paper: string | undefined;
  templates: string | undefined;
  browser: string | undefined;
}

/**
 * How a handout written by `compare`, `diff --out` or `assess --out` looks, taken as `build` takes it:
 * the flags, else the configuration.
 */
export function handoutLookOf(command: string, flags: LookFlags, settings: Settings, io: CommandIo): Omit<HandoutOptions, 'out'> {
  const { config } = settings;
  const branding = brandingOf(config);
  const listed = flags.format === undefined ? (config.formats ?? [...formats]) : parseFormats(flags.format);
  return {
    templates: flags.templates ?? config.templates,
    formats: handoutFormats(listed, flags.format !== undefined, command),
    // Null: the paper of the pages' locale, once the ladder has said which that is.
    paper: flags.paper === undefined ? (config.paper ?? null) : parsePaper(flags.paper),
    browser: flags.browser,
    date: sourceDate(io.env),
    branding,
    settingsFiles: settings.settingsFiles,
  };
}

/**
 * The formats of one handout: a book is a build's, binding the ladder's pages. Asked for by name, it
 * is refused rather than silently left out; from the configuration, where it is meant for `build`, it
 * is left out, and a configuration that lists only books gets every handout format.
 */
function handoutFormats(list: readonly OutputFormat[], typed: boolean, command: string): OutputFormat[] {
  if (typed && list.includes('book'))
    throw new UsageError(`\`--format book\` is made by \`build\` only: \`${command}\` writes ${handoutFormatNames.join(', ')}`);
  const chosen = list.filter((format) => format !== 'book');
  return chosen.length > 0 ? chosen : [...handoutFormatNames];
}

const handoutFormatNames = formats.filter((format) => format !== 'book');
