/**
 * Words, for the checks that need to know where a word ends (text.doubled, term.*), asked about a
 * few characters at a time. The split is the most probable one under the bundled word list with
 * frequencies (lexicon.ts, jieba's dictionary); where a build carries none, the runtime's
 * segmenter (`Intl.Segmenter`, ICU's dictionary) splits; where a runtime has neither,
 * `wordSegmenter()` is null and those checks say nothing they would need it for.
 */
import { bundledLexicon } from './lexicon';

export interface WordSegmenter {
  /** The words of `text` as [start, end) pairs. */
  spans(text: string): Array<[number, number]>;
}

let segmenter: WordSegmenter | null | undefined;

/** The word segmenter, made once, or null where there is none. */
export function wordSegmenter(): WordSegmenter | null {
  if (segmenter === undefined) {
    const lexicon = bundledLexicon();
    segmenter = lexicon ? { spans: (text) => lexicon.segments(text) } : icuSegmenter();
  }
  return segmenter;
}

function icuSegmenter(): WordSegmenter | null {
  try {
    if (typeof Intl.Segmenter !== 'function') return null;
    const icu = new Intl.Segmenter('zh', { granularity: 'word' });
    return {
      spans(text) {
        const out: Array<[number, number]> = [];
        for (const s of icu.segment(text)) out.push([s.index, s.index + s.segment.length]);
        return out;
      },
    };
  } catch {
    return null;
  }
}

/** The words of `text` as [start, end) pairs. */
export function segments(seg: WordSegmenter, text: string): Array<[number, number]> {
  return seg.spans(text);
}
