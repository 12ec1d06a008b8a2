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
export const toHalfWidth = (s: string) =>
  s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/，/g, ',');

export const isDigit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
const CN_DIGITS = '零〇一二两三四五六七八九';
const CN_ALL = '零〇一二两三四五六七八九十百千万亿';
const CN_SET = new Set(CN_ALL);
export const isChineseNumeral = (c: string | undefined) => c !== undefined && CN_SET.has(c);

/** An Arabic number at `i`: digits, thousands groups, decimals. */
export function readArabic(text: string, i: number, end: number): NumberToken | undefined {
  let j = i;
  while (j < end && isDigit(text[j])) j++;
  if (j === i) return undefined;
  // Thousands separators: ",ddd" groups, only ASCII commas, exactly three digits each.
  while (text[j] === ',' && isDigit(text[j + 1]) && isDigit(text[j + 2]) && isDigit(text[j + 3]) && !isDigit(text[j + 4])) j += 4;
  if ((text[j] === '.' || text[j] === '．') && isDigit(text[j + 1])) {
    j++;
    while (j < end && isDigit(text[j])) j++;
  }
  const raw = text.slice(i, j);
  const value = Number(toHalfWidth(raw).replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return { start: i, end: j, value, chinese: false, raw };
}

/** A Chinese numeral at `i`: 十二, 一百零八, 两千, 三万五千; or neighbours 三四 (3..4). */
export function readChinese(text: string, i: number, end: number): NumberToken | undefined {
  let j = i;
  while (j < end && isChineseNumeral(text[j])) j++;
  if (j === i) return undefined;
  // Approximate neighbours of tens and hundreds: 三四十 (30..40), 五六百 (500..600).
  const tens = /^([一二三四五六七八九])([二三四五六七八九])([十百千万])/.exec(text.slice(i, j));
  if (tens) {
    const a = parseChineseInt(tens[1])!;
    const b = parseChineseInt(tens[2])!;
    const unit = parseChineseInt(tens[3])!;
    if (b === a + 1) return { start: i, end: i + 3, value: a * unit, max: b * unit, chinese: true, raw: tens[0] };
  }
  // Try the longest prefix that is a well-formed numeral.
  for (let k = j; k > i; k--) {
    const raw = text.slice(i, k);
    if (raw.length === 2 && CN_DIGITS.includes(raw[0]) && CN_DIGITS.includes(raw[1])) {
      const a = parseChineseInt(raw[0])!;
      const b = parseChineseInt(raw[1])!;
      if (b === a + 1 && a > 0) return { start: i, end: k, value: a, max: b, chinese: true, raw };
      continue;
    }
    const value = parseChineseInt(raw);
    if (value !== undefined && value > 0) return { start: i, end: k, value, chinese: true, raw };
  }
  return undefined;
}

/** Multipliers that may stand between a number and its unit: 1.5万, 3.45亿, 4625万平方米. */
export const MULTIPLIERS: [string, number][] = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2]];
