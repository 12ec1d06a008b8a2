/** Character classes shared by the document model and the checks. */

export const HAN = /\p{Script=Han}/u;

/** A Chinese character or full-width mark: what stands beside a mark of Chinese text (a straight quote there is a quotation's, not an apostrophe). */
export const CHINESE_SIDE = /[\p{Script=Han}，。；：？！、（）《》]/u;

/** Marks that can end a sentence (GB/T 15834 句末点号) and the ellipsis. */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);

/** Marks after which a paragraph is complete even without a sentence-final mark. */
export const PARAGRAPH_CLOSE = new Set([
  ...SENTENCE_END,
  '：', ':', '”', '’', '」', '』', '）', ')', '》', '〉', '】', '—', '.',
]);

/** Clause-internal marks: a paragraph that ends on one of these has been cut off. */
export const CLAUSE_MARK = new Set(['，', '、', ',', '（', '“', '‘', '《']);

