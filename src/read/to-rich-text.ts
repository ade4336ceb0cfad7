import type { Definition, Html, Image, Link, Nodes, Parents, Root, RootContent } from 'mdast';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { quote, report, type Place } from '../messages.js';
import type { ReadImage } from './read-image.js';

/** How a page's links and images are resolved: by paths as messages show them (relative to the working folder, with `/`). */
export interface RichTextContext {
  file: VFile;
  /** The folder a site-absolute reference (`/charts/x.png`) starts from: the one holding `_config.yml`. */
  siteRoot: string;
  /** The `ladders:` reference of a ladder page (and a fragment of it), or null when the path is no ladder page. */
  resolvePage: (pagePath: string, fragment: string | null) => string | null;
  /** A local image inlined as a `data:` URL, or why it cannot be. */
  readImage: (imagePath: string) => ReadImage;
}

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
  .freeze();

const remote = /^(?:[a-z][a-z\d+.-]*:)?\/\//i;
const scheme = /^[a-z][a-z\d+.-]*:/i;
const kept = /^mailto:/i;

/**
 * The Markdown of a run of a page's nodes, made safe to render anywhere: raw HTML is left out (a
 * `<picture>` or `<img>` becomes its image), links to ladder pages become `ladders:` references
 * (other links keep only their words but mail links: nothing points at a server), local images are inlined as
 * `data:` URLs, and remote ones are left out with an info message.
 */
export function toRichText(nodes: readonly RootContent[], context: RichTextContext): string {
  if (nodes.length === 0) return '';
  const root: Root = { type: 'root', children: structuredClone([...nodes]) };
  const definitions = new Map<string, Definition>();
  collectDefinitions(root, definitions);
  rewriteChildren(root, context, definitions);
  return String(stringifier.stringify(root)).trim();
}

function collectDefinitions(node: Nodes, definitions: Map<string, Definition>): void {
  if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, definitions);
}

function rewriteChildren(parent: Parents, context: RichTextContext, definitions: ReadonlyMap<string, Definition>): void {
  const children: Nodes[] = [];
  for (const child of parent.children as Nodes[]) children.push(...rewrite(child, parent, context, definitions));
  (parent as { children: Nodes[] }).children = children;
}

/** The nodes that replace `node`: itself rewritten, its children unwrapped, an image, or nothing. */
function rewrite(node: Nodes, parent: Parents, context: RichTextContext, definitions: ReadonlyMap<string, Definition>): Nodes[] {
  const place = node.position;
  delete node.position;
  switch (node.type) {
    case 'yaml':
    case 'definition':
      return [];
    case 'html':
      return htmlImages(node, parent, place, context);
    case 'image':
      return image(node.url, node.alt ?? '', place, context);
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      return definition ? image(definition.url, node.alt ?? '', place, context) : [];
    }
    case 'link':
    case 'linkReference': {
      rewriteChildren(node, context, definitions);
      const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
      const href = url === undefined ? null : linkTarget(url, context);
      if (href === null) return node.children;
      const link: Link = { type: 'link', url: href, children: node.children };
      return [link];
    }
    default:
      if ('children' in node) rewriteChildren(node, context, definitions);
      // A paragraph that held only what was left out (a remote image, raw HTML) is left out too.
      if (node.type === 'paragraph' && node.children.every((child) => child.type === 'text' && !child.value.trim())) return [];
      return [node];
  }
}

/** A link's target: a `ladders:` reference or a mail address, or null to keep only its words. */
function linkTarget(url: string, context: RichTextContext): string | null {
  const trimmed = url.trim();
  if (kept.test(trimmed)) return trimmed;
  if (scheme.test(trimmed) || remote.test(trimmed)) return null;
  const hash = trimmed.indexOf('#');
  const pathPart = hash === -1 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash === -1 ? null : decode(trimmed.slice(hash + 1));
  const target = pathPart === '' ? context.file.path : localPath(pathPart, context);
  return target === null ? null : context.resolvePage(target, fragment);
}

/** `<picture>` and `<img>` in raw HTML become images; anything else written as HTML is left out. */
function htmlImages(node: Html, parent: Parents, place: Place, context: RichTextContext): Nodes[] {
  // A picture offers sources for light and dark; its `<img>` is the one every reader gets.
  const tags = node.value.match(/<img\b[^>]*>/gi) ?? [];
  const images = tags
    .slice(0, /<picture\b/i.test(node.value) ? 1 : undefined)
    .flatMap((tag) => image(attribute(tag, 'src') ?? '', attribute(tag, 'alt') ?? '', place, context));
  if (images.length === 0) return [];
  const inBlock = parent.type === 'root' || parent.type === 'listItem' || parent.type === 'blockquote';
  return inBlock ? [{ type: 'paragraph', children: images }] : images;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : null;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return named[code.toLowerCase()] ?? whole;
  });
}

/** A local image inlined; a remote one left out with an info message, a missing one with a warning. */
function image(url: string, alt: string, place: Place, context: RichTextContext): Image[] {
  const trimmed = url.trim();
  if (remote.test(trimmed) || /^https?:/i.test(trimmed)) {
    const reason = `Left out the remote image ${quote(shorten(trimmed))}: pages are made without fetching anything; save the image beside the pages`;
    report(context.file, 'info', reason, place, 'remote-image');
    return [];
  }
  const imagePath = scheme.test(trimmed) ? null : localPath(trimmed.split(/[?#]/)[0] ?? '', context);
  if (imagePath === null) {
    report(
      context.file,
      'warning',
      `Left out the image ${quote(shorten(trimmed))}: only local images can be shown`,
      place,
      'missing-image',
    );
    return [];
  }
  const read = context.readImage(imagePath);
  if (!read.ok) {
    // A link out of the site is refused, not just missing: it could show any file of the machine.
    const severity = read.ruleId === 'link-outside-folder' ? 'error' : 'warning';
    report(context.file, severity, `Left out the image ${quote(shorten(trimmed))}: ${read.reason}`, place, read.ruleId);
    return [];
  }
  return [{ type: 'image', url: read.url, alt }];
}

/** A relative or site-absolute reference as a path like the page's own, or null when it leaves the site. */
function localPath(reference: string, context: RichTextContext): string | null {
  const decoded = decode(reference);
  if (decoded === null || decoded.includes('\0')) return null;
  const joined = decoded.startsWith('/')
    ? path.posix.join(context.siteRoot, decoded)
    : path.posix.join(path.posix.dirname(context.file.path), decoded);
  const inside = path.posix.relative(context.siteRoot, joined);
  return inside.startsWith('..') || path.posix.isAbsolute(inside) ? null : joined;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function shorten(text: string): string {
  return text.length > 80 ? text.slice(0, 80) + '…' : text;
}
