/**
 * What a reader of a non-text format (.docx, .pdf) hands to the rest of Wengao: the document as
 * plain text, one paragraph per line, and where each line came from, so that a finding is located
 * as the reviewer sees the file (a paragraph number and an excerpt in a .docx, a page and line in
 * a .pdf). Pure: bytes in, text out; no file system.
 */

import type { LineOrigin, SourceFormat } from '../core/origins';
import { describeOrigin, originAt } from '../core/origins';

export type { LineOrigin, SourceFormat };
export { describeOrigin };

export interface SourceText {
  format: SourceFormat;
  /** The text: one paragraph per line (a markdown `#` before a heading the file marks by its style). */
  text: string;
  /** One origin per line of `text`. */
  lines: LineOrigin[];
  /** What the status says about the reading (tracked changes accepted, pages read). */
  notes: string[];
}

export type SourceRead = { ok: true; source: SourceText } | { ok: false; message: string };

/** Where an offset of a converted text is, as the reviewer finds it in the file. */
export interface SourcePlace {
  origin: LineOrigin | undefined;
  /** 第8段, 第3页第5行, 表1第2行, 脚注1 (in English: paragraph 8, …). */
  zh: string;
  en: string;
  /** The words around the offset on its line, at most `EXCERPT` characters either side, "…" where cut. */
  excerpt: string;
}

const EXCERPT = 10;

/**
 * The place of `offset` in a converted text, whose line `line` starts at `lineStart` and ends at
 * `lineEnd`. The excerpt is cut between characters, never inside one (code points, not UTF-16
 * units), and drops the `#` a styled heading was given.
 */
export function placeOf(source: { lines: readonly LineOrigin[] }, text: string, line: number, lineStart: number, lineEnd: number, offset: number): SourcePlace {
  const origin = originAt(source.lines[line], offset - lineStart);
  const before = Array.from(text.slice(lineStart, offset).replace(/^#{1,6} /, ''));
  const after = Array.from(text.slice(offset, lineEnd));
  const excerpt =
    (before.length > EXCERPT ? '…' : '') + before.slice(-EXCERPT).join('') + after.slice(0, EXCERPT).join('') + (after.length > EXCERPT ? '…' : '');
  return { origin, zh: describeOrigin(origin, 'zh'), en: describeOrigin(origin, 'en'), excerpt: excerpt.replace(/\t/g, ' ') };
}
