import type { Heading, RootContent } from 'mdast';
import type { Cell, Competency, Guide, Position, Role, SourcePlace } from '../../model.js';
import { makeId } from '../make-id.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { ShapeReading } from '../shape-reader.js';
import { defaultFirstSeniorLevel } from '../to-framework.js';
import { toStatements, type RichText } from './cell-statements.js';
import type { TableProblem } from './grid.js';
import type { TableMatrix } from './orient-grid.js';

/** A page's content in order: competency tables (already turned the same way round) and every other node. */
export type PagePart = { kind: 'matrix'; matrix: TableMatrix; nodes: RootContent[] } | { kind: 'node'; node: RootContent };

/** One page of competency tables, read as far as its parts. */
export interface TablePage {
  path: string;
  /** The page's title: its front matter's, its first-level heading's, or its file name's. */
  title: string;
  titleHeading: Heading | null;
  parts: PagePart[];
  richText: RichText;
  /** Where problems found while modelling go. */
  report: (problem: TableProblem) => void;
}

/** Everything that stays the same across the pages of one reading: ids and codes are unique across them. */
export interface TableState {
  competencies: Map<string, Competency>;
  roleIds: Set<string>;
  codes: Set<string>;
  guideIds: Set<string>;
}

const seniorWords = new Set([
  'senior',
  'staff',
  'principal',
  'distinguished',
  'fellow',
  'lead',
  'director',
  'head',
  'vp',
  'chief',
  'architect',
]);

/**
 * Model a page of competency tables. Its tables make one role, or, when they sit under several
 * second-level headings (a track each), one role a heading; the page's other text is the role's
 * text, and what stands outside every track a guide.
 */
export function toTableRoles(page: TablePage, state: TableState): ShapeReading {
  const sections = splitByTrack(page.parts);
  const withTables = sections.filter((section) => section.parts.some((part) => part.kind === 'matrix'));
  const onePageRole = new Set(withTables.map((section) => section.heading)).size <= 1;
  const roles: Role[] = [];
  const outside: RootContent[] = [];
  for (const section of sections) {
    if (!withTables.includes(section) && !onePageRole) {
      outside.push(...(section.heading ? [section.heading] : []), ...textNodes(section.parts, page.titleHeading));
      continue;
    }
    if (onePageRole) continue;
    roles.push(toRole(page, state, section.heading ? plainText(section.heading) : page.title, section.parts, section.heading));
  }
  if (onePageRole) roles.push(toRole(page, state, page.title, page.parts, page.titleHeading));
  const guides = outside.some((node) => node.type !== 'heading' || plainText(node)) ? [toGuide(page, state, outside)] : [];
  return { competencies: [], roles, guides };
}

interface Track {
  heading: Heading | null;
  parts: PagePart[];
}

function splitByTrack(parts: readonly PagePart[]): Track[] {
  const tracks: Track[] = [{ heading: null, parts: [] }];
  for (const part of parts) {
    if (part.kind === 'node' && part.node.type === 'heading' && part.node.depth === 2) tracks.push({ heading: part.node, parts: [] });
    else tracks.at(-1)?.parts.push(part);
  }
  return tracks;
}

/** The nodes of a run of parts that are text: all but the title and the headings that only introduce competency tables. */
function textNodes(parts: readonly PagePart[], title: Heading | null): RootContent[] {
  const nodes: RootContent[] = [];
  parts.forEach((part, index) => {
    if (part.kind === 'matrix') return;
    const node = part.node;
    if (node === title || node.type === 'yaml') return;
    if (node.type === 'heading' && introducesTablesOnly(parts, index)) return;
    nodes.push(node);
  });
  return nodes;
}

function introducesTablesOnly(parts: readonly PagePart[], index: number): boolean {
  let tables = 0;
  for (const part of parts.slice(index + 1)) {
    if (part.kind === 'matrix') tables++;
    else if (part.node.type === 'heading') break;
    else return false;
  }
  return tables > 0;
}

function toRole(page: TablePage, state: TableState, title: string, parts: readonly PagePart[], heading: Heading | null): Role {
  const text = textNodes(parts, page.titleHeading).filter((node) => node !== heading);
  const id = uniqueId(makeId(title) || 'role', state.roleIds);
  const positions: (Position & { key: string })[] = [];
  for (const part of parts) if (part.kind === 'matrix') addMatrix(page, state, title, part.matrix, positions);
  const order = new Map([...state.competencies.keys()].map((key, index) => [key, index]));
  markSeniority(positions);
  return {
    id,
    title,
    summary: firstParagraph(text),
    text: page.richText(text),
    path: page.path,
    everyLevel: [],
    positions: positions.map(({ key: _key, ...position }) => ({
      ...position,
      cells: position.cells.sort((a, b) => (order.get(a.competency) ?? 0) - (order.get(b.competency) ?? 0)),
    })),
    source: placeOf(page.path, heading?.position?.start),
  };
}

function addMatrix(
  page: TablePage,
  state: TableState,
  roleTitle: string,
  matrix: TableMatrix,
  positions: (Position & { key: string })[],
): void {
  const byKey = matrix.levels.map((level) => {
    const key = level.key.toLowerCase();
    const known = positions.find((position) => position.key === key);
    if (known) return known;
    const code = level.header.code ?? deriveCode(roleTitle, positions.length + 1, state.codes);
    state.codes.add(code);
    const position = {
      key,
      code,
      level: positions.length + 1,
      title: level.header.title,
      senior: false,
      summary: '',
      attributes: [],
      cells: [],
      source: level.source,
    };
    positions.push(position);
    return position;
  });
  // Every cell of the table is made safe Markdown at once (see `toStatements`).
  const width = matrix.levels.length;
  const said = toStatements(
    matrix.competencies.flatMap((_, row) => byKey.map((_position, column) => matrix.cells[row]?.[column] ?? null)),
    page.path,
    page.richText,
  );
  matrix.competencies.forEach((named, row) => {
    const id = makeId(named.name);
    if (!id) {
      page.report({
        severity: 'warning',
        reason: `Cannot make an id from the competency name \`${named.name}\`; the row is left out`,
        source: named.source,
        ruleId: 'table-unnamed-row',
      });
      return;
    }
    if (!state.competencies.has(id)) state.competencies.set(id, toCompetency(id, named, page));
    byKey.forEach((position, column) => {
      const gridCell = matrix.cells[row]?.[column] ?? null;
      const source: SourcePlace = gridCell?.source ?? named.source;
      if (position.cells.some((cell) => cell.competency === id)) {
        page.report({
          severity: 'warning',
          reason: `Position \`${position.code}\` has a cell for \`${named.name}\` in an earlier table; this one is left out`,
          source,
          ruleId: 'table-duplicate-competency',
        });
        return;
      }
      const cell: Cell = { competency: id, rung: null, statements: said[row * width + column] ?? [], examples: [], source };
      position.cells.push(cell);
    });
  });
}

function toCompetency(id: string, named: TableMatrix['competencies'][number], page: TablePage): Competency {
  const summary = named.summary
    ? (toStatements([named.summary], page.path, page.richText)[0] ?? []).map((statement) => statement.text).join(' ')
    : '';
  return { id, name: named.name, group: named.group, summary, scale: [], source: named.source };
}

/**
 * A code for a level whose header names none: the role's initials and the level (`IC3` for the third
 * level of "Individual Contributors"), longer prefixes when that code is taken.
 */
function deriveCode(roleTitle: string, level: number, taken: ReadonlySet<string>): string {
  const words = roleTitle
    .normalize('NFC')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  for (let length = 1; length <= 3; length++) {
    const prefix =
      words
        .map((word) => word.slice(0, length))
        .join('')
        .toUpperCase()
        .slice(0, 6) || 'P';
    if (!taken.has(`${prefix}${level}`)) return `${prefix}${level}`;
  }
  let extra = 1;
  while (taken.has(`P${level}X${extra}`)) extra++;
  return `P${level}X${extra}`;
}

/**
 * A position is senior when its title or an earlier one's names a senior word (`Senior`, `Staff`,
 * `Principal`…); in a role whose titles name none, from the default first senior level up.
 */
function markSeniority(positions: Position[]): void {
  const named = positions.map((position) =>
    `${position.title} ${position.code}`
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((word) => seniorWords.has(word)),
  );
  const byWords = named.some(Boolean);
  let senior = false;
  positions.forEach((position, index) => {
    senior ||= byWords ? named[index] === true : position.level >= defaultFirstSeniorLevel;
    position.senior = senior;
  });
}

function toGuide(page: TablePage, state: TableState, nodes: readonly RootContent[]): Guide {
  return {
    id: uniqueId(makeId(page.title) || 'guide', state.guideIds),
    title: page.title,
    summary: firstParagraph(nodes),
    text: page.richText(nodes),
    path: page.path,
    source: placeOf(page.path, page.titleHeading?.position?.start),
  };
}

function uniqueId(id: string, taken: Set<string>): string {
  let unique = id;
  for (let count = 1; taken.has(unique); count++) unique = `${id}-${count}`;
  taken.add(unique);
  return unique;
}

function firstParagraph(nodes: readonly RootContent[]): string {
  for (const node of nodes) if (node.type === 'paragraph' && plainText(node)) return plainText(node);
  return '';
}
