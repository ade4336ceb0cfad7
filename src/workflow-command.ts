import type { VFileMessage } from 'vfile-message';
import { severityOf } from './messages.js';

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * One message as a GitHub Actions workflow command, `::error file=…,line=…,col=…,title=<rule-id>::…`,
 * which GitHub shows on the pull request's line; a second place (`cause`) follows in the text.
 */
export function toWorkflowCommand(message: VFileMessage): string {
  const properties = [
    `file=${escapeProperty(message.file ?? '')}`,
    `line=${message.line ?? 1}`,
    `col=${message.column ?? 1}`,
    `title=${escapeProperty(message.ruleId ?? 'ladders')}`,
  ];
  const cause = message.cause as Partial<VFileMessage> | undefined;
  const note = cause?.reason ? `\n${cause.file ?? ''}:${cause.line ?? 1}:${cause.column ?? 1}: note ${cause.reason}` : '';
  return `::${commands[severityOf(message)]} ${properties.join(',')}::${escapeData(message.reason + note)}`;
}

/** A command's text as GitHub reads it back: `%`, CR and LF spelt as percent escapes. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A command's property value: as its text, and `:` and `,`, which end a property, escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
