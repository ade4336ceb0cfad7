import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Statement } from '../../model.js';
import { placeOf, plainText } from '../markdown-text.js';
import { readLabel } from './label.js';
import { readHtml } from './read-html.js';

/** How a section reader keeps a run of a page's nodes as safe Markdown (see `ShapeContext.richText`). */
export type RichText = (nodes: readonly RootContent[]) => string;

/** What a competency's block of a level says: its statements and, apart, its examples. */
export interface Block {
  statements: Statement[];
  examples: Statement[];
}

const examplesTitle = /^\W*(?:examples?|for example|e\.g\.)\W*$/iu;

/** Whether a heading or a label names examples (`Examples`, `**Examples:**`). */
export function namesExamples(text: string): boolean {
  return examplesTitle.test(text.trim());
}

/**
 * Read a competency's nodes: paragraphs and quotes as paragraph statements, bullets (nested ones too) as
 * bullet statements, and examples apart, whether collapsed in `<details>`, under an `Examples` heading
 * or after an `Examples:` label. Whatever else it holds is a warning at its place, never dropped unsaid.
 */
export function readBlock(
  nodes: readonly RootContent[],
  file: VFile,
  richText: RichText,
  into: Block = { statements: [], examples: [] },
): Block {
  let inExamples = false;
  let inDetails = false;
  const add = (statement: Statement) => (inExamples || inDetails ? into.examples : into.statements).push(statement);
  for (const node of nodes) {
    const place = placeOf(file.path, node.position?.start);
    switch (node.type) {
      case 'paragraph': {
        const label = readLabel(node, false);
        if (label && namesExamples(label.name)) {
          inExamples = true;
          if (label.rest.length > 0) add({ kind: 'paragraph', text: phrasing(label.rest, richText), isNew: false, source: place });
        } else if (namesExamples(plainText(node))) inExamples = true;
        else add({ kind: 'paragraph', text: paragraphText(node, richText), isNew: false, source: place });
        break;
      }
      case 'blockquote':
        readBlock(node.children, file, richText, {
          statements: inExamples || inDetails ? into.examples : into.statements,
          examples: into.examples,
        });
        break;
      case 'list':
        for (const statement of bulletsOf(node, file, richText)) add(statement);
        break;
      case 'heading':
        if (namesExamples(plainText(node))) inExamples = true;
        else unplaced(file, node, `the heading ${quote(plainText(node))} under a competency`);
        break;
      case 'html': {
        const part = readHtml(node.value);
        if (part.kind === 'details') {
          const wasIn: boolean = inDetails;
          inDetails = !part.closed;
          const target = namesExamples(part.summary) || !part.summary ? into.examples : into.statements;
          for (const item of part.items) target.push({ kind: 'bullet', text: escaped(item, richText), isNew: false, source: place });
          if (!namesExamples(part.summary) && part.summary) inDetails = wasIn;
        } else if (part.kind === 'end-details') inDetails = false;
        else if (part.kind === 'other') unplaced(file, node, 'raw HTML');
        break;
      }
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        break;
      default:
        unplaced(file, node, describe(node));
    }
  }
  return into;
}

/** Each bullet of a list, nested bullets as bullets of their own after their parent. */
function bulletsOf(list: List, file: VFile, richText: RichText): Statement[] {
  const statements: Statement[] = [];
  for (const item of list.children) {
    const place = placeOf(file.path, item.position?.start);
    const paragraphs = item.children.filter((child): child is Paragraph => child.type === 'paragraph');
    const text = paragraphs.map((paragraph) => paragraphText(paragraph, richText)).join(' ');
    if (text) statements.push({ kind: 'bullet', text, isNew: false, source: place });
    for (const child of item.children) {
      if (child.type === 'list') statements.push(...bulletsOf(child, file, richText));
      else if (child.type !== 'paragraph') unplaced(file, child, describe(child));
    }
  }
  return statements;
}

/** Phrasing nodes as a paragraph's safe Markdown. */
export function phrasing(children: PhrasingContent[], richText: RichText): string {
  return paragraphText({ type: 'paragraph', children }, richText);
}

// Words, digits, spaces and punctuation that Markdown gives no meaning to anywhere in a line.
const plainRun = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ,.;'"’‘“”()?%/-]*$/u;

/**
 * A paragraph's safe Markdown: plain words are that already (most statements are), and making them
 * Markdown again costs as much as reading the page; anything else goes through `richText`.
 */
function paragraphText(paragraph: Paragraph, richText: RichText): string {
  const [only, ...others] = paragraph.children;
  if (only?.type === 'text' && others.length === 0 && plainRun.test(only.value) && !/^\d+[.)]|\s$|\s\s/.test(only.value)) return only.value;
  return richText([paragraph]);
}

/** Plain text (from HTML) as safe Markdown: its characters escaped, not read as Markdown. */
function escaped(text: string, richText: RichText): string {
  return phrasing([{ type: 'text', value: text }], richText);
}

/** Say that a node was not placed in the model, at its place. */
export function unplaced(file: VFile, node: RootContent, what: string): void {
  report(file, 'warning', `Not read: ${what} is neither a competency, an attribute nor an example here`, node.position, 'unplaced-content');
}

function describe(node: RootContent): string {
  const names: Partial<Record<RootContent['type'], string>> = { table: 'a table', code: 'a code block', image: 'a picture' };
  return names[node.type] ?? `a ${node.type}`;
}
