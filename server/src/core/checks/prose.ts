/**
 * What the proofreading checks leave alone in a paragraph, found one way for all of them: the
 * parts that are not prose (URLs, e-mail addresses, Windows paths, file names, markdown inline
 * code) and the headings' markers (heading.marker's). Every pattern is bounded, and tried only
 * where it can match, so that a long line costs its length and no more.
 */
import type { DocKind } from '../paragraph';
import type { DocumentModel } from '../model';
import type { Paragraph } from '../paragraph';
import { firstAtOrAfter, type Span } from '../text';
import { INLINE_CONTINUED } from '../furniture';

const ADDRESS =
  /(?:https?|ftp):\/\/[^\s\u3000，。；、“”（）《》,;()\p{Script=Han}]{1,500}|www\.[A-Za-z0-9-]{1,63}\.[^\s\u3000，。；、“”（）《》,;()\p{Script=Han}]{1,500}|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}|[A-Za-z]:\\[^\s\u3000，。；]{0,260}/gu;
/** A file's name: no spaces or Chinese marks, ending on a known extension ("汇总表(2026版).xlsx"). */
const FILE_NAME = /[^\s\u3000，。；：、“”‘’《》,;:!?/\\]{1,120}\.(?:xlsx?|docx?|pdf|pptx?|wps|et|dps|ofd|txt|csv|zip|rar|7z|jpe?g|png|gif|json|xml|html?|md|exe|apk)(?![A-Za-z0-9])/giu;
const INLINE_CODE = /`[^`\n]{0,500}`/g;

/**
 * The spans of a paragraph's text (offsets in `raw`) that are not prose. File names are prose's
 * for a check that judges a pair inside one ("template(v2）.docx" is a slip whatever the name).
 */
export function nonProse(raw: string, kind: DocKind, { fileNames = true } = {}): Span[] {
  const out: Span[] = [];
  const add = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(raw); m; m = re.exec(raw)) out.push({ start: m.index, end: m.index + m[0].length });
  };
  if (raw.includes('@') || raw.includes('://') || raw.includes('www.') || raw.includes(':\\')) add(ADDRESS);
  if (fileNames && raw.includes('.')) add(FILE_NAME);
  if (kind === 'markdown' && raw.includes('`')) add(INLINE_CODE);
  // (A continuation note, "(上接第一版)": layout, which para.page-break deletes whole.)
  if (raw.includes('版') || raw.includes('页')) add(INLINE_CONTINUED);
  return out;
}

/** Whether an offset of the document lies in a heading's marker ("(一)", "第一,"). */
export function inHeadingMarker(model: DocumentModel): (offset: number) => boolean {
  // (Sorted starts, asked by binary search: a check may ask once per finding, and a long document
  // has thousands of markers. Markers do not overlap.)
  const markers = model.headings.flatMap((h) => (h.markerSpan ? [h.markerSpan] : [])).sort((a, b) => a.start - b.start);
  const starts = markers.map((m) => m.start);
  return (at) => {
    const k = firstAtOrAfter(starts, at + 1) - 1;
    return k >= 0 && at < markers[k].end;
  };
}

/** The paragraphs a proofreading check reads (not verbatim ones: code, tables kept as written), each with its text. */
export function* proseParagraphs(model: DocumentModel): Generator<{ p: Paragraph; raw: string }> {
  for (const p of model.paragraphs) if (!p.verbatim) yield { p, raw: model.text.slice(p.start, p.end) };
}
