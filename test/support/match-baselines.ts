import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Where the reviewed pictures live, one PNG per page: `<name>-<page>.png`. */
export const baselinesDir = path.join(import.meta.dirname, '..', 'baselines');

/** Where a failing comparison leaves the picture it got and the difference, for the developer to look at. */
export const differencesDir = path.join(tmpdir(), 'ladders-pictures');

/**
 * How many pixels of a page may differ from its baseline. The renderer draws the same pixels for the
 * same PDF on every machine, so this only absorbs the odd edge pixel a new Chromium may place
 * differently; a changed word or a line moved by a point changes far more.
 */
export const toleratedPixels = 20;

/** Where the baselines are, and whether to write them instead of comparing. */
export interface MatchOptions {
  /** `test/baselines/` unless a test of this module says otherwise. */
  dir?: string;
  /** `UPDATE_BASELINES=1` writes the pictures as they are now, to review before committing them. */
  update?: boolean;
}

const command = 'UPDATE_BASELINES=1 npx vitest run test/pictures.test.ts';

/**
 * Compare the pictures of one document's pages with its baselines and say, page by page, what differs
 * (nothing: an empty list); with `UPDATE_BASELINES=1`, write them as the new baselines instead.
 */
export function matchBaselines(name: string, pages: readonly Uint8Array[], options: MatchOptions = {}): string[] {
  const { dir = baselinesDir, update = process.env.UPDATE_BASELINES === '1' } = options;
  const recorded = listBaselines(dir, name);
  if (update) {
    writeBaselines(dir, name, pages, recorded);
    return [];
  }
  const problems: string[] = [];
  if (recorded.length !== pages.length) {
    problems.push(`${name} has ${pages.length} pages, its baselines ${recorded.length}`);
  }
  pages.forEach((png, index) => {
    const problem = comparePage(dir, `${name}-${index + 1}`, png);
    if (problem) problems.push(problem);
  });
  if (problems.length > 0)
    problems.push(`If the change is intended, run \`${command}\` and look at every new picture before committing it.`);
  return problems;
}

/** The page numbers that have a baseline for `name`, in order. */
function listBaselines(dir: string, name: string): number[] {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  return readdirSync(dir)
    .flatMap((file) => {
      const page = pattern.exec(file)?.[1];
      return page ? [Number(page)] : [];
    })
    .sort((a, b) => a - b);
}

function writeBaselines(dir: string, name: string, pages: readonly Uint8Array[], recorded: readonly number[]): void {
  pages.forEach((png, index) => {
    const file = path.join(dir, `${name}-${index + 1}.png`);
    // Unchanged pictures are left as they are, so the commit shows only the pages that changed.
    if (!isSameFile(file, png)) writeFileSync(file, png);
  });
  for (const page of recorded) if (page > pages.length) rmSync(path.join(dir, `${name}-${page}.png`));
}

function isSameFile(file: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.from(bytes).equals(readFileSync(file));
  } catch {
    return false;
  }
}

/** What differs between one page and its baseline, with the pictures written for a look; null when they match. */
function comparePage(dir: string, page: string, png: Uint8Array): string | null {
  const baselineFile = path.join(dir, `${page}.png`);
  let baseline: Buffer;
  try {
    baseline = readFileSync(baselineFile);
  } catch {
    return `${page}: no baseline ${path.relative(process.cwd(), baselineFile)}; ${keep(page, png)}`;
  }
  // The renderer writes the same bytes for the same page: the usual case needs no decoding.
  if (baseline.equals(png)) return null;
  const actual = PNG.sync.read(Buffer.from(png));
  const expected = PNG.sync.read(baseline);
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return `${page}: ${actual.width}×${actual.height} pixels, the baseline ${expected.width}×${expected.height}; ${keep(page, png)}`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  // Anti-aliased pixels count too: at this resolution most of a word's pixels are its edges. A pixel
  // differs past a small colour distance (0.05), so a rule drawn a shade darker shows as well.
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.05, includeAA: true });
  if (differing <= toleratedPixels) return null;
  const diffFile = path.join(differencesDir, `${page}-diff.png`);
  const kept = keep(page, png);
  writeFileSync(diffFile, PNG.sync.write(diff));
  return `${page}: ${differing} pixels differ from the baseline (at most ${toleratedPixels} may); ${kept}, the difference in red: ${diffFile}`;
}

/** Keep the picture a page has now where the developer can open it. */
function keep(page: string, png: Uint8Array): string {
  mkdirSync(differencesDir, { recursive: true });
  const file = path.join(differencesDir, `${page}-actual.png`);
  writeFileSync(file, png);
  return `the page as it is now: ${file}`;
}
