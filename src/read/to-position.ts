import type { VFile } from 'vfile';
import { namesAxis } from './axis-label.js';
import { closestMatch } from './closest-match.js';
import { leadingLists, placeOf, plainText, readKeywordItem, type Section } from './markdown-text.js';
import { quote, quoteList, report } from '../messages.js';
import type { Cell, CellRung, Competency, Rung, Framework, Position } from '../model.js';
import { parsePositionHeading } from './position-heading.js';
import { keywordKey } from './keyword-key.js';
import { keywordIndex } from './to-framework.js';

/** Where each keyword of the framework sits. */
export type KeywordIndex = ReturnType<typeof keywordIndex>;

/** A section is a position when its heading reads like one or it lists a keyword of the framework. */
export function isPositionSection(section: Section, framework: Framework, index: KeywordIndex): boolean {
  return parsePositionHeading(plainText(section.heading)) !== null || namesKeyword(section, framework, index);
}

/** Whether a section's leading bullets name a keyword of the framework, as a position of this shape does and a level of another shape does not. */
export function namesKeyword(section: Section, framework: Framework, index: KeywordIndex): boolean {
  return leadingLists(section.body).some((list) =>
    list.children.some((item) => {
      const read = readKeywordItem(item);
      return read !== null && 'level' in findKeyword(read.keyword, framework, index);
    }),
  );
}

/** What a bullet's label names: a keyword (found on its axis), an axis with a keyword it does not have, or nothing known. */
type Found = { axis: Competency; level: Rung } | { axis: Competency; unknown: string } | { unknown: string };

// Between an axis and its keyword: `Technology - Adopts`, `Technology: Adopts`, `Technology – Adopts`.
const axisSeparator = /\s*[-\u2013\u2014:]\s*/gu;

/** Find the keyword a label names, alone (`Adopts`) or after its axis (`Technology - Adopts`, the axis possibly a link or glossed). */
function findKeyword(label: string, framework: Framework, index: KeywordIndex): Found {
  const key = keywordKey(label);
  const found = index.get(key);
  if (found) return found;
  for (const axis of framework.competencies) {
    // The axis may be glossed (`기술(Technology) - 배운다`): each separator is tried until the text before it names the axis.
    for (const separator of key.matchAll(axisSeparator)) {
      if (!namesAxis(key.slice(0, separator.index), axis.name)) continue;
      const keyword = key.slice(separator.index + separator[0].length);
      const level = axis.scale.find((candidate) => keywordKey(candidate.keyword) === keyword);
      return level ? { axis, level } : { axis, unknown: label.trim().slice(label.trim().length - keyword.length) };
    }
  }
  return { unknown: label };
}

/** Read one position section; null when it has errors (reported on `file`). */
export function toPosition(section: Section, file: VFile, framework: Framework, index: KeywordIndex, roleTitle: string): Position | null {
  const headingText = plainText(section.heading);
  const heading = parsePositionHeading(headingText);
  if (!heading) {
    const reason = `Unexpected position heading ${quote(headingText)}, expected \`CODE - Title\` such as \`XY4 - Title 4\``;
    report(file, 'error', reason, section.heading.position, 'bad-position-heading');
    return null;
  }
  const cells = readCells(section, file, framework, index, heading.code);
  if (!cells) return null;
  return {
    code: heading.code,
    level: heading.level,
    title: heading.title ?? `${roleTitle} ${heading.level}`,
    senior: false,
    summary: '',
    attributes: [],
    cells,
    source: placeOf(file.path, section.heading.position?.start),
  };
}

function readCells(section: Section, file: VFile, framework: Framework, index: KeywordIndex, code: string): Cell[] | null {
  const byAxis = new Map<string, Cell & { rung: CellRung }>();
  // Axes a misspelt keyword most likely meant: reporting them missing as well would only repeat the error.
  const guessed = new Set<string>();
  let valid = true;
  for (const item of leadingLists(section.body).flatMap((list) => list.children)) {
    const place = item.children[0]?.position ?? item.position;
    const read = readKeywordItem(item);
    if (!read) {
      report(file, 'error', `Unexpected bullet in position ${quote(code)}, expected \`**Keyword**: description\``, place, 'bad-bullet');
      valid = false;
      continue;
    }
    const found = findKeyword(read.keyword, framework, index);
    if (!('level' in found)) {
      const { reason, axis } = 'axis' in found ? keywordNotOnAxis(found.unknown, found.axis) : unknownKeyword(read.keyword, framework);
      report(file, 'error', reason, place, 'unknown-keyword');
      if (axis) guessed.add(axis.id);
      valid = false;
      continue;
    }
    const earlier = byAxis.get(found.axis.id);
    if (earlier) {
      const cause = { file: file.path, place: earlier.source, reason: `${quote(earlier.rung.keyword)} is given here` };
      const reason = `Position ${quote(code)} names two keywords for ${quote(found.axis.name)}: ${quote(earlier.rung.keyword)} and ${quote(found.level.keyword)}`;
      report(file, 'error', reason, place, 'duplicate-axis', cause);
      valid = false;
      continue;
    }
    byAxis.set(found.axis.id, {
      competency: found.axis.id,
      rung: { rank: found.level.rank, keyword: found.level.keyword, description: read.description },
      statements: [],
      examples: [],
      source: placeOf(file.path, place?.start),
    });
  }
  for (const axis of framework.competencies) {
    if (byAxis.has(axis.id) || guessed.has(axis.id)) continue;
    const reason = `Position ${quote(code)} names no keyword for ${quote(axis.name)}, expected one of ${quoteList(keywordsOf(axis))}`;
    report(file, 'error', reason, section.heading.position, 'missing-axis');
    valid = false;
  }
  if (!valid) return null;
  return framework.competencies.flatMap((axis) => byAxis.get(axis.id) ?? []);
}

/** The message for a keyword no axis has, and the axis of the nearest keyword, if one is near. */
function unknownKeyword(keyword: string, framework: Framework): { reason: string; axis: Competency | undefined } {
  const suggestion = closestMatch(keyword, framework.competencies.flatMap(keywordsOf));
  const axis = suggestion ? framework.competencies.find((candidate) => keywordsOf(candidate).includes(suggestion)) : undefined;
  if (!suggestion || !axis) {
    const axes = quoteList(framework.competencies.map((candidate) => candidate.name));
    return { reason: `Unexpected keyword ${quote(keyword)}, expected a keyword of one of the axes ${axes}`, axis };
  }
  const reason = `Unexpected keyword ${quote(keyword)}, expected one of ${quoteList(keywordsOf(axis))}; did you mean ${quote(suggestion)}?`;
  return { reason, axis };
}

/** The message for a bullet that names an axis and a keyword that axis does not have. */
function keywordNotOnAxis(keyword: string, axis: Competency): { reason: string; axis: Competency } {
  const suggestion = closestMatch(keyword, keywordsOf(axis));
  const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : '';
  return {
    reason: `Unexpected keyword ${quote(keyword)} for ${quote(axis.name)}, expected one of ${quoteList(keywordsOf(axis))}${hint}`,
    axis,
  };
}

function keywordsOf(axis: Competency): string[] {
  return axis.scale.map((level) => level.keyword);
}
