import { createInflate } from 'node:zlib';

/** How much a PDF may make its reader do: bytes unpacked from its streams, objects, and nesting of arrays and dictionaries. */
export interface PdfReadLimits {
  /** Bytes one stream may unpack to. */
  streamBytes: number;
  /** Bytes all streams together may unpack to. */
  totalBytes: number;
  /** Objects, counting those packed in object streams. */
  objects: number;
  /** Arrays and dictionaries inside each other. */
  depth: number;
}

/** Which limit a PDF passes, and how. */
export interface PdfOverLimit {
  limit: keyof PdfReadLimits;
  reason: string;
}

// Unpacked by the filters whose output size cannot be known without running them, at most this many times as large.
const worstGrowth: Record<string, number> = {
  ASCIIHexDecode: 1,
  ASCII85Decode: 4,
  RunLengthDecode: 64,
  LZWDecode: 4096,
  FlateDecode: 1032,
};

/**
 * Measure a PDF before it is parsed, without trusting anything it says: unpack each deflated stream (counting, and
 * stopping at the limit), count its objects and how deep its arrays and dictionaries nest, in the file and in its
 * object streams. The first limit it passes, or null; it never throws, whatever the bytes.
 */
export async function measurePdf(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfOverLimit | null> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const scan = scanSyntax(text, limits.depth);
  if (scan.depth > limits.depth) return overDepth(limits);
  let objects = scan.objects;
  let total = 0;
  for (const stream of findStreams(text)) {
    // Names may spell a character as `#xx` (`/Obj#53tm`), which the parser reads as the character.
    const dictionary = text
      .slice(stream.dictionaryStart, stream.dataStart)
      .replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const packsObjects = /\/Type\s*\/(?:ObjStm|XRef)\b/.test(dictionary);
    const data = bytes.subarray(stream.dataStart, stream.dataEnd);
    // Inflated whatever its dictionary says, and again while what comes out inflates too: a filter hidden from
    // this reading of the dictionary is not one the limit misses.
    const inflated = await inflateAtMost(data, limits.streamBytes);
    let size = Math.max(data.byteLength, inflated.size);
    const filters = filtersOf(dictionary);
    // The parser unpacks these as it reads them, whatever their filters: bounded by their worst growth.
    if (packsObjects && filters.some((filter) => filter !== 'FlateDecode'))
      size = Math.max(
        size,
        filters.reduce((grown, filter) => grown * (worstGrowth[filter] ?? 1), data.byteLength),
      );
    const unpacked = inflated.data;
    if (size > limits.streamBytes)
      return { limit: 'streamBytes', reason: `one of its streams unpacks to more than ${mebibytes(limits.streamBytes)} MiB` };
    total += size;
    if (total > limits.totalBytes)
      return { limit: 'totalBytes', reason: `its streams unpack to more than ${mebibytes(limits.totalBytes)} MiB together` };
    if (unpacked && /\/Type\s*\/ObjStm\b/.test(dictionary)) {
      objects += Number(/\/N\s+(\d{1,9})\b/.exec(dictionary)?.[1] ?? 0);
      if (scanSyntax(unpacked.toString('latin1'), limits.depth, false).depth > limits.depth) return overDepth(limits);
    }
    if (objects > limits.objects) break;
  }
  if (objects > limits.objects) return { limit: 'objects', reason: `it has more than ${limits.objects.toLocaleString('en')} objects` };
  return null;
}

function overDepth(limits: PdfReadLimits): PdfOverLimit {
  return { limit: 'depth', reason: `its arrays and dictionaries nest more than ${limits.depth} deep` };
}

function mebibytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 100) / 100);
}

/** The filters a stream's dictionary names, in order: `/Filter /A` or `/Filter [/A /B]`. */
function filtersOf(dictionary: string): string[] {
  return Array.from(dictionary.matchAll(/\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/g)).flatMap((match) =>
    Array.from(match[1]!.matchAll(/\/([^\s/[\]<>()]+)/g), (name) => name[1]!),
  );
}

/**
 * Every place a stream's data may start: after each `stream` keyword that is not the end of `endstream`, whatever
 * comes before it. More than the parser finds, never fewer, so that no reading of the file that differs from the
 * parser's hides a stream from the limits; each runs to the next `endstream`, and its dictionary is taken from
 * the `obj` before it.
 */
function findStreams(text: string): StreamPlace[] {
  return Array.from(text.matchAll(/(?<!end)stream(?:\r\n|\r|\n)?/g), (match) => {
    const dataStart = match.index + match[0].length;
    const end = text.indexOf('endstream', dataStart);
    return { dictionaryStart: Math.max(0, text.lastIndexOf('obj', match.index)), dataStart, dataEnd: end === -1 ? text.length : end };
  });
}

interface StreamPlace {
  dictionaryStart: number;
  dataStart: number;
  dataEnd: number;
}

interface SyntaxScan {
  objects: number;
  /** The deepest nesting seen, stopping once past `maxDepth`. */
  depth: number;
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c || code === 0x00;

/**
 * One pass over PDF syntax: count `obj` keywords and follow the nesting of `[` and `<<`, outside strings, comments
 * and stream data (from `stream` to `endstream`), which are skipped.
 */
function scanSyntax(text: string, maxDepth: number, withStreams = true): SyntaxScan {
  const scan: SyntaxScan = { objects: 0, depth: 0 };
  let depth = 0;
  const length = text.length;
  for (let at = 0; at < length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x25 /* % */) {
      while (at < length && text.charCodeAt(at) !== 0x0a && text.charCodeAt(at) !== 0x0d) at += 1;
    } else if (code === 0x28 /* ( */) {
      // A literal string: balanced parentheses, and a backslash escapes the next character.
      let open = 1;
      while (open > 0 && ++at < length) {
        const inner = text.charCodeAt(at);
        if (inner === 0x5c) at += 1;
        else if (inner === 0x28) open += 1;
        else if (inner === 0x29) open -= 1;
      }
    } else if (code === 0x5b /* [ */ || (code === 0x3c /* < */ && text.charCodeAt(at + 1) === 0x3c)) {
      if (code === 0x3c) at += 1;
      depth += 1;
      if (depth > scan.depth) scan.depth = depth;
      if (depth > maxDepth) return scan;
    } else if (code === 0x3c) {
      const end = text.indexOf('>', at);
      at = end === -1 ? length : end;
    } else if (code === 0x5d /* ] */ || (code === 0x3e /* > */ && text.charCodeAt(at + 1) === 0x3e)) {
      if (code === 0x3e) at += 1;
      depth = Math.max(0, depth - 1);
    } else if (code === 0x6f /* o */ && text.startsWith('obj', at) && isSpace(text.charCodeAt(at - 1)) && !isRegular(text, at + 3)) {
      scan.objects += 1;
      depth = 0;
    } else if (
      withStreams &&
      code === 0x73 /* s */ &&
      text.startsWith('stream', at) &&
      !isRegular(text, at + 6) &&
      !isRegular(text, at - 1)
    ) {
      const end = text.indexOf('endstream', at + 6);
      at = end === -1 ? length : end + 'endstream'.length - 1;
      depth = 0;
    }
  }
  return scan;
}

/** Whether the character at `at` is part of a name or keyword (not white space or a delimiter). */
function isRegular(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  return !isSpace(code) && !'()<>[]{}/%'.includes(text[at]!);
}

/**
 * Inflate `data`, and what comes out while it inflates too (a stream deflated twice over), counting what comes
 * out and stopping once it passes `limit`: the largest size seen, and the last output when it is within the
 * limit. Data that is not deflated gives nothing; data that stops unpacking counts for what it gave until then.
 */
async function inflateAtMost(data: Uint8Array, limit: number): Promise<{ size: number; data: Buffer | null }> {
  let input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let last: { size: number; data: Buffer | null } = { size: 0, data: null };
  for (let pass = 0; pass < 8; pass += 1) {
    const result = await inflateOnce(input, limit, true);
    if (result.size === 0) break;
    last = result;
    if (!result.data) break;
    input = result.data;
  }
  return last;
}

function inflateOnce(input: Buffer, limit: number, keep: boolean): Promise<{ size: number; data: Buffer | null }> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve({ size, data: keep && size <= limit ? Buffer.concat(chunks) : null });
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (keep && size <= limit) chunks.push(chunk);
      if (size > limit) finish();
    });
    inflate.on('error', finish);
    inflate.on('end', finish);
    inflate.on('close', finish);
    inflate.end(input);
  });
}
