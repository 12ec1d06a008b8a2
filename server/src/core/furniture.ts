/**
 * Page furniture: what a PDF's pages carry besides the text, left inside it by extraction — page
 * numbers ("— 12 —", "-3-", "第 5 页", "第3页（共4页）", a bare "12" between two pieces of prose),
 * continuation notes ("（下转第二版）", "(上接第一版)"), and running headers (a short line met again
 * and again: the report's title, a gazette's or newspaper's header with its date).
 *
 * The model leaves furniture out of its paragraphs, so that a paragraph continued across a page
 * reads as one, and keeps where it was (`DocumentModel.furniture`); `para.page-break` reports it.
 */

/** A paragraph's text and position, as the model sees it before furniture is taken out. */
export interface Line {
  text: string;
}

const DASH = '[—–\\-－·•~～_]';
/** Page numbers: — 12 —, -3-, - 7 -, ·15·, 第 5 页, 第3页（共4页）, （共18页）, 3/18. */
const PAGE_NUMBER = new RegExp(
  `^(?:${DASH}{1,3}\\s*\\d{1,4}\\s*${DASH}{1,3}|第\\s*\\d{1,4}\\s*页(?:\\s*[（(]\\s*共\\s*\\d{1,4}\\s*页\\s*[）)])?|[（(]\\s*共\\s*\\d{1,4}\\s*页\\s*[）)]|\\d{1,4}\\s*/\\s*\\d{1,4})$`,
);
const BARE_NUMBER = /^\d{1,4}$/;
/** A page number at a header's edge: "·15·  江州市人民政府公报  2026年第3期", "2026年政府工作报告  — 12 —". */
const PAGE_EDGE = new RegExp(`^${DASH}{1,3}\\s*\\d{1,4}\\s*${DASH}{1,3}\\s+|\\s+${DASH}{1,3}\\s*\\d{1,4}\\s*${DASH}{1,3}$`);
/** A continuation note's words: 上接第一版, 下转第3版, 转A2版, 续第二页. */
const CONTINUED_NOTE = String.raw`(?:上接|下转|接|转|续)(?:第|自)?\s*(?:[一二三四五六七八九十]{1,3}|[A-Za-z]?\d{1,3})\s*(?:版|页)`;
/** A continuation note on a line of its own, in brackets or not: （下转第二版）, 转第3版. */
const CONTINUED = new RegExp(`^[（(]?\\s*${CONTINUED_NOTE}\\s*[）)]?$`);
/**
 * One in brackets inside a paragraph: "（上接第一版）推动……", "……就座。（下转A2版）" (para.page-break
 * deletes it; the proofreading checks read it as no prose: checks/prose.ts nonProse).
 */
export const INLINE_CONTINUED = new RegExp(`[（(]\\s*${CONTINUED_NOTE}\\s*[）)]`, 'g');
/** A newspaper's or gazette's page header: a date with its weekday (XX日报 2026年1月15日 星期四 3). */
const DATED_HEADER = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,6}星期[一二三四五六日天]|星期[一二三四五六日天].{0,6}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
const SENTENCE_MARK = /[。！？；!?;，,：:]/;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
/** A heading's number, which repeats in form but never in whole ("一、总体要求"). */
const NUMBERED = /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.．、]|第[一二三四五六七八九十\d]+[章节条部分])/;
/** A byline, which each article of a page carries again ("本报记者 郑有胜", "记者 李明 摄"). */
const BYLINE = /记者|通讯员|摄影|摄$|供稿|编辑|审核|校对|责编/;
/** How many of the first lines may hold the document's own title, kept there. */
const OPENING = 3;

const clean = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();

/** Whether a line is a page number or a continuation note, whatever stands around it. */
export function isPageMark(line: string): boolean {
  const t = clean(line);
  return PAGE_NUMBER.test(t) || CONTINUED.test(t);
}

/** Whether a line could be a running header: short, Chinese, without a clause mark or a heading's number. */
export function headerLike(line: string): boolean {
  const t = clean(line);
  return t.length <= 40 && (t.match(HAN_ALL) ?? []).length >= 4 && !line.includes('\t') && !SENTENCE_MARK.test(t) && !NUMBERED.test(t) && !/^#/.test(t) && !BYLINE.test(t);
}

/** Which of the lines (a document's paragraphs, in order) are page furniture. */
export function findFurniture(lines: readonly Line[]): boolean[] {
  const out = lines.map(() => false);
  // The opening: the lines before the first piece of prose (a title, its subtitle, a dateline),
  // at most OPENING of them.
  const prose = lines.findIndex((l) => l.text.length >= 20 && /[，。；]/.test(l.text));
  const opening = Math.min(OPENING, prose < 0 ? OPENING : prose);
  const seen = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = clean(l.text);
    if (isPageMark(t)) out[i] = true;
    else if (i >= opening && t.length <= 40 && DATED_HEADER.test(t) && /报|刊|第.{1,4}[版期]/.test(t) && !/[。！？；，]/.test(t)) out[i] = true;
    else if (t.length <= 60 && PAGE_EDGE.test(l.text.trim()) && headerLike(l.text.trim().replace(PAGE_EDGE, ''))) out[i] = true;
    else if (headerLike(t)) {
      const at = seen.get(t);
      if (at) at.push(i);
      else seen.set(t, [i]);
    }
  });
  // A running header: the same short line met again further on, standing at a page's edge — by
  // a page number, or inside a sentence the page cut. Where it first stands among the opening
  // lines it is the document's title there. (An explainer's labels repeat too, "城镇新增就业",
  // but between whole pieces of text.)
  const atEdge = (i: number) => {
    for (let k = Math.max(0, i - 2); k <= Math.min(lines.length - 1, i + 2); k++) if (k !== i && out[k] && isPageMark(lines[k].text)) return true;
    let a = i - 1;
    while (a >= 0 && out[a]) a--;
    return a >= 0 && lines[a].text.length >= 20 && /[，、\p{Script=Han}0-9%]$/u.test(lines[a].text.trim());
  };
  for (const at of seen.values()) {
    if (at.length < 2) continue;
    const later = at.filter((i) => i >= opening);
    if (later.some(atEdge)) for (const i of later) out[i] = true;
  }
  // A bare number between two pieces of prose (a table's cells come in rows, with others).
  for (let i = 1; i + 1 < lines.length; i++) {
    if (out[i] || !BARE_NUMBER.test(clean(lines[i].text))) continue;
    let a = i - 1;
    while (a >= 0 && out[a]) a--;
    let b = i + 1;
    while (b < lines.length && out[b]) b++;
    const prose = (k: number) => k >= 0 && k < lines.length && HAN.test(lines[k].text) && lines[k].text.length >= 10 && !BARE_NUMBER.test(clean(lines[k].text));
    if (prose(a) && prose(b)) out[i] = true;
  }
  return out;
}
