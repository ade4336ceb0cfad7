import { listPdfPages } from './list-pdf-pages.js';
import type { MeasuredField, MeasuredForm } from './measured-form.js';
import { toPdfTextString } from './pdf-text-string.js';
import { readPdfLayout, UnexpectedPdfError, type PdfLayout } from './read-pdf-layout.js';
import { readPdfObject } from './read-pdf-object.js';
import { writePdfUpdate } from './write-pdf-update.js';

/** The hidden field that carries a worksheet's origin; its name is the reader's too. */
const originField = 'ladders-worksheet';

/** Field flags (`/Ff`): read-only, multi-line text, radio button (PDF 32000-1, 12.7.3.1, 12.7.4.2, 12.7.4.3). */
const readOnly = 1 << 0;
const multiline = 1 << 12;
const radio = 1 << 15;

/** Annotation flags (`/F`): hidden, printed. */
const hidden = 1 << 1;
const printed = 1 << 2;

/**
 * How typed text is set. Helvetica is no font the package ships, and none is embedded for it: a viewer
 * draws what a person types with a font of its own, the one way every script can be typed; the form as
 * printed draws no text of its own, so nothing in the PDF is set in it.
 */
const textAppearance = '(0 0 0 rg /Helvetica 10 Tf)';

/**
 * The font `textAppearance` names, for the form's default resources (`/DR`), where the standard says a
 * field's font is looked up (PDF 32000-1, 12.7.3.3): one of the standard 14, so nothing is embedded.
 */
const textFont = '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>';

/**
 * Make a printed worksheet a form: a radio group for each rating, a text field for each line or
 * block of lines, placed where `form` measured them, and a hidden, read-only field with its origin.
 * It is written by hand as an incremental update appended to the stamped PDF (new field, widget and
 * appearance objects, the catalog naming the form, each page naming its widgets), so the printed
 * bytes and their tagging stay as they are, in a few milliseconds where loading and saving the whole
 * file with a PDF library took a hundred or more. The widgets have no border or background, and an
 * empty field draws nothing, so the blank form prints as the page did. The same PDF and form give
 * the same bytes.
 */
export function addFormLayer(pdf: Uint8Array, form: MeasuredForm): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const layout = readPdfLayout(text);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(layout.trailer)?.[1]);
  if (!Number.isInteger(root)) throw new UnexpectedPdfError('its trailer names no catalog');
  const catalog = readPdfObject(text, layout, root);
  if (/\/AcroForm\b/.test(catalog)) throw new UnexpectedPdfError('its catalog already has a form');
  const pages = listPdfPages(text, layout, root);
  const objects = new Map<number, string>();
  let next = Number(/\/Size\s+(\d+)/.exec(layout.trailer)?.[1]);
  if (!Number.isInteger(next)) throw new UnexpectedPdfError('its trailer has no `/Size`');
  const allocate = () => next++;

  const nodes = new Map<string, FieldNode>();
  const topLevel: FieldNode[] = [];
  const annotations = pages.map((): number[] => []);
  const blank = allocate();
  objects.set(blank, formXObject(1, 1, ''));
  const ticks = new Map<string, number>();
  const tickFor = (width: number, height: number) => {
    const key = `${formatNumber(width)} ${formatNumber(height)}`;
    let tick = ticks.get(key);
    if (tick === undefined) {
      tick = allocate();
      objects.set(tick, formXObject(width, height, drawTick(width, height)));
      ticks.set(key, tick);
    }
    return tick;
  };

  /** The field called `name`, made with its parents the first time it is asked for. */
  const nodeFor = (name: string): FieldNode => {
    const known = nodes.get(name);
    if (known) return known;
    const dot = name.lastIndexOf('.');
    const parent = dot === -1 ? null : nodeFor(name.slice(0, dot));
    const node: FieldNode = { number: allocate(), partial: name.slice(dot + 1), parent, entries: [], kids: [], options: [] };
    nodes.set(name, node);
    if (parent) parent.kids.push(node.number);
    else topLevel.push(node);
    return node;
  };

  const addWidget = (field: FieldNode, page: number, place: string, entries: string[]) => {
    const widget = allocate();
    const pageNumber = pages[page];
    if (pageNumber === undefined) throw new Error(`The field ${field.partial} is on page ${page + 1} of ${pages.length}`);
    objects.set(
      widget,
      dictionary([
        '/Type /Annot',
        '/Subtype /Widget',
        `/Rect ${place}`,
        `/Parent ${field.number} 0 R`,
        `/P ${pageNumber} 0 R`,
        // No border and, with no `/MK`, no background: the page's own boxes and lines show through.
        '/BS <</W 0>>',
        ...entries,
      ]),
    );
    field.kids.push(widget);
    annotations[page]!.push(widget);
  };

  for (const field of form.fields) {
    const node = nodeFor(field.name);
    if (field.choice !== null) {
      if (node.entries.length === 0)
        // Off-toggling stays allowed (no `NoToggleToOff`): clicking the chosen box again leaves the
        // rating empty, as a pen's mark cannot be undone but a click can.
        node.entries.push('/FT /Btn', `/Ff ${radio}`, ...describe(field));
      // A box's on state is its choice's place in `/Opt`, as PDF libraries write a radio group
      // whose choices are text: pdf.js then reports the place as the box's export value.
      let state = node.options.indexOf(field.choice);
      if (state === -1) state = node.options.push(field.choice) - 1;
      addWidget(node, field.page, rectangle(field), [
        `/F ${printed}`,
        `/AP <</N <</${state} ${tickFor(field.width, field.height)} 0 R /Off ${blank} 0 R>>>>`,
        '/AS /Off',
      ]);
    } else if (field.value === null) {
      if (node.entries.length === 0)
        node.entries.push('/FT /Tx', `/Ff ${field.multiline ? multiline : 0}`, `/DA ${textAppearance}`, ...describe(field));
      addWidget(node, field.page, rectangle(field), [`/F ${printed}`, `/AP <</N ${blank} 0 R>>`]);
    } else {
      // A field the page already prints (the name on a copy prepared for someone) is carried as a
      // hidden, read-only value, for `assess` to read back: shown, a viewer would draw the text again
      // over the printed one, in a font of its own that may lack the name's letters.
      node.entries.push('/FT /Tx', `/Ff ${readOnly}`, `/V ${toPdfTextString(field.value)}`, `/DA ${textAppearance}`, ...describe(field));
      addWidget(node, field.page, rectangle(field), [`/F ${hidden | printed}`]);
    }
  }
  // The origin is hidden and never drawn, so it has no appearance at all: drawn, its text would be
  // set in a font the package does not ship.
  const origin = nodeFor(originField);
  origin.entries.push('/FT /Tx', `/Ff ${readOnly}`, `/V ${toPdfTextString(form.origin)}`, `/DA ${textAppearance}`);
  addWidget(origin, 0, '[0 0 0 0]', [`/F ${hidden | printed}`]);

  for (const node of nodes.values()) {
    const entries = [`/T ${toPdfTextString(node.partial)}`, ...node.entries];
    if (node.parent) entries.push(`/Parent ${node.parent.number} 0 R`);
    if (node.options.length > 0) entries.push(`/Opt [${node.options.map(toPdfTextString).join(' ')}]`);
    entries.push(`/Kids [${references(node.kids)}]`);
    objects.set(node.number, dictionary(entries));
  }
  const font = allocate();
  objects.set(font, textFont);
  const acroForm = allocate();
  objects.set(
    acroForm,
    dictionary([
      `/Fields [${references(topLevel.map((node) => node.number))}]`,
      `/DR <</Font <</Helvetica ${font} 0 R>>>>`,
      `/DA ${textAppearance}`,
    ]),
  );
  objects.set(root, appendEntry(catalog, `/AcroForm ${acroForm} 0 R`));
  pages.forEach((page, index) => {
    if (annotations[index]!.length > 0) addAnnotations(text, layout, page, annotations[index]!, objects);
  });
  const update = writePdfUpdate(pdf.byteLength, layout, objects);
  const joined = new Uint8Array(pdf.byteLength + update.length);
  joined.set(pdf);
  joined.set(Buffer.from(update, 'latin1'), pdf.byteLength);
  return joined;
}

/** A field of the form's tree: `technology` is the parent of `technology.self`, whose partial name is `self`. */
interface FieldNode {
  number: number;
  partial: string;
  parent: FieldNode | null;
  /** The field's own entries: its type, flags and label. */
  entries: string[];
  /** Its child fields' or its widgets' object numbers. */
  kids: number[];
  /** A radio group's choices, in the order of their boxes. */
  options: string[];
}

/** The field's name for screen readers and tooltips (`/TU`). */
function describe(field: MeasuredField): string[] {
  return field.label ? [`/TU ${toPdfTextString(field.label)}`] : [];
}

/**
 * Name the widgets `added` among page `page`'s annotations: a new version of the page, or of the
 * annotation array it refers to, with them after the ones it has (Chromium writes its links there).
 */
function addAnnotations(text: string, layout: PdfLayout, page: number, added: number[], objects: Map<number, string>): void {
  const body = readPdfObject(text, layout, page);
  const indirect = /\/Annots\s+(\d+)\s+0\s+R/.exec(body);
  if (indirect) {
    const number = Number(indirect[1]);
    objects.set(number, appendToArray(readPdfObject(text, layout, number), added));
    return;
  }
  const inline = /\/Annots\s*\[/.exec(body);
  if (inline) {
    const end = body.indexOf(']', inline.index);
    objects.set(page, `${body.slice(0, end)} ${references(added)}${body.slice(end)}`);
  } else objects.set(page, appendEntry(body, `/Annots [${references(added)}]`));
}

/** A dictionary's source with one more entry, before its closing `>>`. */
function appendEntry(dictionary: string, entry: string): string {
  if (!dictionary.startsWith('<<') || !dictionary.endsWith('>>'))
    throw new UnexpectedPdfError('an object expected to be a dictionary is not one');
  return `${dictionary.slice(0, -2)}\n${entry}>>`;
}

function appendToArray(array: string, added: number[]): string {
  if (!array.startsWith('[') || !array.endsWith(']')) throw new UnexpectedPdfError("a page's `/Annots` is not an array");
  return `${array.slice(0, -1)} ${references(added)}]`;
}

function dictionary(entries: string[]): string {
  return `<<${entries.join('\n')}>>`;
}

function references(numbers: number[]): string {
  return numbers.map((number) => `${number} 0 R`).join(' ');
}

function rectangle({ x, y, width, height }: MeasuredField): string {
  return `[${[x, y, x + width, y + height].map(formatNumber).join(' ')}]`;
}

/** A form XObject of `width` × `height` points drawing `content`, uncompressed: a few bytes, the same on every zlib. */
function formXObject(width: number, height: number, content: string): string {
  return `<</Type /XObject\n/Subtype /Form\n/BBox [0 0 ${formatNumber(width)} ${formatNumber(height)}]\n/Length ${content.length}>>\nstream\n${content}\nendstream`;
}

/**
 * A chosen box's appearance: a tick in the page's ink colour filling most of a `width` × `height` box,
 * one stream shared by all boxes of that size.
 */
function drawTick(width: number, height: number): string {
  const corners = [
    [0.18, 0.52],
    [0.4, 0.22],
    [0.84, 0.8],
    [0.74, 0.88],
    [0.4, 0.42],
    [0.27, 0.6],
  ].map(([x, y], index) => `${formatNumber(x! * width)} ${formatNumber(y! * height)} ${index === 0 ? 'm' : 'l'}`);
  return ['q', '0.067 0.094 0.153 rg', ...corners, 'h', 'f', 'Q'].join('\n');
}

/** A number as PDF writes one: no exponent, at most four decimals (a ten-thousandth of a point). */
function formatNumber(value: number): string {
  const rounded = Number(value.toFixed(4));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
