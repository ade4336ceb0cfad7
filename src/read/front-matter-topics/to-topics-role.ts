import type { Root, RootContent, Yaml } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Competency, Position, Role } from '../../model.js';
import { makeDataReader } from '../data-tree/make-data-reader.js';
import { makePlacer } from '../data-tree/make-placer.js';
import { makePositionCode } from '../data-tree/make-position-code.js';
import { parseYamlTree } from '../data-tree/parse-yaml-tree.js';
import { makeId } from '../make-id.js';
import { plainText } from '../markdown-text.js';
import { defaultFirstSeniorLevel } from '../to-framework.js';
import { readTopic, type Topic } from './read-topic.js';

// The keys this reader reads; any other key of the front matter belongs to the site and is left alone.
const pageKeys = ['id', 'title', 'summary', 'levels', 'topics'];

/**
 * A role from a page whose front matter holds `topics` → `content` → `level` → `criteria`: a position a
 * level (from 1 to `levels`, or to the highest level a topic names), a competency a topic, the page's
 * Markdown as the role's text. Null when the page has errors (reported on its file).
 */
export function toTopicsRole(
  tree: Root,
  file: VFile,
  richText: (nodes: readonly RootContent[]) => string,
): { role: Role; competencies: Competency[] } | null {
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const start = yaml?.position?.start;
  if (!yaml || !start) return null;
  const errorsBefore = errorCount(file);
  // The YAML starts on the line below the opening `---`.
  const data = parseYamlTree(yaml.value, file, makePlacer(yaml.value, { line: start.line + 1, column: 1 }), {
    noun: 'front matter',
    ruleId: 'broken-front-matter',
  });
  if (!data) return null;
  const read = makeDataReader(file);
  const fields = read.map(data, 'the front matter', pageKeys, { otherKeys: 'ignore' });
  if (!fields) return null;
  const context = { file, data: read, richText };
  const topics: Topic[] = [];
  for (const node of read.list(fields.get('topics')?.value, '`topics`') ?? []) {
    const topic = readTopic(node, context);
    if (!topic) continue;
    const first = topics.find((other) => other.competency.id === topic.competency.id);
    if (first) {
      const cause = { file: file.path, place: first.competency.source, reason: 'first given here' };
      report(
        file,
        'error',
        `The topic ${quote(topic.competency.id)} is given twice`,
        topic.competency.source,
        'duplicate-axis-name',
        cause,
      );
    } else topics.push(topic);
  }
  const highest = Math.max(0, ...topics.flatMap((topic) => [...topic.cells.keys()]));
  const levelsEntry = fields.get('levels');
  const levels = read.whole(levelsEntry?.value, 'the front matter’s `levels`') ?? highest;
  for (const topic of topics)
    for (const [level, cell] of topic.cells)
      if (level > levels) {
        const reason = `Level ${level} is above the ${levels} levels the page has (\`levels: ${levels}\`)`;
        report(file, 'error', reason, cell.source, 'unknown-level');
      }
  const titleHeading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const title =
    read.text(fields.get('title')?.value, 'the front matter’s `title`') || (titleHeading ? plainText(titleHeading) : fileStem(file));
  const idText = read.text(fields.get('id')?.value, 'the front matter’s `id`');
  const id = makeId(idText ?? fileStem(file));
  if (!id)
    report(
      file,
      'error',
      `Cannot make a role id from ${quote(idText ?? fileStem(file))}; set \`id\` in the front matter`,
      start,
      'bad-role-id',
    );
  if (levels === 0)
    report(
      file,
      'error',
      'The `topics` name no level; give each topic `content` with a `level` and its `criteria`',
      fields.place,
      'no-levels-in-topics',
    );
  if (errorCount(file) > errorsBefore) return null;
  const body = tree.children.filter((node) => node.type !== 'yaml' && node !== titleHeading);
  const positions = Array.from({ length: levels }, (_, index) =>
    levelPosition(index + 1, { id, title, topics, fallback: { file: file.path, ...fields.place } }),
  );
  const role: Role = {
    id,
    title,
    summary: read.text(fields.get('summary')?.value, 'the front matter’s `summary`') ?? firstParagraph(body),
    text: richText(body),
    path: file.path,
    everyLevel: [],
    positions,
    source: { file: file.path, line: start.line, column: start.column },
  };
  return { role, competencies: topics.map((topic) => topic.competency) };
}

function levelPosition(
  level: number,
  role: { id: string; title: string; topics: readonly Topic[]; fallback: Position['source'] },
): Position {
  const cells = role.topics.flatMap((topic) => {
    const cell = topic.cells.get(level);
    return cell ? [cell] : [];
  });
  return {
    code: makePositionCode(role.id, level),
    level,
    title: `${role.title} ${level}`,
    senior: level >= defaultFirstSeniorLevel,
    summary: '',
    attributes: [],
    cells,
    // A level no topic speaks of has no place of its own: the front matter stands for it.
    source: cells[0]?.source ?? role.fallback,
  };
}

function firstParagraph(nodes: readonly RootContent[]): string {
  for (const node of nodes) if (node.type === 'paragraph' && plainText(node)) return plainText(node);
  return '';
}

function fileStem(file: VFile): string {
  return path.basename(file.path, path.extname(file.path));
}

function errorCount(file: VFile): number {
  return file.messages.filter((message) => message.fatal === true).length;
}
