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
  return String(processor.processSync(markdown));
}
