import type { VFile } from 'vfile';
import type { SourcePlace } from '../../model.js';
import { defaultFirstSeniorLevel } from '../to-framework.js';
import type { PositionDraft } from './assign-codes.js';
import { toCells, type CompetencyList } from './collect-competencies.js';
import type { LevelHeading } from './level-heading.js';
import type { LevelBody } from './read-level-body.js';

const seniorTitle = /\b(?:senior|staff|principal|lead|director|head)\b/i;

/** A position from what its level heading and its section say; its code and level are given later (see `assignCodes`). */
export function toPositionDraft(
  level: LevelHeading,
  names: { heading: string; role: string },
  body: LevelBody,
  file: VFile,
  competencies: CompetencyList,
  source: SourcePlace,
): PositionDraft {
  const title = level.title ?? (level.form === 'code' ? `${names.role} ${level.number}` : names.heading);
  return {
    level,
    position: {
      code: '',
      level: 0,
      title,
      // Without a level table, the level's number or the title's words say whether the position is senior.
      senior: level.number >= defaultFirstSeniorLevel || seniorTitle.test(title),
      summary: body.summary,
      attributes: body.attributes,
      cells: toCells(body.competencies, file, competencies),
      source,
    },
  };
}
