import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, PDFTextField, StandardFonts, type PDFObject } from '@cantoo/pdf-lib';
import { readOriginText, writeOriginText } from '../../src/worksheet/worksheet-origin-text.js';
import type { WorksheetOrigin } from '../../src/worksheet/filled-worksheet.js';
import { fillPdfWorksheet } from './fill-worksheet.js';

/**
 * Write the `worksheet-pdf-<case>` fixtures from a worksheet the tool printed (`blank`): each case's
 * PDF files, in folders made anew under `fixturesDir`. The worksheet is first stripped of its printed
 * page (text, fonts, tags), keeping the form layer as the tool made it, so that each file is a few
 * kilobytes and still a worksheet to every reader of forms.
 */
export async function makeWorksheetPdfFixtures(blank: Uint8Array, fixturesDir: string): Promise<void> {
  const form = await stripPrintedPage(blank);
  const cases: Record<string, Record<string, Uint8Array>> = {
    // A download that stopped half way: the end of the file, with its `%%EOF`, is gone.
    truncated: { 'input.pdf': form.slice(0, form.length >> 1) },
    // Its keys are random: this one file differs each time the fixtures are made.
    encrypted: { 'input.pdf': await encrypt(form) },
    'not-a-worksheet': { 'input.pdf': await makeOtherForm() },
    'position-gone': { 'input.pdf': await changeOrigin(form, (origin) => ({ ...origin, code: 'G9' })) },
    'position-changed': {
      // Rated, as a worksheet that rates nothing is refused before it is assessed.
      'input.pdf': await changeOrigin(await fillPdfWorksheet(form, { fields: {}, axes: { soil: { self: 'meets' } } }), (origin) => ({
        ...origin,
        positionFingerprint: '0123456789abcdef',
      })),
    },
    'unknown-choice': { 'input.pdf': await chooseUnknown(form, 'soil.self', 'great') },
    'conflicting-person': {
      'self.pdf': await fillPdfWorksheet(form, { fields: { name: 'Alex Doe' }, axes: { soil: { self: 'meets' } } }),
      'manager.pdf': await fillPdfWorksheet(form, { fields: { name: 'Robin Poe' }, axes: { soil: { manager: 'above' } } }),
    },
  };
  for (const [name, files] of Object.entries(cases)) {
    const dir = path.join(fixturesDir, `worksheet-pdf-${name}`);
    mkdirSync(dir, { recursive: true });
    // Only the PDFs are made here; the expected messages are the test's to write.
    for (const file of readdirSync(dir)) if (file.endsWith('.pdf')) rmSync(path.join(dir, file));
    for (const [file, bytes] of Object.entries(files)) writeFileSync(path.join(dir, file), bytes);
  }
}

/**
 * The worksheet without what its pages print: no content, fonts or structure tree, only its pages,
 * their widgets and the form (with its origin field), saved whole in compressed object streams.
 */
async function stripPrintedPage(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const page of document.getPages()) {
    page.node.delete(PDFName.of('Contents'));
    page.node.set(PDFName.of('Resources'), document.context.obj({}));
    page.node.delete(PDFName.of('StructParents'));
  }
  for (const key of ['StructTreeRoot', 'MarkInfo', 'Metadata', 'Outlines', 'Names', 'ViewerPreferences'])
    document.catalog.delete(PDFName.of(key));
  dropUnreachable(document);
  return document.save({ useObjectStreams: true, updateFieldAppearances: false });
}

/** Delete every object the trailer no longer leads to: the library writes every object it holds. */
function dropUnreachable(document: PDFDocument): void {
  const { context } = document;
  const reached = new Set<string>();
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      if (reached.has(object.toString())) return;
      reached.add(object.toString());
      visit(context.lookup(object));
    } else if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value);
    else if (object instanceof PDFArray) for (const value of object.asArray()) visit(value);
    else if (object instanceof PDFStream) visit(object.dict);
  };
  visit(context.trailerInfo.Root);
  visit(context.trailerInfo.Info);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref.toString())) context.delete(ref);
}

async function encrypt(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.encrypt({ userPassword: 'secret', ownerPassword: 'secret' });
  return document.save({ updateFieldAppearances: false });
}

/** Someone else's one-page form, with a `name` field as a worksheet has, but no origin. */
async function makeOtherForm(): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const page = document.addPage([595, 842]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText('Allotment booking: name and plot', { x: 50, y: 780, size: 14, font });
  document.getForm().createTextField('name').addToPage(page, { x: 50, y: 740, width: 300, height: 18, font });
  return document.save({ updateFieldAppearances: false });
}

async function changeOrigin(pdf: Uint8Array, change: (origin: WorksheetOrigin) => WorksheetOrigin): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const field = document.getForm().getField('ladders-worksheet');
  if (!(field instanceof PDFTextField)) throw new Error('The worksheet has no origin field');
  const origin = readOriginText(field.getText() ?? '');
  if (!origin) throw new Error('The worksheet has no origin');
  field.setText(writeOriginText(change(origin)));
  return document.save({ useObjectStreams: true, updateFieldAppearances: false });
}

/** A rating set to a value none of its boxes has, as a tool that edits the file by hand may leave. */
async function chooseUnknown(pdf: Uint8Array, field: string, value: string): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.getForm().getRadioGroup(field).acroField.dict.set(PDFName.of('V'), PDFName.of(value));
  return document.save({ useObjectStreams: true, updateFieldAppearances: false });
}
