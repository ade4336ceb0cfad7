import type { Page } from 'puppeteer-core';
import type { MeasuredField, MeasuredForm } from '../pdf/measured-form.js';
import type { PageSize } from '../pdf/read-page-sizes.js';

/**
 * Measure a printed worksheet's fields (the elements marked `data-field`) in the tab that printed it,
 * for a form layer over the PDF; null when the page is no worksheet (no `ladders-worksheet` meta).
 * The page is laid out for print at the width between the `@page` margins, and each `.sheet` is one
 * printed page, so a field's place on its sheet is its place on that page. `pages` are the printed
 * pages' sizes; a page that broke across more pages than it has sheets cannot be measured: null.
 */
export async function measureFormFields(page: Page, pages: readonly PageSize[]): Promise<MeasuredForm | null> {
  if (pages.length === 0) return null;
  // The tab lays its pages out for print (see openLockedPage), as the fields are printed.
  const measured = await page.evaluate(measureInPage, pages[0]!.width / 0.75);
  if (!measured) return null;
  const { sheets, ...form } = measured;
  // A sheet whose text ran over a page (a very long description) moved the fields of every sheet after it:
  // such a worksheet prints without its form layer, to be filled on paper, rather than with fields misplaced.
  if (sheets !== pages.length) return null;
  // Points from the lower left corner, as PDF counts them.
  for (const field of form.fields) field.y = pages[field.page]!.height - field.y - field.height;
  return form;
}

// Runs in the page: it may use nothing from this module's scope.
function measureInPage(pageWidth: number): (MeasuredForm & { sheets: number }) | null {
  const meta = document.querySelector('meta[name="ladders-worksheet"]');
  if (!meta) return null;
  const origin = meta.getAttribute('content') ?? '';
  // The margins of the page's `@page` rules, in CSS pixels: the last rule that sets one wins, as in print.
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.cssText = 'position:absolute;visibility:hidden;height:0';
  const margins = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const sheet of Array.from(document.styleSheets))
    for (const rule of Array.from(sheet.cssRules))
      if (rule instanceof CSSPageRule && rule.selectorText === '')
        for (const side of ['top', 'right', 'bottom', 'left'] as const) {
          const value = rule.style.getPropertyValue(`margin-${side}`);
          if (!value) continue;
          probe.style.width = value;
          margins[side] = probe.getBoundingClientRect().width;
        }
  probe.remove();
  const root = document.documentElement;
  root.style.width = `${pageWidth - margins.left - margins.right}px`;
  const rootLeft = root.getBoundingClientRect().left;
  const sheets = Array.from(document.querySelectorAll('.sheet'));
  const fields: MeasuredField[] = [];
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-field]'))) {
    const sheet = element.closest('.sheet');
    if (!sheet) throw new Error(`The field ${element.dataset.field} is on no .sheet, so its page is unknown`);
    const box = element.getBoundingClientRect();
    const top = box.top - sheet.getBoundingClientRect().top;
    fields.push({
      name: element.dataset.field ?? '',
      choice: element.dataset.choice ?? null,
      label: element.dataset.label ?? '',
      value: element.dataset.value ?? null,
      multiline: element.dataset.lines !== undefined,
      page: sheets.indexOf(sheet),
      // Points from the left edge, and from the top edge for now: the caller turns it upside down.
      x: (margins.left + box.left - rootLeft) * 0.75,
      y: (margins.top + top) * 0.75,
      width: box.width * 0.75,
      height: box.height * 0.75,
    });
  }
  root.style.width = '';
  return { origin, fields, sheets: sheets.length };
}
