import type { Yaml } from 'mdast';
import type { Competency, Role } from '../../model.js';
import type { LadderFile, ShapeReader } from '../shape-reader.js';
import { toTopicsRole } from './to-topics-role.js';

// A front matter key `topics` that holds a list, at the start of a line: the rest is read strictly.
const topicsKey = /^topics[ \t]*:/m;

/**
 * The reader of role pages whose YAML front matter holds the ladder: `topics`, each with `content` per
 * `level` of `criteria` and examples (docs/shapes.md). Other front matter keys are the site's and are left alone.
 */
export const frontMatterTopicsReader: ShapeReader = {
  shape: 'front-matter-topics',
  recognises: (file: LadderFile) => {
    const yaml = file.tree?.children.find((node): node is Yaml => node.type === 'yaml');
    return yaml !== undefined && topicsKey.test(yaml.value);
  },
  read: (files, context) => {
    const roles: Role[] = [];
    const competencies: Competency[] = [];
    for (const { file, tree } of files) {
      if (!tree) continue;
      const read = toTopicsRole(tree, file, context.richText(file));
      if (!read) continue;
      roles.push(read.role);
      for (const competency of read.competencies)
        if (!competencies.some((other) => other.id === competency.id)) competencies.push(competency);
    }
    return { competencies, roles, guides: [] };
  },
};
