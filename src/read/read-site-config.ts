import { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { isSystemError } from '../failures.js';
import { report } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { findSiteRoot } from './find-site-root.js';
import { outsideReason, readInside, resolveFolder, type ReadInside } from './read-inside.js';

/** What a GitHub Pages site says about itself in `_config.yml`, and the folder it serves from. */
export interface SiteConfig {
  title: string | null;
  description: string | null;
  /** The folder holding `_config.yml` (site-absolute references start there), or the ladder folder when there is none. */
  root: string;
  /** The file, when one was read, for its messages. */
  file: VFile | null;
}

/** A site's `_config.yml` is a few kilobytes; a larger one is not read. */
export const maxSiteConfigBytes = 256 * 1024;

/** Read the site's `_config.yml`, found as `findSiteRoot` finds it; none, and the ladder folder as the root, when there is none. */
export async function readSiteConfig(ladderDir: string, cwd: string): Promise<SiteConfig> {
  const { root, configFile } = await findSiteRoot(ladderDir, cwd);
  return configFile ? readConfigFile(configFile, root, cwd) : { title: null, description: null, root, file: null };
}

async function readConfigFile(fullPath: string, dir: string, cwd: string): Promise<SiteConfig> {
  const file = new VFile({ path: displayPath(fullPath, cwd) });
  const site: SiteConfig = { title: null, description: null, root: dir, file };
  const read = await readInside(await resolveFolder(dir), fullPath, maxSiteConfigBytes);
  if (!read.ok) {
    if (read.problem === 'outside')
      report(file, 'error', outsideReason(displayPath(read.link, cwd), displayPath(dir, cwd)), undefined, 'link-outside-folder');
    else
      report(
        file,
        'warning',
        `Cannot read the site's configuration (${whyUnread(read)}); its title is not used`,
        undefined,
        'broken-site-config',
      );
    return site;
  }
  const text = read.bytes.toString('utf8');
  const document = parseDocument(text, { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const before = text.slice(0, error.pos[0]).split(/\r\n|\r|\n/);
    const place = { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    const reason = `The site's configuration does not parse (${error.message.split('\n')[0] ?? ''}); its title is not used`;
    report(file, 'warning', reason, place, 'broken-site-config');
    return site;
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch {
    report(file, 'warning', "The site's configuration cannot be read; its title is not used", undefined, 'broken-site-config');
    return site;
  }
  const fields = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...site, title: text1(fields.title), description: text1(fields.description) };
}

function whyUnread(read: Exclude<ReadInside, { ok: true } | { problem: 'outside' }>): string {
  if (read.problem === 'too-large')
    return `it is ${Math.ceil(read.size / 1024)} KiB, larger than the ${maxSiteConfigBytes / 1024} KiB it may be`;
  if (read.problem === 'not-file') return 'it is not a file';
  return isSystemError(read.error) ? (read.error.code ?? read.error.message) : String(read.error);
}

/** A non-empty string field, folded to one line; anything else is not used. */
function text1(value: unknown): string | null {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  return text || null;
}
