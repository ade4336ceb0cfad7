import type { DataPlace } from './data-node.js';

/**
 * A function from an offset in `text` to its line and column, by binary search over the line starts:
 * a large file has many nodes, and counting lines from the start for each would be quadratic.
 * `start` is where the text itself starts in its file (front matter starts a line below `---`).
 */
export function makePlacer(text: string, start: DataPlace = { line: 1, column: 1 }): (offset: number) => DataPlace {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) lineStarts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const column = offset - lineStarts[low]! + 1;
    return { line: start.line + low, column: low === 0 ? start.column + column - 1 : column };
  };
}
