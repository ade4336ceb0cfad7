/** What a position heading such as `EM6 - Engineering Manager 6` says. */
export interface PositionHeading {
  code: string;
  level: number;
  title: string | null;
}

// A code is letters straight followed by digits; the title follows a hyphen, en dash, em dash or colon.
const pattern = /^([A-Za-z]+)(\d{1,9})(?:\s*[-\u2013\u2014:]+\s*(.*))?$/;

/** Parse `CODE - Title`, `CODE – Title` or a bare `CODE`; null when the text is not a position heading. */
export function parsePositionHeading(text: string): PositionHeading | null {
  const match = pattern.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const title = match[3]?.trim();
  return { code: match[1].toUpperCase() + match[2], level: Number(match[2]), title: title || null };
}

const seniorWords = new Set(['yes', 'y', 'true', 'senior']);
const otherWords = new Set(['no', 'n', 'false', 'junior', '']);

/** Read a seniority cell (`Yes`/`No`, `Senior`/`Junior`); null when it is neither. */
export function parseSeniority(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (seniorWords.has(word)) return true;
  if (otherWords.has(word)) return false;
  return null;
}
