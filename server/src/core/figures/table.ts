/**
 * Tables pasted from a word processor: rows of cells separated by tabs. A cell holds a bare
 * number whose meaning is in the row and the column: the row's first cell names the indicator
 * (or the place), the column's header the year, the kind (预期目标 / 完成情况) or a growth rate
 * (比上年增长), and the unit stands in the cell, the row (地区生产总值（亿元）), a 单位 column, the
 * header, or the line under the caption (单位：万吨).
 */
import type { DocumentModel, Paragraph } from '../model';
import { CHANGE_CELL, SOFT_GAP, barCells, isTableRow, isTableRule, softCells } from '../headings';
import { RESIDENT_GROUP, RESIDENT_MEASURE, headingKind, periodCues, placesIn } from './context';
import { unitDef } from './units';


export interface TableCell {
  /** Offset of the cell's text in the document, and the text (trimmed). */
  start: number;
  text: string;
}

export interface Column {
  header: string;
  /** The unit the header gives its cells: 增长（%） → %. */
  unit?: string;
  growth: boolean;
  kind?: 'target' | 'actual';
  /** The header's own period cue (2025年目标). */
  cue?: string;
}

export interface Table {
  caption?: string;
  /** The sentence leading into the table (下表为1—2月主要指标). */
  lead?: string;
  unit?: string;
  /** The 单位 line's units of amounts in order, "个、亿元": one per column of amounts, when they match. */
  units?: string[];
  /** The 单位 line's units as written, every one kept ("所、万个、个、%"): one per row, when they match. */
  written?: string[];
  columns: Column[];
  /** The column that names each row's unit (单位), if any. */
  unitColumn?: number;
  /** Rows (paragraph indexes) that hold data. */
  rows: Set<number>;
  /** A residents' measure named by a row, by that row's index: 全省居民人均可支配收入 → 人均可支配收入. */
  residentMeasures?: Map<number, string>;
}

/** A row's cells, one per tab-separated column, empty ones kept (a blank cell keeps its column). */
export function cellsOf(p: Paragraph): TableCell[] {
  const out: TableCell[] = [];
  const bars = barCells(p.text);
  if (bars) return bars.map((c) => ({ start: p.start + c.at, text: c.text }));
  if (!p.text.includes('\t')) {
    // (A row without tabs: the gaps of full-width spaces or runs of spaces part the cells.)
    const lead = p.text.length - p.text.trimStart().length;
    const t = p.text.trim();
    let at = 0;
    SOFT_GAP.lastIndex = 0;
    for (let m = SOFT_GAP.exec(t); m; m = SOFT_GAP.exec(t)) {
      out.push({ start: p.start + lead + at, text: t.slice(at, m.index) });
      at = m.index + m[0].length;
    }
    out.push({ start: p.start + lead + at, text: t.slice(at) });
    return out;
  }
  let at = 0;
  for (const raw of p.text.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    out.push({ start: p.start + at + lead, text: raw.trim() });
    at += raw.length + 1;
  }
  // (Leading and trailing empty columns are layout, not cells.)
  while (out.length && !out[out.length - 1].text) out.pop();
  return out;
}

const NUMERIC = /^[-－−]?[0-9０-９][0-9０-９,，.．]*/;
/** What a column or a caption names as measured: 产量, 产值, 营业收入. */
const MEASURE_END = /(?:产量|产值|增加值|营业收入|收入|销售额|总额|面积|人数|数量|规模|投资|投资额|资金|金额|项目数|个数|家数|户数|件数|套数)$/;
const MEASURE_IN = /(?:产量|产值|增加值|营业收入|销售额)(?=[^，。]{0,6}$|目标|情况|完成)/;
const UNIT_IN_PARENS = /[（(]([^（）()]{1,8})[）)]\s*$/;

/** The unit a header or a label gives in brackets: 增长（%）, 地区生产总值（亿元）. */
function unitInParens(s: string): string | undefined {
  const m = UNIT_IN_PARENS.exec(s);
  if (!m) return undefined;
  const u = m[1].replace(/％/g, '%');
  return /^(?:%|‰|个百分点|[万亿千百]?[\p{Script=Han}A-Za-z/·³²]{1,6})$/u.test(u) && !/年|月|季/.test(u) ? u : undefined;
}

const UNIT_LINE = /^(?:计量)?单位[：:]\s*([^\s。；]{1,16})/;

/** "万吨、%": the unit of the amounts (the growth columns are in % anyway). */
function levelUnit(list: string): string {
  const units = list.replace(/％/g, '%').split(/[、，,/／]/).filter(Boolean);
  return units.find((u) => u !== '%') ?? units[0];
}

/** "个、亿元": the units of amounts, in their order (not %). */
function levelUnits(list: string): string[] {
  // (Not split at /: 元/人 is one unit.)
  return list.replace(/％/g, '%').split(/[、，,]/).filter((u) => u && u !== '%');
}

function writtenUnits(list: string): string[] {
  return list.replace(/％/g, '%').split(/[、，,]/).filter((u) => u);
}

/** The tables of a document, by the paragraph index of each row. */
export function readTables(model: DocumentModel): Map<number, Table> {
  const byRow = new Map<number, Table>();
  const ps = model.paragraphs;
  const row = (p: Paragraph) => isTableRow(p.text, ps[p.index - 1]?.text);
  for (let i = 0; i < ps.length; i++) {
    if (!row(ps[i])) continue;
    // (A row without tabs has its header above it, laid out alike but holding no number:
    // "指标　2025年　增长（%）".)
    // (A markdown table's rule, |---|---|, sits between its header and its rows.)
    const above = isTableRule(ps[i - 1]?.text ?? '') ? i - 2 : i - 1;
    const header = !ps[i].text.includes('\t') ? softCells(ps[above]?.text ?? '') : undefined;
    if (header && header.length === softCells(ps[i].text)?.length && !row(ps[above])) i = above;
    let j = i;
    while (j + 1 < ps.length && (row(ps[j + 1]) || (j === i && isTableRule(ps[j + 1].text) && j + 2 < ps.length && row(ps[j + 2])))) j++;
    const first = cellsOf(ps[i]);
    const headerRow = first.slice(1).every((c) => !NUMERIC.test(c.text) || /年/.test(c.text)) && first.some((c) => c.text) ? first : undefined;
    const table: Table = { columns: [], rows: new Set() };
    // The caption and the unit line: up to three lines above the table.
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const t = ps[k].text.trim();
      const u = UNIT_LINE.exec(t);
      if (u) {
        table.unit ??= levelUnit(u[1]);
        table.units ??= levelUnits(u[1]);
        table.written ??= writtenUnits(u[1]);
      } else if (/^(?:续|附)?表\s*[0-9０-９一二三四五六七八九十]+/.test(t) || (t.length <= 40 && !/[。！？；]/.test(t))) table.caption ??= t;
      else {
        table.lead = t;
        break;
      }
    }
    // A unit line under the table (单位：亿元 after the last row) counts too.
    const after = ps[j + 1]?.text.trim();
    const u = after ? UNIT_LINE.exec(after) : null;
    if (u) {
      table.unit ??= levelUnit(u[1]);
      table.units ??= levelUnits(u[1]);
      table.written ??= writtenUnits(u[1]);
    }
    if (headerRow) {
      table.columns = headerRow.map((c) => {
        const unit = unitInParens(c.text);
        const growth = /增长|增速|增幅|比上年|同比|涨幅/.test(c.text);
        const kind = /目标|预期|计划|预计|(?<!公共)预算(?!收入|支出)/.test(c.text) ? 'target' : /完成|实际|实绩|执行|完成情况/.test(c.text) ? 'actual' : undefined;
        const cues = periodCues(c.text);
        return { header: c.text, unit, growth, kind, cue: cues.length ? c.text.slice(cues[0].at, cues[0].end) : undefined };
      });
      table.unitColumn = headerRow.findIndex((c) => /^(?:计量)?单位$/.test(c.text));
      if (table.unitColumn < 0) table.unitColumn = undefined;
    }
    for (let k = headerRow ? i + 1 : i; k <= j; k++) {
      table.rows.add(ps[k].index);
      byRow.set(ps[k].index, table);
      const measure = RESIDENT_MEASURE.exec(cellsOf(ps[k])[0]?.text.trim() ?? '');
      if (measure) (table.residentMeasures ??= new Map()).set(ps[k].index, measure[1]);
    }
    i = j;
  }
  return byRow;
}

/** What a cell of a row says, before its number is read: indicator, region, unit, column. */
export interface CellReading {
  cell: TableCell;
  indicator: string;
  place?: string;
  unit?: string;
  column?: Column;
  /** Kind from the caption when the column does not say. */
  captionKind?: 'target' | 'actual';
  caption?: string;
  /** The nearest line above the table that is not its caption or unit line (the text leading in). */
  heading?: string;
}

/** A first column that heads rows of areas: 区域, 地区, 区县, 市州. */
const AREA_HEADER = /^(?:区域|地区|区县|县区|县（市、区）|县\(市、区\)|市州|市县|城市|地市|片区|板块)$/;

export function rowCells(p: Paragraph, table: Table): CellReading[] {
  const cells = cellsOf(p);
  if (cells.length < 2) return [];
  // (A first column of serial numbers, 序号 | 项目名称 | …: the row is named by the column after it.)
  const serial = cells.length > 2 && /^(?:序号|编号|序)$/.test((table.columns[0]?.header ?? '').trim()) && /^[0-9０-９]{1,3}$/.test(cells[0].text.trim()) && !NUMERIC.test(cells[1].text);
  let label = serial ? cells[1].text : cells[0].text;
  // (A group of residents under a row of their measure, "全省居民人均可支配收入" / "　农村居民": the
  // group's measure.)
  const group = RESIDENT_GROUP.exec(label.trim());
  if (group && table.residentMeasures) {
    let measure: string | undefined;
    for (const [row, m] of table.residentMeasures) if (row < p.index) measure = m;
    if (measure) label = `${group[1]}${measure}`;
  }
  const place = placesIn(label).find((x) => x.at === 0 && x.name.length >= label.replace(UNIT_IN_PARENS, '').length - 1)?.name;
  const labelUnit = unitInParens(label);
  // A column that names what is measured (产量, 产值, 营业收入) completes the row's name: 蔬菜 + 产量.
  // (Rows of areas, under a first column headed 区域 / 地区 / 区县: each row's label qualifies the
  // measure its columns name, "渝东南武陵山区城镇群" + "地区生产总值", where the label is no known place.)
  const areaRows = !place && AREA_HEADER.test((table.columns[0]?.header ?? '').trim());
  const indicatorOf = (column?: Column, k = 0) => {
    if (place || areaRows) {
      const named = measureOfColumn(column, k);
      // (A total row names the whole: 合计 + 地区生产总值 is 地区生产总值; 其中：城区 is 城区.)
      const area = label.replace(UNIT_IN_PARENS, '').replace(/^其中[：:]?/, '');
      return place || /^(?:合计|总计|全市|全省|全区|全县|全州)$/.test(area) ? named : area + named;
    }
    const name = label.replace(UNIT_IN_PARENS, '');
    // (Or the caption does, when the column names only a year: "表1 主导产业产值目标" | 2026年目标.)
    const measure = column && !column.growth
      ? MEASURE_END.exec(column.header.replace(UNIT_IN_PARENS, ''))?.[0] ?? (table.caption ? MEASURE_IN.exec(table.caption)?.[0] : undefined)
      : undefined;
    return measure && !name.endsWith(measure) ? name + measure : name;
  };
  function measureOfColumn(column: Column | undefined, k: number): string {
    {
      const header = (column?.header ?? '').replace(UNIT_IN_PARENS, '');
      // (A growth column that names no measure, 比上年增长, is the growth of the column before it:
      // 地区 | 地区生产总值 | 比上年增长.)
      if (column?.growth && !/[\p{Script=Han}]{2,}(?:增长|增速|增幅)/u.test(header.replace(/^(?:比上年|同比|较上年)/, ''))) {
        for (let j = k - 1; j > 0; j--) {
          const before = table.columns[j];
          if (before && !before.growth && j !== table.unitColumn) return before.header.replace(UNIT_IN_PARENS, '');
        }
      }
      return header;
    }
  }
  const captionKind = table.caption ? headingKind(table.caption) : undefined;
  const amountColumns = table.columns.map((_, idx) => idx).filter((idx) => idx > (serial ? 1 : 0) && idx !== table.unitColumn && !table.columns[idx]?.growth);
  const out: CellReading[] = [];
  cells.forEach((written, k) => {
    if (k === 0 || (serial && k === 1) || k === table.unitColumn) return;
    // A growth written into its cell, "社零总额　2186.4亿元　增长6.5%": the rate after the verb.
    const change = CHANGE_CELL.exec(written.text);
    const verb = change && (change[1] === '增长' || change[1] === '上涨') ? change : null;
    const cell = verb ? { start: written.start + verb[0].length, text: written.text.slice(verb[0].length) } : written;
    if (!NUMERIC.test(cell.text)) return;
    const column: Column | undefined = verb ? { header: verb[0], growth: true, unit: '%' } : table.columns[k];
    // (A row without a 单位 header may still give its unit in a cell of its own: 新增城镇就业　万人　12.)
    const rowUnit = table.unitColumn !== undefined ? cells[table.unitColumn]?.text : cells.slice(1, k).find((c) => unitDef(c.text.replace(/％/g, '%')))?.text;
    // (A 单位 line that gives one unit per column of amounts, "单位：个、亿元" over 项目数 | 年度计划投资.)
    const perColumn = table.units && table.units.length > 1 && table.units.length === amountColumns.length ? table.units[amountColumns.indexOf(k)] : undefined;
    // (Or one per row, in the rows' order, over a single column of amounts: "单位：所、万个、张" over
    // three rows of 项目 | 2026年目标.)
    // (Not when a growth column takes one of them: "单位：亿元、%" over 总量 | 比上年增长.)
    const perRow = !perColumn && amountColumns.length === 1 && !table.columns.some((c) => c.growth) && table.written && table.written.length > 1 && table.written.length === table.rows.size
      ? table.written[[...table.rows].indexOf(p.index)]
      : undefined;
    // (Or several, none by column or row order, "单位：万吨、万标准箱、%": the one the row names, as
    // 集装箱吞吐量 names the 箱 of 万标准箱.)
    const byName = !perColumn && !perRow && table.units && table.units.length > 1 ? unitNamedBy(cells[0]?.text ?? '', table.units) : undefined;
    const unit = column?.growth ? column.unit ?? '%' : labelUnit ?? rowUnit ?? column?.unit ?? perColumn ?? perRow ?? byName ?? table.unit;
    out.push({ cell, indicator: indicatorOf(column, k), place, unit, column, caption: table.caption, heading: table.lead, captionKind: captionKind === 'target' || captionKind === 'actual' ? captionKind : undefined });
  });
  return out;
}

/** The one unit among `units` whose thing the row's name names: 万标准箱 for 集装箱吞吐量. */
function unitNamedBy(row: string, units: readonly string[]): string | undefined {
  const named = units.filter((u) => {
    const thing = u.replace(/^[万亿千百十]+/, '').slice(-1);
    return /\p{Script=Han}/u.test(thing) && row.includes(thing);
  });
  return named.length === 1 ? named[0] : undefined;
}
