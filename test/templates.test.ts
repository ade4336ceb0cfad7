import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { loadLadder } from '../src/read/load-ladder.js';
import { loadTemplates } from '../src/render/load-templates.js';
import { renderAll } from './support/render.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const { ladder } = await loadLadder(path.join(repoRoot, 'ladders'), repoRoot);
if (!ladder) throw new Error('the shipped ladders do not load');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-templates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of template overrides holding `files`. */
function overrides(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('template overrides', () => {
  it('replace one file and keep the shipped ones for the rest', async () => {
    const dir = overrides('one-partial', {
      'partials/axis-table.html.hbs': '<p class="custom">{{#each expectations}}{{keyword}};{{/each}}</p>',
    });
    const { templates, files } = await loadTemplates(dir, scratch);
    expect(formatMessages(files)).toBe('');
    const outputs = renderAll(ladder, templates!);
    const em6 = outputs.get('engineering-manager/em6.html') ?? '';
    expect(em6).toContain('<p class="custom">Evangelizes;Evolves;Manages;Defines;Team;</p>');
    expect(em6).not.toContain('class="axis-table"');
    expect(em6).toContain('What changed since');
    expect(outputs.get('engineering-manager/em6.md')).toContain('| Axis');
    expect(templates?.files.get('partials/axis-table.html.hbs')).toBe('one-partial/partials/axis-table.html.hbs');
    expect(templates?.files.get('handout.html.hbs')).toMatch(/templates\/handout\.html\.hbs$/);
  });

  it('may add partials of their own', async () => {
    const dir = overrides('new-partial', {
      'partials/stamp.html.hbs': '<p class="stamp">{{position.code}}</p>',
      'handout.html.hbs': '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>{{> stamp}}</body></html>',
    });
    const { templates } = await loadTemplates(dir, scratch);
    expect(renderAll(ladder, templates!).get('engineering-manager/em6.html')).toContain('<p class="stamp">EM6</p>');
  });

  it('report a syntax error with the template path and line, and load nothing', async () => {
    const dir = overrides('broken', { 'role.html.hbs': '<h1>{{role.title}}</h1>\n<ul>\n{{#each positions}}\n<li>{{code}}</li>\n' });
    const { templates, files } = await loadTemplates(dir, scratch);
    expect(templates).toBeNull();
    expect(formatMessages(files)).toMatch(
      /^broken\/role\.html\.hbs:5:1: error Broken template: Expecting .*got 'EOF' \[broken-template\]$/m,
    );
  });

  it('report an unknown partial where it is used', async () => {
    const dir = overrides('unknown-partial', { 'index.md.hbs': '# {{framework.title}}\n\n  {{> legend}}\n' });
    const { templates, files } = await loadTemplates(dir, scratch);
    expect(templates).toBeNull();
    expect(formatMessages(files)).toContain(
      'unknown-partial/index.md.hbs:3:3: error Unknown partial `legend`, expected one of `axis-review`, `axis-table`, `brand`, `cell-groups`, `change-rows`, `changed-words`, `level-change`, `position-facts`, `rating-boxes`, `since`, `statements`, `text-changes` [unknown-partial]',
    );
  });

  it('must exist: a mistyped folder is an error, not a silent fallback', async () => {
    const { templates, files } = await loadTemplates(path.join(scratch, 'no-such-templates'), scratch);
    expect(templates).toBeNull();
    expect(formatMessages(files)).toBe(
      'no-such-templates:1:1: error Cannot read the templates folder `no-such-templates`: there is no such file or folder (ENOENT) [unreadable-templates]\n',
    );
  });

  it('block prototype access from templates', async () => {
    const dir = overrides('prototype', {
      'index.html.hbs': '<p>{{constructor.name}}|{{__proto__}}|{{#with constructor}}{{name}}{{/with}}</p>',
    });
    const { templates } = await loadTemplates(dir, scratch);
    expect(renderAll(ladder, templates!).get('index.html')).toBe('<p>||</p>');
  });

  it('block prototype access through lookups, helpers and the prototype chain of the view', async () => {
    const dir = overrides('prototype-more', {
      'index.html.hbs':
        '<p>{{lookup this "constructor"}}|{{#each __proto__}}x{{/each}}|{{constructor.constructor}}|{{#with roles}}{{constructor.name}}{{/with}}</p>',
    });
    const { templates } = await loadTemplates(dir, scratch);
    expect(renderAll(ladder, templates!).get('index.html')).toBe('<p>|||</p>');
  });
});

describe('a hostile template', () => {
  /** Build EM6 as HTML with `files` overriding the shipped templates. */
  async function buildWith(name: string, files: Record<string, string>) {
    const out = path.join(scratch, `${name}-out`);
    const result = await run(['build', '--only', 'EM6', '--format', 'html', '--templates', overrides(name, files), '--out', out], repoRoot);
    return { ...result, out };
  }

  it('that includes itself is stopped with a clear error naming the page, exit 3', async () => {
    const result = await buildWith('recursive', { 'partials/again.html.hbs': '<b>{{> again}}</b>', 'handout.html.hbs': '{{> again}}' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^ladders: Cannot render engineering-manager\/em6\.html: The template `.*handout\.html\.hbs` was stopped: it includes itself without end$/m,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('that multiplies its output is stopped before it reaches hundreds of megabytes', async () => {
    // Five expectations, seven loops deep, the 300 KB stylesheet in each: about 23 GB if it were let run.
    const nested = '{{#each @root.expectations}}'.repeat(7) + '{{{@root.style}}}' + '{{/each}}'.repeat(7);
    const result = await buildWith('huge', { 'handout.html.hbs': nested });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/was stopped: it produces more than 64 MiB$/m);
    expect(existsSync(path.join(result.out, 'engineering-manager', 'em6.html'))).toBe(false);
  });

  it('that loops without producing anything is stopped by its number of blocks', async () => {
    const nested = '{{#each @root.expectations}}'.repeat(10) + '{{/each}}'.repeat(10);
    const result = await buildWith('busy', { 'handout.html.hbs': nested });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/was stopped: it renders more than 2,000,000 blocks$/m);
  });

  it('that is merely large still renders: the limits leave room for real pages', async () => {
    const result = await buildWith('large', {
      'handout.html.hbs': '{{#each expectations}}{{#each scale}}{{{../../style}}}{{/each}}{{/each}}',
    });
    expect(result.code, result.stderr).toBe(0);
  });
});
