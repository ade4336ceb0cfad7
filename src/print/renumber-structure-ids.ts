import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Chromium names tagged elements after DOM node numbers (`node00003480`), which depend on what
 * the reused tab printed before, so the same handout would differ from build to build. Rename
 * them in the order the structure elements are written (`id1`, `id2`, …), in the elements, in
 * the table cells' `/Headers` that point at them, and in the ID tree, which is rebuilt sorted.
 */
export function renumberStructureIds(document: PDFDocument): void {
  const context = document.context;
  const elements = context
    .enumerateIndirectObjects()
    .sort(([a], [b]) => a.objectNumber - b.objectNumber)
    .flatMap(([, object]) => (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('StructElem') ? [object] : []));
  const renamed = new Map<string, string>();
  for (const element of elements) {
    const id = element.get(PDFName.of('ID'));
    if (id instanceof PDFString && !renamed.has(id.asString())) renamed.set(id.asString(), `id${String(renamed.size + 1).padStart(6, '0')}`);
  }
  if (renamed.size === 0) return;
  for (const element of elements) {
    const id = element.get(PDFName.of('ID'));
    if (id instanceof PDFString) element.set(PDFName.of('ID'), PDFString.of(renamed.get(id.asString()) ?? id.asString()));
    for (const attributes of attributeDicts(element.get(PDFName.of('A')), document)) {
      const headers = attributes.get(PDFName.of('Headers'));
      if (!(headers instanceof PDFArray)) continue;
      attributes.set(PDFName.of('Headers'), context.obj(headers.asArray().map((header) => (header instanceof PDFString ? PDFString.of(renamed.get(header.asString()) ?? header.asString()) : header))));
    }
  }
  rebuildIdTree(document, elements, renamed);
}

function attributeDicts(value: PDFObject | undefined, document: PDFDocument): PDFDict[] {
  const resolved = value && document.context.lookup(value);
  if (resolved instanceof PDFDict) return [resolved];
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => attributeDicts(item, document));
  return [];
}

/** Replace the ID tree with one flat, sorted list of the renamed IDs. */
function rebuildIdTree(document: PDFDocument, elements: PDFDict[], renamed: Map<string, string>): void {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root?.has(PDFName.of('IDTree'))) return;
  const context = document.context;
  const names = elements
    .flatMap((element) => {
      const id = element.get(PDFName.of('ID'));
      const ref = context.getObjectRef(element);
      return id instanceof PDFString && ref ? [[id.asString(), ref] as const] : [];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([id, ref]) => [PDFString.of(id), ref]);
  if (names.length / 2 !== renamed.size) throw new Error('Cannot rebuild the PDF ID tree: an element with an ID is not an indirect object');
  // pdf-lib writes every object it holds, reachable or not, so the old tree's nodes must go.
  deleteTree(document, root.get(PDFName.of('IDTree')));
  root.set(PDFName.of('IDTree'), context.register(context.obj({ Names: names })));
}

function deleteTree(document: PDFDocument, node: PDFObject | undefined): void {
  if (!(node instanceof PDFRef)) return;
  const dict = document.context.lookup(node);
  const kids = dict instanceof PDFDict ? dict.get(PDFName.of('Kids')) : undefined;
  const resolvedKids = kids && document.context.lookup(kids);
  if (resolvedKids instanceof PDFArray) for (const kid of resolvedKids.asArray()) deleteTree(document, kid);
  document.context.delete(node);
}
