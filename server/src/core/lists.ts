/**
 * Lists, and the counts that announce them, as the check `enum.count-mismatch`
 * (checks/enumCount.ts) reads them: the counts (五大环境, 13个地区, 三项工作), the text of a
 * paragraph as it flows across page breaks, the items of a list (split at 、, the last one
 * perhaps joined by 和/及/与, a partial list closed by 等), run-in points (一是……二是……) and
 * lists set out in the paragraphs after a count (bullets, numbered items). What it returns is
 * the list as the text gives it; whether it agrees with the count is the check's to decide.
 *
 * Three shapes of the language are read:
 * - a count, then the items: "五大环境：政策、市场、政务、法治、人文", "13个地区，分别是：鞍山、
 *   抚顺……", "3个地区（鞍山、抚顺、本溪）", with ：/即/分别是/分别为/依次为/包括 or a bracket in
 *   between, items separated by 、 (the last one possibly joined by 和/及/以及/与/或), the list
 *   ending at 。！？, at its closing bracket or at the end of the paragraph (at ， or ； only when
 *   均/都/已… shows that the sentence goes on about the whole list); or in points: "抓好三个方面：
 *   一是……；二是……；三是……";
 * - the items, then the count: "政策、市场、政务、法治、人文“五大环境”", "鞍山、……、沈抚示范区
 *   13个地区", "A、B、C等五个方面", "A、B、C这三个方面";
 * - a count in the last sentence of a paragraph, then a list in the paragraphs that follow in
 *   the same section: bullets ("- ", "•"), or numbered items (（一）, 1., 第一，, 一是, ①) that
 *   start at one. A paragraph that carries on an item cut by a PDF page break is not an item
 *   (`Paragraph.continues`; in markdown, which keeps list items apart, an item that stops
 *   mid-clause before a blank line in a list whose other items end with a sentence mark).
 *
 * Counts are Chinese (五, 十三, 两) or Arabic (13) numerals with a classifier (个, 项, 大, 件,
 * 方面, 市……), from 2 to 99.
 *
 * Read with what the text leaves open, for the check to weigh:
 * - a partial list: "A、B、C等五个方面", "包括A、B", "（含A、B）", "……" among the items
 *   (`ReadList.partial`);
 * - an approximate count (20件以上, 近20个, 十余项, 三四个), the filler 一批/一个 (`Count.approx`);
 * - 和/及/与 that may join two items or belong to one: the fewest and the most items the text
 *   can mean (`ReadList.min`, `ReadList.max`).
 *
 * Not read as a list, wherever it cannot be delimited with confidence (a false alarm teaches
 * users to ignore the tool):
 * - congresses (党的二十大), a quoted slogan in the sentence before a list (牢记“三个务必”);
 * - items that are themselves figures ("20个国家级、19个省级"), a count that is itself an item
 *   ("一枢纽、四中心"), items that may hold 、 of their own (a list cut short by ， or ；,
 *   "推进港口、铁路建设"), items too long to be names of things, a list before a verb that may
 *   be the count's object ("在沈阳、大连建设3个基地", "做到“两个维护”"), two names before a
 *   count without 等/这/共 or a place classifier, 为 alone ("确定13个地区为省级、市级试点");
 * - a list in another section (an annex), a list not right after the count's paragraph, a count
 *   not at the end of its paragraph or pointed away by 以下 ("完成12项任务，主要做了以下工作"),
 *   lists that do not start at one or have gaps (the heading checks report those), and a list
 *   whose items resume after another paragraph of the section.
 */
import { CLAUSE_MARK, HAN, PARAGRAPH_CLOSE } from './chars';
import { readMarker } from './headings';
import type { DocumentModel, Heading, Paragraph } from './model';
import { parseChineseInt } from './numerals';
import type { Span } from './text';

type ItemForm = 'bullet' | 'cn' | 'ordinal' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'shi' | 'circled';

interface ItemMark {
  form: ItemForm;
  number?: number;
}

/** What the readers share: the flows, and the headings by paragraph. */
export interface ListDoc {
  model: DocumentModel;
  flows: Flow[];
  headingAt: Map<number, Heading>;
  /** For each paragraph, the rank of the heading whose section holds it (-1: none). */
  sectionRank: number[];
}

/** A count: a numeral, its classifier and the noun after it ("13个地区", "五大环境"). */
export interface Count {
  flow: Flow;
  value: number;
  /** Offsets in the flow's text: the numeral, the end of the classifier, the end of the noun. */
  start: number;
  classEnd: number;
  nounEnd: number;
  approx: boolean;
}

/** An item of a list: where it stands, and its text. */
export interface Item {
  span: Span;
  label: string;
}

/** Longest clause read as a list, and most paragraphs read as one section's list. */
const MAX_CLAUSE = 200;
const MAX_LIST = 2000;
const SENTENCE_MARK = new Set(['。', '！', '？', '；', '!', '?', ';']);
const CLAUSE_END = new Set(['，', ',', '。', '；', ';', '：', ':', '！', '？', '!', '?']);
const OPENERS = new Set(['“', '‘', '（', '(', '《', '〈', '【', '「', '『']);
const CLOSERS = new Set(['”', '’', '）', ')', '》', '〉', '】', '」', '』']);
const BULLET_MARK = /^(?:[-*+][\s\u3000]+|[►•●■◆▶▪◇○·][\s\u3000]*)/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN_NUM = '[一二两三四五六七八九十]{1,3}';

const CLASSIFIER = '方面|领域|环节|个|项|大|类|件|家|所|座|条|种|位|名|处|支|批|点|片|场|部|套|台|市|县|区|地|省|链|化|新|道|块';
const COUNT_QUICK = new RegExp(`(?:[0-9０-９]|[一二两三四五六七八九十])[\\s\\u3000]*(?:${CLASSIFIER})`);
const COUNT_RE = new RegExp(`([0-9０-９]{1,3}|${CN_NUM})(${CLASSIFIER})`, 'g');
/** Any count, 一 included: a segment holding one is a figure, not the name of an item. */
const ANY_COUNT = new RegExp(`(?:[0-9０-９]|[一二两三四五六七八九十](?:${CLASSIFIER}))`);
const PLACE_CLASSIFIER = new Set(['市', '县', '区', '地', '省']);

/** A count that is not an exact number of things. */
const APPROX_BEFORE = /(?:近|约|超过|超|逾|不少于|不低于|不超过|不足|不到|至少|多达|达到|达|上|数|每|前|后|第)$/;
const APPROX_AFTER = /^(?:以上|以内|以下|左右|多|余|几)/;
const NOT_COUNT_AFTER: Record<string, RegExp> = {
  个: /^(?:百分点|月|小时|工作日|季度|年度|星期)/,
  大: /^(?:[^\p{Script=Han}]|$)/u,
};

/**
 * Where the noun after a count ends ("两地正按照", "两市科学制定"): a verb, an adverb or a
 * particle; a single character only from the noun's second character on (三大要素 keeps its 要).
 */
const NOUN_STOP =
  /^(?:以上|以内|左右|建设|正在|正按|按照|取消|实现|全部|分别|合计|进行|开展|实施|科学|全面|持续|加快|推进|推动|包括|包含|涵盖|依次|具体)/;
const NOUN_STOP_CHAR = /^[的已将均都再是被即和与及]/;
/** Intros between a count and its items: exact ones, and 包括 (which may name only some). */
const INTRO = /^(?:[：:](?:分别是|分别为|依次是|依次为|即|包括|包含|涵盖)?[：:]?|即(?![将可时便使刻])|分别是|分别为|依次是|依次为|具体是|具体为|包括|包含|涵盖)/;
const STRONG_AFTER_COMMA = /^(?:即(?![将可时便使刻])|分别是|分别为|依次是|依次为|具体是|具体为|包括|包含|涵盖)[：:]?/;
/** Some intro within reach of the count: a quick test before the close reading. */
const INTRO_NEAR = /[：:（(即]|分别|依次|具体|包括|包含|涵盖/;
/** Words after a list ended by ， that show the list is over and the sentence goes on about it. */
const WHOLE_LIST = /^(?:均|都|全部|全|已|将|共|合计|总计|各|皆|分别|也|现已|目前)/;
/** Brackets after a count that name some of the things, or say something else about them. */
const SOME_OF_THEM = /^(?:其中|如|例如|比如|主要|除|不含|不包括|占|约|下同|以下简称|简称|次|个|家|项)/;
/** Verbs that open an item ("推进……、加快……"). */
const VERB_HEAD = new RegExp(
  '^(?:推进|推动|加快|加强|实施|建设|打造|完善|深化|强化|提升|优化|扩大|培育|发展|促进|开展|落实|健全|构建|做好|抓好|办好|坚持|' +
    '支持|推广|实现|全面|持续|大力|积极|着力|深入|统筹|稳定|提高|增强|保障|巩固|拓展|补齐|守住|防范|化解|改善|新建|改造|' +
    '建成|完成|组织|引导|鼓励|规范|严格|继续|进一步|不断|确保|聚焦|围绕|突出|用好|抓住|开创|营造|形成|筑牢|夯实|推行|建立|' +
    '创建|启动|举办|开通|改扩建|新增)',
);
/** A clause that goes on about the things just counted. */
const ABOUT_THEM = /^(?:涉及|包括|涵盖|覆盖|分别|具体|共|合计|总计|均|都|全部|如下|详见|见)/;
/** A point list, not a list of names. */
const ORDINAL_START = new RegExp(`^(?:${CN_NUM}是|其[一二三四五六七八九十]|第${CN_NUM}[，、,：:]|首先|[（(]${CN_NUM}[）)]|${CN_NUM}、|\\d{1,2}[.．、]|[（(]\\d{1,2}[）)]|[${CIRCLED}])`);
/** A count right after a verb is its object, not the name of the items before it. */
const VERB_TAIL = new RegExp(
  '(?:建设|建成|建立|新建|打造|实施|推进|推动|推出|做好|抓好|办好|完成|新增|开展|设立|成立|形成|培育|组建|引进|落实|认定|获批|' +
    '入选|创建|争创|布局|规划|启动|签约|带动|覆盖|涉及|包括|包含|涵盖|拥有|共有|达到|超过|累计|召开|举办|举行|出台|制定|修订|' +
    '印发|发布|提出|明确|确定|部署|安排|聚焦|围绕|突出|坚持|实现|加快|加强|强化|深化|提升|优化|支持|扶持|发展|改造|取消|保留|' +
    '设置|选出|评出|选定|列入|纳入|确立|用好|分为|分成|划分|组成|构成|解决|发现|防止|防范|化解|破解|治理|整治|克服|避免|杜绝|' +
    '反对|破除|增强|坚定|做到|践行|维护|捍卫|树立|牢记|把握|领会|贯彻|学习|推行|开创|迈出|补齐|补上|做强|做大|做优|壮大|' +
    '巩固|拓展|守住|守牢|筑牢|夯实|抓住|用足|释放|激发|增加|减少|培养|引领|带领|团结|依靠|面向|服务|保障|保护|促进|' +
    '抓|建|设|办|有|是|为|的|了|着|过|在|对|把|将|向|从|与|和|' +
    '及|或|各|共|中|里|内|间|年|月|日)$',
);
/** Verbs and adverbs that open a clause before its first item ("全力优化政策、市场……"). */
const LEAD_WORDS = new RegExp(
  '^(?:全面|全力|大力|积极|着力|聚力|持续|深入|加快|加强|重点|突出|切实|继续|进一步|不断|统筹|通过|围绕|聚焦|坚持|落实|推进|推动|' +
    '做强|做大|做优|做实|壮大|发展壮大|发展|设立|新设|指导|督促|推翻|抓住|形成|建成|' +
    '实施|优化|抓好|做好|打造|建设|构建|完善|强化|深化|培育|支持|促进|实现|涵盖|包括|涉及|覆盖|目前|如|在|对|把|将|以|从|由|向|为|与)+',
);
const FUNCTION_CHARS = /[在对把将向从的了是为有）)]/g;

const JOINER = /以及|或者|和(?![谐平睦美])|及(?![时早])|与(?![会其时])|或(?![许])/g;
/** 等 as the particle that closes a partial list, not the 等 of 等级、等待. */
const ETC = /(等等|等)(?![级待同候于])/;
/** 高等、平等: a word, or 高中 + 等 ("初中、高中等学段"); read as partial, shown whole. */
const ETC_WORD = /[高中初平同对均上次头优特劣相]$/;

/** Reads a document's flows and the headings by paragraph, once for all its counts. */
export function readListDoc(model: DocumentModel): ListDoc {
  const flows = buildFlows(model);
  const headingAt = new Map<number, Heading>();
  for (const h of model.headings) for (const i of h.paragraphs) headingAt.set(i, h);
  const sectionRank: number[] = [];
  let rank = -1;
  for (let i = 0; i < model.paragraphs.length; i++) {
    rank = headingAt.get(i)?.rank ?? rank;
    sectionRank.push(rank);
  }
  return { model, flows, headingAt, sectionRank };
}

// ---------------------------------------------------------------------------------------------
// Reading the text

/** A paragraph and the paragraphs that carry it on across page breaks, read as one text. */
class Flow {
  /** Paragraph indexes. */
  readonly paras: number[] = [];
  /** The list marker the flow opens with, if any. */
  mark?: ItemMark;
  /** Columns of indentation of the first line (nested markdown lists). */
  indent = 0;
  private flat?: string;
  /** Runs of characters kept in `text`: where each starts there and in the document. */
  private runs: { at: number; doc: number }[] = [];
  private end = 0;

  constructor(private readonly model: DocumentModel) {}

  /**
   * The text without spaces and without the bullet of a carried-on paragraph, read when first
   * asked for: most paragraphs hold no count and are never read.
   */
  get text(): string {
    if (this.flat === undefined) this.read();
    return this.flat!;
  }

  /** Document offset of character `i` of `text`; `text.length` gives the end. */
  offset(i: number): number {
    const t = this.text;
    if (i >= t.length) return this.end;
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].at <= i) lo = mid;
      else hi = mid - 1;
    }
    return runs[lo].doc + (i - runs[lo].at);
  }

  /** The raw text of the flow's paragraphs, for a quick look. */
  raw(): string {
    const ps = this.model.paragraphs;
    return this.model.text.slice(ps[this.paras[0]].start, ps[this.paras[this.paras.length - 1]].end);
  }

  private read(): void {
    const { text, paragraphs } = this.model;
    const pieces: string[] = [];
    let len = 0;
    const space = /[\s\u3000]+/g;
    for (let k = 0; k < this.paras.length; k++) {
      const p = paragraphs[this.paras[k]];
      let i = p.start;
      // A bullet opens the item; the bullet of a paragraph carried on after a page break is an
      // artefact of the extraction ("新建殡仪\n\n- 馆、骨灰堂").
      const bullet = BULLET_MARK.exec(p.text);
      if (bullet && (k > 0 || this.mark?.form === 'bullet')) i += bullet[0].length;
      space.lastIndex = i;
      while (i < p.end) {
        const m = space.exec(text);
        const stop = m && m.index < p.end ? m.index : p.end;
        if (stop > i) {
          this.runs.push({ at: len, doc: i });
          pieces.push(text.slice(i, stop));
          len += stop - i;
        }
        if (!m || m.index >= p.end) break;
        i = m.index + m[0].length;
      }
      this.end = p.end;
    }
    this.flat = pieces.join('');
    if (this.runs.length === 0) this.runs.push({ at: 0, doc: this.end });
  }
}

function buildFlows(model: DocumentModel): Flow[] {
  const flows: Flow[] = [];
  let cur: Flow | undefined;
  for (const p of model.paragraphs) {
    if (p.verbatim || p.tocEntry) {
      cur = undefined;
      continue;
    }
    if (!cur) {
      cur = new Flow(model);
      cur.indent = p.start - (model.lines.starts[p.firstLine] ?? p.start);
      cur.mark = itemMark(p);
      flows.push(cur);
    }
    cur.paras.push(p.index);
    if (!p.continues) cur = undefined;
  }
  return flows;
}

function itemMark(p: Paragraph): ItemMark | undefined {
  const t = p.text.replace(/^#{1,6}[\s\u3000]+/, '');
  if (BULLET_MARK.test(t) && !/^[-*+][\s\u3000]*[-*+]/.test(t)) return { form: 'bullet' };
  if (p.listItem && !readMarker(t)) return { form: 'bullet' };
  const m = readMarker(t);
  if (m) return { form: m.form as ItemForm, number: m.number };
  const shi = new RegExp(`^(${CN_NUM})是`).exec(t);
  if (shi) {
    const n = parseChineseInt(shi[1]);
    if (n) return { form: 'shi', number: n };
  }
  const c = CIRCLED.indexOf(t[0]);
  if (c >= 0) return { form: 'circled', number: c + 1 };
  return undefined;
}

function toNumber(s: string): number | undefined {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return parseChineseInt(s);
}

function findCounts(flow: Flow): Count[] {
  const t = flow.text;
  const out: Count[] = [];
  for (const m of t.matchAll(COUNT_RE)) {
    const start = m.index!;
    const prev = t[start - 1] ?? '';
    if (/[0-9０-９.．零〇百千万亿A-Za-z]/.test(prev)) continue;
    if (prev === ',' && /[0-9]/.test(t[start - 2] ?? '')) continue;
    const value = toNumber(m[1]);
    if (value === undefined || value < 1 || value > 99) continue;
    const classEnd = start + m[0].length;
    const after = t.slice(classEnd, classEnd + 8);
    const not = NOT_COUNT_AFTER[m[2]];
    if (not && not.test(after)) continue;
    // 党的二十大, 十九大报告: congresses, not counts.
    if (m[2] === '大' && (value >= 12 || /(?:党的|第)$/.test(t.slice(Math.max(0, start - 2), start)))) continue;
    let nounEnd = classEnd;
    while (nounEnd < t.length && nounEnd - classEnd < 12 && /[\p{Script=Han}A-Za-z]/u.test(t[nounEnd])) {
      const rest = t.slice(nounEnd, nounEnd + 4);
      if (NOUN_STOP.test(rest) || (nounEnd > classEnd && NOUN_STOP_CHAR.test(rest))) break;
      nounEnd++;
    }
    const approx =
      value === 1 ||
      APPROX_BEFORE.test(t.slice(Math.max(0, start - 3), start)) ||
      APPROX_AFTER.test(after) ||
      /^(?:以上|以内|左右)/.test(t.slice(nounEnd, nounEnd + 2));
    out.push({ flow, value, start, classEnd, nounEnd, approx });
  }
  return out;
}

/** The counts of a flow; a paragraph with no numeral before a classifier is not read. */
export function countsIn(flow: Flow): Count[] {
  if (flow.paras.length === 1 && !COUNT_QUICK.test(flow.raw())) return [];
  return findCounts(flow);
}

function depthStep(ch: string): number {
  if (OPENERS.has(ch)) return 1;
  if (CLOSERS.has(ch)) return -1;
  return 0;
}

function spanOf(flow: Flow, from: number, to: number): Span {
  return { start: flow.offset(from), end: to > from ? flow.offset(to - 1) + 1 : flow.offset(from) };
}

/** Where a count stands in the document, from its numeral to the end of its noun. */
export function countSpan(c: Count): Span {
  return spanOf(c.flow, c.start, c.nounEnd);
}

interface Segment {
  from: number;
  to: number;
}

/** Splits text[from, to) at 、 outside brackets and quotes. */
function splitItems(t: string, from: number, to: number): Segment[] {
  const segs: Segment[] = [];
  let depth = 0;
  let s = from;
  for (let i = from; i < to; i++) {
    depth += depthStep(t[i]);
    if (depth === 0 && t[i] === '、') {
      segs.push({ from: s, to: i });
      s = i + 1;
    }
  }
  segs.push({ from: s, to });
  return segs;
}

/** Joiners outside brackets in text[from, to): each may join two items or sit inside one. */
function joiners(t: string, from: number, to: number): number[] {
  const at: number[] = [];
  const s = t.slice(from, to);
  let depth = 0;
  const depthAt: number[] = [];
  for (let i = 0; i < s.length; i++) {
    depthAt.push(depth);
    depth += depthStep(s[i]);
  }
  for (const m of s.matchAll(JOINER)) if (m.index! > 0 && m.index! + m[0].length < s.length && depthAt[m.index!] === 0) at.push(from + m.index!);
  return at;
}

/** A list's items, and how many the text can mean. */
export interface ReadList {
  items: Item[];
  /** The fewest and the most items the text can mean. */
  min: number;
  max: number;
  /** The usual reading: a joiner in the last segment joins the last item. */
  reading: number;
  partial: boolean;
}

/**
 * Reads segments as items. Returns undefined when a segment cannot be the name of an item.
 * `lead` trims the verbs that open the clause before the first item (reverse lists).
 */
function readSegments(flow: Flow, segs: Segment[], partial: boolean, lead: boolean): ReadList | undefined {
  const t = flow.text;
  const items: Item[] = [];
  let min = 0;
  let extra = 0;
  let reading = 0;
  for (let k = 0; k < segs.length; k++) {
    let { from, to } = segs[k];
    const s = t.slice(from, to);
    if (/^(?:……|…|\.{3,}|等等)$/.test(s)) {
      partial = true;
      continue;
    }
    if (s.length === 0) return undefined;
    // "抚顺……沈抚示范区": an ellipsis leaves out items.
    if (/…|\.{3}/.test(s)) partial = true;
    if (k === segs.length - 1 && !lead) {
      const etc = ETC.exec(s);
      if (etc) {
        partial = true;
        if (!ETC_WORD.test(s.slice(0, etc.index))) to = from + etc.index;
        if (to === from) return undefined;
      }
    } else if (k < segs.length - 1) {
      const etc = ETC.exec(s);
      if (etc && !ETC_WORD.test(s.slice(0, etc.index))) return undefined;
    }
    if (k === 0 && lead) {
      const l = LEAD_WORDS.exec(t.slice(from, to));
      if (l && to - from - l[0].length >= 2) from += l[0].length;
      const others = segs.slice(1).map((g) => g.to - g.from);
      const longest = Math.max(2, ...others);
      if (to - from > longest + 2) {
        const rest = t.slice(from, to);
        let cut = -1;
        for (const m of rest.matchAll(FUNCTION_CHARS)) if (rest.length - m.index! - 1 >= 2) cut = m.index! + 1;
        if (cut > 0) from += cut;
      }
    }
    if (to - from > 25) return undefined;
    const js = joiners(t, from, to);
    min++;
    extra += js.length;
    if (k === segs.length - 1 && js.length > 0) {
      const j = js[0];
      const len = /^(?:以及|或者)/.test(t.slice(j)) ? 2 : 1;
      items.push({ span: spanOf(flow, from, j), label: t.slice(from, j) });
      items.push({ span: spanOf(flow, j + len, to), label: t.slice(j + len, to) });
      reading += 2;
    } else {
      items.push({ span: spanOf(flow, from, to), label: t.slice(from, to) });
      reading += 1;
    }
  }
  if (min < 2) return undefined;
  return { items, min, max: min + extra, reading, partial };
}

// ---------------------------------------------------------------------------------------------
// A count, then its items: "五大环境：政策、市场、政务、法治、人文"

/**
 * The list after a count, and whether it stands in brackets; null when the count is followed by
 * a list that cannot be read with confidence, undefined when no list follows.
 */
export function listAfter(c: Count): { list: ReadList; inBrackets: boolean } | null | undefined {
  const t = c.flow.text;
  if (!INTRO_NEAR.test(t.slice(c.classEnd, c.classEnd + 26))) return undefined;
  // From the count to the intro: a short noun phrase, at most one comma before a strong intro.
  let i = c.classEnd;
  let commas = 0;
  let intro: RegExpExecArray | null = null;
  let paren = false;
  for (; i < t.length && i - c.classEnd <= 24; i++) {
    const rest = t.slice(i, i + 16);
    if (commas === 0 && i - c.classEnd <= 12) intro = INTRO.exec(rest);
    else if (commas === 1 && /[，,]/.test(t[i - 1])) intro = STRONG_AFTER_COMMA.exec(rest);
    if (intro) break;
    const ch = t[i];
    // "3个地区（鞍山、抚顺、本溪）": the items in brackets right after the count's noun.
    if (commas === 0 && /[（(]/.test(ch)) {
      intro = /^[（(](?:包括|包含|含|即|分别是|分别为)?[：:]?/.exec(rest);
      paren = true;
      break;
    }
    if (/[，,]/.test(ch)) {
      commas++;
      if (commas > 1) return undefined;
      continue;
    }
    if (/[。；;！？!?、：:）)]/.test(ch)) return undefined;
    if (/[0-9０-９]/.test(ch)) return undefined;
    if (i > c.classEnd && COUNT_AT.test(rest)) return undefined;
  }
  if (!intro) return undefined;
  const partialIntro = /包括|包含|含|涵盖/.test(intro[0]);
  let from = i + intro[0].length;
  const again = /^(?:分别是|分别为|即)[：:]?/.exec(t.slice(from, from + 4));
  if (again) from += again[0].length;
  if (from >= t.length) return undefined;
  // Points (一是……二是……) are read elsewhere.
  if (ORDINAL_START.test(t.slice(from, from + 8))) return undefined;
  // A bracket that names some of them, or says something else about them.
  if (paren && SOME_OF_THEM.test(t.slice(from, from + 6))) return null;
  // The items run to the end of the clause.
  let depth = 0;
  let end = t.length;
  let stop: 'end' | 'close' | 'clause' | 'colon' = 'end';
  for (let k = from; k < t.length; k++) {
    // A clause this long is no list of names.
    if (k - from > MAX_CLAUSE) return null;
    const ch = t[k];
    const d = depthStep(ch);
    if (d < 0 && depth === 0) {
      end = k;
      stop = 'close';
      break;
    }
    depth += d;
    if (depth > 0) continue;
    if (/[。！？!?]/.test(ch)) {
      end = k;
      break;
    }
    // After ， or ； more items may follow, each with 、 of its own ("推进A、B建设；实施C工程").
    if (/[，,；;]/.test(ch)) {
      end = k;
      stop = 'clause';
      break;
    }
    if (/[：:]/.test(ch)) {
      end = k;
      stop = 'colon';
      break;
    }
  }
  if (paren ? stop !== 'close' : stop === 'colon') return null;
  if (stop === 'clause' && !WHOLE_LIST.test(t.slice(end + 1, end + 4))) return null;
  const segs = splitItems(t, from, end);
  if (segs.length < 2) return null;
  // Items of one list are alike: when the first opens with a verb and another does not, the
  // verb governs several names and 、 may stand inside one item ("推进港口、铁路建设").
  if (VERB_HEAD.test(t.slice(segs[0].from, segs[0].to)) && segs.slice(1).some((g) => !VERB_HEAD.test(t.slice(g.from, g.to)))) {
    return null;
  }
  const list = readSegments(c.flow, segs, partialIntro, false);
  if (!list) return null;
  return { list, inBrackets: paren };
}

const COUNT_AT = new RegExp(`^(?:[0-9０-９]{1,3}|${CN_NUM})(?:${CLASSIFIER})`);

// ---------------------------------------------------------------------------------------------
// The items, then the count: "政策、市场、政务、法治、人文“五大环境”"

/**
 * The list before a count; null when the count follows a list that cannot be read with
 * confidence, undefined when no list comes before it.
 */
export function listBefore(c: Count): ReadList | null | undefined {
  const t = c.flow.text;
  // The count itself is an item of a list ("一枢纽、四中心"): nothing to check.
  if (t[c.nounEnd] === '、' || (t[c.nounEnd] === '”' && t[c.nounEnd + 1] === '、')) return undefined;
  let j = c.start;
  if (t[j - 1] === '“') j--;
  let partial = false;
  let summary = false;
  const before = t.slice(Math.max(0, j - 4), j);
  const word = /(?:等等|等|这些|这|共计|合计|总计|共|在内的)$/.exec(before);
  if (word) {
    partial = /等|在内/.test(word[0]);
    summary = true;
    j -= word[0].length;
  }
  const last = t[j - 1];
  if (last === undefined || last === '、') return undefined;
  const sep = t.lastIndexOf('、', j - 1);
  if (sep < 0 || j - sep > MAX_CLAUSE) return undefined;
  if (!(HAN.test(last) || /[A-Za-z”》）)]/.test(last))) return undefined;
  // Back to the start of the clause.
  let depth = 0;
  let from = 0;
  for (let k = j - 1; k >= 0; k--) {
    if (j - k > MAX_CLAUSE) return undefined;
    const ch = t[k];
    const d = depthStep(ch);
    if (d > 0 && depth === 0) {
      from = k + 1;
      break;
    }
    depth -= d;
    if (depth > 0) continue;
    if (CLAUSE_END.has(ch)) {
      from = k + 1;
      break;
    }
  }
  const segs = splitItems(t, from, j);
  if (segs.length < 2) return undefined;
  // From here on the count follows a list: it is read, whether or not it can be trusted.
  const lastSeg = t.slice(segs[segs.length - 1].from, segs[segs.length - 1].to);
  if (VERB_TAIL.test(lastSeg)) return null;
  for (const s of segs) {
    const st = t.slice(s.from, s.to);
    if (ANY_COUNT.test(st)) return null;
  }
  if (segs.slice(1).some((s) => s.to - s.from > 15) || segs[0].to - segs[0].from > 30) return null;
  const cls = t.slice(c.start, c.classEnd).replace(/^[0-9０-９一二两三四五六七八九十]+/, '');
  // Two segments before a count are often two verbs or a subject and a verb; only a summary
  // word (等, 这, 共) or a place classifier (沈阳、大连两市) makes them a list.
  if (segs.length < 3 && !summary && !PLACE_CLASSIFIER.has(cls)) return null;
  const list = readSegments(c.flow, segs, partial, true);
  if (!list) return null;
  return list;
}

// ---------------------------------------------------------------------------------------------
// A count, then points: "抓好三个方面：一是……；二是……；三是……"

const POINT = new RegExp(`(?<=^|[。；;：:！？!?，,])(?:(${CN_NUM})是|第(${CN_NUM})[，、,：:]|其([一二三四五六七八九十]))`, 'g');

interface Point {
  form: 'shi' | 'di' | 'qi';
  number: number;
  /** Offsets in the flow's text. */
  at: number;
  end: number;
}

/** The points of a flow from `from` on, read one at a time. */
function* points(flow: Flow, from: number): Generator<Point> {
  const re = new RegExp(POINT.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(flow.text); m; m = re.exec(flow.text)) {
    const n = parseChineseInt(m[1] ?? m[2] ?? m[3]);
    if (!n) continue;
    yield { form: m[1] ? 'shi' : m[2] ? 'di' : 'qi', number: n, at: m.index, end: m.index + m[0].length };
  }
}

const POINT_AT = new RegExp(POINT.source, 'y');

/** The point that stands at `at` in a flow, if any. */
function pointAt(flow: Flow, at: number): Point | undefined {
  POINT_AT.lastIndex = at;
  const m = POINT_AT.exec(flow.text);
  const n = m ? parseChineseInt(m[1] ?? m[2] ?? m[3]) : undefined;
  if (!m || !n) return undefined;
  return { form: m[1] ? 'shi' : m[2] ? 'di' : 'qi', number: n, at, end: at + m[0].length };
}

/** A point of a run-in list: its text, and its marker as written (一是, 第一, 其一). */
export interface PointItem extends Item {
  marker: string;
}

/**
 * The points after a count (two or more); null when points follow the count but cannot be
 * delimited, undefined when none follow.
 */
export function pointsAfter(doc: ListDoc, fi: number, c: Count): PointItem[] | null | undefined {
  const { flows } = doc;
  const t = c.flow.text;
  const gap = /^[^，。；：！？,;:!?、]{0,12}?[：:，,。]/.exec(t.slice(c.classEnd, c.classEnd + 16));
  if (!gap) return undefined;
  const start = c.classEnd + gap[0].length;
  const head = pointAt(c.flow, start);
  if (!head || head.number !== 1) return undefined;
  const form = head.form;
  const found: { flow: Flow; p: Point }[] = [];
  let expected = 1;
  const take = (flow: Flow, from: number): 'go' | 'stop' | 'bad' => {
    for (const p of points(flow, from)) {
      if (p.form !== form) continue;
      if (p.number === expected) {
        found.push({ flow, p });
        expected++;
      } else if (p.number === 1) return 'stop';
      else return 'bad';
    }
    return 'go';
  };
  let state = take(c.flow, start);
  if (state === 'bad') return null;
  // The points may go on in the paragraphs that follow, each opening with the next one.
  const end = regionEnd(doc, fi);
  let k = fi + 1;
  for (; state === 'go' && k < end; k++) {
    const p = pointAt(flows[k], 0);
    if (!p || p.form !== form || p.number !== expected) break;
    state = take(flows[k], 0);
    if (state === 'bad') return null;
  }
  // Points that resume after other paragraphs: the list cannot be delimited.
  for (let q = k; q < end && state === 'go'; q++) {
    const p = pointAt(flows[q], 0);
    if (p?.form !== form) continue;
    if (p.number === expected) return null;
    if (p.number === 1) break;
  }
  if (found.length < 2) return null;
  return found.map((f) => ({
    span: spanOf(f.flow, f.p.at, f.p.end),
    label: pointText(f.flow, f.p),
    marker: f.flow.text.slice(f.p.at, f.p.end).replace(/[，、,：:]$/, ''),
  }));
}

function pointText(flow: Flow, p: Point): string {
  const t = flow.text;
  const m = /[，。；,;！？!?]/.exec(t.slice(p.end, p.end + 40));
  return t.slice(p.at, m ? p.end + m.index : Math.min(t.length, p.end + 16));
}

// ---------------------------------------------------------------------------------------------
// A count, then a list in the paragraphs that follow: "继续安排20件民生实事" + bullets

/** Index of the first flow after `fi` that is outside `fi`'s section. */
function regionEnd(doc: ListDoc, fi: number, itemForm?: ItemForm): number {
  const { flows, headingAt } = doc;
  const sectionRank = doc.sectionRank[flows[fi].paras[0]];
  const limit = Math.min(flows.length, fi + 1 + MAX_LIST);
  for (let k = fi + 1; k < limit; k++) {
    const f = flows[k];
    if (itemForm && f.mark?.form === itemForm) continue;
    const h = headingAt.get(f.paras[0]);
    if (h && (h.rank <= sectionRank || h.rank <= 0.5)) return k;
  }
  return limit;
}

/** A list in the paragraphs after its count's. */
export interface FollowingList {
  count: Count;
  /** Each item's first paragraph, labelled by its text without its marker up to ，。；. */
  items: Item[];
  /** From the start of the first item to the end of the last one. */
  extent: Span;
  /** Paragraphs that carry an item on after a page break (not items of their own). */
  carried: number[];
}

/**
 * The list (two or more items) that flow `fi`'s last sentence counts in the flows after it,
 * unless its count was read with a list of its own (`isResolved`); undefined when there is none
 * or it cannot be delimited.
 */
export function listFollowing(doc: ListDoc, fi: number, isResolved: (c: Count) => boolean): FollowingList | undefined {
  const { model, flows, headingAt } = doc;
  const intro = flows[fi];
  const head = flows[fi + 1];
  const mark = head.mark;
  if (!mark) return undefined;
  if (mark.form !== 'bullet' && mark.number !== 1) return undefined;
  // A sibling item is not an intro.
  if (intro.mark?.form === mark.form) return undefined;
  // The list starts right after the intro: nothing but blank lines between.
  const gap = model.text.slice(model.paragraphs[intro.paras[intro.paras.length - 1]].end, model.paragraphs[head.paras[0]].start);
  if (!/^[\s\u3000]*$/.test(gap)) return undefined;
  // The count: the only one in the intro's last sentence.
  const t = intro.text;
  let sentStart = Math.max(0, t.length - 1);
  while (sentStart > 0 && !SENTENCE_MARK.has(t[sentStart - 1])) sentStart--;
  const counts = findCounts(intro).filter((c) => c.start >= sentStart && c.value >= 2);
  if (counts.length !== 1) return undefined;
  const c = counts[0];
  if (c.approx || isResolved(c)) return undefined;
  if (t[c.start - 1] === '、' || t[c.nounEnd] === '、') return undefined;
  // A quoted count names a slogan (牢记“三个务必”), not the list that follows.
  if (t[c.start - 1] === '“') return undefined;
  // The count ends its sentence, or what follows it only says more about the same things
  // ("继续安排20件民生实事，涉及教育、医疗等领域。").
  const clauses = t.slice(c.nounEnd).split(/[，,]/).slice(1);
  if (!clauses.every((cl) => ABOUT_THEM.test(cl))) return undefined;
  // "按照以下要求，完成12项任务": 以下 before the count, not on it, points elsewhere.
  const before = t.slice(sentStart, c.start);
  if (/以下|如下|下列|下面/.test(before) && !/(?:以下|下列|下面)$/.test(before)) return undefined;

  const headingItems = headingAt.has(head.paras[0]) && mark.form !== 'bullet';
  const end = regionEnd(doc, fi, mark.form);
  const items: Flow[] = [];
  const merged: number[] = [];
  if (mark.form === 'bullet') {
    const indent = head.indent;
    let k = fi + 1;
    for (; k < end; k++) {
      const f = flows[k];
      if (f.mark?.form !== 'bullet' || f.indent < indent) break;
      if (f.indent > indent) continue;
      items.push(f);
      for (const pi of f.paras.slice(1)) merged.push(pi);
    }
    // Bullets that resume after other paragraphs of the section: not one list.
    for (let q = k; q < end; q++) if (flows[q].mark?.form === 'bullet') return undefined;
    if (model.kind === 'markdown') mergeCutItems(model, items, merged);
    // A cut item is told by its missing sentence mark: in a list where many bullets lack one, a
    // page break cannot be told from the end of an item.
    if (merged.length > 0) {
      const closed = items.filter((f) => PARAGRAPH_CLOSE.has(f.text[f.text.length - 1])).length;
      if (merged.length * 2 >= items.length + merged.length || closed * 2 < items.length) return undefined;
    }
  } else {
    let expected = 1;
    let k = fi + 1;
    for (; k < end; k++) {
      const f = flows[k];
      const h = headingAt.get(f.paras[0]);
      if (f.mark?.form === mark.form) {
        if (f.mark.number === expected) {
          items.push(f);
          expected++;
          continue;
        }
        if (f.mark.number === 1) break;
        return undefined;
      }
      if (!headingItems) break;
      const itemRank = headingAt.get(head.paras[0])!.rank;
      if (h && h.rank < itemRank) break;
    }
    if (!headingItems) {
      for (let q = k; q < end; q++) {
        const m = flows[q].mark;
        if (m?.form !== mark.form) continue;
        if (m.number === expected) return undefined;
        // Another list of the same form starts: this one is over.
        if (m.number === 1) break;
      }
    }
  }
  const n = items.length;
  if (n < 2) return undefined;
  const firstPara = (f: Flow) => model.paragraphs[f.paras[0]];
  const lastPara = (f: Flow) => model.paragraphs[f.paras[f.paras.length - 1]];
  const label = (f: Flow) => stripMarker(f.text.replace(/^#{1,6}/, ''), mark.form).replace(/[，,。；;].*$/, '');
  return {
    count: c,
    items: items.map((f) => ({ span: { start: firstPara(f).start, end: firstPara(f).end }, label: label(f) })),
    extent: { start: firstPara(items[0]).start, end: lastPara(items[n - 1]).end },
    carried: merged,
  };
}

/** An item's text without its marker. */
function stripMarker(s: string, form: ItemForm): string {
  if (form === 'bullet') return s;
  if (form === 'shi') return s.replace(new RegExp(`^${CN_NUM}是`), '');
  if (form === 'circled') return s.slice(1);
  return s.slice(readMarker(s)?.length ?? 0);
}

/**
 * Markdown keeps list items apart, even when a page break cut one: an item that stops
 * mid-clause, followed after a blank line by a bullet, in a list whose other items end with a
 * sentence mark, carries on in that bullet.
 */
function mergeCutItems(model: DocumentModel, items: Flow[], merged: number[]): void {
  const ends = (f: Flow) => f.text[f.text.length - 1] ?? '';
  const closed = items.filter((f) => PARAGRAPH_CLOSE.has(ends(f))).length;
  if (closed * 2 < items.length) return;
  for (let k = items.length - 1; k > 0; k--) {
    const prev = items[k - 1];
    const last = ends(prev);
    if (PARAGRAPH_CLOSE.has(last) || !(HAN.test(last) || CLAUSE_MARK.has(last) || /[0-9A-Za-z]/.test(last))) continue;
    if (!/[，、；：,]/.test(prev.text)) continue;
    const p = model.paragraphs[prev.paras[prev.paras.length - 1]];
    const q = model.paragraphs[items[k].paras[0]];
    if (!/\n[\s\u3000]*\n/.test(model.text.slice(p.end, q.start))) continue;
    merged.unshift(q.index);
    items.splice(k, 1);
  }
}
