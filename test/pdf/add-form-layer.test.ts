import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRadioGroup, PDFString, PDFTextField } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { addFormLayer } from '../../src/pdf/add-form-layer.js';
import type { MeasuredForm } from '../../src/pdf/measured-form.js';
import { readPdfLayout } from '../../src/pdf/read-pdf-layout.js';

// The form layer is written by hand as an incremental update: these cases give it PDFs laid out as
// Skia lays out long or linked documents (a nested page tree, pages that already have links, inline
// or in an array of their own), which the shipped worksheets do not all show.

/** A PDF of `bodies` (object 1 onwards), with a classic table and a trailer as Chromium writes them. */
function writePdf(bodies: string[]): Uint8Array {
  let text = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<</Size ${bodies.length + 1}\n/Root 1 0 R\n/Info 2 0 R\n/ID [<00ff> <00ff>]>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

const link = (target: string) => `<</Type /Annot\n/Subtype /Link\n/Rect [10 10 50 20]\n/A <</S /URI /URI (${target})>>>>`;
const page = (parent: number, extra = '') => `<</Type /Page\n/MediaBox [0 0 600 800]\n/Parent ${parent} 0 R${extra}>>`;

// 1 catalog, 2 information, 3 root of the page tree, 4 a node under it, 5–7 pages, 8–9 links, 10 an annotation array.
const printed = writePdf([
  '<</Type /Catalog\n/Pages 3 0 R\n/Lang (en)>>',
  '<</Producer (Skia/PDF m147)>>',
  '<</Type /Pages\n/Kids [4 0 R 7 0 R]\n/Count 3>>',
  '<</Type /Pages\n/Kids [5 0 R 6 0 R]\n/Parent 3 0 R\n/Count 2>>',
  page(4, '\n/Annots [8 0 R]'),
  page(4),
  page(3, '\n/Annots 10 0 R'),
  link('https://example.org/one'),
  link('https://example.org/three'),
  '[9 0 R]',
]);

const form: MeasuredForm = {
  origin: '{"roleId":"scribe","code":"S2"}',
  fields: [
    { name: 'name', choice: null, label: 'Name — 名前', value: null, multiline: false, page: 0, x: 100, y: 700, width: 150, height: 20 },
    ...['below', 'meets'].map((choice, index) => ({
      name: 'craft.self',
      choice,
      label: 'Craft: Self',
      value: null,
      multiline: false,
      page: 1,
      x: 400 + index * 40,
      y: 600,
      width: 10,
      height: 10,
    })),
    {
      name: 'craft.evidence',
      choice: null,
      label: 'Craft: Evidence',
      value: null,
      multiline: true,
      page: 2,
      x: 40,
      y: 300,
      width: 500,
      height: 90,
    },
  ],
};

describe('the hand-written form layer', () => {
  const formed = addFormLayer(printed, form);
  const text = Buffer.from(formed).toString('latin1');

  it('keeps the printed bytes and appends one revision whose table points at each of its objects', () => {
    expect(Buffer.from(formed.subarray(0, printed.byteLength)).equals(Buffer.from(printed))).toBe(true);
    const update = text.slice(printed.byteLength);
    const xrefStart = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(update)![1]);
    // The update's table read as the printed one was: each entry in use names an object that starts at its offset.
    const layout = readPdfLayout(text.slice(0, xrefStart) + text.slice(xrefStart).replace(/\/Prev \d+/, ''));
    expect(layout.objects.size).toBeGreaterThan(10);
    for (const [number, offset] of layout.objects) expect(text.startsWith(`${number} 0 obj`, offset), `object ${number}`).toBe(true);
    expect(update).toMatch(new RegExp(`/Prev ${readPdfLayout(Buffer.from(printed).toString('latin1')).xrefStart}>>`));
    expect(update).toContain('/Info 2 0 R');
    expect(update).toContain('/ID [<00ff> <00ff>]');
  });

  it('gives the same bytes for the same PDF and form', () => {
    expect(Buffer.from(addFormLayer(printed, form)).equals(Buffer.from(formed))).toBe(true);
  });

  it('adds each widget to its page in a nested page tree, after the links the page had', async () => {
    const document = await PDFDocument.load(formed, { updateMetadata: false });
    const annotations = document.getPages().map((page) => {
      const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
      return annots.asArray().map((ref) => {
        const annotation = document.context.lookup(ref, PDFDict);
        return annotation.get(PDFName.of('Subtype'))!.toString();
      });
    });
    // Page 1: its link, then the name field's widget and the origin's; page 2: the two boxes; page 3: its link, then the evidence.
    expect(annotations).toEqual([
      ['/Link', '/Widget', '/Widget'],
      ['/Widget', '/Widget'],
      ['/Link', '/Widget'],
    ]);
  });

  it('makes the fields a PDF library reads: kinds, names, labels, choices and the origin', async () => {
    const document = await PDFDocument.load(formed, { updateMetadata: false });
    const fields = document.getForm().getFields();
    expect(fields.map((field) => [field.getName(), field.constructor.name])).toEqual([
      ['name', PDFTextField.name],
      ['craft.self', PDFRadioGroup.name],
      ['craft.evidence', PDFTextField.name],
      ['ladders-worksheet', PDFTextField.name],
    ]);
    const form = document.getForm();
    expect(form.getRadioGroup('craft.self').getOptions()).toEqual(['below', 'meets']);
    expect(form.getTextField('craft.evidence').isMultiline()).toBe(true);
    expect(form.getTextField('name').isMultiline()).toBe(false);
    expect(form.getTextField('ladders-worksheet').getText()).toBe('{"roleId":"scribe","code":"S2"}');
    expect(form.getTextField('ladders-worksheet').isReadOnly()).toBe(true);
    expect(form.getTextField('name').acroField.dict.lookup(PDFName.of('TU'), PDFHexString).decodeText()).toBe('Name — 名前');
  });

  it('names the font its fields set typed text in among the form’s own resources, not embedded', async () => {
    const document = await PDFDocument.load(formed, { updateMetadata: false });
    const acroForm = document.getForm().acroForm.dict;
    const fontName = /\/(\w+) [\d.]+ Tf/.exec(acroForm.lookup(PDFName.of('DA'), PDFString).asString())![1]!;
    const fonts = acroForm.lookup(PDFName.of('DR'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
    const font = fonts.lookup(PDFName.of(fontName), PDFDict);
    expect(font.get(PDFName.of('BaseFont'))?.toString()).toBe('/Helvetica');
    expect(font.has(PDFName.of('FontDescriptor'))).toBe(false);
    for (const field of document
      .getForm()
      .getFields()
      .filter((field) => field instanceof PDFTextField))
      expect(field.acroField.dict.lookup(PDFName.of('DA'), PDFString).asString()).toContain(`/${fontName} `);
  });

  it('keeps a value the page prints as a hidden, read-only field, drawn nowhere', async () => {
    const named = { ...form, fields: form.fields.map((field) => (field.name === 'name' ? { ...field, value: 'Zoë Ōtani' } : field)) };
    const document = await PDFDocument.load(addFormLayer(printed, named), { updateMetadata: false });
    const name = document.getForm().getTextField('name');
    expect(name.getText()).toBe('Zoë Ōtani');
    expect(name.isReadOnly()).toBe(true);
    const [widget] = name.acroField.getWidgets();
    expect(widget!.dict.has(PDFName.of('AP'))).toBe(false);
    // Hidden (2) and printed (4): no viewer draws it over the printed name, and none is asked to draw it.
    expect(widget!.dict.get(PDFName.of('F'))?.toString()).toBe('6');
    expect(document.getForm().acroForm.dict.has(PDFName.of('NeedAppearances'))).toBe(false);
  });

  it('refuses a PDF whose catalog already has a form, rather than hiding it', () => {
    const withForm = writePdf([
      '<</Type /Catalog\n/Pages 3 0 R\n/AcroForm <</Fields []>>>>',
      '<<>>',
      '<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>',
      page(3),
    ]);
    expect(() => addFormLayer(withForm, form)).toThrow(/already has a form/);
  });
});
