/** A PDF text string: UTF-16BE with a byte-order mark, in hexadecimal, so any text needs no escaping. */
export function toPdfTextString(value: string): string {
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}
