import { TimeoutError, type Page } from 'puppeteer-core';
import { RenderFailure } from '../failures.js';
import type { PdfPage } from '../render/render-output.js';
import { stampPdf } from './stamp-pdf.js';

/** A print that failed, naming the handout it was printing: exit 3. */
export class PrintError extends RenderFailure {}

/**
 * Print `html` in a locked-down tab to an unstamped PDF, failing with the reason when loading or printing takes longer than `timeout` ms;
 * a draft (a print read only for where its parts fall) is untagged and without bookmarks, which take a fifth of a print's time.
 */
// Page size, margins and the footer (page numbers, position) come from the page's own CSS
// `@page` rules, so the HTML handout prints the same from a browser's print dialog.
export async function printPage(page: Page, html: string, timeout: number, draft = false): Promise<Uint8Array> {
  const limit = `${timeout / 1000} s`;
  await page.setContent(html, { waitUntil: 'load', timeout }).catch(explainTimeout(`the page did not finish loading within ${limit}`));
  return page
    .pdf({ preferCSSPageSize: true, printBackground: true, tagged: !draft, outline: !draft, waitForFonts: true, timeout })
    .catch(explainTimeout(`the page did not finish printing within ${limit}`));
}

function explainTimeout(reason: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof TimeoutError ? new Error(reason, { cause: error }) : error;
  };
}

/** Stamp a printed page with its document information; a PDF the stamper cannot read fails the print, naming it. */
export function stampPage(page: PdfPage, pdf: Uint8Array): Uint8Array {
  try {
    return stampPdf(pdf, { ...page.info, source: page.html }, page.path);
  } catch (error) {
    throw new PrintError(`Cannot stamp ${page.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
