import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * The folder a site serves from: the ladder folder or the nearest parent holding `_config.yml`, looking no
 * higher than the repository's root (the folder holding `.git`) or the working folder, whichever comes
 * first; with the file's path, or null and the ladder folder when there is none. Only looks: reading and
 * parsing the file is `readSiteConfig`'s, so a build with nothing to do need not load a YAML parser.
 */
export async function findSiteRoot(ladderDir: string, cwd: string): Promise<{ root: string; configFile: string | null }> {
  const stop = path.resolve(cwd);
  for (let dir = path.resolve(ladderDir); ; dir = path.dirname(dir)) {
    const fullPath = path.join(dir, '_config.yml');
    if (await exists(fullPath)) return { root: dir, configFile: fullPath };
    if (dir === stop || (await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return { root: ladderDir, configFile: null };
  }
}

async function exists(fullPath: string): Promise<boolean> {
  return access(fullPath).then(
    () => true,
    () => false,
  );
}
