/**
 * Check `number-usage` (GB/T 15835-2011 出版物上数字的用法, GB/T 15834-2011 标点符号用法): numbers
 * written in a form the standards do not use. Codes:
 * - `number.range`: a range written with a hyphen or a short dash (5-10%, 2025-2027年, 3-5年,
 *   8:00-18:00). The fix writes the 连接号 the standard gives a range: "—" between years, "～"
 *   otherwise, with 万, 亿 and % written on both numbers (5%～10%, 1.5万～2万元).
 *   Silent: telephone numbers (0571-87654321), dates (2026-01-05), codes and standards (GB/T
 *   15835-2011, G15-2, ARJ21-700), references (表2-3, 附件1-2, 第3-2节), room numbers (3-201室),
 *   chains of more than two numbers, and negative numbers (-5℃).
 * - `number.approx-list`: two adjacent numbers that together say "about" set apart by a 顿号
 *   (三、四十人 → 三四十人, 七、八个): the standard writes them together. Silent where the two
 *   name two things (一、二产业, 三、四年级, 第一、二季度, 一、二期工程, 1、2号楼).
 * - `number.short-year`: a year written with two digits where the whole year is meant ('23年,
 *   自23年以来, 25年底); not a span of years (12年间, 3年来).
 * - `number.approx-double`: 约 (近, 超过) and 左右 (上下) about one number (约30万人左右): say
 *   it once.
 * - `number.mixed`: an Arabic number with 千 or 百 as a multiplier (3千万, 5千亿元, 1百元), a
 *   number of 万 and 千 (4万5千), and 〇 or O written as the digit 0 among Chinese numerals
 *   (二0二六年), a percentage in words with digits (百分之20) and digits with 几 (30几岁). Silent: 千
 *   and 百 of units (8.6千米, 120万千瓦, 500千伏), 3万, 3.5亿.
 */
import { inSteps, type Check, type CheckContext } from './check';
import { CODES, Code, Finding } from '../findings';
import { translator } from '../locale';
import type { DocumentModel } from '../model';
import { STEP_ITEMS, Steps } from '../steps';
import { nonProse, proseParagraphs } from './prose';

const NUM = String.raw`\d+(?:\.\d+)?`;
/** What may follow a range's number: its multiplier, percent sign or unit word (up to two characters). */
const TAIL = String.raw`(?:[万亿]?(?:%|％|‰)|[万亿千百]?[\p{Script=Han}]{0,2})`;
/**
 * A range with a hyphen: a number (or a time of day), its tail, the dash, a number, its tail.
 * (?<![…]) keeps codes, dates, references and negative numbers out.
 */
const RANGE = new RegExp(
  String.raw`(?<![A-Za-z0-9./\-－_:#])(\d{1,2}:\d{2}|${NUM})(${TAIL})( ?)[-–－‐]( ?)(\d{1,2}:\d{2}|${NUM})(${TAIL})(?![\d\-－A-Za-z])`,
  'gu',
);
/** References and codes that a hyphen numbers, before the first number: 表2-3, 附件1-2, 第3-2节, 编号, 国道. */
const REFERENCE_BEFORE = /(?:表|图|附件|附表|附图|章|节|条|款|编号|代码|型号|规格|国道|省道|县道|线|号线|版本|版)$/;
/** What a hyphenated code ends with: 3-201室, 5-2号楼, 1-2号. */
const CODE_AFTER = /^(?:室|号|栋|单元|楼|层|幢|座)/;
const YEAR = /^(?:19|20)\d{2}$/;
/** A range of dates with a hyphen: 3月1日-3月20日, 9月3日–5日. */
const DATE_RANGE = /(?<![\d])(\d{1,2}月\d{1,2}日)( ?)[-–－‐]( ?)((?:\d{1,2}月)?\d{1,2}日)/g;

const CN_DIGIT = '一二三四五六七八九';
/** Two adjacent numbers with a 顿号 and what follows: 三、四十人, 七、八个 (not inside a longer series, 第一、三、五条). */
const APPROX_LIST = /(?<![第0-9一二三四五六七八九十百千万两、])((?:[一二三四五六七八九]?十)?[一二三四五六七八九两])、([一二三四五六七八九两])(?![、0-9一二三四五六七八九两])(十|百|千|万)?(\p{Script=Han}{0,3})/gu;
/** After the pair: words that make it two things, not "about" (二、三产业, 三、四年级, 一、二期, 一、二类, 第一、二季度). */
const TWO_THINGS = /^(?:产业|年级|期|类|季度|级|档|星|号|批|等|线|环|版|届|次会议|轮|号楼|区|组|类别|代|层|档次)/;
/** After the pair: the measure words of an amount (七、八个, 三、四十人, 五、六天). */
const MEASURE = /^(?:个|人|名|位|次|天|日|年(?!级)|月|岁|家|件|项|座|所|户|台|辆|只|头|条|元|斤|亩|公里|米|吨|倍|成|批|遍|趟|回|分钟|小时|周|层|步|句|张|本|处|种)/;

/** '23年, ’23年, 自23年以来, 25年底: a two-digit year. */
const SHORT_YEAR_MARKED = /['’‘](\d{2})年/g;
/** A two-digit number that can only be a year: with a leading zero (03年), or 40 to 99 before a deed (97年参加工作), not a decade (90年代), a span or an age (已有60年历史, 打了40年鱼). */
const SHORT_YEAR_PLAIN = /(?<![\d.．'’‘A-Za-z第有达近满逾超约共每限了]|连续|持续|长达|历时|经过|坚持|坚守|扎根|奋斗|工作|服务|执教|从事)(0\d|[4-9]\d)年(?=[\p{Script=Han}])(?!代|间|来|内|后|前|左右|多|以上|以下|里|中|时间|之内|之久|有余|一遇|期|历史)/gu;
const SHORT_YEAR = /(?<![\d.．'’‘A-Za-z])(\d{2})年(?=以来|底|末|初|年底|年末|年初|上半年|下半年|全年|前三季度|[一二三四]季度|1?[0-9]月|第[一二三四]季度)/g;
/** …or after a word that dates: 自23年, 截至24年. */
const SHORT_YEAR_AFTER = /(?<![\d０-９一二三四五六七八九十两])(?:自|从|截至|截止|于|至|到|在|由|较|与|比|同|继|对照|早在|直到)(\d{2})年(?!间|来|内|后|前|左右|多|以上|以下|里|中|时间|之内|之久|有余|代|一遇|历史|期)/g;
/**
 * …or 10 to 39 before a deed done at a point of time (13年动工, 17年建成, 24年出台, 21年营业收入),
 * where a span of so many years is told by the words before it (用了13年, 这20年, 运行15年) or
 * after it (12年间, 19年来, 13年如一日).
 */
const SHORT_YEAR_DEED = /(?<![\d.．'’‘A-Za-z第有达近满逾超约共每这那头用花至到、和及或]|连续|持续|长达|历时|经过|坚持|坚守|扎根|奋斗|工作|服务|执教|从教|从事|从医|从警|从军|运行|使用|历经|耗时|用时|开园|建园|建厂|办学|过去|最近|未来|今后|短短|不到|不足)([1-3]\d)年(?=的?(?:营业收入|营收|销售额|产值|利润|净利润)|那(?:场|次|一年)|动工|开工|建成|竣工|投产|投用|投运|通车|并网|成立|设立|组建|挂牌|揭牌|引进|出台|印发|发布|颁布|施行|列入|纳入|入选|获批|获评|被评为|购置|购买|毕业|入职|入学|参军|退休|参加工作|开通|开业|落户|签约|上市|营业收入|营收|销售额|工作安排|工作要点)/gu;
/** …or where a clause opens with it, or after its subject, before what happened in it: 24年全县……, 我市26年民生实事, 该企业24年实现. */
const SHORT_YEAR_LEAD = /(?:^|[，。；：、]|我[省市县区]|全[省市县区]|本[省市县区]|该(?:企业|县|市|区|村|镇|公司)|计划|预计|力争|争取)(\d{2})年(?=[\p{Script=Han}])(?!间|来|内|后|前|左右|多|以上|以下|里|中|时间|之内|之久|有余|代|一遇|历史|期|的(?!目标|任务|工作|计划))/gu;

/** 约 (大约, 近, 接近, 超过) … 左右 (上下) about one number, within a few characters. */
const APPROX_DOUBLE = /(?<![节制签合预违契公条相履邀如隐婚])(?:(?:大约|大概|约)[^\s，。；、：“”（）,;\d]{0,12}?|(?:将近|接近|近|超过)(?=\d|[一二三四五六七八九十两半百千]))(?:\d+(?:\.\d+)?|[一二三四五六七八九十两半百千万]+)[^\s，。；、：“”（）,;\d]{0,10}?(?:左右|上下)|(?<![节制签合预违契公条相履邀如隐婚])(?:大约|大概|约|将近|近)(?:有|为|达)?(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+)[万亿千百十]?(?:余|多)(?=\p{Script=Han})/gu;

/** 3千万, 5千亿元, 1百元, 1千2百万; not 8.6千米, 120万千瓦, 500千伏. */
const MIXED_MULTIPLIER = /(?<![\d.])(?:\d+亿)?\d+(?:\.\d+)?[千百](?!米|瓦|伏|克|帕|卡|兆|赫|焦|公里|公顷|立方|吨级|分点|分比|分之|分率|人口|万千瓦)(?:\d+[百十])?(?:万|亿)?/gu;
/** 百分之20, 百分之0.5: a percentage in Chinese words with Arabic digits (20%, or 百分之二十). */
const MIXED_PERCENT = /百分之\d+(?:\.\d+)?/g;
/** 30几岁, 10几栋: Arabic digits with 几, which takes Chinese numerals (三十几岁, 十几栋). */
const MIXED_JI = /(?<![\d.])\d+几(?=\p{Script=Han})/gu;
/** 4万5千: a number of 万 with its 千 written after it. */
const MIXED_WAN = /(?<![\d.])\d+万\d+千(?!米|瓦|伏|克)/g;
/** 二0二六年, 二O二六年: the digit 0 (or a letter O) among Chinese numerals. */
const MIXED_ZERO = /(?<![一二三四五六七八九〇0OoＯ０A-Za-z])(?=[一二三四五六七八九〇0OoＯ０]*[一二三四五六七八九])(?=[一二三四五六七八九〇]*[0OoＯ０])[一二三四五六七八九〇0OoＯ０]{2,}(?![A-Za-z])年?/g;

export const numberUsage: Check = inSteps({
  id: 'number-usage',
  codes: [CODES.numberRange, CODES.numberApproxList, CODES.numberShortYear, CODES.numberApproxDouble, CODES.numberMixed],
  heavy: false,
  crossDocument: false,
  // (In steps, a pause every STEP_ITEMS paragraphs: a large document's analysis on the server's
  // main thread lets other documents be answered meanwhile.)
  *steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> {
    const t = translator(ctx.locale);
    const out: Finding[] = [];
    const push = (code: Code, start: number, end: number, message: string, fix?: { title: string; newText: string }) =>
      out.push({ code, severity: 'warning', message, span: { start, end }, related: [], fixes: fix ? [{ title: fix.title, edits: [{ span: { start, end }, newText: fix.newText }] }] : [] });
    let read = 0;
    for (const { p, raw } of proseParagraphs(model)) {
      if (++read % STEP_ITEMS === 0) yield;
      if (!/\p{Script=Han}/u.test(raw)) continue;
      // (URLs, e-mail addresses and file names hold hyphens and numbers of their own.)
      const skip = nonProse(raw, model.kind);
      const skipped = (i: number) => skip.some((x) => x.start <= i && i < x.end);

      const dates: Array<[number, number]> = [];
      if (/[-–－‐]/.test(raw)) {
        DATE_RANGE.lastIndex = 0;
        for (let m = DATE_RANGE.exec(raw); m; m = DATE_RANGE.exec(raw)) {
          if (skipped(m.index)) continue;
          const fixed = `${m[1]}—${m[4]}`;
          dates.push([m.index, m.index + m[0].length]);
          push(
            CODES.numberRange, p.start + m.index, p.start + m.index + m[0].length,
            t(`日期范围“${m[0]}”用了短横线：应为“—”，写作“${fixed}”（GB/T 15834）。`, `The range of dates "${m[0]}" uses a hyphen: write "—", "${fixed}" (GB/T 15834).`),
            { title: t(`改为“${fixed}”`, `Change to "${fixed}"`), newText: fixed },
          );
        }
        RANGE.lastIndex = 0;
        for (let m = RANGE.exec(raw); m; m = RANGE.exec(raw)) {
          const [all, a, ta, spaceBefore, spaceAfter, b, tb] = m;
          // (A space before the dash and none after: a negative number, "118.7 -1.5" in a table's row.)
          if (spaceBefore && !spaceAfter) continue;
          const at = m.index;
          if (skipped(at) || dates.some(([s0, e0]) => at < e0 && s0 < at + m![0].length)) continue;
          const before = raw.slice(Math.max(0, at - 4), at);
          const after = raw.slice(at + all.length);
          if (REFERENCE_BEFORE.test(before) || CODE_AFTER.test(tb) || CODE_AFTER.test(after)) continue;
          // After 第, a range counts up (第12-15条); a number that does not is a section's (第3-2节).
          if (/第$/.test(before) && !(+b > +a)) continue;
          // A telephone number, a postcode and its area: 0571-87654321.
          if (/^0\d{2,3}$/.test(a) && /^\d{7,8}$/.test(b)) continue;
          // A standard's number and year: GB/T 15835-2011 (a code before it, a year after it).
          if (/[A-Za-z]\s*$/.test(raw.slice(Math.max(0, at - 2), at)) || (/^\d{3,}$/.test(a) && YEAR.test(b) && !YEAR.test(a))) continue;
          // Only a range says something on both sides with the same kind: a number, a time, a year.
          const times = a.includes(':') && b.includes(':');
          const years = YEAR.test(a) && YEAR.test(b) && (ta === '' || ta === '年') && tb.startsWith('年');
          if (!times && !years && (a.includes(':') || b.includes(':'))) continue;
          // The unit after the first number must be the second's too, or none: 5-10%, 3-5年, 1.5-2万元.
          if (ta && tb && !tb.startsWith(ta) && !/^[万亿]/.test(ta)) continue;
          const unitB = tb;
          const mult = /^[万亿]/.exec(unitB)?.[0] ?? '';
          const pct = /(%|％|‰)$/.exec(unitB)?.[1] ?? (/(%|％|‰)/.exec(unitB)?.[1] ?? '');
          const dash = years ? '—' : '～';
          // GB/T 15835: 万, 亿 and % are written on both numbers.
          const left = a + (ta || (pct ? `${mult}${pct}` : mult));
          const fixed = `${left}${dash}${b}${tb}`;
          const end = at + all.length;
          push(
            CODES.numberRange, p.start + at, p.start + end,
            t(`数值范围“${all}”用了短横线：范围号应为“${dash}”${mult || pct ? `，${mult}${pct}两个数都要写` : ''}，写作“${fixed}”（GB/T 15834、15835）。`,
              `The range "${all}" uses a hyphen: a range takes "${dash}"${mult || pct ? `, with "${mult}${pct}" on both numbers` : ''}: "${fixed}" (GB/T 15834, 15835).`),
            { title: t(`改为“${fixed}”`, `Change to "${fixed}"`), newText: fixed },
          );
        }
      }

      if (raw.includes('、')) {
        APPROX_LIST.lastIndex = 0;
        for (let m = APPROX_LIST.exec(raw); m; m = APPROX_LIST.exec(raw)) {
          const [, x, y, mult, rest] = m;
          // (两 is 2: 一、两个, 两、三位; after 十 the second is the next units digit: 十七、八岁.)
          const digit = (c: string) => (c === '两' ? 2 : CN_DIGIT.indexOf(c) + 1);
          // (三、五 is the customary pair of a few: 三、五天.)
          if (digit(y) !== digit(x[x.length - 1]) + 1 && !(x === '三' && y === '五')) continue;
          const after = (mult ?? '') + rest;
          if (TWO_THINGS.test(rest) || TWO_THINGS.test(after)) continue;
          if (!mult && !MEASURE.test(rest)) continue;
          const span = `${x}、${y}${mult ?? ''}`;
          const fixed = `${x}${y}${mult ?? ''}`;
          push(
            CODES.numberApproxList, p.start + m.index, p.start + m.index + span.length,
            t(`“${span}”是两个相邻数字连用表示概数，中间不用顿号，写作“${fixed}”（GB/T 15835、15834）。`,
              `"${span}" is two adjacent numbers that together give an approximate number: no enumeration comma "、" between them, "${fixed}" (GB/T 15835, 15834).`),
            { title: t(`改为“${fixed}”`, `Change to "${fixed}"`), newText: fixed },
          );
        }
      }

      if (raw.includes('年')) {
        const years = new Map<number, string>();
        for (const re of [SHORT_YEAR_MARKED, SHORT_YEAR, SHORT_YEAR_AFTER, SHORT_YEAR_LEAD, SHORT_YEAR_PLAIN, SHORT_YEAR_DEED]) {
          re.lastIndex = 0;
          for (let m = re.exec(raw); m; m = re.exec(raw)) {
            const digits = m[1];
            const at = m.index + m[0].indexOf(digits) - (re === SHORT_YEAR_MARKED ? 1 : 0);
            if (!skipped(at)) years.set(at, re === SHORT_YEAR_MARKED ? m[0] : `${digits}年`);
          }
        }
        for (const [at, written] of [...years].sort((a, b) => a[0] - b[0])) {
          const digits = /\d{2}/.exec(written)![0];
          const full = `20${digits}年`;
          push(
            CODES.numberShortYear, p.start + at, p.start + at + written.length,
            t(`年份“${written}”省写了：公文中年份要写全，如“${full}”（GB/T 15835）。`, `The year "${written}" is shortened: write the whole year, e.g. "${full}" (GB/T 15835).`),
          );
        }
      }

      if ((raw.includes('约') || raw.includes('近') || raw.includes('超过') || raw.includes('大概')) && (raw.includes('左右') || raw.includes('上下') || raw.includes('余') || raw.includes('多'))) {
        APPROX_DOUBLE.lastIndex = 0;
        for (let m = APPROX_DOUBLE.exec(raw); m; m = APPROX_DOUBLE.exec(raw)) {
          push(
            CODES.numberApproxDouble, p.start + m.index, p.start + m.index + m[0].length,
            t(`“${m[0]}”中“${/^(?:大约|大概|约|将近|接近|近|超过)/.exec(m[0])?.[0] ?? '约'}”与“${/(左右|上下|余|多)$/.exec(m[0])?.[0] ?? '左右'}”重复表示概数，只用其一。`,
              `"${m[0]}" says "about" twice: keep either the word before the number or the one after it.`),
          );
        }
      }

      if (/\d[千百几]|\d万\d|百分之\d|[一二三四五六七八九〇][0OoＯ０]|[0OoＯ０][一二三四五六七八九〇]/.test(raw)) {
        const taken: Array<[number, number]> = [];
        for (const re of [MIXED_WAN, MIXED_MULTIPLIER, MIXED_PERCENT, MIXED_JI, MIXED_ZERO]) {
          re.lastIndex = 0;
          for (let m = re.exec(raw); m; m = re.exec(raw)) {
            const end = m.index + m[0].length;
            if (skipped(m.index) || taken.some(([s, e]) => m!.index < e && s < end)) continue;
            // (A letter O in a Latin word is no zero: COVID, "O2O".)
            if (re === MIXED_ZERO && /[A-Za-z]/.test(raw[m.index - 1] ?? '') ) continue;
            taken.push([m.index, end]);
            push(
              CODES.numberMixed, p.start + m.index, p.start + m.index + m[0].length,
              t(`“${m[0]}”混用了阿拉伯数字和汉字数字：应全用阿拉伯数字（千、百不与阿拉伯数字连写，万、亿可以），或全用汉字数字（“〇”不写作“0”）（GB/T 15835）。`,
                `"${m[0]}" mixes Arabic and Chinese numerals: write it all in Arabic numerals ("千" and "百" are not written after digits; "万" and "亿" may be) or all in Chinese ones ("〇", not "0") (GB/T 15835).`),
            );
          }
        }
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
});
