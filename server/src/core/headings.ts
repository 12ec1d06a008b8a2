/**
 * Headings and their levels: 一、 → （一） → 1. → （1） (GB/T 9704 7.3.3), 第一， in speeches,
 * markdown `#`, and in plain text a news page's title lines with their "——" subtitle.
 */
import type { DocKind, Paragraph } from './paragraph';
import { parseChineseInt } from './numerals';
import { Span, countHanIn, countLatinIn } from './text';

export type HeadingForm = 'title' | 'markdown' | 'label' | 'cn' | 'ordinal' | 'cn-paren' | 'arabic' | 'arabic-paren';

export interface Heading {
  form: HeadingForm;
  /** Smaller ranks are higher levels; a heading's parent is the nearest earlier smaller rank. */
  rank: number;
  /** For markdown headings, the number of `#`. */
  markdownDepth?: number;
  /** The number the marker stands for: 三 in 三、, 5 in (5). */
  number?: number;
  /** The marker as written: "（五）", "(五)", "1、", "第二，". */
  marker?: string;
  markerSpan?: Span;
  name: string;
  nameSpan: Span;
  /** The heading's own text: the title lines, or a run-in heading's first sentence. */
  span: Span;
  detail?: string;
  /** A title's byline ("本报记者 翟新群", "辽阳市委书记 霍步刚"). */
  byline?: string;
  /** Paragraph indexes the heading occupies (a title group can hold several). */
  paragraphs: number[];
}

const RANK = {
  title: 0,
  /** An explainer's section label: 【2025年成绩单】, "01 2025年 我们这样走过". Unnumbered. */
  label: 10,
  cn: 10,
  ordinal: 11,
  'cn-paren': 12,
  arabic: 13,
  'arabic-paren': 14,
} as const;

const CN = '一二三四五六七八九十百';
const MARKERS: { form: Exclude<HeadingForm, 'title' | 'markdown'>; re: RegExp; cn: boolean }[] = [
  // (一. 一， are the wrong forms of 一、: heading.marker reports them.)
  { form: 'cn', re: new RegExp(`^([${CN}]+)([、.．，,])`), cn: true },
  { form: 'ordinal', re: new RegExp(`^第([${CN}]+)([，、,：:])`), cn: true },
  { form: 'cn-paren', re: new RegExp(`^[（(]([${CN}]+)[）)]([、，,.．]*)`), cn: true },
  { form: 'arabic-paren', re: /^[（(]([0-9０-９]{1,3})[）)]([、，,.．]*)/, cn: false },
  { form: 'arabic', re: /^([0-9０-９]{1,3})([.．、])(?![0-9０-９])/, cn: false },
];

/** The characters a marker of MARKERS can open with, by code. */
const MARKER_FIRST = new Set([...`${CN}第（(0123456789０１２３４５６７８９`].map((c) => c.charCodeAt(0)));

const TRAILING_PUNCT = /[\s\u3000，。、；：！？,.;:!?…—]+$/;
export const ROLE = '(?:记者|通讯员|编辑|书记|省长|市长|县长|区长|主任|部长|主席|总理|委员|代表|厅长|局长|校长|社长)';
const BYLINE = new RegExp(`^[^，。；]{0,16}${ROLE}[\\s\\u3000：:]+[\\p{Script=Han}·]{2,5}([\\s\\u3000]+[\\p{Script=Han}·]{2,5})*$`, 'u');
const DATE_LINE = /^[（(][\s\u3000]*\d{4}[\s\u3000]*年[^（）()]{0,30}[）)]$/;
const NAME_LINE = /^[\p{Script=Han}·]{2,4}$/u;
const SPECIAL_TITLE = /^(附件[\s\u3000]*[0-9一二三四五六七八九十]*|目[\s\u3000]*录|前[\s\u3000]*言|后[\s\u3000]*记)$/;

function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * What follows a Chinese numeral's wrong mark (一. 一，) when it marks a heading: its words, or a
 * figure; not another numeral ("一，二线", "三.五成"). Shared with the model's MARKER_START.
 */
export const WORDS_AFTER_WRONG_MARK_SOURCE = String.raw`[\s　]*(?![一二两三四五六七八九十百千万零])[\p{Script=Han}0-9０-９]`;
const WORDS_AFTER_WRONG_MARK = new RegExp(`^${WORDS_AFTER_WRONG_MARK_SOURCE}`, 'u');

/** Reads a marker at the start of `text`. */
export function readMarker(text: string):
  | { form: Exclude<HeadingForm, 'title' | 'markdown'>; number?: number; marker: string; length: number }
  | undefined {
  // Every marker opens with a numeral, 第, a bracket or a digit: most paragraphs open otherwise.
  if (!MARKER_FIRST.has(text.charCodeAt(0))) return undefined;
  for (const m of MARKERS) {
    const r = m.re.exec(text);
    if (!r) continue;
    // "一、二线城市", "一、二、三产业": numerals listed, not a heading marker.
    if (m.form === 'cn' && /^[一二两三四五六七八九十]/.test(text.slice(r[0].length))) continue;
    // A wrong mark after the numeral marks a heading only before its words: "一，二", "三.五成" are not.
    if (m.form === 'cn' && r[2] !== '、' && !WORDS_AFTER_WRONG_MARK.test(text.slice(r[0].length))) continue;
    const number = m.cn ? parseChineseInt(r[1]) : Number(halfWidthDigits(r[1]));
    if (number === undefined || number === 0) continue;
    return { form: m.form, number, marker: r[0], length: r[0].length };
  }
  return undefined;
}

/** A run-in heading's name: the marker's text up to the first sentence mark. */
function headingName(text: string, from: number): { name: string; start: number; end: number } {
  let start = from;
  while (start < text.length && /[\s\u3000]/.test(text[start])) start++;
  let end = text.length;
  const m = /[。！？；\n]/.exec(text.slice(start));
  if (m) end = start + m.index;
  if (end - start > 80) {
    end = start + 80;
    // Not between the halves of a surrogate pair (an emoji, a character beyond the BMP).
    if (/[\uD800-\uDBFF]/.test(text[end - 1]) && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end--;
  }
  let name = text.slice(start, end);
  const trimmed = name.replace(TRAILING_PUNCT, '');
  end -= name.length - trimmed.length;
  name = trimmed;
  return { name, start, end };
}

/** Newspaper layout, not text: （上接第一版） (下转第二版). */
export const CONTINUATION_NOTE = /^[（(][上下][接转]第[一二三四五六七八九十0-9]{1,3}版[）)]$/;

/** A field's name before its colon: 责任单位, 牵头部门, 联系人, 记者, 来源, 时间; a press conference's 主持人, 发布人. */
export const FIELD_LINE = /^[\s\u3000]*(?:(?:责任|牵头|主办|承办|配合|实施|主管|发布)?(?:单位|部门)|联系人|责任人|负责人|记者|通讯员|编辑|责编|作者|审核|(?:资料|数据)?来源|时间|地点|电话|地址|邮箱|出席|列席|缺席|请假|主持人?|发布人|发言人|主讲人?|嘉宾|受访(?:者|人)|记录|参加人员|参会人员|抄送|抄报|附件)[：:]/;

function looksLikeTitle(p: Paragraph): boolean {
  const t = p.text;
  if (CONTINUATION_NOTE.test(t)) return false;
  if (p.verbatim || p.listItem || p.tocEntry) return false;
  if (t.length < 2 || t.length > 80 || t.includes('\n')) return false;
  // (A post's headline may exclaim inside it, "划重点！2026年大同市政府工作报告来了": the first line only.)
  if ((p.index === 0 && !/[！？!?][\s\u3000]*$/.test(t) ? /[。；，,;]/ : /[。！？；，,;!?]/).test(t)) return false;
  if (/[、：:]$/.test(t)) return false;
  // A field and its value under an item, "责任单位：州卫生健康委、州妇联", "联系人：张某", is no title.
  if (FIELD_LINE.test(t)) return false;
  const han = countHanIn(t);
  if (han < 2 || han < countLatinIn(t)) return false;
  // A script's line under its channel tag, "【字幕】2025年全省GDP 9.45万亿元", is text shown on
  // screen, not a title (the headline keeps its tag: 【标题】).
  if (/^[\s\u3000]*【(?!标题|题目|主标题|副标题)[^【】]{1,4}】/.test(t) && /[0-9０-９]/.test(t)) return false;
  // Signatures (习近平) and datelines (2023 年 2 月) are not titles.
  if (t.replace(/[\s\u3000]/g, '').length < 5 && !SPECIAL_TITLE.test(t) && !t.startsWith('——')) return false;
  if (/^\d{4}[\s\u3000]*年([\s\u3000]*\d{1,2}[\s\u3000]*月([\s\u3000]*\d{1,2}[\s\u3000]*日)?)?$/.test(t)) return false;
  // A table's or figure's caption and its unit line belong to the table, not to the outline;
  // so does its header row (序号　项目名称　目标任务).
  if (TABLE_CAPTION.test(t) || (softCells(t)?.length ?? 0) >= 3) return false;
  return true;
}

/** An amount: a number (not a date or a session) with its unit or multiplier. */
const AMOUNT = /(?<![0-9０-９.．A-Za-z])[0-9０-９][0-9０-９.．,，]*\s*(?!年|月|日|号|届|次会议|时|点)(?:[万亿千百]?(?:%|％|‰|\p{Script=Han}))|(?<![0-9０-９])[0-9０-９]{1,3}年(?!代)/u;

/** 表1 …, 图2 …, 附表3 …, 续表, and the lines under them: 单位：吨, 注：…, 资料来源：…. */
const TABLE_CAPTION = /^(?:(?:续|附)?[表图][\s\u3000]*[0-9０-９一二三四五六七八九十]+(?:[-－—.．][0-9０-９]+)?(?![0-9０-９])|续表|(?:计量)?单位[：:]|注[：:]|(?:资料|数据)来源[：:])/;

/** A figure that opens a line: a number (not a year; a dot only between digits, not a heading's 1.), its multiplier and unit (or a range, 5.5%—6%), a bound word. */
const FIGURE_OPENING = String.raw`^(?![0-9０-９]{4}\s*年)[近约超逾]?[-－]?[0-9０-９](?:[0-9０-９,，]|[.．](?=[0-9０-９]))*[\s\u3000]{0,4}[万亿千百]?[\p{Script=Han}A-Za-z%％‰/·²³]{0,5}(?:[—～~－-][0-9０-９][0-9０-９.．]*[万亿千百]?[\p{Script=Han}A-Za-z%％‰/²³]{0,5})?(?:以上|左右|以内|以下)?`;
/** A line that opens with a figure and its label after a dash or colon: "33981.6亿元——去年全市地区生产总值". */
export const FIGURE_LABEL = new RegExp(`${FIGURE_OPENING}[\\s\\u3000]{0,4}(?:——|—|--|：|:)`, 'u');

/** A line that is one figure and nothing else: "246.8万辆", "5%左右", "近2.4万亿元" (an explainer's big number). */
export const FIGURE_LINE = new RegExp(`${FIGURE_OPENING}$`, 'u');

/** A line that opens with a change and its figure: "增长7.8%", "下降3.1%（全省2.5%）" (an explainer's "more of it"). */
export const CHANGE_LINE = new RegExp(`^(?:同比|比上年)?(?:增长|下降|增加|减少|提高|降低|上涨|回落)${FIGURE_OPENING.slice(1)}`, 'u');

/** A news item's lead: 本报讯, 本台消息, X日报讯, 新华社X月X日电. */
const NEWS_LEAD = /^[\s\u3000]*(?:本报讯|本台(?:讯|消息)|本报(?:记者|消息)|新华社|[\p{Script=Han}]{2,8}(?:讯|消息)[\s\u3000]*[（(])/u;

/** A number with a unit or a percent sign: what a line of data holds and a title seldom does. */
const DATA_FIGURE = /[0-9０-９](?:[.．][0-9０-９]+)?[\s\u3000]*(?:%|％|‰|万|亿|个|元|人|吨|公里|项|家|亩|户|斤|所|张|条|座|倍|千瓦|[A-Za-z])/;
/** A row of a table pasted from a word processor: cells separated by tabs (figures/table.ts reads them). */
const HEADING_TARGET = /会议(?:要求|明确|部署|决定)|重点工作|目标任务|主要目标|目标(?![^，。；]{0,6}(?:实现|达成|完成))|任务|计划|清单|安排|草案|(?<!好于|高于|超出|超过|超|低于|不及|符合|不如)预期|今后|展望|部署|思路|要点|实事/;
const HEADING_ACTUAL = /回顾|回望|回眸|过去|成绩|成就|一年来|五年来|总结|进展|成效|工作情况|执行情况|完成情况|答卷|(?<!(?:确保|力争|努力|争取|(?<![主重需必])要|将(?!军))[^，。；]{0,16})(?:收官|(?:圆满|全面|顺利|超额)完成|(?:全部|如期|按期)?办结|(?:圆满|全面|顺利|胜利)实现)/;

/** A clause that reports a deed done, ending on its verb: 全部办结, 圆满完成, 如期建成. */
const DONE_CAPTION = /(?:办结|完成|实现|建成|收官)[\s\u3000]*$/;

/** A review's word and, after it, a plan's: "回顾去年成绩　部署今年任务". */
const HEADING_BOTH = /(?:回顾|回望|总结)[^，。；]*?(?:部署|安排|展望)/;

/** What a heading's words say of the figures under it: a review's (actual) or a plan's (target). */
export function headingKind(name: string): 'target' | 'actual' | undefined {
  // (One that names both, "回顾去年成绩　部署今年任务", says neither of what is under it.)
  if (HEADING_ACTUAL.test(name)) return HEADING_BOTH.test(name) ? undefined : 'actual';
  if (HEADING_TARGET.test(name)) return 'target';
  // (Highlights, 亮点, are a review's where the heading names no plan: "民生实事有哪些亮点" plans.)
  if (/亮点/.test(name) && !/今年|明年|新的一年/.test(name)) return 'actual';
  return undefined;
}

const TABLE_ROW = /\S\t+\S/;
/** The gap between cells in a row without tabs: full-width spaces, or two spaces or more. */
export const SOFT_GAP = /\u3000+| {2,}/g;

/**
 * The cells of a line laid out as a row without tabs ("地区生产总值增长　5左右"): two or more
 * short cells set apart by full-width spaces or runs of spaces, no sentence punctuation, the
 * first naming something. Undefined for any other line ("第一章　总则" is a row only in shape:
 * isTableRow wants a number too).
 */
export function softCells(text: string): string[] | undefined {
  const bars = barCells(text);
  if (bars) return bars.length >= 2 && /\p{Script=Han}/u.test(bars[0].text) ? bars.map((c) => c.text) : undefined;
  if (text.includes('\t') || (!text.includes('\u3000') && !text.includes('  '))) return undefined;
  const t = text.trim();
  if (t.length > 80 || /[。！？；，,;!?]/.test(t)) return undefined;
  const cells = t.split(SOFT_GAP);
  return cells.length >= 2 && /\p{Script=Han}/u.test(cells[0]) ? cells : undefined;
}

/**
 * The cells of a row set apart by bars, "指标｜绝对数｜比上年增长" or a markdown table's "| a | b |":
 * two bars or more, no sentence punctuation; each cell with its offset in the line. Undefined
 * for any other line (one bar parts phrases: "增长5.8%｜全省增长5.4%").
 */
export function barCells(text: string): { at: number; text: string }[] | undefined {
  if (!text.includes('｜') && !text.includes('|')) return undefined;
  // (One line: a markdown table that the model keeps as one paragraph is not one row.)
  if (text.includes('\n') || text.includes('\t') || text.length > 200 || /[。！？；;!?]|[，,](?![0-9０-９])|(?<![0-9０-９])[，,]/.test(text)) return undefined;
  const out: { at: number; text: string }[] = [];
  let start = 0;
  let bars = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '｜' && text[i] !== '|') continue;
    if (i < text.length) bars++;
    const raw = text.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    out.push({ at: start + lead, text: raw.trim() });
    start = i + 1;
  }
  // (A markdown row's outer bars leave empty cells at its ends: layout, not cells.)
  if (out.length && !out[0].text) out.shift();
  if (out.length && !out[out.length - 1].text) out.pop();
  return bars >= 2 && out.length >= 2 ? out : undefined;
}

/** A markdown table's rule under its header: |---|:---:|. */
export function isTableRule(text: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(text);
}

/** A cell that is a number, not a year (2025年 heads a column; it is no value). */
function numericCell(cell: string): boolean {
  // (Nor is a date or a time: "宝鸡发布　1月21日".)
  return /^[-－−]?[0-9０-９]/.test(cell) && !/^[0-9０-９]{4}\s*年|^[0-9０-９]{1,2}\s*月|^[0-9０-９]{1,2}[:：][0-9０-９]{2}|^[0-9]{4}[-./][0-9]/.test(cell);
}

/**
 * A row of a table: tab-separated cells, or soft-separated cells of which one after the first is
 * a number. `above`, the line before it, tells a table's row from an explainer's line where both
 * read alike (see pairedLabels).
 */
export function isTableRow(text: string, above?: string): boolean {
  if (text.includes('\t')) return TABLE_ROW.test(text);
  const cells = softCells(text);
  // (A caption, "表1　1—2月主要指标", is laid out alike.)
  // (Nor is a line of phrases, each with its own words and number: "民生实事　改造老旧小区150个　新增
  // 养老床位2000张" is prose set out with spaces, read as clauses.)
  // (Nor a first cell that states its own figure, "工业投资3.8亿元　农业投资　2.0亿元": a row's label
  // holds no figure of its own at its end.)
  // (Nor an explainer's line of items, each a figure and its own words: "8.6万人 城镇新增就业｜2.1万个
  // 新增学位｜1200张 新增养老床位". A table's cell holds its number alone.)
  if (!cells || !cells.slice(1).some(numericCell) || cells.slice(1).some(phraseCell) || cells.slice(1).some(figureThenWords) || TABLE_CAPTION.test(text.trim()) || ownFigure(cells[0])) return false;
  // (Nor labels and figures side by side, "城镇居民收入　3.9万元　农村居民收入　2.1万元", unless the
  // line above is laid out alike, a header or a row: then they are a table's columns.)
  if (pairedLabels(cells)) {
    const up = above !== undefined ? softCells(above) : undefined;
    return !!up && up.length === cells.length && !pairedLabels(up);
  }
  return true;
}

/** The cells of a short line set out with spaces, one or more, three cells or more ("指标 2025年实绩 2026年目标"). */
function spacedCells(text: string): string[] | undefined {
  const t = text.trim();
  if (t.length > 80 || /[。！？；，,;!?]/.test(t)) return undefined;
  const cells = t.split(/[\s\u3000]+/);
  return cells.length >= 3 ? cells : undefined;
}

/** A cell that is a figure and then words of its own: "2.1万个 新增学位", "5%以上 外贸进出口增长". */
function figureThenWords(cell: string): boolean {
  return /^[-－−]?[0-9０-９][0-9０-９.．,]*[^\s\u3000]{0,8}[\s\u3000]+\p{Script=Han}{2,}/u.test(cell.trim());
}

/** A cell that ends on a figure with its unit, "工业投资3.8亿元": a phrase, not a row's label (其中：5G用户（万户）is one). */
function ownFigure(cell: string): boolean {
  return /^\p{Script=Han}{2,}[^0-9０-９（(]*[0-9０-９][0-9０-９.．]*\s*[万亿千百]?(?:[\p{Script=Han}]{1,3}|%|％)$/u.test(cell) && phraseCell(cell) && !/[0-9０-９]\s*[年月]/.test(cell);
}

/** Cells that go label, figure, label, figure with units: an explainer's line, not a table's row. */
function pairedLabels(cells: string[]): boolean {
  if (cells.length < 4 || cells.length % 2) return false;
  for (let k = 0; k < cells.length; k += 2) {
    if (!/^\p{Script=Han}[^0-9０-９（(]{3,}$/u.test(cells[k]) || !numericCell(cells[k + 1])) return false;
  }
  return true;
}

/**
 * A change written into a cell before its number, "增长5.8%", "同比下降3%": the verb (group 1)
 * as a table's growth column would head it.
 */
export const CHANGE_CELL = /^(?:比上年|同比|较上年)?(增长|上涨|下降|提高|降低|回落|减少|增加)(?=[0-9０-９])/;

/** A cell that says something of its own: words, then a number ("完成投资1600亿元"); not a change. */
export function phraseCell(cell: string): boolean {
  return /^\p{Script=Han}{2,}[^0-9０-９]*[0-9０-９]/u.test(cell) && !CHANGE_CELL.test(cell);
}

/** A symbol that marks a section in an explainer (readLabel's ▌2025年 成绩单). */
const SECTION_SYMBOL = /^[\s\u3000]*[▌■◆▶★☆▍█◼]/;
/** The same symbol and the section's name after it: "■ 2025年成绩单". */
const SECTION_LABEL = new RegExp(`${SECTION_SYMBOL.source}[\\s\\u3000]*([^。！？；，,;!?：:]{2,16})$`);

/** The names of kinds of documents: a line that ends with one names a document, not a section. */
const DOCUMENT_NAME = /(?:报告|公报|纪要|清单|规划|计划|方案|意见|通知|决定|讲话|通报|简报|公告|决议|要点|名单|目录|附件|提纲)$/;

/**
 * An explainer's section label: a line that is 【2025年成绩单】 (with at most a few words after
 * it), or a two-digit block number and a short name ("01 2025年 我们这样走过", "01丨2025年 成绩单").
 */
function readLabel(text: string, inBody = false): { name: string; start: number; end: number } | undefined {
  // (The words after the bracket are the section's motto, up to a line's worth: "【回眸2025】“十四五”
  // 圆满收官　交出高质量发展答卷".)
  const b = /^[\s\u3000]*【([^【】]{1,16})】[\s\u3000]*([^。！？；，,;!?]{0,24})$/.exec(text);
  // (Not a script's line under its tag that states an amount, "【字幕】全年粮食总产量438.6亿斤":
  // a section label that does, "【锚定2026】经济增长预期6%左右", names its year in the brackets.)
  if (b && !/(?:19|20)\d{2}/.test(b[1]) && /[0-9０-９][0-9０-９.．]*\s*(?:%|％|[\p{Script=Han}])/u.test(b[2]) && !/^(?:19|20)\d{2}\s*年/.test(b[2].trim())) return undefined;
  // (Nor a panel's callout that is itself a figure, "【GDP增长6.3%】": a headline over the text
  // of the section it sits in, not a section of its own.)
  if (b && !/(?:19|20)\d{2}/.test(b[1]) && /[0-9０-９][0-9０-９.．]*\s*(?:%|％|[万亿千百]?[\p{Script=Han}])/u.test(b[1])) return undefined;
  if (b) {
    const start = text.indexOf('【');
    return { name: `【${b[1]}】${b[2] ? b[2].trim() : ''}`, start, end: text.replace(/[\s\u3000]+$/, '').length };
  }
  // An explainer's section named with its year and a dot: "回眸2025 · 稳中有进", "展望2026·主要预期目标".
  const dotted = /^[\s\u3000]*([^\s\u3000·•・。！？；，,;!?：:]{0,4}(?:19|20)\d{2}年?)[\s\u3000]*[·•・][\s\u3000]*([^。！？；，,;!?：:]{2,14})$/.exec(text);
  if (dotted) return { name: `${dotted[1]} · ${dotted[2].trim()}`, start: text.indexOf(dotted[1]), end: text.replace(/[\s\u3000]+$/, '').length };
  // An explainer's year and section name set apart by a space: "2025年 成绩单", "2026年 目标任务".
  const yearLabel = /^[\s\u3000]*((?:19|20)\d{2}年)[\s\u3000]+([^\s\u3000\d。！？；，,;!?：:]{2,10})[\s\u3000]*$/.exec(text);
  if (yearLabel) return { name: `${yearLabel[1]} ${yearLabel[2]}`, start: text.indexOf(yearLabel[1]), end: text.replace(/[\s\u3000]+$/, '').length };
  // Or written together, below the title: "2025年成绩单", "2026年主要预期目标" (a line of a few
  // words and nothing else; not a document's own name, "2026年民生实事项目清单").
  const joined = inBody ? /^[\s\u3000]*((?:19|20)\d{2}年)(\p{Script=Han}{2,8})[\s\u3000]*$/u.exec(text) : null;
  if (joined && !DOCUMENT_NAME.test(joined[2])) return { name: `${joined[1]}${joined[2]}`, start: text.indexOf(joined[1]), end: text.replace(/[\s\u3000]+$/, '').length };
  // A section named by a look back or ahead at a year, alone on its line: "回眸2025", "展望2026年".
  const look = /^[\s\u3000]*((?:回眸|回顾|回望|展望|盘点|聚焦|锚定|数说|数读)[\s\u3000]*(?:19|20)\d{2}年?)[\s\u3000]*$/.exec(text);
  if (look) return { name: look[1], start: text.indexOf(look[1]), end: text.replace(/[\s\u3000]+$/, '').length };
  // A symbol that marks a section in an explainer: ▌2025年 成绩单, ■ 2026年目标.
  const sym = SECTION_LABEL.exec(text);
  if (sym) return { name: sym[1].trim(), start: text.indexOf(sym[1]), end: text.replace(/[\s\u3000]+$/, '').length };
  // A question-and-answer explainer's question, "问：2025年，经济交出了怎样的成绩单？": the answers
  // under it are its section, and the time it names is theirs.
  const q = /^[\s\u3000]*(?:【问】|问[0-9０-９一二三四五六七八九十]{0,3}[：:]|Q[0-9]{0,3}[：:.．])[\s\u3000]*([^。！；;!\n]{2,60}[？?])[\s\u3000]*$/u.exec(text);
  if (q) return { name: text.trim(), start: text.length - text.trimStart().length, end: text.replace(/[\s\u3000]+$/, '').length };
  // (Or with a bar after the number, as WeChat explainers write it: "01丨2025年 成绩单", "02｜主要目标".)
  const n = /^(0[1-9]|[1-9][0-9]?)(?:[\s\u3000]+|[\s\u3000]*[丨｜|][\s\u3000]*)(?![0-9.．]+[\s\u3000]*(?:%|％|万|亿|个|元|人|吨|公里|项|家))([^。！？；，,;!?]{2,24})$/.exec(text);
  if (n && !/\t/.test(text) && /[\u4e00-\u9fff]/.test(n[2])) return { name: text.trim(), start: 0, end: text.replace(/[\s\u3000]+$/, '').length };
  return undefined;
}

/** A draft's status under its title: （征求意见稿）, （送审稿）, 草案. Not the document's name. */
const DRAFT_MARK = /^[（(〔【\[]?[\s\u3000]*(?:征求意见稿|送审稿|讨论稿|草案|草稿|初稿|修改稿|修订稿|代拟稿|审议稿|报审稿|送审讨论稿|第?[一二三四五六七八九十0-9]+稿)[\s\u3000]*[）)〕】\]]?$/;

function isByline(text: string): boolean {
  return BYLINE.test(text);
}

export function readHeadings(kind: DocKind, paragraphs: Paragraph[]): Heading[] {
  const headings: Heading[] = [];
  let group: Heading | undefined;
  let groupTitles: { text: string; span: Span; subtitle: boolean; date?: boolean }[] = [];

  const closeGroup = () => {
    if (!group) return;
    if (groupTitles.length === 0) {
      // A group made only of bylines names nothing.
      group = undefined;
      return;
    }
    // The main title is the line just before the first subtitle, else the first line.
    // (A draft's status line, （征求意见稿）, is never the title: it goes to the detail.)
    const lines = groupTitles.filter((g) => !DRAFT_MARK.test(g.text));
    const subIdx = lines.findIndex((g) => g.subtitle && !g.date);
    // ("附件" followed by the annex's own title: the title names the group.)
    const plain = lines.filter((g) => !g.subtitle);
    const main =
      subIdx > 0
        ? lines[subIdx - 1]
        : (plain.length > 1 && SPECIAL_TITLE.test(plain[0].text) ? plain[1] : plain[0]) ?? lines[0] ?? groupTitles[0];
    if (main.date) {
      group = undefined;
      groupTitles = [];
      return;
    }
    group.name = main.text.replace(/^——+/, '').replace(TRAILING_PUNCT, '');
    // A table of contents sits under the document's title, not beside it.
    if (/^目[\s\u3000]*录$/.test(group.name)) group.rank = 0.5;
    group.nameSpan = main.span;
    const rest = groupTitles.filter((g) => g !== main).map((g) => g.text);
    if (rest.length) group.detail = rest.join(' ');
    headings.push(group);
    group = undefined;
    groupTitles = [];
  };

  // Lines of data: short lines without sentence punctuation that hold figures, two or more in a
  // row (an explainer's "5.3% 经济增速", a table's rows). They are not a title group.
  // (Not a news item's headline lines above its lead, "全省经济总量达6.97万亿元" / "今年地区生产总值预期
  // 增长5.5%左右" over "本报讯（记者……）": they are its title, whatever figures they state.)
  const lead = paragraphs.slice(0, 4).findIndex((p) => NEWS_LEAD.test(p.text));
  const dataLine = paragraphs.map((p, i) => i >= lead && p.text.length <= 40 && DATA_FIGURE.test(p.text) && !/[。！？；，,;!?]/.test(p.text) && !readLabel(p.text, i > 0));
  const spaced = paragraphs.map((p) => spacedCells(p.text));
  const figureRow = (cells: string[] | undefined) => !!cells && cells.slice(1).every((c) => /^[0-9０-９]/.test(c));
  const spacedTable = spaced.map((cells, i) => !!cells &&
    ((spaced[i + 1]?.length === cells.length && figureRow(spaced[i + 1])) || (spaced[i - 1]?.length === cells.length && figureRow(cells))));
  /** Whether an explainer's label has been met (its captions after it are text of its sections). */
  let seenLabel = false;
  /** Whether the last title group began under an explainer's label (a caption that named its own time). */
  let titleAfterLabel = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const prev = paragraphs[i - 1];
    if (p.verbatim || p.tocEntry) {
      closeGroup();
      continue;
    }
    // (A line that a section symbol opens is a label, though it reads as a bullet: "■ 2025年成绩单".)
    const label = kind === 'plaintext' && (!p.listItem || (SECTION_SYMBOL.test(p.text) && !DATA_FIGURE.test(p.text))) ? readLabel(p.text, i > 0) : undefined;
    if (label) {
      closeGroup();
      const nameSpan = { start: p.start + label.start, end: p.start + label.end };
      headings.push({ form: 'label', rank: RANK.label, name: label.name, nameSpan, span: nameSpan, paragraphs: [p.index] });
      seenLabel = true;
      titleAfterLabel = false;
      continue;
    }
    // (A figure on a line of its own, and the label under it, belong to an explainer's list.)
    // (Nor is a line of items set apart by bars or dots that state figures: "港口枢纽｜集装箱吞吐量
    // 1380万标箱 · 空港旅客吞吐量超3000万人次".)
    // (Nor a table's lines set out with single spaces, "指标 2025年实绩 2026年目标" over "地区生产总值增速
    // 5.3 5左右": each is a row of as many cells as a row of figures beside it.)
    if (spacedTable[i] || (dataLine[i] && (dataLine[i - 1] || dataLine[i + 1])) || FIGURE_LABEL.test(p.text) || isTableRow(p.text) || FIGURE_LINE.test(p.text.trim()) || (prev && FIGURE_LINE.test(prev.text.trim())) || (i > 0 && /[｜|]|[\s\u3000][·•][\s\u3000]/.test(p.text) && DATA_FIGURE.test(p.text) && !readMarker(p.text))) {
      closeGroup();
      continue;
    }
    // Markdown headings, also in .txt files written by people who use markdown habits.
    const md = kind === 'markdown' ? /^#{1,6}(?=\s|$)/.exec(p.text) : /^#{1,6}(?=[\s\u3000])/.exec(p.text);
    const body = md ? p.text.slice(md[0].length).replace(/^[\s\u3000]+/, '') : p.text;
    const bodyStart = p.start + (p.text.length - body.length);
    const marker = p.listItem && !md ? undefined : readMarker(body);
    if (md || marker) {
      closeGroup();
      const markerSpan = marker ? { start: bodyStart, end: bodyStart + marker.length } : undefined;
      const nameFrom = marker ? marker.length : 0;
      let n = headingName(body, nameFrom);
      // A run-in heading cut by a page break goes on in the next paragraph.
      const next = paragraphs[i + 1];
      if (p.continues && next && n.end === body.replace(TRAILING_PUNCT, '').length && !/[。！？；]/.test(body)) {
        const rest = headingName(next.text, 0);
        const joined = body.slice(n.start) + rest.name;
        n = { name: joined.replace(TRAILING_PUNCT, ''), start: n.start, end: next.start - bodyStart + rest.end };
      }
      const mdBody = md ? body.replace(/[\s\u3000]+#+[\s\u3000]*$/, '') : body;
      // The outline shows the marker with the name ("（一）千方百计稳住经济基本盘"), as written.
      const name = md && !marker ? mdBody.replace(TRAILING_PUNCT, '') : marker!.marker + body.slice(marker!.length, n.start).replace(/[\s\u3000]+/g, ' ') + n.name;
      const nameSpan = md && !marker
        ? { start: bodyStart, end: bodyStart + name.length }
        : { start: bodyStart, end: bodyStart + n.end };
      const form: HeadingForm = marker ? marker.form : 'markdown';
      headings.push({
        form,
        rank: marker ? RANK[marker.form] : md![0].length,
        markdownDepth: md ? md[0].length : undefined,
        number: marker?.number,
        marker: marker?.marker,
        markerSpan,
        name: name || (marker?.marker ?? ''),
        nameSpan,
        span: { start: p.start, end: Math.max(nameSpan.end, markerSpan?.end ?? p.start) },
        paragraphs: [p.index],
      });
      continue;
    }
    // Once the titles are behind, neither a bare label over a big number ("地区生产总值" /
    // "5436.8亿元") or over its change ("规上工业增加值" / "增长7.8%") nor a line that states amounts ("城镇居民人均可支配收入 61200元　农村居民……
    // 27100元") is a title: they are an explainer's data. (A section's 小标题 that opens with its
    // year may state its aim: "2026年：锚定6%左右".)
    const nextText = paragraphs[i + 1]?.text.trim();
    // (Nor one that opens with its section's word and a colon and talks about its figure, "展望：6%
    // 左右的增长目标怎么看", as its sibling "回望：经济总量迈上新台阶" does.)
    const aimCaption = /^[\s\u3000]*\p{Script=Han}{2,4}[：:][^，。；！？,;!?]*[0-9０-９][^0-9０-９]*?\p{Script=Han}{5,}$/u.test(p.text.trim()) && /目标|怎么|如何|为何|为什么|[？?]/.test(p.text);
    if (group === undefined && headings.length > 0 && ((nextText !== undefined && (FIGURE_LINE.test(nextText) || CHANGE_LINE.test(nextText))) || (AMOUNT.test(p.text) && !/^[\s\u3000]*(?:19|20)\d{2}\s*年/.test(p.text) && !aimCaption))) {
      closeGroup();
      continue;
    }
    if (kind === 'plaintext' || SPECIAL_TITLE.test(p.text)) {
      const afterBreak = prev?.continues;
      const subtitle = p.text.startsWith('——') && p.text.length > 2;
      // (A first line over a "——" subtitle that states a figure is a headline, though it asks or runs
      // on with a comma: "权威解读丨经济总量8486.3亿元，潍坊今年怎么干？" / "——市政府研究室负责人解读……".)
      // (Not a lead-in and its dashed items: "2026年主要预期目标是：" / "——地区生产总值……" / "——……".)
      const overSubtitle = p.index === 0 && !!nextText?.startsWith('——') && p.text.length <= 60 && !/[。；;：:\n]/.test(p.text) && /[0-9０-９]/.test(p.text) &&
        !paragraphs[i + 2]?.text.trim().startsWith('——') && !/[0-9０-９]/.test(nextText ?? '');
      if (!afterBreak && (looksLikeTitle(p) || (group && subtitle) || overSubtitle)) {
        const span = { start: p.start, end: p.end };
        // (Under an explainer's labels, a line alone that reads as a title is a caption in the
        // label's section, "【2025年成绩单】" / "群众腰包更鼓了": text of that section, not another
        // article, whose figures would lose the label's year.)
        // (Not one that names its own time or kind, "“十四五”成就", "2025年：稳中有进", "主要预期目标":
        // a section of its own.)
        // (But a caption that reports a deed done, "十件民生实事全部办结", says what its label's
        // section shows: it is text of that section.)
        // (Nor a news item's headline, which names who acts: "市政府召开常务会议".)
        // (So is one after a caption of the label's that named its own time, "2025年工作回顾" /
        // "“十四五”圆满收官 主要目标任务全面完成" / "农牧业大市地位更加巩固".)
        if (!group && !subtitle && seenLabel && (headings[headings.length - 1].form !== 'title' || titleAfterLabel) &&
          !/(?:19|20)[0-9]{2}|十[一二三四五六]五|[一二三四五六七八九十两]年|今年|去年|明年/.test(p.text) && (!headingKind(p.text) || DONE_CAPTION.test(p.text)) &&
          !/[省市县区州](?:委|政府|人大|政协|长)|[全我本][省市县区州]|政府|会议|召开|举行|发布|印发|出台/.test(p.text)) continue;
        if (!group) {
          group = { form: 'title', rank: RANK.title, name: '', nameSpan: span, span, paragraphs: [] };
          titleAfterLabel = seenLabel;
        }
        group.span = { start: group.span.start, end: p.end };
        group.paragraphs.push(p.index);
        if (!isByline(p.text)) groupTitles.push({ text: p.text, span, subtitle });
        else group.byline = group.byline ? `${group.byline} ${p.text}` : p.text;
        continue;
      }
      // Inside a title group: the date line "(2022年10月25日)" and the speaker's name line.
      if (group && DATE_LINE.test(p.text)) {
        group.paragraphs.push(p.index);
        groupTitles.push({ text: p.text, span: { start: p.start, end: p.end }, subtitle: true, date: true });
        continue;
      }
      if (group && (isByline(p.text) || NAME_LINE.test(p.text))) {
        group.byline = group.byline ? `${group.byline} ${p.text}` : p.text;
        group.paragraphs.push(p.index);
        continue;
      }
    }
    closeGroup();
  }
  closeGroup();
  return headings;
}
