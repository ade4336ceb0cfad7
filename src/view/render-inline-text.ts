import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { TextFormat } from '../formats.js';
import { renderRichText, type ResolveReference } from './render-rich-text.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Render a statement's safe inline Markdown for one format, like a guide's text (links resolved,
 * HTML sanitised) but without the paragraph around it, so a template can put it in a `<li>` or a `<p>`.
 */
export function renderInlineText(markdown: string, format: TextFormat, resolve: ResolveReference): string {
  const rendered = renderRichText(markdown, format, resolve).trim();
  if (format === 'md') return rendered;
  const inner = /^<p>([\s\S]*)<\/p>$/.exec(rendered);
  return inner?.[1] ?? rendered;
}

/** A statement's words without their markup, spaces collapsed: what a diff compares and a short cell quotes. */
export function toPlainText(markdown: string): string {
  return collectText(parser.parse(markdown)).replace(/\s+/g, ' ').trim();
}

function collectText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return '';
  // Blocks (a statement that parses as two paragraphs, say) are joined by a space, inline runs by nothing.
  const joiner = node.type === 'root' || node.type === 'list' || node.type === 'listItem' ? ' ' : '';
  return (node.children as Nodes[]).map(collectText).join(joiner);
}
