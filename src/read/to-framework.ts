import type { List, Root } from 'mdast';
import type { VFile } from 'vfile';
import { leadingLists, placeOf, plainText, readKeywordItem, sectionsAt, slugify, type Section } from './markdown-text.js';
import { quote, report } from '../messages.js';
import type { Axis, AxisLevel, Framework } from '../model.js';
import type { FrontMatter } from './read-front-matter.js';

/** Radar charts and comparisons need a plane: fewer axes than this cannot be drawn. */
export const minimumAxes = 3;

/** An introduction page defines axes: second-level headings each followed by a ranked list of keywords. */
export function isIntroductionPage(tree: Root): boolean {
  return sectionsAt(tree, 2).some((section) => rankedList(section) !== null);
}

/** Read the framework (axes, ranks, keywords) from the introduction page. */
export function toFramework(tree: Root, file: VFile, frontMatter: FrontMatter): Framework | null {
  const path = file.path;
  const title = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const axes: Axis[] = [];
  for (const section of sectionsAt(tree, 2)) {
    const list = rankedList(section);
    if (list) axes.push(toAxis(section, list, file));
  }
  for (const axis of axes) axis.summary = axisSummary(tree, axis.name);
  if (!hasUniqueNames(axes, file) || !hasUniqueKeywords(axes, file)) return null;
  if (axes.length < minimumAxes) {
    report(file, 'error', `The framework defines ${axes.length} axes, expected at least ${minimumAxes}`, title?.position, 'too-few-axes');
    return null;
  }
  return {
    title: frontMatter.title ?? (title ? plainText(title) : 'Career Ladder'),
    version: frontMatter.version ?? null,
    axes,
    source: placeOf(path, title?.position?.start),
  };
}

function rankedList(section: Section): List | null {
  const list = leadingLists(section.body)[0];
  if (!list?.ordered) return null;
  return list.children.some((item) => readKeywordItem(item)?.marked) ? list : null;
}

function toAxis(section: Section, list: List, file: VFile): Axis {
  const name = plainText(section.heading);
  const levels: AxisLevel[] = [];
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
  return { id: slugify(name), name, summary: '', levels, source: placeOf(file.path, section.heading.position?.start) };
}

/** The axis's line in a bulleted list such as `* **Technology**: knowledge of the stack`. */
function axisSummary(tree: Root, axisName: string): string {
  const wanted = axisName.toLowerCase();
  for (const node of tree.children) {
    if (node.type !== 'list' || node.ordered) continue;
    const match = node.children.map(readKeywordItem).find((item) => item?.marked && item.keyword.toLowerCase() === wanted);
    if (match) return match.description;
  }
  return '';
}

function hasUniqueNames(axes: readonly Axis[], file: VFile): boolean {
  return isUnique(
    axes.map((axis) => ({ key: axis.id, label: axis.name, place: axis.source })),
    file,
    'axis',
    'duplicate-axis-name',
  );
}

function hasUniqueKeywords(axes: readonly Axis[], file: VFile): boolean {
  const levels = axes.flatMap((axis) => axis.levels);
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

/** How keywords compare: case and spacing do not matter. */
export function keywordKey(keyword: string): string {
  return keyword.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Where each keyword sits: its axis and rank. */
export function keywordIndex(framework: Framework): Map<string, { axis: Axis; level: AxisLevel }> {
  const index = new Map<string, { axis: Axis; level: AxisLevel }>();
  for (const axis of framework.axes) {
    for (const level of axis.levels) index.set(keywordKey(level.keyword), { axis, level });
  }
  return index;
}
