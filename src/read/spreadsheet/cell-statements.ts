import type { Paragraph, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Cell, SourcePlace, Statement } from '../../model.js';
import type { SheetCell } from './sheet.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

// A line that starts the examples: `Examples: …`, `e.g.: …`, `例：…`.
const examplesLabel = /^\s*(?:\*\*|__)?\s*(?:examples?|e\.g\.|例)\s*[:：]\s*(?:\*\*|__)?\s*/iu;

/** The safe Markdown of a run of nodes (the reader's rich text). */
export type RichText = (nodes: readonly RootContent[]) => string;

/**
 * What a cell says, as statements: a paragraph each, a bullet each list item, a paragraph wholly in
 * bold marked as new since the level before, and what follows `Examples:` kept as examples.
 */
export function toCellStatements(cell: SheetCell, richText: RichText): Pick<Cell, 'statements' | 'examples'> {
  const statements: Statement[] = [];
  const examples: Statement[] = [];
  // An `Examples:` line ends the paragraph before it, so that it stands as its own.
  const tree = parser.parse(
    cell.text.replace(/\r\n?/g, '\n').replace(/\n(?=\s*(?:\*\*|__)?\s*(?:examples?|e\.g\.|例)\s*[:：])/giu, '\n\n'),
  );
  for (const node of tree.children) {
    if (node.type === 'list') {
      for (const item of node.children) statements.push(statementOf('bullet', item.children, cell.place, richText));
      continue;
    }
    const said = statementOf('paragraph', [node], cell.place, richText);
    if (examplesLabel.test(said.text)) {
      const text = said.text.replace(examplesLabel, '');
      if (text) examples.push({ ...said, text });
    } else if (said.text) statements.push(said);
  }
  return { statements, examples };
}

function statementOf(kind: Statement['kind'], nodes: RootContent[], place: SourcePlace, richText: RichText): Statement {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  const inner = only?.type === 'paragraph' ? only : undefined;
  const isNew = isWhollyBold(inner);
  const content = isNew && inner ? inner.children.flatMap((child) => (child.type === 'strong' ? child.children : [child])) : nodes;
  const text = richText(isNew ? [{ type: 'paragraph', children: content } as Paragraph] : content).trim();
  return { kind, text, isNew, source: place };
}

/** A paragraph whose words are all bold (white space around them aside). */
function isWhollyBold(paragraph: Paragraph | undefined): boolean {
  if (!paragraph) return false;
  const words = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return words.length > 0 && words.every((child) => child.type === 'strong');
}
