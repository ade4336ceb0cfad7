import type { Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { SourcePlace, Statement } from '../../model.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { GridCell } from './grid.js';

/** The safe inline Markdown of a run of Markdown nodes (the shape context's `richText` for the page). */
export type RichText = (nodes: readonly RootContent[]) => string;

const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();
const bulletMarks = ['- ', '* ', '+ ', '\u2022 '];

/**
 * What a cell says, as statements: the items of its lists as bullets and its paragraphs as
 * paragraphs. A pipe table's cell is one line: `<br>` parts it, and a part starting with `- ` or `•`
 * is a bullet. An empty cell says nothing.
 */
export function toStatements(cell: GridCell, filePath: string, richText: RichText): Statement[] {
  const blocks = cell.content.kind === 'markdown' ? pipeCellBlocks(cell.content.nodes) : htmlCellBlocks(cell.content.nodes);
  return blocks.flatMap(({ kind, nodes, position }) => {
    const text = richText(nodes);
    if (!text) return [];
    const start = position?.start ?? nodes[0]?.position?.start;
    const source = start ? placeOf(filePath, start) : cell.source;
    return [{ kind, text, isNew: false, source: source satisfies SourcePlace }];
  });
}

interface Block {
  kind: Statement['kind'];
  nodes: RootContent[];
  /** Where it was written, when its nodes do not say (a list item's paragraphs made from HTML). */
  position?: Position | undefined;
}

function pipeCellBlocks(nodes: readonly PhrasingContent[]): Block[] {
  const parts: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'html' && isLineBreak(node.value)) parts.push([]);
    else parts.at(-1)?.push(structuredClone(node));
  }
  return parts.flatMap((part) => {
    const first = part[0];
    if (first?.type !== 'text') return part.length > 0 ? [paragraphBlock('paragraph', part)] : [];
    const trimmed = first.value.replace(/^\s+/, '');
    const mark = bulletMarks.find((candidate) => trimmed.startsWith(candidate));
    first.value = mark ? trimmed.slice(mark.length) : trimmed;
    return [paragraphBlock(mark ? 'bullet' : 'paragraph', part)];
  });
}

function paragraphBlock(kind: Statement['kind'], children: PhrasingContent[]): Block {
  const paragraph: Paragraph = { type: 'paragraph', children };
  if (children[0]?.position) paragraph.position = children[0].position;
  return { kind, nodes: [paragraph] };
}

/** `<br>`, `<br/>` or `<br />`, told by parsing it as HTML. */
function isLineBreak(html: string): boolean {
  const root = htmlParser.parse(html);
  return root.children.length === 1 && root.children[0]?.type === 'element' && root.children[0].tagName === 'br';
}

function htmlCellBlocks(nodes: HastRoot['children']): Block[] {
  const tree = toMdast({ type: 'root', children: nodes });
  const blocks: Block[] = [];
  const stack: RootContent[] = 'children' in tree ? [...(tree.children as RootContent[])].reverse() : [];
  let inline: PhrasingContent[] = [];
  const flush = () => {
    if (inline.length > 0) blocks.push(paragraphBlock('paragraph', inline));
    inline = [];
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'list') {
      flush();
      for (const item of node.children) {
        const own = item.children.filter((child) => child.type !== 'list');
        if (own.some((child) => plainText(child))) blocks.push({ kind: 'bullet', nodes: own, position: item.position });
        // A nested list's items are bullets too, after their parent's.
        const nested = item.children.filter((child) => child.type === 'list');
        for (const list of nested) blocks.push(...htmlListBullets(list));
      }
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      flush();
      blocks.push({ kind: 'paragraph', nodes: [{ type: 'paragraph', children: node.children, position: node.position }] });
    } else if (node.type === 'blockquote' || node.type === ('root' as string)) {
      flush();
      stack.push(...[...(node as { children: RootContent[] }).children].reverse());
    } else if (isPhrasing(node)) {
      inline.push(node);
    } else {
      flush();
      const text = plainText(node);
      if (text)
        blocks.push({
          kind: 'paragraph',
          nodes: [{ type: 'paragraph', children: [{ type: 'text', value: text }], position: node.position }],
        });
    }
  }
  flush();
  return blocks;
}

function htmlListBullets(list: Extract<RootContent, { type: 'list' }>): Block[] {
  return list.children.flatMap((item) => {
    const own = item.children.filter((child) => child.type !== 'list');
    const nested = item.children.flatMap((child) => (child.type === 'list' ? htmlListBullets(child) : []));
    return [
      ...(own.some((child) => plainText(child)) ? [{ kind: 'bullet' as const, nodes: own, position: item.position }] : []),
      ...nested,
    ];
  });
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

function isPhrasing(node: RootContent): node is PhrasingContent {
  return phrasingTypes.has(node.type);
}
