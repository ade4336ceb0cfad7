import path from 'node:path';
import { logoTypes } from './logo-types.js';
import { displayPath } from '../paths-and-order.js';
import { isSystemError } from '../failures.js';
import { outsideReason, readInsideSync, type Folder } from './read-inside.js';

/** A chart or picture in a guide is inlined into every page that shows it; larger files are refused. */
export const maxImageBytes = 1024 * 1024;

// Pictures only: an SVG is a document that may run scripts or fetch files, and a page's images are not checked like a logo.
const rasterTypes = ['.png', '.jpg', '.jpeg', '.gif', '.webp'];

/** An image inlined as a `data:` URL, or why it is not: a symbolic link out of the site is an error, any other reason a warning. */
export type ReadImage = { ok: true; url: string } | { ok: false; reason: string; ruleId: 'missing-image' | 'link-outside-folder' };

/** Read a local image of the site in `folder` and inline it as a `data:` URL, or say why it cannot be; `cwd` is where message paths start. */
export function readImage(folder: Folder, fullPath: string, cwd: string): ReadImage {
  const extension = path.extname(fullPath).toLowerCase();
  const type = rasterTypes.includes(extension) ? logoTypes[extension] : undefined;
  if (!type) return missing(`it is not a PNG, JPEG, GIF or WebP picture`);
  const read = readInsideSync(folder, fullPath, maxImageBytes);
  if (!read.ok) {
    if (read.problem === 'outside')
      return { ok: false, reason: outsideReason(displayPath(read.link, cwd), displayPath(folder.dir, cwd)), ruleId: 'link-outside-folder' };
    if (read.problem === 'not-file') return missing('it is not a file');
    if (read.problem === 'too-large') return missing(`it is larger than ${maxImageBytes / 1024} KiB`);
    const code = isSystemError(read.error) ? (read.error.code ?? '') : String(read.error);
    return missing(code === 'ENOENT' ? 'there is no such file' : `it cannot be read (${code})`);
  }
  if (!type.matches(read.bytes)) return missing(`its content is not a ${type.name} picture`);
  return { ok: true, url: `data:${type.mime};base64,${read.bytes.toString('base64')}` };
}

function missing(reason: string): ReadImage {
  return { ok: false, reason, ruleId: 'missing-image' };
}
