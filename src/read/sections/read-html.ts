import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** What a raw HTML node of a page is to a section reader: the start of collapsed examples, their end, a comment, or other HTML. */
export type HtmlPart =
  | { kind: 'details'; summary: string; items: string[]; closed: boolean }
  | { kind: 'end-details' }
  | { kind: 'comment' }
  | { kind: 'other' };

const parser = unified().use(rehypeParse, { fragment: true }).freeze();

/**
 * Read the HTML of a Markdown `html` node as a browser would (parsed, not matched with patterns):
 * `<details><summary>Examples</summary>` opens examples, which may follow as Markdown until an HTML
 * node that ends the `<details>`; items written inside the HTML itself (`<li>`, `<p>`) are read too.
 */
export function readHtml(value: string): HtmlPart {
  // Pages repeat the same few tags (`<details>`, `</details>`) hundreds of times: each is parsed once.
  const known = cache.get(value);
  if (known) return known;
  const read = parseHtml(value);
  if (cache.size < maxCached) cache.set(value, read);
  return read;
}

const cache = new Map<string, HtmlPart>();
const maxCached = 512;

function parseHtml(value: string): HtmlPart {
  const tree = parser.parse(value);
  const content = tree.children.filter((node) => !(node.type === 'text' && !node.value.trim()));
  if (content.length > 0 && content.every((node) => node.type === 'comment')) return { kind: 'comment' };
  const details = content.find((node): node is Element => node.type === 'element' && node.tagName === 'details');
  if (details && content.every((node) => node === details || node.type === 'comment')) {
    const summary = details.children.find((node): node is Element => node.type === 'element' && node.tagName === 'summary');
    const rest = details.children.filter((node) => node !== summary);
    return { kind: 'details', summary: summary ? textOf(summary) : '', items: itemsOf(rest), closed: closes('', value) };
  }
  if (content.length === 0 && closes('<details>', value)) return { kind: 'end-details' };
  return { kind: 'other' };
}

/** Whether `value`, after `before`, leaves no `<details>` open: a marker element after it then lands outside one. */
function closes(before: string, value: string): boolean {
  const tree: Root = parser.parse(`${before}${value}<i data-end></i>`);
  const last = tree.children.at(-1);
  return last?.type === 'element' && last.tagName === 'i';
}

/** The items of HTML content: each `<li>` or `<p>`, or the whole text when it has neither. */
function itemsOf(nodes: readonly (RootContent | ElementContent)[]): string[] {
  const items: string[] = [];
  const visit = (node: RootContent | ElementContent): void => {
    if (node.type !== 'element') return;
    if (node.tagName === 'li' || node.tagName === 'p') {
      const text = textOf(node);
      if (text) items.push(text);
      return;
    }
    for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  if (items.length > 0) return items;
  const whole = nodes.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
  return whole ? [whole] : [];
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children
    .map(textOf)
    .join(node.tagName === 'li' || node.tagName === 'p' ? ' ' : '')
    .replace(/\s+/g, ' ')
    .trim();
}
