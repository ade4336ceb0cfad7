import type { ListItem, Paragraph, PhrasingContent } from 'mdast';
import { plainText } from '../markdown-text.js';

/** A label that starts a paragraph or a bullet (`**Delivery**`, `**Delivery:** text`, `Delivery: text`) and what follows it. */
export interface Label {
  name: string;
  /** The rest of the paragraph after the label and its colon, as phrasing nodes (empty when the label stands alone). */
  rest: PhrasingContent[];
  /** Set in bold or italics, rather than a plain `Name:` lead. */
  marked: boolean;
}

// A plain lead names a competency in a few words: `Delivery: …`, not `Note that this: …`.
const plainLead = /^\s*(\p{Lu}[^:\n]{0,40}?)\s*:\s+/u;
const separator = /^\s*[:\u2013\u2014-]\s*/u;

/** The label a paragraph starts with; null when it starts with none. `plain` also takes a `Name: text` lead. */
export function readLabel(paragraph: Paragraph, plain: boolean): Label | null {
  const [first, ...others] = paragraph.children;
  if (first?.type === 'strong') {
    const label = plainText(first);
    const name = label.replace(/[:\uff1a]$/, '').trim();
    if (!name || name.length > 60) return null;
    const [next, ...after] = others;
    // `**Delivery:** text`, or `**Delivery**: text`, or `**Delivery**` alone; anything else is bold text, no label.
    if (label.endsWith(':') || !next) return { name, rest: trimStart(others), marked: true };
    if (next.type === 'text' && separator.test(next.value) && /^\s*:/.test(next.value))
      return { name, rest: trimStart([{ ...next, value: next.value.replace(separator, '') }, ...after]), marked: true };
    if (next.type === 'break') return { name, rest: trimStart(others), marked: true };
    return null;
  }
  if (plain && first?.type === 'text') {
    const lead = plainLead.exec(first.value);
    if (!lead?.[1]) return null;
    return { name: lead[1].trim(), rest: trimStart([{ ...first, value: first.value.slice(lead[0].length) }, ...others]), marked: false };
  }
  return null;
}

/** The label of a bullet's first paragraph. */
export function readItemLabel(item: ListItem, plain: boolean): Label | null {
  const first = item.children[0];
  return first?.type === 'paragraph' ? readLabel(first, plain) : null;
}

/** Whether every bullet of a list starts with a label: such a list names competencies or attributes. */
export function isLabelList(items: readonly ListItem[], plain: boolean): boolean {
  return items.length > 0 && items.every((item) => readItemLabel(item, plain) !== null);
}

/**
 * The lines of a paragraph that are each `**Name:** value`, joined by line breaks (attributes written
 * without bullets); null when a line is anything else.
 */
export function readLabelLines(paragraph: Paragraph): { name: string; value: PhrasingContent[] }[] | null {
  const lines: PhrasingContent[][] = [[]];
  for (const node of paragraph.children) {
    if (node.type === 'break') lines.push([]);
    else if (node.type === 'text' && node.value.includes('\n')) {
      const [head, ...tail] = node.value.split('\n');
      lines.at(-1)?.push({ ...node, value: head ?? '' });
      for (const part of tail) lines.push(part.trim() ? [{ ...node, value: part.trimStart() }] : []);
    } else lines.at(-1)?.push(node);
  }
  const read = lines
    .filter((line) => line.some((node) => node.type !== 'text' || node.value.trim()))
    .map((line) => readLabel({ type: 'paragraph', children: trimStart(line) }, false));
  if (read.length < 2 || read.some((label) => label === null || label.rest.length === 0)) return null;
  return read.flatMap((label) => (label ? [{ name: label.name, value: label.rest }] : []));
}

function trimStart(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type !== 'text') return nodes;
  const value = first.value.replace(/^\s+/, '');
  return value ? [{ ...first, value }, ...rest] : rest;
}
