/**
 * A document's own context, read once per document: the year it speaks from, its region and
 * level, whether it is a plan. Every inference keeps the words it came from (`yearCue`,
 * `regionCue`) and what kind of evidence they were (`yearFrom`, `regionFrom`), for the hover
 * and the messages: "期间按导语“部署2026年目标任务”推定为2026年".
 *
 * The year, strongest evidence first: a title or markdown heading that names it; a version tag
 * (2026版); a full date near the top (2026年1月12日); the lead (部署2026年…, 回顾2025年工作 →
 * 2026; 2026年目标任务); the occasion (“十五五”开局之年 = 2026); a year and month near the top;
 * the first dated heading; the project's `year`.
 *
 * The region: a place in the titles; the publisher (宜宾日报讯 → 宜宾市; a provincial paper's
 * name → its province); a place in the first lines; the project's `region`. A document that
 * names none still says its level: 全省 / 我省 / 省政府工作报告 speak of its own province. Its
 * figures then carry the region OWN_PROVINCE (本省), which the workspace index reads as the
 * workspace's one province (consistency/index.ts), and nothing else.
 */
import type { DocumentModel } from '../model';
import { AN_EVENT_ABOUT, PLAN_DOCUMENT, REVIEW_EVENT, beforeInner, comparisonBase, headingKind, placesIn, titleYear, titleYears, yearIn } from './context';
import { areaNamed, cityOfCounty, isKnownPlace } from './gazetteer';

/** The region of a document that speaks of its own province without naming it. */
export const OWN_PROVINCE = '本省';
/** The same for a city: the workspace's one city when it has one. */
export const OWN_CITY = '本市';
/** The same for a county or district: the workspace's one county when it has one. */
export const OWN_COUNTY = '本县';

export type YearEvidence = 'title' | 'version' | 'dateline' | 'lead' | 'occasion' | 'heading' | 'config';
export type RegionEvidence = 'title' | 'publisher' | 'text' | 'config' | 'level';

export interface DocumentFacts {
  /** The year the document speaks from. */
  year?: number;
  yearCue?: string;
  yearFrom?: YearEvidence;
  /** The document's own place: the first place of its titles, else its city, else its province. */
  region?: string;
  province?: string;
  city?: string;
  /** A county, district or banner (德清县, 襄州区). */
  county?: string;
  regionCue?: string;
  regionFrom?: RegionEvidence;
  /** The level it speaks at when it names its place only as 全省 / 全市 (or not at all). */
  level?: 'province' | 'city' | 'county';
  /** It speaks of an autonomous region (自治区政府, 全区 as the region), named or not. */
  autonomous: boolean;
  plan: boolean;
  /**
   * Where its lead turns to a plan's aims (报告提出, 部署今年任务, 主要预期目标): the year's
   * figures after it are targets. Undefined when the lead does not.
   */
  aimsAt?: number;
  /** The year of those aims, from the document's: 0 (今年任务), 1 (部署明年工作). */
  aimsOffset?: number;
  /** The lead's words for them: "部署2026年经济工作". */
  aimsCue?: string;
  /** Dated in the last quarter of its year (a year-end speech or 纪要): its year's results are estimates. */
  lateInYear?: boolean;
  /** Its date falls in the first quarter of its year, when last year's results are reported. */
  earlyInYear?: boolean;
  /**
   * The year a report on a statistical bulletin reports, with its words: "市统计局……发布去年全市
   * 国民经济和社会发展统计公报" (the year before the document's). Its undated figures are that
   * year's results, though the reporter's closing line may speak of this year.
   */
  reportsYear?: number;
  /**
   * Where the document states no year, its lead's words that it reports last year's bulletin
   * ("发布去年全市国民经济和社会发展统计公报"): its undated figures are of the year before its own.
   */
  reportsLast?: string;
  /**
   * The year its title names and looks back on, from its date the year after ("2025年全市经济运行
   * 情况", dated 2026年1月26日): the title speaks from `year`, and `reportsYear` is this one.
   */
  titleReviews?: number;
  reportsCue?: string;
  /**
   * A statistical bulletin's year of publication, the year after the one its title names and
   * speaks from: the year the news that restates it speaks from ("去年全市地区生产总值……").
   */
  published?: number;
  /** Where the text begins: the first paragraph that is no heading (titles after it are 小标题). */
  bodyStart: number;
}

export interface FactsOptions {
  /** The project's `year` and `region`, for documents that do not state theirs. */
  year?: number;
  region?: string;
}

const PLAN_START: Record<string, number> = { 十一: 2006, 十二: 2011, 十三: 2016, 十四: 2021, 十五: 2026, 十六: 2031 };

/**
 * Years a text speaks from without writing them: anniversaries on a newspaper's banner
 * (庆祝中国共产党成立100周年: 1921 + 100) and the place in a five-year plan (“十五五”开局之年,
 * 踏上“十四五”新征程: its first year; 收官之年: its last).
 */
/** Words that look back on a time named right after them, within its clause: 回望, 记录下我市. */
const LOOKS_BACK = /(?:回望|回顾|回眸|盘点|记录下?|见证了?|总结|复盘)[^，。；！？,;\n]{0,6}$/;

function yearFromOccasion(text: string): { year: number; cue: string } | undefined {
  const anniversaries: [RegExp, number][] = [
    [/(?:中国共产党|建党)成立\s*(\d{1,3})\s*周年/, 1921],
    [/(?:新中国|中华人民共和国)成立\s*(\d{1,3})\s*周年/, 1949],
    [/改革开放\s*(\d{1,3})\s*周年/, 1978],
  ];
  for (const [re, base] of anniversaries) {
    const m = re.exec(text);
    if (m) return { year: base + Number(m[1]), cue: m[0] };
  }
  const named = /[“"]?(十[一二三四五六])五[”"]?(?:规划)?(?:的)?(开局之年|开局起步|起步之年|新征程|收官之年|谋篇布局之年)/.exec(text);
  // (An aim to open a plan well, "奋力实现“十五五”良好开局", speaks from its first year, as 开局之年
  // does; not a base laid for it, "为……良好开局奠定基础", nor an opening already made, "实现了".)
  const opening = /(?<!了)实现[“"]?(十[一二三四五六])五[”"]?(?:规划)?(?:良好|高质量|精彩|好)?开局(?!奠定|打下)/.exec(text);
  // (The first of the two the text names.)
  const plan = opening && (!named || opening.index < named.index)
    ? { at: opening.index, name: opening[1], last: false, cue: opening[0] }
    : named && { at: named.index, name: named[1], last: named[2] === '收官之年', cue: named[0] };
  if (plan && PLAN_START[plan.name]) {
    const start = PLAN_START[plan.name];
    const year = plan.last ? start + 4 : start;
    // "明年是“十五五”开局之年" speaks from the year before; "去年是……收官之年" from the year after.
    const who = /(明年|去年|今年)(?:是|为|作为)?$/.exec(text.slice(Math.max(0, plan.at - 4), plan.at));
    // (So does one looked back on, "记录下我市“十四五”收官之年的发展成绩单", "回望开局之年".)
    const looksBack = !who && LOOKS_BACK.test(text.slice(Math.max(0, plan.at - 12), plan.at));
    const offset = who?.[1] === '明年' ? -1 : who?.[1] === '去年' || looksBack ? 1 : 0;
    return { year: year + offset, cue: (who ? who[0] : '') + plan.cue };
  }
  // A plan said to have ended last year: "过去一年，……“十四五”规划圆满收官" speaks from the year
  // after its last (not "即将收官", "确保……圆满收官": the last year itself, still under way).
  // (The completion ends its clause: not "为“十四五”规划圆满收官奠定基础", "顺利完成中期评估".)
  const done = /(?:过去一年|去年|上一年|上年|过去五年|五年来)[^。！？；]{0,60}?[“"]?(十[一二三四五六])五[”"]?(?:规划)?(?:的)?(?:(?:主要)?(?:目标任务|目标|任务)?(?:圆满|胜利|顺利|全面)(?:收官|完成)|画上(?:了)?圆满句号)(?=[，。；、！,;]|$)/.exec(text);
  if (done && PLAN_START[done[1]] && !/即将|确保|力争|奋力|将要|有望|为[^，。]*$/.test(done[0])) return { year: PLAN_START[done[1]] + 5, cue: done[0] };
  return undefined;
}

const Y = '((?:19|20)\\d{2})\\s*年';
/** The lead's words for the year ahead: 部署2026年工作, 2026年目标任务, 对2026年工作作出安排. */
const LEAD_AHEAD = new RegExp(
  `(?:部署|安排|谋划|明确|提出|擘画|展望)(?:了)?(?:好)?\\s*${Y}|${Y}(?:的)?(?:主要)?(?:目标任务|预期目标|发展目标|重点工作|重点任务|工作安排|工作任务|主要目标)|对\\s*${Y}(?:的)?(?:工作|重点工作)作出(?:全面)?部署`,
);
/** The lead's words for the year reviewed: 回顾2025年工作, 2025年工作回顾 → the year after. */
const LEAD_REVIEW = new RegExp(`(?:回顾|总结|盘点)(?:了)?(?:过去一年(?:即)?)?\\s*${Y}|${Y}(?:的)?(?:政府)?工作(?:回顾|总结)`);

/** The year a lead implies, with its words: the first sentences of a brief. */
function yearFromLead(text: string): { year: number; cue: string } | undefined {
  const ahead = LEAD_AHEAD.exec(text);
  if (ahead) return { year: +(ahead[1] ?? ahead[2] ?? ahead[3]), cue: ahead[0] };
  const review = LEAD_REVIEW.exec(text);
  if (review) return { year: +(review[1] ?? review[2]) + 1, cue: review[0] };
  return undefined;
}


/** National papers and agencies: their name is not a place of the document. */
const NATIONAL = /^(?:人民|经济|光明|中国|法治|法制|工人|农民|科技|健康|学习|证券|新华|中国青年|中国妇女|参考|环球|国际商|中国经济|中国新闻)$/;
const PUBLISHER = /(?:^|[\n\s（(【])([\p{Script=Han}]{2,4}?)(?:日报|晚报|都市报|新闻网|广播电视台|电视台|人民广播电台|广播电台|融媒体中心|新闻客户端)(?:社)?(?:讯|消息|全媒体讯|融媒体讯|融媒讯|客户端讯|[（(]记者|记者|融媒记者|全媒体记者|[\s\u3000]*(?:新闻稿|广播稿|播出稿|口播稿))/u;

/** A title that names its level: 市政府工作报告, 省委经济工作会议, 县人民政府. */
// (A session's ordinal may stand between: "区十八届人大五次会议开幕" is the district's own congress.)
const TITLE_LEVEL = /(?:^|[^\p{Script=Han}]|[年的在])(省|自治区|市|州|盟|县|区)(?:第?[一二三四五六七八九十]+届)?(?:人民)?(?:政府|委|人大|人民代表大会|政协)/u;

/** A government's account "宝鸡发布　1月21日" (X发布 is how cities name their news accounts). */
const ACCOUNT = /(?:^|\n)[\s\u3000]*([\p{Script=Han}]{2,4}?)发布(?=[\s\u3000]|$)/mu;

/** The first publisher's name that is no speaker's label (X日报记者：). */
function firstPublisher(text: string): RegExpExecArray | null {
  const re = new RegExp(PUBLISHER.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!/^[：:]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1))) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** The place a publisher's name gives: 宜宾日报讯 → 宜宾市, 甘肃日报讯 → 甘肃省. */
function regionFromPublisher(text: string): { name: string; level: 'province' | 'city'; cue: string } | undefined {
  const account = ACCOUNT.exec(text);
  if (account && isKnownPlace(`${account[1]}市`)) return { name: `${account[1]}市`, level: 'city', cue: account[0].trim() };
  // (Not a reporter who asks at a press conference, "河北日报记者：报告提出……": a speaker's label.)
  const m = firstPublisher(text);
  if (!m || NATIONAL.test(m[1])) return undefined;
  const stem = m[1];
  const named = placesIn(stem);
  if (named.length && named[0].at === 0) {
    const p = named[0];
    if (p.level === 'country') return undefined;
    return { name: p.name, level: p.level === 'province' ? 'province' : 'city', cue: m[0].trim() };
  }
  const province = placesIn(`${stem}省`).find((p) => p.level === 'province' && p.at === 0);
  if (province) return { name: province.name, level: 'province', cue: m[0].trim() };
  // A city's paper is named for it without the suffix (宜宾日报 → 宜宾市): a city of that name
  // (gazetteer.ts). Papers named for a region or a slogan (闽南日报, 南方日报, 大众日报) name none.
  // (A 地区 or 盟 before a city of its name: 喀什 names 喀什地区, whose seat is 喀什市.)
  const area = /^[\p{Script=Han}]{2,4}$/u.test(stem) ? areaNamed(stem) : undefined;
  if (area) return { name: area, level: 'city', cue: m[0].trim() };
  if (/^[\p{Script=Han}]{2,3}$/u.test(stem) && isKnownPlace(`${stem}市`)) return { name: `${stem}市`, level: 'city', cue: m[0].trim() };
  return undefined;
}

/** A headline that states a figure: a news item that reports the plan, not the plan itself. */
export const NEWS_HEADLINE = /[0-9０-９][0-9０-９.．]*\s*(?:%|％|万|亿|个百分点)/;

/** A lead that restates a plan: its aims for the year, the report's own words. */
const AIMS = /(?:部署|安排)[^。；，,]{0,6}(?:今年|明年|新一年|(?:19|20)\d{2}\s*年)[^。；，,]{0,6}(?:任务|工作)|(?:今年|明年|(?:19|20)\d{2}\s*年)(?:的)?(?:主要)?(?:预期)?目标(?:任务)?|报告(?:中)?(?:提出|明确)/;

const SELF_PROVINCE = /全省|我省|本省|省政府|省委|省人大|省政协|全区各族|自治区政府|自治区人民政府/g;
const SELF_CITY = /全市|我市|本市|市政府|市委|市人大|市政协|全州(?![县市区])|我州|本州|州政府|州委|州人大|州政协|全盟|盟行政公署|全地区|地区行政公署|行署/g;
const SELF_COUNTY = /全县|我县|本县|县政府|县委|县人大|县政协/g;
const SELF_DISTRICT = /全区(?!各族)|我区|本区|区委|区政府|区人大|区政协/g;

/** The level a document speaks at: which of 全省 / 全市 / 全县 (and their kin) it uses most. */
function ownLevel(text: string): 'province' | 'city' | 'county' | undefined {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const c = sample.match(SELF_CITY)?.length ?? 0;
  // (全区 / 区委 are a district's, as a county's 全县, unless the text is an autonomous region's:
  // one that names 自治区.)
  const d = sample.match(SELF_DISTRICT)?.length ?? 0;
  const region = /自治区/.test(sample);
  const p = (sample.match(SELF_PROVINCE)?.length ?? 0) + (region ? d : 0);
  const k = (sample.match(SELF_COUNTY)?.length ?? 0) + (region ? 0 : d);
  if (p === 0 && c === 0 && k === 0) return undefined;
  return p >= c && p >= k ? 'province' : c >= k ? 'city' : 'county';
}

/** How far into a text its opening reaches, where a lead may stand after a headline read as text. */
const OPENING = 600;

/** A session of a place's own congress or conference, after its name: 第十九届人民代表大会第五次会议, 两会. */
const OWN_SESSION = /^(?:第[一二三四五六七八九十]+届|[一二三四五六七八九十]+届)(?:人民代表大会|人大|政协|委员会)/;

/** A place named as a body whose decisions the clause carries out: 贯彻……X市委……精神, 按照X市委部署. */
function higherBody(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 30), at);
  const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'));
  if (!/贯彻|落实|传达|学习|按照|根据|遵照|对照/.test(before.slice(clauseStart + 1))) return false;
  return /^[^，。；]{0,30}?(?:精神|部署|要求|决策|安排|指示)/.test(text.slice(end, end + 34));
}

/** The first paragraph of text: the first that is no heading and not blank. */
function firstBodyParagraph(model: DocumentModel): DocumentModel['paragraphs'][number] | undefined {
  const inHeading = new Set(model.headings.flatMap((h) => h.paragraphs));
  return model.paragraphs.find((p) => !inHeading.has(p.index) && p.text.trim());
}

export function documentFacts(model: DocumentModel, options: FactsOptions = {}): DocumentFacts {
  let year: number | undefined;
  let yearCue: string | undefined;
  let yearFrom: YearEvidence | undefined;
  const setYear = (y: number, cue: string, from: YearEvidence) => {
    year = y;
    yearCue = cue;
    yearFrom = from;
  };
  const titles: string[] = [];
  // (Titles met after the text has begun, an article's 小标题 "2025年：主要指标稳中有进", say what a
  // section is about, not the year the document speaks from; they may still name its place, as
  // an annex's title does: "2026年辽宁省办好民生实事清单".)
  // (The first paragraph of text: where the body begins, and the lead.)
  const firstBody = firstBodyParagraph(model);
  const bodyStart = firstBody?.start ?? model.text.length;
  for (const h of model.headings) {
    const t = `${h.name} ${h.detail ?? ''} ${h.byline ?? ''}`;
    // (The document's own place is in its titles, not in a section heading about a district.)
    if (h.form === 'title' || h.form === 'markdown') titles.push(t);
    // (Not a headline that states a figure, "2025年全市生产总值增长5.6%": its year is the figure's.)
    if (year === undefined && (h.form === 'title' || h.form === 'markdown') && h.span.start <= bodyStart) {
      const figure = NEWS_HEADLINE.test(t);
      const y = titleYear(t, figure) ?? titleYear(h.name, figure);
      if (y !== undefined) setYear(y, h.name, 'title');
    }
  }
  const head = model.text.slice(0, 3000);
  // A full date near the top: the dateline "2026年1月12日" (its month tells a year-end document).
  // (Or a web page's publishing line, "发布时间：2026-02-06", "日期：2026/01/20".)
  const dated = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日/.exec(head.slice(0, 2000)) ??
    /(?:发布时间|发布日期|发稿时间|更新时间|日期|时间)[：:][\s\u3000]*((?:19|20)\d{2})[-/.](\d{1,2})[-/.]\d{1,2}(?!\d)/.exec(head.slice(0, 2000));
  if (year === undefined) {
    const v = /[（(]((?:19|20)\d{2})\s*版[）)]/.exec(model.text);
    if (v) setYear(+v[1], v[0], 'version');
  }
  if (year === undefined) {
    // A full date near the top: the dateline "2026年1月12日".
    if (dated) setYear(+dated[1], dated[0], 'dateline');
  }
  // A title that names the year it looks back on, "2025年全市经济运行情况", dated in the year after
  // ("2026年1月26日"): the document speaks from its date (its 去年 is the title's year), and its
  // undated figures are the title's year's. Not a plan's title, whose year is the year it plans;
  // nor a statistical bulletin's, which speaks from its year (its 上年 is the year before it).
  let reviewed: { year: number; cue: string } | undefined;
  if (yearFrom === 'title' && year !== undefined && dated && +dated[1] === year + 1 && !PLAN_DOCUMENT.test(yearCue ?? '') && !/统计公报|统计年鉴|统计提要/.test(yearCue ?? '')) {
    reviewed = { year, cue: yearCue ?? '' };
    setYear(+dated[1], dated[0], 'dateline');
  }
  // (Or one over a bulletin of that year its title quotes, "2025年我市经济运行稳中有进" over "——解读
  // 《焦作市2025年国民经济和社会发展统计公报》", dated "3月28日": the bulletin is out the year after.)
  const quotesBulletin = titles.length ? /《[^《》]*?((?:19|20)\d{2})\s*年[^《》]*?统计公报(?:[（(]摘要[）)])?》/.exec(titles[0]) : null;
  if (!reviewed && yearFrom === 'title' && year !== undefined && !dated && quotesBulletin && +quotesBulletin[1] === year && !/统计公报|统计年鉴|统计提要/.test(yearCue ?? '')) {
    reviewed = { year, cue: yearCue ?? '' };
    setYear(year + 1, quotesBulletin[0], 'title');
  }
  if (year === undefined) {
    const l = yearFromLead(head.slice(0, 1500));
    if (l) setYear(l.year, l.cue, 'lead');
  }
  if (year === undefined) {
    // News of a bulletin its lead names with its year, "发布《X市2025年……统计公报》", speaks from
    // the year after it, as a title that quotes it does; before the
    // occasions the text names, which a script may look back on (“十四五”收官之年，我市……).
    const b = /(?:发布|公布)(?:了)?[^。！？]{0,24}?《[^《》]{0,20}?((?:19|20)\d{2})\s*年[^《》]{0,30}统计公报(?:[（(]摘要[）)])?》/.exec(model.text.slice(bodyStart, bodyStart + 400));
    if (b) setYear(+b[1] + 1, b[0], 'lead');
  }
  if (year === undefined) {
    const y = yearFromOccasion(head);
    if (y) setYear(y.year, y.cue, 'occasion');
  }
  if (year === undefined) {
    // A year and month in the first lines: "2023 年 2 月".
    const d = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月/.exec(head.slice(0, 2000));
    if (d) setYear(+d[1], d[0], 'dateline');
  }
  if (year === undefined) {
    // The first dated heading: "三、2023年重点工作" speaks from 2023; a review heading such as
    // "一、2022年工作回顾" speaks from the year after the one it reviews.
    // So does a dated heading whose text calls its year 去年 ("2025年：主要指标稳中有进" then
    // "去年，全省……"): the text speaks from the year after.
    for (const h of model.headings) {
      const y = yearIn(h.name);
      if (y === undefined) continue;
      const last = h.paragraphs[h.paragraphs.length - 1];
      const under = model.paragraphs.find((p) => p.index > last && p.text.trim())?.text.trimStart() ?? '';
      const review = headingKind(h.name) === 'actual' || /^(?:去年|过去一年|上年)/.test(under);
      setYear(review ? y + 1 : y, h.name, 'heading');
      break;
    }
  }
  if (year === undefined && options.year !== undefined) setYear(options.year, '', 'config');

  let province: string | undefined;
  let city: string | undefined;
  let county: string | undefined;
  let first: string | undefined;
  /** The own place read from the lead or the issuing body, when no title names one. */
  let textPlace: string | undefined;
  let regionCue: string | undefined;
  let regionFrom: RegionEvidence | undefined;
  for (const t of titles) {
    const places = placesIn(t);
    for (const [k, p] of places.entries()) {
      // (Not the whole a title measures against: "对标全国定目标".)
      if (p.level === 'country' || comparisonBase(t, p.at, p.at + p.name.length)) continue;
      // (Nor the place a post was sent from, after its time: "大同发布　2026年1月20日 11:30 山西".)
      if (/[0-9０-９]{1,2}[:：][0-9０-９]{2}[\s\u3000]*(?:发表于|IP属地[：:]?)?[\s\u3000]*$/.test(t.slice(0, p.at))) continue;
      // (A place written with the one it lies in, "苏州市吴江区委": the inner one is meant.)
      if (!first && !beforeInner(places, k)) {
        first = p.name;
        regionCue = t.trim();
        regionFrom = 'title';
      }
      if (p.level === 'province' && !province) province = p.name;
      if (p.level === 'city' && !city) city = p.name;
      if (p.level === 'county' && !county) county = p.name;
    }
  }
  const publisher = regionFromPublisher(model.text.slice(0, 1500));
  if (publisher) {
    if (publisher.level === 'province') province ??= publisher.name;
    else city ??= publisher.name;
    if (!first) {
      first = publisher.name;
      regionCue = publisher.cue;
      regionFrom = 'publisher';
    }
  }
  if (!province && !city && !county) {
    // A place the text names as its own: in its lead, or as the issuing body (X市人民政府,
    // X省委). A place named further down is as likely a district or a neighbour (分区域看，枣阳市……).
    const sample = model.text.slice(0, 5000);
    // (The lead: the first paragraph of text, at most 300 characters of it.)
    const lead = firstBody ? Math.min(firstBody.end, firstBody.start + 300) : 0;
    for (const p of placesIn(sample)) {
      // (The issuing body on a line of its own, "九江市人民政府", "六安市人民政府办公室　2026年7月18日";
      // not a body the text cites: "无锡市委经济工作会议提出……".)
      const line = sample.slice(sample.lastIndexOf('\n', p.at) + 1, (sample.indexOf('\n', p.at) + 1 || sample.length + 1) - 1);
      const issuer = line.trim().length <= 40 && /^(?:人民政府|政府|委员会|党委|委|人大|人民代表大会)/.test(sample.slice(p.at + p.name.length, p.at + p.name.length + 6));
      // (Or whose session the lead reports, "渝北区第十九届人民代表大会第五次会议……开幕": the news of
      // its own people's congress, which its city's sessions would not open. Within the opening: a
      // headline that states a figure is read as the first paragraph.)
      const session = p.level === 'county' && p.at < Math.max(lead, OPENING) && OWN_SESSION.test(sample.slice(p.at + p.name.length, p.at + p.name.length + 14));
      const own = p.at < lead || issuer || session;
      // (The bodies above, whose decisions the text carries out, are not its own: "贯彻中央、省委和
      // 嘉兴市委经济工作会议精神", "按照X市委部署".)
      if (!own || higherBody(sample, p.at, p.at + p.name.length)) continue;
      if (p.level === 'province' && !province) province = p.name;
      if (p.level === 'city' && !city) city = p.name;
      // (A district or county that issues it, "中共苏州市吴江区委办公室": the city before it is its
      // address, the district its own place.)
      if (p.level === 'county' && !county && (issuer || session)) county = p.name;
    }
    if (province || city || county) {
      textPlace = county ?? city ?? province;
      regionCue = textPlace;
      regionFrom = 'text';
    }
  }
  if (!first && !province && !city && !county && options.region) {
    const p = placesIn(options.region)[0];
    const level = p?.level === 'province' ? 'province' : p?.level === 'county' ? 'county' : 'city';
    const name = p && p.at === 0 && p.level !== 'country' ? p.name : options.region;
    if (level === 'province') province = name;
    else if (level === 'county') county = name;
    else city = name;
    regionCue = '';
    regionFrom = 'config';
  }
  // A county's own document that names no city: its 全市 is the city the county lies in (荣县 →
  // 自贡市), where the gazetteer knows only one county of that name.
  if (county && !city && (regionFrom === 'title' || regionFrom === 'text')) city = cityOfCounty(county);
  // (The level a title names outweighs a count of 全省 against 全市: "一图读懂｜2026年市政府工作报告".)
  const titled = titles.length ? TITLE_LEVEL.exec(titles[0]) : null;
  // (A title that names its own place speaks at that place's level: "中共苏州市吴江区委办公室" a
  // district's, "……在南宁市第十五届人民代表大会……上" a city's, whatever its 全区 says.)
  const ownPlace = regionFrom === 'title' ? first : regionFrom === 'text' ? textPlace : undefined;
  const titledPlace = ownPlace === undefined ? undefined : ownPlace === county ? 'county' : ownPlace === city ? 'city' : ownPlace === province ? 'province' : undefined;
  const level = titledPlace ?? (titled ? (titled[1] === '省' || titled[1] === '自治区' ? 'province' : titled[1] === '市' || titled[1] === '州' || titled[1] === '盟' ? 'city' : 'county') : ownLevel(model.text));
  // The document as a whole is a plan when its first title says so; a piece of a compilation
  // is judged by its own title (see planContext).
  // (Not a headline that states one of its figures: "人代会开幕 政府工作报告提出今年增长5.5%左右"
  // reports the plan.)
  // (Nor the record of an event about one, "……《政府工作报告》解读新闻发布会实录": what is said there
  // reviews as much as it aims.)
  const plan = titles.length > 0 && PLAN_DOCUMENT.test(titles[0]) && !NEWS_HEADLINE.test(titles[0]) && !AN_EVENT_ABOUT.test(titles[0]);
  // (The record of an event about a plan, "2026年天津市政府工作报告新闻发布会", restates its aims as
  // a lead that says 报告提出 does: the year's figures are aims, a year gone stays a year gone.)
  const lead = AIMS.exec(head.slice(0, 800));
  const aims = lead ? lead[0] : titles.length > 0 && PLAN_DOCUMENT.test(titles[0]) && AN_EVENT_ABOUT.test(titles[0]) && !REVIEW_EVENT.test(titles[0]) ? titles[0] : undefined;
  const aimsAt = lead ? lead.index : aims !== undefined ? 0 : undefined;
  // Aims for the year after (部署明年工作 in a December speech) leave this year's figures alone.
  const named = aims !== undefined ? /((?:19|20)\d{2})\s*年/.exec(aims) : null;
  const aimsOffset = aims === undefined ? undefined : named && year !== undefined ? +named[1] - year : /明年|下一年|新一年/.test(aims) ? 1 : 0;
  // (A dateline without its year, "12月26日，市委经济工作会议召开", in a text whose year is known.)
  const dayOnly = dated ? null : /(?:^|[\n\s\u3000（(）)])(\d{1,2})\s*月\s*\d{1,2}\s*日/.exec(head.slice(0, 400));
  const lateInYear = (!!dated && +dated[1] === year && +dated[2] >= 10) || (!!dayOnly && year !== undefined && +dayOnly[1] >= 10);
  // (Only for a text about a year's report, 政府工作报告, its 解读 or 图解, where last year's results are
  // told: not a holiday's or a quarter's news in the same months.)
  // (Or a congress's session, "市八届人大五次会议开幕", dated "1月15日" with no year.)
  // (Or no month at all, where the text reports its people's congress in session, as its year's first
  // weeks hold it: "省十四届人大四次会议在广州开幕", "省两会特别报道"; not a standing committee's.)
  const session = !dated && !dayOnly && /届人大[一二三四五六七八九十]+次会议|人民代表大会第[一二三四五六七八九十]+次会议|人代会|两会/.test(head.slice(0, 800));
  const earlyInYear = ((!!dated && +dated[1] === year && +dated[2] <= 3) || (!dated && !!dayOnly && yearFrom !== 'title' && +dayOnly[1] <= 3) || session) && titles.some((t) => /工作报告|解读|一图读懂|图解|公报|人大|人代会|两会/.test(t));
  // (A news item on a bulletin says so in its lead: 发布去年……统计公报, 公布《2025年……统计公报》.)
  // (Or its title quotes the bulletin: "——《2025年X市国民经济和社会发展统计公报》发布".)
  const bulletin = /(?:发布|公布)(?:了)?[^。！？]{0,24}?《?(去年|上年|(?:19|20)\d{2}\s*年)[^。！？》]{0,30}统计公报/.exec(model.text.slice(bodyStart, bodyStart + 400));
  const quoted = titles.length ? titleYears(titles[0]) : undefined;
  const reportsYear = bulletin ? (/\d/.test(bulletin[1]) ? parseInt(bulletin[1], 10) : year !== undefined ? year - 1 : undefined) : quoted?.bulletin ? quoted.quoted : reviewed?.year;
  const reportsCue = bulletin ? bulletin[0] : reviewed && !quoted?.bulletin ? reviewed.cue : titles[0]?.match(/《[^《》]*》/)?.[0];
  // (A bulletin is published the year after the one it speaks from and its title names.)
  const published = yearFrom === 'title' && year !== undefined && /统计公报/.test(yearCue ?? '') && !/《[^》]*统计公报/.test(yearCue ?? '') ? { published: year + 1 } : {};
  const reports = reportsYear !== undefined && year !== undefined && reportsYear < year && !PLAN_DOCUMENT.test(titles[0] ?? '') ? { reportsYear, reportsCue } : {};
  const reportsLast = bulletin && year === undefined && !/\d/.test(bulletin[1]) ? { reportsLast: bulletin[0] } : {};
  return { year, yearCue, yearFrom, lateInYear, earlyInYear, ...reports, ...reportsLast, ...published, ...(reviewed && reports.reportsYear === reviewed.year ? { titleReviews: reviewed.year } : {}), province, city, county, region: first ?? county ?? city ?? province, regionCue, regionFrom, level, plan, aimsAt, aimsOffset, aimsCue: aims, bodyStart,
    autonomous: !!province?.endsWith('自治区') || /自治区(?:人民)?政府|自治区党委|自治区人大|全区各族/.test(model.text.slice(0, 20000)) };
}

