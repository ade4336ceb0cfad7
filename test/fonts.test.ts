import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readShownText } from './support/pdf-glyphs.js';
import { run } from './support/run.js';
import { hashTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-fonts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const shippedFamilies = (
  JSON.parse(readFileSync(path.join(repoRoot, 'fonts', 'fonts.json'), 'utf8')) as { families: { name: string }[] }
).families.map((family) => family.name.replaceAll(' ', ''));

// A machine without fonts: a font configuration that lists no folder, and a home without ~/.fonts.
const noFonts = path.join(scratch, 'no-fonts');
mkdirSync(noFonts);
writeFileSync(path.join(noFonts, 'fonts.conf'), '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
const noFontsEnv = { ...process.env, FONTCONFIG_FILE: path.join(noFonts, 'fonts.conf'), FONTCONFIG_PATH: noFonts, HOME: noFonts };

async function build(out: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, [cli, 'build', '--out', out, '--format', 'pdf', ...args], { cwd: repoRoot, env });
}

const normal = path.join(scratch, 'normal');
const bare = path.join(scratch, 'bare');
const tofu = path.join(scratch, 'tofu');
const role = ['--only', 'engineering-manager'];
await build(normal, process.env, ...role);
await build(bare, noFontsEnv, ...role);
const tofuLadders = path.join(repoRoot, 'test', 'fixtures', 'fonts-missing-glyph', 'input');
await build(tofu, process.env, '--ladders', tofuLadders, '--only', 'S2', '--variant', 'handout');

describe('fonts shipped with the package', () => {
  const pdfs = Object.keys(hashTree(normal)).filter((file) => file.endsWith('.pdf'));

  it('print the same bytes on a machine without fonts as on one with them', () => {
    expect(pdfs.length).toBeGreaterThan(1);
    expect(hashTree(bare)).toEqual(hashTree(normal));
  });

  it('draw every glyph of every PDF, in a font the package ships and never as Type 3', async () => {
    for (const file of pdfs) {
      const shown = await readShownText(path.join(normal, file));
      expect(shown.length, file).toBeGreaterThan(0);
      for (const run of shown) {
        expect(run.type, `${file}: ${run.text}`).not.toBe('Type3');
        expect(
          shippedFamilies.some((family) => run.font.startsWith(family)),
          `${file}: ${run.font}`,
        ).toBe(true);
        expect(run.missing, `${file}: ${run.text}`).toEqual([]);
      }
    }
  });

  it('find the empty box a character no shipped font draws becomes, after warning about it', async () => {
    const checked = await run(['check', '--strict', '--ladders', tofuLadders], repoRoot);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('README.md:16:6: warning No shipped font draws `ሰላም` (U+1230, U+120B, U+121D)');
    expect(checked.stdout).toContain('[missing-glyph]');
    const shown = await readShownText(path.join(tofu, 'scribe', 's2.pdf'));
    const missing = shown.flatMap((run) => run.missing);
    // The word shows four times (table, scale, chart, what changed), each of its three letters a box.
    expect(missing).toHaveLength(12);
    expect(new Set(missing)).toEqual(new Set(['\u0000']));
  });
});
