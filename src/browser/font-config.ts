import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { shippedFontsDir } from '../package-paths.js';

/**
 * Write into `dir` a fontconfig configuration that lists one shipped face and nothing of the
 * machine's, and return the environment that makes the browser read it. Pages bring their own fonts
 * (inlined, see `addFontFaces`), so no system font can reach a PDF and the bytes are the same on every
 * machine; the browser still needs one font it can open itself, or it prints blank pages (or none)
 * on a machine without fonts.
 */
export async function writeFontConfig(dir: string): Promise<Record<string, string>> {
  const fonts = path.join(dir, 'fonts');
  await mkdir(fonts, { recursive: true });
  // The browser's own font loader reads TrueType but not reliably WOFF, so the face is unpacked first.
  await writeFile(path.join(fonts, 'fallback.ttf'), woffToTrueType(await readFile(await fallbackFace())));
  const file = path.join(dir, 'fonts.conf');
  await writeFile(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      `  <dir>${escapeXml(fonts)}</dir>`,
      `  <cachedir>${escapeXml(path.join(dir, 'font-cache'))}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  // FONTCONFIG_PATH too: without it some builds look for their default configuration file beside it.
  return { FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir };
}

/** A WOFF 1 font as the TrueType (or OpenType) file it wraps: each table inflated, laid out after a new table directory. */
export function woffToTrueType(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data: compressed < length ? inflateSync(raw) : raw };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    header.writeUInt32BE(table.tag, 12 + i * 16);
    header.writeUInt32BE(table.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(table.data.length, 24 + i * 16);
    const padding = Buffer.alloc((4 - (table.data.length % 4)) % 4);
    parts.push(table.data, padding);
    offset += table.data.length + padding.length;
  });
  return Buffer.concat(parts);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The WOFF face `fonts/fonts.json` names for the browser's own use. */
async function fallbackFace(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(shippedFontsDir, 'fonts.json'), 'utf8')) as { fallback: string };
  return path.join(shippedFontsDir, manifest.fallback);
}
