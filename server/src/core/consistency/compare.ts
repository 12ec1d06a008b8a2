/**
 * The comparison hover: every statement about one indicator across the workspace, as a table,
 * with the differences that mean something: a year's actual against the same year's target,
 * and the change from one year to the next.
 */
import type { Figure } from '../figures/extract';
import { COMPARATOR_SIGN, kindLabel } from '../figures/format';
import type { IndexedFigure } from './index';

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

/** Markdown: a table of the statements, this one marked, and the differences below. */
export function comparisonMarkdown(self: IndexedFigure, rows: IndexedFigure[]): string | undefined {
  if (rows.length <= 1) return undefined;
  const sorted = [...rows].sort(
    (a, b) =>
      periodOrder(a.figure.period) - periodOrder(b.figure.period) ||
      a.figure.kind.localeCompare(b.figure.kind) ||
      a.docName.localeCompare(b.docName) ||
      a.line - b.line,
  );
  const shown = sorted.slice(0, 30);
  const out = [
    `**同一指标在工作区中的全部表述**（${rows.length} 处）`,
    '',
    '| 文档 | 章节 | 期间 | 类型 | 地区 | 数值 |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of shown) {
    const f = r.figure;
    const here = r.uri === self.uri && r.line === self.line && r.character === self.character;
    const link = `[${esc(r.docName)}:${r.line + 1}](${r.uri}#L${r.line + 1},${r.character + 1})`;
    out.push(
      `| ${here ? '▶ ' : ''}${link} | ${esc(f.section[f.section.length - 1] ?? '')} | ${f.period ?? '未明'} | ${kindLabel(f)} | ${esc(f.region ?? '未明')} | ${esc(valueOf(f))} |`,
    );
  }
  if (rows.length > shown.length) out.push('', `另有 ${rows.length - shown.length} 处未列出。`);
  const diffs = differences(sorted);
  if (diffs.length) out.push('', '**差异**', '', ...diffs.map((d) => `- ${d}`));
  return out.join('\n');
}

/** Differences between statements of one indicator and one region, same unit dimension. */
export function differences(rows: IndexedFigure[]): string[] {
  const out: string[] = [];
  const byRegion = new Map<string, IndexedFigure[]>();
  for (const r of rows) {
    if (!r.figure.region || !r.figure.period || r.figure.normalized.max !== undefined) continue;
    const list = byRegion.get(r.figure.region) ?? [];
    list.push(r);
    byRegion.set(r.figure.region, list);
  }
  for (const [region, list] of byRegion) {
    const unit = list[0].figure.normalized.unit;
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
          out.push(`${region} ${p}年${kind === 'target' ? '目标' : '实际'}表述不一：${same.map((r) => `${valueOf(r.figure)}（${r.docName}第${r.line + 1}行）`).join('、')}`);
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
      const pct = a.normalized.value !== 0 && unit !== '%' ? `（${d >= 0 ? '+' : ''}${((d / a.normalized.value) * 100).toFixed(1)}%）` : '';
      out.push(`${region} ${a.period}→${b.period}年实际：${d >= 0 ? '+' : ''}${num(d)} ${unit}${pct}`);
    }
  }
  return [...new Set(out)];
}
