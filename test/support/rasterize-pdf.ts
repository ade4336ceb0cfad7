import * as mupdf from 'mupdf';

/** The resolution of the pictures the tests compare: small files, yet a moved line or a changed word shows. */
export const pictureDpi = 60;

/**
 * Draw every page of a PDF as a PNG at `dpi`, with MuPDF compiled to WebAssembly: it installs from
 * the npm registry alone, draws the same pixels on every machine, and takes its fonts only from the PDF
 * (it is given no way to load a system font, and Chromium embeds every font it prints with).
 */
export function rasterizePdf(pdf: Uint8Array, dpi = pictureDpi): Uint8Array[] {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const scale = mupdf.Matrix.scale(dpi / 72, dpi / 72);
    return Array.from({ length: document.countPages() }, (_, index) => {
      const page = document.loadPage(index);
      // No alpha: pages print on white. Annotations and form fields drawn, as a reader shows them.
      const pixmap = page.toPixmap(scale, mupdf.ColorSpace.DeviceRGB, false, true);
      try {
        return pixmap.asPNG().slice();
      } finally {
        pixmap.destroy();
        page.destroy();
      }
    });
  } finally {
    document.destroy();
  }
}
