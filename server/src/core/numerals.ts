/** Chinese numerals as used in heading markers and figures. */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Reads a Chinese integer such as 十二, 一百零八, 两千, 三万五千 or 二〇二三 (digit by digit).
 * Returns undefined for anything that is not a well-formed numeral.
 */
export function parseChineseInt(s: string): number | undefined {
  if (s.length === 0) return undefined;
  // Digit-by-digit form (二〇二三) has no unit characters.
  if ([...s].every((c) => c in DIGIT)) {
    if (s.length === 1) return DIGIT[s];
    if (s.length > 1 && /[〇零]/.test(s)) return Number([...s].map((c) => DIGIT[c]).join(''));
    return undefined;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGIT) {
      if (digit > 0) return undefined; // two digits in a row: 一二十
      digit = DIGIT[c];
    } else if (c in SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNIT[c];
      digit = -1;
    } else if (c in BIG_UNIT) {
      section += digit < 0 ? 0 : digit;
      total = (total + section) * BIG_UNIT[c];
      section = 0;
      digit = -1;
    } else {
      return undefined;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

