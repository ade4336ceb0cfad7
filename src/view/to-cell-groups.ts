import type { TextFormat } from '../formats.js';
import type { PageLocale } from '../locale/format-label.js';
import type { Cell, Competency, Ladder, Statement } from '../model.js';
import { renderInlineText } from './render-inline-text.js';
import type { ResolveReference } from './render-rich-text.js';
import { toAxisView, toRankView } from './to-views.js';
import type { CellGroupView, CellView, StatementBlockView, StatementView } from './view.js';

/** How a page renders the ladder's words: its format, its language, and where a `ladders:` link leads from it. */
export interface TextContext {
  format: TextFormat;
  locale: PageLocale;
  resolve: ResolveReference;
}

/**
 * The cells that say something in words (statements or examples), grouped under their competencies'
 * groups in competency order: a group starts wherever the group changes. A cell that is a rung alone
 * is left to the axis table, so a ladder of rungs only has no groups at all.
 */
export function toCellGroups(ladder: Ladder, cells: readonly Cell[], context: TextContext): CellGroupView[] {
  const groups: CellGroupView[] = [];
  for (const competency of ladder.framework.competencies) {
    const cell = cells.find((candidate) => candidate.competency === competency.id);
    if (!cell || (cell.statements.length === 0 && cell.examples.length === 0)) continue;
    const last = groups.at(-1);
    const view = toCellView(competency, cell, context);
    if (last && last.name === competency.group) last.cells.push(view);
    else groups.push({ name: competency.group, cells: [view] });
  }
  return groups;
}

function toCellView(competency: Competency, cell: Cell, context: TextContext): CellView {
  const rung = cell.rung && toRankView(cell.rung, competency.scale.length, context.locale);
  return {
    competency: toAxisView(competency),
    rung: rung && { keyword: rung.keyword, rankLabel: rung.rankLabel },
    statements: toStatementBlocks(cell.statements, context),
    examples: toStatementBlocks(cell.examples, context),
  };
}

/** Statements as a template prints them: each paragraph alone, bullets in a row together as one list. */
export function toStatementBlocks(statements: readonly Statement[], context: TextContext): StatementBlockView[] {
  const blocks: StatementBlockView[] = [];
  for (const statement of statements) {
    const view = toStatementView(statement, context);
    const last = blocks.at(-1);
    if (statement.kind === 'paragraph') blocks.push({ paragraph: view, bullets: [] });
    else if (last && last.paragraph === null) last.bullets.push(view);
    else blocks.push({ paragraph: null, bullets: [view] });
  }
  return blocks;
}

/** One statement, its text rendered for the page. */
export function toStatementView(statement: Statement, context: TextContext): StatementView {
  return { body: renderInlineText(statement.text, context.format, context.resolve), isNew: statement.isNew };
}
