/**
 * Words, for the checks that need to know where a word ends (text.doubled, term.*), asked about a
 * few characters at a time. The split is the most probable one under the word list with
 * frequencies (lexicon.ts, jieba's dictionary); where none was provided or it cannot be read, the runtime's
 * segmenter (`Intl.Segmenter`, ICU's dictionary) splits; where a runtime has neither,
 * `wordSegmenter()` is null and those checks say nothing they would need it for.
 */
import { Lexicon, bundledLexicon } from './lexicon';

export interface WordSegmenter {
  /** The words of `text` as [start, end) pairs. */
  spans(text: string): Array<[number, number]>;
  /** The natural log of the probability of that split (a word list's segmenter only: ICU gives none). */
  score?(text: string): number;
}

let segmenter: WordSegmenter | null | undefined;
let madeFor: Lexicon | null | undefined;

/** The word segmenter, made once (per word list provided), or null where there is none. */
export function wordSegmenter(): WordSegmenter | null {
  const lexicon = bundledLexicon();
  if (segmenter === undefined || madeFor !== lexicon) {
    madeFor = lexicon;
    segmenter = lexicon ? { spans: (text) => lexicon.segments(text), score: (text) => lexicon.pathScore(text) } : icuSegmenter();
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
