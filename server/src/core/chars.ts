/** Character classes shared by the document model and the checks. */

export const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
const LATIN_G = /[A-Za-z]/g;

/** Marks that can end a sentence (GB/T 15834 句末点号) and the ellipsis. */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);

/** Marks after which a paragraph is complete even without a sentence-final mark. */
export const PARAGRAPH_CLOSE = new Set([
  ...SENTENCE_END,
  '：', ':', '”', '’', '」', '』', '）', ')', '》', '〉', '】', '—', '.',
]);

/** Clause-internal marks: a paragraph that ends on one of these has been cut off. */
export const CLAUSE_MARK = new Set(['，', '、', ',', '（', '“', '‘', '《']);

export function isBlank(s: string): boolean {
  return /^[\s\u3000]*$/.test(s);
}

export function countHan(s: string): number {
  return s.match(HAN_G)?.length ?? 0;
}

export function countLatin(s: string): number {
  return s.match(LATIN_G)?.length ?? 0;
}

/** Trims ASCII and ideographic spaces. */
export function trimSpaces(s: string): string {
  return s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
