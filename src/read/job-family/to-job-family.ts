import type { RootContent } from 'mdast';
import path from 'node:path';
import type { VFile } from 'vfile';
import { closestMatch } from '../closest-match.js';
import { quote, quoteList, report } from '../../messages.js';
import type { Attribute, Cell, Competency, Position, Role, Rung, SourcePlace, Statement } from '../../model.js';
import type { DataNode, DataPlace } from '../data-tree/data-node.js';
import { makeDataReader, type DataReader } from '../data-tree/make-data-reader.js';
import { makePositionCode } from '../data-tree/make-position-code.js';
import { toPlainStatement } from '../data-tree/to-plain-statement.js';
import { makeId } from '../make-id.js';
import { defaultFirstSeniorLevel } from '../to-framework.js';
import { readProficiencies } from './read-proficiencies.js';

// The keys a job family file is read by; others (a spreadsheet's id, say) are its owner's and are left alone.
const familyKeys = ['id', 'name', 'summary', 'proficiencies', 'levels', 'themes', 'competencies'];
const levelKeys = ['id', 'name', 'summary', 'senior'];
const themeKeys = ['id', 'name', 'summary', 'group'];
const statementKeys = ['id', 'level', 'theme', 'summary', 'proficiency'];

interface Level {
  id: string;
  name: string;
  summary: string;
  senior: boolean | null;
  place: DataPlace;
}

/** One competency statement, placed at its level and theme. */
interface Tagged {
  level: string;
  theme: string;
  statement: Statement;
  /** The statement as written, for a rung's description, which is plain text. */
  plain: string;
  proficiency: { name: string; place: DataPlace } | null;
}

/**
 * A role from a job family file (YAML or JSON, the same keys): its `levels` in order are the positions,
 * its `themes` the competencies, and each of its `competencies` a statement tagged with a level and a
 * theme, sometimes with a `proficiency`. Null when the file has errors (reported on it).
 */
export function toJobFamily(
  tree: DataNode,
  file: VFile,
  richText: (nodes: readonly RootContent[]) => string,
): { role: Role; competencies: Competency[] } | null {
  const errorsBefore = errorCount(file);
  const data = makeDataReader(file);
  const fields = data.map(tree, 'a job family', familyKeys, { otherKeys: 'ignore' });
  if (!fields) return null;
  const scale = fields.get('proficiencies') ? readProficiencies(fields.get('proficiencies')!.value, file, data) : [];
  const levels = readLevels(fields.get('levels')?.value, file, data);
  const competencies = readThemes(fields.get('themes')?.value, file, data, scale);
  const tagged = readStatements(fields.get('competencies')?.value, file, data, richText, { levels, competencies, scale });
  if (levels.length === 0) report(file, 'error', 'The job family lists no `levels`', fields.place, 'missing-data-key');
  const stem = path.basename(file.path, path.extname(file.path));
  const idText = data.text(fields.get('id')?.value, 'the job family’s `id`');
  const id = makeId(idText ?? stem);
  if (!id) report(file, 'error', `Cannot make a role id from ${quote(idText ?? stem)}; set \`id\``, fields.place, 'bad-role-id');
  const title = data.text(fields.get('name')?.value, 'the job family’s `name`') || stem;
  const summary = (data.text(fields.get('summary')?.value, 'the job family’s `summary`') ?? '').replace(/\s+/g, ' ');
  if (errorCount(file) > errorsBefore) return null;
  if (scale.length === 0) noteTextProficiencies(tagged, file);
  const positions = levels.map((level, index) => toLevelPosition(level, index + 1, { roleId: id, file, competencies, tagged, scale }));
  const role: Role = {
    id,
    title,
    summary,
    text: summary && richText([{ type: 'paragraph', children: [{ type: 'text', value: summary }] }]),
    path: file.path,
    everyLevel: [],
    positions,
    source: { file: file.path, ...(fields.get('name')?.keyPlace ?? fields.place) },
  };
  return { role, competencies };
}

function readLevels(node: DataNode | undefined, file: VFile, data: DataReader): Level[] {
  const levels: Level[] = [];
  for (const item of data.list(node, '`levels`') ?? []) {
    const fields = data.map(item, 'a level', levelKeys);
    const id = fields && data.text(fields.get('id')?.value, 'the level’s `id`', { required: fields.place });
    if (!fields || !id) continue;
    const first = levels.find((level) => level.id === id);
    if (first) {
      const cause = { file: file.path, place: first.place, reason: `${quote(id)} first listed here` };
      report(file, 'error', `The level ${quote(id)} is listed twice`, fields.place, 'duplicate-level', cause);
      continue;
    }
    const seniorNode = fields.get('senior')?.value;
    const senior = seniorNode?.kind === 'scalar' && typeof seniorNode.value === 'boolean' ? seniorNode.value : null;
    if (seniorNode && senior === null)
      report(file, 'error', 'Expected the level’s `senior` to be `true` or `false`', seniorNode.place, 'bad-data-value');
    levels.push({
      id,
      name: data.text(fields.get('name')?.value, 'the level’s `name`') || id,
      summary: (data.text(fields.get('summary')?.value, 'the level’s `summary`') ?? '').replace(/\s+/g, ' '),
      senior,
      place: fields.place,
    });
  }
  return levels;
}

function readThemes(node: DataNode | undefined, file: VFile, data: DataReader, scale: readonly Rung[]): Competency[] {
  const themes: Competency[] = [];
  for (const item of data.list(node, '`themes`') ?? []) {
    const fields = data.map(item, 'a theme', themeKeys);
    const id = fields && data.text(fields.get('id')?.value, 'the theme’s `id`', { required: fields.place });
    if (!fields || !id) continue;
    const first = themes.find((theme) => theme.id === id);
    if (first) {
      const cause = { file: file.path, place: first.source, reason: `${quote(id)} first listed here` };
      report(file, 'error', `The theme ${quote(id)} is listed twice`, fields.place, 'duplicate-axis-name', cause);
      continue;
    }
    themes.push({
      id,
      name: data.text(fields.get('name')?.value, 'the theme’s `name`') || id,
      group: data.text(fields.get('group')?.value, 'the theme’s `group`') || null,
      summary: (data.text(fields.get('summary')?.value, 'the theme’s `summary`') ?? '').replace(/\s+/g, ' '),
      scale: scale.map((rung) => ({ ...rung })),
      source: { file: file.path, ...fields.place },
    });
  }
  return themes;
}

function readStatements(
  node: DataNode | undefined,
  file: VFile,
  data: DataReader,
  richText: (nodes: readonly RootContent[]) => string,
  known: { levels: readonly Level[]; competencies: readonly Competency[]; scale: readonly Rung[] },
): Tagged[] {
  const tagged: Tagged[] = [];
  const levelIds = known.levels.map((level) => level.id);
  const themeIds = known.competencies.map((theme) => theme.id);
  const keywords = known.scale.map((rung) => rung.keyword);
  for (const item of data.list(node, '`competencies`') ?? []) {
    const fields = data.map(item, 'a competency statement', statementKeys);
    if (!fields) continue;
    const level = data.text(fields.get('level')?.value, 'the statement’s `level`', { required: fields.place });
    const theme = data.text(fields.get('theme')?.value, 'the statement’s `theme`', { required: fields.place });
    const text = data.text(fields.get('summary')?.value, 'the statement’s `summary`', { required: fields.place });
    const proficiencyNode = fields.get('proficiency')?.value;
    const proficiency = data.text(proficiencyNode, 'the statement’s `proficiency`');
    const checks = [
      level !== null && isKnown(level, levelIds, 'level', fields.get('level')!.value, file, 'unknown-level'),
      theme !== null && isKnown(theme, themeIds, 'theme', fields.get('theme')!.value, file, 'unknown-theme'),
      !proficiency || keywords.length === 0 || isKnown(proficiency, keywords, 'proficiency', proficiencyNode!, file, 'unknown-proficiency'),
    ];
    if (level === null || theme === null || !text || checks.includes(false)) continue;
    tagged.push({
      level,
      theme,
      statement: toPlainStatement(text, 'paragraph', fields.get('summary')!.value.place, file.path, richText),
      plain: text.replace(/\s+/g, ' '),
      proficiency: proficiency ? { name: proficiency, place: proficiencyNode!.place } : null,
    });
  }
  return tagged;
}

/** Whether `value` is one of `known`; when not, an error at its place naming what is (and the nearest). */
function isKnown(value: string, known: readonly string[], noun: string, node: DataNode, file: VFile, ruleId: string): boolean {
  if (known.includes(value) || (noun === 'proficiency' && known.some((name) => name.toLowerCase() === value.toLowerCase()))) return true;
  const suggestion = closestMatch(value, known);
  const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : '';
  const expected = known.length > 0 ? `expected one of ${quoteList(known)}` : `the file lists no ${noun}s`;
  report(file, 'error', `Unknown ${noun} ${quote(value)}, ${expected}${hint}`, node.place, ruleId);
  return false;
}

function toLevelPosition(
  level: Level,
  rank: number,
  family: { roleId: string; file: VFile; competencies: readonly Competency[]; tagged: readonly Tagged[]; scale: readonly Rung[] },
): Position {
  const cells: Cell[] = [];
  const attributes: Attribute[] = [];
  const source: SourcePlace = { file: family.file.path, ...level.place };
  for (const competency of family.competencies) {
    const here = family.tagged.filter((entry) => entry.level === level.id && entry.theme === competency.id);
    if (here.length === 0) continue;
    const first = here[0]!;
    const proficiency = here.find((entry) => entry.proficiency)?.proficiency ?? null;
    const rung = proficiency && family.scale.find((candidate) => candidate.keyword.toLowerCase() === proficiency.name.toLowerCase());
    if (proficiency && !rung)
      attributes.push({ name: competency.name, value: proficiency.name, source: { file: family.file.path, ...proficiency.place } });
    for (const entry of here) {
      if (entry.proficiency && proficiency && entry.proficiency.name.toLowerCase() !== proficiency.name.toLowerCase()) {
        const cause = { file: family.file.path, place: proficiency.place, reason: `${quote(proficiency.name)} given here` };
        const reason = `Two proficiencies for ${quote(competency.name)} at ${quote(level.name)}: ${quote(entry.proficiency.name)} and ${quote(proficiency.name)}; the first is kept`;
        report(family.file, 'warning', reason, entry.proficiency.place, 'conflicting-proficiency', cause);
      }
    }
    cells.push(
      rung
        ? // On a scale, the statements are what the position says next to its rung, as in the Engineering Ladders shape.
          {
            competency: competency.id,
            rung: { rank: rung.rank, keyword: rung.keyword, description: here.map((entry) => entry.plain).join(' ') },
            statements: [],
            examples: [],
            source: first.statement.source,
          }
        : {
            competency: competency.id,
            rung: null,
            statements: here.map((entry) => entry.statement),
            examples: [],
            source: first.statement.source,
          },
    );
  }
  return {
    code: makePositionCode(family.roleId, rank),
    level: rank,
    title: level.name,
    senior: level.senior ?? rank >= defaultFirstSeniorLevel,
    summary: level.summary,
    attributes,
    cells,
    source,
  };
}

/** A file whose proficiencies make no scale says so once, where the first one is given. */
function noteTextProficiencies(tagged: readonly Tagged[], file: VFile): void {
  const first = tagged.find((entry) => entry.proficiency)?.proficiency;
  if (!first) return;
  const reason = 'Proficiencies are kept as text, one attribute a theme: list them in order under `proficiencies` to make them a scale';
  report(file, 'info', reason, first.place, 'proficiency-as-text');
}

function errorCount(file: VFile): number {
  return file.messages.filter((message) => message.fatal === true).length;
}
