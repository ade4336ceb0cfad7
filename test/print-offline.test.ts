import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillMarkdownWorksheet } from './support/fill-worksheet.js';
import { run } from './support/run.js';

// Whatever a template says, printing opens no connection: a plain TCP listener counts every connection made
// to it, including those that never send a request (a preconnect).
const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-offline-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
let connections = 0;
const listener = createServer((socket) => {
  connections += 1;
  socket.destroy();
});
await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  rmSync(scratch, { recursive: true, force: true });
});

// Every hint that asks a browser to reach a server ahead of need, and speculation rules.
const hints = [
  `<link rel="prefetch" href="${origin}/prefetch">`,
  `<link rel="preconnect" href="${origin}">`,
  `<link rel="dns-prefetch" href="${origin}">`,
  `<link rel="prerender" href="${origin}/prerender">`,
  `<link rel="next" href="${origin}/next">`,
  `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${origin}/speculation"]}]}</script>`,
].join('');

/** Wait a moment for a connection the browser might still make after the command returned, then read the count. */
async function connectionsAfterAMoment(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return connections;
}

beforeAll(() => {
  connections = 0;
});

describe('printing sends nothing anywhere, whatever the templates say', () => {
  it('a build whose template carries prefetch, preconnect, DNS prefetch and prerender hints connects nowhere', async () => {
    const templates = path.join(scratch, 'build-templates');
    mkdirSync(path.join(templates, 'partials'), { recursive: true });
    writeFileSync(path.join(templates, 'partials', 'chart.html.hbs'), hints);
    const out = path.join(scratch, 'build-out');
    const result = await run(['build', '--templates', templates, '--only', 'D1', '--format', 'pdf', '--out', out], repoRoot, env);
    expect(result.code, result.stderr).toBe(0);
    expect(
      readFileSync(path.join(out, 'developer', 'd1.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await connectionsAfterAMoment()).toBe(0);
  });

  it('`assess --templates … --format pdf` does not send a person’s ratings out through a prefetch', async () => {
    cpSync(path.join(repoRoot, 'test/fixtures/assess-ladder'), path.join(scratch, 'ladders'), { recursive: true });
    const built = await run(['build', '--only', 'G2', '--format', 'md', '--variant', 'review', '--out', 'sheets', '--quiet'], scratch, env);
    expect(built.code, built.stderr).toBe(0);
    const blank = readFileSync(path.join(scratch, 'sheets/grower/g2-review.md'), 'utf8');
    writeFileSync(
      path.join(scratch, 'filled.md'),
      fillMarkdownWorksheet(blank, { fields: { name: 'Alex Doe' }, axes: { soil: { self: 'meets', manager: 'above' } } }),
    );
    const templates = path.join(scratch, 'assess-templates');
    mkdirSync(templates, { recursive: true });
    const shipped = readFileSync(path.join(repoRoot, 'templates', 'assessment.html.hbs'), 'utf8');
    const leak = `<link rel="prefetch" href="${origin}/leak?name={{name}}&amp;ratings={{#each axes}}{{self.text}},{{/each}}">${hints}`;
    writeFileSync(path.join(templates, 'assessment.html.hbs'), shipped.replace('</head>', `${leak}</head>`));
    const result = await run(['assess', 'filled.md', '--templates', templates, '--format', 'pdf', '--out', 'private'], scratch, env);
    expect(result.code, result.stderr).toBe(0);
    expect(await connectionsAfterAMoment()).toBe(0);
  });
});
