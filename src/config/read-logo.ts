import path from 'node:path';
import type { Point } from 'unist';
import { describeSystemError, isMissingFile, isSystemError } from '../failures.js';
import { quote } from '../messages.js';
import { decodeText } from '../read/decode-text.js';
import { outsideReason, readInside, resolveFolder } from '../read/read-inside.js';
import { placeOfOffset } from '../read/parse-json.js';
import { logoTypes } from '../read/logo-types.js';

/** A logo inlined as a `data:` URI, or why it cannot be; `inside` is the place in an SVG that was refused. */
export type ReadLogo =
  | { ok: true; dataUri: string }
  | { ok: false; ruleId: 'unreadable-logo' | 'unsafe-logo' | 'link-outside-folder'; reason: string; inside?: Point };

/** A logo is a small picture on every page; larger files are a mistake and would bloat every handout. */
export const maxLogoBytes = 512 * 1024;

/**
 * Read the logo at `fullPath` and inline it; `shown` is the path as the config wrote it, for messages.
 * The config may name a file in any folder, but a symbolic link there must not lead out of that folder.
 */
export async function readLogo(fullPath: string, shown: string): Promise<ReadLogo> {
  const type = logoTypes[path.extname(fullPath).toLowerCase()];
  if (!type) {
    const extensions = Object.keys(logoTypes).map(quote).join(', ');
    return unreadable(`The logo ${quote(shown)} must be a PNG, JPEG, GIF, WebP or SVG image, with one of the extensions ${extensions}`);
  }
  const folder = await resolveFolder(path.dirname(fullPath));
  const read = await readInside(folder, fullPath, maxLogoBytes);
  if (!read.ok) {
    // The folder is the logo's own, so the link is the logo itself.
    if (read.problem === 'outside') return { ok: false, ruleId: 'link-outside-folder', reason: outsideReason(shown, path.dirname(shown)) };
    if (read.problem === 'not-file') return unreadable(`The logo ${quote(shown)} is not a file`);
    if (read.problem === 'too-large') return unreadable(tooLarge(shown, read.size));
    const why = isSystemError(read.error) ? describeSystemError(read.error) : String(read.error);
    return unreadable(
      isMissingFile(read.error) ? `The logo ${quote(shown)} does not exist` : `Cannot read the logo ${quote(shown)}: ${why}`,
    );
  }
  const bytes = read.bytes;
  if (!type.matches(bytes)) return unreadable(`The logo ${quote(shown)} is not a ${type.name} image: its content does not start like one`);
  if (type === logoTypes['.svg']) {
    const problem = checkSvg(bytes, shown);
    if (problem) return problem;
  }
  return { ok: true, dataUri: `data:${type.mime};base64,${bytes.toString('base64')}` };
}

/**
 * An SVG is a document that can run scripts and fetch other files; the handouts must not.
 * Anything that could is refused, not removed: a half-cleaned logo might still do harm, or quietly look wrong.
 */
function checkSvg(bytes: Buffer, shown: string): ReadLogo | null {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return unreadable(`The logo ${quote(shown)} is not an SVG image: it is not UTF-8 text`);
  const text = decoded.text;
  if (!/<(?:[\w.-]+:)?svg[\s/>]/.test(text)) return unreadable(`The logo ${quote(shown)} is not an SVG image: it has no \`<svg>\` element`);
  const dangers = svgDangers.flatMap((danger) =>
    [...text.matchAll(danger.pattern)].flatMap((match) => {
      const what = danger.describe(match);
      return what ? [{ what, offset: match.index + match[0].search(/\S/) }] : [];
    }),
  );
  const first = dangers.sort((a, b) => a.offset - b.offset)[0];
  if (!first) return null;
  return {
    ok: false,
    ruleId: 'unsafe-logo',
    reason: `The SVG logo ${quote(shown)} ${first.what}; save it without that, a logo may not run scripts or load other files`,
    inside: placeOfOffset(text, first.offset),
  };
}

interface SvgDanger {
  pattern: RegExp;
  /** What the match does, or null when it turns out to be harmless. */
  describe: (match: RegExpExecArray) => string | null;
}

const prefix = '(?:[\\w.-]+:)?';

const svgDangers: SvgDanger[] = [
  { pattern: new RegExp(`<${prefix}script\\b`, 'gi'), describe: () => 'contains a `<script>` element' },
  { pattern: new RegExp(`\\s(${prefix}on[a-z]+)\\s*=`, 'gi'), describe: (match) => `has the event attribute ${quote(match[1] ?? '')}` },
  {
    pattern: new RegExp(`\\s(${prefix}(?:href|src))\\s*=\\s*(["'])(.*?)\\2`, 'gis'),
    describe: (match) =>
      isInternal(match[3] ?? '') ? null : `refers to ${quote(shorten(match[3] ?? ''))} in its ${quote(match[1] ?? '')}`,
  },
  {
    pattern: /url\(\s*(["']?)(.*?)\1\s*\)/gis,
    describe: (match) => (isInternal(match[2] ?? '') ? null : `refers to ${quote(shorten(match[2] ?? ''))} in a CSS \`url()\``),
  },
  { pattern: /@import\b/gi, describe: () => 'imports a style sheet with `@import`' },
  { pattern: /<!ENTITY\b/gi, describe: () => 'declares an XML entity with `<!ENTITY`' },
];

/** `#id` points inside the SVG and `data:` carries its own content; anything else reaches outside. */
function isInternal(reference: string): boolean {
  const trimmed = reference.trim();
  return trimmed === '' || trimmed.startsWith('#') || /^data:/i.test(trimmed);
}

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

function tooLarge(shown: string, size: number): string {
  return `The logo ${quote(shown)} is ${Math.ceil(size / 1024)} KiB, larger than the ${maxLogoBytes / 1024} KiB a logo may be`;
}

function unreadable(reason: string): ReadLogo {
  return { ok: false, ruleId: 'unreadable-logo', reason };
}
