import type { PdfReadLimits } from '../pdf/measure-pdf.js';

/**
 * What a worksheet may hold: a filled worksheet unpacks to a few megabytes at most, even with a viewer's fonts
 * embedded, has a few hundred objects, and nests a handful deep.
 */
export const worksheetPdfLimits: PdfReadLimits = Object.freeze({
  streamBytes: 32 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  objects: 100_000,
  depth: 64,
});
