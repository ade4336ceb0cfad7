/** What a position heading such as `EM6 - Engineering Manager 6` says. */
export interface PositionHeading {
  code: string;
  level: number;
  title: string | null;
}

// A code is letters (of any script) straight followed by digits; the title follows a hyphen, en dash, em dash or colon.
const pattern = /^(\p{L}+)(\d{1,9})(?:\s*[-\u2013\u2014:]+\s*(.*))?$/u;

/** Parse `CODE - Title`, `CODE – Title` or a bare `CODE`; null when the text is not a position heading. */
export function parsePositionHeading(text: string): PositionHeading | null {
  const match = pattern.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const title = match[3]?.trim();
  return { code: match[1].toUpperCase() + match[2], level: Number(match[2]), title: title || null };
}
