import type { RootContent } from 'mdast';
import type { Statement } from '../../model.js';
import type { DataPlace } from './data-node.js';

// Text of letters, digits, spaces and punctuation that means nothing to Markdown, starting with a letter
// (a digit and a dot would start a list): it is its own Markdown, and the writer need not be run for it.
const literal = /^\p{L}[\p{L}\p{M}\p{N} ,.;'’"?()/%–—-]*$/u;

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
  // `www.` would become a link where the Markdown is shown, so the writer escapes a dot after any `w`
  // that a word character follows (`saw.it` is written `saw\.it`): such text goes through the writer.
  const markdown =
    literal.test(value) && !/w\.\S/i.test(value) ? value : richText([{ type: 'paragraph', children: [{ type: 'text', value }] }]);
  return { kind, text: markdown, isNew: false, source: { file, ...place } };
}
