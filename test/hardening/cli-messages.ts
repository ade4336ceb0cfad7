import { expect } from 'vitest';
import { run, type CliResult } from '../support/run.js';

/** A command's result, and the exception it threw, if one escaped. */
export interface CaughtResult extends CliResult {
  thrown: unknown;
}

/** Run `ladders …` in this process; an escaping exception is caught and returned, not thrown. */
export async function runCaught(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' },
): Promise<CaughtResult> {
  try {
    return { ...(await run(args, cwd, env)), thrown: undefined };
  } catch (error) {
    return { code: Number.NaN, stdout: '', stderr: '', thrown: error };
  }
}

/** One message line as the README defines it: `path:line:column: severity text [rule-id]`. */
export interface MessageLine {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  text: string;
  rule: string;
}

const messagePattern =
  /^(?<file>.+?):(?<line>[1-9]\d*):(?<column>[1-9]\d*): (?<severity>error|warning|info) (?<text>\S.*) \[(?<rule>[a-z0-9]+(?:-[a-z0-9]+)*)\]$/;
// A second place a message points at, such as the first of two duplicates, indented under it.
const notePattern = /^ {2}.+?:[1-9]\d*:[1-9]\d*: note \S.*$/;
const summaryPattern = /^\d+ roles?, \d+ positions?: (no problems|\d+ errors?, \d+ warnings?)$/;

/**
 * The message lines of a command's output, each checked to be well-formed: for `check` its stdout
 * (messages, then one summary line), for `build` its stderr (messages only, when the ladders have errors).
 */
export function readMessageLines(output: string, { summary }: { summary: boolean }): MessageLine[] {
  expect(output, 'the output ends with a line break').toMatch(/(^|\n)$/);
  const lines = output.split('\n').slice(0, -1);
  if (summary) expect(lines.pop(), 'the last line is the summary').toMatch(summaryPattern);
  const messages: MessageLine[] = [];
  for (const line of lines) {
    if (notePattern.test(line)) continue;
    const match = messagePattern.exec(line);
    expect(match, `a well-formed message line: ${JSON.stringify(line.slice(0, 300))}`).not.toBeNull();
    const { file = '', line: lineNumber = '', column = '', severity = '', text = '', rule = '' } = match?.groups ?? {};
    messages.push({ file, line: Number(lineNumber), column: Number(column), severity: severity as MessageLine['severity'], text, rule });
  }
  return messages;
}

/** `file:line:column rule` for each error, sorted: what a corpus case pins down. */
export function errorPlaces(messages: readonly MessageLine[]): string[] {
  return messages
    .filter((message) => message.severity === 'error')
    .map((message) => `${message.file}:${message.line}:${message.column} ${message.rule}`)
    .sort();
}
