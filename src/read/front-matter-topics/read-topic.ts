import type { RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Cell, Competency, Statement } from '../../model.js';
import type { DataNode, DataPlace } from '../data-tree/data-node.js';
import type { DataReader } from '../data-tree/make-data-reader.js';
import { makeId } from '../make-id.js';
import { toPlainStatement } from '../data-tree/to-plain-statement.js';

/** A topic of a role page's front matter: the competency it names, and its cell at each level it speaks of. */
export interface Topic {
  competency: Competency;
  cells: Map<number, Cell>;
}

/** What reading a topic needs: the page's file, its data reader and how to keep text. */
export interface TopicContext {
  file: VFile;
  data: DataReader;
  richText: (nodes: readonly RootContent[]) => string;
}

const topicKeys = ['name', 'title', 'summary', 'content'];
const levelKeys = ['level', 'criteria', 'exampleCriteria', 'examples'];
const exampleKeys = ['criteria', 'examples'];

/**
 * Read one `topics` entry: `name` (its id), an optional `title` and `summary`, and `content`, a list of
 * levels each with `criteria` (what is expected), `exampleCriteria` (a criterion with its `examples`)
 * and `examples`. Null when it cannot be read (reported on the file).
 */
export function readTopic(node: DataNode, context: TopicContext): Topic | null {
  const { data, file } = context;
  const fields = data.map(node, 'a topic', topicKeys);
  if (!fields) return null;
  const name = data.text(fields.get('name')?.value, 'the topic’s `name`', { required: fields.place });
  if (name === null) return null;
  const id = makeId(name);
  if (!id) {
    report(file, 'error', `Cannot make a competency id from the topic name ${quote(name)}`, fields.get('name')?.value.place, 'bad-axis-id');
    return null;
  }
  const title = data.text(fields.get('title')?.value, 'the topic’s `title`');
  const competency: Competency = {
    id,
    name: title || humanName(name),
    group: null,
    summary: data.text(fields.get('summary')?.value, 'the topic’s `summary`') ?? '',
    scale: [],
    source: { file: file.path, ...fields.place },
  };
  const cells = new Map<number, Cell>();
  for (const entry of data.list(fields.get('content')?.value, 'the topic’s `content`') ?? []) {
    const level = readLevel(entry, id, context);
    if (!level) continue;
    const first = cells.get(level.number);
    if (first) {
      const cause = { file: file.path, place: first.source, reason: `level ${level.number} first given here` };
      report(
        file,
        'error',
        `Level ${level.number} is given twice in the topic ${quote(name)}`,
        level.cell.source,
        'duplicate-level',
        cause,
      );
      continue;
    }
    cells.set(level.number, level.cell);
  }
  return { competency, cells };
}

/** One level of a topic's `content`: its number and the cell it makes. */
function readLevel(node: DataNode, competency: string, context: TopicContext): { number: number; cell: Cell } | null {
  const { data, file, richText } = context;
  const fields = data.map(node, 'a level of a topic', levelKeys);
  if (!fields) return null;
  const number = data.whole(fields.get('level')?.value, 'the `level`', { required: fields.place });
  if (number === null) return null;
  const statements: Statement[] = [];
  const examples: Statement[] = [];
  const say = (target: Statement[], text: string, place: DataPlace) =>
    target.push(toPlainStatement(text, 'bullet', place, file.path, richText));
  for (const item of data.list(fields.get('criteria')?.value, '`criteria`') ?? []) {
    const text = data.text(item, 'a criterion');
    if (text) say(statements, text, item.place);
  }
  for (const item of data.list(fields.get('exampleCriteria')?.value, '`exampleCriteria`') ?? []) {
    const example = data.map(item, 'an example criterion', exampleKeys);
    if (!example) continue;
    const text = data.text(example.get('criteria')?.value, 'the example’s `criteria`', { required: example.place });
    if (text) say(statements, text, example.get('criteria')!.value.place);
    for (const exampleItem of data.list(example.get('examples')?.value, '`examples`') ?? []) {
      const exampleText = data.text(exampleItem, 'an example');
      if (exampleText) say(examples, exampleText, exampleItem.place);
    }
  }
  for (const item of data.list(fields.get('examples')?.value, '`examples`') ?? []) {
    const text = data.text(item, 'an example');
    if (text) say(examples, text, item.place);
  }
  return { number, cell: { competency, rung: null, statements, examples, source: { file: file.path, ...fields.place } } };
}

/** `mastery-science` reads `Mastery science`: a name meant as an id, shown as words. */
function humanName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
