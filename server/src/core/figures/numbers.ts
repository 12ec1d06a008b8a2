/** Reading the numbers of figures: Arabic, full-width, Chinese, mixed, ranges. */
import { parseChineseInt } from '../numerals';

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** Upper end of an approximate neighbour pair (三四个 → 3..4). */
  max?: number;
  chinese: boolean;
  /** The digits as written, for the year and name rules. */
  raw: string;
}

const FULLWIDTH_DIGIT = /[０-９]/g;
const toHalfWidth = (s: string) =>
  s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/，/g, ',');

/** 0-9 or ０-９, by char code (`charCodeAt` past the end gives NaN: not a digit). */
export const isDigitCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
export const isDigit = (c: string | undefined) => c !== undefined && c.length === 1 && isDigitCode(c.charCodeAt(0));
const CN_DIGITS = '零〇一二两三四五六七八九';
const CN_ALL = '零〇一二两三四五六七八九十百千万亿';
/**
 * By char code, 1 + the value of each numeral character alone (一 1 … 九 9, 十 10, 百 100,
 * 千 1000; 0 for 零〇万亿), and 0 for every other character: one load per character tested.
 */
const CN_CODE = new Uint16Array(0x10000);
for (const ch of CN_ALL) CN_CODE[ch.charCodeAt(0)] = 1 + (({ 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 百: 100, 千: 1000 } as Record<string, number>)[ch] ?? 0);
/** 零〇一二两三四五六七八九十百千万亿, by char code (NaN, past the end: no). */
export const isChineseNumeralCode = (c: number) => CN_CODE[c] > 0;
export const isChineseNumeral = (c: string | undefined) => c !== undefined && c.length === 1 && isChineseNumeralCode(c.charCodeAt(0));

/** An Arabic number at `i`: digits, thousands groups, decimals. */
export function readArabic(text: string, i: number, end: number): NumberToken | undefined {
  let j = i;
  while (j < end && isDigitCode(text.charCodeAt(j))) j++;
  if (j === i) return undefined;
  // Thousands separators: ",ddd" groups, only ASCII commas, exactly three digits each.
  while (
    text.charCodeAt(j) === 0x2c && isDigitCode(text.charCodeAt(j + 1)) && isDigitCode(text.charCodeAt(j + 2)) &&
    isDigitCode(text.charCodeAt(j + 3)) && !isDigitCode(text.charCodeAt(j + 4))
  ) j += 4;
  const dot = text.charCodeAt(j);
  if ((dot === 0x2e /* . */ || dot === 0xff0e /* ． */) && isDigitCode(text.charCodeAt(j + 1))) {
    j++;
    while (j < end && isDigitCode(text.charCodeAt(j))) j++;
  }
  const raw = text.slice(i, j);
  let half = true;
  for (let k = 0; k < raw.length && half; k++) half = raw.charCodeAt(k) < 0x80 && raw.charCodeAt(k) !== 0x2c;
  const value = half ? Number(raw) : Number(toHalfWidth(raw).replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return { start: i, end: j, value, chinese: false, raw };
}

/** A Chinese numeral at `i`: 十二, 一百零八, 两千, 三万五千; or neighbours 三四 (3..4). */
export function readChinese(text: string, i: number, end: number): NumberToken | undefined {
  const whole = readChineseWhole(text, i, end);
  if (!whole && (text[i] === '零' || text[i] === '〇') && text[i + 1] === '点') {
    // A fraction read aloud, "零点五个百分点" (0.5): 零 is a number only with its decimals.
    const zero = withSpokenDecimals(text, { start: i, end: i + 1, value: 0, chinese: true, raw: text[i] }, end);
    return zero.end > i + 1 ? zero : undefined;
  }
  return whole && !whole.max ? withSpokenDecimals(text, whole, end) : whole;
}

const SPOKEN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number read aloud with its decimals, "五点六二" (5.62), "百分之五点五": 点 and one digit a
 * character. Not "三点意见" (no digit after 点), nor a numeral that ends in 万 or 亿 (五万点).
 */
function withSpokenDecimals(text: string, n: NumberToken, end: number): NumberToken {
  if (text[n.end] !== '点' || /[万亿]$/.test(n.raw)) return n;
  let k = n.end + 1;
  let digits = '';
  while (k < end && SPOKEN_DIGIT[text[k]] !== undefined && digits.length < 6) digits += SPOKEN_DIGIT[text[k++]];
  if (!digits) return n;
  return { ...n, end: k, value: Number(`${n.value}.${digits}`), raw: text.slice(n.start, k) };
}

function readChineseWhole(text: string, i: number, end: number): NumberToken | undefined {
  let j = i;
  while (j < end && isChineseNumeralCode(text.charCodeAt(j))) j++;
  if (j === i) return undefined;
  if (j === i + 1) {
    // One character (most often 一 inside a word): its value alone, as parseChineseInt reads it.
    const value = CN_CODE[text.charCodeAt(i)] - 1;
    return value > 0 ? { start: i, end: j, value, chinese: true, raw: text[i] } : undefined;
  }
  // Approximate neighbours of tens and hundreds: 三四十 (30..40), 五六百 (500..600).
  const tens = j - i >= 3 ? /^([一二三四五六七八九])([二三四五六七八九])([十百千万])/.exec(text.slice(i, j)) : null;
  if (tens) {
    const a = parseChineseInt(tens[1])!;
    const b = parseChineseInt(tens[2])!;
    const unit = parseChineseInt(tens[3])!;
    if (b === a + 1) return { start: i, end: i + 3, value: a * unit, max: b * unit, chinese: true, raw: tens[0] };
  }
  // Try the longest prefix that is a well-formed numeral.
  for (let k = j; k > i; k--) {
    if (k === i + 1) {
      // One character: its value alone (as parseChineseInt reads it).
      const value = CN_CODE[text.charCodeAt(i)] - 1;
      if (value > 0) return { start: i, end: k, value, chinese: true, raw: text[i] };
      continue;
    }
    const raw = text.slice(i, k);
    if (raw.length === 2 && CN_DIGITS.includes(raw[0]) && CN_DIGITS.includes(raw[1])) {
      const a = parseChineseInt(raw[0])!;
      const b = parseChineseInt(raw[1])!;
      if (b === a + 1 && a > 0) return { start: i, end: k, value: a, max: b, chinese: true, raw };
      continue;
    }
    const value = parsed(raw);
    if (value !== undefined && value > 0) return { start: i, end: k, value, chinese: true, raw };
  }
  return undefined;
}

/**
 * parseChineseInt, remembered: runs of numerals are few distinct strings (二十, 一万, 十二…)
 * read over and over. Bounded: the table starts again when full.
 */
const PARSED = new Map<string, number | undefined>();
function parsed(raw: string): number | undefined {
  let v = PARSED.get(raw);
  if (v === undefined && !PARSED.has(raw)) {
    v = parseChineseInt(raw);
    if (PARSED.size >= 10_000) PARSED.clear();
    PARSED.set(raw, v);
  }
  return v;
}

/** Multipliers that may stand between a number and its unit: 1.5万, 3.45亿, 4625万平方米. */
export const MULTIPLIERS: [string, number][] = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2]];
