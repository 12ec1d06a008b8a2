/**
 * Set phrases written with a character that sounds like the right one (穿流不息 for 川流不息,
 * 以身作责 for 以身作则): `term.homophone`, beyond the curated list of `terms.ts`.
 *
 * A run of four characters is read as a slip for a four-character word of the bundled list
 * (jieba's, mostly 成语 and 习用语) when
 * - it is not itself a word of the list, and differs from that word in one character only, or in
 *   a doubled pair written as another pair of the same sound (其乐溶溶 for 其乐融融);
 * - the two characters share their usual reading, tones aside (the list's sounds, from pinyin-pro);
 * - neither is a numeral (八十万辆 is no slip for 两) nor 的/地/得 (out of scope);
 * - as written, one of the four at least stands alone, no word joining it to its neighbours (a
 *   slip breaks the phrase: 交相|辉|应; 同一|战线 and 为人|处世 are two words meeting);
 * - read with the word's character, the text around it (up to four characters each side, within
 *   the run of Han characters) splits into words at least e^8 (about 3,000) times more probably
 *   than as written (for a doubled pair that is a word as written, 忧心|冲冲, with no character
 *   alone, e^12);
 * - no two numerals stand side by side in it (二十四时 is no slip for 二十四史).
 * Measured on 5.6 million characters of correct text (the pair documents and the seeds): no false
 * alarm once 勠力同心, a standard form the list lacks, was added to it.
 *
 * Candidates are found through a table of every listed word with one character masked and the
 * sound of that character in its place, hashed: a position finds only the words that one character
 * of the same sound would make.
 * Before it, two bit tables of the words' first and last two characters: three of four characters
 * in place hold the first two or the last two, and most positions hold neither.
 */
import type { Lexicon } from './lexicon';
import { isHanCodePoint as isHan } from './text';

/** How much more probable the corrected reading must be, in nats; and how much more where a doubled pair is written as a word of its own (忧心|冲冲). */
const MARGIN = 8;
const PAIR_MARGIN = 4;
/** The least quantised frequency (0x30 + round(4 ln f)) of a word a slip is read against: f ≥ 4. */
const MIN_FREQ = 6;
/** Characters never read as a slip, nor as the right one: numerals, and 的/地/得. */
const NEVER = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十百千万亿两零〇的地得') NEVER[c.charCodeAt(0)] = 1;

/** A hash of four code units with the one at `k` masked out, and `sound` in its place. */
function maskHash(a: number, b: number, c: number, d: number, k: number, sound: number): number {
  let h = Math.imul((k + 1) ^ (sound << 2), 0x9e3779b1);
  if (k !== 0) h = Math.imul(h ^ a, 0x01000193);
  if (k !== 1) h = Math.imul(h ^ b, 0x01000193);
  if (k !== 2) h = Math.imul(h ^ c, 0x01000193);
  if (k !== 3) h = Math.imul(h ^ d, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A hash of the two characters of `s` at `o` outside the pair at `o + p`, and the pair's sound. */
function pairMaskHash(s: string, o: number, p: number, sound: number): number {
  const q = p === 0 ? 2 : 0;
  return (Math.imul(Math.imul(s.charCodeAt(o + q), 0x9e3779b1) ^ s.charCodeAt(o + q + 1), 0x85ebca6b) ^ Math.imul(sound + p, 0x01000193)) >>> 0;
}

const BITS = 22;
const DIR_BITS = 16;
const PAIR_BITS = 20;

/** A hash of two code units, to PAIR_BITS bits. */
const pairHash = (a: number, b: number) => Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> (32 - PAIR_BITS);
const has = (bits: Uint32Array, h: number) => (bits[h >>> 5] & (1 << (h & 31))) !== 0;
const set = (bits: Uint32Array, h: number) => (bits[h >>> 5] |= 1 << (h & 31));

interface Index {
  words: string;
  /** The masked hashes, by their top DIR_BITS bits, and beside each the word (index × 4) and the masked place. */
  hashes: Uint32Array;
  refs: Uint32Array;
  /** Where the hashes of each top DIR_BITS bits begin in `hashes` (one more at the end). */
  dir: Uint32Array;
  /** A bit for each hash's top BITS bits. */
  bits: Uint32Array;
  /** A bit for the pair hash of each word's first two characters, and of its last two. */
  firsts: Uint32Array;
  lasts: Uint32Array;
  /** The words with a doubled pair (其乐融融, 息息相关), by the hash of the other two and the pair's sound: where the pair is written as another of its sound (其乐溶溶). */
  doubled: Map<number, number[]>;
}

const indexes = new WeakMap<Lexicon, Index | null>();

function indexOf(lexicon: Lexicon): Index | null {
  let index = indexes.get(lexicon);
  if (index !== undefined) return index;
  const shelf = lexicon.wordsOfLength(4);
  index = null;
  if (shelf) {
    // (Built once a process, when a report is first checked: plain loops and a bucket sort by the
    // hash's top bits, no sort of all the entries and no array per character.)
    const { words, freqs, count } = shelf;
    let total = 0;
    for (let j = 0; j < count; j++) {
      if (freqs.charCodeAt(j) - 0x30 < MIN_FREQ) continue;
      for (let k = 0; k < 4; k++) if (lexicon.soundOf(words.charCodeAt(j * 4 + k))) total++;
    }
    const rawHashes = new Uint32Array(total);
    const rawRefs = new Uint32Array(total);
    const dir = new Uint32Array((1 << DIR_BITS) + 1);
    const bits = new Uint32Array(1 << (BITS - 5));
    const firsts = new Uint32Array(1 << (PAIR_BITS - 5));
    const lasts = new Uint32Array(1 << (PAIR_BITS - 5));
    let n = 0;
    for (let j = 0; j < count; j++) {
      if (freqs.charCodeAt(j) - 0x30 < MIN_FREQ) continue;
      const o = j * 4;
      const a = words.charCodeAt(o);
      const b = words.charCodeAt(o + 1);
      const c = words.charCodeAt(o + 2);
      const d = words.charCodeAt(o + 3);
      set(firsts, pairHash(a, b));
      set(lasts, pairHash(c, d));
      for (let k = 0; k < 4; k++) {
        const sound = lexicon.soundOf(words.charCodeAt(o + k));
        if (!sound) continue;
        const h = maskHash(a, b, c, d, k, sound);
        rawHashes[n] = h;
        rawRefs[n++] = o + k;
        dir[(h >>> (32 - DIR_BITS)) + 1]++;
        set(bits, h >>> (32 - BITS));
      }
    }
    // (dir[t]: where the hashes of top bits t begin; then each entry into its bucket.)
    for (let t = 1; t < dir.length; t++) dir[t] += dir[t - 1];
    const doubled = new Map<number, number[]>();
    for (let j = 0; j < count; j++) {
      if (freqs.charCodeAt(j) - 0x30 < MIN_FREQ) continue;
      const o = j * 4;
      for (const p of [0, 2]) {
        const x = words.charCodeAt(o + p);
        const sound = lexicon.soundOf(x);
        if (!sound || x !== words.charCodeAt(o + p + 1) || NEVER[x]) continue;
        const h = pairMaskHash(words, o, p, sound);
        const list = doubled.get(h);
        if (list) list.push(o);
        else doubled.set(h, [o]);
      }
    }
    const next = dir.slice();
    const hashes = new Uint32Array(total);
    const refs = new Uint32Array(total);
    for (let m = 0; m < total; m++) {
      const at = next[rawHashes[m] >>> (32 - DIR_BITS)]++;
      hashes[at] = rawHashes[m];
      refs[at] = rawRefs[m];
    }
    index = { words, hashes, refs, dir, bits, firsts, lasts, doubled };
  }
  indexes.set(lexicon, index);
  return index;
}

export interface SoundAlike {
  /** Where the four characters start in the text. */
  at: number;
  wrong: string;
  right: string;
  /** The character that differs (or the doubled pair), as written and as meant. */
  written: string;
  meant: string;
}

/** The four-character runs of `text` that read as slips for a listed set phrase, left to right, none overlapping. (A loop, not a generator: this runs over every character of every report.) */
export function soundAlikePhrases(text: string, lexicon: Lexicon): SoundAlike[] {
  const index = indexOf(lexicon);
  const out: SoundAlike[] = [];
  if (!index) return out;
  const { words, hashes, refs, dir, bits, firsts, lasts } = index;
  const n = text.length;
  for (let i = 0; i + 4 <= n; i++) {
    // (Four Han characters; where the fourth is none, no window holds it.)
    if (!isHan(text.charCodeAt(i + 3))) {
      i += 3;
      continue;
    }
    if (!isHan(text.charCodeAt(i)) || !isHan(text.charCodeAt(i + 1)) || !isHan(text.charCodeAt(i + 2))) continue;
    // (A number is no set phrase: 二十四时 is no slip for 二十四史.)
    if ((NEVER[text.charCodeAt(i)] && NEVER[text.charCodeAt(i + 1)]) || (NEVER[text.charCodeAt(i + 1)] && NEVER[text.charCodeAt(i + 2)]) || (NEVER[text.charCodeAt(i + 2)] && NEVER[text.charCodeAt(i + 3)])) continue;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    // (A character masked among the last two leaves the first two in place, and the other way.)
    const first = has(firsts, pairHash(a, b));
    const last = has(lasts, pairHash(c, d));
    if (!first && !last) continue;
    let isWord: boolean | undefined;
    let best: SoundAlike | undefined;
    let bestMargin = MARGIN;
    for (let k = 0; k < 4; k++) {
      const written = k === 0 ? a : k === 1 ? b : k === 2 ? c : d;
      if (NEVER[written] || !(k < 2 ? last : first)) continue;
      const sound = lexicon.soundOf(written);
      if (!sound) continue;
      const h = maskHash(a, b, c, d, k, sound);
      if (!has(bits, h >>> (32 - BITS))) continue;
      const top = h >>> (32 - DIR_BITS);
      for (let m = dir[top]; m < dir[top + 1]; m++) {
        if (hashes[m] !== h) continue;
        const ref = refs[m];
        if ((ref & 3) !== k) continue;
        const o = ref - k;
        const meant = words.charCodeAt(o + k);
        if (meant === written || NEVER[meant]) continue;
        // (Every character checked: a hash is no proof.)
        if ((k !== 0 && words.charCodeAt(o) !== a) || (k !== 1 && words.charCodeAt(o + 1) !== b) || (k !== 2 && words.charCodeAt(o + 2) !== c) || (k !== 3 && words.charCodeAt(o + 3) !== d)) continue;
        if (!lexicon.soundAlike(written, meant)) continue;
        // (A word of the list as written is no slip: asked once, where a candidate is found.)
        isWord ??= lexicon.logProbability(text, i, 4) !== undefined;
        if (isWord) break;
        const g = gain(text, i, words.slice(o, o + 4), lexicon);
        const margin = g.broken ? g.value : -Infinity;
        if (margin >= bestMargin) {
          bestMargin = margin;
          best = { at: i, wrong: text.slice(i, i + 4), right: words.slice(o, o + 4), written: String.fromCharCode(written), meant: String.fromCharCode(meant) };
        }
      }
      if (isWord) break;
    }
    // A doubled pair written as another of its sound (其乐溶溶 for 其乐融融, 忧心冲冲 for 忧心忡忡).
    for (const p of [0, 2]) {
      if (isWord) break;
      const x = p === 0 ? a : c;
      if (x !== (p === 0 ? b : d) || NEVER[x]) continue;
      const sound = lexicon.soundOf(x);
      if (!sound) continue;
      for (const o of index.doubled.get(pairMaskHash(text, i, p, sound)) ?? []) {
        const meant = words.charCodeAt(o + p);
        const q = p === 0 ? 2 : 0;
        if (meant === x || words.charCodeAt(o + q) !== text.charCodeAt(i + q) || words.charCodeAt(o + q + 1) !== text.charCodeAt(i + q + 1) || !lexicon.soundAlike(x, meant)) continue;
        isWord ??= lexicon.logProbability(text, i, 4) !== undefined;
        if (isWord) break;
        // (The pair written may be a word of its own, 忧心|冲冲: then a larger gain is asked.)
        const g = gain(text, i, words.slice(o, o + 4), lexicon);
        const margin = g.broken ? g.value : g.value - PAIR_MARGIN;
        if (margin >= bestMargin) {
          bestMargin = margin;
          best = { at: i, wrong: text.slice(i, i + 4), right: words.slice(o, o + 4), written: String.fromCharCode(x, x), meant: String.fromCharCode(meant, meant) };
        }
      }
    }
    if (best && !isWord) {
      out.push(best);
      i += 3;
    }
  }
  return out;
}

/**
 * How much more probable (in nats) the text around [i, i + 4) splits with `right` in its place than
 * as written, and whether, as written, one of the four characters stands alone: a slip breaks the
 * phrase into characters no word joins (交相|辉|应), and two words that meet (同一|战线, 理性|认知,
 * 为人|处世) are no slip, however much a one-word reading would gain.
 */
function gain(text: string, i: number, right: string, lexicon: Lexicon): { value: number; broken: boolean } {
  let from = i;
  while (from > 0 && i - from < 4 && isHan(text.charCodeAt(from - 1))) from--;
  let to = i + 4;
  while (to < text.length && to - (i + 4) < 4 && isHan(text.charCodeAt(to))) to++;
  const written = text.slice(from, to);
  const at = i - from;
  const { spans, score } = lexicon.split(written);
  const broken = spans.some(([s, e]) => e - s === 1 && s >= at && s < at + 4);
  return { value: lexicon.pathScore(written.slice(0, at) + right + written.slice(at + 4)) - score, broken };
}
