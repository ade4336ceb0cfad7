import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/browser/find-browser.js';
import { printPdfs, PrintError } from '../src/print/print-pdfs.js';
import type { PdfPage } from '../src/render/render-output.js';
import { browserPids } from './support/browser-processes.js';

const browser = await findBrowser({});

function jobs(count: number): PdfPage[] {
  return Array.from({ length: count }, (_, index) => ({
    path: `job-${index}.pdf`,
    html: `<!DOCTYPE html><html lang="en"><head><title>Job ${index}</title></head><body><h1>Job ${index}</h1></body></html>`,
    info: { title: `Job ${index}`, subject: 's', keywords: [], author: null, creator: 'test', date: null },
  }));
}

/** Kill the browsers this process started, as a crash would. */
function killBrowsers(): void {
  for (const pid of browserPids()) process.kill(pid, 'SIGKILL');
}

function browserCount(): number {
  return browserPids().length;
}

describe('printPdfs', () => {
  it('prints every job exactly once and leaves no browser running', async () => {
    const printed: string[] = [];
    await printPdfs(jobs(7), {
      browser,
      concurrency: 3,
      onPdf: (job, pdf) => void printed.push(`${job.path}:${Buffer.from(pdf).subarray(0, 5).toString()}`),
    });
    expect(printed.sort()).toEqual(
      jobs(7)
        .map((job) => `${job.path}:%PDF-`)
        .sort(),
    );
    expect(browserCount()).toBe(0);
  });

  it('relaunches the browser once when it dies mid-build, and finishes every job', async () => {
    const printed: string[] = [];
    let killed = false;
    await printPdfs(jobs(6), {
      browser,
      concurrency: 2,
      onPdf: (job) => {
        printed.push(job.path);
        if (!killed) {
          killed = true;
          killBrowsers();
        }
      },
    });
    expect(new Set(printed)).toEqual(new Set(jobs(6).map((job) => job.path)));
    expect(browserCount()).toBe(0);
  });

  it('gives up with the name of a handout when the browser dies a second time', async () => {
    const attempt = printPdfs(jobs(6), { browser, concurrency: 1, onPdf: () => killBrowsers() });
    await expect(attempt).rejects.toThrow(PrintError);
    await expect(attempt).rejects.toThrow(/The browser stopped while printing job-\d\.pdf, twice/);
    expect(browserCount()).toBe(0);
  });

  it('fails naming the handout when a page does not finish loading in time, and leaves no browser running', async () => {
    // A page too large to lay out and print within the 50 ms this print allows.
    const slow: PdfPage = {
      ...jobs(1)[0]!,
      path: 'slow.pdf',
      html: `<table>${'<tr><td>cell</td><td>cell</td></tr>'.repeat(20_000)}</table>`,
    };
    const attempt = printPdfs([slow], { browser, timeoutMs: 50, onPdf: () => undefined });
    await expect(attempt).rejects.toThrow(/^Cannot print slow\.pdf: the page did not finish (loading|printing) within 0\.05 s$/);
    expect(browserCount()).toBe(0);
  });

  it('stops when its signal is aborted: no new job starts, the browser is closed, the reason is thrown', async () => {
    const controller = new AbortController();
    const printed: string[] = [];
    const attempt = printPdfs(jobs(8), {
      browser,
      concurrency: 1,
      signal: controller.signal,
      onPdf: (job) => {
        printed.push(job.path);
        controller.abort('SIGINT');
      },
    });
    await expect(attempt).rejects.toBe('SIGINT');
    expect(printed).toEqual(['job-0.pdf']);
    expect(browserCount()).toBe(0);
  });
});
