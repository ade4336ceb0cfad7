import type { RootContent } from 'mdast';
import type { Statement } from '../../model.js';
import type { DataPlace } from './data-node.js';

/**
 * A statement from a data file, whose text is plain, not Markdown: made into the model's safe inline
 * Markdown by the same writer as a page's text, so that `*`, `<` or `[` in it stay literal.
 */
export function toPlainStatement(
  text: string,
  kind: Statement['kind'],
  place: DataPlace,
  file: string,
  richText: (nodes: readonly RootContent[]) => string,
): Statement {
  // A YAML block scalar keeps its line breaks; in a statement they are only wrapping.
  const value = text.replace(/\s+/g, ' ').trim();
  const markdown = richText([{ type: 'paragraph', children: [{ type: 'text', value }] }]);
  return { kind, text: markdown, isNew: false, source: { file, ...place } };
}
