import type { Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Cell, Guide, Role } from '../../model.js';
import { makeId } from '../make-id.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { PositionDraft } from './assign-codes.js';
import { levelHeadings } from './classify-page.js';
import { toCells, type CompetencyList } from './collect-competencies.js';
import { contentOf, firstParagraph, namesEveryLevel, stemOf, toSectionGuide, wordsOf } from './page-parts.js';
import type { RichText } from './read-block.js';
import { namesFaq, readLevelBody, type LevelBody } from './read-level-body.js';
import { readOwnFrontMatter } from './read-own-front-matter.js';
import { toPositionDraft } from './to-position-draft.js';

/** A role read from one page, with its positions still to be given codes, and the guides the page holds. */
export interface RoleReading {
  role: Role;
  drafts: PositionDraft[];
  guides: Guide[];
}

type Part = { kind: 'text'; nodes: RootContent[] } | { kind: 'level' | 'every' | 'faq'; heading: Heading; nodes: RootContent[] };

/**
 * Read a page that keeps a role with a heading per level at `depth`: what comes before the first level
 * (and sections that name no level) is the role's text; `All levels` sections hold at every level; FAQs are guides.
 */
export function readRolePage(file: VFile, tree: Root, depth: number, richText: RichText, competencies: CompetencyList): RoleReading | null {
  const front = readOwnFrontMatter(tree, file);
  const levels = levelHeadings(tree, depth);
  const titleHeading = depth > 1 ? tree.children.find((node): node is Heading => node.type === 'heading' && node.depth < depth) : undefined;
  const title = front.title ?? (titleHeading ? plainText(titleHeading) : wordsOf(stemOf(file)));
  const id = makeId(stemOf(file)) || makeId(title);
  if (!id) {
    report(
      file,
      'error',
      `Cannot make a role id from the file name ${quote(file.basename ?? '')}; rename the page`,
      undefined,
      'bad-role-id',
    );
    return null;
  }
  const parts = splitParts(contentOf(tree), depth, levels, titleHeading);
  const text = parts.flatMap((part) => (part.kind === 'text' ? part.nodes : []));
  const drafts: PositionDraft[] = [];
  const everyLevel: Cell[] = [];
  const guides: Guide[] = [];
  for (const part of parts) {
    if (part.kind === 'text') continue;
    if (part.kind === 'faq') {
      guides.push(...[toSectionGuide(part.heading, part.nodes, id, file, richText) ?? []].flat());
      continue;
    }
    const body = readLevelBody(part.nodes, depth, file, richText);
    guides.push(...body.faqs.flatMap((faq) => toSectionGuide(faq.heading, faq.body, id, file, richText) ?? []));
    const place = placeOf(file.path, part.heading.position?.start);
    if (part.kind === 'every') {
      noteLeftOver(body, file, part.heading);
      everyLevel.push(...toCells(body.competencies, file, competencies));
      continue;
    }
    const level = levels.get(part.heading);
    if (!level) continue;
    drafts.push(toPositionDraft(level, { heading: plainText(part.heading), role: title }, body, file, competencies, place));
  }
  const role: Role = {
    id,
    title,
    summary: front.summary ?? firstParagraph(text),
    text: richText(text),
    path: file.path,
    everyLevel,
    positions: [],
    source: placeOf(file.path, (titleHeading ?? tree.children.find((node) => node.type !== 'yaml'))?.position?.start),
  };
  return { role, drafts, guides };
}

/** What holds at every level is read by competency: a summary or attributes there have nowhere to go. */
export function noteLeftOver(body: LevelBody, file: VFile, heading: Heading): void {
  if (!body.summary && body.attributes.length === 0) return;
  const reason = `Not read: what ${quote(plainText(heading))} says before its first competency; what holds at every level is read by competency`;
  report(file, 'warning', reason, heading.position, 'unplaced-content');
}

function splitParts(
  nodes: readonly RootContent[],
  depth: number,
  levels: ReadonlyMap<Heading, unknown>,
  title: Heading | undefined,
): Part[] {
  const parts: Part[] = [{ kind: 'text', nodes: [] }];
  for (const node of nodes) {
    if (node === title) continue;
    if (node.type === 'heading' && node.depth <= depth) {
      const text = plainText(node);
      if (node.depth === depth && levels.has(node)) parts.push({ kind: 'level', heading: node, nodes: [] });
      else if (node.depth === depth && namesEveryLevel(text)) parts.push({ kind: 'every', heading: node, nodes: [] });
      else if (namesFaq(text)) parts.push({ kind: 'faq', heading: node, nodes: [] });
      else parts.push({ kind: 'text', nodes: [node] });
      continue;
    }
    parts.at(-1)?.nodes.push(node);
  }
  return parts;
}
