/**
 * Units and classifiers: an extensible table. Each unit names its base unit and the factor to
 * it, so 46.2万人 normalises to 462000 人 and 3.45亿元 to 345000000 元. Variants of one unit
 * (μg/m³ = 微克/立方米) share a base.
 */

export interface UnitDef {
  /** As written in the table (the canonical spelling). */
  unit: string;
  /** The base unit values are normalised to. */
  base: string;
  factor: number;
  /** What the unit measures: two figures compare only within one dimension. */
  dimension: string;
}

const table: UnitDef[] = [];
function add(dimension: string, base: string, entries: [string, number][]): void {
  for (const [unit, factor] of entries) table.push({ unit, base, factor, dimension });
}

add('ratio', '%', [['%', 1], ['％', 1], ['‰', 0.1], ['成', 10]]);
add('percentage-point', '个百分点', [['个百分点', 1], ['百分点', 1]]);
add('multiple', '倍', [['倍', 1]]);
add('money', '元', [
  ['元', 1], ['万元', 1e4], ['亿元', 1e8], ['万亿元', 1e12], ['千元', 1e3], ['百万元', 1e6], ['千万元', 1e7],
]);
add('money-usd', '美元', [['美元', 1], ['万美元', 1e4], ['亿美元', 1e8]]);
add('people', '人', [['人', 1], ['万人', 1e4], ['亿人', 1e8], ['名', 1], ['位', 1], ['万名', 1e4]]);
add('person-times', '人次', [['人次', 1], ['万人次', 1e4], ['亿人次', 1e8]]);
add('households', '户', [['户', 1], ['万户', 1e4]]);
add('length', '公里', [['公里', 1], ['千米', 1], ['km', 1], ['米', 0.001], ['万公里', 1e4]]);
add('area', '平方米', [
  ['平方米', 1], ['万平方米', 1e4], ['亿平方米', 1e8], ['平方公里', 1e6], ['公顷', 1e4], ['万公顷', 1e8],
]);
add('area-mu', '亩', [['亩', 1], ['万亩', 1e4], ['亿亩', 1e8]]);
add('weight', '吨', [['吨', 1], ['万吨', 1e4], ['亿吨', 1e8], ['公斤', 0.001], ['千克', 0.001]]);
add('weight-jin', '斤', [['斤', 1], ['万斤', 1e4], ['亿斤', 1e8]]);
add('power', '千瓦', [['千瓦', 1], ['万千瓦', 1e4], ['亿千瓦', 1e8], ['兆瓦', 1e3], ['吉瓦', 1e6]]);
add('energy', '千瓦时', [['千瓦时', 1], ['万千瓦时', 1e4], ['亿千瓦时', 1e8], ['度', 1]]);
// Standard boxes: a port's containers in twenty-foot equivalents (标箱 = 标准箱 = TEU), and
// cigarettes by the case (卷烟产量30万标准箱); the indicator tells which.
add('standard-box', '标准箱', [['标箱', 1], ['万标箱', 1e4], ['亿标箱', 1e8], ['标准箱', 1], ['万标准箱', 1e4], ['TEU', 1], ['万TEU', 1e4]]);
add('volume', '立方米', [['立方米', 1], ['万立方米', 1e4], ['亿立方米', 1e8]]);
add('concentration', '微克/立方米', [['微克/立方米', 1], ['μg/m³', 1], ['μg/m3', 1], ['ug/m3', 1], ['毫克/立方米', 1000]]);
// Not 日 alone: "7日上午" is a date far more often than a duration.
add('duration-day', '天', [['天', 1], ['个工作日', 1], ['工作日', 1]]);
add('duration-hour', '小时', [['小时', 1], ['分钟', 1 / 60]]);
add('duration-month', '个月', [['个月', 1]]);
add('age', '岁', [['岁', 1]]);
// Classifiers: counts of things. Each is its own dimension: 300家 and 300个 are not the same count.
for (const c of [
  '个', '家', '项', '所', '座', '处', '场', '部', '台', '套', '台(套)', '台（套）', '辆', '艘', '架', '列', '条', '件',
  '批', '次', '篇', '本', '册', '张', '份', '种', '类', '支', '只', '头', '株', '棵', '块', '片', '间', '栋',
  '幢', '床', '个点', '村', '镇', '乡', '校', '园', '站', '宗', '笔', '起', '例', '款', '层', '对', '组', '队',
  '届', '期', '方面', '大类', '场次', '人份', '个点位', '瓶', '盒', '袋', '颗', '枚', '匹', '盏', '羽', '根',
]) {
  const m = /^(万|亿)(.+)$/.exec(c);
  const base = m ? m[2] : c;
  table.push({ unit: c, base, factor: m ? (m[1] === '万' ? 1e4 : 1e8) : 1, dimension: `count:${base}` });
}

/** Units that must not follow a Chinese-numeral-only figure: they make names and ordinals. */
export const NOT_AFTER_CHINESE = new Set(['届', '期', '次', '批', '个点', '类', '对', '组', '队']);

const byUnit = new Map<string, UnitDef>();
for (const u of table) if (!byUnit.has(u.unit)) byUnit.set(u.unit, u);

/** Units by the code of their first character, longest first: a handful of comparisons. */
const byFirst = index(byUnit);
function index(units: Map<string, UnitDef>): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const u of [...units.keys()].sort((a, b) => b.length - a.length)) {
    const list = m.get(u.charCodeAt(0)) ?? [];
    list.push(u);
    m.set(u.charCodeAt(0), list);
  }
  return m;
}

/** The unit table with a project's extra units (`unitTable`); undefined: the built-in one. */
export type UnitTable = { byUnit: Map<string, UnitDef>; byFirst: Map<number, string[]> } | undefined;

/**
 * A project's extra units, in force while one extraction runs (`withUnitTable`): the built-in
 * table stays as it is, so projects with different units never see each other's.
 */
let extra: UnitTable;

/** The table with `defs` added (they win over built-in units of the same spelling); undefined if none. */
export function unitTable(defs: readonly UnitDef[] | undefined): UnitTable {
  if (!defs || defs.length === 0) return undefined;
  const map = new Map(byUnit);
  for (const d of defs) if (d.unit) map.set(d.unit, d);
  return { byUnit: map, byFirst: index(map) };
}

/**
 * Runs `f` with `table` in force, and the one in force before it afterwards. An extraction that
 * pauses (core/steps.ts) sets its own table again for every step: another document's extraction
 * may run in its pauses.
 */
export function withUnitTable<T>(table: UnitTable, f: () => T): T {
  const saved = extra;
  extra = table;
  try {
    return f();
  } finally {
    extra = saved;
  }
}

export function unitDef(unit: string): UnitDef | undefined {
  return (extra?.byUnit ?? byUnit).get(unit);
}

/** The longest unit written at `text[i]`, if any. */
export function matchUnit(text: string, i: number): UnitDef | undefined {
  const units = extra?.byUnit ?? byUnit;
  const list = (extra?.byFirst ?? byFirst).get(text.charCodeAt(i));
  if (!list) return undefined;
  for (const u of list) if (text.startsWith(u, i)) return units.get(u);
  return undefined;
}
