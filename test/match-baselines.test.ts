import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { baselinesDir, differencesDir, matchBaselines, toleratedPixels } from './support/match-baselines.js';

// The comparison the picture tests rest on, on copies of two committed baselines in a folder of its own.
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-baselines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const name = 'handout-em6-a4';
const pages = [1, 2].map((page) => readFileSync(path.join(baselinesDir, `${name}-${page}.png`)));

/** A folder holding copies of the two baselines. */
function baselineCopies(folder: string): string {
  const dir = path.join(scratch, folder);
  mkdirSync(dir, { recursive: true });
  for (const page of [1, 2]) {
    const file = `${name}-${page}.png`;
    copyFileSync(path.join(baselinesDir, file), path.join(dir, file));
  }
  return dir;
}

/** The picture with a black square of `side` pixels drawn into the page's top margin, which is always blank. */
function withSquare(png: Uint8Array, side: number): Uint8Array {
  const picture = PNG.sync.read(Buffer.from(png));
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const at = ((5 + y) * picture.width + 5 + x) * 4;
      picture.data.set([0, 0, 0, 255], at);
    }
  }
  return PNG.sync.write(picture);
}

describe('matchBaselines', () => {
  it('finds nothing when the pages are the baselines', () => {
    expect(matchBaselines(name, pages, { dir: baselineCopies('same'), update: false })).toEqual([]);
  });

  it('lets a few pixels differ', () => {
    const side = Math.floor(Math.sqrt(toleratedPixels));
    expect(matchBaselines(name, [withSquare(pages[0]!, side), pages[1]!], { dir: baselineCopies('few'), update: false })).toEqual([]);
  });

  it('names the page that differs and by how many pixels, and leaves it and the difference to look at', () => {
    const problems = matchBaselines(name, [pages[0]!, withSquare(pages[1]!, 10)], { dir: baselineCopies('square'), update: false });
    const actual = path.join(differencesDir, `${name}-2-actual.png`);
    const diff = path.join(differencesDir, `${name}-2-diff.png`);
    expect(problems).toEqual([
      `${name}-2: 100 pixels differ from the baseline (at most ${toleratedPixels} may); the page as it is now: ${actual}, the difference in red: ${diff}`,
      'If the change is intended, run `UPDATE_BASELINES=1 npx vitest run test/pictures.test.ts` and look at every new picture before committing it.',
    ]);
    expect(PNG.sync.read(readFileSync(actual)).width).toBe(PNG.sync.read(Buffer.from(pages[1]!)).width);
    expect(PNG.sync.read(readFileSync(diff)).height).toBe(PNG.sync.read(Buffer.from(pages[1]!)).height);
  });

  it('fails when a page is added, naming the page that has no baseline', () => {
    const problems = matchBaselines(name, [...pages, pages[1]!], { dir: baselineCopies('added'), update: false });
    expect(problems[0]).toBe(`${name} has 3 pages, its baselines 2`);
    expect(problems[1]).toMatch(new RegExp(`^${name}-3: no baseline .*${name}-3\\.png; the page as it is now: `));
  });

  it('fails when a page is gone, and when a page changed its size', () => {
    const dir = baselineCopies('gone');
    expect(matchBaselines(name, [pages[0]!], { dir, update: false })[0]).toBe(`${name} has 1 pages, its baselines 2`);
    const wider = new PNG({ width: 10, height: 10 });
    expect(matchBaselines(name, [PNG.sync.write(wider), pages[1]!], { dir, update: false })[0]).toMatch(
      new RegExp(`^${name}-1: 10×10 pixels, the baseline \\d+×\\d+; `),
    );
  });

  it('writes the pages as the new baselines when asked to, and removes the pages past the last', () => {
    const dir = baselineCopies('update');
    const changed = withSquare(pages[0]!, 10);
    expect(matchBaselines(name, [changed], { dir, update: true })).toEqual([]);
    expect(readdirSync(dir)).toEqual([`${name}-1.png`]);
    expect(readFileSync(path.join(dir, `${name}-1.png`)).equals(Buffer.from(changed))).toBe(true);
    expect(matchBaselines(name, [changed], { dir, update: false })).toEqual([]);
  });
});
