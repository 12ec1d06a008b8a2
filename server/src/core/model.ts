/**
 * The document model: paragraphs, sentences, headings and PDF page breaks, read once per
 * version of a document. Every check and the outline build on it. Reading never fails: any
 * string gives a model.
 */
import { CLAUSE_MARK, HAN, PARAGRAPH_CLOSE, SENTENCE_END } from './chars';
import { CharClass, LineIndex, PositionEncoding, Span, countLetters, isSpaceCode } from './text';
import { Heading, WORDS_AFTER_WRONG_MARK_SOURCE, readHeadings } from './headings';
import type { DocKind, Paragraph } from './paragraph';
import { findFurniture, headerLike, isPageMark } from './furniture';
import { Steps, drain } from './steps';

export type { DocKind, Paragraph } from './paragraph';
import type { Origins } from './origins';

export interface Sentence {
  /** Offsets in the document; a sentence cut by a page break spans the break. */
  start: number;
  end: number;
  /** Index of the paragraph it starts in. */
  paragraph: number;
}

export interface DocumentModel {
  text: string;
  kind: DocKind;
  lines: LineIndex;
  paragraphs: Paragraph[];
  headings: Heading[];
  sentences: Sentence[];
  /** Page furniture left in the text (page numbers, running headers, 下转/上接 notes), not in `paragraphs`: see furniture.ts. */
  furniture: Span[];
  /** Where the lines came from, for a text read out of a .docx or .pdf (origins.ts); messages name those places. */
  origins?: Origins;
}

export function documentKind(uriOrPath: string, languageId?: string): DocKind {
  if (languageId === 'markdown') return 'markdown';
  if (languageId && languageId !== 'plaintext' && languageId !== 'wengao-report') {
    return /\.(md|markdown)$/i.test(uriOrPath) ? 'markdown' : 'plaintext';
  }
  return /\.(md|markdown|mdown|mkd)$/i.test(uriOrPath) ? 'markdown' : 'plaintext';
}

const BULLET = /^[►•●■◆▶▪◇○·]/;
const MD_LIST = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+/;
const MD_HEADING = /^\s{0,3}#{1,6}(\s|$)/;
const MD_FENCE = /^\s{0,3}(```|~~~)/;
const MD_QUOTE = /^\s{0,3}>/;
/** A heading marker at the start of a line: 一、（一）(1) 1. 第一， */
const MARKER_START = new RegExp(
  String.raw`^[\s\u3000]*(?:[一二三四五六七八九十百]+(?:、|[.．，,](?=${WORDS_AFTER_WRONG_MARK_SOURCE}))|第[一二三四五六七八九十]+[，、,：:]|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,3}[）)]|\d{1,3}[.．、](?!\d))`,
  'u',
);
/** A table-of-contents line: some title, then spaces or leaders, then a page number. */
const TOC_ENTRY = /^.{4,}?(?:\s|\.{2,}|…+|·{2,})\s*\d{1,4}\s*$/;

interface RawBlock {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  verbatim: boolean;
  listItem: boolean;
}

export function buildModel(text: string, kind: DocKind, encoding?: PositionEncoding): DocumentModel {
  return drain(buildModelSteps(text, kind, encoding));
}

/** `buildModel` in steps (steps.ts): it may pause between its passes over the text. */
export function* buildModelSteps(text: string, kind: DocKind, encoding?: PositionEncoding): Steps<DocumentModel> {
  const lines = new LineIndex(text, encoding);
  yield;
  const blocks = kind === 'markdown' ? markdownBlocks(text, lines) : plaintextBlocks(text, lines);
  yield;
  const all: Paragraph[] = blocks.map((b, index) => {
    // Leading and trailing spaces (\s, U+3000 included) are not the paragraph's text.
    let start = b.start;
    while (start < b.end && isSpaceCode(text.charCodeAt(start))) start++;
    let end = b.end;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    const ptext = text.slice(start, end);
    const last = ptext.charCodeAt(ptext.length - 1);
    return {
      index,
      start,
      end,
      text: ptext,
      firstLine: b.firstLine,
      lastLine: b.lastLine,
      continues: false,
      verbatim: b.verbatim,
      listItem: b.listItem || BULLET.test(ptext),
      // (A table-of-contents line ends on its page number: a cheap test before the regexes.)
      tocEntry: !b.verbatim && last >= 0x30 && last <= 0x39 && TOC_ENTRY.test(ptext) && !/[。！？；]/.test(ptext) && MARKER_START.test(ptext),
    };
  });
  yield;
  // Page furniture is not the document's text: the paragraphs on either side of it meet.
  const isFurniture = findFurniture(all.map((p) => (p.verbatim ? { text: '' } : p)));
  const furniture: Span[] = all.filter((_, i) => isFurniture[i]).map((p) => ({ start: p.start, end: p.end }));
  const paragraphs = all.filter((_, i) => !isFurniture[i]);
  paragraphs.forEach((p, i) => (p.index = i));
  yield;
  markPageBreaks(paragraphs, text, furniture);
  yield;
  const headings = readHeadings(kind, paragraphs);
  yield;
  // A title line cannot be cut by a page break.
  for (const h of headings) {
    if (h.form === 'title') for (const i of h.paragraphs) paragraphs[i].continues = false;
  }
  const sentences = splitSentences(text, paragraphs);
  yield;
  return { text, kind, lines, paragraphs, headings, sentences, furniture };
}

/**
 * Plain text: one paragraph per line, except that a line which stops mid-clause and holds an
 * unfinished bracket or clause is joined with the next (a hard-wrapped line). Blank lines always
 * separate paragraphs.
 */
function plaintextBlocks(text: string, lines: LineIndex): RawBlock[] {
  const blocks: RawBlock[] = [];
  let cur: RawBlock | undefined;
  // Depth of brackets and quotes still open in the current block, kept as lines are added so
  // that joining stays linear however long the block grows.
  let depth = 0;
  let prevStart = 0;
  let prevEnd = 0;
  // Page furniture stands on a line of its own: a page number, a continuation note, or a short
  // line met more than once (a running header) is never joined with its neighbours.
  const seen = new Map<string, number>();
  for (let l = 0; l < lines.lineCount; l++) {
    const line = text.slice(lines.starts[l], lines.lineEnd(l));
    if (line.length <= 60 && headerLike(line)) seen.set(line.trim(), (seen.get(line.trim()) ?? 0) + 1);
  }
  const apart = (start: number, end: number) => {
    if (end - start > 60) return false;
    const line = text.slice(start, end);
    return isPageMark(line) || (seen.get(line.trim()) ?? 0) > 1;
  };
  let prevApart = false;
  for (let l = 0; l < lines.lineCount; l++) {
    const start = lines.starts[l];
    const end = lines.lineEnd(l);
    if (isBlankRange(text, start, end)) {
      cur = undefined;
      continue;
    }
    const isApart = apart(start, end);
    const joined = cur && !isApart && !prevApart && softWrapped(text, prevStart, prevEnd, depth, start, end);
    prevApart = isApart;
    if (joined && cur) {
      cur.end = end;
      cur.lastLine = l;
    } else {
      cur = { start, end, firstLine: l, lastLine: l, verbatim: false, listItem: false };
      blocks.push(cur);
      depth = 0;
    }
    depth = Math.max(0, depth + bracketBalance(text, start, end));
    prevStart = start;
    prevEnd = end;
  }
  return blocks;
}

/** Whether text[start, end) holds only spaces (\s, U+3000 included). */
function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the line text[start, end) carries on the previous line text[prevStart, prevEnd). */
function softWrapped(text: string, prevStart: number, prevEnd: number, depth: number, start: number, end: number): boolean {
  let k = prevEnd;
  while (k > prevStart && isSpaceCode(text.charCodeAt(k - 1))) k--;
  if (k === prevStart) return false;
  const last = text[k - 1];
  if (PARAGRAPH_CLOSE.has(last)) return false;
  const next = text.slice(start, end);
  if (MARKER_START.test(next) || BULLET.test(next.trimStart())) return false;
  if (CLAUSE_MARK.has(last)) return true;
  // An opening bracket or quote still open at the end of the line.
  return depth > 0;
}

const BRACKETS = new CharClass('（(“《）)”》');

/** Brackets and quotes opened minus closed in text[start, end): （ ( “ 《 against ） ) ” 》. */
function bracketBalance(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = BRACKETS.next(text, start, end); i < end; i = BRACKETS.next(text, i + 1, end)) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28 || c === 0x201c || c === 0x300a) depth++;
    else if (c === 0xff09 || c === 0x29 || c === 0x201d || c === 0x300b) depth--;
  }
  return depth;
}

/** Markdown: CommonMark-style blocks, enough to know prose from code and list items. */
function markdownBlocks(text: string, lines: LineIndex): RawBlock[] {
  const blocks: RawBlock[] = [];
  let cur: RawBlock | undefined;
  let fence: string | undefined;
  let comment = false;
  for (let l = 0; l < lines.lineCount; l++) {
    const start = lines.starts[l];
    const end = lines.lineEnd(l);
    const lineText = text.slice(start, end);
    if (fence !== undefined || comment) {
      cur!.end = end;
      cur!.lastLine = l;
      if (fence !== undefined && lineText.trimStart().startsWith(fence)) {
        fence = undefined;
        cur = undefined;
      } else if (comment && lineText.includes('-->')) {
        comment = false;
        cur = undefined;
      }
      continue;
    }
    if (isBlankRange(text, start, end)) {
      cur = undefined;
      continue;
    }
    const f = MD_FENCE.exec(lineText);
    if (f) {
      fence = f[1];
      cur = { start, end, firstLine: l, lastLine: l, verbatim: true, listItem: false };
      blocks.push(cur);
      continue;
    }
    if (/^\s{0,3}<!--/.test(lineText)) {
      cur = { start, end, firstLine: l, lastLine: l, verbatim: true, listItem: false };
      blocks.push(cur);
      if (lineText.includes('-->')) cur = undefined;
      else comment = true;
      continue;
    }
    const heading = MD_HEADING.test(lineText);
    const list = MD_LIST.test(lineText);
    const startsBlock = heading || list || MD_QUOTE.test(lineText) || MARKER_START.test(lineText);
    if (cur && !startsBlock && !cur.verbatim) {
      cur.end = end;
      cur.lastLine = l;
      continue;
    }
    cur = { start, end, firstLine: l, lastLine: l, verbatim: false, listItem: list };
    blocks.push(cur);
    if (heading) cur = undefined;
  }
  return blocks;
}

/** A bar between items: | or ｜ with a space or a Chinese character on each side. */
/** Cells set apart by runs of spaces, twice or more in a line. */
const SPACED_CELLS = /(?:[^\s\u3000][ \u3000]{2,}[^\s\u3000].*){2}/u;
/** Marks that close a quotation, title or bracket. */
const CLOSERS = new Set(['”', '’', '》', '）', ')', '」', '』', '〉', '】']);
/** A label of a few characters and its value, whatever the value holds (抄送：…, 列席：…, 联系人：…). */
const SHORT_LABEL = /^[\s\u3000]*[\p{Script=Han}]{2,3}[：:][^。；;]*$/u;
/** Whether the quotation, title or bracket that closes `text` opened inside a sentence (落实“第一议题”), not after its end (…施工现场。（记者 李明 摄）). */
function closesInside(text: string): boolean {
  const close = text[text.length - 1];
  const open = ({ '”': '“', '’': '‘', '》': '《', '）': '（', ')': '(', '」': '「', '』': '『', '〉': '〈', '】': '【' } as Record<string, string>)[close];
  if (!open || text.length < 2 || SENTENCE_END.has(text[text.length - 2])) return false;
  const at = text.lastIndexOf(open);
  if (at < 0) return false;
  // (Opened inside running text: after a character or a comma, not after a label's 】 or a colon.)
  return at > 0 && (HAN.test(text[at - 1]) || CLAUSE_MARK.has(text[at - 1]) || /[0-9A-Za-z%]/.test(text[at - 1]));
}
/**
 * The words no sentence ends on: particles and prepositions, and verbs and measures that want
 * their object or number after them (覆盖率达到|, 总规模超过|, 连续多年位居|, 每小时|).
 */
const WANTS_MORE = /(?:的|地|得|和|与|及|或|并|而|且|在|对|把|被|向|从|于|为|将|是|以|让|使|给|同|跟|比|较|约|近|共|达|达到|到|至|超过|超|位居|居|占|带动|影响了|包括|等|每小时|每年|每|其|这|那|该|各|某|第)$/;

/** A blank line between two lines, whatever ends them (\n, \r\n, \r). */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)/;

/** A label and its value, with no clause after it. */
const LABEL_LINE = /^[^，。；：:,]{1,10}[：:][^，。；,]*$/;
/** A panel's line: a figure, its bound, a colon and what it is ("46万人左右：今年全省城镇新增就业预期目标"). */
const FIGURE_LABEL_LINE = /^[\s\u3000]*[0-9０-９][0-9０-９.．,，]*[\p{Script=Han}%％‰]{0,5}?(?:以上|左右|以内)?(?<![年月日])[：:][\s\u3000]*\p{Script=Han}[^，,、；;]*$/u;
const ITEM_BAR = /[\p{Script=Han}%％\s][|｜][\p{Script=Han}\s]/u;

/**
 * A paragraph continues into the next when it stops mid-sentence: it ends on a clause mark or
 * on running text, it is prose (it has punctuation of its own or is long), and what follows is
 * not a heading, a list item or a table-of-contents line.
 */
function markPageBreaks(paragraphs: Paragraph[], text: string, furniture: readonly Span[]): void {
  // Only blank lines and page furniture may stand between the halves of a paragraph.
  let f = 0;
  const onlyBreak = (from: number, to: number): boolean => {
    while (f < furniture.length && furniture[f].end <= from) f++;
    let at = from;
    for (let k = f; k < furniture.length && furniture[k].start < to; k++) {
      if (!isBlankRange(text, at, furniture[k].start)) return false;
      at = furniture[k].end;
    }
    return isBlankRange(text, at, to);
  };
  /** Whether page furniture stands between (after onlyBreak for the same range: f is there). */
  const furnitureBetween = (from: number, to: number): boolean => f < furniture.length && furniture[f].start >= from && furniture[f].start < to;
  // Only in a text whose prose lines close with a mark as a rule: in an explainer or a script
  // whose short lines end bare ("粮食总产量836.5亿斤，连续9年稳定在800亿斤以上"), a bare end is
  // the writer's style, not a break. (Long paragraphs are not counted: a PDF's are cut anywhere.)
  // (Nor headings, which end bare by rule. And a text hard-wrapped at a page's width, whose lines
  // end bare at one length, is cut anywhere: its breaks are joined.)
  let prose = 0;
  let closed = 0;
  const bareLengths = new Map<number, number>();
  for (const p of paragraphs) {
    if (p.verbatim || p.tocEntry || p.listItem || p.text.length >= 80 || MARKER_START.test(p.text) || !(p.text.length >= 30 || /[，、。；]/.test(p.text))) continue;
    prose++;
    if (PARAGRAPH_CLOSE.has(p.text[p.text.length - 1])) closed++;
    else bareLengths.set(p.text.length, (bareLengths.get(p.text.length) ?? 0) + 1);
  }
  const bare = prose - closed;
  // (Cut at a width, the lines are of that width at most: not an explainer's panels, whose bare
  // lengths may meet around one length by chance while others run past it.)
  let wrapped = 0;
  for (const [len, n] of bareLengths) {
    const around = n + (bareLengths.get(len - 1) ?? 0) + (bareLengths.get(len + 1) ?? 0);
    let longer = 0;
    for (const [other, m] of bareLengths) if (other > len + 1) longer += m;
    if (longer * 4 <= around) wrapped = Math.max(wrapped, around);
  }
  // (A paragraph that ends on a comma or 顿号 is cut whatever the style.)
  // (Not a text cut at a page's width, whose bare line ends all fall at one length: its breaks
  // are cuts, whatever separates them.)
  const hardWrapped = wrapped >= 5 && wrapped * 3 >= bare;
  const bareIsStyle = prose >= 4 && closed * 2 < prose && !hardWrapped;
  // A text that sets its paragraphs apart with one line break each shows a page's break as more
  // than one (a blank line, the page's number): there, two lines that meet at one line break are
  // two paragraphs, the first of which lacks its mark (punct.end-missing's), not one broken.
  let blankGaps = 0;
  let singleGaps = 0;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    if (BLANK_LINE.test(text.slice(paragraphs[i].end, paragraphs[i + 1].start))) blankGaps++;
    else singleGaps++;
  }
  const singleSpaced = singleGaps > blankGaps && !hardWrapped;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const p = paragraphs[i];
    const q = paragraphs[i + 1];
    if (p.verbatim || q.verbatim || p.tocEntry || q.tocEntry || p.listItem !== q.listItem) continue;
    if (q.listItem || MD_HEADING.test(q.text) || MARKER_START.test(q.text) || MD_HEADING.test(p.text)) continue;
    // A table's row (cells separated by tabs) ends where its line ends; so does a line of items
    // set apart by bars, an explainer's "GDP增长5.5%左右 | 规上工业增加值增长7%".
    if (p.text.includes('\t') || q.text.includes('\t') || ITEM_BAR.test(p.text)) continue;
    // (So does a panel's line that opens with its figure and a colon, "2548万吨：去年全省粮食总产量".)
    if (FIGURE_LABEL_LINE.test(p.text) || FIGURE_LABEL_LINE.test(q.text)) continue;
    // (So does a line of cells set apart by runs of spaces: a list of names, "王  丽  孙  涛".)
    if (SPACED_CELLS.test(p.text) || SPACED_CELLS.test(q.text)) continue;
    const last = p.text[p.text.length - 1];
    // A quotation, title or bracket closed inside a sentence does not end it ("落实“第一议题”",
    // "《防洪法》"): only one closed after a sentence-final mark does.
    // (Not a label's line, "【稳增长】预期目标“跳一跳够得着”", "目标：“三个确保”".)
    const closedInside = CLOSERS.has(last) && closesInside(p.text) && !/^[\s\u3000]*[【\[]/.test(p.text) && !/[：:]/.test(p.text);
    if (bareIsStyle && !CLAUSE_MARK.has(last)) continue;
    if (!last || (PARAGRAPH_CLOSE.has(last) && !closedInside)) continue;
    // A heading with nothing but its name is complete; one that runs on as a sentence is prose.
    // (A heading's name may hold a comma: "（一）坚持党的领导，筑牢共同思想政治基础".)
    const m = MARKER_START.exec(p.text);
    const body = m ? p.text.slice(m[0].length) : p.text;
    // (A run-in one, "第六，着力提高人民生活品质，在……展现更", leads its prose and may be cut.)
    if (m && !/^[\s\u3000]*第/.test(m[0]) && body.length < 40 && !/[。；;]/.test(body)) continue;
    // A label and its value ("受理地址：南宁市青秀区民族大道109号", "时间：1月12日至15日", "抄送：市委办公室，
    // 市人大常委会办公室"), and before one ("记录：何  静").
    if ((LABEL_LINE.test(p.text) || SHORT_LABEL.test(p.text)) && !CLAUSE_MARK.has(last)) continue;
    if (SHORT_LABEL.test(q.text)) continue;
    // Verse and slogans: short lines in a row ("两岸青山相对出，" / "天门中断楚江开，"), or one of two
    // even halves ("文明过节，绿色过年").
    if (p.text.length <= 12 && q.text.length <= 12) continue;
    const halves = /^(\p{Script=Han}{2,8})[，、](\p{Script=Han}{2,8})$/u.exec(p.text);
    if (halves && halves[1].length === halves[2].length) continue;
    const prose = /[，、。；：,]/.test(body) || body.length >= 30 || (closedInside && p.text.length >= 8);
    const cut = CLAUSE_MARK.has(last) || HAN.test(last) || /[0-9A-Za-z%]/.test(last) || closedInside;
    if (!prose || !cut) continue;
    // Text between them must be only blank lines (a page break), not other content.
    if (!onlyBreak(p.end, q.start)) continue;
    // (Unless the line stops where no sentence can: on a clause mark, or a word that wants what
    // comes after it, 的, 达到, 超过, 位居, 带动, 每小时.)
    // (Nor where the next line cannot open a sentence: ".2%", a digit cut from its number.)
    if (singleSpaced && !CLAUSE_MARK.has(last) && !WANTS_MORE.test(p.text) && !/^[0-9０-９.．%％)）、，]/.test(q.text) && !/[0-9０-９.．]$/.test(p.text) && !BLANK_LINE.test(text.slice(p.end, q.start)) && !furnitureBetween(p.end, q.start)) continue;
    // The next paragraph reads as a continuation: it does not open like a new piece (a
    // short title line with no punctuation at all).
    if (q.text.length < 30 && !/[，、。；：,”）)]/.test(q.text)) continue;
    p.continues = true;
  }
}

/** Marks that can end a sentence (SENTENCE_END in chars.ts). */
const SENTENCE_ENDS = new CharClass('。！？；!?;…');

/** Marks that stay with the sentence they follow: ”’」』）)… */
function closesSentence(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29 || c === 0x2026;
}

/** The sentences of a text and its paragraphs (buildModel's; the server reads them again for a model that came from its worker without them). */
export function splitSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  let open: Sentence | undefined;
  for (const p of paragraphs) {
    if (p.verbatim) {
      open = undefined;
      continue;
    }
    let s = open ? open.start : p.start;
    const startPara = open ? open.paragraph : p.index;
    let para = startPara;
    open = undefined;
    for (let i = SENTENCE_ENDS.next(text, p.start, p.end); i < p.end; i = SENTENCE_ENDS.next(text, i + 1, p.end)) {
      let e = i + 1;
      while (e < p.end && closesSentence(text.charCodeAt(e))) e++;
      out.push({ start: s, end: e, paragraph: para });
      para = p.index;
      s = e;
      while (s < p.end && isSpaceCode(text.charCodeAt(s))) s++;
      i = e - 1;
    }
    if (s < p.end) {
      const sent = { start: s, end: p.end, paragraph: para };
      if (p.continues) open = sent;
      else out.push(sent);
    }
  }
  if (open) out.push(open);
  return out;
}

/** Whether a text is predominantly Chinese: Han characters over Han plus Latin letters. */
/** How much of a document its language is judged from. */
const RATIO_SAMPLE = 200_000;

export function chineseRatio(text: string): number {
  const sample = languageSample(text);
  const { han, latin } = countLetters(sample, 0, sample.length);
  if (han + latin === 0) return 0;
  return han / (han + latin);
}

/**
 * What the language of a document is judged from: the whole of a short one; of a long one,
 * RATIO_SAMPLE characters in eight windows spread over it, so that a report that opens with an
 * English appendix or pages of figures is still read as the Chinese it is (the first 200 KB
 * alone skipped such a report), and the cost stays O(1).
 */
export function languageSample(text: string): string {
  if (text.length <= RATIO_SAMPLE + 16) return text;
  const windows = 8;
  const size = RATIO_SAMPLE / windows;
  const step = (text.length - size) / (windows - 1);
  let out = '';
  for (let k = 0; k < windows; k++) {
    const at = Math.floor(k * step);
    out += text.slice(at, at + size) + '\n';
  }
  return out;
}

export type { Heading };
export type { Span };
