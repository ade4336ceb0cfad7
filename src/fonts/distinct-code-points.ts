/** The code points `text` uses, each once; the ASCII ones of a long page are told apart from a table, which is many times faster than a set. */
export function distinctCodePoints(text: string): Set<number> {
  const ascii = new Uint8Array(128);
  const codePoints = new Set<number>();
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (ascii[code] === 0) codePoints.add(code);
      ascii[code] = 1;
      continue;
    }
    const codePoint = text.codePointAt(index)!;
    codePoints.add(codePoint);
    if (codePoint > 0xffff) index++;
  }
  return codePoints;
}
