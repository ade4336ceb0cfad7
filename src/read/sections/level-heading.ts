/** What a level heading or a position page's file name says: `L3: Senior Engineer`, `Level 2`, `Software Engineer 2`. */
export interface LevelHeading {
  /** The code as written (`L3`, `IC2`, `L1.0`), upper-cased; null when the heading names a number only (`Level 3`). */
  code: string | null;
  /** The level's number, for order: `3` of `L3`. */
  number: number;
  /** The step within the level (`0` of `L1.0`); null when none is written. */
  step: number | null;
  /** The title after the code; null when none is written. */
  title: string | null;
  /** How sure the reading is: `level` and `code` headings count alone, a `numbered` title only beside others. */
  form: 'level' | 'code' | 'numbered';
}

// Emoji, their `:shortcode:` and other marks before the words: `🎯 Level 2` is `Level 2`.
const leadingMarks = /^(?:\s|:[a-z\d_+-]+:|[^\p{L}\p{N}])+/u;
const levelWord = /^(?:level|lvl|grade|band|tier)[\s-]*(\d{1,3})(?:\.(\d{1,2}))?(?![\d.])\s*(?:[-\u2013\u2014:.]\s*)?(.*)$/iu;
const codeWord = /^(\p{Lu}{1,4})[\s-]?(\d{1,3})(?:\.(\d{1,2}))?(?![\d.])\s*(?:[-\u2013\u2014:.]\s*)?(.*)$/u;
const numberedTitle = /^(.*?\p{L})\s+(\d{1,2})$/u;
const fileCode = /^(\p{L}{1,4})[\s_-]?(\d{1,3})(?:\.(\d{1,2}))?(?=$|[\s_-])[\s_-]*(.*)$/u;

/** Read a level heading; null when the text is none. */
export function parseLevelHeading(text: string): LevelHeading | null {
  const read = parseCleanHeading(text.replace(leadingMarks, '').replace(/\s+/g, ' ').trim());
  // Emoji before the words stay in the title (never in an id or a code): `🌱 L1: Apprentice` is titled `🌱 Apprentice`.
  const marks = /^[^\p{L}\p{N}]*/u.exec(text.trim())?.[0].trim() ?? '';
  return read && marks && read.title ? { ...read, title: `${marks} ${read.title}` } : read;
}

function parseCleanHeading(clean: string): LevelHeading | null {
  const level = levelWord.exec(clean);
  if (level) return { code: null, number: Number(level[1]), step: stepOf(level[2]), title: level[3]?.trim() || null, form: 'level' };
  const code = codeWord.exec(clean);
  if (code)
    return {
      code: `${code[1]}${code[2]}${code[3] === undefined ? '' : `.${code[3]}`}`,
      number: Number(code[2]),
      step: stepOf(code[3]),
      title: code[4]?.trim() || null,
      form: 'code',
    };
  const numbered = numberedTitle.exec(clean);
  if (numbered) return { code: null, number: Number(numbered[2]), step: null, title: clean, form: 'numbered' };
  return null;
}

/** Read the level a position page's file name starts with: `L3-Senior-Engineer`, `ic2_engineer`, `level-3`. */
export function parseLevelFileName(stem: string): LevelHeading | null {
  const level = levelWord.exec(stem.replace(/[_-]+/g, ' '));
  if (level) return { code: null, number: Number(level[1]), step: stepOf(level[2]), title: titleOf(level[3]), form: 'level' };
  const code = fileCode.exec(stem);
  if (!code?.[1]) return null;
  const letters = code[1].toUpperCase();
  return {
    code: `${letters}${code[2]}${code[3] === undefined ? '' : `.${code[3]}`}`,
    number: Number(code[2]),
    step: stepOf(code[3]),
    title: titleOf(code[4]),
    form: 'code',
  };
}

function stepOf(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits);
}

function titleOf(rest: string | undefined): string | null {
  const title = rest?.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return title || null;
}
