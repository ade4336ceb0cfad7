import { z } from 'zod';
import { configSchema } from '../config/validate-config.js';
import { frontMatterSchema } from '../read/read-front-matter.js';
import { ladderModelSchema } from './model-schema.js';

/** Where the schemas are shipped, in the package's folder, and what `init` points `$schema` at. */
export const schemasFolder = 'schemas';

/**
 * The JSON Schemas editors check `ladders.config.json` and the pages' front matter with, made from the
 * very zod schemas the validator uses, so the two cannot drift, and the one `ladders model`'s JSON
 * follows; a test compares them with the shipped files.
 */
export function jsonSchemas(): Record<string, object> {
  return {
    'ladders.config.schema.json': toJsonSchema(configSchema, 'ladders.config.json', 'The settings of ladders, in `ladders.config.json`.'),
    'front-matter.schema.json': toJsonSchema(
      frontMatterSchema,
      'Front matter of a ladder page',
      "The YAML front matter of a ladder's introduction (`README.md`) or of a role's page.",
    ),
    'ladder-model.schema.json': toJsonSchema(
      ladderModelSchema,
      'The model of a ladder',
      'What `ladders model` prints: the one model every shape of ladder is read into (see docs/model.md).',
    ),
  };
}

function toJsonSchema(schema: z.ZodType, title: string, description: string): object {
  // Draft 7, which editors' JSON and YAML language servers read; the input side, before the validator's transforms.
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' });
  return { ...generated, title, description };
}
