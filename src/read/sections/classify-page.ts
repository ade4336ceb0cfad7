import type { Heading, Link, Nodes, Root } from 'mdast';
import path from 'node:path';
import { plainText } from '../markdown-text.js';
import { parseLevelFileName, parseLevelHeading, type LevelHeading } from './level-heading.js';

/** How a page keeps a section per level: a role's page with a heading per level, a position's own page, or a track folder's README. */
export type SectionsPage =
  | { kind: 'role'; depth: number }
  | { kind: 'position'; title: Heading | null; level: LevelHeading; fromName: LevelHeading | null }
  | { kind: 'readme' };

/** A role page's level headings sit at one of these depths. */
const levelDepths = [1, 2, 3] as const;

/** What kind of section-per-level page `tree` is, judged from its headings, its file name and its links; null when none. */
export function classifyPage(tree: Root, filePath: string): SectionsPage | null {
  const depth = levelDepth(tree);
  if (depth !== null) return { kind: 'role', depth };
  const stem = path.basename(filePath, path.extname(filePath));
  const title = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1) ?? null;
  const fromTitle = title ? strongLevel(parseLevelHeading(plainText(title))) : null;
  const fromName = parseLevelFileName(stem);
  const hasSubHeadings = tree.children.some((node) => node.type === 'heading' && node.depth > 1);
  const level = fromTitle ?? fromName;
  if (level && ((fromTitle && fromName) || hasSubHeadings)) return { kind: 'position', title, level, fromName };
  if (/^(?:readme|index)$/i.test(stem) && linksToPositionPage(tree)) return { kind: 'readme' };
  return null;
}

/** The level headings of a role page at `depth`, with what each says. */
export function levelHeadings(tree: Root, depth: number): Map<Heading, LevelHeading> {
  const found = new Map<Heading, LevelHeading>();
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== depth) continue;
    const level = parseLevelHeading(plainText(node));
    if (level) found.set(node, level);
  }
  // A number at the end of a title (`Designer 2`) counts only beside another such heading.
  const numbered = [...found.values()].filter((level) => level.form === 'numbered').length;
  if (numbered < 2) for (const [heading, level] of found) if (level.form === 'numbered') found.delete(heading);
  return found;
}

/** The depth at which a page has its level headings: `Level 2` once, or codes (`IC2`) or numbered titles at least twice. */
function levelDepth(tree: Root): number | null {
  let best: { depth: number; count: number } | null = null;
  for (const depth of levelDepths) {
    const levels = [...levelHeadings(tree, depth).values()];
    const enough = levels.some((level) => level.form === 'level') || levels.length >= 2;
    if (enough && levels.length > (best?.count ?? 0)) best = { depth, count: levels.length };
  }
  return best?.depth ?? null;
}

function strongLevel(level: LevelHeading | null): LevelHeading | null {
  return level && level.form !== 'numbered' ? level : null;
}

/** Whether the page links to a page whose file name names a level (`L3-Senior-Engineer.md`): a track's README does. */
function linksToPositionPage(tree: Root): boolean {
  const stack: Nodes[] = [...tree.children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'link' && isPositionLink(node)) return true;
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return false;
}

function isPositionLink(link: Link): boolean {
  const target = link.url.split('#')[0] ?? '';
  if (!/\.(md|markdown)$/i.test(target) || /^[a-z][a-z\d+.-]*:/i.test(target)) return false;
  let name = target;
  try {
    name = decodeURIComponent(target);
  } catch {
    // A broken escape: the name as written.
  }
  return parseLevelFileName(path.posix.basename(name).replace(/\.(md|markdown)$/i, '')) !== null;
}
