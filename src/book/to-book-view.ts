import { formatDay, formatLabel } from '../locale/format-label.js';
import { hasScale, type Cell, type Ladder, type Role } from '../model.js';
import { renderRichText } from '../view/render-rich-text.js';
import { cssString, toIndexView, toRoleView, type ViewOptions } from '../view/to-views.js';
import type { HandoutView } from '../view/view.js';
import { bookAnchors } from './book-anchors.js';
import { shiftHeadings } from './shift-headings.js';
import type { BookChangelogView, BookHandoutView, BookPageView, BookRoleView, BookView, ContentsEntryView } from './book-view.js';
import type { SinceDiff } from '../ladder-diff.js';
import { toChangelogView } from '../view/to-changelog-view.js';

/** What a book is made of: every role of the ladder, or one. */
export interface BookScope {
  /** The role of a role's book; null for the whole ladder's. */
  role: Role | null;
  /** The cover's day (`--date`, else SOURCE_DATE_EPOCH); null prints none. */
  date: Date | null;
}

/** A position's handout view, made once and shared by the whole ladder's book and its role's book. */
export type HandoutViews = ReadonlyMap<string, HandoutView>;

/**
 * The view of a book: the cover, the contents (without page numbers: see `numberContents`), how to
 * read a handout, the introduction with every axis's scale, the level × role matrix, each role's overview followed by its
 * handouts in level order, and the guides. Every link leads inside the book.
 */
export function toBookView(ladder: Ladder, scope: BookScope, handouts: HandoutViews, options: ViewOptions): BookView {
  const roles = scope.role ? [scope.role] : ladder.roles;
  const labels = options.locale.labels;
  const anchors = bookAnchors(ladder, roles);
  const resolve = (target: string) => anchors.resolve(target);
  const index = toIndexView(ladder, options);
  const titleOf = new Map(ladder.roles.flatMap((role) => role.positions.map((position) => [position.code, position.title])));
  const roleViews = roles.map((role): BookRoleView => {
    const overview = toRoleView(ladder, role, options);
    return {
      anchor: anchors.role(role),
      pageName: `${anchors.role(role)}-page`,
      overview: {
        role: { ...overview.role, body: shiftHeadings(renderRichText(role.text, 'html', resolve), 1) },
        guides: overview.guides.flatMap((link) => {
          const guide = ladder.guides.find((candidate) => candidate.title === link.text);
          return guide ? [{ href: `#${anchors.guide(guide.id)}`, text: link.text }] : [];
        }),
        positions: overview.positions.map((position) => ({
          ...position,
          link: { ...position.link, href: `#${anchors.position(position.code)}` },
        })),
        scaled: overview.scaled,
        axes: overview.axes,
        source: overview.source,
      },
      handouts: role.positions.map((position): BookHandoutView => {
        const view = handouts.get(position.code);
        if (!view) throw new Error(`No handout view for ${position.code}`);
        const inBook = (step: HandoutView['previous']) =>
          step && {
            ...step,
            position: { ...step.position, link: { ...step.position.link, href: `#${anchors.position(step.position.code)}` } },
          };
        return {
          ...view,
          role: { ...view.role, link: { ...view.role.link, href: `#${anchors.role(role)}` } },
          previous: inBook(view.previous),
          next: inBook(view.next),
          anchor: anchors.position(position.code),
          pageName: `${anchors.position(position.code)}-page`,
        };
      }),
    };
  });
  const guides = ladder.guides.map((guide) => ({
    anchor: anchors.guide(guide.id),
    pageName: 'book-guides-page',
    title: guide.title,
    body: shiftHeadings(renderRichText(guide.text, 'html', resolve), 1),
  }));
  const changelog = options.since ? toBookChangelog(ladder, options.since, scope.role, options) : null;
  // How to read a handout comes first, where a newcomer opening the book looks.
  const contents: ContentsEntryView[] = [
    entry('book-how-to-read', labels.howToRead),
    entry('book-introduction', labels.introduction),
    entry('book-matrix', labels.byLevelAndRole),
    ...(changelog ? [entry(changelog.anchor, changelog.title)] : []),
    ...roleViews.map((role) =>
      entry(
        role.anchor,
        role.overview.role.title,
        role.handouts.map((handout) => entry(handout.anchor, `${handout.position.code} \u2014 ${handout.position.title}`)),
      ),
    ),
    ...(guides.length > 0
      ? [
          entry(
            'book-guides',
            labels.guides,
            guides.map((guide) => entry(guide.anchor, guide.title)),
          ),
        ]
      : []),
  ];
  const version = options.version ?? ladder.framework.version;
  const head = (start: string, end = '') => ({ start: cssString(start), end: cssString(end) });
  const pages: BookPageView[] = [
    { name: 'book-introduction-page', ...head(labels.introduction) },
    { name: 'book-matrix-page', ...head(labels.byLevelAndRole) },
    ...(changelog ? [{ name: 'book-changelog-page', ...head(changelog.title) }] : []),
    ...roleViews.flatMap((role) => [
      { name: role.pageName, ...head(role.overview.role.title) },
      ...role.handouts.map((handout) => ({
        name: handout.pageName,
        ...head(role.overview.role.title, `${handout.position.code} \u2014 ${handout.position.title}`),
      })),
    ]),
    { name: 'book-guides-page', ...head(labels.guides) },
  ];
  return {
    tool: index.tool,
    framework: index.framework,
    paper: index.paper,
    style: index.style,
    organization: index.organization,
    logo: index.logo,
    lang: index.lang,
    labels: index.labels,
    scope: scope.role ? 'role' : 'ladder',
    cover: {
      title: ladder.framework.title,
      subtitle: scope.role?.title ?? null,
      summary: ladder.framework.summary,
      version: version ? formatLabel(options.locale, 'version', { version }) : null,
      date: scope.date ? formatDay(options.locale, scope.date) : null,
    },
    contents,
    introduction: {
      anchor: 'book-introduction',
      summary: ladder.framework.summary,
      scaled: ladder.framework.competencies.some(hasScale),
      axes: ladder.framework.competencies.map((axis) => ({
        id: axis.id,
        name: axis.name,
        summary: axis.summary,
        scale: axis.scale.map(({ rank, keyword, description }) => ({ rank, keyword, description })),
      })),
    },
    matrix: {
      anchor: 'book-matrix',
      roles: roles.map((role) => ({ title: role.title, anchor: anchors.role(role) })),
      levels: index.levels
        .map((level) => ({
          level: level.level,
          seniority: level.seniority,
          cells: level.cells
            .filter((_, at) => roles.includes(ladder.roles[at]!))
            .map((cell) => ({
              positions: cell.positions.map((position) => ({
                code: position.code,
                title: titleOf.get(position.code) ?? '',
                anchor: anchors.position(position.code),
              })),
            })),
        }))
        .filter((level) => level.cells.some((cell) => cell.positions.length > 0)),
    },
    roles: roleViews,
    changelog,
    guides,
    howToRead: { anchor: 'book-how-to-read', words: hasWords(ladder) },
    pages,
  };
}

/** The changelog chapter: every change since the revision, or in a role's book those of its role and the framework. */
function toBookChangelog(ladder: Ladder, since: SinceDiff, role: Role | null, options: ViewOptions): BookChangelogView {
  const diff = role ? { ...since.diff, roles: since.diff.roles.filter((change) => change.id === role.id) } : since.diff;
  const view = toChangelogView(ladder, diff, options);
  return {
    anchor: 'book-changelog',
    title: formatLabel(options.locale, 'changedSinceVersion', { version: since.version }),
    frameworkChanges: view.frameworkChanges,
    roles: view.roles,
  };
}

function entry(anchor: string, text: string, entries: ContentsEntryView[] = []): ContentsEntryView {
  return { anchor, text, page: '', entries };
}

/** Whether any cell of the ladder says something in words, which the handouts then show competency by competency. */
function hasWords(ladder: Ladder): boolean {
  const says = (cell: Cell) => cell.statements.length > 0 || cell.examples.length > 0;
  return ladder.roles.some((role) => role.everyLevel.some(says) || role.positions.some((position) => position.cells.some(says)));
}
