import type { VFile } from 'vfile';
import { report } from '../../messages.js';
import { parseJson, type JsonNode } from '../parse-json.js';
import { makePlacer } from './make-placer.js';
import { maxDataDepth, type DataNode, type DataPlace } from './data-node.js';

/**
 * Parse strict JSON into a tree of values with places, through the bounded parser the configuration
 * uses; null when it is not JSON (the problem reported on `file` at its place).
 */
export function parseJsonTree(text: string, file: VFile): DataNode | null {
  const placeAt = makePlacer(text);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    report(file, 'error', `Broken JSON: ${parsed.reason}`, placeAt(parsed.offset), 'broken-json');
    return null;
  }
  return toDataNode(parsed.node, placeAt, file, 0);
}

function toDataNode(node: JsonNode, placeAt: (offset: number) => DataPlace, file: VFile, depth: number): DataNode | null {
  const place = placeAt(node.start);
  if (depth > maxDataDepth) {
    report(file, 'error', `Nested deeper than ${maxDataDepth} levels`, place, 'too-deeply-nested');
    return null;
  }
  switch (node.type) {
    case 'object': {
      const entries = [];
      for (const member of node.members) {
        const value = toDataNode(member.value, placeAt, file, depth + 1);
        if (!value) return null;
        entries.push({ key: member.key, keyPlace: placeAt(member.keyStart), value });
      }
      return { kind: 'map', entries, place };
    }
    case 'array': {
      const items = [];
      for (const item of node.items) {
        const value = toDataNode(item, placeAt, file, depth + 1);
        if (!value) return null;
        items.push(value);
      }
      return { kind: 'list', items, place };
    }
    case 'null':
      return { kind: 'scalar', value: null, place };
    default:
      return { kind: 'scalar', value: node.value, place };
  }
}
