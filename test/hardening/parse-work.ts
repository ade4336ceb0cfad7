import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type remarkParse from 'remark-parse';

/**
 * What the Markdown parser was handed since the last reset: how many texts, their characters in all,
 * and the longest. The parser's time grows with these (and with what the cost guard refuses), so a
 * test can bound the work a page costs without timing it.
 */
export const parseWork = { calls: 0, characters: 0, longest: 0 };

/** Start counting from zero. */
export function resetParseWork(): void {
  Object.assign(parseWork, { calls: 0, characters: 0, longest: 0 });
}

type Parser = (document: string, file: unknown) => unknown;

/**
 * `remark-parse` as it is, but counting every text its parser is handed; a test installs it with
 * `vi.mock('remark-parse', …)`, so the code under test runs unchanged.
 */
export function countParseWork(plugin: typeof remarkParse): typeof remarkParse {
  return function countingRemarkParse(this: { parser?: Parser }, ...args: Parameters<typeof remarkParse>) {
    (plugin as (...rest: unknown[]) => void).apply(this, args);
    const parse = this.parser;
    if (!parse) throw new Error('remark-parse set no parser');
    this.parser = (document, file) => {
      parseWork.calls += 1;
      parseWork.characters += document.length;
      parseWork.longest = Math.max(parseWork.longest, document.length);
      return parse(document, file);
    };
  } as typeof remarkParse;
}

/** The bytes of every file under `dir`: a bound on the characters a reader of it can hand the parser. */
export function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
