import type { List, Root } from 'mdast';
import type { VFile } from 'vfile';
import { leadingLists, placeOf, plainText, readKeywordItem, sectionsAt, type Section } from './markdown-text.js';
import { makeIdMaker } from './make-id.js';
import { namesAxis } from './axis-label.js';
import { keywordKey } from './keyword-key.js';
import { quote, report } from '../messages.js';
import type { Competency, Rung, Framework } from '../model.js';
import type { FrontMatter } from './read-front-matter.js';

/** Radar charts and comparisons need a plane: fewer axes than this cannot be drawn. */
export const minimumAxes = 3;

/** The longest a ranked keyword may be: a longer label in a numbered list is a sentence, not a keyword. */
const maxKeywordLength = 60;

/** Without `firstSeniorLevel` in the introduction's front matter, levels from this one up are senior. */
export const defaultFirstSeniorLevel = 4;

/** What names the framework besides its own page: the configuration's `title`, the site's `_config.yml`. */
export interface FrameworkNames {
  configTitle?: string | null;
  siteTitle?: string | null;
  siteDescription?: string | null;
}

/** The sections that define axes: headed at one depth (`##` to `######`, whatever is above them), each followed by a ranked list of keywords. */
export function axisSections(tree: Root): { section: Section; list: List }[] {
  let best: { section: Section; list: List }[] = [];
  for (let depth = 2; depth <= 6; depth++) {
    const found = sectionsAt(tree, depth).flatMap((section) => {
      const list = rankedList(section);
      return list ? [{ section, list }] : [];
    });
    if (found.length > best.length) best = found;
  }
  return best;
}

/** An introduction page defines axes: headings each followed by a ranked list of keywords. */
export function isIntroductionPage(tree: Root): boolean {
  return axisSections(tree).length > 0;
}

/** Read the framework (title, axes, ranks, keywords) from the introduction page. */
export function toFramework(tree: Root, file: VFile, frontMatter: FrontMatter, names: FrameworkNames = {}): Framework | null {
  const path = file.path;
  const title = tree.children.find((node) => node.type === 'heading');
  const makeAxisId = makeIdMaker();
  const axes: Competency[] = [];
  let valid = true;
  for (const { section, list } of axisSections(tree)) {
    const axis = toAxis(section, list, file, makeAxisId);
    if (!axis.id) {
      const reason = `Cannot make an axis id from the name ${quote(axis.name)}: it has no letter or digit`;
      report(file, 'error', reason, section.heading.position, 'bad-axis-id');
      valid = false;
    }
    axes.push(axis);
  }
  for (const axis of axes) axis.summary = axisSummary(tree, axis.name);
  if (!hasUniqueNames(axes, file) || !hasUniqueKeywords(axes, file) || !valid) return null;
  if (axes.length < minimumAxes) {
    report(file, 'error', `The framework defines ${axes.length} axes, expected at least ${minimumAxes}`, title?.position, 'too-few-axes');
    return null;
  }
  return {
    title: names.configTitle ?? frontMatter.title ?? names.siteTitle ?? (title ? plainText(title) : null) ?? 'Career Ladder',
    summary: frontMatter.summary ?? names.siteDescription ?? firstParagraph(tree),
    version: frontMatter.version ?? null,
    firstSeniorLevel: frontMatter.firstSeniorLevel ?? defaultFirstSeniorLevel,
    locale: frontMatter.locale ?? null,
    competencies: axes,
    source: placeOf(path, title?.position?.start),
  };
}

/** The first paragraph with text under the page's first heading. */
function firstParagraph(tree: Root): string {
  const first = tree.children.find((node) => node.type === 'heading');
  for (const node of tree.children) {
    if (node.type === 'heading' && node !== first) break;
    if (node.type === 'paragraph' && plainText(node)) return plainText(node);
  }
  return '';
}

function rankedList(section: Section): List | null {
  const list = leadingLists(section.body)[0];
  if (!list?.ordered) return null;
  // A keyword is a word or a few: a list of questions set in italics (`1. _Would you…?_`) ranks nothing,
  // and neither does a list of clauses led by a bold sentence (`2. **Term.** The term of…`, in a licence).
  return list.children.some((item) => {
    const read = readKeywordItem(item);
    return read?.marked === true && read.keyword.length <= maxKeywordLength && !/[.。]$/u.test(read.keyword);
  })
    ? list
    : null;
}

function toAxis(section: Section, list: List, file: VFile, makeAxisId: (name: string) => string): Competency {
  const name = plainText(section.heading);
  const levels: Rung[] = [];
  for (const item of list.children) {
    const read = readKeywordItem(item);
    if (!read) {
      report(file, 'error', `Unexpected rank of ${quote(name)}, expected \`**Keyword**: description\``, item.position, 'bad-keyword-item');
      continue;
    }
    levels.push({
      rank: levels.length + 1,
      keyword: read.keyword,
      description: read.description,
      source: placeOf(file.path, (item.children[0] ?? item).position?.start),
    });
  }
  return {
    id: makeAxisId(name),
    name,
    group: null,
    summary: '',
    scale: levels,
    source: placeOf(file.path, section.heading.position?.start),
  };
}

/** The axis's line in a bulleted list such as `* **Technology**: knowledge of the stack` (or `* **기술(Technology)**: …`). */
function axisSummary(tree: Root, axisName: string): string {
  for (const node of tree.children) {
    if (node.type !== 'list' || node.ordered) continue;
    const match = node.children.map(readKeywordItem).find((item) => item?.marked && namesAxis(item.keyword, axisName));
    if (match) return match.description;
  }
  return '';
}

function hasUniqueNames(axes: readonly Competency[], file: VFile): boolean {
  return isUnique(
    axes.map((axis) => ({ key: keywordKey(axis.name), label: axis.name, place: axis.source })),
    file,
    'axis',
    'duplicate-axis-name',
  );
}

function hasUniqueKeywords(axes: readonly Competency[], file: VFile): boolean {
  const levels = axes.flatMap((axis) => axis.scale);
  return isUnique(
    levels.map((level) => ({ key: keywordKey(level.keyword), label: level.keyword, place: level.source })),
    file,
    'keyword',
    'duplicate-keyword',
  );
}

function isUnique(
  entries: { key: string; label: string; place: { line: number; column: number } }[],
  file: VFile,
  noun: string,
  ruleId: string,
): boolean {
  const seen = new Map<string, { line: number; column: number }>();
  let unique = true;
  for (const entry of entries) {
    const first = seen.get(entry.key);
    if (first) {
      const cause = { file: file.path, place: first, reason: `${quote(entry.label)} first defined here` };
      report(
        file,
        'error',
        `Duplicate ${noun} ${quote(entry.label)}: each ${noun} must be defined once so a bullet names exactly one`,
        entry.place,
        ruleId,
        cause,
      );
      unique = false;
    } else {
      seen.set(entry.key, entry.place);
    }
  }
  return unique;
}

/** Where each keyword sits: its axis and rank. */
export function keywordIndex(framework: Framework): Map<string, { axis: Competency; level: Rung }> {
  const index = new Map<string, { axis: Competency; level: Rung }>();
  for (const axis of framework.competencies) {
    for (const level of axis.scale) index.set(keywordKey(level.keyword), { axis, level });
  }
  return index;
}
