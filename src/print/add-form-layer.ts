import {
  AnnotationFlags,
  closePath,
  fill,
  lineTo,
  moveTo,
  ParseSpeeds,
  PDFDocument,
  PDFHexString,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  PDFDict,
  PDFRef,
  PDFWidgetAnnotation,
  type PDFField,
  type PDFPage,
  type PDFOperator,
  type PDFRadioGroup,
} from '@cantoo/pdf-lib';
import type { MeasuredForm } from './measure-form-fields.js';

/** Where a widget sits on its page, in points from the lower left corner. */
interface Place {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The hidden field that carries a worksheet's origin; its name is the reader's too. */
const originField = 'ladders-worksheet';

/**
 * Make a printed worksheet a form: a radio group for each rating, a text field for each line or
 * block of lines, placed where `form` measured them, and a hidden, read-only field with its origin.
 * It is appended to the PDF as an incremental update, so the printed bytes (and their tagging) stay
 * as they are; the widgets have no border or background, and a box left empty draws nothing, so the
 * blank form prints as the page did. The same PDF and form give the same bytes.
 */
export async function addFormLayer(pdf: Uint8Array, form: MeasuredForm): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
  const snapshot = document.takeSnapshot();
  const pages = document.getPages();
  const acroForm = document.getForm();
  const groups = new Map<string, PDFRadioGroup>();
  const named: PDFField[] = [];
  const marks = markAppearances(document);
  for (const field of form.fields) {
    const page = pages[field.page];
    if (!page) throw new Error(`The field ${field.name} is on page ${field.page + 1} of ${pages.length}`);
    const place = { x: field.x, y: field.y, width: field.width, height: field.height, borderWidth: 0 };
    if (field.choice !== null) {
      let group = groups.get(field.name);
      if (!group) {
        group = acroForm.createRadioGroup(field.name);
        // Clicking the chosen box again leaves the rating empty, as a pen's mark cannot be undone but a click can.
        group.enableOffToggling();
        groups.set(field.name, group);
        named.push(group);
        describe(group, field.label);
      }
      addBox(document, group, field.choice, page, { x: field.x, y: field.y, width: field.width, height: field.height }, marks);
    } else {
      const text = acroForm.createTextField(field.name);
      if (field.multiline) text.enableMultiline();
      text.disableRichFormatting();
      text.addToPage(page, place);
      text.setFontSize(10);
      named.push(text);
      describe(text, field.label);
    }
  }
  const origin = acroForm.createTextField(originField);
  origin.setText(form.origin);
  origin.enableReadOnly();
  origin.addToPage(pages[0]!, { x: 0, y: 0, width: 0, height: 0, borderWidth: 0, hidden: true });
  named.push(origin);
  // No border or background: the page's own boxes and lines show through, on screen and on paper.
  for (const field of named)
    for (const widget of field.acroField.getWidgets()) {
      clearColours(widget);
      if (!groups.has(field.getName())) dropAppearances(document, widget);
    }
  acroForm.updateFieldAppearances();
  // The origin is hidden and never shown: drawn, its text would be set in a font the package does not ship.
  for (const widget of origin.acroField.getWidgets()) dropAppearances(document, widget);
  // The objects changed in place: the catalog now names the form, and each page its widgets.
  const root = document.context.trailerInfo.Root;
  if (root instanceof PDFRef) snapshot.markRefForSave(root);
  for (const page of pages) snapshot.markRefForSave(page.ref);
  const update = await document.saveIncremental(snapshot, { useObjectStreams: false });
  const joined = new Uint8Array(pdf.byteLength + update.byteLength);
  joined.set(pdf);
  joined.set(update, pdf.byteLength);
  return joined;
}

/**
 * Add a box for `choice` to a radio group, as `addOptionToPage` does, with the shared tick for its
 * appearance: the library would draw its own round button in four appearances first (an ellipse turned
 * from an SVG path into operators, for each box), which was most of a worksheet's form layer.
 */
function addBox(document: PDFDocument, group: PDFRadioGroup, choice: string, page: PDFPage, place: Place, marks: Marks): void {
  const { widget, ref } = addWidget(document, group, page, place);
  const onValue = group.acroField.addWidgetWithOpt(ref, PDFHexString.fromText(choice), !group.isMutuallyExclusive());
  const { on, off } = marks(place.width, place.height);
  const normal = document.context.obj({});
  normal.set(onValue, on);
  normal.set(PDFName.of('Off'), off);
  widget.dict.set(PDFName.of('AP'), document.context.obj({ N: normal }));
  widget.setAppearanceState(PDFName.of('Off'));
}

/** Add a widget for `field` on `page`, printed, without border, background or appearance. */
function addWidget(document: PDFDocument, field: PDFField, page: PDFPage, place: Place) {
  const widget = PDFWidgetAnnotation.create(document.context, field.ref);
  widget.setRectangle(place);
  widget.setP(page.ref);
  widget.getOrCreateBorderStyle().setWidth(0);
  widget.setFlagTo(AnnotationFlags.Print, true);
  const ref = document.context.register(widget.dict);
  page.node.addAnnot(ref);
  return { widget, ref };
}

/** The field's name for screen readers and tooltips (`/TU`). */
function describe(field: PDFField, label: string): void {
  if (label) field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(label));
}

/** Drop the appearance streams the library drew for a widget, so that they are not written in the update. */
function dropAppearances(document: PDFDocument, widget: PDFWidgetAnnotation): void {
  const appearances = widget.dict.lookupMaybe(PDFName.of('AP'), PDFDict);
  for (const kind of ['N', 'D', 'R']) {
    const entry = appearances?.get(PDFName.of(kind));
    if (entry instanceof PDFRef) document.context.delete(entry);
    else if (entry instanceof PDFDict) for (const [, ref] of entry.entries()) if (ref instanceof PDFRef) document.context.delete(ref);
  }
  widget.dict.delete(PDFName.of('AP'));
}

function clearColours(widget: PDFWidgetAnnotation): void {
  const characteristics = widget.getAppearanceCharacteristics();
  characteristics?.dict.delete(PDFName.of('BG'));
  characteristics?.dict.delete(PDFName.of('BC'));
}

/** The appearances of a box of a given size: chosen (a tick) and not (nothing), made once for each size. */
type Marks = (width: number, height: number) => { on: PDFRef; off: PDFRef };

/**
 * One pair of appearances shared by all boxes of a size, in place of four streams a box (on and off,
 * normal and pressed): a worksheet's forty boxes then add two small streams, not a hundred kilobytes.
 * A chosen box shows a tick in the page's ink colour; a box left empty draws nothing over the printed one.
 */
function markAppearances(document: PDFDocument): Marks {
  const { context } = document;
  const shared = new Map<string, { on: PDFRef; off: PDFRef }>();
  return (width, height) => {
    const key = `${width} ${height}`;
    const known = shared.get(key);
    if (known) return known;
    const stream = (operators: PDFOperator[]) =>
      context.register(
        context.formXObject(operators, { BBox: context.obj([0, 0, width, height]), Matrix: context.obj([1, 0, 0, 1, 0, 0]) }),
      );
    const made = { on: stream(tick(width, height)), off: stream([]) };
    shared.set(key, made);
    return made;
  };
}

/** A tick filling most of a `width` × `height` box. */
function tick(width: number, height: number): PDFOperator[] {
  const point = (x: number, y: number) => [x * width, y * height] as const;
  return [
    pushGraphicsState(),
    setFillingRgbColor(0.067, 0.094, 0.153),
    moveTo(...point(0.18, 0.52)),
    lineTo(...point(0.4, 0.22)),
    lineTo(...point(0.84, 0.8)),
    lineTo(...point(0.74, 0.88)),
    lineTo(...point(0.4, 0.42)),
    lineTo(...point(0.27, 0.6)),
    closePath(),
    fill(),
    popGraphicsState(),
  ];
}
