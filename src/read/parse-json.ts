import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';

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

/** Thrown from the visitor to stop at the first problem: the parser would go on and report its recoveries too. */
class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

// Deeper nesting is never a config; stopping there keeps the parser's recursion far from the stack's end.
const maxDepth = 200;
const wordPattern = /[\w$.+-]+/y;
// The parser's error codes by name: its enum is a `const enum`, which an isolated module cannot read.
const stringErrors = new Set(['UnexpectedEndOfString', 'InvalidEscapeCharacter', 'InvalidUnicode', 'InvalidCharacter']);
const numberErrors = new Set(['InvalidNumberFormat', 'UnexpectedEndOfNumber']);

/** What the parser expects next, for messages that say what it found instead. */
type Expecting = 'value' | 'key' | 'colon' | 'next';
type Container = (JsonNode & { type: 'object' }) | (JsonNode & { type: 'array' });
/** An object or array being read, and the key it will be the value of when its parent is an object. */
interface Frame {
  node: Container;
  key: { key: string; keyStart: number } | undefined;
}

/**
 * Parse strict JSON (RFC 8259: no comments, trailing commas, single quotes or bare keys) with
 * jsonc-parser, keeping the offset of every value and key; the first problem stops it, said in words
 * that name what was found and what was expected there.
 */
export function parseJson(text: string): ParsedJson {
  if (text.trim() === '') return { ok: false, reason: 'The file is empty, expected a JSON object such as `{}`', offset: 0 };
  const stack: Frame[] = [];
  let root: JsonNode | undefined;
  let pendingKey: { key: string; keyStart: number } | undefined;
  let expecting: Expecting = 'value';

  const attach = (node: JsonNode) => {
    const parent = stack.at(-1)?.node;
    if (!parent) root = node;
    else if (parent.type === 'array') parent.items.push(node);
    else if (pendingKey) parent.members.push({ ...pendingKey, value: node });
    expecting = 'next';
  };
  const open = (node: Container) => {
    if (stack.length >= maxDepth + 1) throw new JsonSyntaxError(`Nested deeper than ${maxDepth} levels`, node.start);
    stack.push({ node, key: pendingKey });
    expecting = node.type === 'object' ? 'key' : 'value';
  };
  const close = (offset: number, length: number) => {
    const { node, key } = stack.pop()!;
    node.end = offset + length;
    pendingKey = key;
    attach(node);
  };

  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => open({ type: 'object', start: offset, end: offset, members: [] }),
        onArrayBegin: (offset) => open({ type: 'array', start: offset, end: offset, items: [] }),
        onObjectEnd: close,
        onArrayEnd: close,
        onObjectProperty: (key: string, keyStart) => {
          pendingKey = { key, keyStart };
          expecting = 'colon';
        },
        onSeparator: (character) => {
          expecting = character === ':' ? 'value' : stack.at(-1)?.node.type === 'object' ? 'key' : 'value';
        },
        onLiteralValue: (value: unknown, offset, length) => {
          const end = offset + length;
          // `01` and `1x` are not JSON numbers, though the scanner reads their first digit as one.
          if (typeof value === 'number' && /[\w.+-]/.test(text[end] ?? '')) {
            throw new JsonSyntaxError(`Invalid number \`${wordAt(text, offset)}\``, offset);
          }
          attach(toLiteralNode(value, offset, end, text));
        },
        onError: (code, offset) => {
          throw describeError(text, code, offset, expecting, stack);
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, reason: error.reason, offset: error.offset };
    throw error;
  }
  // The parser reports every problem it meets, so a text it went through without one holds a value.
  return { ok: true, node: root! };
}

function toLiteralNode(value: unknown, start: number, end: number, text: string): JsonNode {
  if (typeof value === 'string') return { type: 'string', start, end, value };
  if (typeof value === 'number') return { type: 'number', start, end, value, raw: text.slice(start, end) };
  if (typeof value === 'boolean') return { type: 'boolean', start, end, value };
  return { type: 'null', start, end };
}

function describeError(text: string, code: ParseErrorCode, offset: number, expecting: Expecting, stack: Frame[]): JsonSyntaxError {
  const error = printParseErrorCode(code);
  if (error === 'InvalidCommentToken') return new JsonSyntaxError('Comments are not allowed in JSON', offset);
  if (stringErrors.has(error)) return describeStringError(text, offset);
  const char = text[offset];
  if (numberErrors.has(error) || (error === 'InvalidSymbol' && /^[-\d]/.test(char ?? '')))
    return new JsonSyntaxError(`Invalid number \`${wordAt(text, offset)}\``, offset);
  if (char === "'") return new JsonSyntaxError("Strings in JSON must use double quotes, not `'`", offset);
  if ((char === '}' || char === ']') && /,\s*$/.test(text.slice(0, offset))) {
    // The place to delete is the comma, not the bracket after it.
    return new JsonSyntaxError('Trailing comma is not allowed in JSON', text.lastIndexOf(',', offset));
  }
  const container = stack.at(-1)?.node;
  const found = char === undefined ? 'end of file' : `\`${wordAt(text, offset)}\``;
  // The parser has already ended the object or array it reports unclosed.
  if (error === 'CloseBraceExpected') return new JsonSyntaxError(`Unexpected ${found}, expected \`,\` or \`}\``, offset);
  if (error === 'CloseBracketExpected') return new JsonSyntaxError(`Unexpected ${found}, expected \`,\` or \`]\``, offset);
  if (!container && expecting === 'next')
    return new JsonSyntaxError(`Unexpected \`${wordAt(text, offset)}\` after the end of the JSON value`, offset);
  const expected = {
    value: 'expected a value',
    key: 'expected a key in double quotes',
    colon: 'expected `:` after the key',
    next: container?.type === 'array' ? 'expected `,` or `]`' : 'expected `,` or `}`',
  }[expecting];
  return new JsonSyntaxError(`Unexpected ${found}, ${expected}`, offset);
}

/** The first problem in the string that starts at `start`: the scanner names the string, not the character. */
function describeStringError(text: string, start: number): JsonSyntaxError {
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"') break;
    if (char === '\n' || char === '\r') break;
    if (char < ' ') return new JsonSyntaxError('Control character in a string; write it as an escape such as `\\t`', index);
    if (char !== '\\') continue;
    const letter = text[index + 1] ?? '';
    const valid = '"\\/bfnrt'.includes(letter) || (letter === 'u' && /^[\da-fA-F]{4}$/.test(text.slice(index + 2, index + 6)));
    if (letter === '' || !valid) return new JsonSyntaxError(`Invalid escape \`\\${letter}\` in a string`, index);
    index += 1;
  }
  return new JsonSyntaxError('Unterminated string', start);
}

/** The word or single character at `offset`, to quote what was found. */
function wordAt(text: string, offset: number): string {
  wordPattern.lastIndex = offset;
  const word = wordPattern.exec(text)?.[0] ?? text.slice(offset, offset + 1);
  return word.length > 30 ? word.slice(0, 30) + '…' : word;
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
