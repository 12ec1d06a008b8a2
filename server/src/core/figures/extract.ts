/**
 * Figures: every number in a report bound to what it measures. A figure statement is read as
 * value + unit + comparator, then the indicator (the phrase before it, with its verb), and its
 * period, region and kind from the sentence, the headings above it or the document.
 *
 * Not figures: years and dates, ordinals (第九届), names and slogans (“十五五”, 5G, PM2.5,
 * “1+10”, 12345热线, 一圈一带两区), heading markers, table-of-contents page numbers, version
 * tags (2026版), "一个/一批" meaning "a".
 */
import type { DocumentModel, Paragraph, Sentence } from '../model';
import { buildOutline, OutlineNode } from '../outline';
import { CHANGE_LINE, FIGURE_LINE, phraseCell } from '../headings';
import { CharClass, Span, boundaryBefore, isHanCodePoint, isSpaceCode } from '../text';
import {
  planYears, ITEM_WORD, itemMarkWithin, Kind, RESIDENT_GROUP, RESIDENT_MEASURE, beforeInner, comparisonBase, SelfLevel, isSelfReference, selfLevelOf, PLAN_DOCUMENT, AN_EVENT_ABOUT, CAPITAL_WORDS, THAT_FIGURE_NOUN, Period, Place, RELATIVE_PERIODS, headingPeriodCues, partIn, Source, SentenceReading, headingKind, mayOpenWithPlace, nodePath, periodCues, placesIn, relativePeriod, titleYear, yearIn,
} from './context';
import { MULTIPLIERS, NumberToken, isChineseNumeral, isChineseNumeralCode, isDigit, isDigitCode, readArabic, readChinese } from './numbers';
import { NOT_AFTER_CHINESE, UnitDef, matchUnit, unitTable, withUnitTable } from './units';
import { STEP_ITEMS, Steps, drain } from '../steps';
import { AliasTable, Measure, aliasTable, measureOf, placeAtHead } from '../consistency/indicator';
import { capitalOfStem, isKnownPlace, provinceOf } from './gazetteer';
import { DocumentFacts, OWN_CITY, OWN_COUNTY, OWN_PROVINCE, RegionEvidence, YearEvidence, NEWS_HEADLINE, documentFacts } from './document';
import { CellReading, TableCell, cellsOf, readTables, rowCells } from './table';

/** Period cues that count from the document's year. */
/** Last year, as a review names it. */
const PAST_YEAR = /^(?:去年|上年|上一年|过去(?:的)?一年|一年来)/;
const RELATIVE_YEAR = /今年|本年|年内|当年|上年|去年|上一年|过去(?:的)?一年|一年来|明年|下一年|(?<![0-9０-９])[五5]年(?:来|内)|过去[五5]年|近[五5]年|今后[五5]年|未来[五5]年/;

export type { DocumentFacts } from './document';

export type Comparator = 'eq' | 'ge' | 'gt' | 'le' | 'lt' | 'approx' | 'range';

export interface Figure {
  /** The number with its multiplier and unit, as written. */
  span: Span;
  text: string;
  indicator: string;
  /** What is compared: the indicator and verb normalised (consistency/indicator.ts). */
  measure: Measure;
  /** Where the indicator was read: the clause before, the noun after, or the figure before. */
  indicatorFrom: 'clause' | 'after' | 'previous' | 'chained';
  verb?: string;
  value: number;
  max?: number;
  unit: string;
  /** In the base unit. Shared between figures of the same amount (see normalizedOf): read only. */
  readonly normalized: Readonly<{ value: number; max?: number; unit: string }>;
  dimension: string;
  comparator: Comparator;
  comparatorText?: string;
  period: string | null;
  periodSource: Source | null;
  periodCue?: string;
  region: string | null;
  regionSource: Source | null;
  kind: Kind;
  kindSource: Source | null;
  kindCue?: string;
  /** Part of the period: 1-2月, 一季度, 上半年 (a statement apart from the whole year's). */
  part?: string;
  /** The document's year the period was read against, when it was inferred (not a title's). */
  yearBasis?: { year: number; cue: string; from: YearEvidence };
  /** Where the document's own place was read, when its region came from the document and not its title. */
  regionBasis?: { cue: string; from: RegionEvidence };
  /** A count that opens or sums up a list: kind unknown, never a target. */
  listCount?: boolean;
  /** In the headline: compared with the text it restates, not listed as a target of its own. */
  headline?: boolean;
  /** Read from a table's cell: a bare number there ("12") writes no bound, as 12万人以上 does. */
  cell?: boolean;
  /** Read out, not written: a script's or a transcript's whose title group says so (【播出】, 实录). Speech rounds. */
  spoken?: boolean;
  /** The clause read back: "优质本科高校扩招 1500 人". */
  statement: string;
  /** The sentence it was read from. */
  sentence: Span;
  /** Names of the headings it sits under, outermost first. */
  section: string[];
}

const COMPARATOR_BEFORE: [string, Comparator][] = [
  ['不低于', 'ge'], ['不少于', 'ge'], ['不小于', 'ge'], ['达到', 'ge'], ['超过', 'gt'], ['高于', 'gt'], ['多于', 'gt'],
  ['突破', 'gt'], ['不高于', 'le'], ['不超过', 'le'], ['不多于', 'le'], ['不大于', 'le'], ['控制在', 'le'], ['低于', 'lt'],
  ['少于', 'lt'], ['大约', 'approx'], ['约', 'approx'], ['近', 'approx'], ['接近', 'approx'], ['逾', 'gt'],
  ['达', 'ge'], ['超', 'gt'],
];
COMPARATOR_BEFORE.sort((a, b) => b[0].length - a[0].length);
const COMPARATOR_AFTER: [string, Comparator][] = [
  ['以上', 'ge'], ['及以上', 'ge'], ['以内', 'le'], ['以下', 'le'], ['左右', 'approx'], ['上下', 'approx'],
];
const VERBS = [
  '增长', '下降', '提高', '提升', '降低', '减少', '增加', '新增', '新建', '改建', '扩建', '新改建', '改扩建', '新改扩建', '新建改造', '新开工', '开工', '竣工', '建成',
  '改造', '培育', '培训', '建设', '达到', '完成', '实现', '突破', '扩招', '招引', '引进', '引育', '认定', '创建',
  '累计', '压减', '缩短', '节约', '回落', '收窄', '扩大', '改善', '发放', '帮扶', '救助', '资助', '惠及', '覆盖', '带动',
  '吸纳', '安置', '转移', '落地', '签约', '实施', '开展', '举办', '组织', '推出', '打造', '提供', '筹集', '投入', '储备',
  '谋划', '稳定在', '保持在', '控制在', '瞄准', '锚定', '剑指', '达', '超', '增', '减', '降',
].sort((a, b) => b.length - a.length);
/**
 * The words above grouped by their last (or first) character, each group in the list's order:
 * the first word of the group that ends (starts) the phrase is the first of the whole list.
 */
function byChar<T>(list: readonly T[], word: (t: T) => string, at: 'first' | 'last'): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of list) {
    const w = word(t);
    const c = at === 'first' ? w[0] : w[w.length - 1];
    const group = m.get(c) ?? [];
    group.push(t);
    m.set(c, group);
  }
  return m;
}
const COMPARATOR_BEFORE_BY_LAST = byChar(COMPARATOR_BEFORE, (c) => c[0], 'last');
const COMPARATOR_BEFORE_WORDS = new Set(COMPARATOR_BEFORE.map(([w]) => w));
const VERBS_BY_LAST = byChar(VERBS, (v) => v, 'last');
/** Verbs of two characters or more (达, 超 are also parts of other words: 发达, 超市). */
const LONG_VERBS = new RegExp(VERBS.filter((v) => v.length >= 2).join('|'));
/** A verb of making at the head of a name: what a list's first item says of all its items. */
const LIST_ACTION = /^(?:新增|净增|新培育|新引进|新认定|新招引|新创建|新建|新开工|培育|引进|认定|招引|创建)/;

/**
 * Whether a sentence opens with the document's own city named by its stem, as people name it:
 * "十堰作为汽车产业重镇，……", "十堰要……" (not a word that starts alike: 长治久安).
 */
function ownStemOpens(sentence: string, place: string): boolean {
  const stem = place.replace(/(?:市|区|县|旗)$/, '');
  if (stem.length < 2) return false;
  const t = sentence.trimStart();
  // (At the sentence's start, or a clause's before its first figure: "作为全市汽车产业重要承载地，渝北
  // 今年将力争……".)
  const head = t.slice(0, t.search(/[0-9０-９]/) + 1 || t.length);
  for (let at = 0; at >= 0; at = nextClause(head, at)) {
    if (head.startsWith(stem, at) && (/^(?:市|区|县|是|的)/.test(head.slice(at + stem.length)) || STEM_AS_SUBJECT.test(head.slice(at + stem.length)))) return true;
  }
  return false;
}

/** Where the clause after the one at `at` opens, or -1. */
function nextClause(text: string, at: number): number {
  const k = text.slice(at).search(/[，,；;：:]/);
  return k < 0 ? -1 : at + k + 1;
}

/** Whether a name holds a verb of its own after its first character: 年度完成投资. */
function hasOwnVerb(indicator: string): boolean {
  return LONG_VERBS.test(indicator.slice(1));
}
const VERBS_BY_FIRST = byChar(VERBS, (v) => v, 'first');
const NONE: never[] = [];
/** A document or meeting and its word of setting, before what it set: "自治区政府工作报告确定了". */
const REPORTED_BY = /^[^，,。；;：:]{0,16}?(?:报告|会议|规划|纲要|意见|方案)(?:中)?(?:提出|确定|明确|要求|部署)了?/;
/** How high a place or a self-reference stands: a 全省 above a county named before it. */
const LEVEL_RANK: Record<string, number> = { country: 4, province: 3, city: 2, district: 1, county: 1 };

/** Words of a time gone by in a headline: it may report results beside its aims. */
const PAST_WORDS = /去年|上年|过去|以来|回顾|回望|回眸|盘点|成绩|同比|比上年/;

/** A target a reviewer lists: not one a headline restates from the text below it. */
export function listedTarget(f: Pick<Figure, 'kind' | 'headline'>): boolean {
  return f.kind === 'target' && !f.headline;
}

/** A line that is only a date: 2026年3月18日, （2026年1月20日）. */
const DATE_LINE = /^[\s\u3000]*[（(]?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[）)]?[\s\u3000]*$/;
const LEADING_NOISE = /^(?:按(?:可比|不变)价(?:格)?(?:计算)?|[-*•►▶→➜➔·|｜“●■◆▲★☆○◇□▪—―]|[0-9０-９]{1,3}[.．](?![0-9０-９])|[\u2460-\u2473\u2776-\u277f]|的?(?:主要)?(?:预期)?目标(?:是|为)|到?(?:19|20)\d{2}\s*年(?:底|末)?|连续[0-9０-９一二三四五六七八九十两]{1,3}年|[上下]半年|前?[一二三四]季度|[一二三四五六七八九十]是|本报讯|本台消息|其中|同时|同期|同口径|再(?!生|制造|就业|贷款|贴现|担保|保险|融资)|全年|今年|去年|上年|明年|当年|共计|总计|合计|累计|力争|确保|预计|原(?=计划)|计划|实际(?=完成|新增|建成|新建|改造|开展|发放|实施|帮扶|培训)|争取|力求|努力|推动|力促|助推|全省|全市|我省|我市|我们|继续|进一步|按照|依照|对标|对照|落实|省定|要|将|并|且|把|对|为|使|让|在|和|及|与)+/;
/**
 * A name without the words before it that are not the name (LEADING_NOISE); an opening quote
 * goes only when the name does not close it: "“小巨人”企业" keeps its quotes.
 */
function stripNoise(s: string): string {
  const m = LEADING_NOISE.exec(s);
  if (!m) return s;
  const cut = s.slice(m[0].length);
  const quote = m[0].lastIndexOf('“');
  // (From the quote on, when the name closes it.)
  if (quote >= 0 && cut.includes('”')) return s.slice(quote);
  // (在 opens where the thing is done, up to the doing: "在城区及乡镇集镇新建社区食堂" counts
  // 社区食堂 built, wherever they are.)
  if (m[0].endsWith('在')) {
    const done = LOCATIVE_THEN_DOING.exec(cut);
    if (done) return cut.slice(done[0].length);
  }
  return cut;
}

/** A place (in at most twelve characters) and the verb of doing that follows it, after 在. */
const LOCATIVE_THEN_DOING = /^[\p{Script=Han}、及和与]{2,12}?(?=(?:新建|改建|扩建|改扩建|新改扩建|建设|建成|改造|新增|培育|打造|设立|配建|增设|布设|安装|种植|开设|举办|开行|开通)\p{Script=Han}{2})/u;

/** A topic and the words of intent after it: 能源领域将, 投资方面要, 民生领域力争. */
const TOPIC_BEFORE_INTENT = /^\p{Script=Han}{2,6}(?:领域|方面)(?=将|要|力争|计划|拟|确保)/u;

/** Set expressions written with Chinese numerals (GB/T 15835): 八项规定, 两个确立. */
const SET_EXPRESSION = /^(?:规定|原则|主义|精神|纪律|禁令|意识|自信|确立|维护|战略|布局|全面|作风|之路|数|一体|市场|资源)/;
/** Adverbs and bases between an indicator and its verb: 数量已达, 是2017年的. */
const TRAILING_NOISE = /(?:已经|已|(?<!年)均|分别|累计|共|将|要|今年|明年|全年|当年|(?:是|为|相当于)(?:(?:19|20)\d{2}\s*年|上年|去年)的?)+$/;

/** A heading that names a year's work: 关于2026年经济工作, 2026年工作. */
const YEAR_WORK_HEADING = /(?:19|20)\d{2}\s*年[^，。；、]{0,4}(?:工作|任务)$/;

/** Words that make a heading a plan's whatever the section above it: 目标, 今后, 展望, 部署, 会议要求. */
const STRONG_TARGET_HEADING = /会议(?:要求|明确|部署|决定)|目标|今后|展望|部署|思路|要点|(?:20\d{2}|今|明)年(?:的)?(?:重点)?(?:工作|任务)/;

/** A whole's named measure before a bracket that gives its amount: 占全市进出口总额（. */
const WHOLE_IN_BRACKETS = /(?:占|相当于|高于|低于|超过)(全省|全国|全市|全区|全县)([^，,；;。（(）)的\s\u3000]{2,14})?[（(]$/;

/** A whole its amount follows right after, a share after that: 占全市78.6亿元的11.7%. */
const WHOLE_BEFORE_AMOUNT = /(?:占|相当于)(全省|全国|全市|全区|全县)$/;
/** A sum of money in any currency, normalised: 元, 美元, 欧元. */
const MONEY = /元$/;

/** The document's own city or county named again: 我市, 全市, 本县; or its own voice after a comma, "，我们将……". */
const OWN_PLACE_AGAIN = /(?:我|全|本)(?:市|县|州|盟|旗)|[，,；;：:][\s\u3000]*(?:我们|咱们)/;

/** A sentence that opens an item of a run-in list: 二是, 其三, 第四，. */
const ITEM_OPENS = new RegExp(`^[\\s\\u3000]*${ITEM_WORD}`);

/** A figure and the dash before its label, opening an explainer's line: "33981.6亿元——". */
const FIGURE_LABEL_OPENING = /^[^，,。；：:]{1,16}?[0-9０-９][^，,。；：:]{0,6}?(?:——|—|--)/;

/** A whole a text names as its own, opening a phrase: 全省, 全市, 我县, 本区 (not 全州县, 全县域). */
/** The word for a capital, then its name: 省会长沙, 首府呼和浩特. */
const CAPITAL_OPENING = new RegExp(`^(?:${CAPITAL_WORDS})`);
/** What follows a place's stem named as a subject: a time, an adverb or a clause's mark (渝北今年将……), not a word it begins (安居工程). */
const STEM_AS_SUBJECT = /^(?:今年|去年|明年|当年|全年|将|要|已|作为|在|全区|全县|全市|[，、,\s])/;
const WHOLE_OPENING = /^(?:全国|全省|全市|全州(?![县市区])|全县(?!域)|全区(?!域)|全旗|我国|我省|我市|我州|我县|我区|本省|本市|本州|本县|本区)/;

/** A place at the start of an indicator is its region, not part of it: 沈阳市新建5G基站. */
function stripPlace(s: string): string {
  const m = WHOLE_OPENING.exec(s);
  if (m) return s.slice(m[0].length);
  // (A province's capital named bare after the word for it: 省会长沙地区生产总值.)
  if (CAPITAL_OPENING.test(s)) for (const len of [4, 3, 2]) if (capitalOfStem(s.slice(2, 2 + len))) return s.slice(2 + len).replace(/^市/, '');
  const p = mayOpenWithPlace(s) ? placesIn(s)[0] : undefined;
  if (!p || p.at !== 0) return s;
  // (The name as written: 天津 of 天津港 is read as 天津市, three characters where two stand.)
  const written = s.startsWith(p.name) ? p.name.length : p.name.replace(/(?:省|市|自治区|特别行政区)$/, '').length;
  // (Not a place that names a port, an airport or a station: 天津港集装箱吞吐量.)
  if (NAMED_FOR_PLACE.test(s.slice(written))) return s;
  return s.slice(written).replace(/^(?:省|市)/, '');
}

/** What is named for a place, after its name: 天津港, 桂林两江国际机场 is not; 厦门港, 北京西站 are. */
const NAMED_FOR_PLACE = /^(?:港|机场|站|火车站|海关|[东西南北]站)/;

/** The base of a comparison at the start of a clause: 较2015年, 比上年, 同比. */
const BASE_PHRASE = /^(?:(?:较|比|与)(?:(?:19|20)\d{2}\s*年(?:底|末)?|上年(?:底|末)|去年(?:底|末)|上年|去年|上年同期|年初)(?:相比)?|同比)/;
const RANGE_SEP = /^[\s]?[～~〜\-—–－至到][\s]?/;
const RANGE_MARKS = new CharClass('～~〜-—–－至到');

/** Verbs that state a level, not a change: 稳定在600亿斤以上 reports a result as often as it sets one. */
const LEVEL_VERBS = new Set(['稳定在', '保持在', '达到', '达', '超', '突破', '实现', '完成']);
/** Comparators that bound a number: an aim's words, not a result's. */
const BOUND_WORDS = new Set(['以上', '及以上', '以内', '以下', '不低于', '不少于', '不小于', '不高于', '不超过', '不多于', '不大于', '控制在']);

/**
 * Whether the count ending at `end` opens a list: the clause it ends with a colon (三项改革：),
 * or an enumeration follows at once (……三个关系，一是……; 即……). Sums of a list (以上五个方面)
 * are counted too.
 */
function opensList(text: string, end: number, sentenceEnd: number, comparatorText: string | undefined): boolean {
  if (comparatorText && comparatorText !== '共' && comparatorText !== '') return false;
  const before = text.slice(Math.max(0, end - 12), end);
  if (/(?:(?:^|[，,。；：:])(?:以上|上述)|这|这些)$/.test(before.replace(/[\s\u3000]*[一二三四五六七八九十两\d]+[^一二三四五六七八九十两\d]{0,3}$/, ''))) return true;
  let k = end;
  const limit = Math.min(sentenceEnd + 1, end + 24, text.length);
  while (k < limit) {
    const c = text[k];
    if (c === '：' || c === ':') return true;
    if (c === '，' || c === ',' || c === '。' || c === '；' || c === '\n') break;
    k++;
  }
  const after = text.slice(k + 1, k + 8);
  return /^(?:即|分别是|包括)?(?:一是|一要|第一|其一|首先|①|（一）|\(一\)|一、)/.test(after);
}

/**
 * A count in Chinese numerals that sums up the names just listed before it: "在数字经济、生物经济、
 * 冰雪经济、创意设计四个领域安排重点项目320个" counts the list, as a count that opens one does.
 */
function sumsUpList(text: string, start: number, sentenceStart: number, raw: Raw): boolean {
  const n = raw.value;
  if (!raw.num.chinese || !Number.isInteger(n) || n < 2 || n > 12) return false;
  const before = text.slice(Math.max(sentenceStart, start - 16 * n), start);
  const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('：'), before.lastIndexOf(',')) + 1);
  const items = clause.split(/、|和|及|与/);
  // (Names set apart by 、, the last perhaps by 和: not verbs joined by 和, "新建和改扩建学校两所".)
  const commas = clause.split('、').length - 1;
  // (Names, not amounts: "跨越7000亿元、8000亿元两个台阶" counts steps reached, a result.)
  return items.length === n && commas >= Math.max(1, n - 2) && items.every((x) => x.length >= 1 && x.length <= 16 && !/[0-9０-９]/.test(x));
}

/**
 * A sentence that sets the intent of what follows in its paragraph: it opens with 我们要, 将,
 * 必须, 力争… (A strong cue elsewhere in a sentence does not carry: in a review, 确保 tells
 * what was done.)
 */
/** What a paragraph's opening says of the figures after it; `past`: a review of the year before. */
interface Intent {
  kind: Kind;
  cue: string;
  past?: boolean;
}

function paragraphIntent(whole: string): Intent | undefined {
  // (After a topic that opens the sentence, "在民生方面，报告提出……", "谈及扩大开放，……".)
  const topic = TOPIC_OPENING.exec(whole);
  const sentence = topic ? whole.slice(topic[0].length) : whole;
  // The word must start within the first 13 characters, before any ，,。: most sentences have none.
  let possible = false;
  for (let k = 0; k < 13 && k < sentence.length && !possible; k++) {
    const c = sentence.charCodeAt(k);
    if (c === 0xff0c /* ， */ || c === 0x2c /* , */ || c === 0x3002 /* 。 */) break;
    possible = INTENT_FIRST.has(c);
  }
  if (!possible) return undefined;
  // (A brief's own words for the report's parts: 报告显示 its results, 报告提出 its aims.)
  const said = /^[^，,。]{0,6}?(?:报告|数据|统计)(显示|回顾|总结|提出|明确|部署|确定)/.exec(sentence);
  if (said) {
    const review = /显示|回顾|总结/.test(said[1]);
    // (报告显示 / 报告回顾: the report's review of the year before, in a brief that gives no year.)
    return { kind: review ? 'actual' : 'target', cue: said[0].replace(/^[^，,。]*?(?=报告|数据|统计)/, ''), ...(review && said[0].includes('报告') ? { past: true } : {}) };
  }
  // (Words of the time ahead that open the sentence, "下一步，我们将……", "接下来，……": what follows
  // is aimed at, whatever year the paragraph began with.)
  const ahead = AHEAD_OPENING.exec(sentence);
  if (ahead) {
    const rest = paragraphIntent(sentence.slice(ahead[0].length));
    return rest?.kind === 'target' ? rest : { kind: 'target', cue: ahead[1] };
  }
  // (Not the 要 of a word, 重要, 需要, 要素: "（一）国家重要能源……基地建设迈出新步伐" aims at nothing. 主要
  // stays a cue: "其他几项主要指标，比如……增长8%以上" speaks of the plan's main figures.)
  const m = INTENT_OPENING.exec(sentence);
  if (m && m.index === 0 && INTENT_OPENING_SUBJECT.test(sentence)) {
    return { kind: 'target', cue: m[1] };
  }
  return undefined;
}

/** Whether a sentence opens with a year before `year` as its time: "2025年，", "去年全市……", "过去一年，". */
function opensWithPastYear(sentence: string, year: number | undefined): boolean {
  const m = /^(?:[^，,。：:]{1,12}[：:])?(?:(19|20)(\d{2})\s*年(?![代底末])|去年|上年(?!同期)|过去一年|刚刚过去的一年)/.exec(sentence);
  if (!m) return false;
  return m[1] === undefined || (year !== undefined && +(m[1] + m[2]) < year);
}

/** A topic that opens a sentence before what it says: "在民生方面，", "产业方面，", "谈及扩大开放，". */
const TOPIC_OPENING = /^(?:(?:在|从|就)?[^，,。；]{1,10}?方面|谈及[^，,。；]{1,10}?|围绕[^，,。；]{1,10}?)[，,]/;

/** First characters of the words of paragraphIntent. */
const INTENT_FIRST = new CharClass('我要将必务力确报数统下接今');

/** The time ahead opening a sentence: 下一步， 接下来， 下阶段， 今后， (not 今后五年, a span of its own). */
const AHEAD_OPENING = /^(下一步|接下来|下一阶段|下阶段|今后一个时期|今后)[，,]/;

/**
 * Spans of names and slogans in a sentence: short quotations (“十四五”, “1+10”) and book titles
 * (《…》). Numbers inside them are not figures. One pass over the sentence.
 */
function nameSpans(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  for (let i = sentence.start; i < sentence.end; i++) {
    // The closing mark and the longest name: “” 16, 《》 60, 「」 16, ‘’ 16 (by char code).
    const c = text.charCodeAt(i);
    let close: number;
    let max: number;
    if (c === 0x201c) (close = 0x201d), (max = 16);
    else if (c === 0x300a) (close = 0x300b), (max = 60);
    else if (c === 0x300c) (close = 0x300d), (max = 16);
    else if (c === 0x2018) (close = 0x2019), (max = 16);
    else continue;
    const limit = Math.min(sentence.end, i + 1 + max + 1);
    for (let k = i + 1; k < limit; k++) {
      if (text.charCodeAt(k) === close) {
        // (Not a task quoted whole, “新增省级专精特新中小企业600家”: a verb, a name and an amount.)
        if (!quotedTask(text.slice(i + 1, k))) out.push({ start: i, end: k + 1 });
        break;
      }
    }
  }
  return out;
}

/** A quoted task: it opens with a verb of action and ends with an amount in digits, "新增……600家". */
const QUOTED_TASK = new RegExp(`^(?:${VERBS.filter((v) => v.length >= 2).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\p{Script=Han}{2,}[0-9０-９][0-9０-９.．]*[万亿]?\\p{Script=Han}{1,2}$`, 'u');
/** QUOTED_TASK, and not a version or a rank: “打造营商环境3.0版”, “建设智慧城市2.0版”. */
function quotedTask(s: string): boolean {
  return QUOTED_TASK.test(s) && !/[版代期号级届轮批星]$/.test(s);
}

/** Where a project's terms occur in a sentence: numbers inside them are names, not figures. */
function termSpans(text: string, sentence: Span, terms: readonly string[]): Span[] {
  const out: Span[] = [];
  const slice = text.slice(sentence.start, sentence.end);
  for (const t of terms) {
    for (let at = slice.indexOf(t); at >= 0; at = slice.indexOf(t, at + t.length)) {
      // (An empty-start span: a number at the term's first character is inside it too.)
      out.push({ start: sentence.start + at - 1, end: sentence.start + at + t.length });
    }
  }
  return out;
}

function prevNonSpace(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\u3000')) k--;
  return text[k] ?? '';
}

interface Raw {
  num: NumberToken;
  end: number;
  value: number;
  max?: number;
  unit?: UnitDef;
  unitText: string;
  factor: number;
  approxSuffix?: string;
  /** "/日", "/年" after the unit. */
  rate?: string;
  /** A ratio X∶Y or a bare decimal: a figure without a unit. */
  ratio?: boolean;
  bare?: boolean;
}

/**
 * A share read aloud, "百分之五点五" (5.5%), "千分之三" (3‰): the unit before the number. The
 * token spans the whole, so the figure's text is what was written.
 */
function spokenShare(text: string, i: number, end: number): Raw | undefined {
  const per = text.startsWith('百分之', i) ? '%' : text.startsWith('千分之', i) ? '‰' : undefined;
  if (!per) return undefined;
  const at = i + 3;
  const n = isDigit(text[at]) ? readArabic(text, at, end) : readChinese(text, at, end);
  const unit = matchUnit(per, 0);
  if (!n || !unit || n.max !== undefined) return undefined;
  return { num: { ...n, start: i, raw: text.slice(i, n.end) }, end: n.end, value: n.value, unit, unitText: per, factor: 1 };
}

/** Reads number [multiplier] [余/多] unit, or a range of them, at `i`. */
function readQuantity(text: string, i: number, end: number): Raw | undefined {
  let num = isDigit(text[i]) ? readArabic(text, i, end) : readChinese(text, i, end);
  if (!num) return undefined;
  // A unit that opens with a numeral's character, 一千万千瓦, 五百千米: the numeral ends before it.
  if (num.chinese && num.raw.length > 1 && !matchUnit(text, num.end)) {
    const head = readChinese(text, i, num.end - 1);
    if (head && head.end === num.end - 1 && /[千百十]/.test(text[head.end]) && matchUnit(text, head.end)) num = head;
  }
  // 五百亿元, 三千二百万人次: a Chinese numeral ending in 万/亿 before a unit is a number and a
  // multiplier (500 亿元), as an Arabic one would be (500亿元).
  if (num.chinese && num.raw.length > 1 && /[万亿]$/.test(num.raw)) {
    const cut = num.raw.endsWith('万亿') ? 2 : 1;
    const head = readChinese(text, i, num.end - cut);
    if (head && head.end === num.end - cut && matchUnit(text, head.end) && /^[万亿]/.test(text[head.end])) {
      const m = matchUnit(text, head.end);
      if (m && m.unit.length > cut) num = head;
      else if (!m) num = head;
    }
  }
  let j = num.end;
  // PDF extraction puts spaces around numbers: "46.2 万人".
  let k = j;
  while (k < end && k - j < 2 && text[k] === ' ') k++;
  let factor = 1;
  let mult = '';
  let unit = matchUnit(text, k);
  // (成 counts tenths, 三成, 5成以上: more than ten of them is no share, "【2025 成绩单】".)
  if (unit?.unit === '成' && !mult && num.value > 10) unit = undefined;
  if (!unit) {
    for (const [m, f] of MULTIPLIERS) {
      if (!text.startsWith(m, k)) continue;
      if (num.chinese && m !== '万' && m !== '亿' && m !== '万亿') continue;
      const after = matchUnit(text, k + m.length);
      if (num.chinese && !after) continue;
      mult = m;
      factor = f;
      unit = after;
      break;
    }
  }
  let approxSuffix: string | undefined;
  let unitStart = k + mult.length;
  if (!unit && (text[unitStart] === '余' || text[unitStart] === '多')) {
    const u = matchUnit(text, unitStart + 1);
    if (u) {
      approxSuffix = text[unitStart];
      unitStart++;
      unit = u;
    }
  }
  if (!unit && !mult) {
    // A ratio, 1.55∶1, or a bare decimal such as a coefficient or index (收入比缩小到2.41).
    const ratio = num.chinese ? null : /^[∶:]([0-9]+(?:\.[0-9]+)?)/.exec(text.slice(num.end, num.end + 8));
    // (Not a time of day written with a colon, "2026年1月20日 11:30": the ratio sign is ∶.)
    if (ratio && ratio[0][0] === ':' && /^[0-9]{1,2}$/.test(num.raw) && num.value <= 24 && /^[0-5][0-9]$/.test(ratio[1])) return undefined;
    if (!num.chinese && ratio && !isDigit(text[num.end + ratio[0].length])) {
      return { num, end: num.end + ratio[0].length, value: num.value, unitText: `∶${ratio[1]}`, factor: 1, ratio: true };
    }
    if (!num.chinese && /[.．]/.test(num.raw) && !/^[.．%％]/.test(text[num.end] ?? '')) {
      return { num, end: num.end, value: num.value, unitText: '', factor: 1, bare: true };
    }
    return undefined;
  }
  j = unit ? unitStart + unit.unit.length : k + mult.length;
  // "300条余": 余 after the classifier, as in 300余条 (more than 300).
  if (unit && !approxSuffix && text[j] === '余' && !/[\p{Script=Han}]/u.test(text[j + 1] ?? '') ) {
    approxSuffix = '余';
    j++;
  }
  // Rates: 15万吨/日, 50万吨/年.
  let rate = '';
  const per = /^\/(日|天|年|月|小时|时)/.exec(text.slice(j, j + 4));
  if (unit && per) {
    rate = per[0];
    j += rate.length;
  }
  const raw: Raw = {
    num,
    end: j,
    value: num.value,
    max: num.max,
    unit,
    unitText: mult + (unit?.unit ?? '') + rate,
    factor: factor * (unit?.factor ?? 1),
    approxSuffix,
    rate,
  };
  return raw;
}

/** 翻一番 (doubles: 2倍), 翻两番 (4倍): the numeral between 翻 and 番 counts doublings. */
function doubling(text: string, i: number, end: number): Raw | undefined {
  if (text[i - 1] !== '翻' || text[i + 1] !== '番' || i + 1 >= end) return undefined;
  const n = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 }[text[i] as '一'];
  const unit = n ? matchUnit('倍', 0) : undefined;
  if (!n || !unit) return undefined;
  const value = 2 ** n;
  return { num: { start: i, end: i + 1, value, chinese: true, raw: text[i] }, end: i + 2, value, unit, unitText: '倍', factor: 1 };
}

/**
 * The place 全省 / 全市 / 全区 / 全国 names in a document: 全省 in a document of its own province,
 * named or not (本省); in a city's document that does not name its province, a province nobody
 * can name (compared with nothing); null where the level is not the document's own.
 */
function selfRegion(self: SelfLevel, facts: DocumentFacts): string | null {
  const below = !!(facts.city || facts.county) || facts.level === 'city' || facts.level === 'county';
  const autonomous = facts.autonomous || (!below && facts.level === 'province');
  return self === 'country' ? '全国'
    // (A city's document that quotes 全省 without naming it speaks of its own province too.)
    : self === 'province' ? facts.province ?? OWN_PROVINCE
    // (A county's or district's document that names no county quotes 全市 of the city above it,
    // which the workspace may name: a district paper beside its city's report.)
    : self === 'city' ? facts.city ?? (facts.county || facts.level === 'province' ? null : facts.level === 'county' ? OWN_CITY : facts.region ?? OWN_CITY)
    // 全区 of an autonomous region's own document is the region (a province); else a county's.
    // (全县 is a county's only: in a province's news, a deputy's own county, "今年全县……力争增长8%".)
    : facts.county ?? (autonomous && self === 'district' ? facts.province ?? OWN_PROVINCE : facts.level === 'county' ? OWN_COUNTY
      // (A city of an autonomous region calls the region 全区: "与全区……的预期目标相衔接" in 南宁市's report.)
      : self === 'district' && facts.city && provinceOf(facts.city)?.endsWith('自治区') ? facts.province ?? provinceOf(facts.city)! : null);
}

/** 要 as a word of intent, not inside a word (重要, 需要, 要素). */
const INTENT_YAO = '(?<![主重需必只纲摘概提简想紧显首])要(?![素点件害闻务员])';
/** A sentence that opens with intent, within its first clause: 我们要, 要, 将, 必须, 力争, 确保. */
const INTENT_OPENING = new RegExp(`^(?:[^，,。]{0,12}?)(我们要|我们将|${INTENT_YAO}|将|必须|务必|力争|确保)`);
/** …with at most a short subject before the word: 我们, 全市, or eight characters. */
const INTENT_OPENING_SUBJECT = new RegExp(`^(?:我们|我省|我市|全省|全市|[^，,。]{0,8}?)(?:${INTENT_YAO}|将|必须|务必|力争|确保)`);

/** The words that open a sentence detailing the one before it: 具体来看, 具体而言, 分项看. */
const DETAILS_BEFORE = /^[\s\u3000]*(具体(?:来看|而言|来说|地说|讲)|分项(?:来)?看)[，,：:]/;

/** A sentence whose speaker is the province: 省里明确, 省委要求, 省政府工作报告提出, 自治区确定 (after a topic, "从区内看，"). */
const PROVINCE_SPEAKS = /^[\s\u3000]*(?:同时|此外|另外|从[^，,。]{1,6}看)?[，,]?(?:省里|省上|省委|省政府|省委省政府|省委、省政府|省政府工作报告|省委经济工作会议|自治区(?:党委|政府|人民政府|党委、政府|党委政府|政府工作报告)?)(?:已经|也|还)?(?:明确|提出|要求|强调|部署|确定|下达)/;

/** A county's text that lets its city speak: 市政府工作报告提出, 据市政府工作报告, 市里明确. */
const CITY_SPEAKS = /^[\s\u3000]*(?:同时|此外|另外)?[，,]?(?:(?:据|根据)(?:市政府工作报告|市委经济工作会议)[，,]|(?:市里|市委|市政府|市委市政府|市委、市政府|市政府工作报告|市委经济工作会议)(?:已经|也|还)?(?:明确|提出|要求|强调|部署|确定|下达|显示))/;

/** A sentence that opens with this year and its aims, after another: "。今年要……", "。今年，全市……". */
const TURNS_TO_THIS_YEAR = /[。！？!?][\s\u3000]*今年(?:[，,]|要|将|力争|我们|全市|全省|全县|全区)/;

/** A sentence that ends by naming the province's aims: "……今年全区经济社会发展的主要预期目标。" */
const PROVINCE_AIMS = /(?:全省|全区|全自治区|自治区)[^，,。；;]{0,24}(?:主要)?(?:预期)?目标(?:任务)?(?:是|为|如下)?[。：:]?[\s\u3000]*$/;

/** What makes a time a deadline, before it: 到, 至 (not 截至, a date reached). */
const BY_DEADLINE = /(?<!截)(?:到|至)$/;

/** The end of a five-year plan named as a time: “十五五”末, 十四五期末. */
const PLAN_END = /五[”"]?(?:规划)?(?:的)?(?:期)?末$/;

/** What opens a change, after its subject: 由, 从, 由2020年的. */
const CHANGE_FROM = /(?:由|从)(?:(?:19|20)\d{2}\s*年(?:底|末)?)?的?$/;

/** The years of a streak: 连续十三年 counts years as 个月 counts months. */
const STREAK_YEARS: UnitDef = { unit: '年', base: '年', factor: 1, dimension: 'duration-year' };

/**
 * A streak's length, "连续十三年" / "连续5年": a figure (how long a level has held), in years.
 * Only after 连续: "五年来", "未来五年" are times, not amounts.
 */
function streak(text: string, i: number, end: number): Raw | undefined {
  if (text.charCodeAt(i - 1) !== 0x7eed /* 续 */ || text[i - 2] !== '连') return undefined;
  const n = isDigit(text[i]) ? readArabic(text, i, end) : readChinese(text, i, end);
  if (!n || text[n.end] !== '年' || n.value < 2 || n.value > 100 || !Number.isInteger(n.value)) return undefined;
  return { num: n, end: n.end + 1, value: n.value, unit: STREAK_YEARS, unitText: '年', factor: 1 };
}

/**
 * A level held through a streak, "连续十三年稳定在430亿斤以上", holds for each of its years: the
 * streak and the level are dated from the streak's first year to the year read (2013-2025).
 */
function datedByStreak(text: string, streaks: Figure[], inSentence: Figure[]): void {
  for (const s of streaks) {
    // (The level the streak is of: the figure right after it in the same clause.)
    const next = inSentence.find((f) => f.span.start >= s.span.end);
    const level = next && !/[，,；;。：:]/.test(text.slice(s.span.end, next.span.start)) ? next : undefined;
    s.indicator = `${level?.indicator ?? s.indicator.replace(/连续$/, '')}连续年数`;
    s.statement = `${s.indicator} ${s.text}`;
    s.kind = 'actual';
    s.kindSource = 'sentence';
    const year = (level ?? s).period;
    // (A streak counted back from a year the text names relatively, 上年, spans years the
    // workspace alone can tell: its level is compared with nothing.)
    if (year && /^\D+$/.test(year)) {
      s.period = null;
      if (level) level.period = null;
      continue;
    }
    if (!year || !/^\d{4}$/.test(year)) continue;
    const span = `${Number(year) - s.value + 1}-${year}`;
    s.period = span;
    if (level) level.period = span;
  }
}

function readRange(text: string, first: NumberToken, i: number, end: number): Raw | undefined {
  // "3-5%": the first number has no unit of its own.
  const c = text.charCodeAt(i);
  // (RANGE_SEP opens with a space or a separator: most numbers are followed by neither.)
  if (!isSpaceCode(c) && !RANGE_MARKS.has(c)) return undefined;
  const sep = RANGE_SEP.exec(text.slice(i, i + 3));
  if (!sep) return undefined;
  const j = i + sep[0].length;
  if (!(isDigit(text[j]) || (first.chinese && isChineseNumeral(text[j])))) return undefined;
  return readQuantity(text, j, end);
}

export interface ExtractOptions {
  outline?: OutlineNode[];
  /** A project's extra units and classifiers (`units` in .wengaorc.json). */
  units?: readonly UnitDef[];
  /** Names that contain numbers but are not figures (`terms`). */
  terms?: readonly string[];
  /** The year of a document that does not state one (`year`). */
  year?: number;
  /** The region of a document that does not name its own (`region`). */
  region?: string;
  /** A project's names of indicators (`aliases`: name → other names). */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

/** The alias table in force while one extraction runs (as units.ts's table for units). */
let aliases: AliasTable | undefined;
const ALIAS_TABLES = new Map<string, AliasTable>();

/** Where numbers may start: the digits and Chinese numerals of isDigit and isChineseNumeral. */
const NUMBER_CHARS = new CharClass('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿');

/** `out.facts` receives the document's context (figures/document.ts), read once for the figures. */
export function extractFigures(model: DocumentModel, options: ExtractOptions = {}, out?: { facts?: DocumentFacts }): Figure[] {
  return drain(extractFigureSteps(model, options, out));
}

/**
 * `extractFigures` in steps (steps.ts): it may pause every STEP_ITEMS sentences. The project's
 * aliases and units are in force while a step runs, and only then: another document's extraction
 * may run in a pause, with tables of its own.
 */
export function* extractFigureSteps(model: DocumentModel, options: ExtractOptions = {}, out?: { facts?: DocumentFacts }): Steps<Figure[]> {
  const extra = options.aliases && Object.keys(options.aliases).length ? options.aliases : undefined;
  const key = extra ? JSON.stringify(extra) : '';
  let table = ALIAS_TABLES.get(key);
  if (!table) {
    table = aliasTable(extra);
    if (ALIAS_TABLES.size > 50) ALIAS_TABLES.clear();
    ALIAS_TABLES.set(key, table);
  }
  const units = unitTable(options.units);
  const steps = extract(model, options, out);
  const step = () => {
    const outer = aliases;
    aliases = table;
    try {
      return withUnitTable(units, () => steps.next());
    } finally {
      aliases = outer;
    }
  };
  for (;;) {
    const r = step();
    if (r.done) return r.value;
    yield;
  }
}

function* extract(model: DocumentModel, options: ExtractOptions, out?: { facts?: DocumentFacts }): Steps<Figure[]> {
  const text = model.text;
  const outline = options.outline ?? buildOutline(model);
  const facts = documentFacts(model, { year: options.year, region: options.region });
  if (out) out.facts = facts;
  const terms = (options.terms ?? []).filter((t) => t.length > 0);
  const skip: Span[] = [];
  for (const h of model.headings) if (h.markerSpan) skip.push(h.markerSpan);
  // Paragraphs by index (an array: a Map of 200,000 entries costs a hash probe per sentence).
  const paragraphOf: (typeof model.paragraphs)[number][] = [];
  for (const p of model.paragraphs) paragraphOf[p.index] = p;
  /** Whether the explainer sets its labels above its numbers (read once, when a number stands alone). */
  let labelsAbove: boolean | undefined;
  const figures: Figure[] = [];
  const sections = new Sections(
    facts.bodyStart,
    outline,
    model.text,
    facts.titleReviews !== undefined && facts.year !== undefined ? { year: facts.year, reviewed: facts.titleReviews } : undefined,
  );
  const tables = readTables(model);
  let rowOf: { paragraph: number; cells: CellReading[] } | undefined;
  const headingParagraphs = new Set(model.headings.flatMap((h) => h.paragraphs));
  const ordinalParagraphs = new Set(model.headings.filter((h) => h.form === 'ordinal').flatMap((h) => h.paragraphs));
  let skipIdx = 0;

  // A period set at the head of a paragraph ("“十三五”期间，……") governs the sentences after it.
  let logical = -1;
  let lastParagraph = -1;
  let inherited: Period | undefined;
  // Likewise the intent: "我们要……" or "今年以来" at the head of a paragraph.
  let inheritedKind: Intent | undefined;
  // And, in a city's or county's document, the province it quotes (省政府工作报告提出，全省……).
  let inheritedRegion: string | undefined;
  const quotesProvince = facts.level === 'city' || facts.level === 'county' || !!facts.city || !!facts.county;
  // What a paragraph of running text opens with, for the paragraphs after it.
  let carried: Period | undefined;
  let carriedKind: Intent | undefined;
  /** The time, a span too, that opens a paragraph whose items follow it opened by dashes (——). */
  let introduced: Period | undefined;
  let firstSentence = false;
  /** Where the paragraph turns to this year (TURNS_TO_THIS_YEAR), or -1. */
  let turnAt = -1;
  let inheritedPart: string | undefined;
  // Whether `inherited` came from inside an item of a run-in list (一是……): the next item drops it.
  let inheritedFromItem = false;
  /**
   * The time a paragraph opens with under a heading that names two, "一、2025年和“十四五”时期工作
   * 回顾": "五年来，我们主要做了以下工作：" dates the paragraphs after it (and the items under it)
   * as the heading alone cannot, up to one that opens with a time of its own or the heading's end.
   */
  let reviewCarry: { period: Period; node: OutlineNode } | undefined;
  // Whether `inherited` is the time of a paragraph before this one, none of this one's own.
  let inheritedFromBefore = false;
  // A place that opened a clause, carried over its ； to the clauses after it (see below).
  let semicolonPlace: string | undefined;
  // The figures of the paragraph's earlier sentences (see shortRepeats).
  let paragraphFigures: Figure[] = [];
  // The budget of a government's own level the paragraph speaks of (BUDGET_SCOPE), as 省级.
  let budgetLevel: string | undefined;
  // Whether the paragraph lists products' output, "主要工业产品产量中，原煤……；新能源汽车8.62万辆": each named product's figure is its 产量.
  let outputList = false;
  // Whether inheritedRegion was quoted by an item of a run-in list, and in which paragraph.
  let regionFromItem = false;
  let regionItemParagraph = -1;
  let read = 0;
  for (const s of withPhraseCells(model.sentences, tables, paragraphOf)) {
    if (++read % STEP_ITEMS === 0) yield;
    const para = paragraphOf[s.paragraph];
    if (!para || para.verbatim || para.tocEntry) continue;
    if (s.paragraph !== lastParagraph && !paragraphOf[s.paragraph - 1]?.continues) {
      logical = s.paragraph;
      capacitiesApart(paragraphFigures, aliases);
      paragraphFigures = [];
      budgetLevel = undefined;
      outputList = false;
      // (Where the paragraph turns to this year, "……新增206家，总数突破3100家。今年要……".)
      // (In the text as it stands: a paragraph's own text may have its hard-wrapped lines joined.)
      const turn = TURNS_TO_THIS_YEAR.exec(text.slice(para.start, para.end));
      turnAt = turn ? para.start + turn.index + 1 : -1;
      // In running text with no numbered headings (a press brief, a 纪要), a paragraph that
      // names no time of its own goes on with the one before: "报告显示，去年……" then
      // "规上工业增加值增长9.2%……". Under numbered headings the heading tells instead.
      const here = nodePath(outline, s.start);
      const goesOn = inRunningText(here, headingParagraphs, s.paragraph);
      // (Under an explainer's or a script's labels the time goes on, "【配音】报告指出，过去一年，……"
      // then "【配音】粮食总产量……"; the intent does not: each line says its own.)
      // (Nor do the items a paragraph introduces, each opened by a dash: "五年来，……" then
      // "——城乡面貌焕然一新。……城镇化率提高4.6个百分点" tells of the same five years.)
      const dashItem = para.text.startsWith('——') && introduced !== undefined && !headingParagraphs.has(s.paragraph);
      if (!para.text.startsWith('——')) introduced = undefined;
      // (Nor under numbered headings, where the paragraph opens by naming back what the one before set:
      // "今年是“十五五”开局之年……" then "围绕上述目标，重点抓好以下量化任务：……".)
      const timeGoesOn = goesOn || NAMES_BACK.test(para.text.slice(0, 16)) || inRunningText(here, headingParagraphs, s.paragraph, true, ordinalParagraphs);
      // (Only the time a paragraph opens with carries on, "去年，……", not one met later in it.)
      inherited = dashItem ? introduced : timeGoesOn ? carried : undefined;
      if (reviewCarry && !here.includes(reviewCarry.node)) reviewCarry = undefined;
      inherited ??= reviewCarry?.period;
      inheritedFromBefore = inherited !== undefined;
      inheritedKind = goesOn ? carriedKind : undefined;
      if (!timeGoesOn) carried = undefined;
      if (!goesOn) carriedKind = undefined;
      firstSentence = true;
      inheritedPart = undefined;
      semicolonPlace = undefined;
      // (同时提出, 此外, 报告还: a paragraph that says it goes on with the one before.)
      if (!goesOn && !CONTINUES.test(text.slice(s.start, s.start + 6))) inheritedRegion = undefined;
    }
    lastParagraph = s.paragraph;
    void logical;
    const table = (s as CellSentence).cell ? undefined : tables.get(s.paragraph);
    if (table) {
      // A table's row: its cells are read by row and column (table.ts), not as a sentence.
      // (The row read once; the cells of this sentence of it: a figure stays inside its sentence.)
      if (rowOf?.paragraph !== s.paragraph) rowOf = { paragraph: s.paragraph, cells: rowCells(para, table) };
      let rowReading: SentenceReading | undefined;
      for (const cell of rowOf.cells) {
        if (cell.cell.start < s.start || cell.cell.start >= s.end) continue;
        rowReading ??= new SentenceReading(text.slice(s.start, s.end));
        const fig = tableFigure(text, s, rowReading, cell, facts, outline, sections, inheritedRegion);
        if (fig) figures.push(fig);
      }
      continue;
    }
    const sentenceText = text.slice(s.start, s.end);
    const scope = BUDGET_SCOPE.exec(sentenceText);
    if (scope) budgetLevel = scope[1].endsWith('级') ? scope[1] : undefined;
    // (The list ends with its sentence's 。: "……工业机器人1.23万套。全年规模以上工业企业实现营业收入……".)
    if (outputList && /。[\s\u3000]*$/.test(text.slice(Math.max(0, s.start - 3), s.start))) outputList = false;
    if (OUTPUT_LIST.test(sentenceText)) outputList = true;
    // (The place carried over a ； names a clause that goes straight to its figures, "；外贸进出口总额
    // 2.58万亿元", not one that turns to another topic first: "；城乡融合扎实推进，城镇居民……".)
    const semicolonHere = semicolonPlace && /^[^，,；;。]{0,16}?[0-9０-９]/.test(sentenceText) ? semicolonPlace : undefined;
    // (The province an item of a run-in list quotes, "二是全省确定今年生产总值预期增长5.5%左右", is
    // that item's: the next item, and the paragraphs after the list, speak of their own place.)
    if (regionFromItem && (ITEM_OPENS.test(sentenceText) || s.paragraph !== regionItemParagraph)) {
      inheritedRegion = undefined;
      regionFromItem = false;
    }
    // (Nor past a sentence that opens with the document's own place, named by its stem as people
    // name it: "十堰作为汽车产业重镇，……全年新能源汽车产量力争达到12万辆".)
    if (inheritedRegion && facts.city && facts.city.length >= 3 && ownStemOpens(sentenceText, facts.city)) inheritedRegion = undefined;
    // (Or a county's own stem, "渝北今年将力争……", in a county's text that let its city speak.)
    if (inheritedRegion && facts.level === 'county' && facts.county && facts.county.length >= 3 && ownStemOpens(sentenceText, facts.county)) inheritedRegion = undefined;
    // (A sentence that opens with the report's review, "报告显示，……", dates its own figures too.)
    if (inheritedFromItem && ITEM_OPENS.test(sentenceText)) {
      inherited = undefined;
      inheritedFromItem = false;
    }
    // (A sentence that details the one before, "具体来看，规上工业增加值增长7.5%", aims as it did.)
    // (The figure before may end the paragraph before: a transcript puts each sentence on a line.)
    const last = figures[figures.length - 1];
    const details = !last || last.span.start < (paragraphOf[s.paragraph - 1]?.start ?? 0) ? null : DETAILS_BEFORE.exec(sentenceText);
    const detailed: Intent | undefined = details && last.kind === 'target' ? { kind: 'target', cue: details[1] } : undefined;
    const own = paragraphIntent(sentenceText) ?? detailed;
    // (A city's document that lets its province speak, "省里明确，粮食产量要稳定在710亿斤以上",
    // states the province's figures, until another place is named.)
    if (quotesProvince && PROVINCE_SPEAKS.test(sentenceText)) inheritedRegion = facts.province ?? OWN_PROVINCE;
    // (So does a county's that lets its city speak: "据市政府工作报告，去年全市……；常住人口城镇化率达到72.5%".)
    else if (facts.level === 'county' && facts.city && CITY_SPEAKS.test(sentenceText)) inheritedRegion = facts.city;
    // (Nor an aim carried from before into a sentence that opens with a year gone, "先说去年。2025年，
    // 全市地区生产总值达到2268.5亿元": results of that year, whatever the speaker aimed at before.)
    const pastOpening = !own && !detailed && inheritedKind?.kind === 'target' && opensWithPastYear(sentenceText, pieceYearOf(nodePath(outline, s.start), sections) ?? facts.year);
    // (A sentence that says what the report proposes, "报告提出，“十五五”时期……", ends a review carried
    // from the paragraph before, "报告回顾了……": its figures are aims.)
    const intentHere = own?.past || (own?.kind === 'target' && inheritedKind?.past) ? own : detailed ?? (pastOpening ? undefined : inheritedKind);
    // (The report's aims, "报告提出今年主要预期目标：……", end the review a paragraph opened with
    // "过去一年，……": the paragraphs after them go on with the aims, not with that year.)
    // (Nor does a past year carried from the paragraph before date a sentence that sets aims of
    // its own words, "去年全市新增……" then "外贸进出口总额力争达到14500亿元，货物吞吐量目标为14.3亿吨":
    // aims are for the year ahead.)
    // (Not a plan set against its outcome, "原计划完成投资2200亿元，实际完成2315亿元": a review.)
    // (So does a run of rates with their bounds, "规上工业增加值增长8%以上、固定资产投资增长7%左右": aims.)
    if (inheritedFromBefore && inherited && (AIM_WORDS.test(sentenceText) || BOUNDED_RATES.test(sentenceText)) && !PLAN_AGAINST_OUTCOME.test(sentenceText)) {
      const ref = pieceYearOf(nodePath(outline, s.start), sections) ?? facts.year;
      if (yearOffset(inherited, ref) < 0) inherited = undefined;
    }
    if (own?.kind === 'target') {
      const ref = pieceYearOf(nodePath(outline, s.start), sections) ?? facts.year;
      if (carried && yearOffset(carried, ref) < 0) carried = undefined;
      // (So does a sentence that turns to them: "去年，……达到1560万千瓦。报告提出，新增……" does
      // not date the aims by the year before.)
      if (inherited && yearOffset(inherited, ref) < 0) inherited = undefined;
    }
    const inSentence: Figure[] = [];
    let streaks: Figure[] | undefined;
    let names: Span[] | undefined;
    let namesOf: (() => Span[]) | undefined;
    let reading: SentenceReading | undefined;
    for (let i = NUMBER_CHARS.next(text, s.start, s.end); i < s.end; i = NUMBER_CHARS.next(text, i + 1, s.end)) {
      const code = text.charCodeAt(i);
      const digit = isDigitCode(code);
      if (!digit && !isChineseNumeralCode(code)) continue;
      // A number starts here only if it is not the tail of a longer one.
      const prev = text.charCodeAt(i - 1);
      if (isDigitCode(prev) || (!digit && isChineseNumeralCode(prev))) continue;
      const c = text[i];
      while (skipIdx < skip.length && skip[skipIdx].end <= i) skipIdx++;
      if (skipIdx < skip.length && skip[skipIdx].start <= i && i < skip[skipIdx].end) continue;
      const q = streak(text, i, s.end) ?? spokenShare(text, i, s.end) ?? readQuantity(text, i, s.end) ?? doubling(text, i, s.end);
      if (!q) {
        // "3-5%", "3至5个", "三至五个": the unit comes after the second number.
        const n = isDigit(c) ? readArabic(text, i, s.end) : readChinese(text, i, s.end);
        if (n && !isYear(text, n)) {
          const r = readRange(text, n, n.end, s.end);
          if (r && r.unit) {
            reading ??= new SentenceReading(sentenceText);
            const fig = build(text, s, reading, { ...r, num: n, value: n.value, max: r.value }, inSentence, facts, outline, sections, i, inherited, intentHere, inheritedRegion ?? semicolonHere, inheritedPart);
            if (fig) {
              fig.comparator = 'range';
              figures.push(fig);
              inSentence.push(fig);
            }
            i = r.end - 1;
          } else if (n) i = n.end - 1;
        }
        continue;
      }
      namesOf ??= () => (names ??= terms.length ? [...nameSpans(text, s), ...termSpans(text, s, terms)] : nameSpans(text, s));
      if (rejected(text, namesOf, q)) {
        i = Math.max(i, q.num.end - 1);
        continue;
      }
      let raw = q;
      const r = readRange(text, q.num, q.end, s.end);
      if (r && r.unit && (!q.unit || r.unit.dimension === q.unit.dimension)) raw = { ...q, end: r.end, max: r.value * (r.factor / q.factor) };
      reading ??= new SentenceReading(sentenceText);
      const fig = build(text, s, reading, raw, inSentence, facts, outline, sections, i, inherited, intentHere, inheritedRegion ?? semicolonHere, inheritedPart);
      // The base a result is set against, "增长5.6%，高于全省5.3%的增速", "达到3.55%，高于全省3.35%的
      // 平均水平": the named whole's own figure of the same measure, not this place's.
      const prevFig = inSentence[inSentence.length - 1];
      const base = fig && prevFig ? COMPARED_WHOLE.exec(text.slice(Math.max(prevFig.span.end, raw.num.start - 12), raw.num.start)) : null;
      if (fig && prevFig && base) {
        fig.indicator = prevFig.indicator;
        fig.verb = prevFig.verb;
        fig.measure = prevFig.measure;
        fig.indicatorFrom = 'chained';
        fig.region = /^全[省国市区]$/.test(base[1]) ? selfRegion(selfLevelOf(base[1]), facts) : namedPlace(base[1]) ?? null;
        fig.statement = `${fig.indicator} ${fig.text}`;
      }
      // A whole's amount given in brackets after its named measure, "占全市进出口总额（6103.7亿元）的
      // 12.0%": that whole's figure of that measure, not this place's.
      // (Or named before it as the clause's subject: "外贸进出口总额452.6亿元，……，占全区（7863.2亿元）的5.8%".)
      // (Or right after the whole, its share after it: "实际使用外资9.2亿美元，占全市78.6亿美元的11.7%";
      // one sum may be in another currency than the other, the slip a reviewer wants shown.)
      const bracketed = !fig || base ? null : WHOLE_IN_BRACKETS.exec(text.slice(Math.max(s.start, raw.num.start - 24), raw.num.start)) ??
        (text[fig.span.end] === '的' ? WHOLE_BEFORE_AMOUNT.exec(text.slice(Math.max(s.start, raw.num.start - 4), raw.num.start)) : null);
      const sameKind = (p: Figure) => p.normalized.unit === fig!.normalized.unit || (MONEY.test(p.normalized.unit) && MONEY.test(fig!.normalized.unit));
      const subjectOfWhole = bracketed && !bracketed[2] ? lastOf(inSentence, (p) => sameKind(p) && p.indicatorFrom === 'clause') : undefined;
      if (fig && bracketed && (bracketed[2] ? !/水平$|比重|比例|份额/.test(bracketed[2]) : subjectOfWhole)) {
        // (The subject's measure without the subject's own name: "高新区实际使用外资9.2亿美元，占全市
        // 78.6亿美元的" gives the city's 实际使用外资.)
        const own = subjectOfWhole?.region && subjectOfWhole.indicator?.startsWith(subjectOfWhole.region) && subjectOfWhole.indicator.length > subjectOfWhole.region.length + 1 ? subjectOfWhole.region.length : 0;
        fig.indicator = bracketed[2] ?? subjectOfWhole!.indicator!.slice(own);
        fig.verb = bracketed[2] ? undefined : subjectOfWhole!.verb;
        fig.measure = bracketed[2] ? measureOf(bracketed[2], undefined, aliases) : own ? measureOf(fig.indicator, fig.verb, aliases) : subjectOfWhole!.measure;
        // (Chained: the share after it is the clause subject's, not the whole's.)
        fig.indicatorFrom = 'chained';
        fig.region = selfRegion(selfLevelOf(bracketed[1]), facts);
        fig.regionSource = 'sentence';
        fig.statement = `${bracketed[1]}${fig.indicator} ${fig.text}`;
      }
      // The share after a whole's amount given inline, "占全市78.6亿美元的11.7%": the subject's
      // share of that whole, as "占全市（78.6亿美元）的11.7%" is.
      if (fig && prevFig && prevFig.indicatorFrom === 'chained' && fig.normalized.unit === '%' && text.slice(prevFig.span.end, raw.num.start) === '的') {
        const whole = WHOLE_BEFORE_AMOUNT.exec(text.slice(Math.max(s.start, prevFig.span.start - 4), prevFig.span.start));
        if (whole && prevFig.indicator) {
          fig.indicator = `${prevFig.indicator}占${whole[1]}`;
          fig.verb = undefined;
          fig.measure = measureOf(fig.indicator, undefined, aliases);
          fig.indicatorFrom = 'chained';
          fig.statement = `${fig.indicator} ${fig.text}`;
        }
      }
      // An explainer's big number on a line of its own, its label on the next: "246.8万辆" /
      // "汽车产量"; or on the line before, when the next says more of it ("地区生产总值" /
      // "5436.8亿元" / "增长5.8%") and the line before is no label of the figure before it.
      if (fig && (!fig.indicator || fig.indicatorFrom !== 'clause') && FIGURE_LINE.test(para.text.trim())) {
        const twoUp = paragraphOf[para.index - 2]?.text.trim();
        const above = labelLine(paragraphOf[para.index - 1]?.text, true);
        // (Where the explainer plainly sets its labels above its numbers, a label line under a
        // number is the next one's: "GDP增长" / "6%左右" / "规上工业增加值增长" / "7.5%以上".)
        labelsAbove ??= labelsSetAbove(paragraphOf);
        const label = (labelsAbove && above) || (labelLine(paragraphOf[para.index + 1]?.text) ??
          (twoUp === undefined || !FIGURE_LINE.test(twoUp) ? above : undefined));
        if (label) {
          // (A label may end on the words that bound its number: "新能源装机突破" / "1600万千瓦".)
          const bound = fig.comparator === 'eq' ? LABEL_BOUND.exec(label) : null;
          const name = bound && label.length - bound[0].length >= 2 ? label.slice(0, -bound[0].length) : label;
          if (name !== label) {
            fig.comparator = /^(?:突破|超过|超)$/.test(bound![0]) ? 'gt' : 'ge';
            if (/^达到?$/.test(bound![0])) fig.verb = '达到';
          }
          fig.indicator = name;
          fig.measure = measureOf(name, fig.verb, aliases);
          fig.indicatorFrom = 'clause';
          fig.statement = `${label} ${fig.text}`;
        }
      }
      // Figures side by side on a line, their labels side by side on the line below (or above,
      // where the explainer sets them there): "2.1亿人次 · 2850亿元" / "接待游客｜旅游总花费".
      if (fig && (!fig.indicator || fig.indicatorFrom !== 'clause')) {
        const label = sideBySideLabel(para, fig.span.start, paragraphOf, () => (labelsAbove ??= labelsSetAbove(paragraphOf)));
        if (label) {
          fig.indicator = label;
          fig.measure = measureOf(label, fig.verb, aliases);
          fig.indicatorFrom = 'clause';
          fig.statement = `${label} ${fig.text}`;
        }
      }
      // A change on a line of its own under its label: "规上工业增加值" / "增长7.8%".
      if (fig && !fig.indicator && CHANGE_LINE.test(para.text.trim()) && text.slice(para.start, fig.span.start).trim().length <= 6) {
        const label = labelLine(paragraphOf[para.index - 1]?.text, true);
        if (label) {
          fig.indicator = label;
          fig.measure = measureOf(label, fig.verb, aliases);
          fig.indicatorFrom = 'clause';
          fig.statement = `${label} ${fig.verb ?? ''}${fig.text}`;
        }
      }
      if (fig) {
        if (raw.max !== undefined && fig.comparator === 'eq') fig.comparator = 'range';
        // (A paragraph of a government's own budget, "省级一般公共预算收入724.6亿元……。加上……，收入
        // 总计5236.4亿元": every figure of it is that level's, not the whole province's.)
        // (Its money only: the projects its 州级 funds, 新增城镇就业3.5万人, are the prefecture's.)
        if (budgetLevel && fig.indicator && !fig.indicator.includes(budgetLevel) && (fig.dimension === 'money' || fig.unit === '%' && /收入|支出/.test(fig.indicator))) {
          fig.indicator = budgetLevel + fig.indicator;
          fig.measure = measureOf(fig.indicator, fig.verb, aliases);
        }
        // (A product named in a list of output is its output: 新能源汽车8.62万辆 is 新能源汽车产量.)
        if (outputList && fig.indicatorFrom === 'clause' && fig.dimension !== 'money' && fig.indicator.length >= 2 && !/[量值额率数比重]$/.test(fig.indicator) && !/^(?:%|％|‰|个百分点|倍)$/.test(fig.unit)) {
          fig.indicator += '产量';
          fig.measure = measureOf(fig.indicator, fig.verb, aliases);
        }
        figures.push(fig);
        // (A streak's length is no subject for the figures after it: 连续十三年稳定在430亿斤
        // reads its level's indicator back past it.)
        if (raw.unit === STREAK_YEARS) (streaks ??= []).push(fig);
        else inSentence.push(fig);
      }
      i = raw.end - 1;
    }
    inheritedKind = own ?? inheritedKind;
    distributeRespectively(inSentence, text, facts);
    budgetBases(inSentence);
    fromTo(text, inSentence);
    baseValues(text, s.start, inSentence, facts);
    targetsMeasured(text, s.start, inSentence);
    siblingHeads(text, inSentence, paragraphFigures);
    partsOfMeasure(text, inSentence, aliases);
    if (streaks) datedByStreak(text, streaks, inSentence);
    shortRepeats(text, inSentence, paragraphFigures);
    perDayOfTotal(text, inSentence, aliases);
    deedsApart(inSentence, aliases);
    facilitiesOfCapacities(text, inSentence);
    areaParts(text, inSentence);
    datedByEra(text, s.start, inSentence);
    outputOfSown(inSentence, aliases);
    reachedBy(text, s.start, inSentence, aliases);
    countyGoesOn(text, inSentence, facts);
    // (What a paragraph says before it turns to this year, dated by nothing of its own, is the
    // year before's: "规上工业企业新增206家，总数突破3100家。今年要新开工……" answers with results
    // first. Only where no heading or sentence dates it: the document's year was a guess.)
    if (turnAt >= 0 && s.end <= turnAt && inSentence.length) {
      const here = nodePath(outline, s.start);
      const ref = pieceYearOf(here, sections) ?? facts.year;
      // (The document's title dates nothing more than the document does.)
      const byDocument = (f: Figure) => f.periodSource === 'document' || (f.periodSource === 'heading' && here.every((n) => n.heading.form === 'title'));
      for (const f of inSentence) {
        if (!byDocument(f) || f.kindSource === 'sentence' || f.part || f.kind === 'unknown') continue;
        const p = ref !== undefined ? { value: String(ref - 1) } : relativePeriod(-1, '');
        f.period = p.value;
        f.periodSource = 'paragraph';
        f.kind = 'actual';
        f.kindSource = 'paragraph';
        f.kindCue = undefined;
      }
    }
    for (const f of inSentence) paragraphFigures.push(f);
    if (quotesProvince && inSentence.length) {
      // (Only a province the sentence opens with, before its first figure, carries on:
      // "省政府工作报告提出，全省……", not "……增长8.3%，全省为5.2%".)
      const f = inSentence[0];
      // (Or, in a county's text, its city's: "据市政府工作报告，去年全市……；常住人口城镇化率……".)
      const provincial = (r: string | null) => !!r && (r === facts.province || r === OWN_PROVINCE || r.endsWith('省') || r.endsWith('自治区') || (facts.level === 'county' && r === facts.city));
      // (Nor the province's aim a clause names, "按照省定城镇新增就业60万人左右……": 省定 qualifies
      // its own names.)
      // (Nor the target a sentence aligns with, "对标全省……的目标，": the sentences after it are the place's own.)
      // (Nor the whole's aim a sentence works toward, "围绕全市今年城镇新增就业31.6万人的目标，全区……".)
      if (f.regionSource === 'sentence' && f.region && !/省定|(?:对标|对照|按照|落实|围绕|紧扣|锚定)(?:全省|省里|全市|市里)/.test(text.slice(s.start, f.span.start))) {
        inheritedRegion = provincial(f.region) ? f.region : undefined;
        regionFromItem = inheritedRegion !== undefined && ITEM_OPENS.test(sentenceText);
        regionItemParagraph = s.paragraph;
      }
      // (Nor when the sentence turns back to the document's own place: "全省……增长5.3%，我市……",
      // even with no figure after it: "去年全省经济增长5.5%，我市增速连续多年高于全省平均水平".)
      // (Or whose last figure is the place's own again: "在全市……6万套（间）的任务中，浦东承担1.6万套（间）。")
      if (inheritedRegion && (inSentence.some((g) => g.regionSource === 'sentence' && !provincial(g.region)) || !provincial(inSentence[inSentence.length - 1].region) || OWN_PLACE_AGAIN.test(text.slice(f.span.end, s.end)))) inheritedRegion = undefined;
    }
    // A place that opens a clause carries over its ；: "浦东新区生产总值达到18965.3亿元……；外贸进出口
    // 总额2.58万亿元" is still 浦东新区's (a clause that names its own place says so). Not past a 。.
    const semicolonEnds = /；[\s\u3000]*$/.test(sentenceText);
    if (semicolonPlace && (!semicolonEnds || inSentence.some((g) => g.regionSource === 'sentence'))) semicolonPlace = undefined;
    if (!semicolonPlace && semicolonEnds) {
      const f = inSentence[0];
      // (A place the gazetteer knows, that the clause opens with: not a verb's stem before 市,
      // "实施市重大项目", nor a name inside words, "新增城区公办学位".)
      // (After a short frame of time or source only: "去年，兰州新区地区生产总值增长9.6%……；".)
      if (f?.regionSource === 'sentence' && f.region && isKnownPlace(f.region) && reading?.places.some((p) => p.name === f.region && OPENS_CLAUSE.test(sentenceText.slice(0, p.at)))) semicolonPlace = f.region;
    }
    // (A sentence with no figure that says whose aims follow, "……明确了今年全区经济社会发展的主要
    // 预期目标。", gives them their place: the province's, in a city's document.)
    if (quotesProvince && !inSentence.length && PROVINCE_AIMS.test(sentenceText)) {
      const named = /全省|自治区/.test(sentenceText) || (/全区/.test(sentenceText) && !!facts.province?.endsWith('自治区'));
      if (named) {
        // (For its own paragraph: the next speaks of its own place.)
        inheritedRegion = facts.province ?? OWN_PROVINCE;
        regionFromItem = true;
        regionItemParagraph = s.paragraph;
      }
    }
    const cues = reading ? reading.cues : periodCues(sentenceText);
    // (A date line alone, "2026年3月18日" under a bulletin's title, dates the document, not the
    // paragraphs after it.)
    if (cues.length && !DATE_LINE.test(sentenceText)) {
      const ref = pieceYearOf(nodePath(outline, s.start), sections) ?? facts.year;
      // (由2024年的…增至…: the starting year does not govern what follows.)
      let last = cues.length - 1;
      // (Nor does a plan's name, "“十四五”规划主要目标任务圆满完成", date the sentences after it.)
      // (Nor a local time, "……总数去年底已达216个", "截至去年底已建成9个", where the paragraph or the
      // sentence already has its time: the sentences after go on with that.)
      while (last >= 0 && (cues[last].fromBase || cues[last].until !== undefined || cues[last].planName || (cues[last].local && (last > 0 || inherited !== undefined)))) last--;
      // (A time inside an item of a run-in list dates the rest of that item, not the items after
      // it: "一是过去一年成绩来之不易。全市经济总量……" but not "……去年这一数字是1020个；二是……".)
      inheritedFromItem = last >= 0 && itemMarkWithin(sentenceText, 0, cues[last].at);
      inherited = (last >= 0 ? cues[last].period(ref) : undefined) ?? inherited;
      if (last >= 0) inheritedFromBefore = false;
      // (A single year that opens the paragraph as its time: "去年，……", "2025年，全市……"; not
      // a span, "从2016年开始", or "踏上“十四五”新征程".)
      const head = cues[0];
      // (Any sentence of the paragraph that opens with its year: "市长回顾了过去一年的工作。去年，全市……".)
      // (In an explainer's "33981.6亿元——去年全市地区生产总值" the label opens after the dash.)
      const labelAt = FIGURE_LABEL_OPENING.exec(sentenceText)?.[0].length ?? 0;
      // (After a script's label and the words that cite the report: "【记者 画外音】报告显示，过去一年，".)
      // (Or a news lead's, the report named first: "本报讯……20日，……预算报告显示，去年全省……".)
      const opening = OPENING_CITE.exec(sentenceText)?.[0].length ?? LEAD_CITE.exec(sentenceText.slice(0, 120))?.[0].length ?? 0;
      const p = head.at - opening < 10 || (labelAt > 0 && head.at <= labelAt + 1) ? head.period(ref) : undefined;
      if (firstSentence && !para.text.startsWith('——') && p && head.at <= 1 && /^[，,]/.test(sentenceText.slice(head.end, head.end + 1))) introduced = p;
      // (A lead-in that states no figure of its own: one that does, "五年来，全市地区生产总值由……",
      // dates itself, and the items after it are the heading's.)
      if (firstSentence && p && head.at <= 1) {
        const dual = twoTimeHeading(nodePath(outline, s.start), sections, ref);
        const leadIn = !/[0-9０-９]/.test(para.text.replace(/(?:19|20)\d{2}\s*年/g, ''));
        reviewCarry = dual && leadIn && dual.periods.includes(p.value) ? { period: p, node: dual.node } : undefined;
      }
      if (p && p.start === p.end || p && RELATIVE_PERIODS[p.value] !== undefined) {
        // (Not a starting point: 从2009年建厂至今.)
        const start = /[从自由]$/.test(sentenceText.slice(0, head.at));
        // (Nor a deadline years ahead, "到“十五五”末，", "到2030年，": a plan's aim in a document of
        // the year (or of no year it states), that sentence's own; the paragraphs after go on with
        // the document's year. Not a date reached, "截至2025年底".)
        const by = (PLAN_END.test(p.cue) || ref === undefined || p.start - ref >= 2) && BY_DEADLINE.test(sentenceText.slice(0, head.at));
        // (Not a past year in a paragraph that opens with the report's aims, "报告明确，去年……": the
        // paragraphs after it go on with the aims, not with that year.)
        const aims = own?.kind === 'target' && yearOffset(p, ref) < 0;
        // (Nor a year that labels its line's figures, "2024年：13180亿元", as a colon says.)
        const labels = /^[：:]/.test(sentenceText.slice(head.end, head.end + 1));
        if (!head.fromBase && head.until === undefined && !start && !by && !aims && !labels && (/^(?:底|末)?[，,、]|^(?:全|我|本)/.test(sentenceText.slice(head.end, head.end + 3)) || YEAR_CALLED.test(sentenceText.slice(head.end, head.end + 30)) || (head.at <= 1 && !/^(?:这|该|此|同期)/.test(sentenceText.slice(head.end, head.end + 2))))) {
          carried = p;
        }
      }
      // (A paragraph that turns to another year, "去年全市城镇新增就业17.3万人，今年要达到15万人左右",
      // hands neither year on: the next paragraph is dated by its own words.)
      // (Nor a deadline years ahead, "到“十五五”末，全市经济总量突破2000亿元", "到2030年，……": a
      // plan's aim, which leaves the year the paragraphs speak of as it was.)
      const turned = last >= 0 ? cues[last].period(ref) : undefined;
      const planAhead = turned && ref !== undefined && turned.start - ref >= 2 && BY_DEADLINE.test(sentenceText.slice(0, cues[last].at));
      if (carried && turned && !planAhead && (turned.start === turned.end || RELATIVE_PERIODS[turned.value] !== undefined) && !mayBeSamePeriod(turned, carried, ref)) carried = undefined;
    }
    if (firstSentence) {
      const intent = own;
      if (intent) carriedKind = intent;
      else if (firstSentence && cues.length && cues[0].at < 10) carriedKind = undefined;
    }
    firstSentence = false;
    // ("1—2月，全市……；固定资产投资……；": the months govern the rest of the paragraph.)
    if (HAS_PART.test(sentenceText.slice(0, 12))) inheritedPart = (reading ?? new SentenceReading(sentenceText)).headPart() ?? inheritedPart;
  }
  // (The cells read as sentences come after their row's numbers: back in the order of the text.)
  capacitiesApart(paragraphFigures, aliases);
  if (tables.size) figures.sort((a, b) => a.span.start - b.span.start);
  if (!facts.lateInYear) measuredPanels(figures, outline, sections);
  headlinesAsBody(figures);
  placesAtHead(figures);
  return figures;
}

/**
 * A place at an indicator's head is the figure's, however the indicator was read (its clause, a
 * label line, the figure before): "1068亿元" over "荣成市地区生产总值" in a city's explainer, "有力支撑
 * 金华市进出口总额达到……". The measure drops it (consistency/indicator.ts), so the region must say it.
 */
function placesAtHead(figures: Figure[]): void {
  for (const f of figures) {
    const head = placeAtHead(f.indicator.replace(/[\s\u3000]+/g, ''));
    if (!head || head.place === f.region) continue;
    f.region = head.place;
    f.regionSource = 'sentence';
  }
}

/**
 * A headline restates the text below it: a figure of it that names no time of its own, "全省经济总量
 * 达6.97万亿元" over "去年全省地区生产总值达到6.79万亿元", is of the time (and kind) of the text's
 * statement of its measure nearest its number (the first where as near), whatever number that gives.
 */
function headlinesAsBody(figures: Figure[]): void {
  for (const f of figures) {
    // (Not one the headline's own words date or aim: "今年十件民生实事出炉" over its items.)
    const ownWords = (cue: string | undefined) => !!cue && cue.trim().length > 0 && f.section.some((name) => name.includes(cue.trim()));
    if (!f.headline || f.periodSource === 'sentence' || f.listCount || (f.periodSource === 'heading' && ownWords(f.periodCue))) continue;
    // (Of the kind its own words give it, where they do: "GDP预期增长5.5%左右" restates the aim, not last year's result.)
    // (Of the text's statements, the one nearest its number: "固定资产投资增长6.5%" over "去年……增长4.3%" and
    // "今年……增长6%" restates the aim; the first where they are as near.)
    let body: Figure | undefined;
    for (const g of figures) {
      if (g.headline || g.span.start <= f.span.start || !g.period || g.dimension !== f.dimension || (f.kindSource === 'sentence' && g.kind !== f.kind) ||
        g.measure.indicator !== f.measure.indicator || g.measure.verb !== f.measure.verb || g.region !== f.region) continue;
      if (!body || Math.abs(g.normalized.value - f.normalized.value) < Math.abs(body.normalized.value - f.normalized.value)) body = g;
    }
    if (!body) continue;
    f.period = body.period;
    f.periodSource = 'paragraph';
    f.periodCue = body.periodCue;
    if (body.yearBasis) f.yearBasis = body.yearBasis;
    else delete f.yearBasis;
    if (f.kindSource !== 'sentence') {
      f.kind = body.kind;
      f.kindSource = 'paragraph';
      f.kindCue = body.kindCue;
    }
  }
}

/**
 * An amount measured to its last digits, 548.63亿元 or 46275元: aims are set in round numbers
 * (5.5%左右, 突破550亿元), so such a figure reports a result.
 */
function measured(f: Figure): boolean {
  if (/^(?:%|％|‰|个百分点|倍)$/.test(f.unit) || f.max !== undefined) return false;
  const digits = /([0-9]+)(?:\.([0-9]+))?/.exec(f.text.replace(/[,，]/g, ''));
  if (!digits) return false;
  const decimals = digits[2]?.length ?? 0;
  const significant = (digits[1].replace(/^0+/, '') + (digits[2] ?? '')).replace(/0+$/, '').length;
  return decimals >= 2 || (significant >= 5 && !digits[0].endsWith('0'));
}

/**
 * An explainer's panel whose label names no time and no aim, "【核心数据】", and whose figures state
 * amounts measured to their last digits (548.63亿元, 1.92万元) with no word of aim: the report's
 * results, the year before the one its title names, not that year's aims.
 */
function measuredPanels(figures: Figure[], outline: OutlineNode[], sections: Sections): void {
  const panels = new Map<OutlineNode, Figure[]>();
  for (const f of figures) {
    const path = nodePath(outline, f.span.start);
    const node = path[path.length - 1];
    if (!node || node.heading.form !== 'label') continue;
    const list = panels.get(node);
    if (list) list.push(f);
    else panels.set(node, [f]);
  }
  for (const [node, list] of panels) {
    const own = sections.of(node);
    if (own.nameCues.length || own.kind) continue;
    // (Its figures taken from the title's or the document's year and the document's default kind.)
    const undated = (f: Figure) => (f.periodSource === 'heading' || f.periodSource === 'document') && (!f.kindSource || f.kindSource === 'document') && f.kind === 'target' &&
      (/^\d{4}$/.test(f.period ?? '') || (f.period !== null && RELATIVE_PERIODS[f.period] === 0));
    // (None of it aims in words of its own; its figures dated by their own words keep their time.)
    if (list.some((f) => f.kind === 'target' && f.kindSource === 'sentence')) continue;
    const precise = list.find((f) => !f.listCount && undated(f) && measured(f));
    if (!precise) continue;
    for (const f of list) {
      if (f.listCount || !undated(f)) continue;
      f.period = /^\d{4}$/.test(f.period!) ? String(Number(f.period) - 1) : relativePeriod(-1, '').value;
      f.periodSource = 'paragraph';
      f.periodCue = precise.text;
      f.kind = 'actual';
      f.kindSource = 'paragraph';
      f.kindCue = precise.text;
    }
  }
}

/**
 * Whether two single-year periods may name the same year: 去年 and 2025 in a 2026 document, or
 * in a document whose year is not known (then 去年 and 2025 cannot be told apart).
 */
function mayBeSamePeriod(a: Period, b: Period, ref: number | undefined): boolean {
  if (a.value === b.value) return true;
  const x = yearOffset(a, ref);
  const y = yearOffset(b, ref);
  return !Number.isFinite(x) || !Number.isFinite(y) || x === y;
}

/**
 * A subject named again by its head alone, "去年全市一般公共预算收入完成652.7亿元……。收入预期增长
 * 5.5%": the two-character head of a longer indicator an earlier sentence of the paragraph named
 * is that indicator.
 */
function shortRepeats(text: string, inSentence: Figure[], earlier: readonly Figure[]): void {
  for (const f of inSentence) {
    const m = f.measure;
    if (f.indicatorFrom !== 'clause' || m.indicator.length !== 2 || !earlier.length) continue;
    // (A new sentence after a full stop, not the next clause of a list: "新增公办幼儿园学位3600个；
    // 新建、改扩建中小学校15所，新增学位1.8万个" names the schools' places.)
    const last = earlier[earlier.length - 1];
    const between = text.slice(last.span.end, f.span.start);
    if (!/[。！？!?]/.test(between)) continue;
    // (Not a part that 其中 opens: "增加学位1800个。其中，在湄江街道新建小学，新增学位1080个"
    // counts one school's places. Which part, the words do not say: compared with nothing.)
    const part = /其中/.test(between.slice(Math.max(between.lastIndexOf('。'), between.lastIndexOf('！'), between.lastIndexOf('？'))));
    // The subject named last (not a share, which names its whole last: 税收收入占比收入).
    for (let k = earlier.length - 1; k >= 0; k--) {
      const g = earlier[k].measure;
      if (/占|比重/.test(g.indicator)) continue;
      // (Its modifier a name of its own, 一般公共预算 + 收入; not 货物进 + 出口, where the head is
      // another measure's end.)
      if (g.indicator.length >= m.indicator.length + 4 && g.indicator.endsWith(m.indicator)) {
        if (part) f.indicatorFrom = 'previous';
        else f.measure = { indicator: g.indicator, verb: m.verb };
      }
      break;
    }
  }
}

/**
 * The output of the crop whose sown area the clause before gives, "粮食播种面积7148.6万亩，总产量617.2亿斤":
 * 粮食总产量, not an output of anything.
 */
function outputOfSown(inSentence: Figure[], aliases: AliasTable | undefined): void {
  for (let k = 1; k < inSentence.length; k++) {
    const f = inSentence[k];
    if (!/^(?:总产量|产量|总产|单产)$/.test(f.indicator.trim())) continue;
    const sown = /^(\p{Script=Han}{1,6}?)(?:播种|种植)面积$/u.exec(inSentence[k - 1].indicator.trim());
    if (!sown) continue;
    f.indicator = `${sown[1]}${f.indicator.trim()}`;
    f.measure = measureOf(f.indicator, f.verb, aliases);
  }
}

/** A clause that is a rate per day (month, week) and at most a verb: "日均新设近320家", "日均超过320家". */
const PER_DAY = /(?:^|[，,、；;：:])[\s\u3000]*((?:日|月|周)均)(\p{Script=Han}{0,3}?)(?:近|接近|超过|超|达到|达|突破|约|逾|为|均)?[\s\u3000]*$/u;

/**
 * A rate per day of the total before it, "全年新设科技型企业11.6万家，日均新设近320家": the clause names
 * no thing of its own, so it is the per-day rate of the figure before in its unit (11.6万家 and 320家: 日均新设科技型企业),
 * not a measure "日均新设" that any other total's rate would meet.
 */
function perDayOfTotal(text: string, inSentence: Figure[], aliases: AliasTable | undefined): void {
  for (let k = 1; k < inSentence.length; k++) {
    const f = inSentence[k];
    const m = PER_DAY.exec(text.slice(Math.max(0, f.span.start - 12), f.span.start));
    if (!m) continue;
    const prior = lastOf(inSentence.slice(0, k), (p) => p.normalized.unit === f.normalized.unit && p.measure.indicator.length >= 2 && !/^(?:日|月|周)均/.test(p.indicator));
    if (!prior) continue;
    f.indicator = `${m[1]}${prior.indicator.replace(/^[\s\u3000]+/, '')}`;
    f.verb = prior.verb;
    f.measure = measureOf(f.indicator, f.verb, aliases);
    f.indicatorFrom = 'clause';
  }
}

/** Verbs that count whom a work reaches: 惠及4.2万人, 受益群众2.4万人, 覆盖人口30万. */
const REACH_VERB = /^(?:惠及|受益|覆盖|服务|辐射|造福)$/;
/** The people reached, named by no more than who they are. */
const REACHED = /^(?:群众|居民|人口|农户|农民|人民群众|老百姓|百姓|市民|村民|家庭|住户|学生|患者|人)?$/;
/** Verbs that only say a work is done, before its name: 实施……工程, 建设……项目. */
const DOING = /^(?:实施|建设|推进|开展|完成|启动|新建|改造|改扩建|建成|提升|巩固提升)+/;

/**
 * Whom a work reaches is counted for that work: "实施农村饮水安全巩固提升工程，惠及4.2万人" and
 * "实施……工程12处，惠及群众2.4万人" count the people that project reaches, not people at large.
 * The work is the figure before in the sentence, else the clause before.
 */
function reachedBy(text: string, sentenceStart: number, inSentence: Figure[], aliases: AliasTable | undefined): void {
  for (let i = 0; i < inSentence.length; i++) {
    const f = inSentence[i];
    if (!f.verb || !REACH_VERB.test(f.verb) || !REACHED.test(f.measure.indicator)) continue;
    const before = text.slice(i > 0 ? inSentence[i - 1].span.end : sentenceStart, f.span.start);
    const clauses = before.split(/[，,；;：:、]/);
    // (Only the clause right before: "……，惠及" with nothing else between.)
    if (clauses.length < 2) continue;
    let work: string | undefined;
    if (i > 0 && clauses.length === 2 && !clauses[0].trim()) work = inSentence[i - 1].indicator;
    else if (i === 0 || clauses.length > 2) {
      const clause = clauses[clauses.length - 2].trim().replace(DOING, '');
      if (/^[\p{Script=Han}“”（）()]{2,24}$/u.test(clause)) work = clause;
    }
    if (!work) continue;
    f.indicator = work;
    f.measure = measureOf(work, f.verb, aliases);
    f.statement = `${work} ${f.statement}`;
  }
}

/** The aim named right before a figure: 目标为, 目标是, 计划 (with a verb of the aim after it). */
const AIM_NAMED_BEFORE = /(?:目标(?:为|是|值为)|(?<![完成度超占的总])计划(?:为|是)?)(?:增长|新增|完成|达到|实现)?[\s\u3000]*$/;

/** After a figure, the rest of a series of items that closes on the aims it names: "、改造提升农贸市场20个等目标任务". */
const SERIES_OF_AIMS = /^(?:以上|左右)?(?:、[^，,。；;！？、]{1,30}?)*等(?:各项|年度|全年)?(?:目标任务|预期目标|目标|计划)(?!书)/;

/** A plan set at the year's start, up to the figure in its clause: 年初，我们安排……增长. */
// (Not a ratio to the plan, "完成年初计划的105%", "为年初计划的105.2%"; the plan's own value stays,
// "超出年初计划的2万个".)
const SET_AT_YEAR_START = /(?<!完成|为|占)年初[，,]?[^，,。；;！？]{0,8}?(?:安排|确定|提出|设定|制定|定下|计划(?!数))[^，,。；;！？]{0,24}$/;

/** A year the paragraph opens by naming what it was: "去年是“十四五”规划收官之年，" or "……之年。" as a sentence of its own. */
const YEAR_CALLED = /^是[^，,。；]{2,24}?(?:之年|的一年)(?:[，,。！]|$)/;

/** A sentence's label and the words that cite its source, before what it says: 【记者】报告显示，. */
const OPENING_CITE = /^[\s\u3000]*(?:【[^】]{1,12}】|[^，,。：:]{1,8}[：:])?[\s\u3000]*(?:(?:报告|会议|公报|数据|统计)(?:显示|指出|提到|回顾|介绍|表明)|据(?:介绍|统计|了解))[，,：:]?/;

/** A news lead up to the words that cite what it reports: "……20日，……预算报告显示，". */
const LEAD_CITE = /^[^。！？]*?(?:报告|公报|数据|会议)(?:显示|指出|提到|表明|介绍)[，,：:]/;

/** An explainer's numbered section tag before its first item: "④ 改革开放 ", "01 创新引领　" (not a
 * label before its figure, "社零总额 3758.6亿元"). */
const SECTION_TAG = /^[\s\u3000]*(?:[①-⑳❶-❿]|[0-9０-９]{1,2}[.．、]?)[\s\u3000]*\p{Script=Han}{2,6}[\s\u3000]+$/u;

/** A clause that names only a sum planned or in total: 计划投资, 较上年计划投资, 总投资. */
const BARE_PLANNED_SUM = /^[\s\u3000]*(?:较上年|比上年|上年)?(?:年度)?(?:计划)?(?:总)?投资(?:额)?[\s\u3000]*$/;

/** A clause that opens with a plan: 计划改造, 原计划完成 (not 计划单列市, 计划生育). */
// (Or names its measure as planned, "154个省市重点项目年度计划投资380亿元，实际完成投资412亿元".)
const PLAN_CLAUSE = /^(?:原|年初)?计划(?!单列|生育|数|外|内)|^[^，,；;。]{0,16}?(?<![完成度超占的总])(?:年度|年初)计划(?=投资|总投资|完成|新增|建设|改造|实施)/;
/** A clause after it that tells what came of the plan: ，实际完成, ，执行结果. */
const OUTCOME_AFTER = /^[^。！？]*?[，,；;][\s\u3000]*(?:但|而)?(?:实际|执行结果|结果)/;

/** A plan named against its outcome: 原计划……实际完成, 年初预期……执行结果. */
const PLAN_AGAINST_OUTCOME = /(?:原|年初)(?:计划|预期|目标)[^。；]*?(?:实际|执行结果|结果是)/;

/** Words of aim right before a figure, with at most its verb between: 预期增长, 力争达到, 目标是. */
const AIM_BEFORE = /(?<![于比的超])(?:预期|力争|确保|目标是)(?:增长|提高|达到|实现|完成|新增|下降|控制在|稳定在|保持在)?$/;

/** A piece of a table's cell that says something in words: read as a sentence of its own. */
interface CellSentence extends Sentence {
  cell?: true;
}

/**
 * The sentences, each sentence of a table's row followed by the cells of it that say something
 * in words, "农村公路安全生命防护工程530公里" under 主要目标任务: their figures are read as a
 * sentence's are, the row's numbers by row and column.
 */
function withPhraseCells(sentences: readonly Sentence[], tables: ReadonlyMap<number, unknown>, paragraphOf: readonly (Paragraph | undefined)[]): CellSentence[] {
  if (!tables.size) return sentences as CellSentence[];
  const out: CellSentence[] = [];
  let cells: { paragraph: number; list: TableCell[] } | undefined;
  for (const s of sentences) {
    out.push(s);
    const para = paragraphOf[s.paragraph];
    if (!para || !tables.has(s.paragraph)) continue;
    if (cells?.paragraph !== s.paragraph) cells = { paragraph: s.paragraph, list: cellsOf(para).filter((c) => phraseCell(c.text)) };
    for (const c of cells.list) {
      const start = Math.max(c.start, s.start);
      const end = Math.min(c.start + c.text.length, s.end);
      if (start < end) out.push({ start, end, paragraph: s.paragraph, cell: true });
    }
  }
  return out;
}


/** A period's year counted from the document's (本年 0, 上年 -1; NaN when neither can tell). */
function yearOffset(period: Period, pieceYear: number | undefined): number {
  const rel = RELATIVE_PERIODS[period.value];
  if (rel !== undefined) return rel;
  return pieceYear === undefined ? NaN : period.start - pieceYear;
}

/**
 * The label a clause's figures take from before it: "社零总额：" (a colon label at the head of
 * the sentence) or "高新技术企业方面，" (a topic). Undefined for speakers and long phrases.
 */
function labelBefore(text: string, sentenceStart: number, clauseStart: number): string | undefined {
  // (A label set apart by full-width spaces before words is a colon's label.)
  // (So is a label parted by a bar at the start of an explainer's line: "经济总量｜增长4.8%".)
  const mark = text[clauseStart - 1] === '\u3000' || text[clauseStart - 1] === '｜' || text[clauseStart - 1] === '|' ? '：' : text[clauseStart - 1];
  if (mark !== '：' && mark !== ':' && mark !== '，' && mark !== ',') return undefined;
  let k = clauseStart - 2;
  while (k >= sentenceStart && !endsClause(text, k)) k--;
  const label = text.slice(k + 1, clauseStart - 1).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (mark === '，' || mark === ',') {
    const topic = /^(?:在)?(.{2,12}?)方面$/u.exec(label);
    return topic ? topic[1] : undefined;
  }
  if (k + 1 !== sentenceStart && !/[。！？；\n]/.test(text[k] ?? '')) return undefined;
  if (label.length < 2 || label.length > 14 || /×|[0-9０-９]{3,}|[0-9０-９]\s*[%％万亿个元]|记者|主持人|主任|部长|局长|书记|市长|省长|县长|区长|厅长|负责人|发布人|答|问|注|单位|来源|制图|图注|说明/.test(label)) return undefined;
  return label;
}


/**
 * Whether an explainer sets its labels above its numbers: of the numbers on lines of their own
 * with a label line on one side only, more have it above ("经济总量" / "2986.4亿元" / "增长6.1%")
 * than below ("【成绩单】" / "246.8万辆" / "汽车产量"). Where both sides are labels, the side is
 * not told by the line itself.
 */
function labelsSetAbove(paragraphs: readonly ({ text: string } | undefined)[]): boolean {
  let above = 0;
  let below = 0;
  for (let i = 1; i + 1 < paragraphs.length; i++) {
    const t = paragraphs[i]?.text.trim();
    if (!t || !FIGURE_LINE.test(t)) continue;
    const up = labelLine(paragraphs[i - 1]?.text, true) !== undefined;
    const down = labelLine(paragraphs[i + 1]?.text) !== undefined;
    if (up && !down) above++;
    else if (down && !up) below++;
  }
  return above > below;
}

/** What parts an explainer's line of figures, or of their labels: a bar, a middle dot, a wide gap. */
const SIDE_BY_SIDE = /[\s\u3000]*[｜|·・][\s\u3000]*|\u3000+|\s{2,}/;

/**
 * The label of the figure at `at` on a line of two or more figures side by side, from a line of
 * as many labels beside it: the k-th label names the k-th figure. Below, unless the explainer
 * sets its labels above (labelsSetAbove).
 */
function sideBySideLabel(para: Paragraph, at: number, paragraphs: readonly (Paragraph | undefined)[], above: () => boolean): string | undefined {
  // (An explainer's line of figures is short: a long line is text, and is not split per figure.)
  if (para.text.length > 200) return undefined;
  const line = para.text.trim();
  const figuresIn = (t: string | undefined) => {
    const ps = t?.trim().split(SIDE_BY_SIDE);
    return ps && ps.length >= 2 && ps.length <= 6 && ps.every((x) => FIGURE_LINE.test(x)) ? ps : undefined;
  };
  const parts = figuresIn(line);
  if (!parts) return undefined;
  const labelsOf = (p: Paragraph | undefined) => {
    const ls = p && p.text.length <= 200 ? p.text.trim().split(SIDE_BY_SIDE) : undefined;
    return ls && ls.length === parts.length && ls.every((l) => l.length >= 2 && l.length <= 20 && !/[0-9０-９，,。；;：:【\[#]/.test(l)) ? ls : undefined;
  };
  const up = labelsOf(paragraphs[para.index - 1]);
  const down = labelsOf(paragraphs[para.index + 1]);
  // (Labels between two lines of figures are the next line's when the explainer sets them above,
  // or when the line above is labels too: "接待游客｜旅游总花费" / "2.1亿人次 · 2850亿元" / "新增就业｜
  // 城镇调查失业率" / "5.6万人 · 5.1%".)
  const downIsNext = down && figuresIn(paragraphs[para.index + 2]?.text) !== undefined;
  const labels = up && (above() || downIsNext || !down) ? up : down;
  if (!labels) return undefined;
  // (Which part holds the figure: the parts in order, from the line's first character.)
  let from = para.start + (para.text.length - para.text.trimStart().length);
  for (let k = 0; k < parts.length; k++) {
    const start = para.text.indexOf(parts[k], from - para.start) + para.start;
    if (at >= start && at < start + parts[k].length) return labels[k];
    from = start + parts[k].length;
  }
  return undefined;
}

/** The label on the line under a big number: its first clause, short, without figures. */
function labelLine(text: string | undefined, alone = false): string | undefined {
  if (!text) return undefined;
  // (A line above is a label only as a whole line: not a heading, 【2025年成绩单】, nor a sentence.)
  if (alone && (/^[\s\u3000]*[【\[#]/.test(text) || /[，,。；;：:\u3000]/.test(text.trim()))) return undefined;
  // (The label ends at a gap too: "社会消费品零售总额　增长5.9%", and at a bar: "社零总额｜增长5.2%".)
  const first = text.trim().split(/[，,。；;：:（(\u3000｜|]|\s{2,}/)[0].trim();
  return first.length >= 2 && first.length <= 20 && !/[0-9０-９]/.test(first) ? first : undefined;
}

/** The words at a label's end that bound the number under it: 突破, 超过, 达到, 不低于. */
const LABEL_BOUND = /(?:突破|超过|超|达到|达|不低于|不少于)$/;

/** Between a figure and one in a bracket after it that names only another place: "（全省", "左右（全国为", "（全区增长". */
const ASIDE_PLACE = /^(?:以上|以内|左右|以下)?[（(](?:全省|全市|全区|全县|全国|全州|全盟|[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|自治区))(?:为|是|：|:|(?:同比)?(?:增长|下降)(?:为)?)?$/;

/** What a measure's name ends with: the kind of amount, not the thing measured. */
const MEASURE_END = /(?:产量|销量|产值|增加值|营业收入|收入|支出|结余|余额|利润|投资|总额|总量|规模|人数|面积|里程|用量)$/;

/**
 * A part named after 其中 takes its whole's measure: "汽车产量突破250万辆，其中新能源汽车106.3万辆"
 * states 新能源汽车产量, as a table's row "其中：新能源汽车" under the column 产量 does.
 */
function partsOfMeasure(text: string, inSentence: Figure[], aliases: AliasTable | undefined): void {
  for (let i = 1; i < inSentence.length; i++) {
    const f = inSentence[i];
    const whole = inSentence[i - 1];
    // (Of the same dimension: "投资1500亿元，其中产业项目680个" counts projects, not money.)
    if (!f.indicator || MEASURE_END.test(f.indicator) || f.dimension !== whole.dimension) continue;
    const end = MEASURE_END.exec(whole.indicator);
    if (!end) continue;
    const between = text.slice(whole.span.end, f.span.start);
    const at = between.lastIndexOf(f.indicator);
    if (at < 0 || !/[，,；;]\s*其中[：:]?\s*$/.test(between.slice(0, at))) continue;
    f.indicator += end[0];
    f.measure = measureOf(f.indicator, f.verb, aliases);
    f.statement = `${f.indicator} ${f.text}`;
  }
  // A measure named again after 其中 is the part's, not the whole's: "重点项目320个，年度计划投资
  // 860亿元，其中数字经济领域安排项目120个、年度计划投资350亿元". Which part, the words do not
  // always say: it is compared with nothing.
  // (One pass: the measures stated before the last 其中, within the stretch that no 。 or ；
  // closes.)
  if (inSentence.length < 2) return;
  const from = inSentence[0].span.start;
  const stretch = text.slice(from, inSentence[inSentence.length - 1].span.start);
  if (!stretch.includes('其中')) return;
  let wholes = new Set<string>();
  let pending: Figure[] = [];
  let at = 0;
  for (const f of inSentence) {
    const rel = f.span.start - from;
    // The text since the figure before: a stop starts afresh; a 其中 makes the measures before it wholes.
    const gap = stretch.slice(at, rel);
    const stop = Math.max(gap.lastIndexOf('。'), gap.lastIndexOf('；'), gap.lastIndexOf(';'));
    if (stop >= 0) {
      wholes = new Set();
      pending = [];
    }
    if (gap.indexOf('其中', stop + 1) >= 0) {
      for (const g of pending) wholes.add(`${g.measure.indicator}\u0000${g.measure.verb}`);
      pending = [];
    }
    if (wholes.has(`${f.measure.indicator}\u0000${f.measure.verb}`)) f.indicatorFrom = 'previous';
    else pending.push(f);
    at = rel;
  }
}

/** A whole named as the base of a comparison right before its figure: 高于全省, 低于全国平均. */
// (Or a place named, "快于金华市同期6.1%的年均增速", and 比, "比全国5.0%的增速高0.7个百分点".)
// (Its value may stand in brackets, "比全省（5.5%）高0.4个百分点", or before the gap to it, "与全省2.6%的差距".)
const COMPARED_WHOLE = /(?:高于|低于|快于|慢于|好于|优于|比|与)(全省|全国|全市|全区|\p{Script=Han}{2,8}?(?:省|市|县|区|州))(?:同期)?(?:平均)?(?:水平)?[（(]?$/u;

/** A place written whole, a province's too (浙江省, 金华市): its name, else undefined. */
function namedPlace(name: string): string | undefined {
  return placesIn(name).find((p) => p.at === 0 && p.level !== 'country' && (p.name === name || (p.level === 'province' && name.startsWith(p.name.slice(0, 2)))))?.name;
}

/** Words that set an aim in a sentence of its own: 力争, 目标为, 计划 (not 计划单列市), 要达到, 确保. */
const AIM_WORDS = /力争|目标(?:为|是)|计划(?!单列)|要(?:达到|突破|完成|实现|控制)|确保/;
/** Two rates or more, each with its bound: a list of aims (results are reported as they came). */
// (Joined by 、 with nothing counted before them: not "8个县区……增长6%以上，5个县区……增长10%以上", a review.)
const BOUNDED_RATES = /(?:增长|提高|下降|控制在)[0-9０-９.．]+[%％](?:以上|左右|以内)、[^。！？，,；;]{0,24}?(?:增长|提高|下降|控制在)[0-9０-９.．]+[%％](?:以上|左右|以内)/;

/** A sentence's head that may name a part of the year (月, 季度, 半年): most do not. */
const HAS_PART = /月|季|半年/;

/** Openings of a paragraph that goes on with the one before. */
const CONTINUES = /^(?:同时|此外|另外|报告还|会议还|还提出|并提出|其中)/;
/** A paragraph that opens by naming back what the one before set: 围绕上述目标, 确定这样的目标, 按照以上要求. */
const NAMES_BACK = /^[\s\u3000]*(?:围绕|为实现|为完成|为确保|按照|根据|对照|落实|确定|提出|设定)?(?:上述|以上|前述|这样的|这些|这一|这个)(?:预期)?(?:目标|任务|要求|部署|指标)/;

/** Where the document's text starts (after blank lines and spaces). */
function firstText(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}

const NO_PARAGRAPHS: ReadonlySet<number> = new Set();

/**
 * Whether a paragraph stands in running text: under no heading but a title (or none), and not
 * a heading itself. Its period and intent then carry on from the paragraph before.
 */
function inRunningText(path: OutlineNode[], headingParagraphs: ReadonlySet<number>, paragraph: number, underLabels = false, runIn: ReadonlySet<number> = NO_PARAGRAPHS): boolean {
  // (With underLabels, an explainer's or a broadcast script's label, 【数说】 or 【标题】, heads
  // running text too.)
  // (So does a speaker's run-in ordinal, "第二，产业发展有新突破。古雷石化基地产值……", after "先说
  // 去年的成绩单……第一，……": the items of one account go on in its time.)
  const through = (n: OutlineNode) => underLabels && (n.heading.form === 'label' || n.heading.form === 'ordinal');
  if (path.some((n) => n.heading.form !== 'title' && !through(n))) return false;
  const blocks = (k: number) => headingParagraphs.has(k) && !(underLabels && runIn.has(k));
  return !blocks(paragraph) && !blocks(paragraph - 1);
}

/** What may stand before a place that opens its sentence: nothing Han, or a speaker's label (答：) and its time (去年，); not a topic (分领域看，), which opens a breakdown. */
const OPENS_CLAUSE = /^[^\p{Script=Han}]*(?:[^，,。；;：:\n]{1,4}[：:][^\p{Script=Han}]*)?(?:(?:去年|今年|上年|当年|全年|过去一年|一年来|(?:19|20)\d{2}\s*年|上半年|前三季度)[，,][^\p{Script=Han}]*)?$/u;

/** A sentence that opens a list of products' output: 主要工业产品产量中，, 主要农产品产量方面：. */
const OUTPUT_LIST = /^[\s\u3000]*(?:其中[，,]?)?[^，,。；;：:]{0,10}产品(?:的)?产量(?:中|方面|看|里)?[，,：:]/;

/**
 * A sentence that opens with a budget's scope: a government's own (省级, 市本级, 省级层面，), as against its
 * whole area's (全省). A scope of its own goes on through the paragraph (see extract).
 */
const BUDGET_SCOPE = /^[\s\u3000]*(?:其中[，,]?)?(全省|全市|全县|全区|全州|(?:省|市|县|区|州)(?:本)?级|本级)(?:层面|方面)?[，,]?(?=[^，,。；;]{0,12}(?:预算|收入|支出|财政))/;

/**
 * A title group that says its text is read out: a broadcast's tags (【播出】, 新闻广播, 播出稿, 播出时间)
 * or a radio channel's name (中国之声, X之声), or a transcript's (实录).
 */
const SPOKEN_TITLE = /【播出】|播出(?:稿|时间|版)|新闻广播|广播电台|人民广播|电视台|新闻联播|口播|实录|答记者问|\p{Script=Han}之声(?=《|新闻|稿|播)/u;

/** An average over years, 年均增长, 平均每年新增 (not 年均气温, PM2.5年均浓度: one year's mean). */
const AVERAGE_YEARLY = /(?:年均|年平均|平均每年|每年平均)(?:实际)?(?:增长|增速|增幅|提高|提升|下降|降低|减少|增加|新增|递增|递减|上涨|上升|拉动)[^，,；;。]{0,6}$/;
/** A sum of N years, right before its figure: 五年累计, 三年间共, 五年来累计新增. */
const YEARS_SUMMED = /(?<![0-9０-９〇零一二三四五六七八九十两])([两二三四五六七八九十]|[2-9])年(?:来|间|中|里)?(?:累计|共计|合计|总计|共)[^，,；;。]{0,12}$/;
/** A sum of N years opening a series of figures joined by 、: its items are sums too. */
const YEARS_SUMMED_SERIES = /^(?:[^、]{0,12}?)(?<![0-9０-９〇零一二三四五六七八九十两])([两二三四五六七八九十]|[2-9])年(?:来|间|中|里)?(?:累计|共计|合计|总计)[^，,；;。]*$/;
/** An item that opens with its deed: 改造老旧小区, 新建高标准农田. */
const ITEM_DEED = /^(?:改造|新建|新增|建设|建成|实施|推进|打造|培育|引进|完成|开工|改扩建|新改扩建|提升|整治|创建)/;

/** A sum of N years that opens a sentence: 五年累计, 三年来累计. */
const YEARS_SUMMED_OPENING = /^[^，,；;。]{0,8}?(?<![0-9０-９〇零一二三四五六七八九十两])([两二三四五六七八九十]|[2-9])年(?:来|间|中|里)?(?:累计|共计|合计|总计)/;
/** An item that adds things, as a sum's items do: 新增学位, 改造城镇老旧小区, 新建…, 完成…. */
const ADDS_THINGS = /^(?:城镇|农村|全市|全省)?(?:新增|新建|新改扩建|改扩建|改造|建成|完成|实施|引进|培育|开工|新开|新认定|累计)/;
/** Or after its short subject: 钦州港新建万吨级以上泊位. */
const ADDS_THINGS_AFTER_SUBJECT = /^\p{Script=Han}{2,4}?(?:新增|新建|新改扩建|改扩建|改造|建成|实施|引进|培育|开工|新开|新认定|累计)/u;
/** The year an average is measured from: 从2020年的, 比2020年. */
const AVERAGE_BASE = /(?:比|较|是|与|同|从|由)\s?((?:19|20)\d{2})\s*年(?:末|底)?/g;
/** A five-year plan named: “十五五”. */
const PLAN_NAMED = /[“"]?(十[一二三四五六]五)[”"]?/;
/** The five-year plans' last years: a review or a plan that closes one speaks of its five years. */
const PLAN_END_YEAR = (y: number) => y % 5 === 0;

/**
 * The years a figure about years covers, where its sentence dates it to one year Y:
 * - an average, 年均增长5.7%: from the year after a base it names (从2020年的……增加到……) to Y;
 *   else, in a plan, from the year the document speaks from (the plan's first, 到2030年 → 2026-2030);
 *   else, in a review closing a five-year plan, the plan's five years (2021-2025);
 * - a sum of N years, 五年累计新增96.8万人: the N years to Y.
 * Undefined where the figure is of one year.
 */
function spanOfYears(text: string, sentenceStart: number, clauseStart: number, at: number, period: Period, kind: Kind, path: OutlineNode[], sections: Sections, facts: DocumentFacts): Period | undefined {
  const y = period.end;
  if (!Number.isFinite(y)) return undefined;
  const clause = text.slice(clauseStart, at);
  const span = (from: number, cue: string): Period | undefined => (from < y ? { value: `${from}-${y}`, start: from, end: y, cue } : undefined);
  const lastBase = (re: RegExp, within: string): RegExpExecArray | undefined => {
    let found: RegExpExecArray | undefined;
    re.lastIndex = 0;
    for (let m = re.exec(within); m; m = re.exec(within)) if (+m[1] < y) found = m;
    return found;
  };
  if (AVERAGE_YEARLY.test(clause)) {
    const base = lastBase(AVERAGE_BASE, text.slice(sentenceStart, at));
    if (base) return span(+base[1] + 1, base[0]);
    // (A plan its sentence names whose years hold Y: "与“十五五”时期年均增长5.5%的目标相衔接".)
    const plan = PLAN_NAMED.exec(text.slice(sentenceStart, at));
    const years = plan ? planYears(plan[1]) : undefined;
    if (years && years[0] <= y && y <= years[1]) return { value: `${years[0]}-${years[1]}`, start: years[0], end: years[1], cue: plan![0] };
    const ref = pieceYearOf(path, sections) ?? facts.year;
    if (ref === undefined) return undefined;
    if (kind === 'target' && ref < y) return span(PLAN_END_YEAR(y) && ref > y - 5 ? y - 4 : ref, period.cue);
    if (kind === 'actual' && PLAN_END_YEAR(y) && (ref === y || ref === y + 1)) return span(y - 4, period.cue);
    return undefined;
  }
  // (Over a series too: "五年累计新增城镇学位52万个、改造城镇老旧小区1.38万个".)
  const head = text.slice(sentenceStart, at);
  const seriesStart = sentenceStart + Math.max(0, ...['，', ',', '；', ';', '。', '：'].map((c) => head.lastIndexOf(c) + 1));
  // (Or over a series parted by commas whose items add things, as the sum's first did: "五年累计城镇
  // 新增就业155万人，新增学位20.5万个" — not a level after it, "城乡居民收入倍差由1.77缩小到1.69".)
  // (And by semicolons: "五年累计完成固定资产投资5260亿元，钦州港新建泊位12个；累计实施民生实事50件".)
  const commaSeries = () => {
    // (From the sentence a ； goes on with, in the same paragraph.)
    let runStart = sentenceStart;
    if (/[；;][\s\u3000]*$/.test(text.slice(Math.max(0, sentenceStart - 3), sentenceStart))) {
      const before = text.slice(Math.max(0, sentenceStart - 400), sentenceStart);
      runStart = sentenceStart - before.length + Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n'), before.lastIndexOf('！'), before.lastIndexOf('？')) + 1;
    }
    const run = text.slice(runStart, at);
    const opening = YEARS_SUMMED_OPENING.exec(run);
    if (!opening) return null;
    const items = run.slice(opening.index + opening[0].length).split(/[，,；;]/).slice(1);
    return items.length && items.every((item) => ADDS_THINGS.test(item) || ADDS_THINGS_AFTER_SUBJECT.test(item)) ? opening : null;
  };
  const summed = YEARS_SUMMED.exec(clause) ?? YEARS_SUMMED_SERIES.exec(text.slice(seriesStart, at)) ?? commaSeries();
  if (summed) {
    const n = /\d/.test(summed[1]) ? +summed[1] : summed[1] === '两' ? 2 : '一二三四五六七八九十'.indexOf(summed[1]) + 1;
    return span(y - n + 1, summed[0]);
  }
  // (Not a change since a year named, 是2020年的2.1倍, 比2020年提高0.74个百分点: it is the year's
  // level against that one, dated as the sentence dates it; a five-year review dates it over the
  // five years by its paragraph.)
  return undefined;
}

/** The nearest heading above that names a time, where it names two (2025年和“十四五”时期): with their values. */
function twoTimeHeading(path: OutlineNode[], sections: Sections, ref: number | undefined): { node: OutlineNode; periods: string[] } | undefined {
  for (let k = path.length - 1; k >= 0; k--) {
    if (path[k].heading.form === 'title' && !sections.laterTitle(path[k])) continue;
    const periods = new Set<string>();
    for (const c of sections.of(path[k]).nameCues) {
      const q = c.period(ref);
      if (q) periods.add(q.value);
    }
    if (periods.size) return periods.size >= 2 ? { node: path[k], periods: [...periods] } : undefined;
  }
  return undefined;
}

function isYear(text: string, n: NumberToken): boolean {
  if (n.chinese || !/^(19|20)\d{2}$/.test(n.raw)) return false;
  const after = text.slice(n.end, n.end + 8);
  return /^\s*(年|版|[-—–～~至到]\s*(19|20)\d{2})/.test(after);
}

const QUALIFIER_TAIL = /^(?:以上|以下|及以上|及以下)?的?/;
/** Where a qualifier's clause ends: ，,；;。！？!?：:、 and the line break. */
const CLAUSE_STOP = new CharClass('，,；;。！？!?：:、\n｜');

function isQualifier(text: string, q: Raw): boolean {
  const tail = QUALIFIER_TAIL.exec(text.slice(q.end, q.end + 4))![0];
  const after = q.end + tail.length;
  // (A code unit after the figure: Han as \p{Script=Han} says; a lone surrogate or none is not.)
  const nextIsHan = isHanCodePoint(text.charCodeAt(after));
  // Ages describe groups: 3岁以下婴幼儿, 0-14岁残疾儿童 (but 预期寿命79.5岁。 is a figure).
  if (q.unit?.unit === '岁' && nextIsHan && !/^(?:以上|以下)?[，,。；;、）)]/.test(text.slice(q.end, q.end + 3))) return true;
  if (!tail || !nextIsHan) return false;
  // Another count (of things, not a share) in the same clause, shortly after the noun the
  // qualifier describes; a list (以及, 和) starts a new item instead.
  for (let k = after; k < Math.min(text.length, after + 16); k++) {
    const code = text.charCodeAt(k);
    if (CLAUSE_STOP.has(code) || text.startsWith('以及', k) || code === 0x548c /* 和 */ || code === 0x53ca /* 及 */) return false;
    const digit = isDigitCode(code);
    if (digit || (isChineseNumeralCode(code) && code !== 0x4e00 /* 一 */ && k > after)) {
      const r = digit ? readArabic(text, k, k + 12) : readChinese(text, k, k + 12);
      const u = r && matchUnit(text, r.end);
      if (u && u.dimension.startsWith('count:')) return true;
    }
  }
  return false;
}

/** A plus before a rate that follows words, not a number or a letter: "固定资产投资 +3.5%". */
function plusGrowth(text: string, start: number, q: Raw): boolean {
  if (q.unit?.unit !== '%' && q.unit?.unit !== '％') return false;
  const plus = text.lastIndexOf('+', start);
  return plus >= 0 && /[\p{Script=Han}\s\u3000]/u.test(text[plus - 1] ?? '') && !/[0-9０-９A-Za-z]/.test(prevNonSpace(text, plus));
}

/** `names`: the sentence's names and terms, read only if every cheaper rule lets the number pass. */
function rejected(text: string, names: () => Span[], q: Raw): boolean {
  const n = q.num;
  const before = prevNonSpace(text, n.start);
  const after = text[q.end] ?? '';
  const next = text[n.end] ?? '';
  if (before === '第' || before === '总' ) return true;
  // The exponent of a number in scientific notation (1e-400%, 3.2E+5, full width １ｅ－４００％, or
  // with the minus sign 1e−400%): no figure of a report.
  if (/[0-9０-９][eEｅＥ][-+－＋−]?$/.test(text.slice(Math.max(0, n.start - 3), n.start))) return true;
  // A table or figure named by its number: 如表1所示, 见图2, 附表3.
  if ((before === '表' || before === '图') && (/^(?:所示|中|[，。、：:\s\u3000）)])/.test(text.slice(n.end, n.end + 2)) || /(?:^|[如见附续下上据\n])$/.test(text.slice(Math.max(0, n.start - 2), n.start - 1)))) return true;
  if (isYear(text, n)) return true;
  // Names with Latin letters or digits around: 5G, PM2.5, G20, 1+10, 12345热线.
  // (Not an abbreviation set apart by a space before an amount with its unit: "GDP 9.45万亿元".)
  const spaced = before !== text[n.start - 1] && /[A-Za-z]/.test(before) && q.unit !== undefined;
  if ((/[A-Za-z<>_=/]/.test(before) && !spaced) || (/[A-Za-z<]/.test(next) && !q.unit)) return true;
  // (But an explainer's growth, "规上工业增加值 +8.1%": a plus after words, before a rate.)
  if ((before === '+' && !plusGrowth(text, n.start, q)) || next === '+' || after === '+') return true;
  if (/^[.．]/.test(text.slice(n.start - 1, n.start)) && isDigit(text[n.start - 2])) return true;
  if (!q.unit) {
    // A bare multiplier: "3.45亿" counts only with an Arabic number.
    if (n.chinese) return true;
  }
  const unit = q.unit?.unit ?? '';
  // Dates and times: 2月24日, 10时.
  if (/^[月日号时点]/.test(text.slice(n.end, n.end + 1)) && !q.unit) return true;
  if ((unit === '日' || unit === '天') && /月\s*$/.test(text.slice(Math.max(0, n.start - 3), n.start))) return true;
  if (unit === '日' && /月/.test(text.slice(n.start - 4, n.start))) return true;
  if (n.chinese) {
    if (NOT_AFTER_CHINESE.has(unit)) return true;
    // 一个, 一批, 一项: "a", not a count. 两个 likewise inside set phrases.
    if (n.raw === '一' && text[n.end] !== '番') return true;
    // 千家万户, 千亿斤粮食产能: 百/千/万/亿 without a digit are words and names, not numbers.
    // (百分之十 is the numeral 十 read as a share.)
    const numeral = n.raw.replace(/^[百千]分之/, '');
    if (!/[一二两三四五六七八九]/.test(numeral) && numeral !== '十') return true;
    // 统一, 之一, 唯一: the numeral belongs to a word.
    if (/[统唯之专同单逐划归万]$/.test(text.slice(n.start - 1, n.start))) return true;
    if (SET_EXPRESSION.test(text.slice(q.end, q.end + 2))) return true;
    // 八方面问题, 八个方面的任务: counting the parts of a text or a slogan, not things (and
    // statistics are written in Arabic numerals, GB/T 15835).
    if (unit === '方面' || (unit === '个' && text.startsWith('方面', q.end))) return true;
  }
  // Qualifiers name a category, they are not figures: "10亿元以上项目十二个", "20亿元的项目不少于
  // 三个", "300人以上参加的赛事3000场" (another count follows in the clause), "3岁以下婴幼儿".
  if (isQualifier(text, q)) return true;
  // A bare 千 or 百 is not a figure: "500千伏" names a voltage class.
  if (!q.unit && /[千百]$/.test(q.unitText)) return true;
  // Article and page numbers.
  // (15条措施 counts measures; an article is 第15条, caught above.)
  if (/^(款|章|节|页|版|期|届|号)/.test(unit) && !n.chinese) {
    if (unit !== '期' || before === '第') return true;
  }
  // Inside a name or a slogan (last: the other rules are cheaper, and the answer is the same).
  if (names().some((sp) => sp.start < n.start && n.start < sp.end)) return true;
  return false;
}

function build(
  text: string,
  s: Span,
  reading: SentenceReading,
  rawIn: Raw,
  previous: Figure[],
  facts: DocumentFacts,
  outline: OutlineNode[],
  sections: Sections,
  at: number,
  inherited?: Period,
  inheritedKind?: Intent,
  inheritedRegion?: string,
  inheritedPart?: string,
): Figure | undefined {
  let raw = rawIn;
  const n = rawIn.num;
  const unitDef = rawIn.unit;
  // The unit as written, in half-width: ％ → %, 台（套） → 台(套).
  const unitText = halfWidthUnit(raw.unitText || '');
  const base = (unitDef ? unitDef.base : unitText) + (raw.rate ?? '');
  const dimension = unitDef ? unitDef.dimension + (raw.rate ?? '') : raw.bare ? 'number' : `count:${unitText}`;
  // A minus sign right before the number (not a range dash after another number): －0.85‰.
  const signAt = n.start - 1;
  // (Nor a hyphen after a letter: A-3, COVID-19.)
  const negative = /[-－−]/.test(text[signAt] ?? '') && !isDigit(text[signAt - 1]) && !/[%％‰A-Za-z]/.test(text[signAt - 1] ?? '') || text[signAt] === '负';
  if (negative) {
    raw = { ...raw, value: -raw.value, max: raw.max !== undefined ? -raw.max : undefined };
  }

  // Comparator: words right after, else right before.
  let comparator: Comparator = 'eq';
  let comparatorText: string | undefined;
  const tail = text.slice(raw.end, raw.end + 3);
  for (const [w, c] of COMPARATOR_AFTER) {
    if (tail.startsWith(w)) {
      comparator = c;
      comparatorText = w;
      break;
    }
  }
  // (A time written with 内 after it is a time limit, as with 以内: 压缩至1个工作日内, 3小时内办结.)
  if (comparator === 'eq' && text[raw.end] === '内' && /(?:工作日|日|天|小时|分钟|个月|周|秒)$/.test(text.slice(Math.max(0, raw.end - 3), raw.end))) {
    comparator = 'le';
    comparatorText = '内';
  }
  // A clause holding several figures ("23个方面45项重点任务") starts each after the one before.
  const prior = previous[previous.length - 1];
  let clauseStart = clauseStartOf(text, s.start, at);
  // (A figure inside a quoted task, 对照省里“新增省级专精特新中小企业600家”的任务: the quote opens its clause.)
  // (Searched within the clause and the quote's longest name only: not the whole text per figure.)
  const inClause = clauseStart < at ? text.slice(clauseStart, at).lastIndexOf('“') : -1;
  const quoteOpen = inClause < 0 ? -1 : clauseStart + inClause;
  if (quoteOpen >= clauseStart && !text.slice(quoteOpen, at).includes('”')) {
    const close = text.slice(at, Math.min(s.end, at + 20)).indexOf('”');
    if (close >= 0 && quotedTask(text.slice(quoteOpen + 1, at + close))) clauseStart = quoteOpen + 1;
  }
  if (prior && prior.span.end > clauseStart && prior.span.end <= at) {
    clauseStart = prior.span.end;
    const m = /^(?:以上|以内|左右|以下|上下)/.exec(text.slice(clauseStart, at));
    if (m) clauseStart += m[0].length;
  }
  // A short note in brackets inside a name, 中欧班列（成渝）开行5500列, is read past: the name
  // goes on before it. (Not a heading's number, （三）, which opens the sentence.)
  let noted = '';
  const close = text[clauseStart - 1];
  if (clauseStart < at && (close === '）' || close === ')')) {
    // (Looked for within the note's length only: a search back to the previous bracket made a
    // list written "1）……2）……" quadratic.)
    const lo = Math.max(s.start, clauseStart - 12);
    const near = text.slice(lo, clauseStart - 1).lastIndexOf(close === '）' ? '（' : '(');
    const open = near < 0 ? -1 : lo + near;
    if (open > s.start && clauseStart - 1 - open <= 10 && !/[，。；：、,;:\n（()]/.test(text.slice(open + 1, clauseStart - 1))) {
      const outer = clauseStartOf(text, s.start, open);
      if (outer < open && /\p{Script=Han}$/u.test(text.slice(outer, open))) noted = text.slice(outer, open);
    }
  }
  // Markup that PDF or web extraction left in the text (PM<sub>2.5</sub>) is not part of a name.
  let pre = (noted + text.slice(clauseStart, at)).replace(/<\/?[A-Za-z][^<>]{0,40}>/g, '').replace(/[\s\u3000]+/g, '');
  // (分别 said or not: subjects listed with 、 before a run of as many values, "城市低保、农村低保
  // 标准提高到每人每月750元、560元", go one to one as well.)
  const respectively = pre.includes('分别') || (text[clauseStart - 1] === '、' && !previous.some((f) => f.span.end > clauseStart - 30 && f.span.end <= clauseStart) && /^(?:以上|左右|以内)?[、和及][0-9０-９]/.test(text.slice(raw.end, raw.end + 4)));
  // (Things named together for one count, "新建改扩建中小学、幼儿园38所", "对甘孜、阿坝、凉山三州转移
  // 支付": the name is all of them, with the verb before the first; not one item of a list whose items
  // have figures of their own, nor the bodies that set an aim, "市委、市政府提出全市地区生产总值增长5%":
  // the last name is a short noun. In digits: "冰雪经济、创意设计四个" counts the names it sums up.)
  // (Nor a deed of its own after another, "实施城市更新、改造老旧小区1200个": the last item opens with its verb.)
  if (!respectively && !noted && text[clauseStart - 1] === '、' && at - clauseStart <= 8 && /[0-9０-９]/.test(text[at] ?? '') && !ITEM_DEED.test(text.slice(clauseStart, at))) {
    let from = clauseStart;
    for (let n = 0; n < 6 && text[from - 1] === '、'; n++) {
      const start = clauseStartOf(text, s.start, from - 1);
      const item = text.slice(start, from - 1);
      if (start >= from - 1 || item.length > 12 || !/^\p{Script=Han}+$/u.test(item) || isChineseNumeralCode(item.charCodeAt(item.length - 1))) break;
      from = start;
    }
    if (from < clauseStart && !previous.some((f) => f.span.end > from && f.span.end <= clauseStart)) {
      clauseStart = from;
      pre = text.slice(clauseStart, at).replace(/[\s\u3000]+/g, '');
    }
  }
  // A topic that opens the clause before its words of intent, "能源领域将新增……", "投资方面要……":
  // what the clause is about, not the name of what it counts.
  pre = pre.replace(TOPIC_BEFORE_INTENT, '');
  // A verb with its aspect of the done, 增长了5.1%, 达到了1.2万亿元, as 增长5.1% writes it.
  if (pre.endsWith('了')) {
    const bare = pre.slice(0, -1);
    const c = bare[bare.length - 1];
    if (VERBS_BY_LAST.get(c)?.some((v) => bare.endsWith(v)) || COMPARATOR_BEFORE_BY_LAST.get(c)?.some(([w]) => bare.endsWith(w))) pre = bare;
  }
  if (!comparatorText) {
    for (const [w, c] of COMPARATOR_BEFORE_BY_LAST.get(pre[pre.length - 1]) ?? NONE) {
      if (pre.endsWith(w)) {
        comparator = c;
        comparatorText = w;
        break;
      }
    }
  }
  let comparatorVerb: string | undefined;
  if (comparatorText && !tail.startsWith(comparatorText) && pre.endsWith(comparatorText)) {
    pre = pre.slice(0, pre.length - comparatorText.length);
    // 达到 says both: a level (the verb) and "at least" (the comparator); so do 达 and 超.
    if (comparatorText === '达到' || comparatorText === '达' || comparatorText === '超') comparatorVerb = comparatorText;
  }
  const phrase = stripNoise(pre).replace(BASE_PHRASE, '');
  // (The number's own 多 or 余 says more than its verb: "达到2400多亿元" is more than 2400亿元,
  // which 2410亿元 restates.)
  if (raw.approxSuffix && (comparator === 'eq' || comparatorVerb !== undefined)) {
    comparator = 'gt';
    comparatorText = raw.approxSuffix;
  }
  if (raw.max !== undefined) comparator = 'range';

  // Indicator and verb: the clause before the number, its verb at the end or the start.
  let verb: string | undefined = comparatorVerb;
  for (const v of comparatorVerb ? NONE : VERBS_BY_LAST.get(pre[pre.length - 1]) ?? NONE) {
    if (pre.endsWith(v)) {
      verb = v;
      pre = pre.slice(0, pre.length - v.length);
      break;
    }
  }
  // An explainer's plus before a rate is its growth: "规上工业增加值 +8.1%".
  if (!verb && pre.endsWith('+')) {
    verb = '增长';
    pre = pre.slice(0, -1);
  }
  // 翻一番: the verb is 翻 (doubling), not part of the indicator.
  if (!verb && pre.endsWith('翻')) {
    verb = '翻';
    pre = pre.slice(0, -1);
  }
  // 累计 makes a total of a count (累计培育 against 新增): it stays with the verb.
  const cumulative = /累计/.test(pre);
  // (An aim named only as an aim, "今年的目标是稳定在800亿斤左右", names the subject before it.)
  const aimOnly = /(?:目标|任务)(?:是|为)?$/.test(pre) && /^(?:的)?(?:年度)?(?:预期)?(?:(?:目标|任务)(?:是|为)?)?$/.test(stripNoise(pre));
  // (What a document or meeting set, told by another: "自治区政府工作报告确定了全区地区生产总值增长
  // 5.5%以上" states 地区生产总值.)
  const reported = REPORTED_BY.exec(pre);
  if (reported && pre.length - reported[0].length >= 2) pre = pre.slice(reported[0].length);
  pre = stripNoise(stripPlace(stripNoise(pre).replace(BASE_PHRASE, '')));
  // (A county names itself by its stem, "渝北今年将力争汽车产量突破50万辆" in 渝北区's text: the figure is
  // its own, whatever whole the clause before named, "作为全市汽车产业重要承载地".)
  const countyStem = facts.county && facts.county.length >= 3 ? facts.county.replace(/(?:区|县|市|旗)$/, '') : undefined;
  const countyNamed = !!countyStem && pre.startsWith(countyStem) && STEM_AS_SUBJECT.test(pre.slice(countyStem.length));
  if (countyNamed) pre = stripNoise(pre.slice(countyStem!.length));
  // (A new area names itself by its kind, "新区研发投入强度达到4.85%" in 滨海新区's report: its own whole.)
  if (pre.startsWith('新区') && pre.length > 4 && (facts.county ?? facts.region ?? '').endsWith('新区')) pre = stripNoise(pre.slice(2));
  if (!verb) {
    for (const v of VERBS_BY_FIRST.get(pre[0]) ?? NONE) {
      if (pre.startsWith(v) && pre.length > v.length) {
        verb = v;
        pre = pre.slice(v.length);
        break;
      }
    }
  }
  // (A subject, then what it will do: "城区将改造老旧供水管网86公里" counts 城区老旧供水管网
  // 改造, as "改造城区老旧供水管网68公里" does.)
  if (!verb) {
    const modal = /^(\p{Script=Han}{2,6}?)(?:将|要|拟)/u.exec(pre);
    if (modal && !/[将要拟]/.test(modal[1])) {
      const rest = pre.slice(modal[0].length);
      for (const v of VERBS_BY_FIRST.get(rest[0]) ?? NONE) {
        if (rest.startsWith(v) && rest.length - v.length >= 2) {
          verb = v;
          pre = modal[1] + rest.slice(v.length);
          break;
        }
      }
    }
  }
  let indicator = pre.replace(TRAILING_NOISE, '').replace(/[的了是为有]$/, '');
  // (A change's 从 / 由 alone names nothing: "经济总量：从1639亿元跃升至2368.5亿元" takes its label.)
  // (Nor with its year: "地区生产总值：从2020年的1869.8亿元到……".)
  if (/^[从由](?:(?:19|20)\d{2}\s*年(?:末|底)?)?的?$/.test(indicator)) indicator = '';
  // (Nor does the word for what came of a plan, "计划改造80个，实际完成92个": the plan's measure.)
  // (Named so, it is the plan's measure, compared as its own words are.)
  const outcome = /^实际(?:完成|新增|建成|实现|达到|改造|新建|开展|发放|培训|帮扶|惠及|实施)?$/.test(indicator);
  if (outcome) indicator = '';
  // "由2024年的4010亿元增至4286亿元": the figure grown to has the subject of the one it grew from.
  // (So has one after an arrow, a panel's "新能源装机：352万千瓦→2150万千瓦".)
  const grewTo = prior && prior.span.end <= at && prior.span.end >= clauseStartOf(text, s.start, at) &&
    /^(?:的)?(?:增|增加|增长|提高|提升|上升|跃升|攀升|回升|扩大|下降|降低|减少|缩小|压减|降|减)?(?:到|至)$|^(?:→|➔|➜|⟶|-+>|—+>)$/.test(text.slice(prior.span.end, at).replace(/[\s\u3000]|以上|左右/g, ''));
  if (grewTo) {
    // (The start's indicator without the 由 / 从 that opened the change.)
    indicator = prior.indicator.replace(CHANGE_FROM, '');
    verb = undefined;
  }
  let indicatorAfter = false;
  let indicatorInherited = false;
  const prevFig = previous[previous.length - 1];
  // (The figure named back, "经济总量迈上3万亿元台阶，而2020年这一数字还是25115亿元": the one before's.)
  if (prevFig && THAT_FIGURE_BACK.test(indicator) && prevFig.span.start >= s.start) indicator = prevFig.indicator;
  // (An average over the years after the level they led to is that measure's: "地区生产总值从1869.8亿元
  // 增加到2620.5亿元，年均增长7.0%" states 地区生产总值年均增长, as "地区生产总值年均增长7.0%" does.)
  if (prevFig && /^(?:年均|年平均|平均每年)$/.test(indicator) && prevFig.span.start >= s.start && stripNoise(prevFig.indicator).length >= 2 && !/年均|平均|增长|增速|增幅|比重|占/.test(prevFig.indicator) && prevFig.normalized.unit !== '%') {
    indicator = stripNoise(prevFig.indicator.replace(CHANGE_FROM, '')) + indicator;
  }
  // "新增A 300家、B 500家": the verb carries over a list, not over a comma.
  const separatedFromPrev = prevFig && /^[、和及与]?$/.test(text.slice(prevFig.span.end, clauseStart).replace(/[\s]|以上|以内|左右|以下/g, '').slice(0, 2));
  if (!indicator && (!prevFig || /\n[^\n]*$/.test(text.slice(prevFig.span.end, clauseStartOf(text, s.start, at))))) {
    // A label before a colon names the figures after it ("社零总额：2602亿元，增长6.2%"), and a
    // topic before a comma the ones in its clause ("高新技术企业方面，计划新增3000家"). Not a
    // speaker ("记者：", "×××："), not a heading's marker.
    const label = labelBefore(text, s.start, clauseStartOf(text, s.start, at));
    if (label) {
      const named = stripNoise(label);
      indicator = named.length >= 2 ? named : label;
    }
  }
  if (aimOnly) indicator = '';
  // (An explainer's item that opens its ｜-cell after the section's tag, "④ 改革开放 5%以上 外贸进出口
  // 增长": the words after the figure name it, not the tag.)
  const itemLead = text.slice(Math.max(s.start, n.start - 24), n.start);
  const cellAt = Math.max(itemLead.lastIndexOf('｜'), itemLead.lastIndexOf('|'), itemLead.lastIndexOf('\n'));
  const afterTag = indicator.length > 2 && (cellAt >= 0 || n.start - 24 <= s.start) && SECTION_TAG.test(itemLead.slice(cellAt + 1));
  // (Whom a service is for, "将为近3.5万名适龄妇女免费开展筛查", "为3000户家庭实施改造": the people
  // after the number name it, not the topic before, "妇幼健康方面".)
  const beneficiary = (raw.unit?.dimension === 'people' || raw.unit?.dimension === 'households') && /为(?:近|约|不少于|不低于|超过|逾|共|累计)?$/.test(text.slice(Math.max(s.start, n.start - 6), n.start));
  // (Not after a short name that is a standard indicator's, "去年全省经济增长5.6% 今年预期目标5%左右":
  // 经济 is 地区生产总值, and the words after the space are the headline's next phrase.)
  let deedName: string | undefined;
  if ((indicator.length <= 2 && !aliases?.whole.has(stripNoise(indicator))) || afterTag || beneficiary) {
    // "263家规模以上企业", "建强2个国家级…中心": the noun after the number.
    const after = text.slice(raw.end, boundaryBefore(text, Math.min(s.end, raw.end + 16)));
    // ("5240亿元：去年全省进出口总额": a number that opens its line names its indicator after a
    // colon; not the next line's words, which are another line's label.)
    const lineStart = text.lastIndexOf('\n', n.start - 1) + 1;
    // (After a bullet only: "▲28.6万人　去年城镇新增就业".)
    const opensLine = afterTag || (cellAt >= 0 && !itemLead.slice(cellAt + 1).trim()) || !text.slice(lineStart, n.start).replace(/^[\s\u3000]*[▲△●○■□◆◇★☆▪•►▶※]+/, '').trim();
    // (Twelve characters, not code units: 𠮷 is one character in two.)
    // (A dash ends the name: "25件民生实事——问答读懂……" runs on to the headline's other half.)
    const m = /^[^，,；;。！？!?：:、（(“”）)\n0-9０-９｜|·•\u3000—]{2,12}/u.exec(after.replace(opensLine ? /^(?:以上|以内|左右|以下)?(?:[：: \t\u3000｜|]|——|—|--)*/ : /^(以上|以内|左右|以下)/, ''));
    // (A label set apart after the figure is a name whole, "1800亿元 年度完成投资"; running words
    // after it end at their verb, "263家规模以上企业实现……".)
    // (Up to the next space: "3.45% 全社会研发投入强度 全省第2" says its rank after it.)
    const label = opensLine && /^(?:以上|以内|左右|以下)?[\s\u3000]/.test(after) ? /^(?:以上|以内|左右|以下)?[\s\u3000]+([^\s\u3000，,；;。！？!?：:、（(｜|]{2,20})/u.exec(text.slice(raw.end, Math.min(s.end, raw.end + 28))) : null;
    const noun = label ? label[1] : m ? m[0].replace(/(实行|实施|开展|进行|完成|实现|落户|入驻|投产|开工|建成|达到|等|(?:之)?中(?=占|的|排|位|居|所占)|(?:年度)?(?:计划)?(?:总)?投资(?!项目|主体|者|机构|基金|公司)).*$/, '') : '';
    // (Or the noun a 的 ties it to: "在全区816.3亿斤的粮食总产量中占比近15%" states the region's 粮食总产量;
    // without 的, the noun ends where the frame does: "在全市2.6万家国家高新技术企业中占比超过两成".)
    const tied = /^的(\p{Script=Han}{2,10}?)(?:之中|中|里)/u.exec(after);
    // (A count a causative verb governs, "推动2100家规上工业企业实施数字化转型", counts those that
    // do the deed, not all there are: the deed is part of its name.)
    const caused = noun.length >= 2 && m && m[0].length > noun.length && CAUSATIVE_BEFORE.test(text.slice(Math.max(s.start, n.start - 4), n.start));
    // (The deed done for those a service is for, kept for deedsApart; a deed's name in quotes,
    // 免费开展“两癌”筛查, is read whole.)
    if (beneficiary && noun.length >= 2 && m && m[0].length > noun.length) {
      deedName = /^(?:[^，,；;。！？!?：:、（(“”）)\n0-9０-９｜|·•\u3000]|“[^“”，,。；;\n]{1,8}”){2,20}/u.exec(text.slice(raw.end, Math.min(s.end, raw.end + 28)).replace(/^(?:以上|以内|左右|以下)/, ''))?.[0];
    }
    if (noun.length >= 2 && !/^[的了是个]/.test(noun)) {
      // (A panel's label names its time and scope before the measure: "去年全省粮食总产量".)
      // (Not a place it names, "1068亿元 荣成市地区生产总值": that stays, and says whose it is.)
      const named = opensLine ? stripNoise(noun) : noun;
      indicator = caused ? (/^[^，,；;。！？!?：:、（(“”）)\n0-9０-９｜|·•\u3000]{2,20}/u.exec(text.slice(raw.end, Math.min(s.end, raw.end + 28)).replace(/^(?:以上|以内|左右|以下)/, ''))?.[0] ?? m![0]) : named.length >= 2 ? named : noun;
      indicatorAfter = true;
    } else if (tied) {
      indicator = tied[1];
      indicatorAfter = true;
    } else if (!indicator && prevFig) {
      indicator = prevFig.indicator;
      // (The subject an aim names back is named, not borrowed from a list: it is compared.)
      indicatorInherited = !aimOnly;
    }
  }
  // A total named alone is the total of what the figure before it counts: "净增高新技术企业620家，
  // 总数达到5210家" (高新技术企业总数).
  if (/^(?:其中)?(?:总数|总量|数量|总规模)$/.test(indicator) && prevFig && prevFig.indicator.length >= 2) {
    indicator = prevFig.indicator.replace(/^[●■◆▲★☆○◇□▪•·\-—*>\s\u3000]+/, '').replace(/^(?:净增|新增|新培育|培育|新引进|引进|新认定|认定|新建|累计)/, '') + indicator.replace(/^其中/, '');
  }
  // A share named without what it is a share of, "高技术制造业增加值增长22.4%，占规模以上工业增加值的
  // 比重为9.8%": the subject is the one the sentence's figure before it named.
  // (Or the share given as a percent without 比重, "科学技术支出186.42亿元，增长9.8%，占一般公共预算支出的
  // 7.8%": the subject is the last one the sentence named in its own words.)
  const shareOf = /^占.{2,}(?:比重|比例|份额)$/.test(indicator) || (/^占.{2,}$/.test(indicator) && /[%％]/.test(text.slice(n.start, raw.end)));
  const subject = shareOf ? lastOf(previous, (f) => f.span.start >= s.start && f.span.end <= at && f.indicatorFrom === 'clause') : undefined;
  if (subject && !/^占|比重|比例|份额|占比/.test(subject.indicator) && stripNoise(subject.indicator).length >= 2) {
    indicator = stripNoise(subject.indicator) + indicator;
  }
  // The investment of projects just counted is theirs: "实施市级重点项目1200个，完成投资2680亿元" is
  // 市级重点项目 + 投资, as "1200个市级重点项目完成投资2860亿元" says it.
  // (Not where the clause names its own whole: "全市完成投资1800亿元".)
  // (What came of a plan the sentence stated, named by its measure's last word, "年度计划投资380亿元，
  // 实际完成投资412亿元", is the plan's measure.)
  if (prevFig && prevFig.kind === 'target' && prevFig.kindCue?.endsWith('计划') && prevFig.span.start >= s.start && indicator.length >= 2 &&
    prevFig.indicator.length > indicator.length && prevFig.indicator.endsWith(indicator) && /^[\s\u3000]*实际/.test(text.slice(clauseStart, at))) indicator = prevFig.indicator;
  let projectsInvestment = false;
  // (Its growth too: "新开工亿元及以上项目6215个，完成投资比上年增长12.5%".)
  if (/^(?:年度)?(?:计划)?(?:完成)?(?:总)?投资(?:额)?(?:比上年|比去年|同比|较上年)?$/.test(indicator) && prevFig && prevFig.span.end <= at && prevFig.span.start >= s.start && /(?:项目|工程|实事)$/.test(prevFig.indicator) &&
    !/全市|全省|全县|全区|全社会|固定资产/.test(text.slice(clauseStart, at))) {
    // (The projects' name without its noise and the size that sorts them, 亿元以上重点项目, 500万元以上
    // 项目: a brief says 重点项目.)
    // (And the things a government does for its people each year, counted as 件 or 项, "集中实施民生实事
    // 13项", "安排为民办实事项目10件": 民生实事 by any of their names, whoever the clause says set them.)
    const projects = /实事(?:项目)?$/.test(prevFig.indicator) ? '民生实事' : stripNoise(stripNoise(prevFig.indicator).replace(/^(?:实施|安排|推进|新开工|开工|谋划|储备|建设)/, '')).replace(/[0-9０-９.．]*[万亿]?元?及?以上/g, '');
    if (projects.length >= 2) {
      indicator = projects + indicator;
      projectsInvestment = true;
    }
  }
  // A sum planned or in total with no subject of its own, "计划投资8600万元。" under an item's heading, or
  // "较上年计划投资10.8亿元" after a sum of the same projects: the projects' sum, the item's or the
  // sentence's, never the whole's fixed-asset investment, which no one plans as a sum.
  // (A base of last year's, "较上年计划投资10.8亿元增加1.8亿元", is that year's sum.)
  let lastYearsSum = false;
  if (!projectsInvestment && /计划|总/.test(text.slice(clauseStart, at)) && BARE_PLANNED_SUM.test(text.slice(clauseStart, at))) {
    if (prevFig && prevFig.span.start >= s.start) {
      // (Another sum of the same projects, "总投资3150亿元，年度计划投资826亿元", names its own measure.)
      if (prevFig.dimension === 'money' && /投资/.test(prevFig.indicator) && /^[\s\u3000]*[较比]上年/.test(text.slice(clauseStart, at))) {
        indicator = prevFig.indicator;
        lastYearsSum = true;
      }
    } else {
      const above = nodePath(outline, at);
      const item = above.length && above[above.length - 1].heading.form !== 'title' ? above[above.length - 1].heading.name.replace(/[\s\u3000]+/g, '').replace(/^[（(]?[一二三四五六七八九十0-9０-９]+[）)、.．]/, '') : '';
      if (item.length >= 2) indicator = `${item}计划投资`;
    }
  }
  // A group of residents named alone takes the measure the sentence gave the whole: "全体居民人均
  // 可支配收入55800元，其中城镇居民68900元、农村居民32400元".
  if (RESIDENT_GROUP.test(indicator)) {
    for (let k = previous.length - 1; k >= 0; k--) {
      const m = RESIDENT_MEASURE.exec(previous[k].indicator);
      if (m) {
        indicator += m[1];
        break;
      }
    }
  }
  // (Only a verb set before the list's names, "新增A 300家、B 500家", not one after a name, between
  // it and its number: "规上工业增加值增长6%、城镇新增就业45万人" names a count with no verb.)
  const verbOfItem = !!prevFig?.verb &&
    text.slice(Math.max(0, prevFig.span.start - prevFig.verb.length - 3), prevFig.span.start).replace(/(?:了|为|至|到)?[\s\u3000]*$/, '').endsWith(prevFig.verb);
  // (Nor into an item whose name holds a verb of its own: "实施省大中型项目3000个以上、年度完成投资
  // 1.3万亿元以上".)
  // (Not onto the investment of the projects the verb counted: "实施市级重大项目1200个、年度计划投资4800亿元".)
  // (Nor onto a stock the item names, "新增规上工业企业260家、总数突破3100家": what there is, not what was added.)
  if (!verb && prevFig && separatedFromPrev && prevFig.verb && !(verbOfItem && !indicatorInherited && indicator.length > 2) && !(!indicatorInherited && hasOwnVerb(indicator)) && !projectsInvestment &&
    (indicatorInherited || !/(?:总数|总量|总额|余额|存量|保有量)$/.test(indicator))) verb = prevFig.verb;
  // (So does a verb written into the first item's name, "新培育省级专精特新中小企业50家、高新技术企业
  // 80家以上": the second item is new ones too, not the stock named later, 高新技术企业总数.)
  // (Not onto a total or a share, "市场主体总量45万户", nor onto another measure, "到位资金320亿元".)
  if (!verb && prevFig && separatedFromPrev && !prevFig.verb && !indicatorInherited && indicator.length >= 2 && !hasOwnVerb(indicator) && !LIST_ACTION.test(indicator) && !projectsInvestment &&
    prevFig.unit === raw.unitText && !/(?:总量|总数|总额|余额|占比|比重|率|资金|投资|金额)$/.test(indicator)) {
    const act = LIST_ACTION.exec(stripNoise(prevFig.indicator));
    if (act) indicator = act[0] + indicator;
  }
  if (cumulative && !verb?.startsWith('累计')) verb = `累计${verb && verb !== '累计' ? verb : ''}`;

  // Context: the sentence, then the headings above, then the document.
  // A bound (以上, 不低于, 以内, 不超过, 控制在) is what an aim sets; a result is reported as it is.
  const bounded = comparatorText !== undefined && BOUND_WORDS.has(comparatorText) && verb !== undefined && !LEVEL_VERBS.has(verb);
  const ctx = context(s, reading, facts, outline, sections, at, inherited, inheritedKind, bounded, inheritedRegion, (previous[0]?.span.start ?? at) - s.start);
  const { path, periodSource } = ctx;
  const region = countyNamed ? facts.county! : ctx.region;
  const regionSource = countyNamed ? 'sentence' : ctx.regionSource;
  let period = ctx.period;
  if (lastYearsSum && period && period.start === period.end && Number.isFinite(period.start)) period = { value: String(period.start - 1), start: period.start - 1, end: period.start - 1, cue: '较上年' };
  // A change over a span, "五年来，经济总量由5.5万亿元增加到6.69万亿元": the end is the level at
  // the span's close; the start the level before it, unless it names its own year (由2020年的……).
  const spanStart = grewTo && period && period.start < period.end && prior.period ? prior.period : undefined;
  const startDated = spanStart !== undefined && /^\d{4}$/.test(spanStart) && Number(spanStart) < period!.start;
  if (spanStart !== undefined && (spanStart === period!.value || startDated)) {
    if (!startDated) prior.period = String(period!.start - 1);
    period = { value: String(period!.end), start: period!.end, end: period!.end, cue: period!.cue };
    prior.indicator = prior.indicator.replace(CHANGE_FROM, '');
    prior.measure = measureOf(prior.indicator, prior.verb, aliases);
  }
  let { kind, kindSource, kindCue } = ctx;
  // (A panel's line, "46万人左右：今年全省城镇新增就业预期目标": the words after the colon say what the
  // figure is, an aim too.)
  if (kindSource !== 'sentence' && !text.slice(text.lastIndexOf('\n', n.start - 1) + 1, n.start).trim()) {
    const label = /^(?:以上|左右|以内|以下)?[：:]([^，,。；;\n]{2,30})/.exec(text.slice(raw.end, s.end));
    const aim = label ? /力争|(?:计划|目标)(?![^，,。；;]{0,4}完成)/.exec(label[1]) : null;
    if (aim) {
      kind = 'target';
      kindSource = 'sentence';
      kindCue = aim[0];
    }
  }
  // The count that opens or sums up a list (重点抓好三项工作：一是……; 以上五个方面) is checked
  // against the list (enum.count-mismatch); it is neither a target nor a result. Nor is a
  // figure in a headline, which restates one of the text below it.
  const listCount = raw.unit?.dimension.startsWith('count:') ? opensList(text, raw.end, s.end, comparatorText) || sumsUpList(text, raw.num.start, s.start, raw) : false;
  const inHeadline = path.length > 0 && path[0].heading.form === 'title' && at < path[0].heading.span.end && path[0].heading.span.start <= firstText(text);
  // A figure that names the aim after it is the aim: "控制在2%左右的预期目标以内", "高于5%的年初目标",
  // "超额完成年初确定的6%增长目标".
  // (And a series that ends on the aims it was: "新增普惠性托位1500个、改造提升农贸市场20个等目标任务
  // 超额完成".)
  const namesAim = /^(?:以上|左右|以内|以下)?的?(?:年初|年度|全年)?(?:确定的)?(?:增长|增速)?(?:预期目标|预期|目标|计划)/.exec(text.slice(raw.end, Math.min(s.end, raw.end + 12))) ??
    SERIES_OF_AIMS.exec(text.slice(raw.end, Math.min(s.end, raw.end + 80)));
  // So is one the aim names right before it, in a year gone too: "城镇新增就业目标为4万人，实际完成
  // 4.3万人", "计划3万个→完成3.2万个". (Not a share of the plan: 完成年度计划103%.)
  // (Or the plan set at a year's start: "去年年初，我们安排一般公共预算收入增长3%，执行结果是增长3.8%".)
  const aimedAt = namesAim ? null : AIM_NAMED_BEFORE.exec(text.slice(Math.max(clauseStart, at - 8), at)) ?? SET_AT_YEAR_START.exec(text.slice(Math.max(s.start, at - 40), at));
  // (Or the plan a clause opens with, set against what came of it after: "计划城镇新增就业2.5万人，
  // 实际完成2.76万人" in a review states the plan, then the result.)
  // (Every item of the clause, after its 顿号 too: "计划新建幼儿园10所、新增公办学位1万个，实际……".)
  let planFrom = at - 1;
  while (planFrom > s.start && !'，,；;：:。'.includes(text[planFrom - 1])) planFrom--;
  const planned = namesAim || aimedAt ? null : PLAN_CLAUSE.exec(text.slice(planFrom, at).replace(/^[\s\u3000]+/, ''));
  const planAgainstOutcome = planned && OUTCOME_AFTER.test(text.slice(at, s.end)) ? planned : null;
  if ((namesAim || aimedAt || planAgainstOutcome) && !listCount && !inHeadline) {
    kind = 'target';
    kindSource = 'sentence';
    kindCue = (namesAim ?? aimedAt ?? planAgainstOutcome)![0];
  } else if (reported && !listCount && !inHeadline) {
    // (What a document or meeting set is its aim, even told after the year: "去年初自治区政府工作
    // 报告提出新增新能源装机3000万千瓦以上，全年超额完成任务".)
    kind = 'target';
    kindSource = 'sentence';
    kindCue = reported[0];
  }

  // (A headline's own words of time and aim, "——今年城镇新增就业3.42万人以上", say what it restates:
  // the kind it is compared by. Other documents' figures disagree with it as with the text.)
  // (Or its words of what it reports, "今年十件民生实事出炉" over "新增学位1.2万个　新增普惠托位1086个":
  // a list of this year's aims, said once for the figures the headline lines up.)
  // (Not one that looks back as well, "去年增长5.8%　今年预期6%左右", nor names two years.)
  const headlineWords = inHeadline && !listCount && kindSource !== 'sentence' ? `${path[0].name} ${path[0].detail ?? ''}` : undefined;
  // (Nor the count of the aims it announces, "十件民生实事".)
  const countsAims = /^(?:民生|重点|重大|主要)?(?:实事|任务|工作|举措|目标|行动|工程|项目)/.test(text.slice(raw.end, raw.end + 6));
  const headlineKind = headlineWords !== undefined && !countsAims && !PAST_WORDS.test(headlineWords) && new Set(headlineWords.match(/(?:19|20)\d{2}(?=\s*年)/g) ?? []).size <= 1 ? headingKind(headlineWords) : undefined;
  if (headlineKind) {
    kind = headlineKind;
    kindSource = 'heading';
    kindCue = undefined;
  } else if (listCount || (inHeadline && kindSource !== 'sentence' && kindSource !== 'document')) {
    // (A headline's figure of the document's own kind keeps it, where the text below does not say
    // otherwise: see headlinesAsBody.)
    kind = 'unknown';
    kindSource = null;
    kindCue = undefined;
  }
  // A figure about years, not one year: an average (年均增长5.7%), a sum of N years (五年累计).
  // See spanOfYears.
  if (period && period.start === period.end) period = spanOfYears(text, s.start, clauseStartOf(text, s.start, at), n.start, period, kind, ctx.path, sections, facts) ?? period;
  // Part of a year (1—2月, 一季度, 上半年) is another statement than the year.
  // (A heading that names one, "一、客观看待上半年经济运行形势", names it for the figures under it,
  // unless the sentence speaks of the whole year: "全年固定资产投资增长6%以上".)
  // (Nor does the part the paragraph opened with: "1—2月，……增长7.8%。全年地区生产总值要达到1300亿元".)
  const part = reading.partOfYear(at - s.start) ?? (/全年|年度|年底|年末/.test(text.slice(s.start, at)) ? undefined : inheritedPart ?? headingPart(path, sections));
  // The period rests on the document's year (read from its lead, dateline, occasion, or the
  // project's config): the hover and the messages say so.
  const yearBasis =
    period && facts.year !== undefined && facts.yearFrom && facts.yearFrom !== 'title' && (periodSource === 'document' || (periodSource !== 'heading' && RELATIVE_YEAR.test(period.cue)))
      ? period.start !== facts.year && periodSource === 'document' && facts.aimsCue
        ? { year: period.start, cue: facts.aimsCue, from: 'lead' as const }
        : { year: facts.year, cue: facts.yearCue ?? '', from: facts.yearFrom }
      : undefined;

  // A bracket right after a figure that gives the same for another place, "增长6%（全省3%）",
  // "5.5%左右（全国为5%）": its subject is the figure's, certainly.
  const placeAside = !!prevFig && indicatorInherited && region !== prevFig.region && ASIDE_PLACE.test(text.slice(prevFig.span.end, n.start));
  // (And its verb: the bracket gives the other place's growth, not a level.)
  if (placeAside && !verb && prevFig.verb) verb = prevFig.verb;
  const figText = text.slice(n.start, raw.end);
  const valueText = `${fmt(raw.value)}${raw.max !== undefined ? `～${fmt(raw.max)}` : ''}`;
  const unitShown = unitText || base;
  const spaced = /^[%％‰]$/.test(unitShown) ? `${valueText}${unitShown}` : `${valueText} ${unitShown}`;
  const before = comparatorText && COMPARATOR_BEFORE_WORDS.has(comparatorText) && !raw.approxSuffix;
  const lead = indicatorAfter ? phrase : phrase || indicator;
  const statementText =
    `${lead}${lead ? ' ' : ''}${before ? comparatorText + ' ' : ''}${spaced}${!before && comparatorText ? comparatorText : ''}` +
    (indicatorAfter ? indicator : '');
  // (The city's own name that opens its figure's indicator names the place, not what is measured:
  // 桂林两江国际机场旅客吞吐量 of 桂林市 is what the city's report calls 两江国际机场旅客吞吐量.)
  const ownStem = region?.endsWith('市') ? region.slice(0, -1) : undefined;
  if (ownStem && ownStem.length >= 2 && indicator.startsWith(ownStem) && indicator.length - ownStem.length >= 4 && !NAMED_FOR_PLACE.test(indicator.slice(ownStem.length))) indicator = indicator.slice(ownStem.length);
  const figure: Figure = {
    span: { start: n.start, end: raw.end },
    text: figText,
    indicator,
    measure: measureOf(indicator, verb, aliases),
    // (Borrowed with a verb of its own, "外贸进出口总额2910亿元、增长7.2%", the subject is not in
    // doubt: chained. Borrowed with the same verb, "分别增长2.2%和3.6%", it may be another's.)
    indicatorFrom: indicatorInherited ? ((verb && prevFig && verb !== prevFig.verb && !respectively) || placeAside || outcome ? 'chained' : 'previous') : indicatorAfter ? 'after' : 'clause',
    verb,
    value: raw.value,
    max: raw.max,
    unit: unitText || base,
    normalized: normalizedOf(round(raw.value * raw.factor), raw.max !== undefined ? round(raw.max * raw.factor) : undefined, base),
    dimension,
    comparator,
    comparatorText,
    period: period?.value ?? null,
    periodSource: period ? periodSource : null,
    periodCue: period?.cue,
    region,
    regionSource,
    kind,
    kindSource,
    kindCue,
    ...(part ? { part } : {}),
    ...(yearBasis ? { yearBasis } : {}),
    // (The document's own place, read from its publisher, lead or config, where the sentence
    // does not name it: 全市 in 宜宾日报讯's brief.)
    ...(region && facts.regionFrom && facts.regionFrom !== 'title' && facts.regionFrom !== 'level' && [facts.region, facts.city, facts.province, facts.county].includes(region) && !reading.text.includes(region.slice(0, 2))
      ? { regionBasis: { cue: facts.regionCue ?? '', from: facts.regionFrom } }
      : {}),
    ...(listCount ? { listCount } : {}),
    ...(inHeadline ? { headline: true } : {}),
    ...(path.some((p) => p.heading.form === 'title' && SPOKEN_TITLE.test(`${p.name} ${p.detail ?? ''}`)) ? { spoken: true } : {}),
    statement: statementText,
    sentence: { start: s.start, end: s.end },
    section: path.map((p) => p.name),
  };
  if (respectively) {
    // The subjects may be listed with 、 before the clause: 城镇、农村居民人均可支配收入分别达到.
    let from = clauseStart;
    while (from - 1 > s.start && text[from - 1] === '、') {
      let k = from - 2;
      while (k >= s.start && !endsClause(text, k)) k--;
      if (from - 2 - k > 12) break;
      from = k + 1;
    }
    RESPECTIVELY.set(figure, from < clauseStart ? text.slice(from, clauseStart) : '');
  }
  if (countyNamed) COUNTY_NAMED.add(figure);
  if (deedName && deedName !== indicator) DEED_NAMED.set(figure, deedName);
  return figure;
}

/** An era named by what happened, not by its years: 在和平解放初期，在改革开放之初，. */
const ERA = /在([^，,。；;！？\d０-９年]{2,12}?)(?:初期|之初|时期|年代|时候|前夕)[，,]/gu;

/**
 * Figures after an era the sentence names by what happened, "人均预期寿命由72.19岁提高到73.2岁，而在和平
 * 解放初期，这一数字只有35.5岁": of that time, which no year says; compared with nothing. (Not an era
 * that names its plan, 在“十四五”时期, which dates as a plan does.)
 */
function datedByEra(text: string, sentenceStart: number, inSentence: Figure[]): void {
  if (!inSentence.length) return;
  const sentence = text.slice(sentenceStart, inSentence[inSentence.length - 1].span.start);
  if (!/初期|之初|时期|年代|时候|前夕/.test(sentence)) return;
  for (const m of sentence.matchAll(ERA)) {
    if (/十[一二三四五六]五/.test(m[1])) continue;
    const eraEnd = sentenceStart + m.index! + m[0].length;
    for (const f of inSentence) {
      if (f.span.start < eraEnd || /[；;]/.test(text.slice(eraEnd, f.span.start))) continue;
      // (Unless its own time is named after the era: looked for within the sentence only.)
      if (f.periodCue && text.slice(eraEnd, f.span.start).includes(f.periodCue)) continue;
      f.period = null;
      f.periodSource = null;
      f.periodCue = undefined;
    }
  }
}

/** Capacities counted bare: places at school, beds, nursery places, berths, parking spaces. */
const CAPACITY = /^(?:学位|床位|托位|泊位|车位|座位)$/;
/** The facility whose capacity a bare capacity counts (facilitiesOfCapacities). */
const FACILITY_OF = new WeakMap<Figure, string>();

/** A bare capacity right after a count of facilities, "新建改扩建公办幼儿园30所、新增学位6000个": that facility's. */
function facilitiesOfCapacities(text: string, inSentence: Figure[]): void {
  for (let k = 1; k < inSentence.length; k++) {
    const f = inSentence[k];
    const prior = inSentence[k - 1];
    if (!CAPACITY.test(f.measure.indicator) || !prior.dimension.startsWith('count:')) continue;
    const gap = text.slice(prior.span.end, f.span.start);
    if (gap.length > 8 || /[；;。]/.test(gap)) continue;
    const facility = prior.indicator.trim().replace(/^(?:新建|改扩建|新改扩建|改建|扩建|建设|建成|续建)+/, '');
    if (facility.length >= 2 && !CAPACITY.test(facility)) FACILITY_OF.set(f, facility);
  }
}

/**
 * Bare capacities of two facilities in one paragraph, "新建改扩建公办幼儿园30所、新增学位6000个，新建改扩建
 * 中小学15所、新增学位1.2万个": two measures, each named with its facility (公办幼儿园学位, 中小学学位).
 * (Named once, the capacity names it: "新增学位1.2万个" meets "新建学校3所，新增学位1.2万个".) Once per
 * paragraph, when it ends.
 */
function capacitiesApart(paragraph: readonly Figure[], aliases: AliasTable | undefined): void {
  apartByWord(paragraph.filter((f) => CAPACITY.test(f.measure.indicator)), FACILITY_OF, (f) => `${f.measure.indicator}\u0000${f.measure.verb}`, (f, facility) => `${facility}${f.indicator.trim()}`, aliases);
}

/**
 * Figures of one measure told apart by a word each carries (the deed done for them, the facility
 * they are the places of): where the figures of one measure carry two words or more, each is named
 * with its own; where all carry one, the measure stays as it is. Linear in the figures.
 */
function apartByWord(figures: readonly Figure[], word: WeakMap<Figure, string>, keyOf: (f: Figure) => string, named: (f: Figure, w: string) => string, aliases: AliasTable | undefined): void {
  const words = new Map<string, Set<string>>();
  const carriers: [Figure, string, string][] = [];
  for (const f of figures) {
    const w = word.get(f);
    if (w === undefined) continue;
    const k = keyOf(f);
    carriers.push([f, k, w]);
    const set = words.get(k);
    if (set) set.add(w);
    else words.set(k, new Set([w]));
  }
  for (const [f, k, w] of carriers) {
    if (words.get(k)!.size < 2) continue;
    f.indicator = named(f, w);
    f.measure = measureOf(f.indicator, f.verb, aliases);
  }
}

/**
 * A part an area names after 其中, "改造城镇老旧小区186个……，其中中心城区64个", "新建城市口袋公园40个（其中
 * 中心城区15个）": the whole's measure in that area, not a measure "中心城区". Which part, the words do not
 * say against another document's: compared with nothing.
 */
function areaParts(text: string, inSentence: Figure[]): void {
  for (let k = 1; k < inSentence.length; k++) {
    const f = inSentence[k];
    const m = /其中[，,：:]?(\p{Script=Han}{2,5})$/u.exec(text.slice(Math.max(0, f.span.start - 10), f.span.start));
    if (!m || !/(?:[区城乡村镇县]|市本级)$/.test(m[1]) || f.indicator.trim() !== m[1]) continue;
    const prior = lastOf(inSentence.slice(0, k), (p) => p.normalized.unit === f.normalized.unit && p.indicatorFrom !== 'previous');
    if (!prior) continue;
    f.indicator = prior.indicator;
    f.verb = prior.verb;
    f.measure = prior.measure;
    f.indicatorFrom = 'previous';
  }
}

/** The deed done for those a figure counts, where a service is for them (build): "适龄妇女免费开展宫颈癌筛查". */
const DEED_NAMED = new WeakMap<Figure, string>();

/**
 * Those a service is for, counted twice in one sentence for two deeds, "为4.2万名适龄妇女免费开展宫颈癌
 * 筛查、为3.6万名适龄妇女免费开展乳腺癌筛查": two measures, each named with its deed. (Named alone, the
 * people name it: "为3.2万名适龄妇女免费开展“两癌”筛查" meets "为3.2万名适龄妇女免费开展宫颈癌、乳腺癌筛查".)
 */
function deedsApart(inSentence: Figure[], aliases: AliasTable | undefined): void {
  apartByWord(inSentence, DEED_NAMED, (f) => f.indicator, (_f, deed) => deed, aliases);
}

/**
 * A table cell's figure: the number read where it stands, its unit, indicator, period and kind
 * from the row, the column and the caption (table.ts), the rest as for any figure.
 */
function tableFigure(
  text: string,
  s: Span,
  reading: SentenceReading,
  c: CellReading,
  facts: DocumentFacts,
  outline: OutlineNode[],
  sections: Sections,
  inheritedRegion: string | undefined,
): Figure | undefined {
  const at = /^[-－−]/.test(c.cell.text) ? c.cell.start + 1 : c.cell.start;
  const cellEnd = c.cell.start + c.cell.text.length;
  const written = readQuantity(text, at, cellEnd);
  let raw: Raw | undefined = written && written.unit ? written : undefined;
  if (!raw) {
    const num = readArabic(text, at, cellEnd);
    if (!num) return undefined;
    const u = c.unit ? readQuantity(`1${c.unit}`, 0, c.unit.length + 1) : undefined;
    raw = u && (u.unit || u.unitText)
      ? { num, end: num.end, value: num.value, unit: u.unit, unitText: u.unitText, factor: u.factor, rate: u.rate }
      : { num, end: num.end, value: num.value, unitText: c.unit ?? '', factor: 1, bare: !c.unit };
    // (A range in a cell, "4.5—5": both ends, as in a sentence.)
    const sep = RANGE_SEP.exec(text.slice(num.end, Math.min(cellEnd, num.end + 3)));
    const second = sep ? readArabic(text, num.end + sep[0].length, cellEnd) : undefined;
    if (second && second.value > num.value) raw = { ...raw, end: second.end, max: second.value };
  }
  const fig = build(text, s, reading, raw, [], facts, outline, sections, at, undefined, undefined, inheritedRegion);
  if (!fig) return undefined;
  const indicator = c.indicator.trim();
  fig.indicator = indicator;
  fig.verb = c.column?.growth ? '增长' : undefined;
  fig.measure = measureOf(indicator, fig.verb, aliases);
  fig.indicatorFrom = 'clause';
  fig.cell = true;
  if (c.place) {
    fig.region = c.place;
    fig.regionSource = 'sentence';
  } else if (c.column) {
    // A column named for a place, "指标 | 全省 | 全市" or "| 南京市 | 苏州市": its cells are that place's.
    const header = c.column.header.replace(/[\s\u3000]/g, '');
    const self = isSelfReference(header) ? selfLevelOf(header) : undefined;
    const named = self ? undefined : placesIn(header).find((p) => p.at === 0 && p.name.length >= header.length - 1);
    if (self) {
      const r = selfRegion(self, facts);
      if (r) {
        fig.region = r;
        fig.regionSource = 'heading';
      }
    } else if (named && named.level !== 'country') {
      fig.region = named.name;
      fig.regionSource = 'heading';
    }
  }
  const pieceYear = pieceYearOf(nodePath(outline, at), sections) ?? facts.year;
  const cue = periodCues(c.column?.header ?? '')[0] ?? periodCues(c.caption ?? '')[0];
  const period = cue?.period(pieceYear);
  if (period) {
    fig.period = period.value;
    fig.periodSource = 'heading';
    fig.periodCue = period.cue;
  }
  // (A year's column before the caption's year, "2025年" in "2026年……目标", is the base the aims
  // start from: a result, not an aim.)
  const captionYear = c.caption ? yearIn(c.caption) : undefined;
  const baseColumn = !c.column?.kind && (c.captionKind ?? fig.kind) === 'target' && captionYear !== undefined && period !== undefined && period.end < captionYear;
  // (A column of estimates, "2025年预计", for a year gone or the one a year-end text closes, holds
  // results as they stand: 预计 names an aim only for a year to come.)
  const estimated = c.column?.kind === 'target' && /预计/.test(c.column.header) && !/目标|预期|计划/.test(c.column.header) &&
    period !== undefined && pieceYear !== undefined && (period.end < pieceYear || (!!facts.lateInYear && period.end <= pieceYear));
  const kind = estimated ? 'actual' : c.column?.kind ?? (baseColumn ? 'actual' : c.captionKind);
  if (kind) {
    fig.kind = kind;
    fig.kindSource = 'heading';
    fig.kindCue = c.column?.header;
  }
  const part = partIn(c.column?.header ?? '') ?? partIn(c.caption ?? '') ?? partIn(c.heading ?? '');
  if (part) fig.part = part;
  fig.statement = `${indicator} ${c.column ? `${c.column.header} ` : ''}${c.cell.text}${c.unit && !written?.unit ? ` ${c.unit}` : ''}`;
  return fig;
}

/** Verbs that make others act, right before a count: 推动, 带动, 引导, 支持, 组织. */
const CAUSATIVE_BEFORE = /(?:推动|带动|引导|支持|帮助|组织|鼓励|指导|促进|助推|督促)(?:了)?(?:全市|全省|全县|全区)?$/;

/** The head of an account or a measure that a list's names share, written once after the last. */
const SHARED_HEAD = /(?:支出|收入|产值|增加值|投资|产量|销售额|营业收入)$/;

/** What joins the values of a 分别 run: 、 or 和 (after a value's bound). */
const VALUE_JOIN = /^[\s\u3000]*(?:以上|左右|以内|以下)?[\s\u3000]*(?:、|和|及|与|以及)?[\s\u3000]*[-－−]?$/;

/** Figures whose clause says 分别: the first of a run of values that go to several subjects. */
const RESPECTIVELY = new WeakMap<Figure, string>();
/** Figures whose clause opened with the county's own stem (渝北今年将……). */
const COUNTY_NAMED = new WeakSet<Figure>();

/**
 * The county that named itself by its stem goes on over the sentence's clauses after it until
 * another place is named: "渝北今年将力争汽车产量突破50万辆，其中新能源汽车产量30万辆".
 */
function countyGoesOn(text: string, inSentence: Figure[], facts: DocumentFacts): void {
  const k = inSentence.findIndex((f) => COUNTY_NAMED.has(f));
  if (k < 0) return;
  for (let j = k + 1; j < inSentence.length; j++) {
    const f = inSentence[j];
    if (placesIn(text.slice(inSentence[k].span.end, f.span.start)).length || /全市|全省|全国|我市|我省/.test(text.slice(inSentence[k].span.end, f.span.start))) break;
    f.region = facts.county!;
    f.regionSource = 'sentence';
  }
}
/** The years a 分别 clause lists before it, in order: 2024年、2025年 (or 2024、2025年, 2024年和2025年). */
function yearsBefore(text: string, f: Figure): string[] | undefined {
  const at = text.lastIndexOf('分别', f.span.start);
  if (at < f.sentence.start) return undefined;
  // (The list stands right before the subject: a bounded look back, whatever the sentence's length.)
  const clause = text.slice(Math.max(f.sentence.start, at - 60), at);
  const m = /((?:19|20)\d{2})年?((?:[、和与及](?:19|20)\d{2}年?)+)[^，,；;。、0-9]{0,16}$/u.exec(clause);
  if (!m || !/年/.test(m[0])) return undefined;
  return [m[1], ...m[2].split(/[、和与及]/).filter(Boolean).map((y) => y.replace('年', ''))];
}


/**
 * "A、B分别增长x和y" gives x to A and y to B: the subjects are the figures before in the
 * sentence (接待游客2.6亿人次、实现旅游收入3150亿元，分别增长11.2%和14.6%) or the coordinated
 * modifiers of one indicator (城镇和农村居民人均可支配收入分别达到4.95万元和2.56万元; 城乡 =
 * 城镇 and 农村). Left as it was when the counts do not match.
 */
function distributeRespectively(inSentence: Figure[], text: string, facts: DocumentFacts): void {
  for (let i = 0; i < inSentence.length; i++) {
    const f0 = inSentence[i];
    if (!RESPECTIVELY.has(f0)) continue;
    const group = [f0];
    // (The run of values is joined by 、 or 和: "分别增长6.8%、7.1%，岱山县增长12.7%" ends at the comma,
    // after which a place names its own figure.)
    for (let j = i + 1; j < inSentence.length && inSentence[j].indicatorFrom === 'previous' && inSentence[j].verb === f0.verb && VALUE_JOIN.test(text.slice(inSentence[j - 1].span.end, inSentence[j].span.start)); j++) group.push(inSentence[j]);
    const n = group.length;
    if (n < 2) continue;
    // Years listed before 分别 part the values among them: "2024年、2025年全市GDP分别增长5.9%和
    // 6.3%" is one indicator in two years.
    const years = yearsBefore(text, f0);
    if (years && years.length === n) {
      group.forEach((f, k) => {
        f.period = years[k];
        f.periodSource = 'sentence';
        f.periodCue = undefined;
        f.indicator = f0.indicator;
        f.measure = f0.measure;
        f.indicatorFrom = 'clause';
      });
      i += n - 1;
      continue;
    }
    // Places listed before one measure part the values among them: "荣县、富顺县地区生产总值分别
    // 达到412.6亿元、436.8亿元", "全省、全市地区生产总值分别增长5.6%、6.1%".
    const subject = RESPECTIVELY.get(f0)! + f0.indicator.replace(/分别/g, '');
    // (Or listed before an earlier 分别 of the sentence, its measure naming no place: "长沙县、浏阳市、
    // 宁乡市分别位居……，地区生产总值分别为……".)
    const places = placeSeries(subject, n, facts, f0) ?? listedBefore(text, f0, subject, n, facts);
    if (places) {
      const place = (f: Figure, k: number) => {
        f.indicator = places.measure;
        f.measure = measureOf(f.indicator, f.verb, aliases);
        f.indicatorFrom = 'clause';
        f.region = places.regions[k];
        f.regionSource = 'sentence';
      };
      group.forEach(place);
      // (A second run of as many values goes to the same places: "……分别达到……，增长……"; not
      // values that name places of their own: "……，岱山县增长12.7%，嵊泗县增长5.9%".)
      const next = inSentence.slice(i + n, i + 2 * n);
      const ownPlaces = next.length > 0 && placesIn(text.slice(group[n - 1].span.end, next[next.length - 1].span.start)).length > 0;
      if (next.length === n && !ownPlaces && next[0].indicatorFrom !== 'clause' && next.slice(1).every((f) => f.indicatorFrom === 'previous' && f.verb === next[0].verb)) {
        next.forEach(place);
        i += n;
      }
      i += n - 1;
      continue;
    }
    let names: string[] | undefined;
    let shared: string | undefined;
    // (分别 goes wherever it stands, before a verb too: 城乡低保标准分别提高到.)
    // (Nor does the whole's scope or time name a subject: 全市粮食、油料产量 are 粮食产量 and 油料产量.)
    const ind = (RESPECTIVELY.get(f0)! + f0.indicator.replace(/分别/g, '')).replace(/^(?:全年|全市|全省|全县|全区|全州|今年|去年|我市|我省|我县|我区)+/, '');
    let parts = ind.split(/和|与|及|、/);
    // (A name with 和 of its own, "教育、社会保障和就业、卫生健康支出": the 顿号 part the names.)
    if (parts.length !== n && ind.split('、').length === n) parts = ind.split('、');
    if (parts.length === n && parts.slice(0, -1).every((p) => p.length >= 1 && p.length <= 4)) {
      const last = parts[n - 1];
      // (The statistics' urban and rural halves need not be written alike: 城镇和农村牧区常住居民
      // 人均可支配收入, where the rural half is 农村牧区, as Inner Mongolia's statistics call it.)
      const rural = n === 2 && /^(?:城镇|城市)$/.test(parts[0]) ? /^(?:农村牧区|农牧区|农村)/.exec(last) : null;
      const modifier = rural ? rural[0].length : parts[n - 2].length;
      const head = last.slice(modifier);
      // (城镇、农村居民收入: the shared head 居民收入. Not 工业和服务业增加值, where the modifiers
      // differ in length: a head that starts with the first modifier's character is not one.)
      if (head.length >= 2 && !parts[0].includes(head[0]) && !parts[0].includes(last[modifier - 1])) {
        names = [...parts.slice(0, -1).map((p) => p + head), last];
        shared = head;
      }
    }
    const longParts = parts.length === n && parts.slice(0, -1).every((p) => p.length >= 2);
    if (!names && longParts) {
      // (Longer names of areas before a shared measure: "渝东北三峡库区城镇群、渝东南武陵山区城镇群地区
      // 生产总值": the measure begins where the last name ends as the first one does, after 城镇群;
      // "城镇居民和农村居民人均可支配收入", after 居民.)
      const last = parts[n - 1];
      for (let k = Math.min(parts[0].length, last.length - 2); k >= 2; k--) {
        const end = parts[0].slice(-k);
        const at = last.indexOf(end);
        if (at > 0 && last.length - (at + k) >= 2 && parts.slice(1, -1).every((p) => p.endsWith(end))) {
          const head = last.slice(at + k);
          names = [...parts.slice(0, -1).map((p) => p + head), last];
          shared = head;
          break;
        }
      }
      // (Whole names, with nothing shared: "固定资产投资、社零总额分别增长4.2%和4.6%".)
      if (!names && parts.every((p) => p.length >= 4)) names = parts;
      // (Or a head of account that only the last name writes: "教育、社会保障和就业、卫生健康支出".)
      const head = SHARED_HEAD.exec(parts[n - 1])?.[0];
      if (!names && head && parts[n - 1].length > head.length + 1 && parts.slice(0, -1).every((p) => !p.endsWith(head))) {
        names = [...parts.slice(0, -1).map((p) => p + head), parts[n - 1]];
        shared = head;
      }
    }
    if (!names && n === 2 && ind.startsWith('城乡') && ind.length > 4) {
      names = [`城镇${ind.slice(2)}`, `农村${ind.slice(2)}`];
    } else if (!names && !longParts) {
      const prior = inSentence.slice(0, i).filter((f) => f.indicatorFrom !== 'previous');
      if (prior.length >= n) names = prior.slice(prior.length - n).map((f) => f.indicator);
    }
    if (!names || new Set(names).size !== n) continue;
    // (Names of cities written without 市, "襄阳、宜昌地区生产总值分别为……": the cities are the
    // figures' places, the shared measure their name.)
    const cities = shared ? names.map((x) => `${x.slice(0, x.length - shared!.length)}市`) : [];
    const ofCities = cities.length === n && cities.every((c) => /^\p{Script=Han}{3,4}$/u.test(c) && isKnownPlace(c));
    const name = (f: Figure, k: number) => {
      f.indicator = ofCities ? shared! : names![k];
      f.measure = measureOf(f.indicator, f.verb, aliases);
      f.indicatorFrom = 'clause';
      if (ofCities) {
        f.region = cities[k];
        f.regionSource = 'sentence';
      }
    };
    group.forEach(name);
    // "……分别达到56120元、27860元，增长4.5%和6.2%": a second run of as many values that goes on
    // with the same subjects.
    const next = inSentence.slice(i + n, i + 2 * n);
    if (next.length === n && next[0].indicatorFrom !== 'clause' && next.slice(1).every((f) => f.indicatorFrom === 'previous' && f.verb === next[0].verb)) {
      next.forEach(name);
      i += n;
    }
    i += n - 1;
  }
}

/** The words that compare a clause's subject with a whole, 高出全市, 与全省: the verb and the whole. */
const COMPARED_WITH = '(?:与|同|比|较|高于|低于|高出|低出|快于|慢于|超过|超出|优于)(全国|全省|全市|全州|全县|全区)';
/** That whole right before its value: 与全市55.7%的平均水平, 高出全市（4.7%）. */
const BASE_BEFORE = new RegExp(`${COMPARED_WITH}(?:平均)?(?:水平)?[（(]?$`);
const BASE_AFTER = /^(?:[）)]|的(?:平均)?水平|的平均值)/;
const COMPARING = new RegExp(COMPARED_WITH);

/**
 * A value given for the whole a clause compares with: "全县常住人口城镇化率提高到46.3%，与全市55.7%的
 * 平均水平差距进一步缩小", "社会消费品零售总额增速高出全市（4.7%）1.2个百分点". It is that whole's
 * figure of the clause's subject, not the subject's own.
 */
function baseValues(text: string, sentenceStart: number, inSentence: Figure[], facts: DocumentFacts): void {
  for (let k = 0; k < inSentence.length; k++) {
    const f = inSentence[k];
    const before = BASE_BEFORE.exec(text.slice(Math.max(sentenceStart, f.span.start - 8), f.span.start));
    if (!before || !BASE_AFTER.test(text.slice(f.span.end, f.span.end + 6))) continue;
    // (The subject: the figure before it in the clause, or the words before the comparison.)
    const clauseStart = Math.max(sentenceStart, ...['，', '；', '。'].map((c) => text.lastIndexOf(c, f.span.start - before[0].length - 1) + 1));
    // (The words before the comparison when the clause names its subject, "农村居民人均可支配收入高于
    // 全市（2.3万元）"; else the figure before, "……提高到46.3%，与全市55.7%的平均水平……".)
    const words = text.slice(clauseStart, f.span.start);
    const m = COMPARING.exec(words);
    let subject = m ? words.slice(0, m.index).replace(WHOLE_OPENING, '') : '';
    if (subject.length < 2) subject = k > 0 && inSentence[k - 1].span.end > sentenceStart ? inSentence[k - 1].indicator : '';
    if (subject.length < 2) continue;
    f.indicator = subject;
    f.measure = measureOf(subject, f.verb, aliases);
    f.indicatorFrom = 'clause';
    f.region = selfRegion(selfLevelOf(before[1]), facts);
    f.regionSource = 'sentence';
  }
}

/** The year just past told as a stretch of time, not as the year before: 一年来, 过去一年. */
const TWELVE_MONTHS = /^(?:一年来|(?:刚刚)?过去(?:的)?一年)$/;
/** Years just past told as a stretch of time: 五年来, 过去五年, 近5年. */
const PAST_SPAN = /^(?:过去|近|这)?[五5]年(?:来)?$/;

/** A figure named back as "this figure", before its value then: 这一数字还是, 该指标为. */
const THAT_FIGURE_BACK = new RegExp(`${THAT_FIGURE_NOUN}(?:还|仅|只)?(?:是|为|达)?$`);

/** The report of the place above, named bare in a heading: 市政府工作报告, 省政府工作报告. */
const HIGHER_REPORT = /(?:^|[】\s\u3000：:])(省|自治区|市)(?:人民)?政府工作报告/;

/** The last element that passes `test` (Array.prototype.findLast is ES2023, past the target). */
function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k])) return items[k];
  return undefined;
}

/** A result measured against its target: 高于, 低于, (超额)完成, 与……持平 before the target's value. */
const AGAINST_TARGET = /(?:高于|低于|超过|超出|好于|快于|慢于|优于|未完成|未达到|(?:超额)?完成|实现|达到|(?<!\p{Script=Han})与)(?:了)?(?:年初|年度|全年)?(?:确定|定|提出|设定|下达)?的?(增长|下降|提高|降低|增加|减少)?$/u;
/** The target named after its value: 7%左右的预期目标, 60万人预期目标, 2%左右的调控目标, 6%增长目标. */
const TARGET_NAMED = /^(?:左右|以上|以内|以下|上下)?(?:的)?(?:年初|年度|全年)?(?:确定的|提出的|设定的)?(?:增长|增速)?(?:预期|调控|计划|考核|发展|年度)?目标/;

/**
 * A target's value a result is measured against, "规模以上工业增加值增长7.8%，高于7%左右的预期目标",
 * "城镇新增就业62.3万人，完成60万人预期目标的103.8%": the target of the subject the clause or the
 * figure before it names, not an indicator "高于" or "完成".
 */
function targetsMeasured(text: string, sentenceStart: number, inSentence: Figure[]): void {
  for (let k = 1; k < inSentence.length; k++) {
    const f = inSentence[k];
    if (!TARGET_NAMED.test(text.slice(f.span.end, f.span.end + 14))) continue;
    const clauseStart = clauseStartOf(text, sentenceStart, f.span.start);
    const words = text.slice(clauseStart, f.span.start);
    const against = AGAINST_TARGET.exec(words);
    if (!against) continue;
    // (与 compares only where the clause says so after the target: 与……预期目标基本持平.)
    if (/与$/.test(against[0].replace(/(?:了)?(?:年初|年度|全年)?(?:确定|定|提出|设定|下达)?的?(?:增长|下降|提高|降低|增加|减少)?$/, '')) && !/持平|相当|一致|相符/.test(text.slice(f.span.end, f.span.end + 24))) continue;
    // (A result is measured: a figure of the sentence before it is one. "研发投入强度达到2.5%的目标" in
    // a plan aims, and keeps its bound.)
    if (!inSentence.slice(0, k).some((p) => p.kind === 'actual')) continue;
    // (The subject: the clause's words before the comparison, else the figure before it.)
    const own = stripNoise(words.slice(0, against.index));
    // (The figure before in its unit: "增长5.6%，比全省高0.2个百分点，超过了年初定的5.5%的预期目标".)
    const prior = lastOf(inSentence.slice(0, k), (p) => p.unit === f.unit);
    const subject = own.length >= 2 ? own : prior?.indicator ?? '';
    if (subject.length < 2) continue;
    f.indicator = subject;
    // (高于 or 超过 before it compares the result with the target: it bounds nothing of the target's.)
    if (f.comparatorText !== undefined && COMPARATOR_BEFORE_WORDS.has(f.comparatorText)) {
      f.comparator = 'eq';
      f.comparatorText = undefined;
    }
    // (The comparison's own verb, 完成 or 达到, is not the subject's: 增长 of 未完成增长3% is.)
    if (own.length < 2) f.verb = against[1] ?? prior?.verb;
    f.measure = measureOf(subject, f.verb, aliases);
    f.indicatorFrom = 'clause';
    f.kind = 'target';
    f.kindSource = 'sentence';
    f.kindCue = text.slice(f.span.end, f.span.end + 14).match(TARGET_NAMED)![0].replace(/^(?:左右|以上|以内|以下|上下)?的?/, '');
    // (And the share of it done, "完成60万人预期目标的103.8%", is a result: how much of the target.)
    const done = inSentence[k + 1];
    if (done && /[%％]/.test(done.text) && /^(?:左右|以上)?(?:的)?(?:年初|年度|全年)?(?:预期|调控|计划|考核|发展|年度)?目标的$/.test(text.slice(f.span.end, done.span.start))) {
      done.indicator = `${subject}目标完成率`;
      done.verb = undefined;
      done.measure = measureOf(done.indicator, undefined, aliases);
      done.indicatorFrom = 'clause';
      done.kind = 'actual';
      done.kindSource = 'sentence';
      done.kindCue = undefined;
    }
  }
}

/** The start of a change from one level to another: 由2020年的, 从, 由. */
const FROM_END = /(?:由|从)(?:((?:19|20)\d{2})|(上年|去年|上一年))?(?:年(?:底|末)?|底|末)?(?:的)?$/;
/** The verbs of a change to a level: 增加到, 提高至, 下降到. */
const CHANGED_TO = '增加|增长|提高|提升|上升|扩大|跃升|攀升|下降|降低|减少|缩小|缩减|回落';
/** Between the two levels: 增加到2025年的, 提高至, 下降到. */
const TO_BETWEEN = new RegExp(`^(?:${CHANGED_TO})?(?:到|至)((?:19|20)\\d{2})?(?:年(?:底|末)?)?(?:的)?$`);
const CHANGE_VERB = new RegExp(`^(?:${CHANGED_TO})$`);

/**
 * A level that went from one value to another, "地区生产总值由2020年的1372.9亿元增加到2025年的1985.6亿元":
 * both are the subject's levels, each of its own year, not "地区生产总值由2020年" and "到2025年".
 */
function fromTo(text: string, inSentence: Figure[]): void {
  for (let k = 0; k + 1 < inSentence.length; k++) {
    const [a, b] = [inSentence[k], inSentence[k + 1]];
    // (Or a panel's label names the subject, and 由 opens its line after the colon: "高新技术企业：由
    // 1328家增加到2712家".)
    const labelled = !FROM_END.test(a.indicator) && /[：:]$/.test(text.slice(Math.max(0, a.span.start - 40), a.span.start).replace(FROM_END, '')) ? FROM_END.exec(text.slice(Math.max(0, a.span.start - 12), a.span.start)) : null;
    const from = labelled ?? FROM_END.exec(a.indicator);
    const to = from && TO_BETWEEN.exec(text.slice(a.span.end, b.span.start).replace(/[\s\u3000]/g, ''));
    if (!from || !to || a.unit !== b.unit) continue;
    const subject = labelled ? a.indicator : a.indicator.slice(0, from.index);
    if (subject.length < 2) continue;
    // (From the year before, "由上年的68.2万辆增加到81.6万辆": the year before the level reached.)
    const reached = to[1] ?? (b.period && /^\d{4}$/.test(b.period) ? b.period : undefined);
    const before = from[2] && reached ? String(Number(reached) - 1) : undefined;
    for (const [f, y] of [[a, from[1] ?? before], [b, to[1]]] as const) {
      // (Each is a level: 增加到 names where it got to, as 达到 does, not a change by that much.)
      if (f.verb && CHANGE_VERB.test(f.verb)) f.verb = '达到';
      f.indicator = subject;
      f.measure = measureOf(subject, f.verb, aliases);
      f.indicatorFrom = 'clause';
      if (y) {
        f.period = y;
        f.periodSource = 'sentence';
        f.periodCue = undefined;
      } else if (f === a && !(labelled && a.period && a.period !== b.period)) {
        // (The level it started from, with no year written, "研发投入强度由3.14%提高到3.48%", is
        // of a time before the sentence's: none that can be named. A panel's line keeps the span's
        // start already given it, "经济总量：从1639亿元跃升至2368.5亿元" under 五年来.)
        f.period = null;
        f.periodSource = null;
        f.periodCue = undefined;
      }
    }
  }
}

/** A budget or plan named as the base of a result: 为调整预算（720.60亿元）的100.8%, 完成年度计划的. */
const BUDGET_BASE = /^(?:为|完成|达到|达|占)?(?:年初|调整|调整后|年度|全年)?(?:预算|计划)数?$/;

/**
 * A result read against its budget, "一般公共预算收入726.38亿元，为调整预算720.60亿元的100.8%，
 * 增长3.1%": the budget's amount is the subject's budget (一般公共预算收入调整预算), the share its
 * completion, and what follows, the growth, the subject's own again, not the budget's.
 */
function budgetBases(inSentence: Figure[]): void {
  let subject: Figure | undefined;
  for (const f of inSentence) {
    if (!BUDGET_BASE.test(f.indicator)) {
      subject = f;
      continue;
    }
    if (!subject) continue;
    const base = f.indicator.replace(/^(?:为|完成|达到|达|占)/, '');
    const head = subject.indicator;
    f.indicator = f.unit === '%' && !f.verb?.match(/增长|下降|提高|降低|减少|增加/) ? `${head}完成${base}` : f.unit === '%' || f.unit === '个百分点' ? head : `${head}${base}`;
    f.measure = measureOf(f.indicator, f.verb, aliases);
    f.indicatorFrom = 'clause';
  }
}

/**
 * A budget's other side named by its head alone after the first, "国有资本经营预算收入预期19.10亿元，
 * 支出安排11.20亿元": the 支出 is that budget's (国有资本经营预算支出安排), not spending at large.
 */
function siblingHeads(text: string, inSentence: Figure[], paragraph: Figure[]): void {
  for (let k = 0; k < inSentence.length; k++) {
    const f = inSentence[k];
    // (Or its balance: "支出2605.19亿元；当年结余207.17亿元" is that fund's.)
    const bare = /^(?:当年|年末滚存|滚存|累计)?(收入|支出|结余)(安排|预期|预计|计划)?$/.exec(f.indicator);
    if (!bare) continue;
    // (The budget named before it in the sentence, or earlier in the paragraph: "……收入68.42亿元，
    // 完成预算的106.1%，增长12.5%；支出31.27亿元".)
    const before = [...paragraph, ...inSentence.slice(0, k)];
    for (let j = before.length - 1; j >= 0; j--) {
      // (A budget's or a fund's, not an item 其中 names: "其中税收收入250.3亿元".)
      const m = /^(.{2,}?)(收入|支出)/.exec(before[j].indicator);
      if (!m || !/预算|基金/.test(m[1]) || /其中[，,]?[^，,；;。]*$/.test(text.slice(Math.max(0, before[j].span.start - 16), before[j].span.start))) continue;
      if (m[2] !== bare[1]) {
        const was = f.indicator;
        // (With the figures after it that borrow its name: "支出31.27亿元，增长4.8%".)
        for (const g of inSentence.slice(k)) {
          if (g !== f && (g.indicator !== was || g.indicatorFrom === 'clause')) break;
          g.indicator = m[1] + was;
          g.measure = measureOf(g.indicator, g.verb, aliases);
        }
      }
      break;
    }
  }
}

/**
 * The places a 分别 clause lists before its one measure, each whole (荣县、富顺县, 全省、全市,
 * 江苏省和浙江省), the last one opening the measure: their regions, in order, and the measure.
 */
function listedBefore(text: string, f0: Figure, subject: string, n: number, facts: DocumentFacts): { regions: (string | null)[]; measure: string } | undefined {
  const measure = subject.replace(WHOLE_OPENING, '');
  if (measure.length < 2 || placesIn(measure).length > 0) return undefined;
  const before = text.slice(f0.sentence.start, f0.span.start);
  // (The nearest list before it of as many places: "望城区、雨花区分别……，长沙县、浏阳市、宁乡市分别……".)
  const lists = [...before.matchAll(/(?:^|[，,；;：:])([^，,；;：:。]{4,60}?)分别/g)].reverse();
  for (const clause of lists) {
    const regions = listedPlaces(clause[1], n, facts);
    if (regions) return { regions, measure };
  }
  return undefined;
}

/** The regions of a list of exactly `n` places and nothing else ("长沙县、浏阳市、宁乡市"), or undefined. */
function listedPlaces(list: string, n: number, facts: DocumentFacts): (string | null)[] | undefined {
  const parts = list.split(/、|和|与|及/);
  if (parts.length !== n) return undefined;
  const regions: (string | null)[] = [];
  for (const part of parts) {
    const self = WHOLE_OPENING.exec(part);
    if (self && self[0] === part) {
      regions.push(selfRegion(selfLevelOf(part), facts));
      continue;
    }
    const p = mayOpenWithPlace(part) ? placesIn(part)[0] : undefined;
    if (!p || p.at !== 0 || p.level === 'country' || p.name !== part) return undefined;
    regions.push(p.name);
  }
  return regions;
}

function placeSeries(subject: string, n: number, facts: DocumentFacts, f0: Figure): { regions: (string | null)[]; measure: string } | undefined {
  const parts = subject.split(/、|和|与|及/);
  if (parts.length !== n) return undefined;
  const regions: (string | null)[] = [];
  let measure = '';
  for (const [k, part] of parts.entries()) {
    // (The last place was read already as the figure's own, its name taken off the measure.)
    if (k === n - 1 && f0.regionSource === 'sentence' && f0.region && regions.length && !(mayOpenWithPlace(part) && placesIn(part)[0]?.at === 0) && !WHOLE_OPENING.test(part)) {
      if (part.length < 2) return undefined;
      regions.push(f0.region);
      measure = part;
      break;
    }
    const self = WHOLE_OPENING.exec(part);
    let name: string;
    let region: string | null;
    if (self) {
      name = self[0];
      region = selfRegion(selfLevelOf(name), facts);
    } else {
      const p = mayOpenWithPlace(part) ? placesIn(part)[0] : undefined;
      if (!p || p.at !== 0 || p.level === 'country' || !part.startsWith(p.name)) return undefined;
      name = p.name;
      region = p.name;
    }
    const rest = part.slice(name.length);
    if (k < n - 1 ? rest !== '' : rest.length < 2) return undefined;
    regions.push(region);
    if (k === n - 1) measure = rest;
  }
  return { regions, measure };
}

interface Context {
  path: OutlineNode[];
  period: Period | undefined;
  periodSource: Source | null;
  kind: Kind;
  kindSource: Source | null;
  kindCue: string | undefined;
  region: string | null;
  regionSource: Source | null;
}

/**
 * A figure's period, kind and region: from the sentence, then the headings above, then the
 * document. (Its own function: a smaller build compiles sooner, which a single run feels.)
 */
function context(
  s: Span,
  reading: SentenceReading,
  facts: DocumentFacts,
  outline: OutlineNode[],
  sections: Sections,
  at: number,
  inherited?: Period,
  inheritedKind?: Intent,
  bounded = false,
  inheritedRegion?: string,
  firstFigure = at - s.start,
): Context {
  const path = nodePath(outline, at);
  const pieceYear = pieceYearOf(path, sections) ?? facts.year;
  const offsetInSentence = at - s.start;
  let period: Period | undefined = reading.period(offsetInSentence, pieceYear);
  // (A document that reports an earlier year, its title's or its bulletin's, counts 上年 from that
  // year, as statistics do: "城乡居民收入比由上年的2.41缩小到2.35"; its 去年 is the year before its date.)
  if (period && facts.reportsYear !== undefined && pieceYear !== undefined && pieceYear === facts.year && period.start === period.end && period.start === pieceYear - 1 && /^上一?年/.test(period.cue)) {
    const y = facts.reportsYear - 1;
    period = { value: String(y), start: y, end: y, cue: period.cue };
  }
  let periodSource: Source | null = period ? 'sentence' : null;
  // (A sentence that names a time of its own no year can tell, "五年间，……" in a text that states no
  // year, is not dated by the paragraph's: its time is unknown.)
  const ownTime = !period && reading.cues.some((c) => c.at < offsetInSentence && !c.fromBase && c.until === undefined && !c.planName && !c.period(pieceYear));
  // (Except last year told as such, 上年, which a span such cues close on: "五年来，我县经济总量由……跃升至196.8亿元".)
  if (!period && inherited && (!ownTime || RELATIVE_PERIODS[inherited.value] === -1)) {
    period = inherited;
    periodSource = 'paragraph';
  }
  // (In a text of its year's end, "一年来" and "过去一年" are the twelve months now ending: this year.)
  // (So are "五年来" and "过去五年" the five years now ending.)
  if (period && facts.lateInYear && pieceYear === facts.year && pieceYear !== undefined && period.end === pieceYear - 1 && (period.start === period.end ? TWELVE_MONTHS : PAST_SPAN).test(period.cue)) {
    const start = period.start + 1;
    period = { value: start === pieceYear ? String(pieceYear) : `${start}-${pieceYear}`, start, end: pieceYear, cue: period.cue };
  }
  if (!period && inheritedKind?.past && !path.some((n) => n.heading.form !== 'title')) {
    // (A brief's "报告显示，……" reports the year the report reviews: the one before its own.)
    period = pieceYear !== undefined ? { value: String(pieceYear - 1), start: pieceYear - 1, end: pieceYear - 1, cue: inheritedKind.cue } : relativePeriod(-1, inheritedKind.cue);
    periodSource = 'paragraph';
  }
  let headingKindFound: Kind | undefined;
  let weakTargetHeading = false;
  for (let k = path.length - 1; k >= 0; k--) {
    const h = sections.of(path[k]);
    // (A later title inside the document, an article's 小标题 "回望去年：稳中有进", dates what is
    // under it as a section heading does; the document's own title does not.)
    if (!period && (path[k].heading.form !== 'title' || sections.laterTitle(path[k]))) {
      // The heading's first period cue (as periodIn(name, name.length, pieceYear, true)); but a
      // year of work named after a plan's span, "“十五五”时期主要目标和2026年工作安排", dates the
      // work under it: the span's figures name their own time (今后五年).
      const cues = h.nameCues;
      const span = cues[0]?.period(pieceYear);
      // (Under a subsection of it only: text right under the heading may speak of the whole span.)
      const work = span && span.start < span.end && k < path.length - 1 ? cues.slice(1).find((c) => {
        const q = c.period(pieceYear);
        return q && q.start === q.end && q.start >= span.start && q.end <= span.end && /^(?:的)?(?:重点)?(?:工作|任务)/.test(path[k].name.slice(c.end));
      }) : undefined;
      const p = (work ?? cues[0])?.period(pieceYear);
      if (p) {
        period = p;
        periodSource = 'heading';
      }
    }
    // (A subsection of a review that names its work, "（五）着力办实事惠民生", reviews it too: its
    // weak word of plans (实事, 任务, 安排) does not outweigh the 回顾 above it.)
    // (The first heading above that has a kind decides; a document's title does not.)
    if (weakTargetHeading && h.kind && path[k].heading.form !== 'title') {
      if (h.kind === 'actual') headingKindFound = 'actual';
      weakTargetHeading = false;
    }
    if (headingKindFound === undefined && h.kind === 'target') weakTargetHeading = !STRONG_TARGET_HEADING.test(path[k].name);
    headingKindFound ??= h.kind;
  }
  // (A section of the year's work, "二、关于2026年经济工作", in a document from that year's start, is
  // its plan, though it names no word of aims: "一、关于2025年经济工作" before it is the review.)
  if (headingKindFound === undefined && periodSource === 'heading' && period && pieceYear !== undefined && period.start === pieceYear && period.end === pieceYear && !facts.lateInYear &&
    path.some((n) => n.heading.form !== 'title' && YEAR_WORK_HEADING.test(n.name) && yearIn(n.name) === pieceYear)) headingKindFound = 'target';
  if (!period && pieceYear !== undefined && headingKindFound === 'actual' && reading.kind(offsetInSentence)?.kind !== 'target' && occasionDated(path) && !path.some((n) => partIn(n.name))) {
    // A section that reviews (回顾, 交出…答卷) in a speech dated only by its occasion (a date line
    // under a title that names no year: "（2026年2月10日）") speaks of the year before it: results
    // of the occasion's own year are not in yet.
    period = { value: String(pieceYear - 1), start: pieceYear - 1, end: pieceYear - 1, cue: '' };
    periodSource = 'heading';
  } else if (!period && pieceYear !== undefined) {
    // (A report on last year's bulletin: its undated figures are the bulletin's year, within the
    // document's own piece.)
    const y = facts.reportsYear !== undefined && pieceYear === facts.year ? facts.reportsYear : pieceYear;
    period = { value: String(y), start: y, end: y, cue: y === pieceYear ? facts.yearCue ?? '' : facts.reportsCue ?? '' };
    periodSource = pathHasTitleYear(path, sections) ? 'heading' : 'document';
  } else if (!period && !ownTime) {
    // A document that states no year speaks of its own year (a bulletin's news, of the bulletin's: last year).
    period = facts.reportsLast ? relativePeriod(-1, facts.reportsLast) : relativePeriod(0, '');
    periodSource = 'document';
  }

  let kind: Kind = 'unknown';
  let kindSource: Source | null = null;
  let kindCue: string | undefined;
  // (今年 in a text of the year's end, "会议认为，今年全市经济运行……预计增长5.8%", is the year it closes:
  // no aim.)
  const said = reading.kind(offsetInSentence);
  // (Only where the sentence estimates: "今年……增长5.5%左右，前三季度增长5.3%" in October still aims.)
  const strong = said?.cue === '今年' && facts.lateInYear && /预计/.test(reading.text) ? undefined : said;
  let weak = reading.weakKind(offsetInSentence);
  const set = (k: Kind, src: Source, cue?: string) => {
    kind = k;
    kindSource = src;
    kindCue = cue;
  };
  // Before or after the year the document speaks from (本年/上年/明年 count from it unstated).
  const rel = period ? RELATIVE_PERIODS[period.value] : undefined;
  const past = !!period && (rel !== undefined ? rel < 0 : pieceYear !== undefined && period.end < pieceYear);
  const future = !!period && (rel !== undefined ? rel > 0 : pieceYear !== undefined && period.start > pieceYear);
  // 预计 estimates: a result of a year gone, or of the year a year-end document speaks in ("预计全年
  // 地区生产总值达到1985亿元" in a December speech); only of a year to come is it an aim.
  // (So is 预计 in a report heard in its year's first weeks, of the year just ended: "全社会研发经费支出
  // 预计达5630亿元" in the governor's report at the people's congress.)
  // (In a sentence that names no time at all, and not in an item of a run-in list, whose items are
  // plans or reasons: "……；二是今年计划实施……；三是社零总额预计突破4400亿元" forecasts.)
  const estimatedLastYear = weak?.cue === '预计' && !past && !future && !!facts.earlyInYear && periodSource === 'document' && !strong && reading.cues.length === 0 &&
    !itemMarkWithin(reading.text, 0, offsetInSentence);
  if (weak?.cue === '预计' && (past || (!future && facts.lateInYear) || estimatedLastYear)) weak = { kind: 'actual', cue: weak.cue };
  // (累计 over a span not yet over, "“十五五”期间城镇新增就业累计不少于18万人", is a total to reach,
  // not a result: it tells nothing of kind there.)
  const openTotal = strong?.kind === 'actual' && strong.cue === '累计' && !!period && pieceYear !== undefined && period.end > pieceYear && rel === undefined;
  if (strong && !openTotal) set(strong.kind, 'sentence', strong.cue);
  // (A year stated in the text, in this sentence or carried from the one before, outweighs a heading.)
  else if ((periodSource === 'sentence' || periodSource === 'paragraph') && past) set('actual', periodSource, period!.cue);
  else if ((periodSource === 'sentence' || periodSource === 'paragraph') && future) set('target', periodSource, period!.cue);
  else if (inheritedKind) set(inheritedKind.kind, 'paragraph', inheritedKind.cue);
  else if (headingKindFound) set(headingKindFound, 'heading');
  else if (past) set('actual', periodSource ?? 'document', period!.cue);
  else if (future) set('target', periodSource ?? 'document', period!.cue);
  else if (estimatedLastYear) set('actual', 'sentence', '预计');
  else if (planContext(path, facts, sections)) set('target', 'document');
  else if (facts.aimsAt !== undefined && at > facts.aimsAt && period && yearOffset(period, pieceYear) >= (facts.aimsOffset ?? 0)) {
    // After a lead that restates a plan (报告提出, 部署今年任务), the year's figures are its aims.
    set('target', 'document');
  } else if (bounded && !weak) set('target', 'sentence');
  else if (weak) set(weak.kind, 'sentence', weak.cue);
  else if (!planContext(path, facts, sections) && (!period || !future)) {
    // Outside plans (news, bulletins, speeches), a figure with no word of intent reports a fact.
    set('actual', 'document');
  }
  // An aim stated in words of its own (预期增长5.5%, 力争, 确保) in a sentence that names no time
  // is not dated by a past year an earlier sentence of its paragraph opened with: "去年全市一般公共
  // 预算收入完成652.7亿元……。收入预期增长5.5%" sets this year's aim.
  // (The words must set the figure's own aim, right before it: not 高于年初确定的预期目标0.6个百分点.)
  // (A review's heading that names no year, "三、产业发展有哪些亮点？", in a document dated at its
  // year's start: what it reports without a year of its own is the year just ended.)
  // (So is a result under a panel's label in a news text of the year's first weeks, "【民生数据】" /
  // "城镇居民人均可支配收入：50216元": nothing of the new year is measured yet.)
  if (((kindSource as Source | null) === 'heading' || ((kindSource as Source | null) === 'document' && path.length > 1 && path[path.length - 1].heading.form === 'label' && !facts.plan)) && (kind as Kind) === 'actual' && periodSource === 'document' && facts.earlyInYear) {
    if (facts.year !== undefined && period?.value === String(facts.year)) {
      const y = facts.year - 1;
      period = { value: String(y), start: y, end: y, cue: facts.yearCue ?? '' };
    } else if (facts.year === undefined && period && RELATIVE_PERIODS[period.value] === 0) period = relativePeriod(-1, period.cue);
  }
  if (estimatedLastYear && (kindCue as string | undefined) === '预计') {
    if (facts.year !== undefined && period?.value === String(facts.year)) {
      const y = facts.year - 1;
      period = { value: String(y), start: y, end: y, cue: facts.yearCue ?? '' };
    } else if (facts.year === undefined && period && RELATIVE_PERIODS[period.value] === 0) period = relativePeriod(-1, period.cue);
  }
  const ownAim = strong?.kind === 'target' && periodSource === 'paragraph' && past && /^(?:预期|力争|确保|目标是)$/.test(strong.cue) &&
    AIM_BEFORE.test(reading.text.slice(Math.max(0, offsetInSentence - 10), offsetInSentence));
  if (ownAim && pieceYear !== undefined) {
    period = { value: String(pieceYear), start: pieceYear, end: pieceYear, cue: facts.yearCue ?? '' };
    periodSource = 'document';
  } else if (ownAim && period && RELATIVE_PERIODS[period.value] !== undefined) {
    period = relativePeriod(0, '');
    periodSource = 'document';
  }
  // A document of the year's end whose lead deploys the next year's work (a 纪要 dated
  // 2025年12月29日, "部署2026年经济工作"): its aims that name no year are that year's.
  if ((kind as Kind) === 'target' && periodSource === 'document' && facts.aimsAt !== undefined && at > facts.aimsAt && (facts.aimsOffset ?? 0) > 0 && pieceYear === facts.year && period && period.start === pieceYear) {
    const y = pieceYear + facts.aimsOffset!;
    period = { value: String(y), start: y, end: y, cue: facts.aimsCue ?? '' };
  }

  // Region: named in the sentence before the figure, else 全省/我市 etc., else the document.
  let region: string | null = null;
  let regionSource: Source | null = null;
  // The last place named before the figure (places are in order).
  let lastPlace: Place | undefined;
  // (The last place named before the figure that still governs it; places are in order.)
  const subjects = reading.subjects;
  for (let k = subjects.length - 1; k >= 0 && !lastPlace; k--) {
    const p = subjects[k];
    if (p.at < offsetInSentence && reading.governs(p.at, offsetInSentence, firstFigure)) lastPlace = p;
  }
  const selfMatch = reading.selfReferenceMatch(offsetInSentence, firstFigure);
  const self = selfMatch && selfLevelOf(selfMatch.cue);
  // (A 全省 named after a place below it, nearer the figure, turns back to the document's own
  // whole: "崇礼区全年接待游客突破850万人次，全省接待游客突破10亿人次". Not a 全市 after a city named:
  // "无锡市委经济工作会议提出，明年全市地区生产总值增长5%" is 无锡's whole city.)
  if (lastPlace && selfMatch && self && selfMatch.at > lastPlace.at + lastPlace.name.length && reading.clauseMarkBetween(lastPlace.at, selfMatch.at) &&
    (LEVEL_RANK[self] ?? 0) > (LEVEL_RANK[lastPlace.level] ?? 0)) lastPlace = undefined;
  if (lastPlace) {
    region = lastPlace.name;
    regionSource = 'sentence';
  } else if (self) {
    region = selfRegion(self, facts);
    regionSource = 'sentence';
    if (!region) return { path, period, periodSource, kind, kindSource, kindCue, region: null, regionSource: null };
  }
  if (!region && inheritedRegion) {
    // The province a city's document quotes goes on until another place is named.
    region = inheritedRegion;
    regionSource = 'paragraph';
  }
  if (!region) {
    for (let k = path.length - 1; k >= 0 && !region; k--) {
      const pl = sections.of(path[k]).place;
      if (pl) {
        region = pl.name;
        regionSource = 'heading';
      } else if (path[k].heading.form !== 'title' || sections.laterTitle(path[k])) {
        // (A section of a lower place's text that gives the report of the place above it,
        // "【新闻链接】市政府工作报告中的几组数据" in a district's: the figures under it are that place's.)
        const higher = HIGHER_REPORT.exec(path[k].name);
        const above = !higher ? undefined : higher[1] === '市' ? (facts.level === 'county' ? facts.city ?? (facts.county ? undefined : OWN_CITY) : undefined) : facts.level !== 'province' ? facts.province ?? OWN_PROVINCE : undefined;
        if (above) {
          region = above;
          regionSource = 'heading';
        }
      }
    }
  }
  if (!region && facts.region) {
    region = facts.region;
    regionSource = 'document';
  }
  if (!region && facts.level) {
    region = facts.level === 'province' ? OWN_PROVINCE : facts.level === 'county' ? OWN_COUNTY : OWN_CITY;
    regionSource = 'document';
  }

  return { path, period, periodSource, kind, kindSource, kindCue, region, regionSource };
}

/**
 * One frozen object per amount (value, upper end, base unit), shared by every figure that states
 * it, in this document and in others: comparing the figures of a workspace statement by statement
 * (figure.mismatch against FigureIndex) then reads a handful of objects already in the cache
 * instead of one per figure, and `disagree` settles equal amounts by identity. Bounded: the
 * table starts again when full.
 */
const AMOUNTS = new Map<string, Map<number, Figure['normalized'][]>>();
const MAX_AMOUNTS = 20_000;
let amounts = 0;

function normalizedOf(value: number, max: number | undefined, unit: string): Figure['normalized'] {
  // By unit, then value (a Map treats -0 as 0 and NaN as NaN), then Object.is on both ends.
  let byValue = AMOUNTS.get(unit);
  if (!byValue) AMOUNTS.set(unit, (byValue = new Map()));
  let list = byValue.get(value);
  if (!list) byValue.set(value, (list = []));
  for (const n of list) if (Object.is(n.value, value) && Object.is(n.max, max)) return n;
  if (amounts >= MAX_AMOUNTS) {
    AMOUNTS.clear();
    amounts = 0;
    return normalizedOf(value, max, unit);
  }
  const n = Object.freeze({ value, max, unit });
  list.push(n);
  amounts++;
  return n;
}

/** A unit as written, in half-width: ％ → %, 台（套） → 台(套). Units are few: each is converted once. */
const HALF_WIDTH_UNITS = new Map<string, string>();
function halfWidthUnit(u: string): string {
  let h = HALF_WIDTH_UNITS.get(u);
  if (h === undefined) {
    h = u.replace(/％/g, '%').replace(/（/g, '(').replace(/）/g, ')');
    if (HALF_WIDTH_UNITS.size < 1000) HALF_WIDTH_UNITS.set(u, h);
  }
  return h;
}

function fmt(v: number): string {
  return String(v);
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function clauseStartOf(text: string, sentenceStart: number, at: number): number {
  let k = at - 1;
  while (k >= sentenceStart && !endsClause(text, k)) k--;
  return k + 1;
}

/**
 * Whether the character at `k` ends a clause: a boundary mark (isBoundary), or a full-width gap
 * before words, as between an explainer's phrases ("民生实事　改造老旧小区150个"); not one before
 * a number, as PDF extraction leaves inside a clause ("达到　5436.8亿元", "重点项目　1000个以上").
 */
function endsClause(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  // (A space before the time or the place a new clause opens with, as a headline parts its phrases:
  // "听取审议市政府工作报告 今年全市……增长6%左右"; not a space between a label and its words,
  // "规上工业增加值 增长6.5%", nor between single characters, as some PDF text has it: "城 镇 新 增".)
  if (c === 0x20) return HAN_PAIR.test(text.slice(Math.max(0, k - 2), k)) && CLAUSE_OPENING.test(text.slice(k + 1, k + 3));
  if (c !== 0x3000) return isBoundary(c);
  let j = k + 1;
  while (text.charCodeAt(j) === 0x3000) j++;
  return /\p{Script=Han}/u.test(text[j] ?? '') && !isChineseNumeralCode(text.charCodeAt(j));
}

/** Two Han characters. */
const HAN_PAIR = /^\p{Script=Han}{2}$/u;
/** The time or the place that opens a clause: 今年, 去年, 全市, 我省. */
const CLAUSE_OPENING = /^(?:今年|去年|明年|上年|全年|全市|全省|全区|全县|全州|我市|我省|我区|我县|我州)$/;

/**
 * Where a clause ends: ，,；;。！？!?：:、（(）) and the line break (tested by char code). Quotation
 * marks are not boundaries: 改造升级“老字号”项目 is one indicator.
 */
function isBoundary(c: number): boolean {
  switch (c) {
    case 0xff0c: case 0x2c: case 0xff1b: case 0x3b: case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f:
    case 0xff1a: case 0x3a: case 0x3001: case 0xff08: case 0x28: case 0xff09: case 0x29: case 0x0a:
    case 0x3010: case 0x3011: case 0x09: // 【 】 (a label: 【数读】6.015万亿元) and a table's tab
    case 0xff5c: // the full-width bar that parts an explainer's phrases: 增长5.8%｜全省增长5.4%
    case 0x4e28: // and the bar (丨) that parts a headline's column tag from it: 权威解读丨经济总量…
      return true;
    default:
      return false;
  }
}

/** What a heading says, read once per heading for all the figures under it. */
interface SectionFacts {
  /** The first year in "name detail" (yearIn). */
  year: number | undefined;
  /** "name detail" names a plan (PLAN_DOCUMENT). */
  plan: boolean;
  /** The first place in "name detail". */
  place: Place | undefined;
  /** The period cues of the name alone. */
  nameCues: ReturnType<typeof periodCues>;
  /** headingKind of the name (of "name detail" for a title). */
  kind: Kind | undefined;
  /** The part of a year the name gives (上半年, 一季度). */
  part: string | undefined;
}

class Sections {
  private facts = new Map<OutlineNode, SectionFacts>();

  /**
   * An explainer's labels that name no time go on in the time of the label before them:
   * 【回眸2025】, 【创新驱动】, 【民生温度】 are all 2025, until 【2026年主要预期目标】.
   */
  private labelCues = new Map<OutlineNode, ReturnType<typeof periodCues>>();

  /** `bodyStart`: where the document's first paragraph of text begins (DocumentFacts.bodyStart). */
  constructor(
    private readonly bodyStart: number,
    outline: OutlineNode[],
    text: string,
    /** A document that looks back on the year its title names, from its date the year after (DocumentFacts.titleReviews). */
    private readonly dated?: { year: number; reviewed: number },
  ) {
    let last: ReturnType<typeof periodCues> = [];
    const walk = (nodes: OutlineNode[]) => {
      for (const n of nodes) {
        if (n.heading.form === 'title') last = [];
        else if (n.heading.form !== 'label' && headingKind(n.name) === 'actual' && !headingPeriodCues(n.name).length) {
          // A review's heading that names no time takes the past its text opens with: "一、成绩单：
          // 经济总量再上新台阶" / "报告显示，去年全市GDP……" is last year's, until a cue says otherwise.
          const body = text.slice(n.heading.span.end, Math.min(n.span.end, n.heading.span.end + 60)).replace(/^\s+/, '');
          const opening = /^[^。；\n]*?[，,][^，,。；\n]*/.exec(body)?.[0] ?? /^[^。；\n]*/.exec(body)![0];
          const cue = periodCues(opening).find((c) => PAST_YEAR.test(opening.slice(c.at, c.end)));
          if (cue) this.labelCues.set(n, [{ ...cue, at: 0, end: 0 }]);
        }
        else if (n.heading.form === 'label') {
          // (A label's year may be written without 年: "回眸2025 · 稳中有进".)
          // (Only a year that ends its word: 回眸2025 · …, 【锚定2026】; not 突破2000万千瓦.)
          const own = headingPeriodCues(n.name.replace(/(?<![0-9])((?:19|20)[0-9]{2})(?=[\s\u3000·•・】]|$)/, '$1年'));
          if (own.length) last = own;
          else if (last.length) this.labelCues.set(n, last);
        }
        walk(n.children);
      }
    };
    walk(outline);
  }

  /**
   * A title met after the text has begun, an article's 小标题 ("2025年：主要指标稳中有进",
   * "回望去年"): a section heading, whose year is its section's period, not the year its piece
   * speaks from.
   */
  laterTitle(h: OutlineNode): boolean {
    return h.heading.form === 'title' && h.heading.span.start > this.bodyStart;
  }

  of(h: OutlineNode): SectionFacts {
    let f = this.facts.get(h);
    if (!f) {
      const full = `${h.name} ${h.detail ?? ''}`;
      // (A news headline's words, "报告提出今年增长5.5%左右", say what the item reports: it is no
      // plan, and does not set the kind of every figure under it.)
      const headline = h.heading.form === 'title' && NEWS_HEADLINE.test(full);
      // (A headline that states a figure names the figure's year, not the one its piece speaks from.)
      const year = h.heading.form === 'title' ? titleYear(full, headline) : yearIn(full);
      f = {
        // (The document's title that names the year it looks back on speaks from its date: see
        // documentFacts.)
        year: this.dated && !this.laterTitle(h) && year === this.dated.reviewed ? this.dated.year : year,
        plan: PLAN_DOCUMENT.test(full) && !headline && !(h.heading.form === 'title' && AN_EVENT_ABOUT.test(full)),
        // (The place a heading is about opens it: a run-in heading that is a whole paragraph,
        // "一、会议指出，……增速高于绍兴市平均水平", is not about the place it compares with.)
        // (Not the whole it measures against: "对标全国定目标".)
        place: headingPlace(full.split(/[，,。；;：:]/)[0]),
        nameCues: this.labelCues.get(h) ?? headingPeriodCues(h.name),
        kind: headline ? undefined : headingKind(h.heading.form === 'title' ? full : h.name),
        part: partIn(h.name),
      };
      this.facts.set(h, f);
    }
    return f;
  }
}

/** The place a heading is about: its first place that is no base of a comparison. */
function headingPlace(name: string): Place | undefined {
  const places = placesIn(name);
  // (A place written with the one it lies in, "中共苏州市吴江区委办公室": the inner one is meant.)
  return places.find((p, k) => !comparisonBase(name, p.at, p.at + p.name.length) && !beforeInner(places, k));
}

/** The part of a year the nearest heading above names (not a title: a 纪要 of 上半年 sets aims for 全年 too). */
function headingPart(path: OutlineNode[], sections: Sections): string | undefined {
  for (let k = path.length - 1; k >= 0; k--) {
    if (path[k].heading.form === 'title' && !sections.laterTitle(path[k])) return undefined;
    const p = sections.of(path[k]).part;
    if (p) return p;
  }
  return undefined;
}

/** The year of the piece a figure sits in: the nearest title above it that names one. */
function pieceYearOf(path: OutlineNode[], sections: Sections): number | undefined {
  for (let k = path.length - 1; k >= 0; k--) {
    const h = path[k];
    if ((h.heading.form !== 'title' && h.heading.form !== 'markdown') || sections.laterTitle(h)) continue;
    const y = sections.of(h).year;
    if (y !== undefined) return y;
  }
  return undefined;
}

/** Inside a plan: the nearest title above says so, or (with no title above) the document does. */
function planContext(path: OutlineNode[], facts: DocumentFacts, sections: Sections): boolean {
  for (let k = path.length - 1; k >= 0; k--) {
    const h = path[k];
    if (sections.of(h).plan) return true;
    if (h.heading.form === 'title') return false;
  }
  return facts.plan;
}

/** Whether the document's title names no year and a date line under it does: an occasion's date. */
function occasionDated(path: OutlineNode[]): boolean {
  const title = path.find((n) => n.heading.form === 'title');
  return !!title && !/(?:19|20)\d{2}/.test(title.name) && /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(title.detail ?? '');
}

function pathHasTitleYear(path: OutlineNode[], sections: Sections): boolean {
  return pieceYearOf(path, sections) !== undefined;
}
