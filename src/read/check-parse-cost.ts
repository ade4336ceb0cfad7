import type { Point } from 'unist';
import type { Chunk } from './split-into-chunks.js';

/** Why a page would take the parser too long, and where. */
export interface ParseCostProblem {
  reason: string;
  place: Point;
  ruleId: 'too-deeply-nested' | 'too-complex';
}

// No real ladder comes near these limits. Past them micromark's time grows with the cube of the
// nesting depth, and with the square of the list items, quotes and table rows in one block and
// of the length of one block's text; a hostile page could otherwise stall a build for minutes.
const maxPrefixChars = 100;
const freeContainers = 64;
const maxContainerCost = 1_000_000;
// The sum of the squares of block lengths: one 70 KB block, or a whole page of ordinary ones.
const maxTextCost = 5e9;

// A quote marker needs no space after it (`>>>` is three quotes deep); a list marker does.
const containerPrefix = /^(?:[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)))+[ \t]*/;
// Emphasis, links, images and code nested in one line cost micromark the cube of their depth too
// (2,500 levels of emphasis take five seconds); a real line has a handful of these marks.
const maxInlineMarks = 400;
const inlineMark = /[*_[\]!`<>]/g;
const thematicBreak = /^[ \t]*([*_-])(?:[ \t]*\1)*[ \t]*$/;

/** Find what would make parsing these chunks slow: deep nesting, very long blocks, or too many items in unbroken blocks. */
export function checkParseCost(chunks: readonly Chunk[]): ParseCostProblem | null {
  let containerCost = 0;
  let textCost = 0;
  for (const chunk of chunks) {
    const problem = deepLine(chunk);
    if (problem) return problem;
    containerCost += Math.max(0, chunk.containerLines - freeContainers) ** 2;
    textCost += chunk.text.length ** 2;
  }
  if (textCost > maxTextCost) return longBlock(chunks);
  if (containerCost <= maxContainerCost) return null;
  const largest = chunks.reduce((a, b) => (b.containerLines > a.containerLines ? b : a));
  return {
    reason: `Too many list items, quotes or table rows without a blank line or heading between them (${largest.containerLines} in the largest block); split them with headings or blank lines`,
    place: { line: largest.lineOffset + 1, column: 1 },
    ruleId: 'too-complex',
  };
}

function deepLine(chunk: Chunk): ParseCostProblem | null {
  const lines = chunk.text.split('\n');
  for (const [index, line] of lines.entries()) {
    const prefix = containerPrefix.exec(line)?.[0] ?? '';
    const place = { line: chunk.lineOffset + index + 1, column: 1 };
    if (prefix.length > maxPrefixChars) {
      return {
        reason: `Lists or quotes nested too deeply: ${prefix.length} characters of nesting before the text, at most ${maxPrefixChars}`,
        place,
        ruleId: 'too-deeply-nested',
      };
    }
    const marks = line.length > maxInlineMarks && !thematicBreak.test(line) ? (line.match(inlineMark)?.length ?? 0) : 0;
    if (marks > maxInlineMarks) {
      return {
        reason: `Too much inline markup in one line: ${marks} emphasis, link, image or code marks, at most ${maxInlineMarks}`,
        place,
        ruleId: 'too-deeply-nested',
      };
    }
  }
  return null;
}

function longBlock(chunks: readonly Chunk[]): ParseCostProblem {
  const chunk = chunks.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return {
    reason: `Blocks too long to parse: the longest has ${chunk.text.length} characters with no blank line or heading in it; split it with blank lines`,
    place: { line: chunk.lineOffset + 1, column: 1 },
    ruleId: 'too-complex',
  };
}
