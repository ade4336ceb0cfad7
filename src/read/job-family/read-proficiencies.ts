import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Rung } from '../../model.js';
import type { DataNode } from '../data-tree/data-node.js';
import type { DataReader } from '../data-tree/make-data-reader.js';

/**
 * The ordered proficiencies a job family file lists (`proficiencies: [Awareness, …, Expert]`, lowest
 * first, each a name or a map with `name` and `summary`): the scale every theme is measured on. A
 * proficiency is a rung only when the file says in what order they come; without the list it stays text.
 */
export function readProficiencies(node: DataNode, file: VFile, data: DataReader): Rung[] {
  const rungs: Rung[] = [];
  for (const item of data.list(node, '`proficiencies`') ?? []) {
    const fields = item.kind === 'map' ? data.map(item, 'a proficiency', ['name', 'summary']) : null;
    const keyword = fields
      ? data.text(fields.get('name')?.value, 'the proficiency’s `name`', { required: fields.place })
      : data.text(item, 'a proficiency');
    if (!keyword) continue;
    const first = rungs.find((rung) => rung.keyword.toLowerCase() === keyword.toLowerCase());
    if (first) {
      const cause = { file: file.path, place: first.source, reason: 'first listed here' };
      report(file, 'error', `The proficiency ${quote(keyword)} is listed twice`, item.place, 'duplicate-keyword', cause);
      continue;
    }
    const description = fields ? (data.text(fields.get('summary')?.value, 'the proficiency’s `summary`') ?? '') : '';
    rungs.push({
      rank: rungs.length + 1,
      keyword,
      description: description.replace(/\s+/g, ' '),
      source: { file: file.path, ...item.place },
    });
  }
  return rungs;
}
