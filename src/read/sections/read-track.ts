import type { Heading, Root, RootContent } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Cell, Guide, Role } from '../../model.js';
import { makeId } from '../make-id.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { PositionDraft } from './assign-codes.js';
import { toCells, type CompetencyList } from './collect-competencies.js';
import type { LevelHeading } from './level-heading.js';
import { contentOf, firstParagraph, namesEveryLevel, stemOf, toSectionGuide, wordsOf } from './page-parts.js';
import type { RichText } from './read-block.js';
import { namesFaq, readLevelBody } from './read-level-body.js';
import { noteLeftOver, type RoleReading } from './read-role-page.js';
import { toPositionDraft } from './to-position-draft.js';

/** A page of one position, as the classifier found it. */
export interface PositionPage {
  file: VFile;
  tree: Root;
  title: Heading | null;
  level: LevelHeading;
  fromName: LevelHeading | null;
}

/** A section of a track's README kept apart from its text. */
interface Aside {
  heading: Heading;
  nodes: RootContent[];
  kind: 'every' | 'faq';
}

/** A page the reader was given: its file, its tree, and its rich-text maker. */
export interface TrackReadme {
  file: VFile;
  tree: Root;
}

/**
 * Read a folder of position pages (`L3-Senior-Engineer.md`) as one role, named after the folder. Its
 * README, when it has one, gives the role's text (its first heading names the role when it names the
 * folder's words), what holds at every level (an `All levels` section) and FAQs (guides).
 */
export function readTrack(
  folder: string,
  pages: readonly PositionPage[],
  readme: TrackReadme | undefined,
  richText: (file: VFile) => RichText,
  competencies: CompetencyList,
): RoleReading | null {
  const folderName = path.basename(path.resolve(folder));
  const readmeNodes = readme ? contentOf(readme.tree) : [];
  const readmeTitle = readmeNodes.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const fits = readmeTitle !== undefined && makeId(plainText(readmeTitle)) === makeId(wordsOf(folderName));
  const title = fits ? plainText(readmeTitle) : wordsOf(folderName);
  const id = makeId(folderName) || makeId(title);
  const first = pages[0];
  if (!id || !first) {
    if (first)
      report(
        first.file,
        'error',
        `Cannot make a role id from the folder name ${quote(folderName)}; rename the folder`,
        undefined,
        'bad-role-id',
      );
    return null;
  }
  const everyLevel: Cell[] = [];
  const guides: Guide[] = [];
  const text: RootContent[] = [];
  // The positions first: their competencies come in the order their pages name them.
  const drafts: PositionDraft[] = pages.map((page) => readPositionPage(page, title, richText(page.file), competencies, guides, id));
  if (readme) {
    let aside: Aside | null = null;
    const asides: Aside[] = [];
    for (const node of readmeNodes) {
      if (fits && node === readmeTitle) continue;
      if (node.type === 'heading' && (!aside || node.depth <= aside.heading.depth)) {
        const heading = plainText(node);
        const kind = namesEveryLevel(heading) ? 'every' : namesFaq(heading) ? 'faq' : null;
        aside = kind ? { heading: node, nodes: [], kind } : null;
        if (aside) asides.push(aside);
        if (aside) continue;
      }
      (aside ? aside.nodes : text).push(node);
    }
    for (const part of asides) {
      if (part.kind === 'faq')
        guides.push(...[toSectionGuide(part.heading, part.nodes, id, readme.file, richText(readme.file)) ?? []].flat());
      else {
        const body = readLevelBody(part.nodes, part.heading.depth, readme.file, richText(readme.file));
        noteLeftOver(body, readme.file, part.heading);
        everyLevel.push(...toCells(body.competencies, readme.file, competencies));
      }
    }
  }
  const role: Role = {
    id,
    title,
    summary: firstParagraph(text),
    text: readme ? richText(readme.file)(text) : '',
    path: folder,
    everyLevel,
    positions: [],
    source: readme
      ? placeOf(readme.file.path, (readmeTitle ?? readmeNodes[0])?.position?.start)
      : placeOf(first.file.path, (first.title ?? first.tree.children[0])?.position?.start),
  };
  return { role, drafts, guides };
}

function readPositionPage(
  page: PositionPage,
  roleTitle: string,
  richText: RichText,
  competencies: CompetencyList,
  guides: Guide[],
  roleId: string,
): PositionDraft {
  const { file, tree, title, level, fromName } = page;
  if (title && fromName && level !== fromName && level.code !== null && fromName.code !== null && level.code !== fromName.code) {
    const reason = `The heading says ${quote(level.code)} but the file name says ${quote(fromName.code)}; the heading's code is used`;
    report(file, 'warning', reason, title.position, 'level-mismatch');
  }
  const nodes = contentOf(tree).filter((node) => node !== title);
  const body = readLevelBody(nodes, 1, file, richText);
  guides.push(...body.faqs.flatMap((faq) => toSectionGuide(faq.heading, faq.body, roleId, file, richText) ?? []));
  const heading = title ? plainText(title) : wordsOf(stemOf(file));
  const named = { ...level, title: level.title ?? fromName?.title ?? null };
  return toPositionDraft(
    named,
    { heading, role: roleTitle },
    body,
    file,
    competencies,
    placeOf(file.path, (title ?? nodes[0])?.position?.start),
  );
}
