import { rungCellsOf, type Ladder, type Position, type Role } from '../model.js';
import { ratings as ratingValues } from '../worksheet/filled-worksheet.js';
import { toWorksheetOrigin } from '../worksheet/to-worksheet-origin.js';
import { writeOriginText } from '../worksheet/worksheet-origin-text.js';
import { toRankView, type ViewOptions } from './to-views.js';
import type { HandoutView, ReviewAxisView, ReviewView } from './view.js';

/** The view of a position's review worksheet: its handout's view, with what the role's next position expects on each axis and a "not applicable" choice. */
export function toReviewView(view: HandoutView, ladder: Ladder, role: Role, position: Position, options: ViewOptions): ReviewView {
  const next = role.positions[role.positions.indexOf(position) + 1];
  const axes: ReviewAxisView[] = view.expectations.map((expectation, axisIndex) => {
    const ahead = next ? rungCellsOf(next)[axisIndex] : undefined;
    return {
      ...expectation,
      field: expectation.axis.id,
      next:
        next && ahead
          ? { code: next.code, same: ahead.rank === expectation.rank, ...toRankView(ahead, expectation.ranks, options.locale) }
          : null,
    };
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
