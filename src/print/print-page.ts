import { TimeoutError, type Page } from 'puppeteer-core';
import { RenderFailure } from '../failures.js';
import type { PdfPage } from '../render/render-output.js';
import { addFormLayer } from '../pdf/add-form-layer.js';
import type { MeasuredForm } from '../pdf/measured-form.js';
import { readPageSizes } from '../pdf/read-page-sizes.js';
import { stampPdf } from '../pdf/stamp-pdf.js';
import { measureFormFields } from './measure-form-fields.js';

/** A page as the browser printed it, and where its form's fields are when it is a worksheet. */
export interface PrintedPdf {
  pdf: Uint8Array;
  form: MeasuredForm | null;
}

/** A print that failed, naming the handout it was printing: exit 3. */
export class PrintError extends RenderFailure {}

/**
 * Print `html` in a locked-down tab to an unstamped PDF, failing with the reason when loading or printing takes longer than `timeout` ms;
 * a draft (a print read only for where its parts fall) is untagged and without bookmarks, which take a fifth of a print's time.
 */
// Page size, margins and the footer (page numbers, position) come from the page's own CSS
// `@page` rules, so the HTML handout prints the same from a browser's print dialog.
export async function printPage(page: Page, html: string, timeout: number, draft = false): Promise<PrintedPdf> {
  const limit = `${timeout / 1000} s`;
  await page.setContent(html, { waitUntil: 'load', timeout }).catch(explainTimeout(`the page did not finish loading within ${limit}`));
  const pdf = await page
    .pdf({ preferCSSPageSize: true, printBackground: true, tagged: !draft, outline: !draft, waitForFonts: true, timeout })
    .catch(explainTimeout(`the page did not finish printing within ${limit}`));
  // A worksheet's fields are measured in the same tab, once it has printed and the pages' sizes are known.
  return { pdf, form: draft ? null : await measureFormFields(page, readPageSizes(pdf)) };
}

function explainTimeout(reason: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof TimeoutError ? new Error(reason, { cause: error }) : error;
  };
}

/**
 * Stamp a printed page with its document information, and make a worksheet a form; a PDF the
 * stamper cannot read fails the print, naming it.
 */
export function stampPage(page: PdfPage, printed: PrintedPdf): Uint8Array {
  try {
    const stamped = stampPdf(printed.pdf, { ...page.info, source: page.html }, page.path);
    return printed.form ? addFormLayer(stamped, printed.form) : stamped;
  } catch (error) {
    throw new PrintError(`Cannot stamp ${page.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
