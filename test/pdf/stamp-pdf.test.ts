import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { findBrowser } from '../../src/browser/find-browser.js';
import { launchBrowser } from '../../src/browser/launch-browser.js';
import { UnexpectedPdfError } from '../../src/pdf/read-pdf-layout.js';
import { stampPdf, type PdfMetadata } from '../../src/pdf/stamp-pdf.js';
import { openPdf, readPdfInfo } from '../support/pdf.js';

const table = `<!DOCTYPE html><html lang="en"><head><title>Browser title</title></head><body>
<h1>Axes</h1><table><thead><tr><th scope="col">Axis</th><th scope="col">Keyword</th></tr></thead>
<tbody><tr><th scope="row">System</th><td>Evolves</td></tr><tr><th scope="row">Process</th><td>Defines</td></tr></tbody></table></body></html>`;
const filler = `<!DOCTYPE html><html lang="en"><body>${'<p>filler</p>'.repeat(200)}</body></html>`;
const metadata: PdfMetadata = {
  title: 'EM6 — Engineering Manager 6',
  subject: 'Axes',
  keywords: ['Evolves', 'Défines'],
  author: 'Ünïcode Org',
  creator: 'ladders test',
  date: null,
  source: table,
};

let browser: Browser;
const printed: Uint8Array[] = [];
beforeAll(async () => {
  browser = await launchBrowser(await findBrowser({}));
  const page = await browser.newPage();
  // The same page twice in one tab, with other pages between: Chromium numbers the tagged elements differently each time.
  for (const html of [table, filler, filler, table]) {
    await page.setContent(html);
    printed.push(await page.pdf({ tagged: true, outline: true }));
  }
});
afterAll(() => browser.close());

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const elementIds = (bytes: Uint8Array) => Array.from(latin1(bytes).matchAll(/\/ID \((\w+)\)/g), ([, id]) => id);

/** Every in-use cross-reference entry points at its object's `N G obj`, and startxref at the table. */
function checkXref(bytes: Uint8Array): number {
  const text = latin1(bytes);
  const xrefStart = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.startsWith('xref\n', xrefStart)).toBe(true);
  const [, first] = /^xref\n(\d+) \d+\n/.exec(text.slice(xrefStart)) ?? [];
  const objects = Array.from(text.slice(xrefStart).matchAll(/^(\d{10}) (\d{5}) ([nf]) $/gm)).map(([, offset, , kind], index) => ({
    offset: Number(offset),
    kind,
    number: Number(first) + index,
  }));
  const inUse = objects.filter(({ kind }) => kind === 'n');
  for (const { offset, number } of inUse) expect(text.slice(offset, offset + 20)).toMatch(new RegExp(`^${number} 0 obj`));
  return inUse.length;
}

describe('stampPdf', () => {
  it('starts from a PDF whose element names differ between two prints of the same page', () => {
    expect(elementIds(printed[0]!).length).toBeGreaterThan(2);
    expect(elementIds(printed[0]!)).not.toEqual(elementIds(printed[3]!));
  });

  it('makes two prints of the same page byte-identical, names in order from node00000001', () => {
    const [once, again] = [stampPdf(printed[0]!, metadata), stampPdf(printed[3]!, metadata)];
    expect(Buffer.from(once).equals(Buffer.from(again))).toBe(true);
    const ids = elementIds(once);
    expect(ids[0]).toBe('node00000001');
    expect(new Set(ids).size).toBe(ids.length);
    // The table cells still point at their header cells, by the new names.
    const headers = Array.from(latin1(once).matchAll(/\/Headers \[([^\]]*)\]/g), ([, names]) => names!.match(/node\d+/g)).flat();
    expect(headers.length).toBeGreaterThan(0);
    for (const name of headers) expect(ids).toContain(name);
  });

  it('keeps the ID tree sorted by the new names, each pointing at the element of that name', () => {
    const text = latin1(stampPdf(printed[3]!, metadata));
    const entries = Array.from(
      /\/Names \[([^\]]*)\]/.exec(text)![1]!.matchAll(/\((node\d+)\) (\d+) 0 R/g),
      ([, name, object]) => [name!, Number(object)] as const,
    );
    expect(entries.map(([name]) => name)).toEqual(elementIds(printed[3]!).map((_, index) => `node${String(index + 1).padStart(8, '0')}`));
    for (const [name, object] of entries)
      expect(text).toMatch(new RegExp(`\\n${object} 0 obj\\n<<(?:(?!endobj)[^])*?/ID \\(${name}\\)>>\\nendobj`));
    expect(text).toContain(`/Limits [(node00000001) (${entries.at(-1)![0]})]`);
  });

  it('keeps every cross-reference offset right after the information object changed size', () => {
    expect(checkXref(stampPdf(printed[0]!, metadata))).toBeGreaterThan(10);
    expect(checkXref(stampPdf(printed[0]!, { ...metadata, title: 'x', keywords: [], author: null }))).toBeGreaterThan(10);
  });

  it('writes the metadata and an identifier, and keeps the tagging and the bookmarks readable', async () => {
    const pdf = await openPdf(new Uint8Array(stampPdf(printed[0]!, { ...metadata, date: new Date(Date.UTC(2025, 11, 1)) })));
    const info = await readPdfInfo(pdf);
    expect(info).toMatchObject({
      Title: metadata.title,
      Subject: 'Axes',
      Keywords: 'Evolves Défines',
      Author: 'Ünïcode Org',
      Creator: 'ladders test',
      CreationDate: 'D:20251201000000Z',
      ModDate: 'D:20251201000000Z',
    });
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    expect((await pdf.getOutline())?.map((entry) => entry.title)).toEqual(['Axes']);
    expect(latin1(stampPdf(printed[0]!, metadata))).toMatch(/\/ID \[<([0-9a-f]{32})> <\1>\]>>\nstartxref/);
  });

  it('leaves dates and the author out when there are none, and drops the browser title', () => {
    const text = latin1(stampPdf(printed[0]!, { ...metadata, author: null }));
    expect(text).not.toMatch(/CreationDate|ModDate|\/Author/);
    expect(text).not.toContain('(Chromium)');
  });

  it('refuses a PDF laid out some other way, rather than editing it wrongly', () => {
    expect(() => stampPdf(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n'), metadata)).toThrow(UnexpectedPdfError);
    expect(() => stampPdf(Buffer.from('not a pdf'), metadata)).toThrow(/cannot stamp: it does not end in `startxref`/);
  });
});
