import { paperSizes, type OutputFormat, type Paper, type TextFormat, type Variant } from '../formats.js';
import { hasScale, type Competency, type RungCell, type Guide, type Ladder, type Position, type Role } from '../model.js';
import { guidePath, guidesFolder, indexFile } from './output-paths.js';
import { positionLink, positionVersions } from './position-link.js';
import { referenceHref } from './reference-href.js';
import { toPlainText } from './render-inline-text.js';
import { renderRichText } from './render-rich-text.js';
import { sourcePath } from './source-path.js';
import type { AxisView, GuideView, IndexView, LinkView, PageHeaderView, PageView, RankView, RoleView } from './view.js';
import { formatLabel, type PageLocale } from '../locale/format-label.js';
import type { SinceDiff } from '../ladder-diff.js';
import type { Audience } from '../config/branding-of.js';

/** What the views depend on besides the model. */
export interface ViewOptions {
  format: TextFormat;
  paper: Paper;
  /** The stylesheet with fonts, for HTML. */
  style: string;
  toolVersion: string;
  /** Branding from the configuration; null or absent when not configured. */
  organization?: string | null;
  logo?: string | null;
  /** The framework's version label from the configuration, over the one in the introduction's front matter. */
  version?: string | null;
  /** `--for NAME --date DATE`: the person a copy is prepared for, and the day. */
  preparedFor?: { name: string; date: Date } | null;
  /** The language of the pages, their direction and labels. */
  locale: PageLocale;
  /** Who reads the pages; `internal` when absent, `external` whenever `preparedFor` is set. */
  audience?: Audience | null;
  /** The page is printed to PDF: links to other positions lead to their PDFs, and links nothing can follow from paper or a PDF are text. */
  printed?: boolean;
  /** What the build writes for each position, so a page can link to its other forms (its PDF, its worksheet); null links to none. */
  built?: { formats: readonly OutputFormat[]; variants: readonly Variant[] } | null;
  /** `--since REV`: what changed since that revision, for each handout's section; null or absent shows none. */
  since?: SinceDiff | null;
  /** The ladder folder, relative to the working folder like the model's paths: internal pages name their source page from it. */
  sourceFolder?: string | null;
  /** The books the build makes, so the index and role pages can link to them: each role's, and `ladder.pdf` when `whole`; null or absent, none. */
  books?: { whole: boolean } | null;
}

/** Whether pages made with `options` are for readers outside the organisation. */
export function isExternal(options: Pick<ViewOptions, 'audience' | 'preparedFor'>): boolean {
  return options.audience === 'external' || (options.preparedFor ?? null) !== null;
}

/** What every page knows: the tool, the framework, the paper, the style and the branding. */
export function toPageHeaderView(ladder: Ladder, options: ViewOptions): PageHeaderView {
  return {
    tool: { name: 'ladders', version: options.toolVersion },
    framework: { title: ladder.framework.title, version: options.version ?? ladder.framework.version },
    paper: { name: options.paper, size: paperSizes[options.paper] },
    style: options.format === 'html' ? options.style : '',
    organization: options.organization ?? null,
    logo: options.logo ?? null,
    lang: { tag: options.locale.tag, dir: options.locale.dir, ...pageSides(options.locale.dir) },
    labels: options.locale.labels,
  };
}

function pageView(ladder: Ladder, options: ViewOptions, homeHref: string): PageView {
  return { ...toPageHeaderView(ladder, options), home: { href: homeHref, text: ladder.framework.title } };
}

/**
 * The page margins' boxes where a line of text starts and where it ends: `@page` margin boxes are
 * named by their physical side and do not follow the page's direction, so a right-to-left page swaps them.
 */
function pageSides(dir: 'ltr' | 'rtl'): { start: 'left' | 'right'; end: 'left' | 'right' } {
  return dir === 'rtl' ? { start: 'right', end: 'left' } : { start: 'left', end: 'right' };
}

/** A CSS string literal; `<` is escaped too, so the text can never close the `<style>` it sits in. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}"`;
}

/** The view of a guide's page; its links are relative to `guides/`. */
export function toGuideView(ladder: Ladder, guide: Guide, options: ViewOptions): GuideView {
  return {
    ...pageView(ladder, options, `../${indexFile(options.format)}`),
    guide: {
      id: guide.id,
      title: guide.title,
      summary: guide.summary,
      body: renderRichText(guide.text, options.format, (target) => referenceHref(ladder, target, options.format, guidesFolder)),
    },
    source: { file: sourcePath(guide.path, options.sourceFolder), line: guide.source.line },
    print: { footer: cssString(guide.title) },
  };
}

/** The guides a role's text links to, in the ladder's order of guides. */
function linkedGuides(ladder: Ladder, role: Role, format: TextFormat): LinkView[] {
  const ids = [...role.text.matchAll(/\(ladders:guide\/([^)#\s]+)/g)].map((match) => match[1]);
  return ladder.guides
    .filter((guide) => ids.includes(guide.id))
    .map((guide) => ({ href: `../${guidePath(guide, format)}`, text: guide.title }));
}

/** The view of a role's overview; its links are relative to `<role-id>/`. */
export function toRoleView(ladder: Ladder, role: Role, options: ViewOptions): RoleView {
  return {
    ...pageView(ladder, options, `../${indexFile(options.format)}`),
    role: {
      id: role.id,
      title: role.title,
      summary: role.summary,
      body: renderRichText(role.text, options.format, (target) => referenceHref(ladder, target, options.format, role.id)),
    },
    guides: linkedGuides(ladder, role, options.format),
    book: options.books ? { href: `${role.id}.pdf`, text: formatLabel(options.locale, 'roleBookLink', { role: role.title }) } : null,
    positions: role.positions.map((position) => ({
      code: position.code,
      title: position.title,
      level: position.level,
      seniority: seniority(position, options.locale),
      link: positionLink(position, options.format),
      versions: positionVersions(position, options.format, options.built, {
        handoutPdf: options.locale.labels.handoutPdf,
        review: options.locale.labels.reviewWorksheet,
        reviewPdf: options.locale.labels.reviewPdf,
      }),
    })),
    scaled: ladder.framework.competencies.some(hasScale),
    axes: ladder.framework.competencies.map((axis) => ({
      name: axis.name,
      // No description: the overview does not show it, and its key must not change when one does.
      cells: role.positions.map((position) => {
        const cell = position.cells.find((candidate) => candidate.competency === axis.id);
        const { keyword, rank, ranks, rankLabel } = toRankView(
          cell?.rung ?? { keyword: '', rank: 0, description: '' },
          axis.scale.length,
          options.locale,
        );
        return { keyword, rank, ranks, rankLabel, text: shortText(cell?.statements[0]?.text ?? '') };
      }),
    })),
    source: { file: sourcePath(role.path, options.sourceFolder), line: role.source.line },
  };
}

// A grid cell quotes this many characters of a statement at most, cut at a word, so the grid stays a grid.
const shortTextLength = 80;

/** The start of a statement as plain text: the whole of it when short, else its first words and an ellipsis. */
function shortText(markdown: string): string {
  const text = toPlainText(markdown);
  if (text.length <= shortTextLength) return text;
  const cut = text.slice(0, shortTextLength);
  // The last word is whole when a space follows the cut; else it goes.
  const whole = /\s/.test(text.charAt(shortTextLength)) ? cut : cut.replace(/\s+\S*$/, '');
  return `${whole.trimEnd() || cut}\u2026`;
}

/** The view of the output folder's index: every level and every role. */
export function toIndexView(ladder: Ladder, options: ViewOptions): IndexView {
  const positions = ladder.roles.flatMap((role) => role.positions);
  const levels = [...new Set(positions.map((position) => position.level))].sort((a, b) => a - b);
  return {
    ...pageView(ladder, options, indexFile(options.format)),
    roles: ladder.roles.map((role) => ({
      title: role.title,
      summary: role.summary,
      link: { href: `${role.id}/${indexFile(options.format)}`, text: role.title },
      positionCount: role.positions.length,
      book: options.books
        ? { href: `${role.id}/${role.id}.pdf`, text: formatLabel(options.locale, 'roleBookLink', { role: role.title }) }
        : null,
    })),
    book: options.books?.whole ? { href: 'ladder.pdf', text: options.locale.labels.bookLink } : null,
    guides: ladder.guides.map((guide) => ({
      title: guide.title,
      summary: guide.summary,
      link: { href: guidePath(guide, options.format), text: guide.title },
    })),
    levels: levels.map((level) => {
      const atLevel = positions.filter((position) => position.level === level);
      return {
        level,
        seniority: atLevel.every((position) => position.senior)
          ? options.locale.labels.senior
          : atLevel.some((position) => position.senior)
            ? options.locale.labels.mixed
            : options.locale.labels.notSenior,
        cells: ladder.roles.map((role) => ({
          positions: role.positions
            .filter((position) => position.level === level)
            .map((position) => ({
              code: position.code,
              link: { ...positionLink(position, options.format), href: `${role.id}/${positionLink(position, options.format).href}` },
              // The matrix keeps to two short links a position; the worksheet links to its own PDF.
              versions: positionVersions(position, options.format, options.built, {
                handoutPdf: options.locale.labels.pdfShort,
                review: options.locale.labels.worksheetShort,
                reviewPdf: '',
              })
                .filter((link) => link.text !== '')
                .map((link) => ({ ...link, href: `${role.id}/${link.href}` })),
            })),
        })),
      };
    }),
  };
}

/** What an expectation asks on an axis of `ranks` ranks: its keyword, rank (`4 of 5`, in the page's language) and description. */
export function toRankView(expectation: Pick<RungCell, 'keyword' | 'rank' | 'description'>, ranks: number, locale: PageLocale): RankView {
  return {
    keyword: expectation.keyword,
    rank: expectation.rank,
    ranks,
    rankLabel: formatLabel(locale, 'rankOf', { rank: expectation.rank, ranks }),
    description: expectation.description,
  };
}

/** An axis as every page names it. */
export function toAxisView(axis: Competency): AxisView {
  return { id: axis.id, name: axis.name, summary: axis.summary };
}

/** `Senior` or `Not senior`, in the page's language. */
export function seniority(position: Pick<Position, 'senior'>, locale: PageLocale): string {
  return position.senior ? locale.labels.senior : locale.labels.notSenior;
}
