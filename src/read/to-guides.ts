import type { ListItem, Nodes, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Guide } from '../model.js';
import { quote, report } from '../messages.js';
import { placeOf, plainText, readKeywordItem, sectionsAt, type Section } from './markdown-text.js';
import { parsePositionHeading } from './position-heading.js';
import type { FrontMatter } from './read-front-matter.js';
import { namesAxis } from './axis-label.js';
import { axisSections } from './to-framework.js';

/** The Markdown of a run of the page's nodes, its links and images resolved (see `toRichText`). */
export type RichText = (nodes: readonly RootContent[]) => string;

/** A page without positions as a guide with the id given: its title, and everything under it but sections of links to other pages. */
export function toPageGuide(tree: Root, file: VFile, frontMatter: FrontMatter, id: string, richText: RichText): Guide | null {
  const title = tree.children.find((node) => node.type === 'heading');
  const name = frontMatter.title ?? (title ? plainText(title) : (file.stem ?? ''));
  const guideId = id;
  if (!guideId) {
    const reason = `Cannot make a guide id from the file name ${quote(file.basename ?? '')}; set \`id\` in the front matter`;
    report(file, 'error', reason, undefined, 'bad-guide-id');
    return null;
  }
  const navigation = navigationNodes(tree);
  const body = tree.children.filter((node) => node !== title && node.type !== 'yaml' && !navigation.has(node));
  return {
    id: guideId,
    title: name,
    summary: frontMatter.summary ?? firstParagraph(body),
    text: richText(body),
    path: file.path,
    source: placeOf(file.path, title?.position?.start),
  };
}

/**
 * The sections of the introduction page that are guides: all but its title, the axes, the levels,
 * the table of positions and lists of links to other pages (FAQs and how to use the ladder stay).
 */
export function guideSections(tree: Root): Section[] {
  const depth = Math.min(...tree.children.flatMap((node) => (node.type === 'heading' ? [node.depth] : [])));
  const [, ...sections] = Number.isFinite(depth) ? sectionsAt(tree, depth) : [];
  const axes = axisSections(tree);
  const axisHeadings = new Set<RootContent>(axes.map(({ section }) => section.heading));
  const axisNames = axes.map(({ section }) => plainText(section.heading));
  return sections.filter((section) => !definesAxes(section, axisHeadings, axisNames) && !isNavigation(section.body));
}

/** A section of the introduction page as a guide with the id given (empty when none could be made, which is an error). */
export function toSectionGuide(section: Section, file: VFile, id: string, richText: RichText): Guide | null {
  const title = plainText(section.heading);
  if (!id) {
    const reason = `Cannot make a guide id from the heading ${quote(title)}: it has no letter or digit`;
    report(file, 'error', reason, section.heading.position, 'bad-guide-id');
    return null;
  }
  return {
    id,
    title,
    summary: firstParagraph(section.body),
    text: richText(section.body),
    path: file.path,
    source: placeOf(file.path, section.heading.position?.start),
  };
}

/** Whether a section holds axis definitions, the list naming the axes, or the table of positions. */
function definesAxes(section: Section, axisHeadings: ReadonlySet<RootContent>, axisNames: readonly string[]): boolean {
  const isAxisItem = (item: ListItem) => {
    const read = readKeywordItem(item);
    return read !== null && axisNames.some((name) => namesAxis(read.keyword, name));
  };
  return section.body.some(
    (node) =>
      axisHeadings.has(node) ||
      (node.type === 'list' && !node.ordered && node.children.some(isAxisItem)) ||
      (node.type === 'table' && node.children.slice(1).some((row) => row.children.some((cell) => isPositionCell(cell)))),
  );
}

function isPositionCell(cell: Nodes): boolean {
  const text = plainText(cell);
  return text !== '' && parsePositionHeading(text) !== null;
}

/** A section whose every paragraph and list item is links and nothing else: a way to other pages, not a guide. */
function isNavigation(body: readonly RootContent[]): boolean {
  const blocks = body.filter((node) => node.type !== 'thematicBreak');
  if (blocks.length === 0) return true;
  return blocks.every((node) => (node.type === 'list' || node.type === 'paragraph') && hasLinks(node) && wordsOutsideLinks(node) === '');
}

/** The nodes of the page's top-level sections that are only links, like a trailing "Other Pages". */
function navigationNodes(tree: Root): Set<RootContent> {
  const nodes = new Set<RootContent>();
  for (const section of sectionsAt(tree, 1)) {
    if (section.body.length > 0 && isNavigation(section.body)) for (const node of [section.heading, ...section.body]) nodes.add(node);
  }
  return nodes;
}

function hasLinks(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  return 'children' in node && node.children.some(hasLinks);
}

function wordsOutsideLinks(node: Nodes): string {
  if (node.type === 'link' || node.type === 'linkReference') return '';
  if (!('children' in node)) return 'value' in node ? node.value.replace(/[\s.,;·|•–—-]+/g, '') : '';
  return (node.children as Nodes[]).map(wordsOutsideLinks).join('');
}

function firstParagraph(nodes: readonly RootContent[]): string {
  for (const node of nodes) {
    if (node.type === 'paragraph' && plainText(node)) return plainText(node);
  }
  return '';
}
