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
  const markdown = richText([{ type: 'paragraph', children: [{ type: 'text', value: text }] }]);
  return { kind, text: markdown, isNew: false, source: { file, ...place } };
}
