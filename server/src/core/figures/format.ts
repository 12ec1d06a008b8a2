/** Figures as people read them: the hover's table, and CSV and Markdown for export. */
import { Locale, tr } from '../locale';
import type { Comparator, Figure } from './extract';
import { OWN_CITY, OWN_COUNTY, OWN_PROVINCE, type YearEvidence } from './document';
import { RELATIVE_PERIODS } from './context';

/** What the workspace says of documents that do not: its one year and province (FigureIndex.workspace()). */
export interface Workspace {
  year?: number;
  province?: string;
  city?: string;
  county?: string;
}

/** A figure's period as shown: 本年 read as the workspace's year where it has one. */
export function shownPeriod(f: Pick<Figure, 'period'>, ws: Workspace = {}): string | null {
  const offset = f.period ? RELATIVE_PERIODS[f.period] : undefined;
  return offset !== undefined && ws.year !== undefined ? String(ws.year + offset) : f.period;
}

/** The workspace of a set of documents' facts: the one year and the one province they state. */
export function workspaceOf(facts: readonly ({ year?: number; published?: number; province?: string; city?: string; county?: string } | undefined)[]): Workspace {
  const years = new Set<number>();
  const provinces = new Set<string>();
  const cities = new Set<string>();
  const counties = new Set<string>();
  for (const f of facts) {
    // (A bulletin counts by the year it is published, as the news that restates it speaks.)
    const year = f?.published ?? f?.year;
    if (year !== undefined) years.add(year);
    if (f?.province) provinces.add(f.province);
    if (f?.city) cities.add(f.city);
    if (f?.county) counties.add(f.county);
  }
  const one = <T>(set: Set<T>) => (set.size === 1 ? [...set][0] : undefined);
  return { year: one(years), province: one(provinces), city: one(cities), county: one(counties) };
}

/** The figure as a reader of the workspace takes it: 本年 and 本省 read (a copy when they change). */
export function inWorkspaceTerms(f: Figure, ws: Workspace): Figure {
  const period = shownPeriod(f, ws);
  const region = shownRegion(f, ws);
  return period === f.period && region === f.region ? f : { ...f, period, region };
}

/** A figure's region as shown: 本省 read as the workspace's province where it has one. */
export function shownRegion(f: Pick<Figure, 'region'>, ws: Workspace = {}): string | null {
  return f.region === OWN_PROVINCE && ws.province ? ws.province : f.region === OWN_CITY && ws.city ? ws.city : f.region === OWN_COUNTY && ws.county ? ws.county : f.region;
}

const YEAR_FROM_ZH: Record<YearEvidence, string> = {
  title: '标题', version: '版本标记', dateline: '日期', lead: '导语', occasion: '文中', heading: '标题', config: '项目配置',
};
const YEAR_FROM_EN: Record<YearEvidence, string> = {
  title: 'the title', version: 'the version tag', dateline: 'the date', lead: 'the lead', occasion: 'the text', heading: 'a heading', config: 'the project config',
};

/** A quoted cue of more than 24 characters by its first 10 and last 10 (whole characters). */
function clipped(cue: string): string {
  const chars = Array.from(cue);
  return chars.length > 24 ? `${chars.slice(0, 10).join('')}……${chars.slice(-10).join('')}` : cue;
}

/**
 * How a figure's period and region were inferred, when the document does not state them where
 * the figure is: "期间按导语“部署2026年目标任务”推定为2026年", "地区按工作区推定为甘肃省（文中只称全省）".
 * Empty when nothing was inferred. `province`: the workspace's one province (FigureIndex).
 */
export function inferenceNote(f: Figure, locale?: Locale, ws: Workspace = {}): string {
  const province = ws.province;
  const notes: string[] = [];
  const offset = f.period ? RELATIVE_PERIODS[f.period] : undefined;
  if (offset !== undefined) {
    const cue = f.periodCue?.trim();
    const what = cue ? tr(locale, `“${cue}”`, `"${cue}"`) : tr(locale, '期间', 'the period');
    notes.push(
      ws.year !== undefined
        ? tr(locale, `${what}按工作区推定为${ws.year + offset}年（文中未写年份，工作区文档均为${ws.year}年）`, `${what} read as ${ws.year + offset} from the workspace (the text states no year; the workspace's documents speak from ${ws.year})`)
        : tr(locale, `${what}未能推定年份（文中未写年份）`, `${what} could not be dated (the text states no year)`),
    );
  }
  const b = f.yearBasis;
  if (b && f.period && offset === undefined) {
    const relative = f.periodSource !== 'document' && f.periodCue ? f.periodCue.trim() : '';
    // (The cue as quoted: without its own quotation marks, 今年是十五五规划开局之年; a long one, a
    // sentence that names a plan's close, by its ends.)
    const cue = clipped(b.cue.trim().replace(/[“”"]/g, ''));
    const where = b.from === 'config' ? tr(locale, '项目配置的 year', 'the project config\'s "year"') : tr(locale, `${YEAR_FROM_ZH[b.from]}“${cue}”`, `${YEAR_FROM_EN[b.from]} "${cue}"`);
    notes.push(
      relative
        ? tr(locale, `“${relative}”按${where}推定为${f.period}年`, `"${relative}" read as ${f.period} from ${where}`)
        : tr(locale, `期间按${where}推定为${f.period}年`, `the period ${f.period} inferred from ${where}`),
    );
  }
  const r = f.regionBasis;
  if (r && f.region) {
    const cue = r.cue.trim().replace(/[“”"]/g, '');
    notes.push(
      r.from === 'config'
        ? tr(locale, `地区按项目配置的 region 定为${f.region}`, `the region "${f.region}" is the project config's "region"`)
        : r.from === 'publisher'
          ? tr(locale, `地区按报头“${cue}”推定为${f.region}`, `the region read as "${f.region}" from the publisher "${cue}"`)
          : tr(locale, `地区按导语推定为${f.region}`, `the region read as "${f.region}" from the lead`),
    );
  }
  if (f.region === OWN_PROVINCE) {
    notes.push(
      province
        ? tr(locale, `地区按工作区推定为${province}（文中未写省名）`, `the region read as "${province}", the workspace's one province (the text names no province)`)
        : tr(locale, '地区为本省（文中未写省名）', "the region is the document's own province, unnamed"),
    );
  } else if (f.region === OWN_CITY) {
    notes.push(
      ws.city
        ? tr(locale, `地区按工作区推定为${ws.city}（文中未写市名）`, `the region read as "${ws.city}", the workspace's one city (the text names no city)`)
        : tr(locale, '地区为本市（文中未写市名）', "the region is the document's own city, unnamed"),
    );
  } else if (f.region === OWN_COUNTY) {
    notes.push(
      ws.county
        ? tr(locale, `地区按工作区推定为${ws.county}（文中未写县名）`, `the region read as "${ws.county}", the workspace's one county or district (the text names none)`)
        : tr(locale, '地区为本县（区）（文中未写名称）', "the region is the document's own county or district, unnamed"),
    );
  }
  return notes.join(tr(locale, '；', '; '));
}

export const COMPARATOR_SIGN: Record<Comparator, string> = {
  eq: '=', ge: '≥', gt: '>', le: '≤', lt: '<', approx: '≈', range: '～',
};

const KIND_ZH = { target: '目标', actual: '实际', unknown: '未定' } as const;
const SOURCE_ZH = { sentence: '句中', paragraph: '前文', heading: '所在标题', document: '文档' } as const;

export function kindLabel(f: Figure): string {
  return KIND_ZH[f.kind];
}

function num(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "46.2万人 = 462,000 人". */
function normalizedText(f: Figure): string {
  const n = f.normalized;
  return `${num(n.value)}${n.max !== undefined ? `～${num(n.max)}` : ''} ${n.unit}`;
}

/** A period as a reader says it: 2026, or 本年 (the document's year, not stated) in words. */
export function periodLabel(period: string | null, locale?: Locale): string {
  if (period === null) return tr(locale, '期间未明', 'period unknown');
  const offset = RELATIVE_PERIODS[period];
  if (offset === undefined) return period;
  return tr(
    locale,
    `${period}（文中未写年份）`,
    offset === 0 ? "the document's year, not stated" : offset < 0 ? "the year before the document's, not stated" : "the year after the document's, not stated",
  );
}

/** The diagnostic's message for a target; the statement, read from the document, stays as it is. */
export function targetMessage(f: Figure, locale?: Locale): string {
  return tr(locale, `目标（${periodLabel(f.period, locale)}）：${f.statement}`, `Target (${periodLabel(f.period, locale)}): "${f.statement}"`);
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for the hover over a figure: what Wengao understood, and where it came from. */
export function describeFigure(f: Figure, docName?: string, ws: Workspace = {}): string {
  const rows: [string, string][] = [
    ['指标', `${esc(f.indicator || '（未识别）')}${f.verb ? `（${esc(f.verb)}）` : ''}`],
    ['数值', `${esc(f.text)}${f.normalized.unit !== f.unit || f.normalized.value !== f.value ? ` = ${esc(normalizedText(f))}` : ''}`],
    ['比较', `${COMPARATOR_SIGN[f.comparator]}${f.comparatorText ? `（${esc(f.comparatorText)}）` : ''}`],
    ['期间', f.period ? `${shownPeriod(f, ws)}${f.part ? ` ${esc(f.part)}` : ''}（${SOURCE_ZH[f.periodSource ?? 'document']}${f.periodCue ? `：${esc(f.periodCue.trim())}` : ''}）` : '未明'],
    ['地区', f.region ? `${esc(shownRegion(f, ws)!)}（${SOURCE_ZH[f.regionSource ?? 'document']}）` : '未明'],
    ['类型', `${KIND_ZH[f.kind]}${f.kindSource ? `（${SOURCE_ZH[f.kindSource]}${f.kindCue ? `：${esc(f.kindCue)}` : ''}）` : ''}`],
  ];
  const inferred = inferenceNote(f, undefined, ws);
  if (inferred) rows.push(['推定', esc(inferred)]);
  if (f.listCount) rows.push(['说明', '列举项目的计数（与所列项目核对），不作为目标或实绩']);
  if (f.section.length) rows.push(['位置', esc(f.section.join(' › '))]);
  if (docName) rows.push(['文档', esc(docName)]);
  return ['**Wengao 数据解读**', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

export interface FigureRow {
  path: string;
  /** The 1-based line, or in a .docx or .pdf the place as the reviewer finds it (第8段, 第3页第5行). */
  line: number | string;
  figure: Figure;
}

const CSV_HEADER = ['文档', '行', '章节', '指标', '动词', '原文', '数值', '上限', '单位', '标准化数值', '标准化单位', '比较', '期间', '地区', '类型'];
const CSV_HEADER_EN = ['document', 'line', 'section', 'indicator', 'verb', 'text', 'value', 'max', 'unit', 'normalized value', 'normalized unit', 'comparator', 'period', 'region', 'kind'];
const KIND_EN = { target: 'target', actual: 'actual', unknown: 'unknown' } as const;

function csvCell(v: string | number | undefined | null): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV in UTF-8 with a BOM, so that Excel and WPS open it as UTF-8. */
/** The figures as CSV (UTF-8 with BOM, for spreadsheets), headed in `locale` (Chinese by default). */
export function toCsv(rows: FigureRow[], locale?: Locale): string {
  const en = locale === 'en';
  const lines = [(en ? CSV_HEADER_EN : CSV_HEADER).join(',')];
  for (const { path, line, figure: f } of rows) {
    lines.push(
      [
        path, line, f.section.join(' › '), f.indicator, f.verb, f.text, f.value, f.max, f.unit,
        f.normalized.value, f.normalized.unit, COMPARATOR_SIGN[f.comparator], f.period, f.region, (en ? KIND_EN : KIND_ZH)[f.kind],
      ].map(csvCell).join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * The first line of a list Wengao exports in markdown: an HTML comment, which does not print,
 * by which Wengao knows its own export and does not check it as a report (core/analyze.ts).
 */
export const EXPORT_MARK = '<!-- wengao-export: 文稿导出的目标清单，不作为报告检查 (exported by Wengao, not checked as a report) -->';

/** The figures as a markdown table, headed in `locale` (Chinese by default), after EXPORT_MARK. */
export function toMarkdownTable(rows: FigureRow[], locale?: Locale): string {
  const en = locale === 'en';
  const head = en
    ? ['document', 'line', 'section', 'indicator', 'amount', 'comparator', 'period', 'region', 'kind']
    : ['文档', '行', '章节', '指标', '数值', '比较', '期间', '地区', '类型'];
  const out = [EXPORT_MARK, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const { path, line, figure: f } of rows) {
    out.push(
      `| ${[path, String(line), f.section[f.section.length - 1] ?? '', f.indicator + (f.verb ? `（${f.verb}）` : ''), f.text, COMPARATOR_SIGN[f.comparator], f.period ?? '', f.region ?? '', (en ? KIND_EN : KIND_ZH)[f.kind]].map(esc).join(' | ')} |`,
    );
  }
  return out.join('\n') + '\n';
}
