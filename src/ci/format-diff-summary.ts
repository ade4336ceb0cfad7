import type { LadderDiff } from '../ladder-diff.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { summarizeDiff } from '../diff/summarize-diff.js';
import { escapeMarkdown, markdownCode } from './step-summary.js';

/** Past this, the changes are left out of the job's summary (GitHub takes 1 MiB a step), and the counts stay. */
const maxChangesLength = 64 * 1024;

/** The job summary's part for `diff`: the two versions, the counts, the changes folded away, and where a handout went. */
export function formatDiffSummary(diff: LadderDiff, sides: readonly string[], out: string | null): string {
  const [from = '', to = ''] = sides;
  const changes = formatDiffMarkdown(diff);
  const lines = [`### ladders diff ${markdownCode(from)} → ${markdownCode(to)}`, '', escapeMarkdown(summarizeDiff(diff))];
  if (out !== null) lines.push('', `The changelog handout is in ${markdownCode(out)}.`);
  if (changes.length <= maxChangesLength)
    lines.push('', '<details><summary>What changed</summary>', '', changes.trimEnd(), '', '</details>');
  else lines.push('', `The changes are too long to show here (${Math.round(changes.length / 1024)} KB): run \`ladders diff\` to see them.`);
  return lines.join('\n');
}
