import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Node } from 'unist';
import { unified } from 'unified';
import { report } from '../messages.js';
import type { LadderSource } from './read-ladders.js';
import { checkParseCost } from './check-parse-cost.js';
import { splitIntoChunks, type Chunk } from './split-into-chunks.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
// Front matter opens a page only: a later chunk that starts with `---` starts with a thematic break.
const bodyParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parse a page into a Markdown syntax tree (GitHub-flavoured, with YAML front matter). */
export function parseMarkdown(page: LadderSource): Root | null {
  if (page.text === null) return null;
  const chunks = splitIntoChunks(page.text);
  const problem = checkParseCost(chunks);
  if (problem) {
    report(page.file, 'error', problem.reason, problem.place, problem.ruleId);
    return null;
  }
  try {
    const children = chunks.flatMap(parseChunk);
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(page.text) } };
  } catch (error) {
    // The parser recurses on nesting; input nested thousands deep can exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    report(page.file, 'error', 'The page is nested too deeply to parse', undefined, 'unparseable');
    return null;
  }
}

function parseChunk(chunk: Chunk): RootContent[] {
  const tree = (chunk.offset === 0 ? parser : bodyParser).parse(chunk.text);
  if (chunk.lineOffset > 0) shiftPositions(tree.children, chunk);
  return tree.children;
}

/** Move the positions of a chunk's nodes to where the chunk sits in the page (iteratively: trees can be deep). */
function shiftPositions(nodes: readonly Node[], chunk: Chunk): void {
  const stack: Node[] = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const point of [node.position?.start, node.position?.end]) {
      if (!point) continue;
      point.line += chunk.lineOffset;
      if (point.offset !== undefined) point.offset += chunk.offset;
    }
    if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]));
  }
}

function endOf(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: text.length };
}
