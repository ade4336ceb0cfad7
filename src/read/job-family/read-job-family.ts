import type { Competency, Role } from '../../model.js';
import { makePlacer } from '../data-tree/make-placer.js';
import { parseJsonTree } from '../data-tree/parse-json-tree.js';
import { parseYamlTree } from '../data-tree/parse-yaml-tree.js';
import type { LadderFile, ShapeReader } from '../shape-reader.js';
import { toJobFamily } from './to-job-family.js';

const yamlName = /\.ya?ml$/i;
const jsonName = /\.json$/i;
// A job family names its levels and its statements at the top of the file; the rest is read strictly.
const yamlKeys = [/^levels[ \t]*:/m, /^competencies[ \t]*:/m];
const jsonKeys = [/"levels"\s*:/, /"competencies"\s*:/];

/**
 * The reader of job family files: a YAML file (or its JSON twin, the same keys) listing `levels`,
 * `themes` and `competencies`, each competency a statement tagged with a level and a theme (docs/shapes.md).
 */
export const jobFamilyReader: ShapeReader = {
  shape: 'job-family',
  recognises: ({ file, text, tree }: LadderFile) => {
    if (tree || text === null) return false;
    if (yamlName.test(file.path)) return yamlKeys.every((key) => key.test(text));
    return jsonName.test(file.path) && jsonKeys.every((key) => key.test(text));
  },
  read: (files, context) => {
    const roles: Role[] = [];
    const competencies: Competency[] = [];
    for (const { file, text } of files) {
      if (text === null) continue;
      const tree = jsonName.test(file.path)
        ? parseJsonTree(text, file)
        : parseYamlTree(text, file, makePlacer(text), { noun: 'YAML', ruleId: 'broken-yaml' });
      const read = tree && toJobFamily(tree, file, context.richText(file));
      if (!read) continue;
      roles.push(read.role);
      for (const competency of read.competencies)
        if (!competencies.some((other) => other.id === competency.id)) competencies.push(competency);
    }
    return { competencies, roles, guides: [] };
  },
};
