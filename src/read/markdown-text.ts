import type { Heading, List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import type { SourcePlace } from '../model.js';

/** The text of Markdown nodes with runs of white space folded into one space. */
export function plainText(nodes: Nodes | readonly Nodes[]): string {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  return list
    .map((node) => toString(node))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading and the nodes under it, up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  body: RootContent[];
}

/** The sections of the page headed at `depth`. */
export function sectionsAt(tree: Root, depth: number): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= depth) {
      current = node.depth === depth ? { heading: node, body: [] } : null;
      if (current) sections.push(current);
    } else if (current) {
      current.body.push(node);
    }
  }
  return sections;
}

/** The lists of a section that come before any sub-heading. */
export function leadingLists(body: readonly RootContent[]): List[] {
  const lists: List[] = [];
  for (const node of body) {
    if (node.type === 'heading') break;
    if (node.type === 'list') lists.push(node);
  }
  return lists;
}

/** A bullet that names a keyword and describes it: `**Keyword**: description`. */
export interface KeywordItem {
  keyword: string;
  description: string;
  /** Whether the keyword was set in bold or italics, as framework pages do. */
  marked: boolean;
  node: ListItem;
}

const separator = /^\s*[:\u2013\u2014-]\s*/;
const plainLead = /^\s*([^:\n]{1,60}?)\s*:\s*/;

/** Read `**Keyword**: text`, `**Keyword:** text`, `__Keyword__: text` or `Keyword: text`; null for anything else. */
export function readKeywordItem(item: ListItem): KeywordItem | null {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return null;
  const [first, ...rest] = paragraph.children;
  if (first?.type === 'strong' || first?.type === 'emphasis') {
    const label = plainText(first);
    const restText = rest.map((node) => toString(node)).join('');
    const keyword = label.replace(/:$/, '').trim();
    const description = label.endsWith(':') ? restText : restText.replace(separator, '');
    return keyword ? { keyword, description: fold(description), marked: true, node: item } : null;
  }
  if (first?.type === 'text') {
    const lead = plainLead.exec(first.value);
    if (!lead?.[1]) return null;
    const description = first.value.slice(lead[0].length) + rest.map((node) => toString(node)).join('');
    return { keyword: fold(lead[1]), description: fold(description), marked: false, node: item };
  }
  return null;
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The place a node starts, as the model records it. */
export function placeOf(file: string, point: Point | undefined): SourcePlace {
  return { file, line: point?.line ?? 1, column: point?.column ?? 1 };
}
