import type { CommandIo } from '../command-io.js';

/** One flag a command takes: how it parses (as `util.parseArgs` reads it) and how its help shows it. */
export interface Flag {
  readonly type: 'string' | 'boolean';
  /** Given again, it adds a value rather than replacing the one before. */
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's name in the help, such as `DIR`; none for a switch. */
  readonly value?: string;
  /** What it does, as the help shows it; a line break continues it on the next line. */
  readonly help: string;
}

/** A command's flags by name (the name is the flag without its `--`). */
export type Flags = Readonly<Record<string, Flag>>;

/** What the flags `F` parse to: a switch is false when left out, a repeatable flag an empty list, any other undefined. */
export type FlagValues<F extends Flags> = {
  [Name in keyof F]: F[Name]['type'] extends 'boolean' ? boolean : F[Name] extends { multiple: true } ? string[] : string | undefined;
};

/** One command as the command line knows it: its name, arguments, flags and help, and how it runs. */
export interface CommandLine<F extends Flags = Flags> {
  readonly name: string;
  /** The arguments after the name, as the usage line shows them (`A B`, `[DIR]`); empty for none. */
  readonly operands: string;
  /** How many arguments it takes at most; more is a usage error. */
  readonly maxOperands: number;
  /** One line for the overview of every command. */
  readonly summary: string;
  /** What it does, for its own help; line breaks kept. */
  readonly about: string;
  /** Whether it reads ladders.config.json, whose settings its flags override. */
  readonly readsConfiguration: boolean;
  readonly flags: F;
  /** What is left behind when Ctrl-C or SIGTERM stops it (the others stop at once, see cli.ts). */
  readonly leftWhenStopped?: string;
  /** Turn the parsed flags and arguments into the command's typed options, and run it; resolves to the exit code. */
  run(values: FlagValues<F>, operands: string[], io: CommandIo): Promise<number>;
}

/** `commandLine`, checked to be one, with its flags' types kept for its `run`. */
export function defineCommandLine<const F extends Flags>(commandLine: CommandLine<F>): CommandLine<F> {
  return commandLine;
}

/** `--ladders DIR`, which every command that reads a ladder takes. */
export const laddersFlag = { type: 'string', value: 'DIR', help: 'Folder of ladder pages (default: ladders)' } as const;

/** How one handout a command writes beside what it prints looks and is printed: `compare`, `diff` and `assess`. */
export const handoutLookFlags = {
  paper: { type: 'string', value: 'a4|letter', help: "The handout's paper size (default: the locale's, a4 or letter)" },
  templates: { type: 'string', value: 'DIR', help: 'Templates that override the shipped ones, file by file' },
  browser: { type: 'string', value: 'PATH', help: 'The Chrome or Chromium to print the PDF with (default: found)' },
} as const;
