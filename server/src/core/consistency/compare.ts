/**
 * The comparison hover: every statement about one indicator across the workspace, as a table,
 * with the differences that mean something: a year's actual against the same year's target,
 * and the change from one year to the next.
 */
import type { Figure } from '../figures/extract';
import { COMPARATOR_SIGN, kindLabel } from '../figures/format';
import type { FigureIndex, IndexedFigure } from './index';
import { indicatorKey } from './keys';
import type { Span } from '../text';
import { Workspace, describeFigure, shownPeriod, shownRegion } from '../figures/format';
import { disagree } from './keys';

/**
 * The hover on a figure: what it states, then what every document of the workspace says of its
 * indicator (comparisonMarkdown). `uri` is the document's address in the index. Undefined where
 * `offset` is on no figure.
 */
export function figureHover(figures: readonly Figure[], offset: number, uri: string, index: FigureIndex): { markdown: string; span: Span } | undefined {
  const f = figures.find((x) => x.span.start <= offset && offset < x.span.end);
  if (!f) return undefined;
  const ws = index.workspace();
  let markdown = describeFigure(f, undefined, ws);
  const key = indicatorKey(f);
  const self = index.get(uri)?.figures.find((x) => x.figure.span.start === f.span.start);
  if (key && self) {
    const table = comparisonMarkdown(self, index.sameIndicator(key), ws);
    if (table) markdown += `\n\n---\n\n${table}`;
  }
  return { markdown, span: f.span };
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function num(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function valueOf(f: Figure): string {
  const c = f.comparator === 'eq' || f.comparator === 'range' ? '' : COMPARATOR_SIGN[f.comparator];
  return `${c}${f.text.replace(/\s+/g, '')}`;
}

function periodOrder(p: string | null): number {
  if (!p) return 99999;
  return Number(p.slice(0, 4)) * 10 + (p.includes('-') ? 1 : 0);
}

/** A region and period as compared: 本省 and 本年 read against the workspace. */
function regionOf(f: Figure, ws: Workspace): string | null {
  return shownRegion(f, ws);
}

function row(self: IndexedFigure, r: IndexedFigure, differs: boolean, ws: Workspace): string {
  const f = r.figure;
  const here = r.uri === self.uri && r.line === self.line && r.character === self.character;
  // (A document read out of a .docx or .pdf: the place in the file, "Word 第8段".)
  const link = `[${esc(r.docName)}${r.place ? `（${r.place.zh}）` : `:${r.line + 1}`}](${r.uri}#L${r.line + 1},${r.character + 1})`;
  const mark = here ? '▶ ' : differs ? '⚠ ' : '';
  const period = `${shownPeriod(f, ws) ?? '未明'}${f.part ? ` ${f.part}` : ''}`;
  return `| ${mark}${link} | ${esc(f.section[f.section.length - 1] ?? '')} | ${period} | ${kindLabel(f)} | ${esc(shownRegion(f, ws) ?? '未明')} | ${esc(valueOf(f))} |`;
}

/**
 * Markdown: first the statements of the same region and period as this one (the ones that must
 * agree with it: a differing value of the same kind marked ⚠ with its line linked), then the
 * other years and regions, then the differences that mean something.
 */
function comparisonMarkdown(self: IndexedFigure, rows: IndexedFigure[], ws: Workspace = {}): string | undefined {
  if (rows.length <= 1) return undefined;
  const order = (a: IndexedFigure, b: IndexedFigure) =>
    periodOrder(a.figure.period) - periodOrder(b.figure.period) ||
    a.figure.kind.localeCompare(b.figure.kind) ||
    a.docName.localeCompare(b.docName) ||
    a.line - b.line;
  const sf = self.figure;
  const near = (r: IndexedFigure) =>
    shownPeriod(r.figure, ws) === shownPeriod(sf, ws) && (r.figure.part ?? '') === (sf.part ?? '') && regionOf(r.figure, ws) === regionOf(sf, ws);
  const same = rows.filter(near).sort(order);
  const others = rows.filter((r) => !near(r)).sort(order);
  const header = ['| 文档 | 章节 | 期间 | 类型 | 地区 | 数值 |', '|---|---|---|---|---|---|'];
  const out = [`**同一指标在工作区中的全部表述**（${rows.length} 处）`, ''];
  const differsFromSelf = (r: IndexedFigure) => r.figure.kind === sf.kind && r !== self && disagree(sf, r.figure);
  out.push(`同一地区、同一期间（${same.length} 处${same.some(differsFromSelf) ? '，⚠ 为与此处不一致者' : ''}）：`, '', ...header);
  for (const r of same.slice(0, 20)) out.push(row(self, r, differsFromSelf(r), ws));
  if (same.length > 20) out.push('', `另有 ${same.length - 20} 处未列出。`);
  if (others.length) {
    out.push('', `其他年份或地区（${others.length} 处）：`, '', ...header);
    for (const r of others.slice(0, 10)) out.push(row(self, r, false, ws));
    if (others.length > 10) out.push('', `另有 ${others.length - 10} 处未列出。`);
  }
  const diffs = differences([...same, ...others], ws);
  if (diffs.length) out.push('', '**差异**', '', ...diffs.map((d) => `- ${d}`));
  return out.join('\n');
}

/** A difference in the unit's words: percentages differ by 个百分点. */
function diffUnit(unit: string): string {
  return unit === '%' ? '个百分点' : unit;
}

/** Differences between statements of one indicator and one region, same unit dimension. */
export function differences(rowsAsStated: IndexedFigure[], ws: Workspace = {}): string[] {
  const out: string[] = [];
  // (本年 and 本省 read against the workspace, once.)
  const rows = rowsAsStated.map((r) => ({ ...r, figure: { ...r.figure, period: shownPeriod(r.figure, ws), region: shownRegion(r.figure, ws) } }));
  const byRegion = new Map<string, IndexedFigure[]>();
  for (const r of rows) {
    const region = regionOf(r.figure, ws);
    if (!region || !r.figure.period || r.figure.part || r.figure.normalized.max !== undefined) continue;
    const list = byRegion.get(region) ?? [];
    list.push(r);
    byRegion.set(region, list);
  }
  for (const [region, list] of byRegion) {
    const unit = diffUnit(list[0].figure.normalized.unit);
    // A year's actual against that year's target.
    const periods = [...new Set(list.map((r) => r.figure.period!))];
    for (const p of periods) {
      const target = list.find((r) => r.figure.period === p && r.figure.kind === 'target');
      const actual = list.find((r) => r.figure.period === p && r.figure.kind === 'actual');
      if (target && actual) {
        const d = actual.figure.normalized.value - target.figure.normalized.value;
        out.push(`${region} ${p}年：实际 ${valueOf(actual.figure)} 对目标 ${valueOf(target.figure)}，${d === 0 ? '持平' : `${d > 0 ? '高出' : '低于目标'} ${num(Math.abs(d))} ${unit}`}`);
      }
    }
    // Statements of one year and kind that do not agree.
    for (const p of periods) {
      for (const kind of ['target', 'actual'] as const) {
        const same = list.filter((r) => r.figure.period === p && r.figure.kind === kind);
        const values = [...new Set(same.map((r) => r.figure.normalized.value))];
        if (values.length > 1) {
          out.push(`${region} ${p}年${kind === 'target' ? '目标' : '实际'}表述不一：${same.map((r) => `${valueOf(r.figure)}（${r.docName}${r.place ? ` ${r.place.zh}` : `第${r.line + 1}行`}）`).join('、')}`);
        }
      }
    }
    // A year's target against the year before's actual: what the plan asks beyond the base.
    for (const t of list.filter((r) => r.figure.kind === 'target' && /^\d{4}$/.test(r.figure.period!))) {
      const base = list.find((r) => r.figure.kind === 'actual' && r.figure.period === String(Number(t.figure.period) - 1));
      if (!base) continue;
      const d = t.figure.normalized.value - base.figure.normalized.value;
      out.push(`${region} ${t.figure.period}年目标 ${valueOf(t.figure)} 对 ${base.figure.period}年实际 ${valueOf(base.figure)}：${d >= 0 ? '+' : ''}${num(d)} ${unit}`);
    }
    // From one year's actual to the next.
    const actuals = list
      .filter((r) => r.figure.kind === 'actual' && /^\d{4}$/.test(r.figure.period!))
      .sort((a, b) => Number(a.figure.period) - Number(b.figure.period));
    for (let i = 1; i < actuals.length; i++) {
      const a = actuals[i - 1].figure;
      const b = actuals[i].figure;
      if (Number(b.period) !== Number(a.period) + 1) continue;
      const d = b.normalized.value - a.normalized.value;
      const pct = a.normalized.value !== 0 && unit !== '个百分点' ? `（${d >= 0 ? '+' : ''}${((d / a.normalized.value) * 100).toFixed(1)}%）` : '';
      out.push(`${region} ${a.period}→${b.period}年实际：${d >= 0 ? '+' : ''}${num(d)} ${unit}${pct}`);
    }
  }
  return [...new Set(out)];
}
