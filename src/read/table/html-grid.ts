import type { Element, ElementContent, Nodes, Root as HastRoot, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import type { Grid, GridCell } from './grid.js';

// Verbose: an element then records whether its end tag was written, which is how an unclosed table is told.
const parser = unified().use(rehypeParse, { fragment: true, verbose: true }).freeze();

/** How deep a table's HTML may nest: far deeper than any ladder's, shallow enough for the recursive steps after parsing. */
export const maxDepth = 100;

/** An HTML table read from the start of a run of raw HTML, and whether its `</table>` was written. */
export interface HtmlTable {
  grid: Grid;
  closed: boolean;
  /** Where the table ends in the page (an offset), to tell which Markdown nodes it spans. */
  endOffset: number;
}

/**
 * Read the table a run of raw HTML starts with (`html` starts at `start` in the page); null when the
 * run does not start with a `<table>`. Positions are the page's.
 */
export function readHtmlTable(html: string, start: Required<Point>, filePath: string): HtmlTable | 'too-deep' | null {
  let root: HastRoot;
  try {
    root = parser.parse(html);
  } catch (error) {
    // Turning the parser's tree into hast recurses on nesting; HTML nested thousands deep exhausts the stack.
    if (error instanceof RangeError) return 'too-deep';
    throw error;
  }
  if (depthOf(root) > maxDepth) return 'too-deep';
  const first = root.children.find((node) => !(node.type === 'text' && !node.value.trim()) && node.type !== 'comment');
  if (first?.type !== 'element' || first.tagName !== 'table') return null;
  shiftPositions(first, start);
  const closing = (first.data as { position?: { closing?: unknown } } | undefined)?.position?.closing;
  return {
    grid: toGrid(first, filePath),
    closed: closing !== undefined,
    endOffset: first.position?.end.offset ?? start.offset + html.length,
  };
}

function toGrid(table: Element, filePath: string): Grid {
  const rows = childElements(table).flatMap((child) =>
    child.tagName === 'tr'
      ? [child]
      : ['thead', 'tbody', 'tfoot'].includes(child.tagName)
        ? childElements(child).filter((row) => row.tagName === 'tr')
        : [],
  );
  return {
    rows: rows.map((row) => ({
      cells: childElements(row)
        .filter((cell) => cell.tagName === 'td' || cell.tagName === 'th')
        .map((cell): GridCell => ({
          text: textOf(cell).replace(/\s+/g, ' ').trim(),
          mark: markOf(cell.children),
          span: spanOf(cell),
          content: { kind: 'html', nodes: cell.children },
          source: placeOf(cell, filePath),
        })),
      source: placeOf(row, filePath),
    })),
    source: placeOf(table, filePath),
  };
}

function childElements(parent: Element): Element[] {
  return parent.children.filter((child): child is Element => child.type === 'element');
}

function spanOf(cell: Element): number {
  const span = Number(cell.properties.colSpan ?? 1);
  return Number.isInteger(span) && span >= 1 && span <= 1000 ? span : 1;
}

/** `<b>Craft</b>` or `<em>Testing</em>`: a cell whose only content is one bold or italic element. */
function markOf(children: readonly ElementContent[]): GridCell['mark'] {
  const content = children.filter((child) => !(child.type === 'text' && !child.value.trim()) && child.type !== 'comment');
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type !== 'element') return null;
  if (only.tagName === 'strong' || only.tagName === 'b') return 'strong';
  if (only.tagName === 'em' || only.tagName === 'i') return 'emphasis';
  return null;
}

/** The text of an element, its block children apart by a space (iteratively: HTML can nest deep). */
function textOf(node: Element): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.type === 'text') parts.push(current.value);
    else if (current.type === 'element') {
      if (current.tagName === 'br' || current.tagName === 'li' || current.tagName === 'p') parts.push(' ');
      stack.push(...[...current.children].reverse());
    }
  }
  return parts.join('');
}

function placeOf(node: Element, filePath: string): { file: string; line: number; column: number } {
  return { file: filePath, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** Move the positions of the table's nodes to where the run of HTML sits in the page. */
function shiftPositions(table: Element, start: Required<Point>): void {
  const stack: (Nodes | RootContent)[] = [table];
  const shift = (point: Point) => {
    if (point.line === 1) point.column += start.column - 1;
    point.line += start.line - 1;
    if (point.offset !== undefined) point.offset += start.offset;
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) {
      shift(node.position.start);
      shift(node.position.end);
    }
    const data = node.data as { position?: { opening?: { start: Point; end: Point }; closing?: { start: Point; end: Point } } } | undefined;
    for (const part of [data?.position?.opening, data?.position?.closing]) {
      if (!part) continue;
      shift(part.start);
      shift(part.end);
    }
    if ('children' in node) stack.push(...node.children);
  }
}

/** How deep the elements of a tree nest, counted without recursion. */
function depthOf(root: HastRoot): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    deepest = Math.max(deepest, depth);
    if (deepest > maxDepth) return deepest;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}
