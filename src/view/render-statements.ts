import type { TextFormat } from '../formats.js';
import type { Statement } from '../model.js';
import { renderRichText } from './render-rich-text.js';

/**
 * A cell's statements as one block for a page: paragraphs, and bullets as a list, rendered like a
 * guide's text (sanitised HTML, or Markdown printed again). `ladders:` links keep their words: the
 * pages that show cells this way (worksheets, comparisons, assessments) are read on paper as often as
 * not. An HTML comment's opening is escaped in Markdown, where a worksheet's fields are comments.
 */
export function renderStatements(statements: readonly Pick<Statement, 'kind' | 'text'>[], format: TextFormat): string {
  const blocks: string[] = [];
  statements.forEach((statement, index) => {
    const bullet = statement.kind === 'bullet';
    const joinsList = bullet && statements[index - 1]?.kind === 'bullet';
    const line = bullet ? `- ${statement.text.replace(/\n/g, ' ')}` : statement.text;
    if (joinsList) blocks[blocks.length - 1] += `\n${line}`;
    else blocks.push(line);
  });
  const rendered = renderRichText(blocks.join('\n\n'), format, () => null);
  return format === 'md' ? rendered.replace(/<!--/g, '&lt;!--') : rendered;
}
