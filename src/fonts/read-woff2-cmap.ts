import { brotliDecompressSync } from 'node:zlib';

// WOFF2's table directory names common tables by an index into this list (WOFF2 specification, 5.1).
const knownTags = (
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea ' +
  'vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar ' +
  'gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
).match(/.{4}(?: |$)/g)!.map((tag) => tag.slice(0, 4));

/** The code points a WOFF2 font maps to a glyph, read from its `cmap` table (formats 4 and 12). */
export function readWoff2Cmap(font: Uint8Array): Set<number> {
  const bytes = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  if (bytes.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 font');
  const tableCount = bytes.readUInt16BE(12);
  const compressedLength = bytes.readUInt32BE(20);
  let at = 48;
  const readBase128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = bytes[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128 in a WOFF2 table directory');
  };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < tableCount; i++) {
    const flags = bytes[at++]!;
    const tag = (flags & 0x3f) === 63 ? bytes.toString('latin1', at, (at += 4)) : knownTags[flags & 0x3f];
    const transform = flags >> 6;
    const originalLength = readBase128();
    // glyf and loca are transformed unless their version is 3; every other table only when its version is not 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? transform !== 3 : transform !== 0;
    const length = transformed ? readBase128() : originalLength;
    if (tag === 'cmap') cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('a WOFF2 font without a cmap table');
  const tables = brotliDecompressSync(bytes.subarray(at, at + compressedLength));
  return readCmap(tables.subarray(cmap.offset, cmap.offset + cmap.length));
}

function readCmap(table: Buffer): Set<number> {
  const covered = new Set<number>();
  const count = table.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const platform = table.readUInt16BE(4 + i * 8);
    const encoding = table.readUInt16BE(6 + i * 8);
    // Unicode subtables only: Windows (3, 1 or 10) and Unicode platform 0.
    if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
    const sub = table.subarray(table.readUInt32BE(8 + i * 8));
    const format = sub.readUInt16BE(0);
    if (format === 4) readFormat4(sub, covered);
    else if (format === 12) readFormat12(sub, covered);
  }
  return covered;
}

function readFormat4(sub: Buffer, covered: Set<number>): void {
  const segments = sub.readUInt16BE(6) / 2;
  const ends = 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = sub.readUInt16BE(ends + s * 2);
    const start = sub.readUInt16BE(starts + s * 2);
    const delta = sub.readInt16BE(deltas + s * 2);
    const rangeOffset = sub.readUInt16BE(rangeOffsets + s * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const index = sub.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(code);
    }
  }
}

function readFormat12(sub: Buffer, covered: Set<number>): void {
  const groups = sub.readUInt32BE(12);
  for (let g = 0; g < groups; g++) {
    const start = sub.readUInt32BE(16 + g * 12);
    const end = sub.readUInt32BE(20 + g * 12);
    const glyph = sub.readUInt32BE(24 + g * 12);
    for (let code = start; code <= end; code++) if (glyph + (code - start) !== 0) covered.add(code);
  }
}
