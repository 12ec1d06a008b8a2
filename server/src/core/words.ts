/**
 * Words, as the runtime's word segmenter tells them (`Intl.Segmenter`, the ICU dictionary Node and
 * VS Code's Electron carry): asked about a few characters at a time by the checks that need to
 * know where a word ends (text.doubled, term.*). No dependency; where a runtime has no segmenter,
 * `wordSegmenter()` is null and those checks say nothing they would need it for.
 */

let segmenter: Intl.Segmenter | null | undefined;

/** The runtime's Chinese word segmenter, made once, or null where it has none. */
export function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/** The words of `text` as [start, end) pairs. */
export function segments(seg: Intl.Segmenter, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of seg.segment(text)) out.push([s.index, s.index + s.segment.length]);
  return out;
}
