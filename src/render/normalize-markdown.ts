import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
  .freeze();

/** Parse and print Markdown again, so every handout is canonical GitHub-flavoured Markdown. */
export function normalizeMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
