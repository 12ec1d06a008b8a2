/**
 * Offsets and positions. The core works with UTF-16 offsets into the document string (what a
 * JavaScript string indexes); `LineIndex` turns them into 0-based line/character positions, the
 * same units LSP uses, so no layer ever converts characters twice.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open range of UTF-16 offsets, [start, end). */
export interface Span {
  start: number;
  end: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Line feeds only (the usual case): found by the native indexOf.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line holding `offset` (offsets past the end land on the last line). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.starts[line] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The offset of a position; characters past the line's end clamp to it. */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** Offset of the end of a line's text, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

// ---------------------------------------------------------------------------------------------
// Character classes by UTF-16 code, for the hot loops of the model and the figures: a test on
// `charCodeAt` allocates nothing, where `text[i]` makes a new one-character string for every
// character outside Latin-1 (all of Chinese) and a regex or Set lookup then hashes it.

/** White space as `\s` means it (which includes the ideographic space U+3000). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const HAN_CP = /^\p{Script=Han}$/u;
/** Han or not for each BMP code, filled on first use from the regex: 0 unknown, 1 no, 2 yes. */
const hanBmp = new Uint8Array(0x10000);

/** Whether a code point is of the Han script, exactly as `\p{Script=Han}` says. */
export function isHanCodePoint(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x10000) {
    let v = hanBmp[cp];
    if (v === 0) hanBmp[cp] = v = HAN_CP.test(String.fromCharCode(cp)) ? 2 : 1;
    return v === 2;
  }
  return HAN_CP.test(String.fromCodePoint(cp));
}

/** Han characters (code points, as `/\p{Script=Han}/gu` counts them) in text[start, end). */
export function countHanIn(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (isHanCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) n++;
        i++;
        continue;
      }
    }
    if (isHanCodePoint(c)) n++;
  }
  return n;
}

/** ASCII letters in text[start, end). */
export function countLatinIn(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) n++;
  }
  return n;
}

/**
 * The next position, at or after a given one, of a character of some class: found by a native
 * regex scan rather than a JavaScript loop over every character (which runs unoptimised for the
 * first part of a big document, before the JIT has compiled it). Positions asked for mostly
 * increase, and the last answer is kept, so the text is scanned about once whatever the number
 * of questions.
 */
export class NextChar {
  private readonly skip: RegExp;
  private from = 0;
  private found = -1;

  /** `chars`: the body of a regex character class, such as `。！？`. */
  constructor(private readonly text: string, chars: string) {
    this.skip = new RegExp(`[^${chars}]*`, 'y');
  }

  /** The first position >= i holding one of the characters, or the text's length if none. */
  at(i: number): number {
    const n = this.text.length;
    if (i >= n) return n;
    if (i < this.from || i > this.found) {
      this.skip.lastIndex = i;
      this.skip.test(this.text);
      this.from = i;
      this.found = this.skip.lastIndex;
    }
    return this.found;
  }
}
