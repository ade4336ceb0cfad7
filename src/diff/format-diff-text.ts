import type { LadderDiff } from '../ladder-diff.js';
import { outlineDiff, type Span } from './outline-diff.js';

/**
 * The diff as plain terminal text: a title, each section with its lines indented under it, and the
 * summary; words removed are shown `[-so-]` and words added `{+so+}`, as `git diff --word-diff` does,
 * and no colours, so the text reads the same in a pipe.
 */
export function formatDiffText(diff: LadderDiff): string {
  const outline = outlineDiff(diff);
  const lines = [spansText(outline.title), ''];
  for (const section of outline.sections) {
    lines.push(spansText(section.title));
    for (const item of section.items) {
      lines.push('  ' + spansText(item.head));
      for (const detail of item.details) lines.push('    ' + spansText(detail));
    }
    lines.push('');
  }
  lines.push(outline.summary);
  return lines.join('\n') + '\n';
}

function spansText(spans: readonly Span[]): string {
  return spans
    .map((span) => (span.style === 'added' ? `{+${span.text}+}` : span.style === 'removed' ? `[-${span.text}-]` : span.text))
    .join('')
    .replace(/\s*\n\s*/g, ' ');
}
