/**
 * The view of a book: the whole ladder, or one role, as one printed document. Its shape is
 * documented in docs/templates.md for template authors.
 */
import type { ChangelogView, HandoutView, PageHeaderView, RoleView } from '../view/view.js';

/** One line of the contents: a part of the book, where it starts, and how deep it sits. */
export interface ContentsEntryView {
  /** The part's anchor in the book (`book-r1-p2`), which the entry links to. */
  anchor: string;
  text: string;
  /** The page the part starts on, as printed in the footer; empty in the first print, before anyone knows. */
  page: string;
  /** The entries below this one: a role's positions, the guides. */
  entries: ContentsEntryView[];
}

/** A printed page style: its CSS page name and the running heads its pages carry, as quoted CSS strings. */
export interface BookPageView {
  name: string;
  /** The role (or the part's title) at the top left, the position at the top right; `""` for none. */
  start: string;
  end: string;
}

/** A position in a book: its handout's view, with its links leading inside the book. */
export interface BookHandoutView extends HandoutView {
  anchor: string;
  pageName: string;
}

/** A role in a book: its overview, then each position's handout in level order. */
export interface BookRoleView {
  anchor: string;
  pageName: string;
  overview: Pick<RoleView, 'role' | 'guides' | 'positions' | 'scaled' | 'axes' | 'source'>;
  handouts: BookHandoutView[];
}

/** A book's changelog chapter: the changelog's framework and roles, under `Changed since 2026.1`. */
export interface BookChangelogView extends Pick<ChangelogView, 'frameworkChanges' | 'roles'> {
  anchor: string;
  title: string;
}

/** What a book prints: cover, contents, how to read a handout, introduction, matrix, roles and guides. */
export interface BookView extends PageHeaderView {
  /** `ladder`: every role; `role`: one role and the guides. */
  scope: 'ladder' | 'role';
  /** `summary`: the ladder's, from its introduction; empty when it has none. */
  cover: { title: string; subtitle: string | null; summary: string; version: string | null; date: string | null };
  contents: ContentsEntryView[];
  /** `scaled`: some competency has a scale (the axes' scales and the charts are shown; else the competencies alone). */
  introduction: {
    anchor: string;
    summary: string;
    scaled: boolean;
    axes: { id: string; name: string; summary: string; scale: { rank: number; keyword: string; description: string }[] }[];
  };
  matrix: {
    anchor: string;
    roles: { title: string; anchor: string }[];
    levels: { level: number; seniority: string; cells: { positions: { code: string; title: string; anchor: string }[] }[] }[];
  };
  roles: BookRoleView[];
  /** `--since REV`: the chapter of what changed since that revision (in a role's book, in that role); null without `--since`. */
  changelog: BookChangelogView | null;
  guides: { anchor: string; pageName: string; title: string; body: string }[];
  /** `words`: some cell says something in words, which the handouts show competency by competency. */
  howToRead: { anchor: string; words: boolean };
  /** One `@page` rule per part, for its running heads. */
  pages: BookPageView[];
}
