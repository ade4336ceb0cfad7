import type { Heading, Root, RootContent } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Guide } from '../../model.js';
import { makeId } from '../make-id.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { RichText } from './read-block.js';

const everyLevelTitle = /^\W*(?:(?:at\s+)?(?:all|every|each)\s+levels?|(?:for\s+)?everyone|across\s+(?:all\s+)?levels)\b/iu;

/** Whether a heading names what holds at every level (`All levels`, `Every level`, `🧭 At all levels`). */
export function namesEveryLevel(text: string): boolean {
  return everyLevelTitle.test(text.trim());
}

/** A file's name without its folder and extension. */
export function stemOf(file: VFile): string {
  return path.basename(file.path, path.extname(file.path));
}

/** A file or folder name as words: `Site-Reliability_Engineering` is `Site Reliability Engineering`. */
export function wordsOf(name: string): string {
  return name.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The first paragraph's text, before any heading below the title; empty when there is none. */
export function firstParagraph(nodes: readonly RootContent[]): string {
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth > 1) break;
    if (node.type === 'paragraph' && plainText(node)) return plainText(node);
    if (node.type === 'blockquote' && plainText(node)) return plainText(node);
  }
  return '';
}

/** The page's nodes without its front matter. */
export function contentOf(tree: Root): RootContent[] {
  return tree.children.filter((node) => node.type !== 'yaml');
}

/** A section kept apart as a guide (a FAQ), its id made from the role's and its own title. */
export function toSectionGuide(
  heading: Heading,
  body: readonly RootContent[],
  roleId: string,
  file: VFile,
  richText: RichText,
): Guide | null {
  const title = plainText(heading);
  const id = makeId(`${roleId} ${title}`);
  if (!id) return null;
  return {
    id,
    title,
    summary: firstParagraph(body),
    text: richText(body),
    path: file.path,
    source: placeOf(file.path, heading.position?.start),
  };
}
