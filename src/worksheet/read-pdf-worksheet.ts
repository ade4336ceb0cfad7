import { ParseSpeeds, PDFDocument, PDFRadioGroup, PDFTextField, type PDFField } from '@cantoo/pdf-lib';
import { VFile } from 'vfile';
import type { SourcePlace } from '../model.js';
import { quote, quoteChoices, report } from '../messages.js';
import { ratings, type AxisAnswers, type FilledWorksheet, type Rating } from './filled-worksheet.js';
import { WorksheetError } from './worksheet-error.js';
import { parseFieldName } from './worksheet-fields.js';
import { originTag, readOriginText } from './worksheet-origin-text.js';

/** The largest PDF read as a worksheet: a filled worksheet is well under a megabyte, even with a viewer's fonts embedded. */
export const maxWorksheetPdfBytes = 20 * 1024 * 1024;

/**
 * Read a PDF worksheet filled in a viewer: its origin from the hidden `ladders-worksheet` field, each
 * rating (each axis's and the overall one) from its radio group, each text from its field. A PDF that is too large, cut short,
 * encrypted or not a worksheet fails with a `WorksheetError`; its messages place a field on its page
 * (as the line).
 */
export async function readPdfWorksheet(path: string, bytes: Uint8Array): Promise<FilledWorksheet> {
  const file = new VFile({ path });
  const fail = (reason: string, ruleId: string): never => {
    report(file, 'error', reason, undefined, ruleId);
    throw new WorksheetError(file);
  };
  if (bytes.byteLength > maxWorksheetPdfBytes)
    fail(
      `The PDF is ${megabytes(bytes.byteLength)} MiB, more than a worksheet's limit of ${megabytes(maxWorksheetPdfBytes)} MiB`,
      'pdf-too-large',
    );
  // Every revision of a PDF ends in `%%EOF`; a file cut short (a copy or a download that stopped) has lost its last one.
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', Math.max(0, bytes.byteLength - 1024));
  if (!tail.includes('%%EOF')) fail('The PDF is cut short: it does not end in `%%EOF`', 'truncated-pdf');
  const document = await PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false, ignoreEncryption: true }).catch(
    (error: unknown) => fail(`The PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`, 'unreadable-pdf'),
  );
  if (document.isEncrypted) fail('The PDF is encrypted; save it again without a password', 'encrypted-pdf');

  const pages = document.getPages().map((page) => page.ref);
  const placeOf = (field: PDFField): SourcePlace => {
    const page = field.acroField.getWidgets()[0]?.P();
    return { file: path, line: Math.max(1, pages.findIndex((ref) => ref === page) + 1), column: 1 };
  };
  const fields = safely(() => document.getForm().getFields(), []);
  const originField = fields.find((field) => field.getName() === originTag);
  const origin = originField instanceof PDFTextField ? readOriginText(originField.getText() ?? '') : null;
  if (!origin)
    fail(`The PDF has no \`${originTag}\` field saying which position it is for: it is not a ladders worksheet`, 'not-a-worksheet');

  const worksheet: FilledWorksheet = { file: path, format: 'pdf', origin: origin!, fields: {}, overall: {}, axes: {}, places: {} };
  const axis = (id: string): AxisAnswers => (worksheet.axes[id] ??= {});
  for (const field of fields) {
    const name = field.getName();
    const parsed = parseFieldName(name);
    if (!parsed) continue;
    const place = placeOf(field);
    worksheet.places[name] = place;
    const value = valueOf(field);
    if (value === undefined) continue;
    if (parsed.kind === 'text') worksheet.fields[parsed.name] = value;
    else if (parsed.kind === 'axis' && parsed.part === 'evidence') axis(parsed.axis).evidence = value;
    else if ((ratings as readonly string[]).includes(value)) {
      if (parsed.kind === 'overall') worksheet.overall[parsed.part] = value as Rating;
      else if (parsed.part !== 'evidence') axis(parsed.axis)[parsed.part] = value as Rating;
    } else
      report(
        file,
        'error',
        `Unknown choice ${quote(value)} for the field ${quote(name)}, expected ${quoteChoices(ratings)}`,
        place,
        'unknown-choice',
      );
  }
  if (file.messages.some((message) => message.fatal)) throw new WorksheetError(file);
  return worksheet;
}

/** A field's value as text, line breaks as `\n`; undefined when it is empty or off. */
function valueOf(field: PDFField): string | undefined {
  let value: string | undefined;
  if (field instanceof PDFRadioGroup) value = field.getSelected();
  else if (field instanceof PDFTextField) value = field.getText();
  else return undefined;
  const text = value?.replace(/\r\n?/g, '\n').trim();
  return text ? text : undefined;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}

/** A form the library cannot make sense of (a broken field tree) reads as one without fields. */
function safely<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}
