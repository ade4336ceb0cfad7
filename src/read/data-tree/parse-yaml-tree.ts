import type { VFile } from 'vfile';
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { quote, report } from '../../messages.js';
import { maxDataDepth, maxDataNodes, type DataNode, type DataPlace } from './data-node.js';

/** How a YAML text is named in messages, and the rule its syntax errors go under. */
export interface YamlLabel {
  /** `front matter`, `YAML`: `Broken front matter: …`. */
  noun: string;
  ruleId: string;
}

// The tags of the core schema: plain maps, lists and values. Anything else (`!!binary`, `!custom`) is refused.
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** More expanded aliases than this is an attack (a "billion laughs"), not a ladder: the YAML library refuses it. */
const maxAliasCount = 100;

/**
 * Parse YAML into a tree of values with places, or null when it cannot be read (each problem reported on
 * `file` at its place). Hostile input stays inert: aliases that expand without end, custom tags, nesting
 * no ladder needs and more values than any ladder holds are each refused with a message.
 */
export function parseYamlTree(text: string, file: VFile, placeAt: (offset: number) => DataPlace, label: YamlLabel): DataNode | null {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', strict: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      report(file, 'error', `Broken ${label.noun}: ${firstLine(error.message)}`, placeAt(error.pos[0]), label.ruleId);
    }
    return null;
  }
  if (!hasSafeAliases(document, file, placeAt)) return null;
  const converter = { file, placeAt, budget: maxDataNodes, document, failed: false };
  const tree = document.contents ? toDataNode(document.contents, converter, 0) : null;
  if (converter.failed) return null;
  return tree ?? { kind: 'scalar', value: null, place: placeAt(0) };
}

/** Aliases that would expand past the library's limit are refused before anything expands them. */
function hasSafeAliases(document: Document, file: VFile, placeAt: (offset: number) => DataPlace): boolean {
  let first: Node | undefined;
  visit(document, {
    Alias: (_key, node) => {
      first = node;
      return visit.BREAK;
    },
  });
  if (!first) return true;
  try {
    document.toJS({ maxAliasCount });
    return true;
  } catch (error) {
    if (!(error instanceof ReferenceError || error instanceof RangeError)) throw error;
    const reason = `Aliases here expand to more values than the ${maxAliasCount} allowed; write the values out`;
    report(file, 'error', reason, placeAt(first.range?.[0] ?? 0), 'yaml-alias-limit');
    return false;
  }
}

interface Converter {
  file: VFile;
  placeAt: (offset: number) => DataPlace;
  /** How many more nodes may be made: aliases are expanded, each time they are used. */
  budget: number;
  document: Document;
  failed: boolean;
}

function toDataNode(node: unknown, converter: Converter, depth: number): DataNode | null {
  const place = converter.placeAt(rangeStart(node));
  if (depth > maxDataDepth || --converter.budget < 0) {
    const reason =
      depth > maxDataDepth ? `Nested deeper than ${maxDataDepth} levels` : `More than ${maxDataNodes} values, far more than a ladder holds`;
    report(converter.file, 'error', reason, place, 'too-deeply-nested');
    converter.failed = true;
    return null;
  }
  if (isAlias(node)) {
    const target = node.resolve(converter.document);
    return target ? toDataNode(target, converter, depth + 1) : null;
  }
  const tag = (node as { tag?: string }).tag;
  if (tag !== undefined && !coreTags.has(tag)) {
    const reason = `The value is tagged ${quote(tag.replace(/^tag:yaml\.org,2002:/, '!!'))}, which is not read; write a plain value, list or map`;
    report(converter.file, 'error', reason, place, 'yaml-custom-tag');
    converter.failed = true;
    return null;
  }
  if (isMap(node)) {
    const entries = node.items.flatMap((pair) => {
      if (!isScalar(pair.key)) {
        report(
          converter.file,
          'error',
          'A key must be plain text, not a list or a map',
          converter.placeAt(rangeStart(pair.key)),
          'broken-yaml',
        );
        converter.failed = true;
        return [];
      }
      const keyPlace = converter.placeAt(rangeStart(pair.key));
      const value =
        pair.value === null ? { kind: 'scalar' as const, value: null, place: keyPlace } : toDataNode(pair.value, converter, depth + 1);
      return value ? [{ key: String(pair.key.value), keyPlace, value }] : [];
    });
    return { kind: 'map', entries, place };
  }
  if (isSeq(node)) {
    const items = node.items.flatMap((item) => toDataNode(item, converter, depth + 1) ?? []);
    return { kind: 'list', items, place };
  }
  if (isScalar(node)) {
    // The core schema makes only these; the tags that would make others are refused above.
    const value = node.value;
    const plain = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    return { kind: 'scalar', value: plain ? value : null, place };
  }
  return null;
}

function rangeStart(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
