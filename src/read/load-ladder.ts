import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { VFile } from 'vfile';
import { quote, report } from '../messages.js';
import { compareText, displayPath } from '../paths-and-order.js';
import { modelSchemaVersion, type Competency, type Framework, type Ladder, type Role } from '../model.js';
import type { LadderFile, LadderShape, ShapeReader } from './shape-reader.js';
import { shapeReaders } from './shape-readers.js';
import { parseMarkdown } from './parse-markdown.js';
import { pruneReadCache, type ReadCache } from './read-cache.js';
import { readFrontMatter, type FrontMatter } from './read-front-matter.js';
import { shippedLaddersDir } from '../package-paths.js';
import { ladderFileExtension, markdownExtension, readLadderPage, readLadders, type LadderSource } from './read-ladders.js';
import { reportMissingGlyphs } from './report-missing-glyphs.js';
import { defaultFirstSeniorLevel, isIntroductionPage, toFramework, type FrameworkNames } from './to-framework.js';
import { isRolePage, pageId, toRole } from './to-role.js';
import { keywordIndex } from './to-framework.js';
import { namesKeyword } from './to-position.js';
import { matchesPathPattern } from './match-path-pattern.js';
import { headingAnchor, makeIdMaker } from './make-id.js';
import { plainText, sectionsAt, type Section } from './markdown-text.js';
import { parsePositionHeading } from './position-heading.js';
import { readImage } from './read-image.js';
import { resolveFolderSync, type Folder } from './read-inside.js';
import { readSiteConfig, type SiteConfig } from './read-site-config.js';
import { makeSeniorityReader, type SeniorityWords } from './seniority-words.js';
import { guideSections, toPageGuide, toSectionGuide } from './to-guides.js';
import { toRichText } from './to-rich-text.js';
import { validateLadder } from './validate-ladder.js';

/** The model read from a folder, and every file with its messages. */
export interface LoadedLadder {
  /** Null when the framework itself could not be read; check the files' messages either way. */
  ladder: Ladder | null;
  files: VFile[];
  /** Files read besides the pages, as paths relative to the working folder: the site's `_config.yml`, inlined images. */
  reads: string[];
  /** The role pages and position headings found, counted whether or not they made it into the model. */
  found: { roles: number; positions: number };
}

interface Page {
  file: VFile;
  text: string;
  tree: Root;
  /**
   * Null when the front matter is broken: the page is still classified, but not modelled. Undefined
   * until the page is known to be of the Engineering Ladders shape or a guide: other shapes read their own.
   */
  frontMatter?: FrontMatter | null;
}

/** What reading takes from the configuration: its `title`, `seniorityWords` and `shapes`, and the folders not to read. */
export interface ReadSettings {
  title?: string | null;
  seniorityWords?: SeniorityWords;
  /** The shape pages matching each path pattern (inside the ladder folder) are kept in, the first match winning. */
  shapes?: Readonly<Record<string, LadderShape>>;
  /** Folders inside the ladder folder that hold no pages of it (the output folder), as absolute paths. */
  skipFolders?: readonly string[];
}

/** Everything modelling pages needs besides them: the settings, the site's `_config.yml` and the working folder. */
export interface ReadOptions extends ReadSettings {
  site?: SiteConfig;
  /** Where message paths start; pages and images are found from it. */
  cwd?: string;
  /** Syntax trees kept from the last read, by page; see `loadLadder`. */
  cache?: ReadCache;
}

/**
 * Read, parse, model and validate the ladders in `dir`. A `cache` kept between reads of the same
 * folder spares reading and parsing the pages that did not change; the result is the same.
 */
export async function loadLadder(
  dir: string,
  cwd: string = process.cwd(),
  settings: ReadSettings = {},
  cache?: ReadCache,
): Promise<LoadedLadder> {
  const sources = await readLadders(dir, cwd, cache, settings.skipFolders);
  const shippedIntroduction = await readLadderPage(path.join(shippedLaddersDir, 'README.md'), cwd);
  const site = await readSiteConfig(dir, cwd);
  if (cache)
    pruneReadCache(cache, {
      fullPaths: new Set(sources.map((source) => path.resolve(cwd, source.file.path))),
      paths: new Set([...sources, shippedIntroduction].map((source) => source.file.path)),
    });
  return toLadder(sources, shippedIntroduction, displayPath(dir, cwd), { ...settings, site, cwd, cache });
}

/** Model and validate pages already read; `shippedIntroduction` serves when no page defines the axes. */
export function toLadder(
  sources: readonly LadderSource[],
  shippedIntroduction: LadderSource,
  folderPath: string,
  options: ReadOptions = {},
): LoadedLadder {
  const cwd = options.cwd ?? process.cwd();
  const files = sources.map((source) => source.file);
  if (options.site?.file && options.site.file.messages.length > 0) files.push(options.site.file);
  // Data files (YAML, JSON) are no pages: they go to the shape readers as text, and none can be the introduction.
  const dataSources = sources.filter(isDataSource);
  const pageSources = sources.filter((source) => !isDataSource(source));
  const pages = pageSources.flatMap((source) => toPage(source, options.cache));
  const introductions = pages.filter((page) => isIntroductionPage(page.tree));
  const names = { configTitle: options.title, siteTitle: options.site?.title, siteDescription: options.site?.description };
  // A page that could not be parsed might be the introduction: guessing the shipped framework would mislead,
  // but with an introduction among the pages that parsed, the other pages are read and checked all the same.
  const canReadFramework = pages.length === pageSources.length || introductions.length > 0;
  const axes = canReadFramework ? readFramework(introductions, shippedIntroduction, names) : null;
  const reads = new Set<string>(options.site?.file ? [options.site.file.path] : []);
  if (!axes) return { ladder: null, files, reads: [...reads], found: { roles: 0, positions: 0 } };
  const introduction = introductions[0];
  const readSeniority = makeSeniorityReader(options.seniorityWords, introduction?.frontMatter?.seniorityWords);
  const others = pages.filter((page) => page !== introduction);
  const named = namedShapes(others, folderPath, options.shapes);
  const rolePages = others.filter((page) =>
    named.has(page)
      ? named.get(page) === 'engineering-ladders' && isRolePage(page.tree, page.file, axes.framework, readSeniority)
      : isRolePage(page.tree, page.file, axes.framework, readSeniority) && !readsAsOtherShape(page, axes.framework),
  );
  const shaped = claimByShape(
    others.filter((page) => !rolePages.includes(page)),
    named,
    dataSources,
  );
  const guidePages = others.filter((page) => !rolePages.includes(page) && !shaped.claimed.has(page.file) && hasContent(page));
  // A ladder kept in other shapes only does not borrow the shipped axes: its competencies are its own.
  const ownFramework = !introduction && rolePages.length === 0 && shaped.claimed.size > 0;
  const framework = ownFramework ? toOwnFramework(names, folderPath) : axes.framework;
  if (axes.shipped && !ownFramework) noteShippedFramework(shippedIntroduction, folderPath, files);
  for (const page of [...rolePages, ...guidePages]) page.frontMatter = readFrontMatter(page.tree, page.file);
  const found = { roles: rolePages.length, positions: rolePages.reduce((sum, page) => sum + positionHeadings(page.tree).length, 0) };

  const makeGuideId = makeIdMaker();
  const sectionGuides = introduction
    ? guideSections(introduction.tree).map((section) => ({ section, id: makeGuideId(plainText(section.heading)) }))
    : [];
  const pageGuides = guidePages.map((page) => {
    const id = page.frontMatter ? pageId(page.file, page.frontMatter) : '';
    return { page, id: id && makeGuideId(id) };
  });
  const siteRoot = displayPath(options.site?.root ?? path.resolve(cwd, folderPath), cwd);
  // Pictures must really lie in the site: its folder is resolved once, when the first picture is read.
  let site: Folder | undefined;
  const references = pageReferences(rolePages, pageGuides, introduction, sectionGuides);
  const richText = (file: VFile) => (nodes: readonly RootContent[]) =>
    toRichText(nodes, {
      file,
      siteRoot,
      resolvePage: (pagePath, fragment) => references.get(path.posix.normalize(pagePath))?.(fragment) ?? null,
      readImage: (imagePath) => {
        reads.add(imagePath);
        site ??= resolveFolderSync(path.resolve(cwd, siteRoot));
        return readImage(site, path.resolve(cwd, imagePath), cwd);
      },
    });

  const readings = [...shaped.readers].map(([reader, shapeFiles]) => reader.read(shapeFiles, { richText }));
  // A reader reports what it cannot place rather than dropping it: what it read is what the pages hold.
  for (const role of readings.flatMap((reading) => reading.roles)) {
    found.roles += 1;
    found.positions += role.positions.length;
  }
  framework.competencies = mergeCompetencies(
    framework.competencies,
    readings.flatMap((reading) => reading.competencies),
  );
  const roles = rolePages
    .flatMap(
      (page) =>
        (page.frontMatter
          ? toRole(page.tree, page.file, page.frontMatter, { framework, readSeniority, richText: richText(page.file) })
          : null) ?? [],
    )
    .concat(readings.flatMap((reading) => reading.roles))
    .sort(compareRoles);
  const guides = [
    ...sectionGuides.flatMap(
      ({ section, id }) => (introduction ? toSectionGuide(section, introduction.file, id, richText(introduction.file)) : null) ?? [],
    ),
    ...pageGuides.flatMap(
      ({ page, id }) => (page.frontMatter ? toPageGuide(page.tree, page.file, page.frontMatter, id, richText(page.file)) : null) ?? [],
    ),
    ...readings.flatMap((reading) => reading.guides),
  ];
  if (roles.length === 0 && !files.some(hasErrors)) {
    const folder = new VFile({ path: folderPath });
    report(
      folder,
      'error',
      `No role pages in ${quote(folderPath)}; expected a page with positions such as \`## XY1 - Title 1\``,
      undefined,
      'no-roles',
    );
    files.push(folder);
  }
  const ladder: Ladder = { schemaVersion: modelSchemaVersion, framework, roles, guides };
  validateLadder(ladder, new Map(files.map((file) => [file.path, file])));
  reportMissingGlyphs(sources);
  return { ladder, files, reads: [...reads].sort(compareText), found };
}

/** The position headings of a role page (`## EM6 - Engineering Manager 6`): each one's anchor and code. */
function positionHeadings(tree: Root): { anchor: string; code: string }[] {
  return sectionsAt(tree, 2).flatMap((section) => {
    const text = plainText(section.heading);
    const heading = parsePositionHeading(text);
    return heading ? [{ anchor: headingAnchor(text), code: heading.code }] : [];
  });
}

/** How a link to each ladder page (and a fragment of it) reads in the model: `ladders:role/<id>`, `ladders:position/<code>`, … */
function pageReferences(
  rolePages: readonly Page[],
  pageGuides: readonly { page: Page; id: string }[],
  introduction: Page | undefined,
  sectionGuides: readonly { section: Section; id: string }[],
): Map<string, (fragment: string | null) => string> {
  const references = new Map<string, (fragment: string | null) => string>();
  for (const page of rolePages) {
    const id = page.frontMatter ? pageId(page.file, page.frontMatter) : '';
    const positions = new Map(positionHeadings(page.tree).map(({ anchor, code }) => [anchor, code]));
    references.set(page.file.path, (fragment) => {
      const code = fragment === null ? undefined : positions.get(fragment.toLowerCase());
      return code ? `ladders:position/${code}` : `ladders:role/${id}`;
    });
  }
  for (const { page, id } of pageGuides) {
    references.set(page.file.path, (fragment) => `ladders:guide/${id}${fragment ? `#${fragment}` : ''}`);
  }
  if (introduction) {
    const sections = new Map(sectionGuides.map(({ section, id }) => [headingAnchor(plainText(section.heading)), id]));
    references.set(introduction.file.path, (fragment) => {
      const id = fragment === null ? undefined : sections.get(fragment.toLowerCase());
      return id ? `ladders:guide/${id}` : 'ladders:index';
    });
  }
  return references;
}

function toPage(source: LadderSource, cache?: ReadCache): Page[] {
  const cached = cache?.trees.get(source.file.path);
  // A tree is kept only for a page that parsed without a message, so taking it again loses none.
  const tree = cached && cached.text === source.text ? cached.tree : parseMarkdown(source);
  if (!tree) return [];
  if (cache && source.text !== null && cached?.tree !== tree) cache.trees.set(source.file.path, { text: source.text, tree });
  return [
    {
      file: source.file,
      text: source.text ?? '',
      tree,
      frontMatter: isIntroductionPage(tree) ? readFrontMatter(tree, source.file) : undefined,
    },
  ];
}

/** The axes of the folder's own introduction page, or the shipped ones when the folder has none. */
function readFramework(
  introductions: readonly Page[],
  shippedIntroduction: LadderSource,
  names: FrameworkNames,
): { framework: Framework; shipped: boolean } | null {
  const [first, ...others] = introductions;
  for (const other of others) {
    const cause = { file: first?.file.path ?? '', place: undefined, reason: 'the first introduction page' };
    report(
      other.file,
      'error',
      'Second introduction page: a folder holds one page that defines the axes',
      undefined,
      'duplicate-framework',
      cause,
    );
  }
  if (others.length > 0) return null;
  if (first) {
    const framework = first.frontMatter ? toFramework(first.tree, first.file, first.frontMatter, names) : null;
    return framework && { framework, shipped: false };
  }
  const page = shippedIntroductionPage(shippedIntroduction);
  const framework =
    page?.frontMatter && isIntroductionPage(page.tree)
      ? toFramework(page.tree, page.file, page.frontMatter, { configTitle: names.configTitle })
      : null;
  if (!framework) throw new Error(`The shipped introduction page ${shippedIntroduction.file.path} does not define a framework`);
  return { framework, shipped: true };
}

/** The shipped introduction's syntax tree, parsed once a process: every read of a folder without an introduction asks for it. */
let shippedTree: { text: string; tree: Root } | undefined;

function shippedIntroductionPage(source: LadderSource): Page | undefined {
  if (shippedTree?.text !== source.text) {
    const page = toPage(source)[0];
    shippedTree = page && source.text !== null ? { text: source.text, tree: page.tree } : undefined;
    return page;
  }
  return { file: source.file, text: shippedTree.text, tree: shippedTree.tree, frontMatter: readFrontMatter(shippedTree.tree, source.file) };
}

/** Say that the ladder's role pages are read against the shipped axes, the folder defining none. */
function noteShippedFramework(shippedIntroduction: LadderSource, folderPath: string, files: VFile[]): void {
  files.push(shippedIntroduction.file);
  const folder = new VFile({ path: folderPath });
  report(
    folder,
    'info',
    `No introduction page in ${quote(folderPath)}; using the framework that ships with ladders`,
    undefined,
    'shipped-framework',
  );
  files.push(folder);
}

/** The framework of a ladder kept in other shapes: named by the configuration or the site, its competencies its readers'. */
function toOwnFramework(names: FrameworkNames, folderPath: string): Framework {
  return {
    title: names.configTitle ?? names.siteTitle ?? 'Career Ladder',
    summary: names.siteDescription ?? '',
    version: null,
    firstSeniorLevel: defaultFirstSeniorLevel,
    locale: null,
    competencies: [],
    source: { file: folderPath, line: 1, column: 1 },
  };
}

/**
 * The pages and data files each shape reader recognises, the first reader to recognise a file taking it,
 * or the reader of the shape the configuration names for a page. Each page says which shape it was read
 * in. A page no reader takes is a guide; a data file no reader takes is left out, with a warning.
 */
function claimByShape(
  pages: readonly Page[],
  named: ReadonlyMap<Page, LadderShape>,
  dataSources: readonly LadderSource[],
): { claimed: Set<VFile>; readers: Map<ShapeReader, LadderFile[]> } {
  const readers = new Map<ShapeReader, LadderFile[]>();
  const claimed = new Set<VFile>();
  const files = [
    ...pages.map((page) => ({ file: { file: page.file, text: page.text, tree: page.tree, sheets: null }, shape: named.get(page) })),
    // A data file or a spreadsheet that could not be read already says why.
    ...dataSources.flatMap((source) =>
      source.text === null && !source.sheets
        ? []
        : [{ file: { file: source.file, text: source.text, tree: null, sheets: source.sheets ?? null }, shape: undefined }],
    ),
  ];
  for (const { file, shape } of files) {
    if (shape === 'engineering-ladders') continue;
    const reader = shape
      ? shapeReaders.find((candidate) => candidate.shape === shape)
      : shapeReaders.find((candidate) => candidate.recognises(file));
    if (!reader) {
      if (!file.tree) reportUnrecognisedData(file.file);
      continue;
    }
    readers.set(reader, [...(readers.get(reader) ?? []), file]);
    claimed.add(file.file);
    const how = shape ? ', as the configuration names it' : '';
    report(file.file, 'info', `Read in the ${quote(reader.shape)} shape${how}`, undefined, 'page-shape');
  }
  return { claimed, readers };
}

/**
 * The shape the configuration's `shapes` names for each page it matches (by its path inside the ladder
 * folder, the first pattern matching winning). A shape no reader of this version reads is said once a
 * page, which is then judged by its content.
 */
function namedShapes(pages: readonly Page[], folderPath: string, shapes: ReadSettings['shapes']): Map<Page, LadderShape> {
  const named = new Map<Page, LadderShape>();
  if (!shapes) return named;
  const patterns = Object.entries(shapes);
  for (const page of pages) {
    const inside = path.relative(folderPath, page.file.path).split(path.sep).join('/');
    const shape = patterns.find(([pattern]) => matchesPathPattern(pattern, inside))?.[1];
    if (!shape) continue;
    if (shape === 'engineering-ladders' || shapeReaders.some((reader) => reader.shape === shape)) named.set(page, shape);
    else
      report(
        page.file,
        'warning',
        `No reader of the ${quote(shape)} shape in this version; the page is judged by its content`,
        undefined,
        'unknown-shape',
      );
  }
  return named;
}

/**
 * Whether a page with position headings is rather of another shape: another reader recognises it and
 * none of its sections' leading bullets names a keyword of the framework (`## IC2` then `- **Delivery**: …`).
 * A page of this shape with mistakes still names some keywords, and keeps its messages.
 */
function readsAsOtherShape(page: Page, framework: Framework): boolean {
  const file: LadderFile = { file: page.file, text: page.text, tree: page.tree, sheets: null };
  if (!shapeReaders.some((reader) => reader.recognises(file))) return false;
  const index = keywordIndex(framework);
  return !sectionsAt(page.tree, 2).some((section) => namesKeyword(section, framework, index));
}

/** A YAML, JSON or CSV file or a workbook beside the pages: for the shape readers, never parsed as Markdown. */
function isDataSource(source: LadderSource): boolean {
  return ladderFileExtension.test(source.file.path) && !markdownExtension.test(source.file.path);
}

function reportUnrecognisedData(file: VFile): void {
  const reason =
    'Left out: no reader knows this data file; expected a job family (`levels`, `themes`, `competencies`) or a sheet of levels';
  report(file, 'warning', reason, { line: 1, column: 1 }, 'unrecognised-data-file');
}

/** The competencies of every reader, once each: the first to define an id names it. */
function mergeCompetencies(first: readonly Competency[], more: readonly Competency[]): Competency[] {
  const byId = new Map<string, Competency>();
  for (const competency of [...first, ...more]) if (!byId.has(competency.id)) byId.set(competency.id, competency);
  return [...byId.values()];
}

function compareRoles(a: Role, b: Role): number {
  const lowest = (role: Role) => Math.min(...role.positions.map((position) => position.level));
  return lowest(a) - lowest(b) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** An empty page is no guide: it is skipped with an info message. */
function hasContent(page: Page): boolean {
  if (page.tree.children.some((node) => node.type !== 'yaml')) return true;
  report(page.file, 'info', 'Skipped: the page is empty', undefined, 'no-levels');
  return false;
}

function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}
