/** What a level's header in a sheet or table says: its code, its title and its order among the levels. */
export interface LevelHeader {
  code: string;
  title: string;
}

// `MG1`, `L3`, `IC 2`, `E-4`; `Level 3`, `Grade 2`; `Senior Engineer (L3)`.
const bareCode = /^([A-Za-z]{1,4})[\s-]?(\d{1,2})$/u;
const namedLevel = /^(?:level|lvl|grade|band|step|stage|tier|レベル|等級)\s*(\d{1,2})$/iu;
const titledCode = /^(.+?)\s*[([]\s*([A-Za-z]{0,4}[\s-]?\d{1,2})\s*[)\]]$/u;

/** Whether a header names a level (`MG1`, `Level 3`, `Engineer (L1)`), as opposed to a competency. */
export function isLevelName(text: string): boolean {
  const trimmed = text.replace(/\*\*/g, '').trim();
  return bareCode.test(trimmed) || namedLevel.test(trimmed) || titledCode.test(trimmed);
}

/** The code and title a level's header gives: `MG1` is both; `Engineer (L1)` is `L1`, titled `Engineer`; `Level 3` is `L3`. */
export function readLevelHeader(text: string): LevelHeader {
  const trimmed = text.replace(/\*\*/g, '').trim();
  const bare = bareCode.exec(trimmed);
  if (bare) return { code: `${bare[1]?.toUpperCase()}${bare[2]}`, title: trimmed };
  const named = namedLevel.exec(trimmed);
  if (named) return { code: `L${named[1]}`, title: trimmed };
  const titled = titledCode.exec(trimmed);
  if (titled) return { code: (titled[2] ?? '').replace(/[\s-]/g, '').toUpperCase(), title: titled[1] ?? trimmed };
  return {
    code: trimmed
      .replace(/[^\p{L}\p{N}]+/gu, '')
      .toUpperCase()
      .slice(0, 12),
    title: trimmed,
  };
}
