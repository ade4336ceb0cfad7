import { UnexpectedPdfError } from './read-pdf-layout.js';

/**
 * Chromium names tagged elements after DOM node numbers (`node00003480`), which depend on what the
 * reused tab printed before, and not even in document order, so the same handout would differ from
 * build to build. Rename them in the order the elements are written (`node00000001`, …) at the same
 * width, so no byte offset moves: in the elements' `/ID`, in table cells' `/Headers`, and in the ID
 * tree, whose one leaf is re-sorted (a permutation of the same entries, so again the same length).
 * Only those places are touched: a bookmark titled like an element keeps its title.
 */
export function renumberStructureIds(pdf: string): string {
  const renamed = new Map<string, string>();
  for (const [, digits] of pdf.matchAll(/\/ID \(node(\d+)\)/g)) {
    if (!renamed.has(digits!)) renamed.set(digits!, `node${String(renamed.size + 1).padStart(digits!.length, '0')}`);
  }
  if (renamed.size === 0) return pdf;
  const rename = (text: string) =>
    text.replace(/\(node(\d+)\)/g, (name, digits: string) => (renamed.has(digits) ? `(${renamed.get(digits)})` : name));
  const leaves = pdf.match(/\/Limits \[\(node\d+\) \(node\d+\)\]/g) ?? [];
  if (leaves.length > 1) throw new UnexpectedPdfError('its structure ID tree has more than one leaf');
  const sortedNames = [...renamed.values()].sort();
  return pdf
    .replace(/(\/(?:ID|Headers) *)(\([^)]*\)|\[[^\]]*\])/g, (_, key: string, value: string) => key + rename(value))
    .replace(/\/Limits \[\(node\d+\) \(node\d+\)\]/, () => `/Limits [(${sortedNames[0]}) (${sortedNames.at(-1)})]`)
    .replace(/\/Names \[((?:\(node\d+\) \d+ \d+ R ?)+)\]/, (_, entries: string) => `/Names [${sortTreeEntries(rename(entries))}]`);
}

/** `(name) 12 0 R (name) 9 0 R` sorted by name, written exactly as before: same separators, same length. */
function sortTreeEntries(entries: string): string {
  const pairs = Array.from(entries.matchAll(/\((node\d+)\) (\d+ \d+ R)/g), ([, name, ref]) => [name!, ref!] as const);
  return pairs
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, ref]) => `(${name}) ${ref}`)
    .join(' ');
}
