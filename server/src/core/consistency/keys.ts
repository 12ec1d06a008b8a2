/**
 * When two figures speak of the same thing. Matching is conservative: a different year, region,
 * kind (target or actual), verb (新增 against 累计) or unit dimension is a different statement,
 * and a figure whose period or region is unknown is compared with nothing.
 */
import type { Figure } from '../figures/extract';

/** The indicator as compared: without spaces, quotes and a trailing 的. */
export function normalizeIndicator(s: string): string {
  return s.replace(/[\s\u3000“”"'‘’《》〈〉()（）]/g, '').replace(/的$/, '');
}

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
  const k = indicatorKey(f);
  // Inside one document an unnamed region is the same unnamed region on both sides.
  if (!k || !f.period || (!f.region && !sameDocument) || f.kind === 'unknown') return undefined;
  if (f.indicatorFrom === 'previous' || f.indicator.includes('分别')) return undefined;
  return `${k}|${f.period}|${f.region}|${f.kind}`;
}

/** Two figures with one statement key disagree when their values (or ranges) differ. */
export function disagree(a: Pick<Figure, 'normalized'>, b: Pick<Figure, 'normalized'>): boolean {
  const eq = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  if (!eq(a.normalized.value, b.normalized.value)) return true;
  const am = a.normalized.max;
  const bm = b.normalized.max;
  if (am === undefined && bm === undefined) return false;
  if (am === undefined || bm === undefined) return true;
  return !eq(am, bm);
}
