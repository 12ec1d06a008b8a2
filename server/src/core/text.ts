/**
 * Offsets and positions. The core works with UTF-16 offsets into the document string (what a
 * JavaScript string indexes); `LineIndex` turns them into 0-based line/character positions in the
 * units the client agreed on (LSP `positionEncoding`: UTF-16 by default, or UTF-8 / UTF-32), so
 * no layer ever converts characters twice.
 */

/** How a position's `character` counts: UTF-16 code units (LSP's default), UTF-8 bytes or code points. */
export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

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

const isHighSurrogate = (c: number) => (c & 0xfc00) === 0xd800;
const isLowSurrogate = (c: number) => (c & 0xfc00) === 0xdc00;

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];
  /**
   * The last position converted in another encoding than UTF-16: converting the findings of a
   * long line in order then walks the line once, not once per finding.
   */
  private memo = { line: -1, offset: 0, units: 0 };

  constructor(readonly text: string, readonly encoding: PositionEncoding = 'utf-16') {
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
    let o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    if (this.encoding === 'utf-16') return { line, character: o - this.starts[line] };
    // (Never inside a character: an offset between the halves of a surrogate pair means its start.)
    if (o > this.starts[line] && isLowSurrogate(this.text.charCodeAt(o)) && isHighSurrogate(this.text.charCodeAt(o - 1))) o--;
    const m = this.memo;
    let from = this.starts[line];
    let units = 0;
    if (m.line === line && m.offset <= o) {
      from = m.offset;
      units = m.units;
    }
    units += this.unitsBetween(from, o);
    this.memo = { line, offset: o, units };
    return { line, character: units };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /**
   * The offset of a position; characters past the line's end clamp to it, and a position inside
   * a character (UTF-8 bytes after its first) means the character's start.
   */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    const want = Math.max(0, pos.character);
    if (this.encoding === 'utf-16') return Math.min(start + want, end);
    let units = 0;
    let i = start;
    while (i < end) {
      const w = this.unitsAt(i);
      if (units + w.units > want) break;
      units += w.units;
      i += w.length;
    }
    return i;
  }

  /** The length of text[from, to) in the index's encoding. */
  private unitsBetween(from: number, to: number): number {
    let units = 0;
    for (let i = from; i < to; ) {
      const w = this.unitsAt(i);
      units += w.units;
      i += w.length;
    }
    return units;
  }

  /** The character at `i`: its length in UTF-16 units and in the index's encoding. */
  private unitsAt(i: number): { length: number; units: number } {
    const c = this.text.charCodeAt(i);
    const pair = isHighSurrogate(c) && isLowSurrogate(this.text.charCodeAt(i + 1));
    if (this.encoding === 'utf-32') return { length: pair ? 2 : 1, units: 1 };
    // UTF-8: 1 byte to U+007F, 2 to U+07FF, 3 to U+FFFF (a lone surrogate is written as U+FFFD), 4 above.
    return pair ? { length: 2, units: 4 } : { length: 1, units: c < 0x80 ? 1 : c < 0x800 ? 2 : 3 };
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
/**
 * What each BMP code is, for counting letters: 0 not known yet (filled from the regex on first
 * sight), 1 neither, 2 Han, 3 a Latin letter A-Z a-z, 4 a high surrogate (look at the pair).
 */
const LETTER = new Uint8Array(0x10000);
LETTER.fill(1, 0, 0x2e80); // (No Han below U+2E80.)
for (let c = 0x41; c <= 0x5a; c++) LETTER[c] = LETTER[c + 0x20] = 3;
LETTER.fill(2, 0x4e00, 0xa000);
LETTER.fill(4, 0xd800, 0xdc00);

function classify(c: number): number {
  return (LETTER[c] = HAN_CP.test(String.fromCharCode(c)) ? 2 : 1);
}

/**
 * Whether a code point is of the Han script, exactly as `\p{Script=Han}` says. Anything else
 * (NaN from charCodeAt past the end, a negative number) is not.
 */
export function isHanCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    const v = LETTER[cp];
    return v === 2 || (v === 0 && classify(cp) === 2);
  }
  return cp <= 0x10ffff && Number.isInteger(cp) && HAN_CP.test(String.fromCodePoint(cp));
}

/**
 * Han characters (code points, as `/\p{Script=Han}/gu` counts them) and Latin letters A-Z a-z
 * in text[start, end), in one pass.
 */
export function countLetters(text: string, start = 0, end = text.length): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let v = LETTER[c];
    if (v === 0) v = classify(c);
    if (v === 2) han++;
    else if (v === 3) latin++;
    else if (v === 4 && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (isHanCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) han++;
        i++;
      }
    }
  }
  return { han, latin };
}

/** Han characters (code points, as `/\p{Script=Han}/gu` counts them) in text[start, end). */
export function countHanIn(text: string, start = 0, end = text.length): number {
  return countLetters(text, start, end).han;
}

/** ASCII letters in text[start, end). */
export function countLatinIn(text: string, start = 0, end = text.length): number {
  return countLetters(text, start, end).latin;
}

/**
 * A set of characters, tested by code through a table: finding the next one in a range is a
 * tight loop that V8 optimises at once (it is small), where the same loop inside a big function
 * runs unoptimised until that whole function is compiled, and a regex class scan costs more per
 * character. For the scans over every character of a document.
 */
export class CharClass {
  private readonly table = new Uint8Array(0x10000);

  /** `chars`: every character of the class (UTF-16 code units). */
  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) this.table[chars.charCodeAt(i)] = 1;
  }

  has(code: number): boolean {
    return this.table[code] === 1;
  }

  /** The first position in [i, end) holding a character of the class, or `end`. */
  next(text: string, i: number, end: number): number {
    const t = this.table;
    while (i < end && t[text.charCodeAt(i)] === 0) i++;
    return i < end ? i : end;
  }
}

/** The index of the first number in `sorted` (ascending) that is at least `x`; its length if none. */
export function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Cutting text for display: never inside a character

/** A code point that belongs to the character before it: a combining mark, ZWJ, a variation selector. */
const JOINS_PREVIOUS = /^(?:\p{M}|\u200d|[\ufe00-\ufe0f]|\udb40[\udd00-\uddef])/u;

/**
 * Whether offset `i` of `s` falls inside a character as a reader sees it: between the halves of
 * a surrogate pair (𠮷), or before a mark, joiner or variation selector that belongs to the
 * character before it. The ends of the string are boundaries.
 */
function insideCharacter(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) return true;
  // (Cheap test first: every joining code point is at or above U+0300.)
  return c >= 0x300 && JOINS_PREVIOUS.test(s.slice(i, i + 2));
}

/** The nearest character boundary at or before `i`. */
export function boundaryBefore(s: string, i: number): number {
  let k = Math.max(0, Math.min(i, s.length));
  while (k > 0 && insideCharacter(s, k)) k--;
  return k;
}

/** The nearest character boundary at or after `i`. */
function boundaryAfter(s: string, i: number): number {
  let k = Math.max(0, Math.min(i, s.length));
  while (k < s.length && insideCharacter(s, k)) k++;
  return k;
}

/** `s.slice(a, b)` with both ends moved inward to character boundaries. */
export function sliceWhole(s: string, a: number, b: number): string {
  const start = boundaryAfter(s, a);
  return s.slice(start, Math.max(start, boundaryBefore(s, b)));
}

/**
 * `s` cut to at most `n` UTF-16 code units (before the ellipsis), at a character boundary, with
 * `ellipsis` after it when anything was cut.
 */
export function clip(s: string, n: number, ellipsis = '…'): string {
  if (s.length <= n) return s;
  return s.slice(0, boundaryBefore(s, n)) + ellipsis;
}
