/** Figures as people read them: the hover's table, and CSV and Markdown for export. */
import { Locale, tr } from '../locale';
import type { Comparator, Figure } from './extract';

export const COMPARATOR_SIGN: Record<Comparator, string> = {
  eq: '=', ge: '≥', gt: '>', le: '≤', lt: '<', approx: '≈', range: '～',
};

const KIND_ZH = { target: '目标', actual: '实际', unknown: '未定' } as const;
const SOURCE_ZH = { sentence: '句中', paragraph: '本段前文', heading: '所在标题', document: '文档' } as const;

export function kindLabel(f: Figure): string {
  return KIND_ZH[f.kind];
}

function num(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "46.2万人 = 462,000 人". */
export function normalizedText(f: Figure): string {
  const n = f.normalized;
  return `${num(n.value)}${n.max !== undefined ? `～${num(n.max)}` : ''} ${n.unit}`;
}

/** The diagnostic's message for a target; the statement, read from the document, stays as it is. */
export function targetMessage(f: Figure, locale?: Locale): string {
  return tr(locale, `目标（${f.period ?? '期间未明'}）：${f.statement}`, `Target (${f.period ?? 'period unknown'}): "${f.statement}"`);
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for the hover over a figure: what Wengao understood, and where it came from. */
export function describeFigure(f: Figure, docName?: string): string {
  const rows: [string, string][] = [
    ['指标', `${esc(f.indicator || '（未识别）')}${f.verb ? `（${esc(f.verb)}）` : ''}`],
    ['数值', `${esc(f.text)}${f.normalized.unit !== f.unit || f.normalized.value !== f.value ? ` = ${esc(normalizedText(f))}` : ''}`],
    ['比较', `${COMPARATOR_SIGN[f.comparator]}${f.comparatorText ? `（${esc(f.comparatorText)}）` : ''}`],
    ['期间', f.period ? `${f.period}（${SOURCE_ZH[f.periodSource ?? 'document']}${f.periodCue ? `：${esc(f.periodCue.trim())}` : ''}）` : '未明'],
    ['地区', f.region ? `${esc(f.region)}（${SOURCE_ZH[f.regionSource ?? 'document']}）` : '未明'],
    ['类型', `${KIND_ZH[f.kind]}${f.kindSource ? `（${SOURCE_ZH[f.kindSource]}${f.kindCue ? `：${esc(f.kindCue)}` : ''}）` : ''}`],
  ];
  if (f.section.length) rows.push(['位置', esc(f.section.join(' › '))]);
  if (docName) rows.push(['文档', esc(docName)]);
  return ['**Wengao 数据解读**', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

export interface FigureRow {
  path: string;
  line: number;
  figure: Figure;
}

const CSV_HEADER = ['文档', '行', '章节', '指标', '动词', '原文', '数值', '上限', '单位', '标准化数值', '标准化单位', '比较', '期间', '地区', '类型'];

function csvCell(v: string | number | undefined | null): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV in UTF-8 with a BOM, so that Excel and WPS open it as UTF-8. */
export function toCsv(rows: FigureRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const { path, line, figure: f } of rows) {
    lines.push(
      [
        path, line, f.section.join(' › '), f.indicator, f.verb, f.text, f.value, f.max, f.unit,
        f.normalized.value, f.normalized.unit, COMPARATOR_SIGN[f.comparator], f.period, f.region, KIND_ZH[f.kind],
      ].map(csvCell).join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function toMarkdownTable(rows: FigureRow[]): string {
  const head = ['文档', '行', '章节', '指标', '数值', '比较', '期间', '地区', '类型'];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const { path, line, figure: f } of rows) {
    out.push(
      `| ${[path, String(line), f.section[f.section.length - 1] ?? '', f.indicator + (f.verb ? `（${f.verb}）` : ''), f.text, COMPARATOR_SIGN[f.comparator], f.period ?? '', f.region ?? '', KIND_ZH[f.kind]].map(esc).join(' | ')} |`,
    );
  }
  return out.join('\n') + '\n';
}
