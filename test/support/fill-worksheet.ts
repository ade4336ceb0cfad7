import { PDFDocument } from '@cantoo/pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { ratings, type FilledWorksheet, type Rating } from '../../src/worksheet/filled-worksheet.js';

/** What a reviewer fills in: the page's text fields, each axis's answers and, when given, the overall rating. */
export type WorksheetAnswers = Pick<FilledWorksheet, 'fields' | 'axes'> & Partial<Pick<FilledWorksheet, 'overall'>>;

/** The overall rating's fields, named as the axes' are: `<field>` ticked with a choice, as `<axis>.self` is. */
const overallFields = { self: 'overall-self', manager: 'overall-manager' } as const;

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
  const tick = (name: string, choice: Rating | undefined) => {
    if (choice === undefined) return;
    const box = `[ ] `;
    const comment = `<!-- ${name}=${choice} -->`;
    const at = filled.indexOf(comment);
    const lineStart = filled.lastIndexOf('\n', at) + 1;
    const boxAt = filled.indexOf(box, lineStart);
    if (at === -1 || boxAt === -1 || boxAt > at) throw new Error(`The worksheet has no box ${name}=${choice}`);
    filled = `${filled.slice(0, boxAt)}[x] ${filled.slice(boxAt + box.length)}`;
  };
  for (const [name, value] of Object.entries(answers.fields)) type(name, value);
  tick(overallFields.self, answers.overall?.self);
  tick(overallFields.manager, answers.overall?.manager);
  for (const [axis, { self, manager, evidence }] of Object.entries(answers.axes)) {
    tick(`${axis}.self`, self);
    tick(`${axis}.manager`, manager);
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
  for (const part of ['self', 'manager'] as const) {
    const choice = answers.overall?.[part];
    if (choice !== undefined) form.getRadioGroup(overallFields[part]).select(choice);
  }
  for (const [axis, { self, manager, evidence }] of Object.entries(answers.axes)) {
    if (self !== undefined) form.getRadioGroup(`${axis}.self`).select(self);
    if (manager !== undefined) form.getRadioGroup(`${axis}.manager`).select(manager);
    if (evidence !== undefined) form.getTextField(`${axis}.evidence`).setText(evidence);
  }
  return document.save({ updateFieldAppearances: false });
}

/**
 * Fill a PDF worksheet through pdf.js's form API, as its viewer does when a person clicks and types
 * (`annotationStorage`), and save it as the viewer's download does (`saveDocument`).
 */
export async function fillPdfWorksheetWithPdfJs(pdf: Uint8Array, answers: WorksheetAnswers): Promise<Uint8Array> {
  supplyPdfJsSaveNeeds();
  // Without its warnings: it cannot draw a field's look here (no canvas in Node), which reading needs not.
  const document = (await getDocumentProxy(pdf.slice(), { verbosity: 0 })) as unknown as PdfJsForm;
  const objects = await document.getFieldObjects();
  const widgets = (name: string) => (objects[name] ?? []).filter((object) => object.type !== '');
  const type = (name: string, value: string) => document.annotationStorage.setValue(widgets(name)[0]!.id, { value });
  const click = (name: string, choice: Rating) => {
    // pdf.js names a radio button by its state; the worksheet's states are the choices' places in `/Opt`.
    const button = widgets(name).find((widget) => widget.exportValues === String(ratings.indexOf(choice)));
    if (!button) throw new Error(`The worksheet has no box ${name}=${choice}`);
    document.annotationStorage.setValue(button.id, { value: true });
  };
  for (const [name, value] of Object.entries(answers.fields)) if (value !== undefined) type(name, value);
  for (const part of ['self', 'manager'] as const) {
    const choice = answers.overall?.[part];
    if (choice) click(overallFields[part], choice);
  }
  for (const [axis, { self, manager, evidence }] of Object.entries(answers.axes)) {
    if (self) click(`${axis}.self`, self);
    if (manager) click(`${axis}.manager`, manager);
    if (evidence !== undefined) type(`${axis}.evidence`, evidence);
  }
  const saved = await document.saveDocument();
  await document.destroy();
  return saved;
}

/** The part of pdf.js's document a viewer fills forms through (unpdf's types arrive as `any`). */
interface PdfJsForm {
  getFieldObjects(): Promise<Record<string, { id: string; type: string; exportValues?: string }[]>>;
  annotationStorage: { setValue(id: string, value: { value: string | boolean }): void };
  saveDocument(): Promise<Uint8Array>;
  destroy(): Promise<void>;
}

/**
 * pdf.js 5 saves a document with an iterator helper (`map.values().some(…)`) and
 * `ArrayBuffer.prototype.transferToFixedLength`, which Node 20 lacks (Node 22 has both): supplied
 * here for the tests that save through it, where missing.
 */
function supplyPdfJsSaveNeeds(): void {
  const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as { some?: unknown };
  iteratorPrototype.some ??= function some(this: Iterable<unknown>, test: (value: unknown) => boolean): boolean {
    for (const value of this) if (test(value)) return true;
    return false;
  };
  const bufferPrototype = ArrayBuffer.prototype as { transferToFixedLength?: unknown };
  bufferPrototype.transferToFixedLength ??= function transferToFixedLength(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
    return copy;
  };
}
