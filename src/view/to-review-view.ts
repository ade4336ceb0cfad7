import type { PageLocale } from '../locale/format-label.js';
import type { Cell, Competency, Ladder, Position, Role, Statement } from '../model.js';
import { ratings as ratingValues } from '../worksheet/filled-worksheet.js';
import { toWorksheetOrigin } from '../worksheet/to-worksheet-origin.js';
import { writeOriginText } from '../worksheet/worksheet-origin-text.js';
import { diffStatements } from './diff-statements.js';
import { expectedCell } from './expected-cell.js';
import { renderStatements } from './render-statements.js';
import { toAxisView, toRankView, type ViewOptions } from './to-views.js';
import type { HandoutView, RankView, ReviewAxisView, ReviewView } from './view.js';

/**
 * The view of a position's review worksheet: its handout's view, with a part for each competency the
 * position has a cell on (or one that holds at every level of the role): its rung or its text, what
 * the role's next position expects or adds there, and a "not applicable" choice.
 */
export function toReviewView(view: HandoutView, ladder: Ladder, role: Role, position: Position, options: ViewOptions): ReviewView {
  const next = role.positions[role.positions.indexOf(position) + 1];
  const axes = ladder.framework.competencies.flatMap((competency): ReviewAxisView[] => {
    const cell = expectedCell(role, position, competency.id);
    if (!cell) return [];
    const ahead = next ? expectedCell(role, next, competency.id) : null;
    return [
      {
        ...toRungView(cell, competency, options.locale),
        axis: toAxisView(competency),
        scale: competency.scale.map((level) => ({
          rank: level.rank,
          keyword: level.keyword,
          description: level.description,
          current: level.rank === cell.rung?.rank,
          reached: cell.rung !== null && level.rank <= cell.rung.rank,
        })),
        hasRung: cell.rung !== null,
        text: toBodyView(cell.statements, options),
        examples: toBodyView(cell.examples, options),
        field: competency.id,
        next: next && ahead ? toNextView(next, cell, ahead, competency, options) : null,
      },
    ];
  });
  // The header and fields take about an axis's room, the summary and sign-off about two: this evens the two pages out.
  const splitAt = Math.ceil((axes.length + 1) / 2);
  return {
    ...view,
    reviewSheets: { first: axes.slice(0, splitAt), second: axes.slice(splitAt) },
    axisRatings: [...view.ratings, options.locale.labels.notApplicable],
    form: {
      origin: writeOriginText(toWorksheetOrigin(ladder, role, position)),
      choices: ratingValues.map((value) => ({ value, text: options.locale.labels[value === 'na' ? 'notApplicable' : value] })),
      values: [...ratingValues],
    },
  };
}

/** Statements rendered for the page, under the key that Markdown pages print as it is; null for none. */
function toBodyView(statements: readonly Pick<Statement, 'kind' | 'text'>[], options: ViewOptions): { body: string } | null {
  return statements.length === 0 ? null : { body: renderStatements(statements, options.format) };
}

/** The cell's rung as a rank of its scale; empty words and rank 0 for a cell of text alone. */
function toRungView(cell: Cell, competency: Competency, locale: PageLocale): RankView {
  if (!cell.rung) return { keyword: '', rank: 0, ranks: 0, rankLabel: '', description: '' };
  return toRankView(cell.rung, competency.scale.length, locale);
}

/** What the next position expects on the competency: its rung, and the statements it adds or rewords. */
function toNextView(next: Position, cell: Cell, ahead: Cell, competency: Competency, options: ViewOptions): ReviewAxisView['next'] {
  const texts = (statements: Statement[]) => statements.map((statement) => statement.text);
  const changes = diffStatements(texts(cell.statements), texts(ahead.statements));
  const added = changes.flatMap((change) => (change.after === null ? [] : [{ kind: 'bullet' as const, text: change.after }]));
  return {
    code: next.code,
    same: ahead.rung?.rank === cell.rung?.rank && changes.length === 0,
    ...toRungView(ahead, competency, options.locale),
    hasRung: ahead.rung !== null,
    adds: toBodyView(added, options),
  };
}
