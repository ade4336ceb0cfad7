/**
 * A user's value ready for a page (HTML, Markdown, PDF): control characters, which a page would carry
 * raw to whoever opens its source in a terminal and no reader can see, are dropped. A line break or
 * tab becomes a space; with `multiline`, line breaks and tabs are kept, carriage returns made `\n`.
 */
export function dropControls(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
  const text = value.replace(/\r\n?/g, '\n');
  return text.replace(/\p{Cc}/gu, (character) => {
    if (multiline && (character === '\n' || character === '\t')) return character;
    return character === '\n' || character === '\t' ? ' ' : '';
  });
}
