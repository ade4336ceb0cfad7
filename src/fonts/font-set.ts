import { readFileSync } from 'node:fs';
import path from 'node:path';
import { shippedFontsDir } from '../package-paths.js';
import { readWoff2Cmap } from './read-woff2-cmap.js';

/** One font file of a shipped family: a weight, and the characters its `unicode-range` says it is for. */
export interface FontFace {
  family: string;
  file: string;
  weight: number;
  ranges: readonly (readonly [number, number])[];
}

/** The typefaces the package ships, as `fonts/fonts.json` lists them. */
export interface FontSet {
  /** Family names in the order the manifest lists them. */
  families: readonly string[];
  faces: readonly FontFace[];
}

interface Manifest {
  families: { name: string; faces: { file: string; weight: number; range: string }[] }[];
}

let loaded: FontSet | undefined;
const cmaps = new Map<string, Set<number>>();
const files = new Map<string, Buffer>();

/** The shipped font set, read once per process. */
export function loadFontSet(): FontSet {
  if (loaded) return loaded;
  const manifest = JSON.parse(readFileSync(path.join(shippedFontsDir, 'fonts.json'), 'utf8')) as Manifest;
  loaded = {
    families: manifest.families.map((family) => family.name),
    faces: manifest.families.flatMap((family) => family.faces.map((face) => toFontFace(family.name, face))),
  };
  return loaded;
}

/**
 * A face whose `unicode-range` is parsed when first asked for: the CJK families list tens of thousands of
 * ranges, 40 ms and more to parse on the way to the first print, and a page in a Latin script never looks at them.
 */
function toFontFace(family: string, { file, weight, range }: Manifest['families'][number]['faces'][number]): FontFace {
  let ranges: FontFace['ranges'] | undefined;
  return {
    family,
    file,
    weight,
    get ranges() {
      return (ranges ??= parseUnicodeRange(range));
    },
  };
}

/** The bytes of a shipped font file, read once per process. */
export function readFontFile(file: string): Buffer {
  let bytes = files.get(file);
  if (!bytes) files.set(file, (bytes = readFileSync(path.join(shippedFontsDir, file))));
  return bytes;
}

/** Whether a face draws `codePoint`: its `unicode-range` names it and its `cmap` maps it to a glyph. */
export function hasGlyph(face: FontFace, codePoint: number): boolean {
  if (!face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)) return false;
  let cmap = cmaps.get(face.file);
  if (!cmap) cmaps.set(face.file, (cmap = readWoff2Cmap(readFontFile(face.file))));
  return cmap.has(codePoint);
}

/** `U+0000-00FF,U+0131` as inclusive pairs of code points. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(start!, 16), Number.parseInt(end!, 16)];
  });
}
