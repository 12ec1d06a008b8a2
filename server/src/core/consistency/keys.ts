/**
 * When two figures speak of the same thing. Matching is conservative: a different year, region,
 * kind (target or actual), verb (新增 against 累计) or unit dimension is a different statement,
 * and a figure whose period or region is unknown is compared with nothing.
 */
import type { Figure } from '../figures/extract';
import { CharClass, isSpaceCode } from '../text';

/** The indicator as compared: without spaces, quotes and a trailing 的. */
export function normalizeIndicator(s: string): string {
  // Most indicators hold none of the marks: a look at each code first, the regex only if needed.
  let marked = false;
  for (let i = 0; i < s.length && !marked; i++) {
    const c = s.charCodeAt(i);
    marked = isSpaceCode(c) || STRIPPED.has(c);
  }
  const t = marked ? s.replace(/[\s\u3000“”"'‘’《》〈〉()（）]/g, '') : s;
  return t.endsWith('的') ? t.slice(0, -1) : t;
}

/** The marks normalizeIndicator drops besides spaces: “”"'‘’《》〈〉()（）. */
const STRIPPED = new CharClass('“”"\'‘’《》〈〉()（）');

/** What is measured: indicator, verb and unit dimension. Grouping for the comparison hover. */
export function indicatorKey(f: Pick<Figure, 'indicator' | 'verb' | 'dimension'>): string | undefined {
  const ind = normalizeIndicator(f.indicator);
  // 总投资, 项目, 企业: too generic to say which set they count; the clause before tells.
  if (ind.length < 4) return undefined;
  return `${ind}|${f.verb ?? ''}|${f.dimension}`;
}

/**
 * What must agree: the indicator key, the period, the region and the kind. Figures whose
 * indicator is only borrowed from the figure before ("A和B分别增长2.2%和3.6%") name nothing of
 * their own and are compared with nothing.
 */
export function statementKey(
  f: Pick<Figure, 'indicator' | 'indicatorFrom' | 'verb' | 'dimension' | 'period' | 'region' | 'kind'>,
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
  f: Pick<Figure, 'indicator' | 'indicatorFrom' | 'verb' | 'dimension' | 'period' | 'region' | 'kind'>,
  sameDocument: boolean,
): string | undefined {
  const k = indicatorKey(f);
  // Inside one document an unnamed region is the same unnamed region on both sides.
  if (!k || !f.period || (!f.region && !sameDocument) || f.kind === 'unknown') return undefined;
  if (f.indicatorFrom === 'previous' || f.indicator.includes('分别')) return undefined;
  return `${k}|${f.period}|${f.region}|${f.kind}`;
}

/** Two figures with one statement key disagree when their values (or ranges) differ. */
export function disagree(a: Pick<Figure, 'normalized'>, b: Pick<Figure, 'normalized'>): boolean {
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

/** Equal up to rounding: within 1e-9 of the larger magnitude (or of 1). */
function same(x: number, y: number): boolean {
  const ax = x < 0 ? -x : x;
  const ay = y < 0 ? -y : y;
  const d = x - y;
  return (d < 0 ? -d : d) <= 1e-9 * (ax > ay ? (ax > 1 ? ax : 1) : ay > 1 ? ay : 1);
}
