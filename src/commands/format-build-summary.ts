import type { BuildOptions } from './build-options.js';
import type { BuildSummary } from './build-summary.js';
import path from 'node:path';
import { plural } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { boundedList, escapeMarkdown, markdownCode } from '../ci/step-summary.js';

/** The job summary's part for `build`: how it ended, what it wrote, kept and removed, and where. */
export function formatBuildSummary(summary: BuildSummary, options: Pick<BuildOptions, 'out' | 'shard' | 'check'>, cwd: string): string {
  const counts = { error: 0, warning: 0 };
  for (const message of summary.messages) if (message.severity === 'error' || message.severity === 'warning') counts[message.severity] += 1;
  const shard = options.shard ? `, shard ${options.shard.index}/${options.shard.count}` : '';
  const outcome = summary.exitCode === 0 ? 'passed' : `failed (exit ${summary.exitCode})`;
  const lines = [
    `### ladders build${options.check ? ' --check' : ''} ${outcome}`,
    '',
    `Output folder ${markdownCode(displayPath(path.resolve(cwd, options.out), cwd))}${shard}: ` +
      `${summary.written.length} written, ${summary.current.length} current, ${summary.removed.length} removed; ` +
      `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}.`,
  ];
  if (summary.differences.length > 0)
    lines.push(
      '',
      'Not as a build would leave them:',
      '',
      boundedList(summary.differences.map((d) => `${d.state} ${markdownCode(d.path)}`)),
    );
  if (summary.written.length > 0) lines.push('', 'Written:', '', boundedList(summary.written.map(markdownCode)));
  if (summary.removed.length > 0) lines.push('', 'Removed:', '', boundedList(summary.removed.map(markdownCode)));
  const problems = summary.messages
    .filter((message) => message.severity !== 'info')
    .map(
      (m) =>
        `${m.severity} ${markdownCode(`${m.file}:${m.line}:${m.column}`)} ${escapeMarkdown(m.reason)}${m.rule ? ` (${markdownCode(m.rule)})` : ''}`,
    );
  if (problems.length > 0) lines.push('', 'Problems:', '', boundedList(problems));
  return lines.join('\n');
}
