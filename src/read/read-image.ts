import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { logoTypes } from '../config/read-logo.js';

/** A chart or picture in a guide is inlined into every page that shows it; larger files are refused. */
export const maxImageBytes = 1024 * 1024;

// Pictures only: an SVG is a document that may run scripts or fetch files, and a page's images are not checked like a logo.
const rasterTypes = ['.png', '.jpg', '.jpeg', '.gif', '.webp'];

/** Read a local image and inline it as a `data:` URL, or say why it cannot be. */
export function readImage(fullPath: string): { ok: true; url: string } | { ok: false; reason: string } {
  const extension = path.extname(fullPath).toLowerCase();
  const type = rasterTypes.includes(extension) ? logoTypes[extension] : undefined;
  if (!type) return { ok: false, reason: `it is not a PNG, JPEG, GIF or WebP picture` };
  let bytes: Buffer;
  try {
    const stats = statSync(fullPath);
    if (!stats.isFile()) return { ok: false, reason: 'it is not a file' };
    if (stats.size > maxImageBytes) return { ok: false, reason: `it is larger than ${maxImageBytes / 1024} KiB` };
    bytes = readFileSync(fullPath);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, reason: code === 'ENOENT' ? 'there is no such file' : `it cannot be read (${code})` };
  }
  if (bytes.length > maxImageBytes) return { ok: false, reason: `it is larger than ${maxImageBytes / 1024} KiB` };
  if (!type.matches(bytes)) return { ok: false, reason: `its content is not a ${type.name} picture` };
  return { ok: true, url: `data:${type.mime};base64,${bytes.toString('base64')}` };
}
