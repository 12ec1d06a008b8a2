/**
 * When two figures speak of the same thing. Matching is conservative: a different year, region,
 * kind (target or actual), verb (新增 against 累计) or unit dimension is a different statement,
 * and a figure whose period or region is unknown is compared with nothing.
 */
import type { Figure } from '../figures/extract';
import { Measure, measureOf, specific } from './indicator';
import { OWN_CITY, OWN_COUNTY, OWN_PROVINCE } from '../figures/document';
import { RELATIVE_PERIODS } from '../figures/context';

/**
 * What is measured: the measure (consistency/indicator.ts: the indicator without words of
 * intent, time and scope, under its standard name, and the verb's class) and the unit
 * dimension. Grouping for the comparison hover.
 */
export function indicatorKey(f: Pick<Figure, 'indicator' | 'verb' | 'dimension'> & { measure?: Measure }): string | undefined {
  const m = f.measure ?? measureOf(f.indicator, f.verb);
  // 项目, 企业: too generic to say which set they count; the clause before tells. Two characters
  // with a unit that is not a count (投资 in 亿元) say enough.
  if (!specific(m, f.dimension)) return undefined;
  return `${m.indicator}|${m.verb}|${changeDimension(f.dimension, m.verb)}`;
}

/**
 * A change of a rate is told in points or in percent of itself (比重提高0.7个百分点, 能耗下降3.2%):
 * one statement either way, so that a restatement in the other unit is compared (`disagree`).
 * A level (比重达到12.6%) is in percent only.
 */
function changeDimension(dimension: string, verb: string): string {
  // (An amount in 美元 and in 元 is one statement too: the same number in the other currency is
  // the unit slipped, 586.3亿美元 for 586.3亿元; another number is a conversion, 折合82亿美元.)
  if (dimension === 'money-usd') return 'money';
  // (So is a weight in 斤 and in 吨 or 公斤: 256.8亿公斤 for 256.8亿斤 is the unit slipped.)
  if (dimension === 'weight-jin') return 'weight';
  return dimension === 'percentage-point' && verb !== '' ? 'ratio' : dimension;
}

/**
 * What must agree: the indicator key, the period, the region and the kind. Figures whose
 * indicator is only borrowed from the figure before ("A和B分别增长2.2%和3.6%") name nothing of
 * their own and are compared with nothing.
 */
export function statementKey(
  f: Pick<Figure, 'indicator' | 'indicatorFrom' | 'verb' | 'dimension' | 'period' | 'region' | 'kind'> & { measure?: Measure; part?: string; comparator?: Figure['comparator'] },
  sameDocument = false,
): string | undefined {
  // Asked again and again of the same figures (the index, the check, each re-check after an
  // edit): remembered per figure, which does not change once read.
  let keys = KEYS.get(f);
  if (!keys) KEYS.set(f, (keys = {}));
  const slot = sameDocument ? 'local' : 'global';
  if (!(slot in keys)) keys[slot] = computeStatementKey(f, sameDocument);
  return keys[slot];
}

const KEYS = new WeakMap<object, { local?: string; global?: string }>();

function computeStatementKey(
  f: Pick<Figure, 'indicator' | 'indicatorFrom' | 'verb' | 'dimension' | 'period' | 'region' | 'kind'> & { measure?: Measure; part?: string; comparator?: Figure['comparator'] },
  sameDocument: boolean,
): string | undefined {
  const k = indicatorKey(f);
  // Inside one document an unnamed region is the same unnamed region on both sides. (An unnamed
  // province or city, 本省 / 本市, is read by the index as the workspace's one province or city.)
  if (!k || !f.period || (!f.region && !sameDocument) || f.kind === 'unknown') return undefined;
  if (f.indicatorFrom === 'previous' || f.indicator.includes('分别')) return undefined;
  // The period and the region last: the index reads 本年 and 本省 against the workspace.
  return `${k}|${f.kind}|${levelAtClose(f) ?? f.period}${f.part ? `:${f.part}` : ''}|${f.region}`;
}

/**
 * A plan's aim for a level over its span, "“十五五”时期，全省经济总量要突破9万亿元", is the level
 * at the span's close, as "到2030年，……突破8.5万亿元" states it: the two are one statement. (The
 * figure keeps the span it was stated with.) Not a flow over the span: 新增, 累计, 年均, a growth.
 */
function levelAtClose(f: Pick<Figure, 'indicator' | 'verb' | 'period' | 'kind'> & { comparator?: Figure['comparator'] }): string | undefined {
  const span = f.kind === 'target' && f.period ? /^\d{4}-(\d{4})$/.exec(f.period) : null;
  if (!span) return undefined;
  const level = (f.verb !== undefined && /^(?:达到|达|突破|超过|超|迈上)$/.test(f.verb)) || (!f.verb && (f.comparator === 'gt' || f.comparator === 'ge'));
  return level && !/新增|累计|年均|每年|共计|合计|增长|增速|提高|下降|减少|增加/.test(`${f.indicator}${f.verb ?? ''}`) ? span[1] : undefined;
}

/** A statement key's period (with its part of the year) and region: its last two fields. */
export function keyParts(key: string): { head: string; period: string; part: string; region: string } {
  const r = key.lastIndexOf('|');
  const p = key.lastIndexOf('|', r - 1);
  const full = key.slice(p + 1, r);
  const colon = full.indexOf(':');
  return {
    head: key.slice(0, p),
    period: colon < 0 ? full : full.slice(0, colon),
    part: colon < 0 ? '' : full.slice(colon),
    region: key.slice(r + 1),
  };
}

/** What the workspace says of documents that do not: its one year and its one province. */
export interface WorkspaceFacts {
  year?: number;
  province?: string;
  city?: string;
  county?: string;
}

/**
 * The keys a statement is known by in a workspace: a document that states no year speaks of
 * the workspace's one year (本年, 上年, 明年 ↔ 2026, 2025, 2027), one that names no province of
 * the workspace's one province (本省 ↔ 甘肃省). The key itself first.
 */
export function keyAliases(key: string, ws: WorkspaceFacts): string[] {
  if (ws.year === undefined && !ws.province && !ws.city && !ws.county) return [key];
  const k = keyParts(key);
  const periods = [k.period];
  if (ws.year !== undefined) {
    const offset = RELATIVE_PERIODS[k.period];
    if (offset !== undefined) periods.push(String(ws.year + offset));
    else if (/^\d{4}$/.test(k.period)) {
      const d = Number(k.period) - ws.year;
      for (const [name, o] of Object.entries(RELATIVE_PERIODS)) if (o === d) periods.push(name);
    }
  }
  const regions = [k.region];
  if (ws.province) {
    if (k.region === OWN_PROVINCE) regions.push(ws.province);
    else if (k.region === ws.province) regions.push(OWN_PROVINCE);
  }
  if (ws.city) {
    if (k.region === OWN_CITY) regions.push(ws.city);
    else if (k.region === ws.city) regions.push(OWN_CITY);
  }
  if (ws.county) {
    if (k.region === OWN_COUNTY) regions.push(ws.county);
    else if (k.region === ws.county) regions.push(OWN_COUNTY);
  }
  const out: string[] = [];
  for (const p of periods) for (const r of regions) out.push(`${k.head}|${p}${k.part}|${r}`);
  return out;
}

/** The key in the workspace's terms: 本年 → its year, 本省 → its province (where it has one). */
export function canonicalKey(key: string, ws: WorkspaceFacts): string {
  const k = keyParts(key);
  const offset = RELATIVE_PERIODS[k.period];
  const period = offset !== undefined && ws.year !== undefined ? String(ws.year + offset) : k.period;
  const region =
    k.region === OWN_PROVINCE && ws.province ? ws.province
    : k.region === OWN_CITY && ws.city ? ws.city
    : k.region === OWN_COUNTY && ws.county ? ws.county
    : k.region;
  return period === k.period && region === k.region ? key : `${k.head}|${period}${k.part}|${region}`;
}

/** What a comparator says of the number: a point (=, ≈), a floor (≥, >), a ceiling (≤, <) or a range. */
function boundOf(c: Figure['comparator'] | undefined): 'point' | 'floor' | 'ceiling' | 'range' {
  return c === 'ge' || c === 'gt' ? 'floor' : c === 'le' || c === 'lt' ? 'ceiling' : c === 'range' ? 'range' : 'point';
}

type Amount = Pick<Figure, 'normalized'> & Partial<Pick<Figure, 'comparator' | 'comparatorText' | 'kind' | 'text' | 'value' | 'unit' | 'cell' | 'section' | 'spoken'>>;

/**
 * Where a result is stated to the last digit: a statistics bulletin or a table. A report rounds
 * its bulletin (3745亿元 for 3745.26亿元), and speech rounds what it quotes; a written brief, an
 * explainer or a quotation that rounds the report (1012亿元 for 1012.4亿元, 288亿元 for 287.6亿元)
 * changes it. (Writers of the test pairs disagree here: most planted such a rounding as a change,
 * three of batch 66 as a faithful restatement. The stricter reading is kept.)
 */
function statistical(f: Amount): boolean {
  return f.cell === true || !!f.section?.some((s) => /统计公报|统计年鉴|统计快报|统计数据/.test(s));
}

/**
 * A figure spoken, not written: in Chinese numerals (五千二百六十八亿元), or in a transcript or a
 * broadcast script. Speech rounds what it quotes ("经济总量达到5126亿元" at a press conference).
 */
function spoken(f: Amount): boolean {
  // (A script's own labels say it is read out: 【导语】, 【正文】, 【同期声】, 【解说】.)
  return f.spoken === true || (f.text !== undefined && !/[0-9０-９]/.test(f.text)) || !!f.section?.some((s) => /发布会|播出稿|广播|新闻联播|电视|访谈|实录|答记者问|讲话|发言/.test(s) || /^[【\[](?:导语|正文|结束语|口播|播音员?|同期声?|配音|解说|画外音|主持人)/.test(s));
}

/**
 * A table's bare cell (新增城镇就业　万人　12) gives the number and leaves the bound to the prose:
 * it agrees with 12万人以上 as with 12万人. A bound written in the cell (85以上) is compared.
 */
function unboundCell(f: Amount): boolean {
  return f.cell === true && f.comparator === 'eq';
}

/** Verbs that reach a level: a target "达到2.65%" or "突破1万亿元" names the level, as the bare number does. */
const TARGET_LEVEL = /^(?:达到|达|突破|超过|超|迈上|跨越|实现)$/;
/** An aim to pass its level: 突破, 超过. */
const passes = (f: Amount) => (f.comparator === 'ge' || f.comparator === 'gt') && /^(?:突破|超过|超)$/.test(f.comparatorText ?? '');
/** Verbs that state a result's level: "收入达到43260元" is 43260元; 突破, 超过 stay floors. */
const RESULT_LEVEL = /^(?:达到|达|实现)$/;

/**
 * The bound a statement sets: 以上 and 不低于 a floor, 以内 a ceiling; a level reached is the
 * number itself, as a restatement without the verb gives it (for an aim 达到 and 突破 alike, for
 * a result 达到 only: a result that 突破 a level lies above it).
 */
/** Whether one target is to reach its level (达到) and the other a floor of it (以上). */
function reachMeetsFloor(a: Amount, b: Amount): boolean {
  const reach = (f: Amount) => f.comparator === 'ge' && f.comparatorText !== undefined && TARGET_LEVEL.test(f.comparatorText);
  return (reach(a) && statedBound(b) === 'floor') || (reach(b) && statedBound(a) === 'floor');
}

export function statedBound(f: Pick<Amount, 'comparator' | 'comparatorText' | 'kind'>): ReturnType<typeof boundOf> {
  const b = boundOf(f.comparator);
  if (b !== 'floor' || f.comparatorText === undefined) return b;
  return (f.kind === 'target' ? TARGET_LEVEL : RESULT_LEVEL).test(f.comparatorText) ? 'point' : b;
}

/**
 * A figure's digits as written: [whole, integer part, decimals]. (A number written in Chinese
 * numerals, 近两千亿元, 八点二六亿吨, has its digits in its value; the separators of thousands are
 * no digits: 约1,234.5亿元 is to the tenth.)
 */
function writtenDigits(x: Amount): RegExpExecArray | null {
  return /([0-9０-９]+)(?:[.．]([0-9０-９]+))?/.exec(x.text!.replace(/(?<=[0-9０-９])[,，](?=[0-9０-９]{3})/g, '')) ?? /^(\d+)(?:\.(\d+))?$/.exec(String(x.value));
}

/**
 * A result rounded where it is restated: 近2.4万亿元 (approximate, one decimal) holds 23980.6亿元.
 * The approximate side's last written digit sets the tolerance, half a step either way.
 */
function roundedAlike(approx: Amount, exact: Amount): boolean {
  if (approx.text === undefined || approx.value === undefined || approx.value === 0) return false;
  // (A number written in Chinese numerals, 近两千亿元, 八点二六亿吨, has its digits in its value.)
  // (Without the separators of thousands: 约1,234.5亿元 is to the tenth.)
  const digits = writtenDigits(approx);
  if (!digits) return false;
  // (Written digits after the point, as decimals() counts them.)
  const places = digits[2]?.length ?? 0;
  // (An approximate whole number's trailing zeros are not digits: 接近8400亿元 is to the hundred.)
  // (So are those of a result reached, 达到5280亿元, restating 5283.6亿元 to the ten.)
  const zeros = !digits[2] && (approx.comparator === 'approx' || RESULT_LEVEL.test(approx.comparatorText ?? '')) ? /0*$/.exec(digits[1])![0].length : 0;
  const factor = approx.normalized.value / approx.value;
  const tolerance = (0.5 * factor * 10 ** zeros) / 10 ** places;
  return Math.abs(approx.normalized.value - exact.normalized.value) <= tolerance * (1 + 1e-9);
}

/**
 * A result restated as a round floor (超5300万人次, 达到126万吨) holds the exact result it rounds
 * down (5361.2万人次, 126.3万吨): at or above the floor, less than a tenth above it.
 */
function floorHolds(floor: Amount, exact: Amount): boolean {
  const f = floor.normalized.value;
  const e = exact.normalized.value;
  if (floor.normalized.max !== undefined || exact.normalized.max !== undefined || !(f > 0)) return false;
  // (Or less than a step of its last digit above it: 三成以上 holds 34.3%, a step being 一成.)
  return (floor.comparator === 'gt' ? e > f : e >= f) && (e < f * 1.1 || e < f + lastDigitStep(floor));
}

/** The amount one unit of a figure's last written digit stands for: 三成 → 一成 (10%), 5300万人次 → 100万人次. */
function lastDigitStep(x: Amount): number {
  if (x.text === undefined || !x.value) return 0;
  const digits = writtenDigits(x);
  if (!digits) return 0;
  const places = digits[2]?.length ?? 0;
  // (A whole number's trailing zeros are no step: 突破100亿元 holds 105亿元, not 199亿元.)
  return (x.normalized.value / x.value) / 10 ** places;
}

/** One of two amounts in a larger unit (3.36万亿元 for 33620亿元) that rounds the other. */
function coarserUnitRounds(a: Amount, b: Amount): boolean {
  if (a.unit === undefined || b.unit === undefined || a.unit === b.unit || !a.value || !b.value) return false;
  const coarser = a.normalized.value / a.value > b.normalized.value / b.value ? a : b;
  return roundedAlike(coarser, coarser === a ? b : a);
}

/**
 * One of two amounts written with fewer digits (5720亿元 for 5720.4亿元) that rounds the other
 * where people round: speech, and (`fromTables`) any text that quotes a bulletin or a table. Not
 * a rate without its decimal (增长6% for 6.1%), nor a number cut to one significant digit
 * (提高0.2个百分点 for 0.15 is a third off).
 */
function fewerDigitsRound(a: Amount, b: Amount, fromTables: boolean): boolean {
  if (a.text === undefined || b.text === undefined) return false;
  const da = decimals(a.text);
  const db = decimals(b.text);
  const coarser = da < db ? a : db < da ? b : undefined;
  if (!coarser) return false;
  const finer = coarser === a ? b : a;
  return (spoken(coarser) || (fromTables && statistical(finer))) && (decimals(coarser.text!) > 0 || !/%|％|百分点/.test(coarser.text!)) && significant(coarser) >= 2 && roundedAlike(coarser, finer);
}

/**
 * Two figures with one statement key disagree when their values (or ranges) differ, or, for
 * targets, when one bounds the number another way (增长6%以上 against 增长6%: a restatement of a
 * target gives its number with its comparator). Actuals are not held to their wording (达到,
 * 超过 describe a result).
 */
/** An amount said to come near its number from below: 近320家, 接近5000亿元. */
function justUnder(x: Amount): boolean {
  return x.comparator === 'approx' && /^(?:近|接近|将近|逼近)$/.test(x.comparatorText ?? '');
}

export function disagree(a: Amount, b: Amount): boolean {
  // A change told in points on one side and in percent on the other (提高0.7个百分点, 提高0.7%):
  // the same number is the unit slipped; another number may be the change's other measure (a share
  // up 0.7 points is up 6% of itself), and is no disagreement.
  if ((a.normalized.unit === PP) !== (b.normalized.unit === PP)) return same(a.normalized.value, b.normalized.value);
  if ((a.normalized.unit === USD) !== (b.normalized.unit === USD)) return same(a.normalized.value, b.normalized.value);
  // A weight in 斤 against one in 吨 (公斤, 千克): the same count of 斤 and 公斤 is the unit slipped;
  // else the two are compared converted (1斤 = 0.5公斤), within a conversion's rounding.
  if ((a.normalized.unit === JIN) !== (b.normalized.unit === JIN)) {
    const [jin, ton] = a.normalized.unit === JIN ? [a.normalized.value, b.normalized.value] : [b.normalized.value, a.normalized.value];
    if (same(jin, ton * 1000)) return true;
    // (A bound on either side, 突破10亿斤, 1200斤以上, is not a point to convert: silent. A level
    // reached, 达到264.8万吨, is a point.)
    if (statedBound(a) !== 'point' || statedBound(b) !== 'point' || a.comparator === 'approx' || b.comparator === 'approx') return false;
    const converted = jin * 0.0005;
    return Math.abs(converted - ton) > 0.005 * Math.max(Math.abs(converted), Math.abs(ton));
  }
  // (A target to reach, 达到260天, is met by the floor 260天以上 as by the level 260天: it names
  // either; only a bare level against a floor, 5万人 against 5万人以上, says two things.)
  if (a.kind === 'target' && b.kind === 'target' && statedBound(a) !== statedBound(b) && !unboundCell(a) && !unboundCell(b) && !reachMeetsFloor(a, b)) return true;
  // (An aim to pass a level, 突破5000万人次, names the level, but not one to come near it: 5000万人次左右
  // may fall short.)
  if (a.kind === 'target' && b.kind === 'target' && (passes(a) && b.comparator === 'approx' || passes(b) && a.comparator === 'approx')) return true;
  // (An amount set as a point, a budget's 安排11636.3亿元, is restated as a result is: in a larger
  // unit, 1.16万亿元, or rounded in speech, 486亿元 on TV for 486.2亿元.)
  const points = a.kind === 'target' && b.kind === 'target' && statedBound(a) === 'point' && statedBound(b) === 'point' && a.comparator === 'eq' && b.comparator === 'eq';
  if (points && !/%|％|百分点/.test(`${a.unit}${b.unit}`) && (coarserUnitRounds(a, b) || fewerDigitsRound(a, b, false))) return false;
  // (近X says just under X; 超过X, X以上, 突破X say over it: the same X bounded from both sides, "日均新设
  // 近320家" against "日均超过320家", is two statements, not one rounded.)
  if ((justUnder(a) && statedBound(b) === 'floor' && b.normalized.value >= a.normalized.value) || (justUnder(b) && statedBound(a) === 'floor' && a.normalized.value >= b.normalized.value)) return true;
  if (a.kind === 'actual' && b.kind === 'actual') {
    // A result restated approximately (近2.4万亿元), or in a larger unit (3.36万亿元 for
    // 33620亿元), is rounded: the coarser side's last digit sets the tolerance.
    if ((a.comparator === 'approx') !== (b.comparator === 'approx')) {
      if (a.comparator === 'approx' ? roundedAlike(a, b) : roundedAlike(b, a)) return false;
    } else if ((statedBound(a) === 'floor' && statedBound(b) === 'point') || (statedBound(b) === 'floor' && statedBound(a) === 'point')) {
      // (The floor decides: 超过4.7万元 does not hold 46680元, though 4.7万 rounds it. The same
      // number reached and passed, 突破5000亿元 and 达到5000亿元, is one statement.)
      if (statedBound(a) === 'floor' ? floorHolds(a, b) : floorHolds(b, a)) return false;
      if (!same(a.normalized.value, b.normalized.value)) return true;
    } else if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) {
      if (coarserUnitRounds(a, b)) return false;
    } else if (statedBound(a) === statedBound(b) && fewerDigitsRound(a, b, true)) return false;
  }
  const an = a.normalized;
  const bn = b.normalized;
  // Figures of one amount share their normalized object (extract.ts): equal, unless NaN.
  if (an === bn && an.value === an.value && (an.max === undefined || an.max === an.max)) return false;
  if (!same(an.value, bn.value)) return true;
  const am = an.max;
  const bm = bn.max;
  if (am === undefined && bm === undefined) return false;
  if (am === undefined || bm === undefined) return true;
  return !same(am, bm);
}

/** The significant digits of a figure's number: 0.2 has one, 3.4 and 5720 two and four (九百一十二 three). */
function significant(f: Amount): number {
  const m = /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/.exec(f.text ?? '');
  const digits = m ? m[0] : String(Math.abs(f.value ?? 0));
  return digits.replace(/[^0-9０-９]/g, '').replace(/^[0０]+/, '').length;
}

/** The digits written after the decimal point of a figure's number. */
function decimals(text: string): number {
  const m = /[0-9０-９][.．]([0-9０-９]+)/.exec(text);
  return m ? m[1].length : 0;
}

const PP = '个百分点';
const USD = '美元';
const JIN = '斤';

/**
 * How two figures keyed as one statement are told in units apart (see changeDimension): a change
 * in points against one in percent, yuan against US dollars, 斤 against 吨 or 公斤; or undefined.
 */
export function unitsApart(a: Amount, b: Amount): 'points' | 'currency' | 'weight' | undefined {
  const apart = (u: string) => (a.normalized.unit === u) !== (b.normalized.unit === u);
  return apart(PP) ? 'points' : apart(USD) ? 'currency' : apart(JIN) ? 'weight' : undefined;
}

/** Equal up to rounding: within 1e-9 of the larger magnitude (or of 1). */
function same(x: number, y: number): boolean {
  const ax = x < 0 ? -x : x;
  const ay = y < 0 ? -y : y;
  const d = x - y;
  return (d < 0 ? -d : d) <= 1e-9 * (ax > ay ? (ax > 1 ? ax : 1) : ay > 1 ? ay : 1);
}
