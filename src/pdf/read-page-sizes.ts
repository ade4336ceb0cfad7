/** A printed page's size in points, as its `/MediaBox` says. */
export interface PageSize {
  width: number;
  height: number;
}

/** The printed pages' sizes, in page order: Chromium writes each page's `/MediaBox` in its page object, in order. */
export function readPageSizes(pdf: Uint8Array): PageSize[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return Array.from(text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g), (match) => ({
    width: Number(match[1]),
    height: Number(match[2]),
  }));
}
