import path from 'node:path';
import type { VFile } from 'vfile';
import type { Paper } from '../formats.js';
import type { PageLocale } from '../locale/format-label.js';
import { resolvePageLocale } from '../locale/resolve-page-locale.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { loadLadder, type ReadSettings } from '../read/load-ladder.js';
import type { ReadCache } from '../read/read-cache.js';
import { loadTemplates, type Templates } from '../render/load-templates.js';
import { pageStyle } from '../render/render-page.js';
import { toolVersion } from '../tool-version.js';
import { displayPath } from '../paths-and-order.js';
import type { Branding } from '../config/branding-of.js';
import type { SitePlanner } from './site-planner.js';

/** What the served pages are made from: the configuration merged with the command's flags. */
export interface SiteSettings {
  ladders: string;
  reading: ReadSettings;
  templates: string | undefined;
  /** Null: the paper of the pages' locale. */
  paper: Paper | null;
  branding: Branding;
  /** From SOURCE_DATE_EPOCH, or null: the PDFs' dates. */
  date: Date | null;
}

/** The templates as loaded, with their files and messages. */
export type LoadedTemplates = Awaited<ReturnType<typeof loadTemplates>>;

/**
 * The site as read: its planned pages, or null when the ladders or templates have errors; every file
 * with its messages either way, the templates as loaded, and the pages' language (from the
 * configuration alone when the introduction did not read: then `fromLadder` is false).
 */
export type ReadSiteResult = { loaded: LoadedTemplates; files: VFile[]; locale: PageLocale; fromLadder: boolean } & (
  { templates: Templates; planned: PlannedOutput[] } | { templates: null; planned: null }
);

/** What the preview keeps from one read to the next, so a save costs what it changed. */
export interface KeptReads {
  /** The templates as last loaded, or null to load them again. */
  templates: LoadedTemplates | null;
  /** The pages' texts and syntax trees. */
  pages: ReadCache;
  planner: SitePlanner;
}

/**
 * Read the ladders and templates and plan every HTML page and PDF a build would make, through the
 * same stages `build` uses, so a served page is the page `build` writes; what `kept` holds is not
 * read or planned again.
 */
export async function readSite(settings: SiteSettings, cwd: string, kept: KeptReads): Promise<ReadSiteResult> {
  // Loading the templates embeds the fonts and compiles every template: a save of a ladder page reuses them.
  const [{ ladder, files }, loaded] = await Promise.all([
    loadLadder(path.resolve(cwd, settings.ladders), cwd, settings.reading, kept.pages),
    kept.templates ?? loadTemplates(settings.templates && path.resolve(cwd, settings.templates), cwd),
  ]);
  const allFiles = [...files, ...loaded.files];
  const templates = loaded.templates;
  const { locale } = resolvePageLocale(ladder, {
    locale: settings.branding.locale,
    labels: settings.branding.labels,
    paper: settings.paper,
  });
  const read = { files: allFiles, loaded, locale, fromLadder: ladder !== null };
  if (!ladder || !templates || allFiles.some((file) => file.messages.some((message) => message.fatal)))
    return { templates: null, planned: null, ...read };
  const planned = kept.planner.plan(ladder, templates, {
    formats: ['html', 'pdf', 'book'],
    variants: ['handout', 'review'],
    only: null,
    preparedFor: null,
    paper: settings.paper,
    style: pageStyle(templates, settings.branding.brandColor),
    toolVersion,
    date: settings.date,
    ...settings.branding,
    sourceFolder: displayPath(path.resolve(cwd, settings.ladders), cwd),
  });
  return { templates, planned, ...read };
}
