/** A JSON value with the offsets where it starts and ends in the text, so messages can point at it. */
export type JsonNode =
  | { type: 'object'; start: number; end: number; members: JsonMember[] }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'number'; start: number; end: number; value: number; raw: string }
  | { type: 'boolean'; start: number; end: number; value: boolean }
  | { type: 'null'; start: number; end: number };

/** One `"key": value` of an object, with the offset of the key's opening quote. */
export interface JsonMember {
  key: string;
  keyStart: number;
  value: JsonNode;
}

/** The tree of a JSON text, or why it is not strict JSON and the offset of the problem. */
export type ParsedJson = { ok: true; node: JsonNode } | { ok: false; reason: string; offset: number };

class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

// Deeper nesting is never a config; the limit keeps the recursion far from the stack's end.
const maxDepth = 200;
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const wordPattern = /[\w$.+-]+/y;
const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parse strict JSON (RFC 8259: no comments, trailing commas, single quotes or bare keys), keeping offsets. */
export function parseJson(text: string): ParsedJson {
  try {
    const parser = new Parser(text);
    return { ok: true, node: parser.parseDocument() };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, reason: error.reason, offset: error.offset };
    throw error;
  }
}

class Parser {
  private index = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    this.skipWhitespace();
    if (this.index === this.text.length) throw new JsonSyntaxError('The file is empty, expected a JSON object such as `{}`', 0);
    const node = this.parseValue(0);
    this.skipWhitespace();
    if (this.index < this.text.length) {
      throw new JsonSyntaxError(`Unexpected \`${this.wordAt(this.index)}\` after the end of the JSON value`, this.index);
    }
    return node;
  }

  private parseValue(depth: number): JsonNode {
    if (depth > maxDepth) throw new JsonSyntaxError(`Nested deeper than ${maxDepth} levels`, this.index);
    const start = this.index;
    const char = this.text[this.index];
    if (char === '{') return this.parseObject(depth);
    if (char === '[') return this.parseArray(depth);
    if (char === '"') return { type: 'string', start, value: this.parseString(), end: this.index };
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, start)) {
        this.index += word.length;
        const end = this.index;
        return value === null ? { type: 'null', start, end } : { type: 'boolean', start, end, value };
      }
    }
    return this.fail('expected a value');
  }

  private parseObject(depth: number): JsonNode {
    const start = this.index;
    const members: JsonMember[] = [];
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') return { type: 'object', start, members, end: ++this.index };
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') {
        if (this.text[this.index] === '}' && members.length > 0) this.failTrailingComma();
        this.fail('expected a key in double quotes');
      }
      const keyStart = this.index;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail('expected `:` after the key');
      this.index += 1;
      this.skipWhitespace();
      members.push({ key, keyStart, value: this.parseValue(depth + 1) });
      this.skipWhitespace();
      if (this.text[this.index] === '}') return { type: 'object', start, members, end: ++this.index };
      if (this.text[this.index] !== ',') this.fail('expected `,` or `}`');
      this.index += 1;
    }
  }

  private parseArray(depth: number): JsonNode {
    const start = this.index;
    const items: JsonNode[] = [];
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') return { type: 'array', start, items, end: ++this.index };
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] === ']' && items.length > 0) this.failTrailingComma();
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      if (this.text[this.index] === ']') return { type: 'array', start, items, end: ++this.index };
      if (this.text[this.index] !== ',') this.fail('expected `,` or `]`');
      this.index += 1;
    }
  }

  private parseString(): string {
    const start = this.index;
    let value = '';
    this.index += 1;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char === '\n' || char === '\r') throw new JsonSyntaxError('Unterminated string', start);
      if (char === '"') break;
      if (char < ' ') throw new JsonSyntaxError('Control character in a string; write it as an escape such as `\\t`', this.index);
      if (char === '\\') {
        value += this.parseEscape();
      } else {
        value += char;
        this.index += 1;
      }
    }
    this.index += 1;
    return value;
  }

  private parseEscape(): string {
    const start = this.index;
    const letter = this.text[this.index + 1] ?? '';
    const simple = escapes[letter];
    if (simple !== undefined) {
      this.index += 2;
      return simple;
    }
    const hex = this.text.slice(this.index + 2, this.index + 6);
    if (letter === 'u' && /^[\da-fA-F]{4}$/.test(hex)) {
      this.index += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    throw new JsonSyntaxError(`Invalid escape \`\\${letter}\` in a string`, start);
  }

  private parseNumber(): JsonNode {
    const start = this.index;
    numberPattern.lastIndex = start;
    const raw = numberPattern.exec(this.text)?.[0] ?? '';
    const next = this.text[start + raw.length];
    // `01`, `1.`, `-` and `1e` are not JSON numbers, though a prefix of each would be.
    if (raw === '' || raw === '-' || (next !== undefined && /[\w.+-]/.test(next))) {
      throw new JsonSyntaxError(`Invalid number \`${this.wordAt(start)}\``, start);
    }
    this.index += raw.length;
    return { type: 'number', start, raw, value: Number(raw), end: this.index };
  }

  private skipWhitespace(): void {
    for (;;) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
        this.index += 1;
      } else if (char === '/' && (this.text[this.index + 1] === '/' || this.text[this.index + 1] === '*')) {
        throw new JsonSyntaxError('Comments are not allowed in JSON', this.index);
      } else {
        return;
      }
    }
  }

  /** The comma before `this.index`: the place to delete is the comma, not the bracket after it. */
  private failTrailingComma(): never {
    const comma = this.text.lastIndexOf(',', this.index);
    throw new JsonSyntaxError('Trailing comma is not allowed in JSON', comma === -1 ? this.index : comma);
  }

  private fail(expected: string): never {
    const char = this.text[this.index];
    if (char === undefined) throw new JsonSyntaxError(`Unexpected end of file, ${expected}`, this.index);
    if (char === "'") throw new JsonSyntaxError("Strings in JSON must use double quotes, not `'`", this.index);
    throw new JsonSyntaxError(`Unexpected \`${this.wordAt(this.index)}\`, ${expected}`, this.index);
  }

  /** The word or single character at `offset`, to quote what was found. */
  private wordAt(offset: number): string {
    wordPattern.lastIndex = offset;
    const word = wordPattern.exec(this.text)?.[0] ?? this.text.slice(offset, offset + 1);
    return word.length > 30 ? word.slice(0, 30) + '…' : word;
  }
}

/** The plain value of a node; keys such as `__proto__` stay ordinary keys. */
export function toJsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(node.members.map((member) => [member.key, toJsonValue(member.value)]));
    case 'array':
      return node.items.map(toJsonValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** Line and column (both from 1) of `offset` in `text`. */
export function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
