import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, isScalar, parseDocument } from 'yaml';
import { report } from '../../messages.js';

/** What a section-per-level page's front matter may say: the rest of it belongs to the site that publishes the page. */
export interface OwnFrontMatter {
  title: string | null;
  summary: string | null;
}

/**
 * Read the front matter leniently: such pages are often published by a site that has keys of its own
 * (`path`, `sidebarTitle`), which are left alone. Broken YAML is a warning; the page is read without it.
 */
export function readOwnFrontMatter(tree: Root, file: VFile): OwnFrontMatter {
  const node = tree.children.find((child) => child.type === 'yaml');
  const none = { title: null, summary: null };
  if (!node) return none;
  const document = parseDocument(node.value, { uniqueKeys: false });
  if (document.errors.length > 0 || !isMap(document.contents)) {
    if (node.value.trim())
      report(file, 'warning', 'The front matter is not a YAML mapping; the page is read without it', node.position, 'broken-front-matter');
    return none;
  }
  const text = (key: string): string | null => {
    const value: unknown = document.contents && isMap(document.contents) ? document.contents.get(key, true) : undefined;
    const written: unknown = isScalar(value) ? value.value : null;
    return typeof written === 'string' && written.trim() ? written.replace(/\s+/g, ' ').trim() : null;
  };
  return { title: text('title'), summary: text('summary') ?? text('description') };
}
