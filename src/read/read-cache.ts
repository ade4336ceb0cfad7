import type { Root } from 'mdast';

/**
 * What a reader that runs again and again over the same folder (the preview) keeps between reads:
 * each page's text by the stamp of its file, so an unchanged file is not read again, and each page's
 * syntax tree by its text, so an unchanged page is not parsed again. Messages are never kept: every
 * read makes its files afresh, and modelling reports on them again.
 */
export interface ReadCache {
  /** By the page's full path: its file's stamp (inode, size, change and modification times) and the text read. */
  texts: Map<string, { stamp: string; text: string }>;
  /** By the page's path as messages show it: the text parsed and its tree, which nothing downstream changes. */
  trees: Map<string, { text: string; tree: Root }>;
}

/** An empty read cache. */
export function createReadCache(): ReadCache {
  return { texts: new Map(), trees: new Map() };
}

/** Forget the pages not among `kept` (deleted or renamed), so the cache holds no more than the folder. */
export function pruneReadCache(cache: ReadCache, kept: { fullPaths: ReadonlySet<string>; paths: ReadonlySet<string> }): void {
  for (const fullPath of cache.texts.keys()) if (!kept.fullPaths.has(fullPath)) cache.texts.delete(fullPath);
  for (const path of cache.trees.keys()) if (!kept.paths.has(path)) cache.trees.delete(path);
}
