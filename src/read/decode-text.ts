/** The text of a file, or why its bytes are not readable text and where. */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: 'binary' | 'encoding'; line: number; column: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 bytes strictly, dropping a byte-order mark; report the first bad byte's place. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, problem: 'binary', ...placeOfByte(bytes, nul) };
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false, problem: 'encoding', ...placeOfByte(bytes, firstInvalidByte(bytes)) };
  }
}

/** Line and column of the character that starts at byte `offset`. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return bytes.length;
}

/** The length of the well-formed sequence at `index`, or 0 (RFC 3629, table 3-7 of Unicode). */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || index + length > bytes.length) return 0;
  for (let next = 1; next < length; next++) {
    if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return 0;
  }
  const second = bytes[index + 1] ?? 0;
  if (lead === 0xe0 && second < 0xa0) return 0; // overlong
  if (lead === 0xed && second > 0x9f) return 0; // surrogate
  if (lead === 0xf0 && second < 0x90) return 0; // overlong
  if (lead === 0xf4 && second > 0x8f) return 0; // beyond U+10FFFF
  return length;
}
