import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/find-browser.js';
import { browserFlags } from '../src/browser/launch-browser.js';
import { browsersLeft } from './support/browser-processes.js';
import { openPdf, readPdfText } from './support/pdf.js';

const repoRoot = path.join(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-serve-'));
const ladders = path.join(scratch, 'ladders');
const role = path.join(ladders, 'maker.md');
// The templates folder the server is given, empty (the shipped templates) until a test puts an override in it.
const templates = path.join(scratch, 'templates');
// The server's own temp folder, so the browser it starts (whose profile lives there) can be told from this file's.
const serverTemp = path.join(scratch, 'tmp');
const original = readFileSync(path.join(repoRoot, 'test/fixtures/reader-basic/input/maker.md'), 'utf8');

let browser: Browser;
let tab: Page;
let server: { child: ChildProcess; port: number; stderr: () => string; exited: Promise<unknown[]> };

/** `ladders serve --port 0 --templates templates` in its own process, as a user runs it; resolves with the port it printed. */
async function startServer(): Promise<typeof server> {
  mkdirSync(serverTemp, { recursive: true });
  const { executablePath } = await findBrowser({});
  // No --ladders: the folder is the configuration's, `ladders` until it names another.
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--templates', 'templates'], {
    cwd: scratch,
    env: { ...process.env, TMPDIR: serverTemp, LADDERS_BROWSER: executablePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  let stdout = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (found) resolve(Number(found[1]));
    });
    void exited.then(() => reject(new Error(`serve exited before listening: ${stderr}`)));
  });
  return { child, port, stderr: () => stderr, exited };
}

/** A raw request, with the path exactly as written (no normalising of `..`) and any Host header. */
function fetchRaw(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port: server.port, path: rawPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Wait until the text of the page in the tab contains `text` (the page reloads itself on a save). */
async function waitForText(text: string): Promise<void> {
  await tab.waitForFunction((wanted: string) => document.body?.innerText.includes(wanted), { timeout: 15_000, polling: 50 }, text);
}

beforeAll(async () => {
  mkdirSync(ladders, { recursive: true });
  mkdirSync(path.join(templates, 'partials'), { recursive: true });
  cpSync(path.join(repoRoot, 'test/fixtures/reader-basic/input'), ladders, { recursive: true });
  // A viewer of the served pages, not a printing browser: that one resolves no host name, not even 127.0.0.1.
  const launching = findBrowser({}).then(({ executablePath }) =>
    launch({ executablePath, headless: true, pipe: true, args: [...browserFlags] }),
  );
  server = await startServer();
  // The server's browser starts on the first PDF asked for: started here, beside this file's, it is warm for the test.
  const [launched] = await Promise.all([launching, fetchRaw('/maker/m2.pdf')]);
  browser = launched;
  tab = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe('ladders serve', () => {
  it('shows an edit of the Markdown in the open handout without a manual reload', async () => {
    await tab.goto(`http://127.0.0.1:${server.port}/maker/m1.html`);
    await waitForText('tries the team');
    writeFileSync(role, original.replace("tries the team's tools", 'tries every new tool first'));
    await waitForText('tries every new tool first');
  });

  it('shows a broken save over the last good page with its place and rule id, and in the terminal', async () => {
    writeFileSync(role, original.replace('**Tinkers**', '**Tinkerz**'));
    const overlay = await tab.waitForSelector('#ladders-problems', { timeout: 15_000 });
    const text = await overlay!.evaluate((element) => element.textContent ?? '');
    expect(text).toMatch(/ladders\/maker\.md:14:3: error .*`Tinkerz`.*\[unknown-keyword\]/);
    // The last good page is still there under it.
    expect(await tab.evaluate(() => document.body.innerText)).toContain('tries every new tool first');
    expect(server.stderr()).toMatch(/ladders\/maker\.md:14:3: error .*\[unknown-keyword\]/);
  });

  it('a page opened while the save is broken shows the overlay too', async () => {
    const other = await browser.newPage();
    try {
      await other.goto(`http://127.0.0.1:${server.port}/maker/m2.html`);
      await other.waitForSelector('#ladders-problems', { timeout: 15_000 });
    } finally {
      await other.close();
    }
  });

  it('a fix removes the overlay and shows the fixed page', async () => {
    writeFileSync(role, original.replace("tries the team's tools", 'tries the fixed tools'));
    await waitForText('tries the fixed tools');
    expect(await tab.$('#ladders-problems')).toBeNull();
  });

  it('shows a template that fails over the last good page, with its place in the partial and its rule id, and in the terminal', async () => {
    const partial = path.join(templates, 'partials/brand.html.hbs');
    const shipped = readFileSync(path.join(repoRoot, 'templates/partials/brand.html.hbs'), 'utf8');
    // A label the labels do not have, on the second line of the partial, after four spaces.
    writeFileSync(partial, `${shipped.trimEnd()}\n    {{label "noSuchLabel"}}\n`);
    const line = shipped.trimEnd().split('\n').length + 1;
    const message = new RegExp(`templates/partials/brand\\.html\\.hbs:${line}:5: error .*\`label\`.*noSuchLabel.*\\[template-error\\]`);
    const overlay = await tab.waitForSelector('#ladders-problems', { timeout: 15_000 });
    expect(await overlay!.evaluate((element) => element.textContent ?? '')).toMatch(message);
    expect(await tab.evaluate(() => document.body.innerText)).toContain('tries the fixed tools');
    expect(server.stderr()).toMatch(message);
    // A page that never rendered well shows the same overlay, not an error page.
    const other = await browser.newPage();
    try {
      const response = await other.goto(`http://127.0.0.1:${server.port}/maker/m2-review.html`);
      expect(await response!.text()).not.toContain('noSuchLabel');
      const shown = await other.waitForSelector('#ladders-problems', { timeout: 15_000 });
      expect(await shown!.evaluate((element) => element.textContent ?? '')).toMatch(message);
    } finally {
      await other.close();
    }
    rmSync(partial);
    await tab.waitForFunction(() => !document.getElementById('ladders-problems'), { timeout: 15_000, polling: 50 });
    expect(await tab.evaluate(() => document.body.innerText)).toContain('tries the fixed tools');
  });

  it('swaps the changed body in without reloading the page, and reloads it whole when its styles change', async () => {
    await tab.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    writeFileSync(role, original.replace("tries the team's tools", 'tries the swapped tools'));
    await waitForText('tries the swapped tools');
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const style = readFileSync(path.join(repoRoot, 'templates/print.css'), 'utf8');
    writeFileSync(path.join(templates, 'print.css'), `${style}\n.ladders-test-mark { color: inherit; }\n`);
    await tab.waitForFunction(() => !(window as unknown as { notReloaded?: boolean }).notReloaded, { timeout: 15_000, polling: 50 });
    expect(await tab.evaluate(() => document.head.innerHTML)).toContain('ladders-test-mark');
    rmSync(path.join(templates, 'print.css'));
    await tab.waitForFunction(() => !document.head.innerHTML.includes('ladders-test-mark'), { timeout: 15_000, polling: 50 });
  });

  it("takes an editor's atomic save (write, then rename over) and a burst of saves", async () => {
    const temporary = path.join(ladders, '.maker.md.swp');
    writeFileSync(temporary, original.replace("tries the team's tools", 'tries the renamed tools'));
    renameSync(temporary, role);
    await waitForText('tries the renamed tools');
    for (let save = 0; save < 100; save += 1) writeFileSync(role, original.replace("tries the team's tools", `tries tool ${save}`));
    await waitForText('tries tool 99');
  });

  it('keeps serving when the file is deleted and comes back', async () => {
    rmSync(role);
    // The index still links the deleted page: the save is shown as broken, over the last good page.
    const overlay = await tab.waitForSelector('#ladders-problems', { timeout: 15_000 });
    expect(await overlay!.evaluate((element) => element.textContent ?? '')).toMatch(/\[[a-z-]+\]/);
    writeFileSync(role, original.replace("tries the team's tools", 'tries the restored tools'));
    await waitForText('tries the restored tools');
    expect(await tab.$('#ladders-problems')).toBeNull();
  });

  it("speaks the ladder's language in the overlay, and reads a message's place left to right", async () => {
    const introduction = path.join(ladders, 'README.md');
    const english = readFileSync(introduction, 'utf8');
    writeFileSync(introduction, `---\nlocale: ar\n---\n${english}`);
    await tab.waitForFunction(() => document.documentElement.lang === 'ar', { timeout: 15_000, polling: 50 });
    writeFileSync(role, original.replace('**Tinkers**', '**Tinkerz**'));
    const overlay = await tab.waitForSelector('#ladders-problems', { timeout: 15_000 });
    const shown = await overlay!.evaluate((element) => ({
      lang: element.getAttribute('lang'),
      dir: element.getAttribute('dir'),
      text: element.textContent ?? '',
      lineDir: element.querySelector('pre')?.getAttribute('dir'),
    }));
    expect(shown).toMatchObject({ lang: 'ar', dir: 'rtl', lineDir: 'ltr' });
    expect(shown.text).toContain('في آخر حفظ أخطاء');
    expect(shown.text).toMatch(/ladders\/maker\.md:14:3: خطأ .*\[unknown-keyword\]/);
    expect(shown.text).not.toMatch(/last save|error/);
    writeFileSync(introduction, english);
    writeFileSync(role, original.replace("tries the team's tools", 'tries the restored tools'));
    await tab.waitForFunction(() => document.documentElement.lang !== 'ar' && !document.getElementById('ladders-problems'), {
      timeout: 15_000,
      polling: 50,
    });
  });

  it('serves the index at the root and a role page at its folder', async () => {
    const root = await fetchRaw('/');
    expect(root.status).toBe(200);
    expect(root.body.toString()).toContain('href="maker/index.html"');
    expect((await fetchRaw('/maker/')).status).toBe(200);
  });

  it('answers hostile paths with 4xx and never with a file', async () => {
    const hostile = [
      '/../ladders/maker.md',
      '/%2e%2e/ladders/maker.md',
      '/maker/..%2f..%2fladders%2fmaker.md',
      '/maker%2fm1.html',
      '/ladders/maker.md',
      '/maker.md',
      '/maker/m1.md',
      '//etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/%00',
      '/%E0%A4%A',
    ];
    for (const rawPath of hostile) {
      const { status, body } = await fetchRaw(rawPath);
      expect(status, rawPath).toBeGreaterThanOrEqual(400);
      expect(status, rawPath).toBeLessThan(500);
      expect(body.toString(), rawPath).not.toContain('Makers build');
      expect(body.toString(), rawPath).not.toContain('root:');
    }
  });

  it('refuses a Host header that is not its own (DNS rebinding) and anything but reading', async () => {
    expect((await fetchRaw('/', { Host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await fetchRaw('/', { Host: `localhost:${server.port}` })).status).toBe(200);
    const posted = await new Promise<number>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port: server.port, path: '/', method: 'PUT' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      sent.on('error', reject);
      sent.end('x');
    });
    expect(posted).toBe(405);
  });

  it('prints the handout as a PDF on request, with the latest text', async () => {
    const { status, body } = await fetchRaw('/maker/m1.pdf');
    expect(status).toBe(200);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readPdfText(await openPdf(new Uint8Array(body)))).toContain('tries the restored tools');
    expect((await fetchRaw('/maker/m9.pdf')).status).toBe(404);
  });

  it('prints the books on request, numbered as build numbers them, and links them from the index and the role page', async () => {
    for (const [book, words] of [
      ['/ladder.pdf', 'Contents'],
      ['/maker/maker.pdf', 'M1'],
    ] as const) {
      const { status, body } = await fetchRaw(book);
      expect(status, book).toBe(200);
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await readPdfText(await openPdf(new Uint8Array(body)))).toContain(words);
    }
    expect((await fetchRaw('/')).body.toString()).toContain('href="ladder.pdf"');
    expect((await fetchRaw('/maker/')).body.toString()).toContain('href="maker.pdf"');
  });

  it('moves its watchers to the ladder folder the configuration names when it changes', async () => {
    const moved = path.join(scratch, 'moved');
    cpSync(path.join(repoRoot, 'test/fixtures/reader-basic/input'), moved, { recursive: true });
    const config = path.join(scratch, 'ladders.config.json');
    await tab.goto(`http://127.0.0.1:${server.port}/maker/m1.html`);
    await waitForText('tries the restored tools');
    writeFileSync(config, JSON.stringify({ ladders: 'moved' }));
    await waitForText("tries the team's tools");
    // Only a watcher on the new folder sees this save.
    writeFileSync(path.join(moved, 'maker.md'), original.replace("tries the team's tools", 'tries the moved tools'));
    await waitForText('tries the moved tools');
  });

  it('stops on Ctrl-C with exit 130 and leaves no browser', async () => {
    server.child.kill('SIGINT');
    const [code] = await server.exited;
    expect(code, server.stderr()).toBe(130);
    expect(server.stderr()).toContain('Stopped by SIGINT');
    expect(await browsersLeft(serverTemp)).toEqual([]);
  });
});
