import path from 'node:path';
import { displayPath } from '../paths-and-order.js';

/**
 * How a command names a folder it wrote to or checked, the same way whether it came from a flag or the
 * configuration: relative to the working folder when inside it (`out`, `.`), else its absolute path.
 */
export function shownFolder(folder: string, cwd: string): string {
  const full = path.resolve(cwd, folder);
  const shown = displayPath(full, cwd);
  return shown === '..' || shown.startsWith('../') || path.isAbsolute(shown) ? full : shown;
}
