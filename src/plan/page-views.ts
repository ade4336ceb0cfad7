import type { BookView } from '../book/book-view.js';
import type { AssessmentView } from '../view/assessment-view.js';
import type { ComparisonView } from '../view/comparison-view.js';
import type { ChangelogView, GuideView, HandoutView, IndexView, PageName, ReviewView, RoleView } from '../view/view.js';

/** The view each page's templates see: a planned output pairs a page only with its own view. */
export interface PageViews {
  handout: HandoutView;
  review: ReviewView;
  role: RoleView;
  index: IndexView;
  compare: ComparisonView;
  guide: GuideView;
  changelog: ChangelogView;
  book: BookView;
  assessment: AssessmentView;
}

/** The pages rendered as text (HTML or Markdown) and printed as pages: every page but the book, which is printed whole. */
export type TextPage = Exclude<PageName, 'book'>;

/** A page paired with its view, one member for each of `P`: `{ page: 'role'; view: RoleView } | …`. */
// Indexing `PageViews` by every page name also checks that the map names each page: a page added to
// `pageNames` without a view here fails to compile.
export type PageWithView<P extends PageName = PageName> = { [Q in P]: { page: Q; view: PageViews[Q] } }[P];
