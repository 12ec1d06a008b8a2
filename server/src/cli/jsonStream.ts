/**
 * JSON written in pieces: the text `JSON.stringify(value, null, 2)` gives for the whole value,
 * byte for byte, without the whole ever held as one string or one object tree. A large array
 * (a file's diagnostics, a run's results) is given as an iterable that is read only as its part
 * of the text is written, so its items can be built one at a time and dropped.
 *
 *     streamJson(new Streamed({ version: 1, files: HOLE }, { files: filesOneByOne() }))
 *
 * A value is a plain JSON value, or a `Streamed`: a plain skeleton in which each large array is a
 * hole (`hole(name)`, a string), and for each hole the items, each a plain value or a `Streamed`
 * in turn (a `Streamed` stands only as the whole value or as a hole's item). The skeleton is stringified as is and each hole's quoted string replaced by its array,
 * indented as JSON.stringify indents it; the items of one hole are read after the text before it
 * is written, so a later hole's items may depend on an earlier hole's having been read.
 */

/** A value with some arrays left to be read while it is written. */
export class Streamed {
  constructor(
    readonly skeleton: unknown,
    readonly holes: Record<string, Iterable<unknown>>,
  ) {}
}

/** Unlike any string a report's JSON holds (NUL cannot stand in a path, and the name is odd). */
const MARK = '\u0000wengao-hole:';

/** The string that stands for the array `name` in a skeleton. */
export function hole(name: string): string {
  return `${MARK}${name}\u0000`;
}

const QUOTED_HOLE = /"\\u0000wengao-hole:([^"\\]+)\\u0000"/g;

/** The pieces of `value`'s text, the lines after its first indented by `indent` more spaces. */
export function* jsonPieces(value: unknown, indent = 0): Generator<string> {
  if (!(value instanceof Streamed)) {
    const text = JSON.stringify(value, null, 2);
    yield indent ? text.replace(/\n/g, `\n${' '.repeat(indent)}`) : text;
    return;
  }
  let text = JSON.stringify(value.skeleton, null, 2);
  if (indent) text = text.replace(/\n/g, `\n${' '.repeat(indent)}`);
  let last = 0;
  for (const m of text.matchAll(QUOTED_HOLE)) {
    const items = value.holes[m[1]];
    if (!items) continue;
    yield text.slice(last, m.index);
    // (The array's items one level deeper than the line that holds its key.)
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const at = /^ */.exec(text.slice(lineStart, m.index))![0].length;
    yield* arrayPieces(items, at);
    last = m.index + m[0].length;
  }
  yield text.slice(last);
}

function* arrayPieces(items: Iterable<unknown>, at: number): Generator<string> {
  const pad = ' '.repeat(at + 2);
  let first = true;
  for (const item of items) {
    yield first ? `[\n${pad}` : `,\n${pad}`;
    first = false;
    yield* jsonPieces(item, at + 2);
  }
  yield first ? '[]' : `\n${' '.repeat(at)}]`;
}

/** A JSON document's pieces, and the line end after it. */
export function* document(value: unknown): Generator<string> {
  yield* jsonPieces(value);
  yield '\n';
}

/**
 * Pieces joined into chunks of about `size` characters: one write each, not one per piece. Bytes
 * (UTF-8, as the cache keeps a report's printed lines) are written as they are, never decoded and
 * encoded again; text and bytes keep their order.
 */
export function chunked(pieces: Iterable<string>, size?: number): Generator<string>;
export function chunked(pieces: Iterable<string | Uint8Array>, size?: number): Generator<string | Uint8Array>;
export function* chunked(pieces: Iterable<string | Uint8Array>, size = 1 << 16): Generator<string | Uint8Array> {
  let texts: string[] = [];
  let bytes: Uint8Array[] = [];
  let length = 0;
  function* flush(): Generator<string | Uint8Array> {
    if (texts.length) yield texts.join('');
    else if (bytes.length) yield bytes.length === 1 ? bytes[0] : Buffer.concat(bytes);
    texts = [];
    bytes = [];
    length = 0;
  }
  for (const p of pieces) {
    if (typeof p === 'string' ? bytes.length : texts.length) yield* flush();
    if (typeof p === 'string') {
      texts.push(p);
      length += p.length;
      if (length >= size) yield* flush();
      continue;
    }
    // (Bytes that follow the last ones in one block read from a file are one view of it: not copied.)
    const last = bytes[bytes.length - 1];
    if (last && last.buffer === p.buffer && last.byteOffset + last.byteLength === p.byteOffset) bytes[bytes.length - 1] = new Uint8Array(p.buffer, last.byteOffset, last.byteLength + p.byteLength);
    else {
      if (length >= size) yield* flush();
      bytes.push(p);
    }
    length += p.length;
  }
  yield* flush();
}

/** A chunk of output as text (bytes are UTF-8). */
export function chunkText(c: string | Uint8Array): string {
  return typeof c === 'string' ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('utf8');
}

/** Items mapped as they are read. */
export function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
