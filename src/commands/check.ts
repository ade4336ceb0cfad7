import path from 'node:path';
import { countMessages, formatMessages, sortedMessages } from '../format-messages.js';
import { appendStepSummary, boundedList, escapeMarkdown, isGitHubActions, markdownCode } from '../ci/step-summary.js';
import { toSarif } from '../ci/to-sarif.js';
import { toWorkflowCommand } from '../workflow-command.js';
import { loadLadder, type LoadedLadder } from '../read/load-ladder.js';
import { exitCode } from '../failures.js';
import { plural, quote, severityOf } from '../messages.js';
import type { CommandIo } from '../command-io.js';
import type { ReadSettings } from '../read/load-ladder.js';

/** Options of `ladders check`. */
export interface CheckOptions {
  ladders: string;
  /** What reading takes from the configuration: the framework's title, more seniority words. */
  reading?: ReadSettings;
  strict: boolean;
  /** The configuration file used, from the working folder, when it was found in a folder above; null otherwise. */
  configFile?: string | null;
  /** What is printed: messages and a summary line, or (`--format sarif`) a SARIF 2.1.0 log alone. */
  format?: 'text' | 'sarif';
}

/** `ladders check`: print every message and a summary; exit 1 on errors (or warnings, with `--strict`). */
export async function check(options: CheckOptions, io: CommandIo): Promise<number> {
  const { files, found } = await loadLadder(path.resolve(io.cwd, options.ladders), io.cwd, options.reading);
  const counts = countMessages(files);
  const summary = summaryLine(found, counts);
  if (options.format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(files), null, 2)}\n`);
    // Standard output holds the log alone; on GitHub Actions the annotations go to standard error.
    if (isGitHubActions(io.env)) for (const message of sortedMessages(files)) io.stderr(`${toWorkflowCommand(message)}\n`);
  } else {
    if (options.configFile) io.stdout(`Using the configuration in ${quote(options.configFile)}\n`);
    io.stdout(formatMessages(files));
    io.stdout(summary + '\n');
  }
  const failed = counts.error > 0 || (options.strict && counts.warning > 0);
  await appendStepSummary(io, checkSummary(files, summary, failed));
  return failed ? exitCode.contentError : exitCode.ok;
}

/** The job summary's part for `check`: the counts, and each problem with its place. */
function checkSummary(files: LoadedLadder['files'], summary: string, failed: boolean): string {
  const problems = sortedMessages(files)
    .filter((message) => severityOf(message) !== 'info')
    .map(
      (message) =>
        `${severityOf(message)} ${markdownCode(`${message.file ?? ''}:${message.line ?? 1}:${message.column ?? 1}`)} ` +
        `${escapeMarkdown(message.reason)}${message.ruleId ? ` (${markdownCode(message.ruleId)})` : ''}`,
    );
  return [`### ladders check ${failed ? 'failed' : 'passed'}`, '', escapeMarkdown(summary), '', boundedList(problems)].join('\n');
}

/** `4 roles, 18 positions: 1 error, 0 warnings`, counting what the pages hold, read into the model or not. */
function summaryLine({ roles, positions }: LoadedLadder['found'], counts: { error: number; warning: number }): string {
  const problems =
    counts.error + counts.warning === 0 ? 'no problems' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  return `${plural(roles, 'role')}, ${plural(positions, 'position')}: ${problems}`;
}
