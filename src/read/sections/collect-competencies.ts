import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Cell, Competency } from '../../model.js';
import { competencyId } from './competency-id.js';
import type { NamedBlock } from './read-level-body.js';

/** The competencies met so far, by id, in the order first met: the first to name one defines it. */
export type CompetencyList = Map<string, Competency>;

/**
 * The cells of one level's competencies, each competency added to `competencies` when new. A name that
 * makes no id, or a competency named twice in one level, is a warning; the second's text joins the first's.
 */
export function toCells(blocks: readonly NamedBlock[], file: VFile, competencies: CompetencyList): Cell[] {
  const cells = new Map<string, Cell>();
  for (const block of blocks) {
    const id = competencyId(block.name);
    if (!id) {
      const reason = `Cannot make a competency id from ${quote(block.name)}: it has no letter or digit; what it says is not read`;
      report(file, 'warning', reason, block.source, 'bad-competency-id');
      continue;
    }
    const known = competencies.get(id);
    if (!known) competencies.set(id, { id, name: block.name, group: block.group, summary: '', scale: [], source: block.source });
    // A competency first met outside any group (in an `All levels` section, say) takes the group a level files it under.
    else if (known.group === null && block.group !== null) known.group = block.group;
    const earlier = cells.get(id);
    if (earlier) {
      const cause = { file: file.path, place: earlier.source, reason: `${quote(block.name)} first named here` };
      report(
        file,
        'warning',
        `The competency ${quote(block.name)} is named twice in one level; its texts are read as one`,
        block.source,
        'duplicate-competency',
        cause,
      );
      earlier.statements.push(...block.statements);
      earlier.examples.push(...block.examples);
      continue;
    }
    cells.set(id, { competency: id, rung: null, statements: block.statements, examples: block.examples, source: block.source });
  }
  return [...cells.values()];
}
