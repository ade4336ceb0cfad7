import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { LadderSource } from './read-ladders.js';
import { report } from '../messages.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Parse a page into a Markdown syntax tree (GitHub-flavoured, with YAML front matter). */
export function parseMarkdown(page: LadderSource): Root | null {
  if (page.text === null) return null;
  try {
    return parser.parse(page.text);
  } catch (error) {
    // The parser recurses on nesting; input nested thousands deep can exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    report(page.file, 'error', 'The page is nested too deeply to parse', undefined, 'unparseable');
    return null;
  }
}
