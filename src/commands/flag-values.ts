import { UsageError } from '../failures.js';
import { formats, papers, type OutputFormat, type Paper } from '../formats.js';
import { quote, quoteChoices } from '../messages.js';
import { closestMatch } from '../read/closest-match.js';

/** The one of `choices` that `name` names, in any letter case; else a usage error naming the nearest. */
export function parseChoice<const Choice extends string>(what: string, name: string, choices: readonly Choice[]): Choice {
  const choice = choices.find((candidate) => candidate === name.trim().toLowerCase());
  if (choice) return choice;
  throw unknownName(what, name, choices);
}

/** `--paper a4|letter`. */
export function parsePaper(name: string): Paper {
  return parseChoice('paper', name, papers);
}

/** `--format` as a comma-separated list of output formats, in the tool's order. */
export function parseFormats(list: string): OutputFormat[] {
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  for (const name of names) parseChoice('format', name, formats);
  return formats.filter((format) => names.includes(format));
}

/** A name that is not one of `choices`: the nearest one when it is near (a typo), else the list. */
export function unknownName(what: string, name: string, choices: readonly string[]): UsageError {
  const suggestion = closestMatch(name, choices);
  if (suggestion) return new UsageError(`unknown ${what} ${quote(name)}; did you mean ${quote(suggestion)}?`);
  return new UsageError(`unknown ${what} ${quote(name)}, expected ${quoteChoices(choices)}`);
}
