/** A run of lines of a page, and where it starts in the page. */
export interface Chunk {
  text: string;
  /** Lines before the chunk, to shift its positions back into the page. */
  lineOffset: number;
  /** Characters before the chunk. */
  offset: number;
  /** Lines that open a list item or a block quote, or hold a table row: what the parser's cost grows with. */
  containerLines: number;
}

const heading = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const fence = /^ {0,3}(`{3,}|~{3,})/;
const blank = /^[ \t]*\r?\n?$/;
const container = /^[ \t]*(?:[*+>-]|\d{1,9}[.)])|\|/;

// Small chunks are merged back up to this size: each parse has a fixed cost, and within this
// size the parser's quadratic part is negligible.
const mergeUpToChars = 4096;
const mergeUpToContainers = 64;

/**
 * Cut a page where every open block has ended: before a heading, and before an unindented line
 * that follows a blank line — outside front matter, fenced code and HTML comments. Each chunk
 * then parses as it would inside the page, except that a loose list is cut into one list per
 * item (the reader reads lists item by item, so nothing it reads changes) and a reference-style
 * link defined in another chunk stays unresolved (only link targets, never text). Parsing chunks
 * keeps the parser linear: micromark's document tokenizer is quadratic in the containers of one
 * parse, so a page with thousands of lists would otherwise take minutes.
 */
export function splitIntoChunks(text: string): Chunk[] {
  const lines = text.split(/(?<=\n)/);
  const chunks: Chunk[] = [];
  let current: Chunk = { text: '', lineOffset: 0, offset: 0, containerLines: 0 };
  let offset = 0;
  let state: 'flow' | 'front-matter' | 'comment' = /^---\r?\n/.test(text) ? 'front-matter' : 'flow';
  let openFence: string | null = null;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const boundary = heading.test(line) || (previous !== undefined && blank.test(previous) && /^\S/.test(line));
    if (index > 0 && state === 'flow' && openFence === null && boundary && !isSmall(current, offset)) {
      chunks.push({ ...current, text: text.slice(current.offset, offset) });
      current = { text: '', lineOffset: index, offset, containerLines: 0 };
    }
    if (state === 'flow' && openFence === null && container.test(line)) current.containerLines += 1;
    const marker = fence.exec(line)?.[1];
    if (state === 'front-matter') state = index > 0 && /^(---|\.\.\.)\s*$/.test(line) ? 'flow' : state;
    else if (state === 'comment') state = line.includes('-->') ? 'flow' : state;
    else if (openFence !== null) openFence = marker?.startsWith(openFence) ? null : openFence;
    else if (marker) openFence = marker;
    else if (line.includes('<!--') && !line.slice(line.indexOf('<!--')).includes('-->')) state = 'comment';
    offset += line.length;
  });
  chunks.push({ ...current, text: text.slice(current.offset) });
  return chunks;
}

function isSmall(chunk: Chunk, end: number): boolean {
  return end - chunk.offset < mergeUpToChars && chunk.containerLines < mergeUpToContainers;
}
