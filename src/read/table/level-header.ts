/**
 * How a table's header names a level. The rule, documented in docs/shapes.md:
 * - `Title (CODE)`, `CODE - Title` or `CODE: Title`, where CODE is letters straight followed by digits
 *   (`Engineer (L1)`, `IC3 - Engineer`): the code and the title;
 * - a bare code (`L2`, `IC3`, `M4`): the code, which is also the title;
 * - anything else (`Senior`, `Engineer 1`): the title; the reader makes the code from the role.
 * The level (the position's order) is where the header stands: left to right, or top to bottom.
 */
export interface LevelHeader {
  code: string | null;
  title: string;
}

const bareCode = /^(\p{L}{1,4})(\d{1,3})$/u;
const codeInParentheses = /^(.+?)\s*\(\s*(\p{L}{1,5}\d{1,3})\s*\)$/u;
const codeThenTitle = /^(\p{L}{1,5}\d{1,3})\s*[-\u2013\u2014:]+\s*(.+)$/u;
// A title ending in a number or a Roman numeral (`Engineer 2`, `Software Engineer III`).
const numberedTitle = /^[\p{L}][\p{L}\s&/'-]{0,60}\s(?:\d{1,3}|[IVX]{1,4})$/u;
const levelWords = new Set([
  'intern',
  'apprentice',
  'graduate',
  'junior',
  'associate',
  'mid',
  'mid-level',
  'intermediate',
  'senior',
  'staff',
  'principal',
  'lead',
  'distinguished',
  'fellow',
  'manager',
  'director',
  'head',
  'vp',
  'chief',
  'engineer',
  'developer',
  'architect',
  'level',
  'entry',
  'expert',
]);
// Words a corner or column header uses to say its axis holds the levels, or the competencies.
const levelAxisWords = new Set([
  'level',
  'levels',
  'position',
  'positions',
  'title',
  'titles',
  'grade',
  'band',
  'role',
  'code',
  'senior',
  'seniority',
  'step',
]);
const competencyAxisWords = new Set([
  'competency',
  'competencies',
  'skill',
  'skills',
  'area',
  'areas',
  'dimension',
  'dimensions',
  'pillar',
  'pillars',
  'theme',
  'themes',
  'category',
  'categories',
  'criteria',
  'criterion',
  'attribute',
  'attributes',
  'behaviour',
  'behaviours',
  'behavior',
  'behaviors',
  'expectation',
  'expectations',
  'trait',
  'traits',
  'focus',
]);

/** Read a header naming a level; null when the text does not read as one. */
export function parseLevelHeader(text: string): LevelHeader | null {
  const folded = text.replace(/\s+/g, ' ').trim();
  // A level's name is a few words; a sentence that mentions a level is a cell's text.
  if (folded.length > 60 || folded.split(' ').length > 6) return null;
  const bare = bareCode.exec(folded);
  if (bare?.[1] && bare[2]) return { code: `${bare[1].toUpperCase()}${bare[2]}`, title: folded };
  const inParentheses = codeInParentheses.exec(folded);
  if (inParentheses?.[1] && inParentheses[2]) return { code: inParentheses[2].toUpperCase(), title: inParentheses[1] };
  const codeFirst = codeThenTitle.exec(folded);
  if (codeFirst?.[1] && codeFirst[2]) return { code: codeFirst[1].toUpperCase(), title: codeFirst[2] };
  if (numberedTitle.test(folded) || wordsOf(folded).some((word) => levelWords.has(word))) return { code: null, title: folded };
  return null;
}

/** Whether a corner or column header says its axis holds the levels (`Level`, `Artsy level`, `Title`). */
export function namesLevelAxis(text: string): boolean {
  return wordsOf(text).some((word) => levelAxisWords.has(word));
}

/** Whether a corner header says its axis holds the competencies (`Competency`, `Skills`). */
export function namesCompetencyAxis(text: string): boolean {
  return wordsOf(text).some((word) => competencyAxisWords.has(word));
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
}
