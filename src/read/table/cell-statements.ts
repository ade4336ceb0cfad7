import type { ElementContent, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import type { Statement } from '../../model.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { GridCell } from './grid.js';

/** The safe inline Markdown of a run of Markdown nodes (the shape context's `richText` for the page). */
export type RichText = (nodes: readonly RootContent[]) => string;

/** One statement before it is made safe Markdown: one paragraph of Markdown. */
interface Block {
  kind: Statement['kind'];
  paragraph: Paragraph;
  position: Position | undefined;
}

const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();
const bulletMarks = ['- ', '* ', '+ ', '\u2022 '];

/**
 * What each cell says, as statements: the items of its lists as bullets and its paragraphs as
 * paragraphs. A pipe table's cell is one line: `<br>` parts it, and a part starting with `- ` or `•`
 * is a bullet. An empty cell says nothing. The cells of a table are made safe Markdown together:
 * once a statement, that took most of the reading time.
 */
export function toStatements(cells: readonly (GridCell | null)[], filePath: string, richText: RichText): Statement[][] {
  const htmlCells = cells.filter((cell): cell is GridCell & { content: { kind: 'html' } } => cell?.content.kind === 'html');
  const htmlBlocks = htmlCellsBlocks(htmlCells.map((cell) => cell.content.nodes));
  const htmlIndex = new Map<GridCell, number>(htmlCells.map((cell, index) => [cell, index]));
  const blocks = cells.map((cell) => {
    if (!cell) return [];
    return cell.content.kind === 'markdown' ? pipeCellBlocks(cell.content.nodes) : (htmlBlocks[htmlIndex.get(cell) ?? -1] ?? []);
  });
  const texts = renderAll(blocks.flat(), richText);
  let next = 0;
  return blocks.map((cellBlocks, index) =>
    cellBlocks.flatMap((block) => {
      const text = texts[next++] ?? '';
      if (!text) return [];
      const start = block.position?.start;
      const source = start ? placeOf(filePath, start) : (cells[index]?.source ?? placeOf(filePath, undefined));
      return [{ kind: block.kind, text, isNew: false, source }];
    }),
  );
}

/** The safe Markdown of each block: all in one go when the paragraphs come apart as they went in, else one by one. */
function renderAll(blocks: readonly Block[], richText: RichText): string[] {
  if (blocks.length === 0) return [];
  const together = richText(blocks.map((block) => block.paragraph)).split('\n\n');
  if (together.length === blocks.length) return together;
  return blocks.map((block) => richText([block.paragraph]));
}

function pipeCellBlocks(nodes: readonly PhrasingContent[]): Block[] {
  const parts: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'html' && isLineBreak(node.value)) parts.push([]);
    else parts.at(-1)?.push(structuredClone(node));
  }
  return parts.flatMap((part) => {
    const first = part[0];
    if (first?.type !== 'text') return part.length > 0 ? [toBlock('paragraph', part, first?.position)] : [];
    const trimmed = first.value.replace(/^\s+/, '');
    const mark = bulletMarks.find((candidate) => trimmed.startsWith(candidate));
    first.value = mark ? trimmed.slice(mark.length) : trimmed;
    if (!first.value && part.length === 1) return [];
    return [toBlock(mark ? 'bullet' : 'paragraph', part, first.position)];
  });
}

function toBlock(kind: Statement['kind'], children: PhrasingContent[], position: Position | undefined): Block {
  return { kind, paragraph: { type: 'paragraph', children }, position };
}

const lineBreaks = new Map<string, boolean>();

/** `<br>`, `<br/>` or `<br />`, told by parsing it as HTML (once a spelling). */
function isLineBreak(html: string): boolean {
  const known = lineBreaks.get(html);
  if (known !== undefined) return known;
  const root = htmlParser.parse(html);
  const isBreak = root.children.length === 1 && root.children[0]?.type === 'element' && root.children[0].tagName === 'br';
  if (lineBreaks.size < 100) lineBreaks.set(html, isBreak);
  return isBreak;
}

/**
 * The blocks of each HTML cell. The cells are turned into Markdown together, a rule between each two
 * (turning HTML into Markdown has a cost a call), unless a cell holds a rule of its own.
 */
function htmlCellsBlocks(cells: readonly ElementContent[][]): Block[][] {
  if (cells.length === 0) return [];
  const rule: ElementContent = { type: 'element', tagName: 'hr', properties: {}, children: [] };
  if (cells.length > 1 && !cells.some(holdsRule)) {
    const tree = toMdast({ type: 'root', children: cells.flatMap((cell, index) => (index === 0 ? cell : [rule, ...cell])) });
    const parts: RootContent[][] = [[]];
    for (const node of 'children' in tree ? (tree.children as RootContent[]) : []) {
      if (node.type === 'thematicBreak') parts.push([]);
      else parts.at(-1)?.push(node);
    }
    if (parts.length === cells.length) return parts.map(toBlocks);
  }
  return cells.map((cell) => {
    const tree = toMdast({ type: 'root', children: cell } satisfies HastRoot);
    return toBlocks('children' in tree ? (tree.children as RootContent[]) : []);
  });
}

function holdsRule(nodes: readonly ElementContent[]): boolean {
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'hr') return true;
    stack.push(...node.children);
  }
  return false;
}

/** A cell's Markdown as statements: list items as bullets (nested ones after their parent), the rest as paragraphs. */
function toBlocks(nodes: readonly RootContent[]): Block[] {
  const blocks: Block[] = [];
  let inline: PhrasingContent[] = [];
  const flush = () => {
    if (inline.length > 0) blocks.push(toBlock('paragraph', inline, inline[0]?.position));
    inline = [];
  };
  const stack: RootContent[] = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'list') {
      flush();
      blocks.push(...listBlocks(node));
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      flush();
      blocks.push(toBlock('paragraph', node.children, node.position));
    } else if (node.type === 'blockquote') {
      flush();
      stack.push(...[...node.children].reverse());
    } else if (phrasingTypes.has(node.type)) {
      inline.push(node as PhrasingContent);
    } else {
      flush();
      const text = plainText(node);
      if (text) blocks.push(toBlock('paragraph', [{ type: 'text', value: text }], node.position));
    }
  }
  flush();
  return blocks;
}

function listBlocks(list: List): Block[] {
  const blocks: Block[] = [];
  // Items and lists to visit, in order, without recursion: HTML lists can nest deep.
  const stack: List['children'][number][] = [...list.children].reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const own = item.children.filter((child) => child.type !== 'list');
    const children = own.flatMap((child, index): PhrasingContent[] => {
      const words: PhrasingContent[] = child.type === 'paragraph' ? child.children : [{ type: 'text', value: plainText(child) }];
      return index === 0 ? words : [{ type: 'text', value: ' ' }, ...words];
    });
    if (own.some((child) => plainText(child))) blocks.push(toBlock('bullet', children, item.position));
    const nested = item.children.flatMap((child) => (child.type === 'list' ? child.children : []));
    stack.push(...[...nested].reverse());
  }
  return blocks;
}

const phrasingTypes = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'break',
  'html',
  'footnoteReference',
]);
