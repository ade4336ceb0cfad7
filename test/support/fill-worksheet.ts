import { PDFDocument } from '@cantoo/pdf-lib';
import type { FilledWorksheet } from '../../src/worksheet/filled-worksheet.js';

/** What a reviewer fills in: the page's text fields and each axis's answers. */
export type WorksheetAnswers = Pick<FilledWorksheet, 'fields' | 'axes'>;

/**
 * Fill a Markdown worksheet the way a person does in an editor: tick one box of each rating, type
 * each text between its field's comments (multi-line fields on lines of their own).
 */
export function fillMarkdownWorksheet(markdown: string, answers: WorksheetAnswers): string {
  let filled = markdown;
  const type = (name: string, value: string | undefined) => {
    if (value === undefined) return;
    const open = `<!-- ${name} -->`;
    const close = `<!-- /${name} -->`;
    const start = filled.indexOf(open);
    const end = filled.indexOf(close, start);
    if (start === -1 || end === -1) throw new Error(`The worksheet has no field ${name}`);
    if (value.includes(close)) throw new Error(`A value of ${name} cannot hold its own closing comment`);
    const between = filled.slice(start + open.length, end);
    const text = between.includes('\n') ? `\n\n${value}\n\n` : value;
    filled = filled.slice(0, start + open.length) + text + filled.slice(end);
  };
  for (const [name, value] of Object.entries(answers.fields)) type(name, value);
  for (const [axis, { self, manager, evidence }] of Object.entries(answers.axes)) {
    for (const [part, choice] of [
      ['self', self],
      ['manager', manager],
    ] as const) {
      if (choice === undefined) continue;
      const box = `[ ] `;
      const comment = `<!-- ${axis}.${part}=${choice} -->`;
      const at = filled.indexOf(comment);
      const lineStart = filled.lastIndexOf('\n', at) + 1;
      const boxAt = filled.indexOf(box, lineStart);
      if (at === -1 || boxAt === -1 || boxAt > at) throw new Error(`The worksheet has no box ${axis}.${part}=${choice}`);
      filled = `${filled.slice(0, boxAt)}[x] ${filled.slice(boxAt + box.length)}`;
    }
    type(`${axis}.evidence`, evidence);
  }
  return filled;
}

/**
 * Fill a PDF worksheet the way a viewer built on a PDF library does: select each rating's radio
 * button, set each text, and save the whole file again. The appearances are left to the viewer that
 * opens it (`NeedAppearances`), as the standard fonts cannot draw every script.
 */
export async function fillPdfWorksheet(pdf: Uint8Array, answers: WorksheetAnswers): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const form = document.getForm();
  for (const [name, value] of Object.entries(answers.fields)) if (value !== undefined) form.getTextField(name).setText(value);
  for (const [axis, { self, manager, evidence }] of Object.entries(answers.axes)) {
    if (self !== undefined) form.getRadioGroup(`${axis}.self`).select(self);
    if (manager !== undefined) form.getRadioGroup(`${axis}.manager`).select(manager);
    if (evidence !== undefined) form.getTextField(`${axis}.evidence`).setText(evidence);
  }
  return document.save({ updateFieldAppearances: false });
}
