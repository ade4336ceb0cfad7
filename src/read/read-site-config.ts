import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { report } from '../messages.js';
import { displayPath } from '../paths-and-order.js';

/** What a GitHub Pages site says about itself in `_config.yml`, and the folder it serves from. */
export interface SiteConfig {
  title: string | null;
  description: string | null;
  /** The folder holding `_config.yml` (site-absolute references start there), or the ladder folder when there is none. */
  root: string;
  /** The file, when one was read, for its messages. */
  file: VFile | null;
}

/**
 * Find `_config.yml` in the ladder folder or the nearest parent that has one, looking no higher than
 * the repository's root (the folder holding `.git`) or the working folder, whichever comes first.
 */
export async function readSiteConfig(ladderDir: string, cwd: string): Promise<SiteConfig> {
  const none: SiteConfig = { title: null, description: null, root: ladderDir, file: null };
  const stop = path.resolve(cwd);
  for (let dir = path.resolve(ladderDir); ; dir = path.dirname(dir)) {
    const fullPath = path.join(dir, '_config.yml');
    if (await exists(fullPath)) return readConfigFile(fullPath, dir, cwd);
    if (dir === stop || (await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return none;
  }
}

async function readConfigFile(fullPath: string, dir: string, cwd: string): Promise<SiteConfig> {
  const file = new VFile({ path: displayPath(fullPath, cwd) });
  const site: SiteConfig = { title: null, description: null, root: dir, file };
  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    report(file, 'warning', `Cannot read the site's configuration (${code}); its title is not used`, undefined, 'broken-site-config');
    return site;
  }
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

/** A non-empty string field, folded to one line; anything else is not used. */
function text1(value: unknown): string | null {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  return text || null;
}

async function exists(fullPath: string): Promise<boolean> {
  return access(fullPath).then(
    () => true,
    () => false,
  );
}
