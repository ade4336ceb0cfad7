import path from 'node:path';
import { VFile } from 'vfile';
import { shippedLaddersDir } from '../../src/package-paths.js';
import { readLadderPage, type LadderSource } from '../../src/read/read-ladders.js';

/** The shipped introduction page, read once, for tests that model pages held in memory. */
export const shippedIntroduction: LadderSource = await readLadderPage(path.join(shippedLaddersDir, 'README.md'), process.cwd());

/** A page held in memory, as the reader would have read it. */
export function pageOf(name: string, text: string): LadderSource {
  return { file: new VFile({ path: name }), text };
}

/** A value with every `source` field removed, to compare models written in different ways. */
export function withoutSources<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'source' ? undefined : inner))) as T;
}
