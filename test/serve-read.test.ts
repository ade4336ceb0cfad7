import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesAsData } from '../src/format-messages.js';
import { createReadCache } from '../src/read/read-cache.js';
import { readSite, type KeptReads, type ReadSiteResult, type SiteSettings } from '../src/serve/read-site.js';
import { createSitePlanner } from '../src/serve/site-planner.js';

// The preview reads again after every save, keeping the pages' texts and trees and the plan of every
// role the save did not touch. Whatever it keeps, each read must give what reading afresh gives.
const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-serve-read-'));
const ladders = path.join(scratch, 'ladders');
const settings: SiteSettings = {
  ladders: 'ladders',
  reading: { title: null },
  templates: undefined,
  paper: null,
  branding: { organization: null, brandColor: null, logo: null, version: null, locale: null, labels: null },
  date: null,
};
let kept: KeptReads;
let last: ReadSiteResult;

/** Read the folder as the preview does, keeping what it kept, and afresh; expect the same messages and pages. */
async function readBoth(): Promise<ReadSiteResult> {
  const kept_ = await readSite(settings, scratch, kept);
  kept.templates = kept_.loaded;
  // The templates are not what is kept here, and loading them (fonts, every template compiled) is slow.
  const fresh = await readSite(settings, scratch, { templates: kept.templates, pages: createReadCache(), planner: createSitePlanner() });
  expect(messagesAsData(kept_.files)).toEqual(messagesAsData(fresh.files));
  expect(keysOf(kept_)).toEqual(keysOf(fresh));
  last = kept_;
  return kept_;
}

function keysOf(site: ReadSiteResult): [string, string][] {
  return (site.planned ?? []).map((output): [string, string] => [output.path, output.key]).sort(([a], [b]) => a.localeCompare(b));
}

function outputAt(site: ReadSiteResult, at: string) {
  return site.planned?.find((output) => output.path === at);
}

/** Replace `from` with `to` in a page of the folder. */
function edit(page: string, from: string, to: string): void {
  const file = path.join(ladders, page);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
  cpSync(path.join(repoRoot, 'ladders'), ladders, { recursive: true });
  kept = { templates: null, pages: createReadCache(), planner: createSitePlanner() };
  await readBoth();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('reading again after a save', () => {
  it('plans again only the role whose position text changed, and parses only its page', async () => {
    const before = last;
    const treeOf = (page: string) => kept.pages.trees.get(`ladders/${page}`)?.tree;
    const leadTree = treeOf('tech-lead.md');
    const after = await readBoth();
    // Nothing changed: every output is the one planned before.
    expect(outputAt(after, 'tech-lead/tl4.html')).toBe(outputAt(before, 'tech-lead/tl4.html'));
    edit('developer.md', 'fixes bugs and adds small', 'fixes defects and adds small');
    const edited = await readBoth();
    expect(treeOf('tech-lead.md')).toBe(leadTree);
    expect(outputAt(edited, 'tech-lead/tl4.html')).toBe(outputAt(before, 'tech-lead/tl4.html'));
    expect(outputAt(edited, 'developer/d1.html')?.key).not.toBe(outputAt(before, 'developer/d1.html')?.key);
    expect(outputAt(edited, 'index.html')?.key).toBe(outputAt(before, 'index.html')?.key);
  });

  it("plans the other roles again when a position's title, which they may link to, changes", async () => {
    edit('developer.md', '## D2 - Developer 2', '## D2 - Developer Two');
    edit('developer.md', '[D2 - Developer 2](#d2---developer-2)', '[D2 - Developer Two](#d2---developer-two)');
    const site = await readBoth();
    expect(outputAt(site, 'developer/d2.html')).toBeDefined();
  });

  it("plans everything again when the introduction rewords a keyword, which every handout's scale shows", async () => {
    const before = last;
    edit('README.md', 'asks questions, takes in feedback', 'asks questions, welcomes feedback');
    const site = await readBoth();
    expect(outputAt(site, 'tech-lead/tl4.html')?.key).not.toBe(outputAt(before, 'tech-lead/tl4.html')?.key);
  });

  it('takes a broken save and its fix, a page added and a page deleted', async () => {
    edit('tech-lead.md', '**Specializes**', '**Specialises**');
    expect((await readBoth()).planned).toBeNull();
    edit('tech-lead.md', '**Specialises**', '**Specializes**');
    await readBoth();
    const copy = readFileSync(path.join(ladders, 'engineering-manager.md'), 'utf8');
    writeFileSync(
      path.join(ladders, 'people-lead.md'),
      copy.replaceAll('Engineering Manager', 'People Lead').replaceAll('EM', 'PL').replaceAll('engineering-manager', 'people-lead'),
    );
    expect(outputAt(await readBoth(), 'people-lead/pl5.html')).toBeDefined();
    rmSync(path.join(ladders, 'people-lead.md'));
    expect(outputAt(await readBoth(), 'people-lead/pl5.html')).toBeUndefined();
    expect(kept.pages.trees.has('ladders/people-lead.md')).toBe(false);
  });
});
