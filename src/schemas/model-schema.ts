import { z } from 'zod';
import { modelSchemaVersion, type Ladder } from '../model.js';

// The model's JSON (`ladders model`) as a zod schema, for the JSON Schema shipped with the package.
// `checkedAgainstModel` below fails to compile when this and src/model.ts drift apart.

const place = z.strictObject({
  file: z.string().describe('The file, relative to the working folder'),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});

const rung = z.strictObject({
  rank: z.number().int().min(1).describe('1 is the lowest rung'),
  keyword: z.string(),
  description: z.string(),
  source: place,
});

const competency = z.strictObject({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable().describe('The group the ladder files the competency under, if any'),
  summary: z.string(),
  scale: z.array(rung).describe('The ordered rungs, lowest first; empty when the competency has no scale'),
  source: place,
});

const statement = z.strictObject({
  kind: z.enum(['paragraph', 'bullet']),
  text: z.string().describe('Safe inline Markdown'),
  isNew: z.boolean().describe('Marked by the ladder as new since the level before'),
  source: place,
});

const cell = z.strictObject({
  competency: z.string().describe('The competency id'),
  rung: z
    .strictObject({ rank: z.number().int().min(1), keyword: z.string(), description: z.string() })
    .nullable()
    .describe("The rung of the competency's scale, when the ladder names one"),
  statements: z.array(statement),
  examples: z.array(statement),
  source: place,
});

const position = z.strictObject({
  code: z.string(),
  level: z.number().int(),
  title: z.string(),
  senior: z.boolean(),
  summary: z.string(),
  attributes: z.array(z.strictObject({ name: z.string(), value: z.string(), source: place })),
  cells: z.array(cell),
  source: place,
});

const role = z.strictObject({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  text: z.string().describe('Safe Markdown'),
  path: z.string(),
  everyLevel: z.array(cell).describe('What holds at every level of the role'),
  positions: z.array(position),
  source: place,
});

const guide = z.strictObject({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  text: z.string().describe('Safe Markdown'),
  path: z.string(),
  source: place,
});

/** The model `ladders model` prints, whatever the shape the ladder is kept in. */
export const ladderModelSchema = z.strictObject({
  schemaVersion: z.literal(modelSchemaVersion),
  framework: z.strictObject({
    title: z.string(),
    summary: z.string(),
    version: z.string().nullable(),
    firstSeniorLevel: z.number().int().min(1),
    locale: z.string().nullable(),
    competencies: z.array(competency),
    source: place,
  }),
  roles: z.array(role),
  guides: z.array(guide),
});

// Both ways: every model is valid data, and valid data is a model.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const checkedAgainstModel: Same<z.infer<typeof ladderModelSchema>, Ladder> = true;
