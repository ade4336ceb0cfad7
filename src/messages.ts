import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

/** How bad a message is: errors fail `check`, warnings fail it only with `--strict`. */
export type Severity = 'error' | 'warning' | 'info';

/** A place in a file, from a parser node or a point. */
export type Place = Point | Position | undefined;

/** Another place a message points at, such as the first of two duplicates. */
export interface Cause {
  file: string;
  place: Place;
  reason: string;
}

const source = 'ladders';

/** Attach a message for the user's mistake to `file`, vfile style. */
export function report(file: VFile, severity: Severity, reason: string, place: Place, ruleId: string, cause?: Cause): VFileMessage {
  const message = file.message(reason, {
    place,
    ruleId,
    source,
    cause: cause ? causeMessage(cause) : undefined,
  });
  message.fatal = severityToFatal[severity];
  return message;
}

function causeMessage(cause: Cause): VFileMessage {
  const message = new VFileMessage(cause.reason, { place: cause.place, source });
  message.file = cause.file;
  return message;
}

const severityToFatal: Record<Severity, boolean | undefined> = {
  error: true,
  warning: false,
  info: undefined,
};

/** The severity of a message, read back from vfile's `fatal` flag. */
export function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/** Surround a user value with backticks, the way messages quote input. */
export function quote(value: string | number): string {
  return '`' + escapeControls(String(value)) + '`';
}

/**
 * A user's value with each control character written as an escape (`\n`, `\u001b`, `\u009b`), safe
 * to print on a terminal: raw, a line break would break a message's one line, and an escape sequence
 * would retitle or recolour the terminal.
 */
export function escapeControls(value: string): string {
  return value.replace(/\p{Cc}/gu, (character) => {
    // JSON escapes C0 controls only; DEL and the C1 controls (`\u009b` starts a sequence too) are left to this.
    const json = JSON.stringify(character).slice(1, -1);
    return json !== character ? json : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Quote a list of user values: `a`, `b`, `c`. */
export function quoteList(values: readonly string[]): string {
  return values.map(quote).join(', ');
}

/** Quote alternatives: `a`, `b` or `c`. */
export function quoteChoices(values: readonly string[]): string {
  const quoted = values.map(quote);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** A count with its noun, plural when it is not one: `1 role`, `3 roles`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
