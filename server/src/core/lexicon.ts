/**
 * A word list with frequencies (jieba's dictionary, compiled at build time by
 * server/lexicon/build.mjs into dist/lexicon.txt, which the layers hand over with
 * `provideLexicon`) and the segmentation it gives:
 * the most probable split of a text into its words, each word's probability its frequency in the
 * list (a unigram model, as jieba segments). The checks ask it about a few characters at a time
 * (words.ts), where a word ends. Words are looked up by binary search in one string per length:
 * no object per word, and nothing is read until a check first asks.
 */

interface Shelf {
  /** The words of one length, concatenated in code-unit order. */
  words: string;
  /** One character a word: 0x30 + round(4 ln frequency). */
  freqs: string;
  count: number;
  /** The words starting with a code unit, as [first, end) indexes, found on the first lookup of that unit: a lookup searches those only. */
  byFirst: Map<number, [number, number]>;
}

export class Lexicon {
  private readonly shelves: Array<Shelf | undefined> = [];
  readonly maxLength: number;
  private readonly lnTotal: number;
  /** The sound group of each character (code unit), its usual reading without the tone, as its id + 1 (0: none). */
  private readonly sound = new Uint16Array(0x10000);

  constructor(text: string) {
    const lines = text.split('\n');
    const header = /^wengao-lexicon ([12]) ([\d.]+) (\d+)$/.exec(lines[0] ?? '');
    if (!header) throw new Error('not a compiled lexicon');
    const version = Number(header[1]);
    this.lnTotal = Number(header[2]);
    const shelves = Number(header[3]);
    // (As many shelves as the header says, each whole, and in version 2 the whole line of sounds
    // after them: a file cut short is refused, not half read.)
    if (lines.length !== 1 + 3 * shelves + (version === 2 ? 1 : 0)) throw new Error(`lexicon: ${Math.floor((lines.length - 1) / 3)} shelves of ${shelves}`);
    let max = 1;
    for (let i = 1; i < 1 + 3 * shelves; i += 3) {
      const [len, count] = lines[i].split(' ').map(Number);
      const words = lines[i + 1] ?? '';
      const freqs = lines[i + 2] ?? '';
      if (!(len > 0) || words.length !== len * count || freqs.length !== count) throw new Error(`lexicon: shelf ${len} is malformed`);
      this.shelves[len] = { words, freqs, count, byFirst: new Map() };
      max = Math.max(max, len);
    }
    this.maxLength = max;
    if (version === 2) {
      const sounds = lines[lines.length - 1].split(' ');
      if (sounds[0] !== 'sounds' || sounds[sounds.length - 1] !== '.') throw new Error('lexicon: the line of sounds is malformed');
      // (One group a character, its usual reading: build.mjs writes no character twice.)
      sounds.slice(1, -1).forEach((group, id) => {
        for (let k = 0; k < group.length; k++) this.sound[group.charCodeAt(k)] ||= id + 1;
      });
    }
  }

  /** Whether two characters (code units) share their usual reading, tones aside: 穿 and 川, 既 and 继. (None do in a list without sounds.) */
  soundAlike(a: number, b: number): boolean {
    return this.sound[a] !== 0 && this.sound[a] === this.sound[b];
  }

  /** The sound group of a character (code unit) + 1, or 0 for a character the list does not sound. */
  soundOf(c: number): number {
    return this.sound[c];
  }

  /** The words of one length with the quantised frequency of each (`term.homophone` reads the four-character ones). */
  wordsOfLength(length: number): { words: string; freqs: string; count: number } | undefined {
    return this.shelves[length];
  }

  /** The natural log of the probability of `text[start, start + length)` as one word, or undefined if it is none. */
  logProbability(text: string, start: number, length: number): number | undefined {
    const shelf = this.shelves[length];
    if (!shelf || start + length > text.length) return undefined;
    const first = text.charCodeAt(start);
    let range = shelf.byFirst.get(first);
    if (!range) shelf.byFirst.set(first, (range = firstRange(shelf, length, first)));
    if (range[0] >= range[1]) return undefined;
    const word = text.slice(start, start + length);
    let lo = range[0];
    let hi = range[1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = shelf.words.slice(mid * length, mid * length + length);
      if (w === word) return (shelf.freqs.charCodeAt(mid) - 0x30) / 4 - this.lnTotal;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /**
   * The most probable split of `text` into words, as [start, end) pairs: a character no word
   * covers stands alone (at the probability of a word seen once); a run of letters and digits is
   * one word, as a segmenter reads it.
   */
  segments(text: string): Array<[number, number]> {
    return this.split(text).spans;
  }

  /** The natural log of the probability of the most probable split of `text` (as `segments` splits it). */
  pathScore(text: string): number {
    return this.bestPath(text).best[0];
  }

  /** `segments` and `pathScore` of one split. */
  split(text: string): { spans: Array<[number, number]>; score: number } {
    const { best, next } = this.bestPath(text);
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < text.length; i = next[i]) spans.push([i, next[i]]);
    return { spans, score: best[0] };
  }

  private bestPath(text: string): { best: Float64Array; next: Int32Array } {
    const n = text.length;
    const best = new Float64Array(n + 1);
    const next = new Int32Array(n + 1);
    const unseen = -this.lnTotal;
    for (let i = n - 1; i >= 0; i--) {
      const run = alnumRun(text, i);
      if (run > i + 1) {
        best[i] = unseen + best[run];
        next[i] = run;
        continue;
      }
      // (A surrogate pair is one character.)
      const one = i + 1 < n && isHighSurrogate(text.charCodeAt(i)) ? 2 : 1;
      best[i] = unseen + best[i + one];
      next[i] = i + one;
      for (let len = 1; len <= this.maxLength && i + len <= n; len++) {
        const p = this.logProbability(text, i, len);
        if (p === undefined) continue;
        const s = p + best[i + len];
        if (s > best[i]) {
          best[i] = s;
          next[i] = i + len;
        }
      }
    }
    return { best, next };
  }
}

/** The indexes [first, end) of the words of `shelf` (of `length`) that start with code unit `c`. */
function firstRange(shelf: Shelf, length: number, c: number): [number, number] {
  // (The first index whose word starts at or after c, then after c.)
  const bound = (after: boolean) => {
    let lo = 0;
    let hi = shelf.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = shelf.words.charCodeAt(mid * length);
      if (d < c || (after && d === c)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [bound(false), bound(true)];
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const ALNUM = /[0-9A-Za-z]/;

/** The end of a run of two or more letters and digits from `i`, or `i + 1`. */
function alnumRun(text: string, i: number): number {
  if (!ALNUM.test(text[i] ?? '')) return i + 1;
  let j = i + 1;
  while (j < text.length && ALNUM.test(text[j])) j++;
  return j;
}

let lexicon: Lexicon | null | undefined;
let load: (() => string | undefined) | undefined;
let problem: ((message: string) => void) | undefined;

/**
 * Where the word list comes from: the layers read dist/lexicon.txt; read when a check first asks.
 * `onProblem` is told if it cannot be read as a word list (then words are told by ICU).
 */
export function provideLexicon(source: () => string | undefined, onProblem?: (message: string) => void): void {
  load = source;
  problem = onProblem;
  lexicon = undefined;
}

/** The word list, read on first use, or null if none was provided or it cannot be read (words.ts falls back on the runtime's segmenter). */
export function bundledLexicon(): Lexicon | null {
  if (lexicon === undefined) {
    try {
      const text = load?.();
      lexicon = text ? new Lexicon(text) : null;
    } catch (e) {
      lexicon = null;
      problem?.(`word list not used: ${e instanceof Error ? e.message : String(e)}; words are told by the runtime's segmenter`);
    }
  }
  return lexicon;
}
