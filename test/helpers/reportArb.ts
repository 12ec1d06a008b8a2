/**
 * fast-check generators of report text for the property tests: structured reports built from
 * the pieces real ones are made of (headings 一、（一）1.（1）第一，, markdown, quotations and book
 * titles, figures with units, comparators and ranges, counted lists, page breaks), raw noise
 * (CRLF, lone CR, BOM, control characters, emoji, lone surrogates), and mutations of the seeds
 * (slices deleted, inserted, duplicated; marks and digits changed; paragraphs swapped).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
export const SEEDS: { name: string; text: string }[] = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));

const FACTOR = (() => {
  const k = Number(process.env.WENGAO_PROPERTY_RUNS ?? '1');
  return Number.isFinite(k) && k > 0 ? k : 1;
})();

/**
 * fast-check parameters for a property of `base` runs. The default run is deterministic (one
 * fixed seed), so a failure in someone's unrelated change is reproducible and not a dice roll.
 * WENGAO_PROPERTY_RUNS=20 multiplies the runs and draws a fresh seed (a soak; minutes);
 * WENGAO_PROPERTY_SEED=<n> replays a seed that fast-check printed, `random` draws one.
 */
export function fcParams(base: number): { numRuns: number; seed?: number } {
  const env = process.env.WENGAO_PROPERTY_SEED;
  const seed = env === 'random' ? undefined : env ? Number(env) : FACTOR > 1 ? undefined : 20261201;
  return { numRuns: Math.max(1, Math.round(base * FACTOR)), seed };
}

/** A test timeout that grows with WENGAO_PROPERTY_RUNS. */
export const propertyTimeout = (ms: number) => Math.round(ms * Math.max(1, FACTOR));

const CN_DIGITS = '零一二三四五六七八九';

/** 1..99 as Chinese numerals: 一 … 十 … 二十三. */
export function cn(n: number): string {
  if (n <= 0) return '零';
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}

// ---------------------------------------------------------------- vocabulary

const INDICATORS = [
  '地区生产总值', '城镇新增就业', '一般公共预算收入', '粮食产量', 'PM2.5年均浓度', '优质本科高校', '老旧小区', '省级专精特新企业',
  '居民人均可支配收入', '规模以上工业增加值', '社会消费品零售总额', '固定资产投资', '城镇调查失业率', '居民消费价格', '高速公路',
  '农村危房', '普惠托育机构', '义务教育学校', '城市更新项目', '外贸进出口', '实际使用外资', '研发经费投入强度', '单位GDP能耗',
];
const VERBS = ['增长', '新增', '达到', '改造', '扩招', '下降', '提高', '建成', '完成', '实现', '控制在', '稳定在', '累计', '惠及', '突破', ''];
const BEFORE = ['', '', '', '不低于', '不高于', '超过', '约', '近', '达', '力争', '确保'];
const AFTER = ['', '', '', '以上', '左右', '以内', '以下'];
const UNITS = ['%', '万人', '家', '个', '亿元', '万元', '公里', '万亩', '个百分点', '微克/立方米', 'μg/m³', '倍', '所', '项', '人次', '亿斤', '万千瓦', '‰', '人', '户'];
const PERIODS = ['', '', '2022年', '今年', '五年来', '“十四五”期间', '到2025年', '2026年', '过去五年', '上年', '较2015年'];
const REGIONS = ['', '', '', '全省', '辽宁省', '沈阳市', '辽阳市', '全市'];
const NAMES = ['“十五五”', '二十届四中全会', '第九届', '5G', '12345热线', '“1+10”惠企政策', '一圈一带两区', 'PM2.5', '2026版'];
const WORDS = [
  '坚持稳中求进工作总基调', '推动高质量发展', '深化改革开放', '着力扩大内需', '加快建设现代化产业体系', '持续改善民生',
  '统筹发展和安全', '全面推进乡村振兴', '优化营商环境', '推进生态文明建设', '建设数字辽宁', '打好攻坚战',
  '政府工作报告', '民生实事清单', '惠及及', '确保保任务', '层层落实', '久久为功', '抓好落实', '真抓实干',
];
const TITLES = ['政府工作报告', '2026年政府工作报告', '关于2025年国民经济和社会发展计划执行情况的报告', '辽宁省人民政府', '（上接第一版）'];
const BOOK = ['《政府工作报告》', '《中华人民共和国预算法》', '《关于〈规划〉的说明》', '《辽宁日报》'];
const PLACES = ['鞍山', '抚顺', '本溪', '丹东', '锦州', '营口', '阜新', '辽阳', '铁岭', '朝阳', '盘锦', '葫芦岛', '沈抚示范区'];
const ASPECTS = ['政策', '市场', '政务', '法治', '人文', '科技', '人才', '金融'];

/** Characters that break naive code: surrogate pairs, lone surrogates, controls, odd spaces. */
export const NOISE = [
  '\uD83D\uDE00', '👍🏽', '\uD842\uDFB7', '\uD800', '\uDFFF', '\u0000', '\u0007', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085',
  '\u00A0', '\u200B', '\u200D', '\u2028', '\u2029', '\uFEFF', '\uFFFD', '\uFFFE', '\u3000', '\t', '\r', '\r\n', '\n', '\u0301', 'é',
];
/** Marks that pair, separate or start structure. */
export const MARKS = [
  '“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '〈', '〉', '【', '】', '「', '」', '『', '』', '"', "'",
  '。', '，', '、', '；', '：', '！', '？', '——', '…', '……', '～', '-', '%', '.', '．', ',', ':',
  '一、', '（一）', '(五)', '（一）、', '1.', '1、', '１．', '（1）', '(1)', '第一，', '第一,', '# ', '## ', '- ', '> ', '```', '<!--', '-->', '|',
];
/** Suppression comments (markdown), well and badly formed. */
export const DIRECTIVES = [
  '<!-- wengao-disable quote -->', '<!-- wengao-enable quote -->', '<!-- wengao-disable -->', '<!-- wengao-enable -->',
  '<!-- wengao-disable-next-line heading.marker -->', '<!-- wengao-disable-line quote.unopened, bracket -- 原文如此 -->',
  '<!-- wengao-disable no.such-code -->', '<!-- wengao-disable-line', '<!-- wengao-enable figure -->',
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

// ---------------------------------------------------------------- numbers and figures

const arabic = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 0, max: 999 }).map((n) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  fc.constantFrom('-2.3', '0', '00', '1,2', '3.', '.5', '1e5', '99999999999999999999'),
);
const chineseNumber = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map(cn),
  fc.constantFrom('三百', '两千', '一万二', '三万五千', '一百零八', '十二', '两', '几十', '三四', '上百', '千余', '百万'),
);
const number = fc.oneof({ weight: 3, arbitrary: arabic }, { weight: 1, arbitrary: chineseNumber }, { weight: 1, arbitrary: fc.tuple(arabic, pick(['万', '亿', '千'])).map(([a, m]) => a + m) });

/** A figure as written: 增长5%以上, 46.2万人, 三百家, 3%～5%, 不高于33微克/立方米. */
export const figureArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(pick(BEFORE), number, pick(UNITS), pick(AFTER)).map((p) => p.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(arabic, pick(['～', '~', '-', '—', '至', '到']), arabic, pick(UNITS), fc.boolean())
      .map(([a, sep, b, u, both]) => `${a}${both ? u : ''}${sep}${b}${u}`),
  },
  { weight: 1, arbitrary: fc.tuple(chineseNumber, pick(['至', '到', '']), chineseNumber, pick(['个', '家', '项', '倍'])).map((p) => p.join('')) },
);

/** A clause stating a figure: "全省地区生产总值增长5%以上". */
const statementArb = fc
  .tuple(pick(PERIODS), pick(REGIONS), pick(INDICATORS), pick(VERBS), figureArb)
  .map(([p, r, i, v, f]) => `${p}${r}${i}${v}${f}`);

// ---------------------------------------------------------------- sentences and paragraphs

const phrase: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: statementArb },
  { weight: 3, arbitrary: pick(WORDS) },
  { weight: 1, arbitrary: pick(NAMES) },
  { weight: 1, arbitrary: pick(BOOK) },
  { weight: 1, arbitrary: pick(WORDS).map((w) => `“${w}”`) },
  { weight: 1, arbitrary: fc.tuple(pick(WORDS), pick(WORDS)).map(([a, b]) => `“${a}‘${b}’”`) },
  { weight: 1, arbitrary: pick(WORDS).map((w) => `（${w}）`) },
  { weight: 1, arbitrary: pick(WORDS).map((w) => `「${w}」`) },
  // A quotation cut by a PDF page break in mid-sentence: "要推动“揭\n\n榜挂帅”项目".
  { weight: 1, arbitrary: fc.tuple(pick(WORDS), fc.nat(), pick(['\n\n', '\n\n\n', '\r\n\r\n', '\n \n'])).map(([w, at, br]) => `“${w.slice(0, 1 + (at % (w.length - 1)))}${br}${w.slice(1 + (at % (w.length - 1)))}”`) },
  // Defects: a quotation or bracket missing a mark, a nesting of the same shape.
  { weight: 1, arbitrary: pick(['“揭榜挂帅', '五”开局之年', '（见附件', '工作）', '“一“二”三”', '《规划']) },
  {
    weight: 1,
    // A counted list, right or wrong: "13个地区：鞍山、抚顺、……", "五大环境：政策、市场、…".
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 14 }), fc.boolean(), fc.subarray(PLACES, { minLength: 1 }), fc.subarray(ASPECTS, { minLength: 1 }))
      .map(([n, cnForm, places, aspects]) =>
        cnForm ? `${cn(n)}大环境：${aspects.join('、')}` : `${n}个地区：${places.join('、')}`,
      ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), pick(WORDS)).map(([n, w]) => `${n}件民生实事：${w}`) },
);

const sentenceArb = fc
  .tuple(fc.array(phrase, { minLength: 1, maxLength: 4 }), pick(['，', '；', '、', ',']), pick(['。', '。', '；', '！', '？', '', '…', '：']))
  .map(([ps, sep, end]) => ps.join(sep) + end);

const paragraphArb = fc.array(sentenceArb, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));

// ---------------------------------------------------------------- headings

type Level = 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'ordinal' | 'markdown';

/** A heading marker for number n, now and then in a wrong form (1、, （一）、, "(五)", 1．). */
function marker(level: Level, n: number, variant: number): string {
  switch (level) {
    case 'cn':
      return [`${cn(n)}、`, `${cn(n)}、`, `${cn(n)}，`, `${cn(n)}.`][variant % 4];
    case 'cn-paren':
      return [`（${cn(n)}）`, `（${cn(n)}）`, `(${cn(n)})`, `（${cn(n)}）、`, `（${cn(n)})`][variant % 5];
    case 'arabic':
      return [`${n}.`, `${n}.`, `${n}、`, `${n}．`, `${String.fromCharCode(0xff10 + (n % 10))}．`][variant % 5];
    case 'arabic-paren':
      return [`（${n}）`, `（${n}）`, `(${n})`, `（${n}）.`][variant % 4];
    case 'ordinal':
      return [`第${cn(n)}，`, `第${cn(n)}，`, `第${cn(n)},`, `第${cn(n)}：`][variant % 4];
    case 'markdown':
      return '#'.repeat(1 + (variant % 4)) + ' ';
  }
}

const headingArb = (level: Level, n: number) =>
  fc
    .tuple(fc.nat(20), pick(WORDS), fc.option(paragraphArb, { nil: undefined, freq: 3 }), pick(['', '', '2022年和过去五年工作', '2026年重点工作']))
    .map(([v, title, runIn, dated]) => marker(level, n, v) + (dated || title) + (runIn ? '。' + runIn : ''));

/** A section list: numbers mostly in sequence, sometimes with a gap, a repeat or disorder. */
const numbersArb = fc
  .array(fc.constantFrom(1, 1, 1, 1, 1, 1, 2, 0, -1), { minLength: 1, maxLength: 6 })
  .map((steps) => {
    const out: number[] = [];
    let n = 0;
    for (const s of steps) {
      n = Math.max(1, n + (s === 0 ? 0 : s));
      out.push(n);
    }
    return out;
  });

const LEVELS: Level[] = ['cn', 'cn-paren', 'arabic', 'arabic-paren'];

/**
 * A section list at `depth` (一、 → （一） → 1. → （1）, or 第一， in a speech, or markdown #):
 * paragraphs, then numbered headings, each with its own sub-sections now and then.
 */
function sectionArb(depth: number): fc.Arbitrary<string[]> {
  const paras = fc.array(paragraphArb, { maxLength: depth === 0 ? 2 : 3 });
  if (depth >= 3) return paras;
  return fc.tuple(paras, numbersArb, fc.constantFrom<Level | 'speech'>(LEVELS[depth], LEVELS[depth], LEVELS[depth], 'speech', 'markdown')).chain(([ps, nums, l]) => {
    const level: Level = l === 'speech' ? 'ordinal' : l;
    const child = fc.oneof(fc.constant([] as string[]), sectionArb(depth + 1));
    return fc.tuple(fc.tuple(...nums.map((n) => headingArb(level, n))), fc.tuple(...nums.map(() => child))).map(([heads, subs]) => [
      ...ps,
      ...heads.flatMap((h, i) => [h, ...subs[i]]),
    ]);
  });
}

const bodyArb = fc.oneof(sectionArb(0), sectionArb(1), sectionArb(2));

/** A title group: kicker, title, "——" subtitle, byline, date line. */
const titleArb = fc
  .tuple(pick(TITLES), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([t, sub, by, date]) =>
    [t, sub ? '——在辽宁省第十四届人民代表大会第五次会议上' : '', by ? '辽宁省省长 王新伟' : '', date ? '（2026年1月20日）' : ''].filter(Boolean),
  );

/** Markdown blocks around prose: lists, quotes, fences, comments, tables. */
const markdownBlockArb = fc.oneof(
  paragraphArb.map((p) => `- ${p}`),
  paragraphArb.map((p) => `> ${p}`),
  paragraphArb.map((p) => '```\n' + p + '“未闭合\n```'),
  paragraphArb.map((p) => `<!-- ${p}\n（ -->`),
  fc.tuple(pick(INDICATORS), figureArb).map(([i, f]) => `| 指标 | 目标 |\n|---|---|\n| ${i} | ${f} |`),
  fc.constant('```\n未闭合的代码块（'),
  fc.tuple(pick(DIRECTIVES), paragraphArb).map(([d, p]) => `${d}\n${p}`),
  fc.tuple(paragraphArb, pick(DIRECTIVES)).map(([p, d]) => `${p}${d}`),
);

/** Where a paragraph is cut: a PDF page break (blank line mid-sentence), a continuation line. */
function cutAt(p: string, at: number, how: number): string {
  const i = at % (p.length + 1);
  const sep = ['\n\n', '\n', '\n\n(上接第一版)\n\n', '\n\n\n', '\n \n'][how % 5];
  return p.slice(0, i) + sep + p.slice(i);
}

export interface ReportOptions {
  markdown: boolean;
}

/**
 * A realistic report: a title group, a body of nested sections, markdown blocks when asked,
 * page breaks cutting paragraphs, then the line endings and a sprinkle of noise.
 */
export function reportArb(options: ReportOptions): fc.Arbitrary<string> {
  const blocks = fc
    .tuple(titleArb, bodyArb, options.markdown ? fc.array(markdownBlockArb, { maxLength: 3 }) : fc.constant([] as string[]), fc.nat())
    .map(([title, body, md, k]) => {
      const all = [...title, ...body];
      md.forEach((b, i) => all.splice((k + i * 7) % (all.length + 1), 0, b));
      return all;
    });
  return fc
    .tuple(
      blocks,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 6 }),
      pick(['\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', 'mixed']),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), pick(NOISE)), { maxLength: 4 }),
    )
    .map(([parts, cuts, eol, bom, noise]) => {
      const ps = [...parts];
      for (const [which, at, how] of cuts) {
        if (ps.length === 0) break;
        const i = which % ps.length;
        ps[i] = cutAt(ps[i], at, how);
      }
      let text = '';
      ps.forEach((p, i) => {
        const sep = eol === 'mixed' ? ['\n', '\r\n', '\n\n', '\r'][i % 4] : eol;
        text += (i ? sep : '') + p;
      });
      if (eol !== '\n' && eol !== '\n\n' && eol !== 'mixed') text = text.replace(/\r?\n/g, eol.startsWith('\r\n') ? '\r\n' : eol === '\r' ? '\r' : '\n');
      for (const [at, n] of noise) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + n + text.slice(i);
      }
      return (bom ? '\uFEFF' : '') + text;
    });
}

/** Random pieces of everything, structure or not: the old soup, still a good fuzzer. */
export const soupArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(pick(MARKS), pick(NOISE), pick(WORDS), figureArb, pick(NAMES), pick(['\n', '\n\n']), pick(DIRECTIVES)), { maxLength: 200, size: 'large' })
  .map((a) => a.join(''));

// ---------------------------------------------------------------- mutations of the seeds

export type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; piece: string }
  | { op: 'duplicate'; at: number; len: number; to: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'digit'; at: number; digit: string }
  | { op: 'crlf'; at: number; len: number }
  | { op: 'break'; at: number };

const lenArb = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 400 }));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: lenArb }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(pick(MARKS), pick(NOISE), figureArb, sentenceArb, fc.string({ maxLength: 4 }), pick(DIRECTIVES)) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), len: lenArb, to: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom(...'0123456789') }),
  fc.record({ op: fc.constant('crlf' as const), at: fc.nat(), len: lenArb }),
  fc.record({ op: fc.constant('break' as const), at: fc.nat() }),
);

/** Applies mutations in turn; positions are taken modulo the current length. */
export function mutate(text: string, ops: readonly Mutation[]): string {
  let t = text;
  for (const m of ops) {
    const at = 'at' in m ? m.at % (t.length + 1) : 0;
    switch (m.op) {
      case 'delete':
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      case 'insert':
        t = t.slice(0, at) + m.piece + t.slice(at);
        break;
      case 'duplicate': {
        const piece = t.slice(at, at + m.len);
        const to = m.to % (t.length + 1);
        t = t.slice(0, to) + piece + t.slice(to);
        break;
      }
      case 'swap': {
        const paras = t.split(/\n{2,}|\n/);
        if (paras.length < 2) break;
        const seps = t.match(/\n{2,}|\n/g) ?? [];
        const a = m.a % paras.length;
        const b = m.b % paras.length;
        [paras[a], paras[b]] = [paras[b], paras[a]];
        t = paras.map((p, i) => p + (seps[i] ?? '')).join('');
        break;
      }
      case 'digit': {
        const rest = t.slice(at).search(/[0-9０-９]/);
        if (rest >= 0) t = t.slice(0, at + rest) + m.digit + t.slice(at + rest + 1);
        break;
      }
      case 'crlf':
        t = t.slice(0, at) + t.slice(at, at + m.len).replace(/\r?\n/g, '\r\n') + t.slice(at + m.len);
        break;
      case 'break':
        t = t.slice(0, at) + '\n\n' + t.slice(at);
        break;
    }
  }
  return t;
}

/** A window of a seed (or the whole of a small one), then mutations. */
export const seedMutantArb: fc.Arbitrary<{ seed: string; text: string }> = fc
  .tuple(fc.nat(SEEDS.length - 1), fc.nat(), fc.oneof(fc.integer({ min: 200, max: 3000 }), fc.constant(Infinity)), fc.array(mutationArb, { minLength: 1, maxLength: 8 }))
  .map(([k, start, len, ops]) => {
    const seed = SEEDS[k];
    // A whole seed only when small: the big compilation (002) is cut into windows.
    const whole = len === Infinity && seed.text.length < 30_000;
    const s = whole ? 0 : start % seed.text.length;
    const base = whole ? seed.text : seed.text.slice(s, s + (len === Infinity ? 3000 : len));
    return { seed: seed.name, text: mutate(base, ops) };
  });

// ---------------------------------------------------------------- characters beyond the BMP

/**
 * What a rare character looks like in UTF-16: Han beyond the BMP (𠮷 in names and places), an
 * emoji with its modifier, a Han character with an ideographic variation selector, combining
 * marks and a joiner.
 */
export const ASTRAL = ['𠮷', '𡈼', '𪚥', '𤭢', '😀', '👍🏽', '葛\u{E0100}', '\u0301', '\uFE0F', '\u200D'];

/**
 * `base` with many such characters put in at character boundaries (never inside a pair the text
 * already holds): next to figures, inside list items and headings, where excerpts are cut.
 */
export function astralArb(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat(ASTRAL.length - 1), fc.integer({ min: 1, max: 6 })), { minLength: 5, maxLength: 60 })).map(([text, inserts]) => {
    let t = text;
    for (const [at, which, times] of inserts) {
      let i = at % (t.length + 1);
      const c = t.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (t.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
      t = t.slice(0, i) + ASTRAL[which].repeat(times) + t.slice(i);
    }
    return t;
  });
}
