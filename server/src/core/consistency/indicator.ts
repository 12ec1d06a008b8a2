/**
 * What a figure measures, in the words two documents share: the indicator without the words
 * around it that do not change what is measured, under one name for the names it goes by, and
 * its verb reduced to what it says about the number (a growth rate, a fall, a level, or a
 * verb that defines a set of its own such as 新增 or 累计).
 *
 * Rules (README "When two statements are about the same thing"):
 * - dropped at the start: list numbers and bullets (2．, （三）, ●), who set it and the verb
 *   that reports it (会议要求, 报告提出; 对照, 按照), a time (2025年, 全年, 今年),
 *   the scope (全市, 我省; a place named in the sentence is the figure's region already), words of intent (预期, 计划, 目标, 力争, 确保, 要, 将),
 *   and a verb of level (完成, 实现, 达到): 完成投资 is 投资; the same words of intent and of level
 *   after the subject too (中欧班列计划开行 is 中欧班列开行; not 预期 in 人均预期寿命);
 * - dropped at the end: words of intent, the base of a comparison (比上年, 同比), and 合计 (a sum's whole, not a budget's);
 * - 增长, 增速, 增幅, 增长率, 上涨, 涨幅 are one growth rate; 下降, 降低, 减少, 回落, 降幅 one fall;
 *   达到, 完成, 实现, 为, 稳定在, 保持在, 控制在, 突破, 超过 state a level, as no verb does;
 * - 新增 inside the name is the verb 新增 (城镇新增就业 = 新增城镇就业); 累计 stays apart;
 * - 生产X is X产量;
 * - a place's port before what it handles is the place's (the figure's region says which):
 *   厦门港集装箱吞吐量 is 集装箱吞吐量;
 * - the names of one standard indicator are one name (aliases.ts, and a project's `aliases`).
 * What stays apart: 新增 against 累计, 城镇 against 农村, a growth rate against a level.
 */
import { INDICATOR_ALIASES } from './aliases';
import { placesIn } from '../figures/context';
import { isKnownPlace } from '../figures/gazetteer';

export interface Measure {
  /** The indicator as compared. */
  indicator: string;
  /** The verb class: '增长', '下降', '' (a level) or the verb as written (新增, 累计改造…). */
  verb: string;
}

const LIST_MARK = /^(?:[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,3}[.．、]|[①-⑳❶-❿]|[●■◆▲★☆○◇□▪•·\-—*>]|[一二三四五六七八九十]{1,2}(?:是|要|抓)|第[一二三四五六七八九十]{1,2}[，,、]|其[一二三四五六七八九十]|其中[：:，,]?)/;
const TIME = /^(?:(?:19|20)\d{2}\s*年(?:全年|度|底|末|初(?!步))?|年初(?!步)|十[一二三四五六]五(?:规划)?(?:时期|期间|期末|末)?|全年|今年|去年|上年|当年|年内|年末|年底|[上下]半年|前?[一二三四]季度)/;
/** A deadline written after the name: 地区生产总值力争到2030年 (达到……). */
const DEADLINE_END = /(?:力争|确保|争取)?(?<![截0-9０-９年])(?:到|至)(?:19|20)\d{2}\s*年(?:底|末|前)?$/;
const SCOPE = /^(?:全省|全市|全县|全区|全州|全盟|全地区|全旗|我省|我市|我县|我区|本省|本市|本县|本区|全国|我国)/;
const INTENT_START = /^(?:预期目标|预期|计划|目标|力争|确保|预计|争取|努力|力求|要|将|拟|可(?=新增|增加|提供|带动|吸纳|减少|节约|实现)|再(?!生|制造|就业|贷款|贴现|担保|保险|融资)|继续)/;
const LEVEL_START = /^(?:完成|实现|达到)/;
const ASPECT_START = /^(?:实施|推进|开展|启动|组织|安排)/;
const HELP_START = /^(?:帮助|协助|扶持|支持|引导|鼓励)/;
/** Who set the figure, and the verb that reports it: 会议要求, 省里要求, 报告(还)提出; and 对照, 按照. */
/** Who sets figures for a place: the province, city or county speaking, and the state above them. */
const SETTER = '省里|省上|市里|市上|县里|省委|市委|县委|省政府|市政府|县政府|自治区(?:党委|政府)?|国家|中央|上级|我们';
/** (And the opportunity seized in another's figure, 抢抓自治区今年新增新能源装机……的机遇: 抢抓 and who.) */
const REPORTED = new RegExp(`^(?:(?:会议|(?:[省市县区]?(?:人民)?政府)?(?:工作)?报告|区委|区政府|规划|方案|文件|${SETTER})?(?:还|也|同时|并|又)?(?:要求|提出|明确|强调|指出|确定)(?:了)?|(?:会议|(?:[省市县区]?(?:人民)?政府)?(?:工作)?报告|规划|方案)将|(?:${SETTER})(?:安排|下达)|(?:抢抓|抓住|把握|用好)(?:${SETTER})?|对照|按照|参照|根据|围绕|照)`);
const INTENT_END = /(?:预期目标|预期|计划|目标为|目标|力争|确保|预计|争取|安排|要|将|拟|的|再|也|继续)$/;
/**
 * The whole a share is of, named: 占规上工业产值比重, 占GDP的比重, 占全市比例; or an amount named alone
 * at the end, as "民生支出占一般公共预算支出的76.2%" names it (not a place's share, 占全省的32.5%,
 * which stays apart; nor 占地, 占用, 占有, 占道, 占补: land taken, held, traded).
 */
const SHARE_OF_WHOLE = /(?<=\p{Script=Han}{2})占(?!比|地(?!区)|用|有|据|道|补|压|位)[^占，,。；;]{1,14}?(?:(?:的)?(?:比重|比例)|(?:支出|收入|投资|增加值|总额|总量|产值)的?)$/u;
const BASE_END = /(?:同比|(?:比|较)(?:上年|去年)(?:底|末|同期)?)$/;
/** A count named as such: X总数, X数量 are X. */
const COUNT_END = /(?:总数|数量|个数|总量)$/;
const SIZE_END = /(?:总规模|规模)$/;
/** A verb of change written into the indicator's end: 审批时限压缩至, 城乡低保标准提高到. */
const CHANGE_END = /(?:压缩至|压缩到|压减至|压减到|缩短至|缩短到|降至|降到|降低至|降低到|下降至|下降到|提高至|提高到|提升至|提升到|增加到|增加至|增至|扩大到|扩大至|达到|稳定在|保持在|控制在|定在|定为|设定为|设定在|确定为|(?<=目标)(?:确|设)?定)$/;
const GROWTH_END = /(?:增长率|增速|增幅|涨幅|增长)$/;
const FALL_END = /(?:降幅|下降率)$/;

/** Verbs of an action on the thing counted, when they open the indicator. */
const ACTION_START = /^新?(改造提升|改造|新建|改建|扩建|新改扩建|建设|建成|培育|培训|引进|招引|创建|认定|打造|种植|推广|帮扶|资助|救助|发放|安置|转移|吸纳)/;
/** The words that make this year's new ones (新增, 新开通, 新签约……): a total's name drops them. */
const NEWLY = /^新(?:增|开通|开工|开设|开办|签约|投产|登记|注册|设立|引进|落地|落户|认定|上市|获批|组建)/;
/** Verbs that say how far an action goes, not which: 新开工改造 is 改造. */
const ASPECT = new Set(['新开工', '开工', '实施', '推进', '启动', '开展', '组织']);
const GROWTH = new Set(['增长', '增', '上涨', '同比增长', '比上年增长']);
const FALL = new Set(['下降', '降低', '降', '减少', '回落', '减']);
/** Verbs of making whose total (累计建成, 累计培育) is the stock made. */
const MADE = new Set(['建成', '建设', '创建', '培育', '认定', '打造', '建']);
const LEVEL = new Set(['', '达到', '达', '完成', '实现', '为', '是', '稳定在', '保持在', '控制在', '突破', '超过', '超', '瞄准', '锚定', '剑指']);

/** Full-width Latin letters and digits to half-width: ＧＤＰ → GDP. */
function halfWidth(s: string): string {
  return s.replace(/[Ａ-Ｚａ-ｚ０-９＆．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export interface AliasTable {
  /** [alias, name], longest alias first. */
  prefixes: [string, string][];
  /** Names that stand for an indicator only as the whole name. */
  whole: Map<string, string>;
  /** Latin abbreviations replaced wherever they stand. */
  inner: [string, string][];
}

export function aliasTable(extra: Readonly<Record<string, readonly string[]>> = {}): AliasTable {
  const pairs: [string, string][] = [];
  for (const e of INDICATOR_ALIASES) for (const a of e.aliases) pairs.push([halfWidth(a), e.name]);
  for (const [name, aliases] of Object.entries(extra)) for (const a of aliases) if (a && a !== name) pairs.push([halfWidth(a), name]);
  pairs.sort((a, b) => b[0].length - a[0].length);
  const whole = new Map<string, string>();
  for (const e of INDICATOR_ALIASES) for (const w of e.whole ?? []) whole.set(w, e.name);
  return { prefixes: pairs, whole, inner: pairs.filter(([a]) => /^[A-Za-z&]+$/.test(a)) };
}

const BUILT_IN = aliasTable();

/** measureOf's answers per alias table, by verb and indicator (indicators repeat: a report
 * states 地区生产总值 dozens of times). Bounded: a table starts again when full. */
const MEASURES = new WeakMap<AliasTable, Map<string, Measure>>();
const MAX_MEASURES = 50_000;

/** Research spending as a share of GDP: the definition of 研究与试验发展经费投入强度. */
const RD_OF_GDP = /^(?:全社会)?(?:研究与试验发展|研发|R&D)(?:经费)?(?:支出|投入)占(?:地区生产总值|国内生产总值|GDP)(?:的)?(?:比重|比例)$/;

/** The measure of a figure: its indicator and verb as compared (see the rules above). Read only. */
/** A place's port opening an indicator of what it handles: 厦门港集装箱吞吐量. */
const PORT_START = /^(\p{Script=Han}{2,3})港(?=(?:集装箱|货物|旅客)?吞吐量)/u;

export function measureOf(indicator: string, verb: string | undefined, table: AliasTable = BUILT_IN): Measure {
  let cache = MEASURES.get(table);
  if (!cache) MEASURES.set(table, (cache = new Map()));
  const key = `${verb ?? ''}\u0000${indicator}`;
  let m = cache.get(key);
  if (!m) {
    if (cache.size >= MAX_MEASURES) cache.clear();
    m = Object.freeze(computeMeasure(indicator, verb, table));
    cache.set(key, m);
  }
  return m;
}

/** Words that may stand before a place at an indicator's head: a verb of support, a setter, a time. */
const BEFORE_PLACE = /^(?:(?:有力)?(?:支撑|助力|带动|推动)|(?:确定|提出|明确)?(?:今年|去年|全年)?)$/;

/**
 * A place at an indicator's head (within its first words): its name, where its figures are that
 * place's (1068亿元 荣成市地区生产总值), and where what names the measure begins after it.
 */
export function placeAtHead(s: string): { place: string; end: number } | undefined {
  // (Most indicators name no place: a cheap look before the gazetteer's, once per figure.)
  if (s.length < 6 || !/[省市县州盟]/.test(s.slice(0, 14))) return s.length >= 5 ? stemAtHead(s) : undefined;
  // (A place the gazetteer knows: not a verb's stem before 全市, 围绕全市.)
  const p = placesIn(s).find((q) => q.level !== 'country' && q.at <= 6 && s.startsWith(q.name, q.at) && /[省市县州盟]$/.test(q.name) && (q.level === 'province' || isKnownPlace(q.name)));
  if (p && BEFORE_PLACE.test(s.slice(0, p.at))) return { place: p.name, end: p.at + p.name.length };
  // (A city named by its stem before its 全市: 金华全市.)
  const whole = /全(?:省|市|县|区)/.exec(s.slice(0, 12));
  if (!whole) return undefined;
  for (const len of [3, 2]) {
    const from = whole.index - len;
    if (from < 0 || !BEFORE_PLACE.test(s.slice(0, from))) continue;
    const stem = s.slice(from, whole.index);
    const named = isKnownPlace(`${stem}市`) ? `${stem}市` : placesIn(`${stem}省`).find((q) => q.at === 0 && q.level === 'province')?.name;
    if (named) return { place: named, end: whole.index };
  }
  return undefined;
}

/**
 * A city or province named by its stem at an indicator's head, as headlines and briefs name them
 * ("今年盘锦GDP预期增长6%左右", "去年江苏经济总量"), where what is left still names a measure.
 */
function stemAtHead(s: string): { place: string; end: number } | undefined {
  for (const from of [0, 2, 4]) {
    if (from > 0 && !BEFORE_PLACE.test(s.slice(0, from))) continue;
    for (const len of [3, 2]) {
      const stem = s.slice(from, from + len);
      const rest = s.slice(from + len);
      if (!/^\p{Script=Han}+$/u.test(stem) || !(rest.length >= 3 || /^[A-Za-z]{2,}/.test(rest)) || /^(?:[省市县州盟区港湾岛]|高新|经开|经济技术|开发区|新区|自贸|综保|保税|工业园|产业园|园区)/.test(rest)) continue;
      const named = isKnownPlace(`${stem}市`) ? `${stem}市` : placesIn(`${stem}省`).find((q) => q.at === 0 && q.level === 'province' && q.name === `${stem}省`)?.name;
      if (named) return { place: named, end: from + len };
    }
  }
  return undefined;
}

/** An indicator without the place at its head (placeAtHead), where what is left still names a measure. */
function withoutPlace(s: string): string {
  const head = placeAtHead(s);
  if (!head) return s;
  const rest = s.slice(head.end).replace(/^全(?:省|市|县|区)/, '');
  // (Or a Latin abbreviation the aliases resolve: 无为市GDP = 地区生产总值 of 无为市.)
  return rest.length >= 4 || /^[A-Za-z]{2,}/.test(rest) ? rest : s;
}

function computeMeasure(indicator: string, verb: string | undefined, table: AliasTable): Measure {
  // (的 joins words without changing what they name: 开工的审批时限 = 开工审批时限.)
  let s = halfWidth(indicator.replace(/[\s\u3000“”"'‘’《》〈〉()（）【】的]/g, ''));
  let v = verb ?? '';
  const cumulative = v.startsWith('累计') ? '累计' : '';
  if (cumulative) v = v.slice(2);
  // (A verb of action as the name would give it: 新改建 is 改建, as in 新改建农村公路.)
  // (新建改造 and 新建改建 are 新改建: new and rebuilt.)
  if (/^新建(?:和|、)?(?:改造|改建)$/.test(v)) v = '新改建';
  const acted = ACTION_START.exec(v);
  if (acted && acted[0] === v) v = acted[1];
  // (A place named at its head is the figure's region, not what is measured: "金华市进出口总额",
  // and after a verb of support or a setter, "有力支撑金华市进出口总额", "确定今年金华全市地区
  // 生产总值". Its 全市 goes with it.)
  s = withoutPlace(s);
  for (let guard = 0; guard < 12; guard++) {
    const before = s;
    s = s.replace(LIST_MARK, '').replace(REPORTED, '').replace(TIME, '').replace(SCOPE, '').replace(INTENT_START, '');
    if (s.length > 3 && LEVEL_START.test(s)) s = s.slice(2);
    // (A verb that says only that something is done, 实施城镇老旧小区改造, is not the indicator.)
    if (s.length > 5 && ASPECT_START.test(s)) s = s.slice(2);
    // (Nor one that says the people counted were helped: 帮助就业困难人员实现就业 counts those who found work.)
    if (s.length > 5 && HELP_START.test(s)) s = s.slice(2);
    // (Or after the subject: 北部湾港完成集装箱吞吐量 is 北部湾港集装箱吞吐量; not 完成率.)
    s = s.replace(/(?<=[\p{Script=Han}]{2})(?:完成|实现)(?=[\p{Script=Han}]{2})(?!率)/u, '');
    // (So does a time after the subject, which dates the statement, not the thing: 铜产业去年主营业务收入
    // is 铜产业主营业务收入, 外贸2025年进出口总额 外贸进出口总额.)
    s = s.replace(/(?<=[\p{Script=Han}]{2})(?:今年|去年|上年|明年|(?:19|20)\d{2}年(?:全年|底|末)?)(?=[\p{Script=Han}]{2})/u, '');
    // (So do words of intent: 中欧班列计划开行 is 中欧班列开行. Not 预期, a noun there: 人均预期寿命.)
    s = s.replace(/(?<=[\p{Script=Han}]{2})(?:计划|力争|确保|预计|争取)(?=[\p{Script=Han}]{2})/u, '');
    // (分别 only parts the values among the subjects: 城乡低保标准分别提高到.)
    s = s.replace(INTENT_END, '').replace(BASE_END, '').replace(CHANGE_END, '').replace(/分别$/, '').replace(DEADLINE_END, '');
    // (A sum said as such is the measure's whole: 两场航空旅客吞吐量合计 is 航空旅客吞吐量. Not a budget's
    // 收入总计, 支出合计: its totals with transfers and balances, as 收入总量.)
    s = s.replace(/(?<=\p{Script=Han}{2})(?<!收入|支出|资金)(?:合计|共计)$/u, '');
    if (s === before) break;
  }
  // (An indicator named by its definition, a share of GDP, is that indicator: 研发经费支出占地区生产总值
  // 比重 is 研发投入强度; not a share of something else, 研发投入占营业收入的比重, an enterprise's.)
  if (RD_OF_GDP.test(s)) s = '研发投入强度';
  // (A share is one share whether or not its whole is named: 高新技术产业产值占规上工业产值比重
  // is 高新技术产业产值占比, as a brief shortens it.)
  s = s.replace(SHARE_OF_WHOLE, '占比');
  // A rate named by the indicator: 增速, 增幅, 增长率 (with no verb of its own, or one of level).
  if (LEVEL.has(v) || GROWTH.has(v)) {
    const g = GROWTH_END.exec(s);
    if (g && s.length > g[0].length) {
      s = s.slice(0, -g[0].length).replace(BASE_END, '');
      // (Words of intent before the growth the name gives: 地区生产总值预期增长目标 is 地区生产总值's.)
      const aimless = s.replace(/(?:预期|计划|目标|力争|确保|预计)$/, '');
      if (aimless.length >= 2) s = aimless;
      v = '增长';
    }
    const f = FALL_END.exec(s);
    if (f && s.length > f[0].length) {
      s = s.slice(0, -f[0].length);
      v = '下降';
    }
  }
  if (s.startsWith('生产') && s.length >= 4 && !s.startsWith('生产总值')) s = `${s.slice(2)}产量`;
  const port = PORT_START.exec(s);
  if (port && placesIn(`${port[1]}市`).some((p) => p.at === 0 && p.name.length === port[1].length + 1)) s = s.slice(port[0].length);
  // (The total of things is their stock, whatever made this year's: "新认定高新技术企业3200家，总数
  // 达3.2万家" states the 高新技术企业 there are, not new ones. Its words of action go.)
  // (A budget's 收入总量 and 支出总量 are its totals with transfers and balances, not its 收入 and 支出.)
  const budgetTotal = /(?:收入|支出)总量$/.test(s);
  const stock = /(?:总数|总量)$/.test(s) && s.length > 4 && !budgetTotal;
  if (COUNT_END.test(s) && s.length > 4 && !budgetTotal) s = s.replace(COUNT_END, '');
  // (So is a size named as such: 新能源装机规模 is 新能源装机, where what is left still names it.)
  // (Not the size of a flow, 重大项目投资规模 (the projects' whole cost) against 完成投资 (this year's).)
  if (SIZE_END.test(s) && s.length >= 6 && !/(?:投资|融资|贷款|资金|交易|贸易|信贷|发行)(?:总)?规模$/.test(s)) s = s.replace(SIZE_END, '');
  if (stock) {
    const made = ACTION_START.exec(s) ?? NEWLY.exec(s);
    if (made && s.length - made[0].length >= 2) s = s.slice(made[0].length);
  }
  // The action named in the indicator is the verb: 新开工改造城镇老旧小区 = 改造 城镇老旧小区,
  // and 新改造 (this year's new ones) is 改造.
  const action = ACTION_START.exec(s);
  if (action && s.length - action[0].length >= 2 && (LEVEL.has(v) || ASPECT.has(v))) {
    v = action[1];
    s = s.slice(action[0].length);
  }
  if (s.includes('新增') && (LEVEL.has(v) || v === '新增')) {
    s = s.replace('新增', '');
    v = '新增';
  }
  // 环境空气质量 is the standard's full name of 空气质量 (GB 3095《环境空气质量标准》), wherever it
  // stands (before the aliases read it): 市区环境空气质量优良天数 is 市区空气质量优良天数.
  s = s.replace(/环境空气质量/g, '空气质量');
  const exact = table.whole.get(s);
  if (exact) s = exact;
  else for (const [alias, name] of table.prefixes) {
    if (s.startsWith(alias)) {
      s = name + s.slice(alias.length);
      break;
    }
  }
  for (const [alias, name] of table.inner) if (s.includes(alias)) s = s.split(alias).join(name);
  // 过亿元项目 is 亿元以上项目: "over" a size written before it or as 以上 after it.
  s = s.replace(/(?:过|超)((?:[0-9.]+|[一二三四五六七八九十百千]+)?(?:万|亿)元)(?=\p{Script=Han}{0,4}(?:项目|企业|工程|集群))/u, '$1以上').replace(/(万|亿)元及以上/, '$1元以上');
  // 普惠性托位 is 普惠托位: 性 turns a modifier into an adjective, not into another thing.
  s = s.replace(/(?<=[\p{Script=Han}]{2})性(?=[\p{Script=Han}]{2})/u, '');
  // 营收 is the common short name of 营业收入 (规上工业营收, 产业营收).
  s = s.replace(/(?<=[\p{Script=Han}]{2})营收$/u, '营业收入');
  // An industry's output, with or without 产业: 集成电路产业产值 is 集成电路产值.
  s = s.replace(/(?<=[\p{Script=Han}]{2})(?<![第一二三])产业(?=产值$|营业收入$)/u, '');
  if (GROWTH.has(v)) v = '增长';
  else if (FALL.has(v)) v = '下降';
  else if (LEVEL.has(v)) v = '';
  // (A total of what was made is a level however it was made: 累计建成 = 累计达到.)
  else if (cumulative && MADE.has(v)) v = '';
  return { indicator: s, verb: cumulative + v };
}

/**
 * Whether a measure names something specific enough to compare: four characters or more, or
 * two when the unit is not a bare count (完成投资1200亿元 says what it measures; 项目300个 does
 * not), or two with a verb that makes or changes the thing counted (新增学位1.5万个, 改造管网120公里)
 * unless the noun is a container of anything (项目, 企业, 活动: which ones, the words do not say).
 */
export function specific(m: Measure, dimension: string): boolean {
  // (A word of how a rate is taken names no thing: "年均增长7.4%" of whatever the clause before
  // spoke of, 年均 and 39.9% of another line's.)
  if (RATE_ONLY.test(m.indicator)) return false;
  if (m.indicator.length >= 4) return true;
  if (m.indicator.length < 2) return false;
  if (!dimension.startsWith('count:')) return true;
  return m.verb !== '' && m.verb !== '增长' && m.verb !== '下降' && !CONTAINER.test(m.indicator);
}

/** Words that say how a figure is taken, not what it measures. */
const RATE_ONLY = /^(?:年均|平均|同比|环比|累计|当年|全年|比上年|较上年|分别)$/;

/** Nouns that hold anything: a count of them says nothing of which. */
const CONTAINER = /^(?:项目|企业|活动|工程|任务|事项|单位|主体|平台|载体|场次|人次|个数|家数|批次|行动|举措|措施|政策|产品|品牌)$/;
