import path from 'node:path';

/** A path as messages and the model show it: relative to `from`, with `/` on every platform. */
export function displayPath(fullPath: string, from: string): string {
  return path.relative(from, fullPath).split(path.sep).join('/') || '.';
}

/** Order strings by code unit, the same on every machine (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The folder of the guide pages in the output folder, beside one folder per role (so no role may take its name). */
export const guidesFolder = 'guides';
