import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from './messages.js';
import { compareText } from './paths-and-order.js';
import { toWorkflowCommand } from './workflow-command.js';

// On GitHub Actions every message is also printed as a workflow command; the command line sets this once.
let withWorkflowCommands = false;

/** Print every message a second time as a GitHub Actions workflow command (`GITHUB_ACTIONS=true`), or stop. */
export function setWorkflowCommands(on: boolean): void {
  withWorkflowCommands = on;
}

/** Whether messages are also printed as workflow commands, for a worker thread to do the same. */
export function hasWorkflowCommands(): boolean {
  return withWorkflowCommands;
}

/** Render messages the way compilers do: `path:line:column: severity text [rule-id]`; `problemsOnly` leaves out infos. */
export function formatMessages(files: readonly VFile[], { problemsOnly = false } = {}): string {
  const lines: string[] = [];
  for (const message of sortedMessages(files)) {
    if (problemsOnly && severityOf(message) === 'info') continue;
    lines.push(formatMessage(message));
    if (message.cause && isMessage(message.cause)) {
      lines.push('  ' + formatPlace(message.cause) + ': note ' + message.cause.reason);
    }
    if (withWorkflowCommands) lines.push(toWorkflowCommand(message));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** One message on one line. */
export function formatMessage(message: VFileMessage): string {
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${formatPlace(message)}: ${severityOf(message)} ${message.reason}${rule}`;
}

function formatPlace(message: VFileMessage): string {
  return `${message.file ?? ''}:${message.line ?? 1}:${message.column ?? 1}`;
}

function isMessage(value: unknown): value is VFileMessage {
  return typeof value === 'object' && value !== null && 'reason' in value && 'line' in value;
}

/** All messages of all files, by file, then line, then column. */
export function sortedMessages(files: readonly VFile[]): VFileMessage[] {
  return files
    .flatMap((file) => file.messages)
    .sort((a, b) => compareText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Counts of errors, warnings and infos across files. */
export function countMessages(files: readonly VFile[]): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const message of files.flatMap((file) => file.messages)) counts[severityOf(message)] += 1;
  return counts;
}

/** A message as data, for `--json`. */
export interface MessageData {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string | null;
  reason: string;
}

/** Every message of `files` as data, for `--json`. */
export function messagesAsData(files: readonly VFile[]): MessageData[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: severityOf(message),
      rule: message.ruleId ?? null,
      reason: message.reason,
    })),
  );
}
