import { appendFile } from 'node:fs/promises';
import { describeSystemError, isSystemError } from '../failures.js';
import { escapeMarkdown as escapeMarkdownText } from '../render/escape-markdown.js';
import type { CommandIo } from '../command-io.js';

/** Whether the command runs in a GitHub Actions job, where messages are also workflow commands. */
export function isGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * Add `markdown` to the job's summary page (the file `$GITHUB_STEP_SUMMARY` names) on GitHub Actions;
 * elsewhere nothing. A summary that cannot be written is said on stderr and fails nothing.
 */
export async function appendStepSummary(io: CommandIo, markdown: string): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!isGitHubActions(io.env) || !file) return;
  try {
    await appendFile(file, `${markdown.trimEnd()}\n\n`);
  } catch (error) {
    const reason = isSystemError(error) ? describeSystemError(error) : String(error);
    io.stderr(`ladders: cannot add to the job's summary: ${reason}\n`);
  }
}

/** A user's text in Markdown on one line, shown as it is: no markup, no HTML, no live link. */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' '));
}

/** A path or name in Markdown, as code where it can be, else escaped. */
export function markdownCode(text: string): string {
  return /^[^`|\s]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

/** A list of at most `limit` lines, and how many more there are. */
export function boundedList(items: readonly string[], limit = 30): string {
  const shown = items.slice(0, limit).map((item) => `- ${item}`);
  if (items.length > limit) shown.push(`- … and ${items.length - limit} more`);
  return shown.join('\n');
}
