import { escapeMarkdown } from '../render/escape-markdown.js';
import type { LadderDiff } from '../ladder-diff.js';
import { outlineDiff, type Span } from './outline-diff.js';

/**
 * The diff as GitHub-flavoured Markdown for a pull-request comment: a heading, the summary, a
 * section per part that changed with a bullet per change; names in bold, words removed struck
 * through and words added underlined (`<ins>`, which GitHub keeps). Ladder text is escaped.
 */
export function formatDiffMarkdown(diff: LadderDiff): string {
  const outline = outlineDiff(diff);
  const lines = [`### ${spansMarkdown(outline.title)}`, '', outline.summary];
  for (const section of outline.sections) {
    // A heading is bold already.
    lines.push('', `#### ${spansMarkdown(section.title.map((span) => (span.style === 'name' ? { ...span, style: 'text' } : span)))}`, '');
    for (const item of section.items) {
      lines.push(`- ${spansMarkdown(item.head)}`);
      for (const detail of item.details) lines.push(`  - ${spansMarkdown(detail)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function spansMarkdown(spans: readonly Span[]): string {
  return spans.map(spanMarkdown).join('');
}

/** Markers go around the words only: `~~ so~~` with a space inside would not be struck through. */
function spanMarkdown(span: Span): string {
  const text = span.text.replace(/\s*\n\s*/g, ' ');
  // This tool's own words hold nothing Markdown reads as syntax; the ladder's may hold anything.
  if (span.style === 'plain') return text;
  if (span.style === 'text') return escapeMarkdown(text);
  if (span.style === 'revision') return codeSpan(text);
  const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (!words) return text;
  const marked = {
    name: `**${escapeMarkdown(words)}**`,
    removed: `~~${escapeMarkdown(words)}~~`,
    added: `<ins>${escapeMarkdown(words)}</ins>`,
  };
  return before + marked[span.style] + after;
}

/** A revision as code: `origin/main`, fenced with more backticks than it holds in a row. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
