import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';

/**
 * The parts of GFM a page is written with: tables, task lists, and strikethrough (whose extension
 * also escapes a `~` in ladder text). Not the whole of remark-gfm: its autolink and footnote
 * extensions roughly double the time of every page, for constructs no page uses.
 */
function pageSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown(), gfmTaskListItemToMarkdown(), gfmStrikethroughToMarkdown());
}

const processor = unified()
  .use(remarkParse)
  .use(pageSyntax)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
  .freeze();

/** Parse and print Markdown again, so every handout is canonical GitHub-flavoured Markdown. */
export function normalizeMarkdown(markdown: string): string {
  const blocks = splitBlocks(markdown);
  if (!blocks) return normalizeWhole(markdown);
  const normalized = blocks.map(normalizeBlock).filter((block) => block !== '');
  return normalized.length === 0 ? '' : `${normalized.join('\n\n')}\n`;
}

/** Parse and print a whole document at once: the reference the block by block way must always agree with. */
export function normalizeWhole(markdown: string): string {
  return String(processor.processSync(markdown));
}

// Pages of one ladder repeat most of their blocks (an axis's scale, the table's head, the labels), so
// each distinct block is parsed once. A block's form depends on its text alone, never on the order pages
// come in; the map is emptied when it grows large, so a build of thousands of pages stays flat in memory.
const normalizedBlocks = new Map<string, string>();
const maxBlocks = 4000;

function normalizeBlock(block: string): string {
  let normalized = normalizedBlocks.get(block);
  if (normalized === undefined) {
    if (normalizedBlocks.size >= maxBlocks) normalizedBlocks.clear();
    normalized = normalizeWhole(block).replace(/\n+$/, '');
    normalizedBlocks.set(block, normalized);
  }
  return normalized;
}

// Only empty lines part blocks: micromark reads a line of spaces after indented code differently from an empty one.
const blankLines = /\n{2,}/;
// Indented code, or a list item's text going on after a blank line.
const indentedLine = /^(?: {4}| {0,3}\t)/m;
// A list item, also inside quotes: remark gives a list the other marker when the block before it ended in a list.
const listItemStart = /^(?:[ \t]*>)*[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const listItemLine = new RegExp(listItemStart.source, 'm');
// HTML blocks that a blank line does not end (script, pre, style, textarea, `<?`, `<!X`, CDATA); a comment is checked on its own.
const htmlPastBlankLines = /<(?:script|pre|style|textarea|\?|!(?!--))/i;

/**
 * The blocks between blank lines, when each can be printed on its own and the page is those printed
 * blocks joined by blank lines (what remark does with top-level blocks); null when something may run
 * across a blank line: a fence, an HTML block, indented code, a list going on, or a reference definition.
 */
function splitBlocks(markdown: string): string[] | null {
  if (
    markdown.includes('```') ||
    markdown.includes('~~~') ||
    markdown.includes(']:') ||
    htmlPastBlankLines.test(markdown) ||
    indentedLine.test(markdown)
  )
    return null;
  const blocks = markdown.split(blankLines);
  for (const [index, block] of blocks.entries()) {
    if (index > 0 && /^[ \t]/.test(block)) return null;
    if (index > 0 && listItemStart.test(block) && listItemLine.test(blocks[index - 1]!)) return null;
    const comment = block.lastIndexOf('<!--');
    if (comment >= 0 && !block.includes('-->', comment + 4)) return null;
  }
  return blocks;
}
