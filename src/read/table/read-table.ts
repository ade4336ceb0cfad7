import type { Root, RootContent } from 'mdast';
import { parse } from 'yaml';
import { report } from '../../messages.js';
import { plainText } from '../markdown-text.js';
import type { LadderFile, ShapeReader, ShapeReading } from '../shape-reader.js';
import type { TableProblem } from './grid.js';
import { findTables } from './find-tables.js';
import { orientGrid } from './orient-grid.js';
import { toTableRoles, type PagePart, type TableState } from './to-table-roles.js';

interface ReadPage {
  parts: PagePart[];
  problems: TableProblem[];
  hasCompetencyTable: boolean;
}

const asText = 'Table read as text: neither its header row nor its first column names levels beside competencies';

// Recognising a page reads its tables; reading it again takes what was found.
const readPages = new WeakMap<Root, ReadPage>();

/**
 * The reader of ladders kept as competency × level tables in Markdown: pipe tables or raw HTML
 * tables, a column per level or a row per level (docs/shapes.md).
 */
export const tableReader: ShapeReader = {
  shape: 'table',
  recognises: (file) => readPage(file)?.hasCompetencyTable === true,
  read(files, context) {
    const state: TableState = { competencies: new Map(), roleIds: new Set(), codes: new Set(), guideIds: new Set() };
    const reading: ShapeReading = { competencies: [], roles: [], guides: [] };
    for (const file of files) {
      const page = readPage(file);
      if (!file.tree || !page) continue;
      const say = (problem: TableProblem) => report(file.file, problem.severity, problem.reason, problem.source, problem.ruleId);
      page.problems.forEach(say);
      const title = file.tree.children.find((node) => node.type === 'heading' && node.depth === 1);
      const { roles, guides } = toTableRoles(
        {
          path: file.file.path,
          title: frontMatterTitle(file.tree) ?? (title ? plainText(title) : (file.file.stem ?? '')),
          titleHeading: title?.type === 'heading' ? title : null,
          parts: page.parts,
          richText: context.richText(file.file),
          report: say,
        },
        state,
      );
      reading.roles.push(...roles);
      reading.guides.push(...guides);
    }
    reading.competencies = [...state.competencies.values()];
    return reading;
  },
};

function readPage(file: LadderFile): ReadPage | null {
  if (!file.tree || file.text === null) return null;
  const known = readPages.get(file.tree);
  if (known) return known;
  const found = findTables(file.tree, file.text, file.file.path);
  const problems = [...found.problems];
  let hasCompetencyTable = false;
  const parts = found.blocks.flatMap((block): PagePart[] => {
    if (block.kind === 'node') return [block];
    const oriented = orientGrid(block.grid);
    const isCompetencyTable = oriented.matrix !== null || oriented.problems.some((problem) => problem.severity === 'error');
    hasCompetencyTable ||= isCompetencyTable;
    // What is wrong with a table of something else is not this reader's to say.
    if (isCompetencyTable) problems.push(...oriented.problems);
    else problems.push({ severity: 'info', reason: asText, source: block.grid.source, ruleId: 'table-as-text' });
    // A table cut short is no text either: its problem says so.
    if (oriented.matrix && block.closed) return [{ kind: 'matrix', matrix: oriented.matrix, nodes: block.nodes }];
    return block.closed && !isCompetencyTable ? block.nodes.map((node: RootContent) => ({ kind: 'node', node })) : [];
  });
  const page = { parts, problems, hasCompetencyTable };
  readPages.set(file.tree, page);
  return page;
}

/** The page's `title` in its front matter, read leniently: this reader needs nothing else from it. */
function frontMatterTitle(tree: Root): string | null {
  const yaml = tree.children.find((node) => node.type === 'yaml');
  if (yaml?.type !== 'yaml') return null;
  try {
    const data: unknown = parse(yaml.value, { maxAliasCount: 10 });
    const title = typeof data === 'object' && data !== null && 'title' in data ? data.title : null;
    return typeof title === 'string' && title.trim() ? title.trim() : null;
  } catch {
    return null;
  }
}
