/**
 * Where a figure belongs: its period, its region and whether it is a target or an actual,
 * read from the sentence, else from the headings it sits under, else from the document.
 */
import { BACKING_VERBS, capitalOfStem, cityOfStem, isKnownPlace, knownPlaceEndingAt, prefecturesIn, shortCountiesIn } from './gazetteer';
import type { OutlineNode } from '../outline';
import { firstAtOrAfter, type Span } from '../text';

export type Source = 'sentence' | 'paragraph' | 'heading' | 'document';
export type Kind = 'target' | 'actual' | 'unknown';

export interface Period {
  /** "2026", or a span "2018-2022". */
  value: string;
  start: number;
  end: number;
  /** The words it was read from. */
  cue: string;
}

/** Year spans of the five-year plans, named in Chinese numerals. */

const PLANS: Record<string, [number, number]> = {
  十一五: [2006, 2010], 十二五: [2011, 2015], 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030], 十六五: [2031, 2035],
};

const span = (a: number, b: number, cue: string): Period => ({ value: a === b ? String(a) : `${a}-${b}`, start: a, end: b, cue });

/** The periods of a document that states no year: its own year, the year before, the year after. */
export const RELATIVE_PERIODS: Record<string, number> = { 本年: 0, 上年: -1, 明年: 1 };
const RELATIVE_NAME: Record<number, string> = { 0: '本年', [-1]: '上年', 1: '明年' };

/** A period counted from a document year nobody stated (start and end NaN: never compared as numbers). */
export function relativePeriod(offset: -1 | 0 | 1, cue: string): Period {
  return { value: RELATIVE_NAME[offset], start: NaN, end: NaN, cue };
}

/** The years of a five-year plan named in Chinese numerals, 十四五 → 2021–2025. */
export function planYears(name: string): readonly [number, number] | undefined {
  return PLANS[name];
}

export interface Cue {
  at: number;
  end: number;
  /** 由2024年的…: the year of the starting figure only. */
  fromBase?: boolean;
  /** 在2025年新增……的基础上: the year of the figures of the base only, up to where it ends. */
  until?: number;
  /** “十四五”规划 as the plan's name (no 时期, 以来, 末…): it dates its own sentence, not the next. */
  planName?: boolean;
  /** Written inside its clause after the subject it dates, or a date reached (截至去年底): see periodCues. */
  local?: boolean;
  period: (ref: number | undefined) => Period | undefined;
}

const FIVE = '(?:五|5)';
const SPAN_YEARS = /((?:19|20)\d{2})\s*(?:年)?\s*[-—–～~至到]\s*((?:19|20)\d{2})\s*年/g;
const YEAR = /((?:19|20)\d{2})\s*年(?!代)/g;
const PLAN = /[“"]?(十[一二三四五六])五[”"]?(?:规划)?(?:的)?(?:开局之年|收官之年|起步之年|(?:圆满|胜利|顺利)?收官|(?:良好)?开局|时期|期间|期末|末|以来|中后期)?/g;
const THIS_YEAR = /今年|本年度|年内|当年/g;
const LAST_YEAR = /上年|去年|上一年|(?:刚刚)?过去(?:的)?一年|一年来/g;
const NEXT_YEAR = /明年|下一年/g;
// (这五年 opens a review's paragraph on the span it has just named: "这五年，综合实力跃上新台阶".)
// (And 五年间 / 五年里, "五年间，……产值从1280亿元增加到1680亿元".)
// (Or five years named by what they left, as a review's panel is: 【五年答卷】, 五年成绩单, 五年巨变.)
const PAST_FIVE = new RegExp(`过去${FIVE}年|(?<![0-9０-９〇零一二三四五六七八九十]|今后|未来)${FIVE}年(?:来|间|里)|近${FIVE}年|这${FIVE}年(?![来间里])|(?<![0-9０-９〇零一二三四五六七八九十]|今后|未来)${FIVE}年(?=答卷|成绩单|成就|巨变|回眸|回望|回顾|变迁|历程|成果)`, 'g');
const NEXT_FIVE = new RegExp(`今后${FIVE}年|未来${FIVE}年|${FIVE}年内`, 'g');
/** What follows a time that dates its clause's verb: an adverb or the verb (已达, 将新增, 增长). */
const ADVERBIAL_AFTER = /^(?:底|末)?(?:已|曾|将|要|共|累计|达|新增|增长|增加|下降|减少|完成|实现|建成|突破|超过|提高|提升)/;
/** The words that open a clause giving a reason: 主要是, 主要由于, 这是因为, 受……影响, 得益于. */
const REASON_OPENS = /^(?:这|其中|但|而)?(?:主要(?:是|由于|因为|原因是|系|得益于)|(?:主要)?受[^，,；;。]{1,16}影响|(?:是)?由于|(?:是)?因为|原因是|得益于)/;
/** Where the clause holding `at` opens: after the last ，；。：before it. */
function clauseStart(text: string, at: number): number {
  for (let k = at - 1; k >= 0; k--) if ('，,；;。：:！？\n'.includes(text[k])) return k + 1;
  return 0;
}
/** The figure a sentence has just given, named back: 这一数字, 该指标, 这个比例. */
/** The nouns a figure is named back by: 这一数字, 该指标, 这个比例. */
export const THAT_FIGURE_NOUN = '(?:这一|这个|该|此)(?:数字|数据|指标|数值|比例|比重|规模|总量)';
const THAT_FIGURE = new RegExp(`^(?:的)?${THAT_FIGURE_NOUN}`);
/** Characters before 年 in 今年 本年度 当年 上年 去年 上一年 明年 下一年 五年来 近5年…: the relative cues. */
const BEFORE_NIAN = new Set(['今', '本', '当', '上', '去', '一', '明', '五', '5']);

/**
 * Period expressions with the position they were found at. Years after 比/较/与/同 are bases of
 * comparison (较2015年改善), not periods; so is 上年 in 比上年.
 */
export function periodCues(text: string): Cue[] {
  const cues: Cue[] = [];
  // Every expression holds 年, or 十 (the plans); most sentences have neither. Which ones can
  // match is told by the characters around each 年, so that no expression runs in vain.
  let year = false;
  let relative = false;
  for (let at = text.indexOf('年'); at >= 0 && !(year && relative); at = text.indexOf('年', at + 1)) {
    const before = text.charCodeAt(at - 1);
    // (…\d{2}\s*年: a digit or a space before 年.)
    if ((before >= 0x30 && before <= 0x39) || /\s/.test(text[at - 1] ?? '')) year = true;
    if (BEFORE_NIAN.has(text[at - 1]) || text[at + 1] === '内') relative = true;
  }
  const plan = text.includes('十');
  if (!year && !relative && !plan) return cues;
  const push = (re: RegExp, f: (m: RegExpExecArray) => Cue['period']) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      if (/[比较与同][\s]?$|相比$/.test(before) || /^(比|较)/.test(m[0])) continue;
      // "创近五年新高": the span of a record is the base of the comparison, not the period.
      if (/创\s?$/.test(before) && /^(?:[^，。；]{0,4})(?:新高|新低|最高|最低|最好|最快|最多)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
      // "是2017年的1.6倍": the year is the base of a multiple.
      // (Or the year's end, "是2020年末的3.6倍".)
      if (/是\s?$/.test(before) && /^(?:末|底)?的/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
      // "在去年增长6.1%的基础上": the year of the base, not of what is built on it.
      // (It dates the figures inside the base, "在2025年新增普惠托位2000个的基础上": only those.)
      const base = /在\s?$/.test(before) ? /^[^，。；]{0,16}?的?基础上/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20)) : null;
      // "下降11.0%，主要是上年一次性收入较多；支出安排35.60亿元": a time in a clause that gives a
      // reason dates that clause only, not the figures after it.
      const reason = !base && REASON_OPENS.test(text.slice(clauseStart(text, m.index), m.index)) ? /^[^，,；;。]*/.exec(text.slice(m.index + m[0].length))![0].length : undefined;
      const until = base ? m.index + m[0].length + base[0].length : reason !== undefined ? m.index + m[0].length + reason : undefined;
      // "由2024年的4010亿元增至4286亿元": the year dates the figure after it, not the one it grew to.
      // (Or from its end, "从2020年末的1016万千瓦增加到2186万千瓦".)
      const fromBase = /[由从]\s?$/.test(before) && /^(?:末|底)?的/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
      const planName = m[0].endsWith('规划') || (m[0].endsWith('”') && text.startsWith('规划', m.index + m[0].length));
      cues.push({ at: m.index, end: m.index + m[0].length, period: f(m), ...(fromBase ? { fromBase } : {}), ...(until !== undefined ? { until } : {}), ...(planName && re === PLAN ? { planName } : {}) });
    }
  };
  if (year) push(SPAN_YEARS, (m) => () => span(+m[1], +m[2], m[0]));
  if (year) push(YEAR, (m) => () => span(+m[1], +m[1], m[0]));
  if (plan) push(PLAN, (m) => () => {
    const p = PLANS[m[1] + '五'];
    if (!p) return undefined;
    // “十四五”开局之年 is 2021 alone; 收官之年 the plan's last year.
    // (So is a plan that "圆满收官" or "开局起步": its last or first year.)
    if (/开局|起步之年/.test(m[0])) return span(p[0], p[0], m[0]);
    if (/收官/.test(m[0])) return span(p[1], p[1], m[0]);
    // (到“十五五”末, 期末: by the plan's last year, 2030, as the plan's own targets are dated.)
    if (/末$/.test(m[0])) return span(p[1], p[1], m[0]);
    return span(p[0], p[1], m[0]);
  });
  if (relative) {
    // Without the document's year, 今年 / 去年 / 明年 are still the document's own years: a
    // placeholder the workspace index reads as its one year (consistency/index.ts).
    push(THIS_YEAR, (m) => (ref) => (ref ? span(ref, ref, m[0]) : relativePeriod(0, m[0])));
    push(LAST_YEAR, (m) => (ref) => (ref ? span(ref - 1, ref - 1, m[0]) : relativePeriod(-1, m[0])));
    push(NEXT_YEAR, (m) => (ref) => (ref ? span(ref + 1, ref + 1, m[0]) : relativePeriod(1, m[0])));
    push(PAST_FIVE, (m) => (ref) => (ref ? span(ref - 5, ref - 1, m[0]) : undefined));
    push(NEXT_FIVE, (m) => (ref) => (ref ? span(ref, ref + 4, m[0]) : undefined));
  }
  cues.sort((a, b) => a.at - b.at);
  // (A deadline met after another time, "今年要突破1700亿元，到2030年突破2500亿元；高新技术企业……",
  // dates its own clause: the clauses after the next ； go on with the sentence's time. One that
  // opens the sentence dates all of it; so does one that closes a span named before it, "今后五年，
  // ……到2030年……；……达到2.6%".)
  for (let k = 1; k < cues.length; k++) {
    const c = cues[k];
    if (c.until !== undefined || !/(?:到|至)\s?$/.test(text.slice(Math.max(0, c.at - 2), c.at))) continue;
    if (!/^(?:今年|本年度|年内|当年|明年|下一年|(?:19|20)\d{2}\s*年)$/.test(text.slice(cues[k - 1].at, cues[k - 1].end))) continue;
    untilSemicolon(text, c);
  }
  // (A time written inside a clause, after the subject it dates, "全市助餐点总数去年底已达216个", or a
  // date reached, "截至去年底已建成9个", is local: after another time has opened the sentence,
  // "今年全市将新增……，……去年底已达216个；为1500户……", it dates its own clause, and the clauses
  // after the next ； go on with the sentence's time.)
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k];
    const lead = text.slice(Math.max(0, c.at - 24), c.at).split(/[，,；;：:。！？、]/).pop()!;
    // (A date reached after the sentence's own time, "今年……，截至去年底已建成9个"; or a time
    // between a subject and its verb: "总数去年底已达216个", not a time that names a thing,
    // "楚雄州2026年10件民生实事".)
    const reached = k > 0 && /(?:截至|截止)$/.test(lead);
    // (Or a year that names the same figure's value then, "而2020年这一数字还是25115亿元": it dates that
    // value only.)
    // (Or a clause of its own that gives only that value, "今年……提高到2.6%，去年是2.45%；新认定……".)
    // (After a figure, and the clause holds that value alone: not "2025年有128个重点项目开工建设", "去年为
    // 3.2万名困难群众发放救助金".)
    const then = THAT_FIGURE.test(text.slice(c.end, c.end + 8)) ||
      (/^(?:而|但|其中)?$/.test(lead) && /[0-9０-９]/.test(text.slice(0, c.at)) &&
        /^(?:底|末)?(?:同期)?(?:还|只|仅|才)?(?:是|为|有)[0-9０-９][0-9０-９.．]*[^，,；;。！？、0-9０-９\s]{0,4}(?:[，,；;。！？、]|$)/.test(text.slice(c.end, c.end + 24)));
    if (!reached && !then && (!/\p{Script=Han}{2}/u.test(lead.replace(/^(?:截至|截止|到|至|在|于|从|自|而|但|其中|同时|与|和|比|较|为|是)+/, '')) || !ADVERBIAL_AFTER.test(text.slice(c.end, c.end + 4)))) continue;
    // (With the figure it dates in its clause: not "先看去年。", which turns the text to that year.)
    if (!/^[^，,；;。！？]*[0-9０-９]/.test(text.slice(c.end))) continue;
    c.local = true;
    // (A year that names the same figure's value then dates that value's clause wherever it
    // stands: "高新技术企业突破4200家，2020年这个数字是1980家；电子信息产业营业收入……" is not of 2020.)
    if ((k > 0 || then) && c.until === undefined) untilSemicolon(text, c);
    // (At the sentence's end it dates the rest of it: "……要突破200亿元，去年是176.3亿元。")
    if (then && c.until === undefined) c.until = text.length;
  }
  return cues;
}

/** A cue that dates its own clause only: up to the next ；(the clauses after go on with the sentence's time). */
function untilSemicolon(text: string, c: Cue): void {
  const semi = text.slice(c.end).search(/[；;]/);
  if (semi >= 0) c.until = c.end + semi;
}

/**
 * The period cues of a heading's name: as periodCues, and a year written bare, as explainers
 * label their sections ("【数说2025】", "回望2025", "2025 成绩单"): four digits of a year that
 * no unit follows.
 */
export function headingPeriodCues(name: string): Cue[] {
  const cues = periodCues(name);
  if (cues.length) return cues;
  const m = /(?<![0-9０-９.．])((?:19|20)\d{2})(?![0-9０-９.．%％‰]|[\s\u3000]*(?:[万亿千百]|个|家|元|人|吨|项|亩|户|所|张|条|座|倍|米|斤|辆|套|件|次|名|位|台))/.exec(name);
  if (!m) return cues;
  const y = +m[1];
  return [{ at: m.index, end: m.index + m[1].length, period: () => span(y, y, m[1]) }];
}

/**
 * The cue nearest before `offset` in `text`, else the first after it. In a heading the first
 * cue is the period ("一、2022年和过去五年工作" is about 2022): pass `first`.
 */
export function periodIn(text: string, offset: number, ref: number | undefined, first = false): Period | undefined {
  return chooseCue(periodCues(text), offset, ref, first);
}

/**
 * Residents named as a group (其中城镇居民), and a measure of residents (全体居民人均可支配收入 →
 * 人均可支配收入): a group named alone, in a sentence or a table's row, takes the measure before it.
 */
export const RESIDENT_GROUP = /^(?:其中[：:]?)?(全体居民|城镇居民|农村居民|城镇常住居民|农村常住居民|城乡居民)$/;
export const RESIDENT_MEASURE = /^(?:全体|城镇|农村|城乡|全省|全市|全县|全区|全州)?(?:常住)?居民(.{2,})$/;

/** Where an item of a run-in list opens: 一是, 其二, 第三，. */
/** The words that open an item of a run-in list: 一是, 其二(是), 第三，. */
export const ITEM_WORD = '(?:[一二三四五六七八九十]是|其[一二三四五六七八九十](?:是)?|第[一二三四五六七八九十][，,、])';
export const ITEM_MARK = new RegExp(`(?:^|[：:，,；;。])\\s*${ITEM_WORD}`);

/**
 * Where the items of a run-in list open in a text, and where 到 and 至 stand: whether `ITEM_MARK`
 * or 到|至 matches inside a slice, answered without slicing. Asked for every time cue of every
 * figure of a sentence, the regexes on slices made a long sentence of many times and figures cubic
 * (2,000 clauses "今年新增45万人，" took 27 s, 2,000 of "由2020年的100人提高，" 15 s); this is one
 * pass per text and a binary search per question, the same answers.
 */
interface SliceIndex {
  text: string;
  /** The starts of the marks that open with a mark of punctuation, ascending. */
  starts: number[];
  /** For each of those, the earliest end of a mark from there or any later start. */
  endsFrom: number[];
  /** Where 到 and 至 stand, ascending (`reachWithin`). */
  reaches: number[];
}

/** ITEM_WORD whose optional 是 is taken last: a slice ending before it still holds the mark. */
const ITEM_WORD_SHORTEST = ITEM_WORD.replace('(?:是)?', '(?:是)??');
const ITEM_AT_PUNCT = new RegExp(`[：:，,；;。]\\s*${ITEM_WORD_SHORTEST}`, 'y');
const ITEM_AT_START = new RegExp(`\\s*${ITEM_WORD_SHORTEST}`, 'y');
const PUNCT_OF_ITEM = /[：:，,；;。]/g;
let lastIndex: SliceIndex | undefined;

function sliceIndex(text: string): SliceIndex {
  if (lastIndex?.text === text) return lastIndex;
  const starts: number[] = [];
  const ends: number[] = [];
  PUNCT_OF_ITEM.lastIndex = 0;
  for (let m = PUNCT_OF_ITEM.exec(text); m; m = PUNCT_OF_ITEM.exec(text)) {
    ITEM_AT_PUNCT.lastIndex = m.index;
    if (ITEM_AT_PUNCT.test(text)) {
      starts.push(m.index);
      ends.push(ITEM_AT_PUNCT.lastIndex);
    }
  }
  const endsFrom = ends.slice();
  for (let k = endsFrom.length - 2; k >= 0; k--) endsFrom[k] = Math.min(endsFrom[k], endsFrom[k + 1]);
  const reaches: number[] = [];
  for (let k = 0; k < text.length; k++) if (text[k] === '到' || text[k] === '至') reaches.push(k);
  lastIndex = { text, starts, endsFrom, reaches };
  return lastIndex;
}

/** Whether 到 or 至 stands within text[from, to): `/(?:到|至)/.test(text.slice(from, to))`, by the same index. */
export function reachWithin(text: string, from: number, to: number): boolean {
  const { reaches } = sliceIndex(text);
  const k = firstAtOrAfter(reaches, from);
  return k < reaches.length && reaches[k] < to;
}

/** Whether an item of a run-in list opens within text[from, to): `ITEM_MARK.test(text.slice(from, to))`. */
export function itemMarkWithin(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  // (At the slice's start the mark needs no punctuation before it.)
  ITEM_AT_START.lastIndex = from;
  if (ITEM_AT_START.test(text) && ITEM_AT_START.lastIndex <= to) return true;
  const { starts, endsFrom } = sliceIndex(text);
  const k = firstAtOrAfter(starts, from);
  return k < starts.length && endsFrom[k] <= to;
}

function chooseCue(cues: Cue[], offset: number, ref: number | undefined, first: boolean, text?: string): Period | undefined {
  if (first) return cues[0]?.period(ref);
  let best: Cue | undefined;
  for (const c of cues) {
    if (c.end > offset) continue;
    // (A starting year does not reach past 增至 / 增加到 / 到 to the figure it grew to.)
    if (c.fromBase && text && reachWithin(text, c.end, offset)) continue;
    if (c.until !== undefined && offset >= c.until) continue;
    // (A time inside one item of a list does not date the next: "一是……，去年这一数字是1020个；
    // 二是……力争达到2450万标准箱". One before the list dates every item.)
    if (text && itemMarkWithin(text, 0, c.at) && itemMarkWithin(text, c.end, offset)) continue;
    best = c;
  }
  // (A time named in a later clause dates the figures before it when it sums them up, "——这是我市
  // 交出的去年成绩单", not when it dates a number of its own: "一是……1000个以上，去年这一数字是
  // 1020个" leaves the 1000 to the sentence's own year.)
  // (Nor a base's year, 在2025年基础上, for a figure before the base.)
  // (Nor a time in a question after it, "经济总量8486.3亿元，今年怎么干？": it asks about that time.)
  // (Nor a time inside the object of a later clause's preposition, "……增长10%以上，对去年未完成招引任务
  // 的单位进行专题约谈": it dates those units' failing, not the figures.)
  // (Or of one that says what the figures were for, "……累计实际使用外资33.6亿美元，为“十五五”发展打下了
  // 坚实基础": that time is the purpose's.)
  const objectOf = (c: Cue) => !!text && /^(?:并|要|将|还|也)?(?:对|向|给|把|针对|对于|为)/.test(text.slice(clauseStart(text, c.at), c.at));
  const chosen = best ?? cues.find((c) => c.at >= offset && c.until === undefined && !(text && /[，,；;。！？]/.test(text.slice(offset, c.at)) && (/^[^，,；;。！？]*[0-9０-９]/.test(text.slice(c.end)) || /^[^，,；;。！]*[？?]/.test(text.slice(c.end)) || objectOf(c))));
  const period = chosen?.period(ref);
  // (Five years just past, where the text states no year to count them from, are the plan the
  // sentence named before them: "回顾了“十四五”时期的发展成就：五年来，……".)
  if (!period && chosen && text && ref === undefined && /^(?:过去|近|这)?[五5]年(?:来|间|里)?$/.test(text.slice(chosen.at, chosen.end))) {
    for (let k = cues.indexOf(chosen) - 1; k >= 0; k--) {
      const p = cues[k].period(ref);
      if (p && p.end - p.start === 4 && cues[k].until === undefined) return p;
    }
  }
  return period;
}

/** A year stated anywhere in a heading or title: the first one. */
export function yearIn(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*(?:年|版)/.exec(text);
  return m ? +m[1] : undefined;
}

/** The names a title quotes, 《……》: other documents. */
const QUOTED = /《[^《》]*》/g;
/** A statistical bulletin's name as quoted, 《2025年X市国民经济和社会发展统计公报（摘要）》. */
const BULLETIN = /统计公报(?:[（(]摘要[）)])?》$/;

/**
 * What a title says of years: the year of its own words, and else the year of the first document
 * it quotes (a news item speaks of a work report in its own year, 《2026年X市政府工作报告》解读),
 * and whether that is a statistical bulletin (reported the year after the one it is about).
 */
export function titleYears(title: string): { own?: number; quoted?: number; bulletin: boolean } {
  const bare = title.replace(QUOTED, (q) => ' '.repeat(q.length));
  // (A report on one year's execution and the next year's draft, "关于2025年国民经济和社会发展计划
  // 执行情况与2026年计划草案的报告", speaks from the draft's year.)
  const draft = EXECUTION_AND_DRAFT.exec(bare);
  if (draft && +draft[2] === +draft[1] + 1) return { own: +draft[2], bulletin: false };
  const own = yearIn(bare);
  if (own !== undefined) return { own, bulletin: false };
  for (const q of title.match(QUOTED) ?? []) {
    const y = yearIn(q);
    if (y !== undefined) return { quoted: y, bulletin: BULLETIN.test(q) };
  }
  return { bulletin: false };
}

/** A year's execution and the next year's draft or plan, in one title. */
const EXECUTION_AND_DRAFT = /((?:19|20)\d{2})\s*年[^年。]{0,30}?执行(?:情况)?[^年。]{0,20}?((?:19|20)\d{2})\s*年[^年。]{0,30}?(?:草案|计划|预算)/;

/**
 * The year a title speaks from: a bulletin's news the year after the bulletin's. A headline that
 * states a figure, "2025年全市生产总值增长5.6%" (`statesFigure`), names that figure's year by its own
 * words: only a document it quotes dates it.
 */
export function titleYear(title: string, statesFigure = false): number | undefined {
  const t = titleYears(title);
  return (statesFigure ? undefined : t.own) ?? (t.quoted !== undefined && t.bulletin ? t.quoted + 1 : t.quoted);
}

/**
 * Kind cues. Strong ones decide against the heading; weak ones (将, 要, 计划, 争取, which also
 * appear in names like 兴辽英才计划 and in reviews: 争取中央资金) only where nothing else does.
 */
/** A target told as met, after its name: 目标圆满完成, 目标任务顺利实现 (a review, no aim). */
const MET = String.raw`(?:任务)?(?:圆满|顺利|超额|全面|基本)?(?:完成|实现)`;
/** A result measured against what follows: 完成了, 超过, 高于 (年初确定的……预期目标 is then no aim). */
const BEATEN = String.raw`(?:完成|实现|达到|超过|超出|超|高于|低于|好于|快于|不及|未完成|未达到)了?`;

/**
 * 要 before a verb of aim sets a target as 力争 does (speeches: 要达到, 要压缩至, 要新增); not the
 * 要 of 主要, 重要, 需要. 预期 names a target, but not in 预期寿命 (life expectancy, an indicator)
 * nor in 好于预期 / 超预期 (a result measured against what was expected).
 * A run of months or a quarter of this year (1—2月, 前三季度, 上半年以来) reports results so far.
 */
const STRONG_TARGET =
  new RegExp(String.raw`会议(?:要求|明确|提出|部署|决定)|(?<!${BEATEN}[^，,。；]{0,6})(?:确定|下达|设定)的(?![^，,。；]{0,24}目标${MET})|力争|确保|(?<!${BEATEN}[^，,。；]{0,16})预期目标(?!${MET})|(?<!好于|高于|超出|超过|超|低于|不及|符合|不如)(?<!${BEATEN}[^，,。；]{0,16})预期(?!寿命|目标${MET})|目标是|主要目标|(?<!(?:完成|实现|达到|超过|超)了?(?:年度|全年|预期|计划)?)目标(?=[0-9０-９])|今年|明年|今后|未来(?=[0-9０-９一二三四五六七八九十两几数]|一个|一段|时期|[，,])|(?<!(?:增加|增长|提高|提升|上升|下降|降低|减少|扩大|跃升|攀升|由[^，,。；]{0,30}))到\d{4}\s*年(?!的)|(?<!(?:增加|增长|提高|提升|上升|下降|降低|减少|扩大|跃升|攀升)|[由从][^，,。；]{0,30})到20\d\d(?=[，,。；;：:\s）)]|$)|(?<![主重需必只纲摘概提简想])要(?=(?:全力|努力|力争|确保|继续|进一步|加快)?(?:达到|实现|完成|压缩|压减|控制|降|下降|减少|提高|提升|增长|增加|突破|新增|培育|建成|建设|新建|改造|保持|稳定|引进|招引|开工|新开工|落地|发放|培训|帮扶|把))`, 'g');
const STRONG_ACTUAL =
  /(?<!下)半年(?:来|以来)?(?=[，,]|全|我|本|[\p{Script=Han}]{0,4}(?:实现|完成|达到))|(?<![下四])(?:一|第一)季度(?=[，,]|全|我|本)|今年以来|年初以来|以来|截至|截止|过去|一年来|五年来|年来|已经|已|累计|超额|提前|增长了|完成了|实现了|达到了|建成了|(?:今年|本年|全年)?(?:(?:1|一)\s*[-—–～~至到]\s*(?:1[0-2]|[2-9]|十[一二]|[二三四五六七八九十])\s*月(?:份)?|前(?:[一二三]|[1-3])季度|前(?:[二三四五六七八九十]|十[一二]|[2-9]|1[0-2])个月|[一二三四1-4]季度(?!末)(?=[，,、全我本各]|[\p{Script=Han}]{0,12}(?:增长|下降|实现|完成|达到|同比))|(?<![0-9０-９一二三四五六七八九十年])(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?(?![底末初前中])(?=[\p{Script=Han}]{0,12}(?:同比|比上年同期)))/gu;
/** Words that introduce a plan's aims: 计划, 将; and a report's own words as a brief restates them (报告提出, 明确, 部署). */
const WEAK_TARGET = new RegExp(String.raw`计划|争取|力求|预计|将|拟|目标(?!${MET})|提出|明确|部署|(?<=收入|支出|资金)安排`, 'g');
// 比上年 and 同比 compare with last year: in a review they report, in a plan they set the aim.
const WEAK_ACTUAL = /完成|实现|取得|共有|全年|同比|比上年|较上年|比去年/g;

interface Match {
  at: number;
  cue: string;
}

function matchesOf(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ at: m.index, cue: m[0] });
  return out;
}

function nearestCue(offset: number, sets: [Match[], Kind][], strong = false): { kind: Kind; cue: string; at: number } | undefined {
  let best: { at: number; kind: Kind; cue: string } | undefined;
  for (const [matches, kind] of sets) {
    for (const m of matches) {
      if (m.at >= offset) break;
      // (目标 before a number, 年度目标12万人, names that number only: not 为年度目标100亿元的120%.)
      if (strong && m.cue === '目标' && offset !== m.at + 2) continue;
      // The nearest cue wins; at one position the longer (今年以来 over 今年).
      if (!best || m.at > best.at || (m.at === best.at && m.cue.length > best.cue.length)) best = { at: m.at, kind, cue: m.cue };
    }
  }
  return best && { kind: best.kind, cue: best.cue, at: best.at };
}

// (What a heading's words say of the figures under it: headings.ts, where headings are read.)
export { headingKind } from '../headings';

/** Documents whose unqualified figures are plans: reports, plans, lists of tasks. */
export const PLAN_DOCUMENT = /政府工作报告|规划|计划|方案|清单|要点|纲要|目标|安排|重点工作|任务书/;
/** The record of an event about a document, a press conference, an interview, a transcript: no plan. */
export const AN_EVENT_ABOUT = /新闻发布会|发布会|新闻通气会|答记者问|实录|访谈|座谈会/;
/** An event that reviews a plan's outcome ("……规划实施情况新闻发布会"): no aims of its own. */
export const REVIEW_EVENT = /实施情况|执行情况|成效|成就|回顾/;

const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆', '台湾', '香港', '澳门',
];
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const PROVINCE_RE = new RegExp(`(${PROVINCES.join('|')})(省|市|自治区|特别行政区)?`, 'g');
/** A city, county or district named with its suffix, right after a boundary or a preposition. */
const PLACE_RE = /(?:^|[\s，,、；;：:。（(“在对于和与及从到至向年｜|]|其中)(?:力争|确保)?([\p{Script=Han}]{2,4}?)(市|县|区|旗)(?![域级场区内外属直辖长县]|民(?!生))/gu;
const SUFFIX_RE = /[市县区旗]/g;
/** What after 市/县/区/旗 makes it part of another word: 市场, 市民, 县域, 区内. */
const SUFFIX_NOT_PLACE = /^(?:[域级场区内外属直辖长县]|民(?!生))/;
/** What ends a stem before 区 that is a kind of zone, not a place: 开发区, 示范区, 园区, 社区. */
const NOT_DISTRICT = /(?:沉陷|塌陷|滞洪|蓄洪|居民|棚户|开发|示范|试验|实验|功能|核心|集聚|聚集|保税|自贸|先行|高新|经开|综保|合作|产业|工业|物流|旅游|商务|商贸|文化|生态|保护|风景|名胜|景|园|社|片|校|厂|矿|街|辖|库|灾|牧|林|山|湖|城|老|农|垦|地|产|假|苏|服务|行政|重点|特|贫困|革命|老|山|边|民族|贸|港|空港|综试|城乡|郊|中心|市|市辖|毗邻|周边|沿海|沿边|流域|禁|限|湿地|水源|承接|安置|居住|住宅|功|板块|各|全|我|本|该|城市|县|县城|乡|镇|村|片|小|大|开|自治|管|考|赛|展|会|病|灾|学)$/;
const NOT_PLACE = /^(城|都|超|全|我|本|各|门|股|楼|上|夜|集|省|县|城乡|地|小区|社|园|特|示范|开发|新|老|景|街|郊|山|辖|城区|市)$/;

const AUTONOMOUS_REGIONS: Record<string, string> = { 内蒙古: '内蒙古自治区', 广西: '广西壮族自治区', 西藏: '西藏自治区', 宁夏: '宁夏回族自治区', 新疆: '新疆维吾尔自治区' };

function normalizeProvince(name: string, suffix?: string): string {
  if (suffix === '自治区' && AUTONOMOUS_REGIONS[name]) return AUTONOMOUS_REGIONS[name];
  if (suffix) return name + suffix;
  if (MUNICIPALITIES.has(name)) return `${name}市`;
  // (The autonomous regions by their whole names, as their documents and users write them.)
  const autonomous = AUTONOMOUS_REGIONS[name];
  if (autonomous) return autonomous;
  if (['香港', '澳门'].includes(name)) return `${name}特别行政区`;
  return `${name}省`;
}

/**
 * A zone within a city or county (开发区, 高新区, 园区, 保税区; a named 新区 such as 雄安新区 is a place
 * of placesIn already): at the head of a clause, a
 * short stem and the zone's kind.
 */
// (And a named 示范区 or 试验区 at a clause's head, "综改示范区地区生产总值增长8.6%"; not one a verb
// makes, "创建示范区3个". A time may open the clause before it: "去年临港新区……".)
const ZONE_HINT = /开发区|高新区|经开区|园区|保税区|片区|新区|示范区|试验区|实验区|自贸区/;
const ZONE_RE = /(?:^|[，,；;。：:、\s　])(?:(?:19|20)\d{2}年|去年|今年|明年|全年|上年)?((?![全我本以在对把]|创建|建设|建成|新建|打造|争创|创成|获批|申报|推进|加快|支持|培育|累计|今年|去年|明年|全年|上年|(?:19|20)\d{2}年)(?:[\p{Script=Han}]{0,6}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|工业园区|产业园区|综合保税区|保税区|自贸片区|(?<=\p{Script=Han}{2})(?:新区|新片区|示范区|试验区|实验区)))(?![域块内])(?![\p{Script=Han}]{0,2}(?:建设|发展|改革|管委会))/gu;

// (And a part of a city named by its class, at a clause's head: "主城都市区引领作用更加凸显，经济总量
// 2.62万亿元", "渝东北三峡库区城镇群……": a city's districts taken as one, or a group of towns, whose
// figures are not the city's. Not one a verb makes, "推动都市圈建设"; not one of a list, whose
// measure names each, "北部城镇群、南部城镇群地区生产总值分别……", nor a table's row; not a part
// after 其中.)
const AREA_HINT = /都市区|都市圈|城镇群|城市群|主城区|中心城区|老城区/;
const AREA_RE = /(?:^|[，,；;。：:\s　])(?:(?:19|20)\d{2}年|去年|今年|明年|全年|上年)?((?![全我本以在对把]|推动|推进|加快|支持|建设|打造|融入|其中)\p{Script=Han}{0,8}?(?:都市区|都市圈|城镇群|城市群|主城区|中心城区|老城区))(?![域块内、和与及\t])(?!\p{Script=Han}{0,2}(?:建设|发展|改革|一体化|管委会))/gu;

/** Such a part at a clause's head, one of a list too: where the part named before stops governing. */
const AREA_HEAD_RE = /(?:^|[，,；;。：:、\s　])(?:(?:19|20)\d{2}年|去年|今年|明年|全年|上年)?((?![全我本以在对把]|推动|推进|加快|支持|建设|打造|融入|其中)\p{Script=Han}{0,8}?(?:都市区|都市圈|城镇群|城市群|主城区|中心城区|老城区))/gu;

// (Or at a clause's head, after its time: "兰州新区的引擎作用更加明显。去年新区地区生产总值增长12.3%".)
const BARE_ZONE = /(?:支持|推动|推进|引导|鼓励|指导|帮助|促进|(?:^|[，,；;。：:\s　])(?:去年|今年|全年|上年|(?:19|20)\d{2}年)[，,]?)(新区|高新区|经开区|示范区|自贸区)(?=\p{Script=Han}{2})/gu;

/**
 * The parts of a place `re` finds at clauses' heads (group 1), each put among `out` as a subject in
 * place of the places named inside its own name (宜兴 of 宜兴经济开发区).
 */
function namedParts(text: string, re: RegExp, out: Place[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length - m[1].length;
    for (let k = out.length - 1; k >= 0; k--) if (out[k].at >= at && out[k].at < at + m[1].length) out.splice(k, 1);
    out.push({ name: m[1], level: 'county', at });
  }
}

export interface Place {
  name: string;
  level: 'country' | 'province' | 'city' | 'county';
  at: number;
}

/** Places named in `text`: the country, provinces, and cities/counties with their suffix. */
/** (Not 全国 that qualifies a noun, "建设全国先进制造研发基地", "全国性", "全国首个".) */
const COUNTRY_RE = /全国(?!先进|领先|一流|重要|性|首|知名|最|示范|文明|百强|统一大市场|样板|标杆)|我国|全中国/g;
/** What makes a place's name a publisher's: 河北日报, 宜宾电视台. */
const PUBLISHER_AFTER = /^(?:日报|晚报|都市报|电视台|广播电视台|人民广播电台|广播电台|融媒体中心|新闻网|新闻客户端)/;

/** Provinces by their first character. */
const PROVINCE_BY_FIRST = new Map<string, string[]>();
for (const p of PROVINCES) PROVINCE_BY_FIRST.set(p[0], [...(PROVINCE_BY_FIRST.get(p[0]) ?? []), p]);

/**
 * False when placesIn(text) certainly has no place at 0: the text opens with neither the
 * country nor a province, and no 市 or 县 stands where a city's suffix would (a stem of two or
 * three characters, after at most one boundary character). A cheap test before placesIn.
 */
export function mayOpenWithPlace(text: string): boolean {
  if (text.startsWith('全国') || text.startsWith('我国') || text.startsWith('全中国')) return true;
  if (PROVINCE_BY_FIRST.get(text[0])?.some((p) => text.startsWith(p))) return true;
  for (let k = 1; k <= 5; k++) if (text[k] === '市' || text[k] === '县' || text[k] === '区' || text[k] === '旗') return true;
  return false;
}

/**
 * Whether the k-th of the places a text names is written with the one it holds right after it,
 * "苏州市吴江区", "江苏省苏州市": an address, whose inner place is the one meant.
 */
export function beforeInner(places: readonly Place[], k: number): boolean {
  const p = places[k];
  const inner = places[k + 1];
  return !!inner && inner.at === p.at + p.name.length && inner.level !== 'country' && inner.level !== p.level;
}

/**
 * Where a clause opens: the text's start, or after a sentence's, a clause's or a line's end; or
 * after 我们, a speaker's own city, "我们遵义去年地区生产总值增长6.0%"; or after the verb with which
 * a province's report backs a city, "支持广州实现老城市新活力，地区生产总值增长4.5%以上"; or after
 * the word for a province's capital, which a city's name follows bare: "省会长沙地区生产总值……".
 */
/** The words for a province's capital, which its name follows bare. */
export const CAPITAL_WORDS = '省会|首府|省城';
const CAPITAL = new RegExp(`^(?:${CAPITAL_WORDS})$`);
const BARE_CITY_RE = new RegExp(`((?:^|[。；;，,：:])(?:${BACKING_VERBS})|${CAPITAL_WORDS}|^|[。；;，,！？!?：:\\n\\u3000]|我们|咱们)(?=\\p{Script=Han}{2})`, 'gu');

/** Stems of places that are verbs after 我们 as often: 我们新建高标准农田 (新建区), 我们开发…. */
// (And words that name counties as well: 我们新兴产业 is no 新兴县's, 我们光明的 no 光明区's.)
const VERB_STEM = /^(?:新建|新增|新开|开发|建设|建成|改造|推进|实施|完成|加快|提升|扩大|保持|坚持|持续|全面|深化|发展|确保|力争|争取|计划|预计|积极|大力|着力|重点|共同|一起|新兴|光明|振兴|东方|红旗|长安|和平|前进|富民|永安|兴业|安全|开放|城关|城区|新城|高新|青年)/;

/** A place named by its stem, a city's or a county's, right at `at` (not before its own suffix, read elsewhere). */
function ownPlaceAt(text: string, at: number): Place | undefined {
  for (const len of [3, 2]) {
    const stem = text.slice(at, at + len);
    if (!/^\p{Script=Han}+$/u.test(stem) || /^[市县区旗]/.test(text.slice(at + len, at + len + 1)) || VERB_STEM.test(stem)) continue;
    const name = ['市', '县', '区', '旗'].map((s) => stem + s).find((n) => isKnownPlace(n));
    if (name) return { name, level: capitalOfStem(stem) ? 'city' : 'county', at };
  }
  return undefined;
}

/**
 * The places `text` names, in order. `bareCities`: also a city of the province named bare where a
 * clause opens (a whole sentence's reading; not a fragment, whose start is no clause's).
 */
export function placesIn(text: string, bareCities = false): Place[] {
  const out: Place[] = [];
  // (exec loops over the shared regexes: matchAll would construct a copy of each per call.)
  COUNTRY_RE.lastIndex = 0;
  for (let m = COUNTRY_RE.exec(text); m; m = COUNTRY_RE.exec(text)) out.push({ name: '全国', level: 'country', at: m.index });
  const prefectures = prefecturesIn(text);
  const prefectureAt = new Set(prefectures.map((p) => p.at));
  PROVINCE_RE.lastIndex = 0;
  for (let m = PROVINCE_RE.exec(text); m; m = PROVINCE_RE.exec(text)) {
    // (海南州 is the prefecture in Qinghai, not the province; 河北日报 is a paper.)
    if (prefectureAt.has(m.index) || PUBLISHER_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    // 辽宁 inside 辽宁省委 is still the province; a city suffix makes it a municipality.
    out.push({ name: normalizeProvince(m[1], m[2]), level: MUNICIPALITIES.has(m[1]) ? 'city' : 'province', at: m.index });
  }
  // An autonomous prefecture, a city-level place known by its whole name (gazetteer.ts):
  // 大理白族自治州, 西双版纳傣族自治州, 克孜勒苏柯尔克孜自治州.
  for (const p of prefectures) out.push({ name: p.name, level: 'city', at: p.at });
  // A city or county is named with its suffix: a known name wherever it stands (gazetteer.ts),
  // else a stem after a boundary or a preposition.
  const suffixed = text.includes('市') || text.includes('县') || text.includes('区') || text.includes('旗');
  const known: Place[] = [];
  if (suffixed) {
    SUFFIX_RE.lastIndex = 0;
    for (let m = SUFFIX_RE.exec(text); m; m = SUFFIX_RE.exec(text)) {
      const end = m.index + 1;
      if (SUFFIX_NOT_PLACE.test(text.slice(end, end + 2))) continue;
      const start = knownPlaceEndingAt(text, end);
      // (A province's name is no city's stem: 江西省 is read above, not as 西省.)
      if (start >= 0 && !out.some((p) => p.level === 'province' && p.at <= start && start < p.at + p.name.length)) {
        known.push({ name: text.slice(start, end), level: m[0] === '市' ? 'city' : 'county', at: start });
      }
    }
  }
  // A county named by one character, where its own body, session or year follows: 荣县人民政府,
  // 荣县2026年政府工作报告 (gazetteer.ts).
  if (text.includes('县') || text.includes('旗')) for (const p of shortCountiesIn(text)) known.push({ name: p.name, level: 'county', at: p.at });
  // A city's port is the city's: 厦门港, 湛江港 (a known city's name before 港; not a port named
  // for two places, 宁波舟山港, nor a name inside a province's or a prefecture's).
  if (text.includes('港')) {
    const taken = out.filter((p) => p.level !== 'country').sort((a, b) => a.at - b.at);
    let t = 0;
    for (let i = text.indexOf('港'); i >= 0; i = text.indexOf('港', i + 1)) {
      if (i < 2) continue;
      for (let start = Math.max(0, i - 3); start <= i - 2; start++) {
        const name = `${text.slice(start, i)}市`;
        if (!/^\p{Script=Han}+市$/u.test(name) || !isKnownPlace(name)) continue;
        while (t < taken.length && taken[t].at + taken[t].name.length <= start) t++;
        const inside = t < taken.length && taken[t].at <= start;
        const joint = [2, 3].some((k) => start - k >= 0 && isKnownPlace(`${text.slice(start - k, start)}市`));
        if (!inside && !joint) known.push({ name, level: 'city', at: start });
        break;
      }
    }
  }
  // A city of the province named bare where a clause opens, as its subject: "桂林世界级旅游城市建设
  // 提速，全年接待游客1.72亿人次" (not before its own 市, 县 or 区, read above, nor a street's name).
  BARE_CITY_RE.lastIndex = 0;
  for (let m = bareCities ? BARE_CITY_RE.exec(text) : null; m; m = BARE_CITY_RE.exec(text)) {
    const at = m.index + m[1].length;
    // (Past an empty match by a whole character: a /u regex steps back into a surrogate pair.)
    if (m[0].length === 0) BARE_CITY_RE.lastIndex += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    // (After 省会 the name is the capital's whatever follows, 省会长沙地区生产总值, unless its own 市
    // does; a name that is also a word, 长春, and one of four characters, 呼和浩特, too.)
    if (CAPITAL.test(m[1])) {
      for (const len of [4, 3, 2]) {
        const city = capitalOfStem(text.slice(at, at + len));
        if (!city) continue;
        const inside = (p: Place) => p.at <= at && at < p.at + p.name.length;
        if (text[at + len] !== '市' && !out.some(inside) && !known.some(inside)) known.push({ name: city, level: 'city', at });
        break;
      }
      continue;
    }
    // (After 我们 the speaker names its own place, a county's too: "去年我们浏阳一般公共预算支出里".)
    if (/^(?:我们|咱们)$/.test(m[1])) {
      const own = ownPlaceAt(text, at);
      if (own && !out.some((p) => p.at <= at && at < p.at + p.name.length) && !known.some((p) => p.at <= at && at < p.at + p.name.length)) {
        known.push(own);
        continue;
      }
    }
    for (const len of [3, 2]) {
      const city = cityOfStem(text.slice(at, at + len));
      if (!city) continue;
      const next = text.slice(at + len, at + len + 2);
      // (Nor before 地区, "襄阳、宜昌地区生产总值": a series of cities that share their measure.)
      // (Nor a name joined with another city's, 宁波舟山港, nor a part of the city, 福州新区, 哈尔滨新区.)
      if (!/^\p{Script=Han}/u.test(next) || /^(?:[市县区州盟旗]|地区|路|街|大道|大街|广场|站|日报|晚报|籍|新区|新城|高新|开发|经开|自贸|港区|片区|园区|都市圈|城区|老城|主城|市区|大学|学院|理工|师范|职业|医科|医院|机场|银行|农商)/.test(next) || cityOfStem(text.slice(at + len, at + len + 2)) || cityOfStem(text.slice(at + len, at + len + 3))) break;
      if (!out.some((p) => p.at <= at && at < p.at + p.name.length) && !known.some((p) => p.at <= at && at < p.at + p.name.length)) known.push({ name: city, level: 'city', at });
      break;
    }
  }
  PLACE_RE.lastIndex = 0;
  for (let m = suffixed ? PLACE_RE.exec(text) : null; m; m = PLACE_RE.exec(text)) {
    const stem = m[1];
    const stemAt = m.index + m[0].indexOf(stem);
    if (known.some((p) => p.at < stemAt + stem.length + 1 && stemAt < p.at + p.name.length)) continue;
    // (A stem ending in 城 is a kind of city, 宜居城市, 智慧城市, unless it is a two-character
    // city's name: 运城市, 盐城市, 聊城市.)
    const cityIn城 = stem.length === 2 && stem.endsWith('城') && !/^[新大小古名县全老主]/.test(stem);
    if (NOT_PLACE.test(stem) || (/[城都超门股楼夜集上全各本我该]$/.test(stem) && !cityIn城) || PROVINCES.some((p) => stem.startsWith(p) || p.startsWith(stem))) continue;
    if (/[一二三四五六七八九十两几多各该本全我这那每此其]/.test(stem[0]) || /[和与及或的委年月初底末]/.test(stem)) continue;
    const suffix = m[2];
    // (An unknown stem before 市政府 / 县委 is a verb that governs the body, "解读市政府工作报告",
    // "听取县委部署": the 市 opens the body's name. Real places are known by name above; a name
    // at a line's start stays a place, "青川市人民政府".)
    // (At a line's start only a body's own line, "青川市人民政府", not a sentence that opens with the
    // verb: "根据市政府工作报告，今年……".)
    const body = /^(?:人民)?(?:政府|委|人大|政协)/.test(text.slice(stemAt + stem.length + 1, stemAt + stem.length + 5));
    if (body && ((stemAt > 0 && !/[\n\s]/.test(text[stemAt - 1])) || VERB_BEFORE_BODY.test(stem) || !/^(?:人民政府|委员会|人民代表大会)/.test(text.slice(stemAt + stem.length + 1, stemAt + stem.length + 7)))) continue;
    if (suffix === '区' || suffix === '旗') {
      // A district or banner: a stem of a place (兰州新区, 襄州区, 土默特左旗), not a kind of zone.
      if (NOT_DISTRICT.test(stem) || stem.length < 2) continue;
    } else if (stem.length > 2) continue; // (A city or county of three characters or more is known by name: 产业强市 is none.)
    out.push({ name: stem + suffix, level: suffix === '市' ? 'city' : 'county', at: stemAt });
  }
  for (const p of known) out.push(p);
  out.sort((a, b) => a.at - b.at);
  return out;
}

/**
 * A place named as the base of a comparison, not as the subject: 高于全省平均, 居全省第一,
 * 占全市的, 比全国高.
 */
export function comparisonBase(text: string, at: number, end: number): boolean {
  // (The whole a part contributes to: "对全市经济增长的贡献率达到24.6%".)
  if (text[at - 1] === '对' && /^[^，,。；;]{0,10}?的?贡献/.test(text.slice(end, end + 14))) return true;
  // (省定: the aim the province set, "按照省定城镇新增就业60万人左右", is the province's own figure.)
  if (text.startsWith('省定', at)) return false;
  // (The place that set the figure owns it: "与宁波市确定的增长5.5%左右的目标相衔接".)
  if (/^(?:确定|提出|下达|设定|部署|要求|明确)的/.test(text.slice(end, end + 3))) return false;
  // (Nor the place whose target the text aligns with: "对标全省全社会研发投入强度达到3.5%左右的目标".)
  // (Nor the place whose aim the text's own aims join: "与全区地区生产总值增长5%以上的预期目标相衔接".)
  // (Nor the province's aim a place carries out, figure and all: "落实全省新增普惠托育托位3万个的部署".)
  if (/(?:对标|对照|按照|落实|与|同)$/.test(text.slice(Math.max(0, at - 2), at)) && /^[^，,。；;]{0,30}?的(?:预期)?(?:目标|任务|要求|部署|安排)/.test(text.slice(end, end + 40))) return false;
  // (A whole a clause serves, named with its own figure right after it, owns the figure: "有力支撑
  // 金华市进出口总额达到9261.7亿元".)
  // (A place written with its suffix: not a port named for its city, 助力天津港集装箱吞吐量.)
  if (/[省市县州]$/.test(text.slice(at, end)) && /(?:支撑|助力|带动|推动)$/.test(text.slice(Math.max(0, at - 2), at)) && /^[^，,。；;的“”]{2,16}?(?:达到|达|突破|实现|增长|增加到|提高到)?[0-9０-９]/.test(text.slice(end, end + 24))) return false;
  // (Nor the whole a place joins or serves: 融入全省“4567”现代化产业体系, 对接全省“百大项目”; nor
  // the plan it carries out: 落实全省“4567”现代化产业体系部署, 按照全省统一安排.)
  return /(?:高于|低于|快于|慢于|优于|好于|劣于|超过|超出|领先|落后|占|居|位居|位列|列|比|较|与|融入|对接|对标|服务|助力|支撑|纳入|跻身|带动|辐射|融合|落实|贯彻|按照|遵照|执行)$/.test(text.slice(Math.max(0, at - 2), at)) ||
    // (A rank, 居全省第一; not the place's own session, 仁寿县第十九届人民代表大会.)
    /^(?:平均|第[一二三四五六七八九十\d](?![一二三四五六七八九十\d]*[届次期批])|前列|首位|水平|总量的|的比重|同期)/.test(text.slice(end, end + 8));
}

/** The brackets of a text, （…） and (…), from each opening to just past its closing. */
function bracketSpans(text: string): Span[] {
  const out: Span[] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) open.push(i);
    else if ((c === 0xff09 || c === 0x29) && open.length) out.push({ start: open.pop()!, end: i + 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What opens an adverbial of accordance, or the opportunity a clause seizes ("抢抓自治区……的机遇，"). */
const ACCORDANCE = /按照|根据|依照|对照|遵照|围绕|紧扣|锚定|抢抓|抓住|把握|用好/;
/** A clause that opens on what it relies on, "依托全市规模超过1.2万亿元的电子信息产业，": a whole named there qualifies that, not the clauses after it. */
const RELYING = /依托|依靠|借助|立足|凭借|背靠/;
const RELIANCE = new RegExp(`^[^，,。；]{0,4}?(?:${RELYING.source})`);

/**
 * The adverbials of accordance in a text, "按照省里确定的……的要求，": from 按照 (根据, 依照…) to the
 * end of a clause that ends with 要求 (部署, 安排, 精神, 标准); and the opportunity seized the same
 * way, "抢抓自治区今年新增新能源装机4000万千瓦以上的机遇，": what it names is another's. One pass over
 * the clauses. And a clause that opens on what it relies on (依托, 借助, 立足……), to its comma.
 */
function accordanceSpans(text: string): Span[] {
  const out: Span[] = [];
  if (!ACCORDANCE.test(text) && !RELYING.test(text)) return out;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i < text.length && c !== '，' && c !== ',' && c !== '。' && c !== '；') continue;
    if (c === '，' || c === ',') {
      const clause = text.slice(start, i);
      const m = /(?:要求|部署|安排|精神|标准|机遇|契机|机会|目标|任务)$/.test(clause) ? ACCORDANCE.exec(clause) : null;
      if (m) out.push({ start: start + m.index, end: i });
      else if (RELIANCE.test(clause)) out.push({ start, end: i });
    }
    start = i + 1;
  }
  return out;
}

/** Parts of a year: a run of months, a quarter, a half. */
const PART_RE = /(?:1|一)\s*[-—–～~至到]\s*(?:1[0-2]|[2-9]|十[一二]|[二三四五六七八九十])\s*月|(?<![\d一二三四五六七八九十])(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])\s*月份?(?!\s*[\d一二三四五六七八九十]+\s*[日号])|前(?:[一二三]|[1-3])(?:个)?季度|[一二三四1-4]季度|上半年|下半年|前(?:[二三四五六七八九十]|十[一二]|[2-9]|1[0-2])个月/g;
const CN_MONTH: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10', 十一: '11', 十二: '12' };

function normalizePart(cue: string): string {
  const months = /^(?:1|一)\s*[-—–～~至到]\s*(\S+?)\s*月$/.exec(cue);
  if (months) return `1-${CN_MONTH[months[1]] ?? months[1]}月`;
  const first = /^前(\S+?)个月$/.exec(cue);
  if (first) return `1-${CN_MONTH[first[1]] ?? first[1]}月`;
  const month = /^(\S+?)\s*月份?$/.exec(cue);
  if (month) return `${CN_MONTH[month[1]] ?? month[1]}月`;
  return cue.replace(/个/, '').replace(/^([1-4])季度$/, (_m, d: string) => `${'一二三四'[Number(d) - 1]}季度`);
}

/** The first part of a year a text names (a table's caption or header): 1-2月, 一季度. */
export function partIn(text: string): string | undefined {
  PART_RE.lastIndex = 0;
  const m = PART_RE.exec(text);
  return m ? normalizePart(m[0]) : undefined;
}

/**
 * 全省/我省 and 全市/我市 stand for the document's own province or city; 自治区 alone, in a document
 * of one, for its autonomous region. Not the whole a ranking or a comparison measures against:
 * "增速位居全市前列", "占全区比重", "高于全省": there it is the base, not the subject.
 */
const SELF_RE = /(?<!居|列|占|高于|低于|高出|超出|快于|慢于|超过|领跑|领先|比|较)(?:(?:我们|咱们)(?:省(?!份)|市(?!场|民|值)|县(?!城|域)|区(?!域|别|间)|州|旗)|全省(?!域)|我省|本省|省内|(?<![古族藏])自治区(?![级内])|省定(?=[\u4e00-\u9fff])|(?:省里|省上)(?=下达|确定|提出|要求|部署|明确|安排|“)|(?<![健完安])全市(?!域)|我市|本市|市内|全州(?![县市区])|我州|本州|州内|全盟|(?<![健完安])全地区|全县(?!域)|我县|本县|县内|全区(?!域)|我区|全旗|全国|我国)/g;

/** 'district': 全区 / 我区 / 本区, a district's or an autonomous region's; 'county': 全县 / 全旗, only ever a county's. */
export type SelfLevel = 'province' | 'city' | 'county' | 'district' | 'country';

export function selfReference(text: string, offset: number): SelfLevel | undefined {
  return nearestSelf(matchesOf(SELF_RE, text), offset);
}

/** The level a self-reference names: 全省 the province, 本市 (全州, 全盟, 全地区) the city, 全区 a county's (or a region's), 全国. */
export function selfLevelOf(cue: string): SelfLevel {
  return /省|自治区/.test(cue) ? 'province' : /[市州盟]|地区/.test(cue) ? 'city' : /[县旗]/.test(cue) ? 'county' : /区/.test(cue) ? 'district' : 'country';
}

/** Whether a whole text is a self-reference: a table's column "全省", "本市". */
export function isSelfReference(text: string): boolean {
  return SELF_WHOLE.test(text);
}
const SELF_WHOLE = new RegExp(`^(?:${SELF_RE.source})$`);

/**
 * A whole named as the frame a place acts in, "在全省汽车产业转型中扛起责任", "在全市大局中", or
 * in the role it plays, "作为全市汽车产业主阵地，": where the clause happens, not whose figures follow.
 */
function selfFrame(text: string, at: number, end: number): boolean {
  // (Or the role a subject plays in it, "我区作为全市汽车产业主阵地，……全年地区生产总值1638.2亿元":
  // the clause's figures are the subject's, not the whole's.)
  if (text.slice(Math.max(0, at - 2), at) === '作为' && /^[^，,。；;：:]{2,24}?(?:[，,]|$)/u.test(text.slice(end, end + 26))) return true;
  if (text[at - 1] !== '在') return false;
  // (中 or 上 that ends the frame's word: not 中小学, 中心, 以上, 上半年.)
  const m = /^([^，,。；;：:0-9０-９]{2,16}?)(?:之中|(?<!以)上(?![半年级游市升述海])|中(?![小心医部央高年学型等级期层间共国华外药]))/u.exec(text.slice(end, end + 20));
  return !!m;
}

/**
 * What a place's bare name may open as part of a name: 佛山地铁3号线, 宁波大学. (Not its port or
 * airport, 天津港集装箱吞吐量, 白云机场旅客吞吐量: what they handle is the place's figure.)
 */
const FACILITY = /^(?:地铁|轨道交通|城际|高铁|火车站|西站|东站|南站|北站|大学|学院|银行|农商行|海关|大桥|日报|晚报|电视台|广播电视台)/;

/** A place's bare name (no 市, 区, 县) that opens the name of a facility: not the clause's subject. */
function facilityName(text: string, p: Place): boolean {
  const stem = p.name.replace(/(?:省|市|区|县|州|旗|盟)$/, '');
  if (stem === p.name || !text.startsWith(stem, p.at) || text.startsWith(p.name, p.at)) return false;
  return FACILITY.test(text.slice(p.at + stem.length, p.at + stem.length + 6));
}

/** Verbs that open a sentence before a body's name: 根据市政府工作报告, 听取县委部署. */
const VERB_BEFORE_BODY = /^(?:根据|按照|依据|依照|遵照|解读|听取|落实|贯彻|学习|审议|对照|关于|经过|通过)$/;

/** A whole's task or total named as a frame: 全市新增……6万套（间）的任务中. */
const TASK_FRAME = /^[^，,。；;：:]{2,40}?的(?:任务|目标|盘子|总量|份额)(?:之)?中/u;

/** A clause that goes on with the figure before it: its change or share, 增长8%, 同比下降, 占全市. */
const PART_GOES_ON = /^(?:同比|比上年|较上年|分别|约|均|也|实际)?(?:增长|下降|提高|增加|减少|降低|上升|回落|占|达|为|是|居)/;

function nearestSelf(matches: Match[], offset: number): SelfLevel | undefined {
  let best: Match | undefined;
  for (const m of matches) {
    if (m.at >= offset) break;
    best = m;
  }
  return best && selfLevelOf(best.cue);
}

/**
 * One sentence read once for all the figures in it (a sentence of a report often holds
 * several): the same answers as periodCues, periodIn, the strong and weak kind cues, placesIn and
 * selfReference on its text, each computed on first use. The arrays are shared: read only.
 */
export class SentenceReading {
  private cuesRead?: Cue[];
  private placesRead?: Place[];
  private strong?: [Match[], Kind][];
  private weak?: [Match[], Kind][];
  private self?: Match[];
  private parts?: Match[];
  private subjectsRead?: Place[];
  private semicolons?: number[];
  private ownVoice?: number[];
  /** Where a part of the city named by its class opens a clause, a list's too (see areaStop). */
  private areaHeads?: number[];
  private accordance?: Span[];
  private accordanceStarts?: number[];
  private clauseMarks?: number[];
  private asides?: Span[];
  private asideStarts?: number[];
  private partStops?: Map<number, number>;

  constructor(readonly text: string) {}

  get cues(): Cue[] {
    return (this.cuesRead ??= periodCues(this.text));
  }

  get places(): Place[] {
    return (this.placesRead ??= placesIn(this.text, true));
  }

  period(offset: number, ref: number | undefined): Period | undefined {
    // (A time inside a bracket dates what the bracket holds: "改造城镇老旧小区1200个（去年为1150个），
    // 新增养老床位3000张" sets this year's aims after it.)
    let cues = this.cues;
    if (this.text.includes('（') || this.text.includes('(')) {
      // (A bracket right after the figure that holds only its year labels it: "2.45%（2025年）▶
      // 2.55%（2026年）".)
      for (const c of cues) {
        const aside = this.asideAt(c.at);
        if (aside && aside.start > offset && /^[0-9０-９.．%％‰万亿千百\p{Script=Han}]{1,8}$/u.test(this.text.slice(offset, aside.start)) &&
          /^[（(](?:19|20)\d{2}\s*年(?:底|末)?(?:目标|预期|实际|计划)?[）)]$/.test(this.text.slice(aside.start, aside.end))) return c.period(ref);
      }
      cues = cues.filter((c) => {
        const aside = this.asideAt(c.at);
        return !aside || (aside.start <= offset && offset < aside.end);
      });
    }
    return chooseCue(cues, offset, ref, false, this.text);
  }

  kind(offset: number): { kind: Kind; cue: string } | undefined {
    this.strong ??= [[matchesOf(STRONG_TARGET, this.text), 'target'], [matchesOf(STRONG_ACTUAL, this.text), 'actual']];
    const found = nearestCue(offset, this.strong, true);
    // (Not across a clause that names a time of its own for its value alone, "研发经费投入强度要提高到
    // 2.6%，去年是2.45%": what the clause before intends is not that value's.)
    if (found && this.cues.some((c) => c.local && c.until !== undefined && c.at > found.at && c.end <= offset && offset < c.until)) return undefined;
    return found && { kind: found.kind, cue: found.cue };
  }

  weakKind(offset: number): { kind: Kind; cue: string } | undefined {
    this.weak ??= [[matchesOf(WEAK_TARGET, this.text), 'target'], [matchesOf(WEAK_ACTUAL, this.text), 'actual']];
    return nearestCue(offset, this.weak);
  }

  /**
   * The 全省 / 全市 nearest before `offset` that still governs it. One named after a figure
   * ("……增长8.3%，全省为5.2%；") governs only up to the next ；, one that opens the sentence
   * before any figure governs all of it. `firstFigure`: where the sentence's first figure stands.
   */
  selfReference(offset: number, firstFigure = offset): SelfLevel | undefined {
    const m = this.selfReferenceMatch(offset, firstFigure);
    return m && nearestSelf([m], offset);
  }

  /** The self-reference selfReference reads, with where it stands. */
  selfReferenceMatch(offset: number, firstFigure = offset): Match | undefined {
    // (省定 names the province's aim only where the clause says so, "按照省定……的目标要求", not a
    // designation: 省定重点项目, 省定贫困村 are the place's own.)
    const all = (this.self ??= matchesOf(SELF_RE, this.text).filter((m) => !comparisonBase(this.text, m.at, m.at + m.cue.length) && !selfFrame(this.text, m.at, m.at + m.cue.length) && (m.cue !== '省定' || this.inAccordance(m.at) || /^[^，。；,]{0,30}?(?:目标|任务)/.test(this.text.slice(m.at + 2, m.at + 40)))));
    // The nearest before `offset` that still governs it (matches are in order).
    for (let k = all.length - 1; k >= 0; k--) {
      const m = all[k];
      if (m.at >= offset || !this.governs(m.at, offset, firstFigure)) continue;
      // (省定 qualifies the names of its own clause only; so does a place inside an adverbial of
      // accordance, "按照省里确定的全省粮食总产量稳定在430亿斤左右的要求，新建高标准农田25万亩".)
      if ((m.cue === '省定' || this.inAccordance(m.at)) && this.clauseMarkBetween(m.at, offset)) continue;
      return m;
    }
    return undefined;
  }

  /**
   * The innermost bracket （…） or (…) that holds `at`, if any (brackets found once; a bracket
   * that opened more than 200 characters before `at` is not looked for).
   */
  asideAt(at: number): Span | undefined {
    const asides = (this.asides ??= bracketSpans(this.text));
    if (!asides.length) return undefined;
    const starts = (this.asideStarts ??= asides.map((a) => a.start));
    for (let k = firstAtOrAfter(starts, at + 1) - 1; k >= 0 && asides[k].start >= at - 200; k--) {
      if (at < asides[k].end) return asides[k];
    }
    return undefined;
  }

  /** Whether a ， or ； stands in [from, to) (positions found once, then a binary search). */
  clauseMarkBetween(from: number, to: number): boolean {
    const marks = (this.clauseMarks ??= [...this.text.matchAll(/[，；,;]/g)].map((m) => m.index!));
    const k = firstAtOrAfter(marks, from);
    return k < marks.length && marks[k] < to;
  }

  /** Whether `at` lies inside an adverbial of accordance: 按照……的要求，/ 根据……部署，. */
  inAccordance(at: number): boolean {
    const spans = (this.accordance ??= accordanceSpans(this.text));
    if (!spans.length) return false;
    // (Spans in order, apart: the last that starts at or before `at`.)
    const k = firstAtOrAfter((this.accordanceStarts ??= spans.map((sp) => sp.start)), at + 1) - 1;
    return k >= 0 && at < spans[k].end;
  }

  /**
   * Where a part named after 其中 at `at` stops governing (see governs): the first clause after it
   * that opens with a measure of its own. Found once per part: a sentence of thousands of clauses
   * asks it for each figure.
   */
  private partStop(at: number): number {
    const stops = (this.partStops ??= new Map());
    let stop = stops.get(at);
    if (stop !== undefined) return stop;
    stop = Infinity;
    const before = this.text.slice(0, at);
    const commas = /[，,]/g;
    commas.lastIndex = at;
    for (let m = commas.exec(this.text); m && stop === Infinity; m = commas.exec(this.text)) {
      const k = m.index + 1;
      const words = /^[^0-9０-９，,；;。]*/.exec(this.text.slice(k, k + 40))![0];
      const head = words.length >= 4 ? words.slice(-4) : '';
      if (!PART_GOES_ON.test(this.text.slice(k, k + 6)) && !(head && before.includes(head))) stop = k;
    }
    stops.set(at, stop);
    return stop;
  }

  /** Whether a place named at `at` still governs a figure at `offset` (see selfReference). */
  governs(at: number, offset: number, firstFigure: number): boolean {
    // (A whole's task a part takes a share of governs its own figures only: "在全市新增筹措保障性租赁
    // 住房6万套（间）的任务中，浦东承担1.6万套（间）".)
    if (this.text[at - 1] === '在') {
      const task = TASK_FRAME.exec(this.text.slice(at, at + 48));
      if (task && offset >= at + task[0].length) return false;
    }
    // (A place inside a bracket governs only what the bracket holds: "增长8.3%（全省增长6.8%），社零
    // 总额1290亿元" is the city's again after it.)
    const aside = this.asideAt(at);
    if (aside && aside.end <= offset) return false;
    // (Nor past a clause in the document's own voice: "今年省上安排省级重点项目650个，我们要……，
    // 入选数量保持在50个以上" counts the city's.)
    const voice = (this.ownVoice ??= [...this.text.matchAll(/(?<=[，,；;：:])[\s\u3000]*(?:我们|咱们)/g)].map((m) => m.index!));
    const v = firstAtOrAfter(voice, at);
    if (v < voice.length && voice[v] < offset) return false;
    // (A part named after 其中 governs its own clause and those that go on with its figure, "其中南海区
    // 完成1.2万亩，增长8%", or give the part's share of another measure the whole stated, "实现旅游收入
    // 3350亿元；其中哈尔滨市接待游客1.36亿人次，实现旅游收入1624.8亿元"; not a clause that opens with a
    // measure of its own: "……改造2.3万亩，其中南海区完成1.2万亩，连片整理产业用地1.1万亩" is the whole's.)
    // (Where the whole's clause is in the text read: a sentence that opens with 其中, after a ；, goes on
    // with the part.)
    if (at > 2 && /[，,：:]其中$/.test(this.text.slice(Math.max(0, at - 3), at)) && offset >= this.partStop(at)) return false;
    // (A part of the city named by its class governs the clauses after it up to one that opens
    // with another such part: "主城都市区……占全市比重达到77.6%，渝东北城镇群、渝东南城镇群地区生产
    // 总值分别增长6.1%、5.9%" are not 主城都市区's.)
    if (AREA_HINT.test(this.text.slice(at, at + 12))) {
      const heads = (this.areaHeads ??= [...this.text.matchAll(AREA_HEAD_RE)].map((m) => m.index! + m[0].length - m[1].length));
      const h = firstAtOrAfter(heads, at + 1);
      if (h < heads.length && heads[h] < offset) return false;
    }
    if (at < firstFigure) return true;
    // The first ； after `at` (positions found once, then a binary search: a sentence of a
    // hundred thousand characters holds thousands of figures and places).
    const stops = (this.semicolons ??= [...this.text.matchAll(/；/g)].map((m) => m.index!));
    const k = firstAtOrAfter(stops, at);
    return k >= stops.length || stops[k] >= offset;
  }

  /**
   * The places that name a figure's subject: not the base of a comparison (高于全省平均); and a
   * zone that opens a clause (宜兴经济开发区要……, 高新区规上工业产值……): its figures are the zone's,
   * not the city's.
   */
  get subjects(): Place[] {
    if (this.subjectsRead) return this.subjectsRead;
    const out = this.places.filter((p) => !comparisonBase(this.text, p.at, p.at + p.name.length) && !facilityName(this.text, p));
    if (AREA_HINT.test(this.text)) {
      namedParts(this.text, AREA_RE, out);
      out.sort((a, b) => a.at - b.at);
    }
    if (ZONE_HINT.test(this.text)) {
      namedParts(this.text, ZONE_RE, out);
      // (A zone named back by its kind alone, after the verb that backs it: "去年赣江新区……。今年报告
      // 提出支持新区地区生产总值增长8%以上" is the zone's aim, not the city's.)
      BARE_ZONE.lastIndex = 0;
      for (let m = BARE_ZONE.exec(this.text); m; m = BARE_ZONE.exec(this.text)) {
        const at = m.index + m[0].length - m[1].length;
        if (!out.some((p) => p.at === at)) out.push({ name: m[1], level: 'county', at });
      }
      out.sort((a, b) => a.at - b.at);
    }
    return (this.subjectsRead = out);
  }

  /** A part of the year the sentence opens with ("1—2月，全市……"), normalised. */
  headPart(): string | undefined {
    const p = this.partOfYear(10);
    return p && this.parts!.some((m) => m.at < 10) ? p : undefined;
  }

  /** The part of a year named before `offset` (1-2月, 一季度, 上半年), normalised. */
  partOfYear(offset: number): string | undefined {
    this.parts ??= this.text.includes('月') || this.text.includes('季') || this.text.includes('半年') ? matchesOf(PART_RE, this.text) : [];
    let best: Match | undefined;
    for (const m of this.parts) if (m.at < offset) best = m;
    // (全年 after it turns to the whole year: "一季度……增长6.1%，全年……增长5.8%".)
    if (best && /全年/.test(this.text.slice(best.at + best.cue.length, offset))) return undefined;
    return best && normalizePart(best.cue);
  }
}

/** The headings above `offset`, outermost first. Siblings are in order: binary search. */
export function nodePath(roots: OutlineNode[], offset: number): OutlineNode[] {
  const path: OutlineNode[] = [];
  let nodes = roots;
  for (;;) {
    let lo = 0;
    let hi = nodes.length - 1;
    let found: OutlineNode | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = nodes[mid];
      if (offset < n.span.start) hi = mid - 1;
      else if (offset >= n.span.end) lo = mid + 1;
      else {
        found = n;
        break;
      }
    }
    if (!found) return path;
    path.push(found);
    nodes = found.children;
  }
}
