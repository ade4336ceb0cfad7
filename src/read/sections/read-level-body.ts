import type { Heading, List, Paragraph, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Attribute, SourcePlace } from '../../model.js';
import { placeOf, plainText } from '../markdown-text.js';
import { isLabelList, readItemLabel, readLabel, readLabelLines } from './label.js';
import { namesExamples, phrasing, readBlock, unplaced, type Block, type RichText } from './read-block.js';
import { readHtml } from './read-html.js';

/** A competency as one level's section names it, with what it says there. */
export interface NamedBlock extends Block {
  name: string;
  /** The heading the page files it under (`### Craft` over `#### Testing`); null when none. */
  group: string | null;
  source: SourcePlace;
}

/** A section of a level the reader keeps apart: a FAQ, made a guide. */
export interface AsideSection {
  heading: Heading;
  body: RootContent[];
}

/** What one level's section (or a position's page) says. */
export interface LevelBody {
  /** The paragraphs before the first competency, as plain text. */
  summary: string;
  attributes: Attribute[];
  competencies: NamedBlock[];
  faqs: AsideSection[];
}

const faqTitle = /^\W*(?:faqs?|frequently asked questions|questions(?: and answers)?|q\s*&\s*a)\W*$/iu;

/** Whether a heading names a FAQ section. */
export function namesFaq(text: string): boolean {
  return faqTitle.test(text.trim());
}

/**
 * Read the nodes under a level heading of depth `depth`. Competencies are the sub-headings when there
 * are any (a sub-heading holding sub-headings of its own is a group of them); otherwise bold labels
 * (`**Delivery**` or `**Delivery:** text`, in a paragraph or a bullet), or `Delivery: text` bullets.
 * Before the first competency: paragraphs and quotes are the summary, labelled bullets or lines the
 * attributes (with sub-headings only: without, labels are the competencies).
 */
export function readLevelBody(nodes: readonly RootContent[], depth: number, file: VFile, richText: RichText): LevelBody {
  const body: LevelBody = { summary: '', attributes: [], competencies: [], faqs: [] };
  const subDepth = Math.min(7, ...nodes.flatMap((node) => (node.type === 'heading' && node.depth > depth ? [node.depth] : [])));
  if (subDepth < 7) {
    const first = nodes.findIndex((node) => node.type === 'heading' && node.depth === subDepth);
    readLeading(nodes.slice(0, first), file, body, richText, true);
    readSubHeadings(nodes.slice(first), subDepth, null, file, body, richText);
  } else readLabels(nodes, file, body, richText);
  return body;
}

/** Sections headed at `depth`: each a competency, a group of them, examples of the one before, or a FAQ. */
function readSubHeadings(
  nodes: readonly RootContent[],
  depth: number,
  group: string | null,
  file: VFile,
  body: LevelBody,
  richText: RichText,
): void {
  for (const { heading, content } of splitAt(nodes, depth)) {
    const title = plainText(heading);
    const deeper = content.findIndex((node) => node.type === 'heading' && node.depth > depth && !namesExamples(plainText(node)));
    const previous = body.competencies.at(-1);
    if (namesFaq(title)) body.faqs.push({ heading, body: content });
    else if (namesExamples(title) && previous)
      readBlock(content, file, richText, { statements: previous.examples, examples: previous.examples });
    else if (deeper >= 0 && group === null) {
      // A heading over competencies: what it says before them is not placed anywhere.
      for (const node of content.slice(0, deeper))
        if (node.type !== 'thematicBreak') unplaced(file, node, `what the group ${JSON.stringify(title)} says`);
      const subDepth = (content[deeper] as Heading).depth;
      readSubHeadings(content.slice(deeper), subDepth, title, file, body, richText);
    } else {
      const block = readBlock(content, file, richText);
      body.competencies.push({ name: title, group, source: placeOf(file.path, heading.position?.start), ...block });
    }
  }
}

/** Competencies named by labels, in paragraphs or bullets, each taking what follows until the next. */
function readLabels(nodes: readonly RootContent[], file: VFile, body: LevelBody, richText: RichText): void {
  const leading: RootContent[] = [];
  let current: NamedBlock | null = null;
  for (const node of nodes) {
    const place = placeOf(file.path, node.position?.start);
    if (node.type === 'paragraph' && !(current && isExamplesLabel(node))) {
      const lines = readLabelLines(node);
      if (lines) {
        for (const line of lines) {
          current = { name: line.name, group: null, source: place, statements: [], examples: [] };
          current.statements.push({ kind: 'paragraph', text: phrasing(line.value, richText), isNew: false, source: place });
          body.competencies.push(current);
        }
        continue;
      }
      const label = readLabel(node, false);
      if (label) {
        current = { name: label.name, group: null, source: place, statements: [], examples: [] };
        if (label.rest.length > 0)
          current.statements.push({ kind: 'paragraph', text: phrasing(label.rest, richText), isNew: false, source: place });
        body.competencies.push(current);
        continue;
      }
    }
    if (node.type === 'list' && !(current && !current.statements.length && !current.examples.length) && isCompetencyList(node)) {
      for (const item of node.children) {
        const label = readItemLabel(item, true);
        if (!label) continue;
        const at = placeOf(file.path, item.position?.start);
        current = { name: label.name, group: null, source: at, statements: [], examples: [] };
        if (label.rest.length > 0)
          current.statements.push({ kind: 'paragraph', text: phrasing(label.rest, richText), isNew: false, source: at });
        readBlock(item.children.slice(1), file, richText, current);
        body.competencies.push(current);
      }
      continue;
    }
    if (current) readBlock([node], file, richText, current);
    else leading.push(node);
  }
  readLeading(leading, file, body, richText, false);
}

/** A list of labelled bullets: bold ones, or `Name: text` ones that each have their text. */
function isCompetencyList(list: List): boolean {
  return !list.ordered && isLabelList(list.children, true);
}

function isExamplesLabel(paragraph: Paragraph): boolean {
  const label = readLabel(paragraph, false);
  return (label !== null && namesExamples(label.name)) || namesExamples(plainText(paragraph));
}

/** What comes before the first competency: the summary, the attributes, and a warning for anything else. */
function readLeading(nodes: readonly RootContent[], file: VFile, body: LevelBody, richText: RichText, attributesAllowed: boolean): void {
  const summary: string[] = [];
  for (const node of nodes) {
    const place = placeOf(file.path, node.position?.start);
    if (node.type === 'paragraph') {
      const lines = attributesAllowed ? readLabelLines(node) : null;
      if (lines) body.attributes.push(...lines.map((line) => ({ name: line.name, value: plainText(line.value), source: place })));
      else summary.push(plainText(node));
    } else if (node.type === 'blockquote') summary.push(plainText(node));
    else if (node.type === 'list' && attributesAllowed && !node.ordered && isLabelList(node.children, true)) {
      for (const item of node.children) {
        const label = readItemLabel(item, true);
        const value = item.children[0]?.type === 'paragraph' && label ? plainText(label.rest) : '';
        if (label) body.attributes.push({ name: label.name, value, source: placeOf(file.path, item.position?.start) });
        for (const child of item.children.slice(1))
          unplaced(file, child, `what the attribute ${JSON.stringify(label?.name ?? '')} holds below it`);
      }
    } else if (node.type === 'html' && readHtml(node.value).kind === 'comment') continue;
    else if (node.type !== 'thematicBreak' && node.type !== 'definition' && node.type !== 'yaml')
      unplaced(file, node, node.type === 'list' ? 'a list before the first competency' : `a ${node.type} before the first competency`);
  }
  body.summary = [body.summary, ...summary].filter(Boolean).join(' ');
}

/** The sections of a run of nodes headed at `depth`; what comes before the first heading is not taken here. */
function splitAt(nodes: readonly RootContent[], depth: number): { heading: Heading; content: RootContent[] }[] {
  const sections: { heading: Heading; content: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) sections.push({ heading: node, content: [] });
    else sections.at(-1)?.content.push(node);
  }
  return sections;
}
