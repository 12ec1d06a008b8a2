/**
 * A project's configuration: `.wengaorc.json`, found upward from each report (the layers find
 * it; the core only reads its text). Parsing never fails: a malformed file gives findings on the
 * file itself (codes `config.syntax`, `config.invalid`, `config.unknown-key`) and the defaults
 * apply to whatever could not be read.
 *
 *     {
 *       "checks":  { "figure.target": "off", "quote": "error" },   // per code or family
 *       "include": ["**\/*.txt"], "exclude": ["archive/**"],         // relative to the file
 *       "units":   ["标准台", { "unit": "万标准台", "base": "标准台", "factor": 10000 }],
 *       "terms":   ["百千万工程"],                                   // names, not figures
 *       "year":    2026,                                            // for undated documents
 *       "region":  "甘肃省",                                          // for documents naming no place
 *       "aliases": { "地区生产总值": ["经济总量"] },                    // names of one indicator
 *       "substitutions": { "网格化管理员": "网格员", "截止": null },      // term.* wordings
 *       "language": "zh"                                            // messages: zh or en
 *     }
 *
 * VS Code settings mirror these keys (`wengao.checks`, …); `mergeConfig` lays the file over
 * them: a key the file sets wins, and `checks` merges code by code.
 */
import { ParseError, createScanner, getNodeValue, parseTree, printParseErrorCode, type Node } from 'jsonc-parser';
import { CODES, Code, Finding, Severity } from './findings';
import { Locale, isLocale, tr } from './locale';
import { UnitDef, unitDef } from './figures/units';
import { MAX_GLOBS, globProblem } from './globs';
import { clip } from './text';

export const CONFIG_FILE = '.wengaorc.json';

export type CheckSetting = Severity | 'off';

export interface WengaoConfig {
  /** Per code ("quote.unclosed") or family ("quote"): a severity, or off. */
  checks: Record<string, CheckSetting>;
  /** Globs relative to the config file's folder: the reports checked and indexed. */
  include?: string[];
  exclude?: string[];
  /** Extra units and classifiers. */
  units: UnitDef[];
  /** Names that contain numbers but are not figures (百千万工程, 3个100). */
  terms: string[];
  /** The year of documents that do not state one. */
  year?: number;
  /** The region (a province or city) of documents that name none. */
  region?: string;
  /** Other names of indicators, by the name compared under (consistency/aliases.ts adds its own). */
  aliases?: Record<string, string[]>;
  /**
   * The project's own wordings for `term.*`: wrong form → right form, joining the built-in list
   * (terms.ts); null turns a built-in entry off.
   */
  substitutions?: Record<string, string | null>;
  language?: Locale;
}

export const EMPTY_CONFIG: WengaoConfig = { checks: {}, units: [], terms: [] };

/** Code families: a key such as "quote" sets every code that starts with "quote.". */
export const FAMILIES = [...new Set(Object.values(CODES).map((c) => c.split('.')[0]))];

const SEVERITIES: readonly CheckSetting[] = ['error', 'warning', 'information', 'hint', 'off'];
/** Nesting of objects and arrays a config file may have (its deepest setting has three). */
const MAX_NESTING = 32;

/**
 * Where the nesting of { and [ first goes past `limit`; undefined if it never does. Read with the
 * parser's own scanner, so that strings and comments end where the parser ends them (a string
 * ends at a line break too: a guard of its own let "x\n followed by 5,000 [ through, and the
 * parser's recursion overflowed the stack). A loop, not a recursion: any depth costs one pass.
 */
function tooDeep(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, true);
  // (The kinds open, innermost last: a closer closes only its own kind, as the parser reads it;
  // it skips a } inside a list as an error, so "[}," repeated nests without end.)
  const open: number[] = [];
  // (SyntaxKind is a const enum of the .d.ts, not in the bundle: 1 { 2 } 3 [ 4 ] 17 end.)
  for (let kind = scanner.scan(); kind !== 17; kind = scanner.scan()) {
    if (kind === 1 || kind === 3) {
      open.push(kind);
      if (open.length > limit) return scanner.getTokenOffset();
    } else if ((kind === 2 || kind === 4) && open[open.length - 1] === kind - 1) open.pop();
  }
  return undefined;
}

const KEYS = ['$schema', 'checks', 'include', 'exclude', 'units', 'terms', 'year', 'region', 'aliases', 'substitutions', 'language'];

export interface ParsedConfig {
  config: WengaoConfig;
  /** Problems with the file, as findings on its text. */
  findings: Finding[];
}

/** Reads a config file's text. Comments and trailing commas are allowed (JSON with comments). */
export function parseConfig(text: string, locale?: Locale): ParsedConfig {
  const findings: Finding[] = [];
  const config: WengaoConfig = { checks: {}, units: [], terms: [] };
  const problem = (code: Code, severity: Severity, node: { offset: number; length: number } | undefined, zh: string, en: string) => {
    const start = node ? node.offset : 0;
    const end = node ? node.offset + Math.max(node.length, 1) : Math.min(text.length, 1);
    findings.push({ code, severity, message: tr(locale, zh, en), span: { start, end: Math.min(end, text.length) }, related: [], fixes: [] });
  };
  // The parser recurses per level: a file nested thousands deep would overflow its stack. No
  // setting is nested more than three deep.
  const deep = tooDeep(text, MAX_NESTING);
  if (deep !== undefined) {
    problem(CODES.configSyntax, 'error', { offset: deep, length: 1 }, `配置文件嵌套超过 ${MAX_NESTING} 层，不予读取：使用默认设置。`, `The config file is nested deeper than ${MAX_NESTING} levels and is not read: the defaults apply.`);
    return { config, findings };
  }
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (err) {
    // (A backstop: the guard above is meant to leave the parser nothing that deep.)
    if (!(err instanceof RangeError)) throw err;
    problem(CODES.configSyntax, 'error', { offset: 0, length: 1 }, `配置文件嵌套过深，不予读取：使用默认设置。`, `The config file is nested too deep to be read: the defaults apply.`);
    return { config, findings };
  }
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    const [zh, en] = JSON_ERRORS[code] ?? ['格式有误', code];
    problem(CODES.configSyntax, 'error', { offset: e.offset, length: e.length }, `配置文件不是有效的 JSON（此处${zh}）：请改正；改正之前，读得出的设置照常生效，其余用默认值。`, `The config file is not valid JSON (${en} here): fix it; meanwhile the settings that can be read apply, the defaults for the rest.`);
  }
  if (!root) return { config, findings };
  if (root.type !== 'object') {
    problem(CODES.configInvalid, 'error', root, '配置文件应是一个 JSON 对象 { … }；使用默认设置。', 'The config file should be a JSON object { … }; the defaults apply.');
    return { config, findings };
  }
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    if (!value) continue;
    switch (key) {
      case '$schema':
        break;
      case 'checks':
        readChecks(value, config, problem);
        break;
      case 'include':
      case 'exclude': {
        const list = stringList(value);
        if (!list) {
          problem(CODES.configInvalid, 'error', value, `“${key}”应是 glob 字符串的列表，如 ["**/*.txt"]；此项改用默认值。`, `"${key}" should be a list of glob strings such as ["**/*.txt"]; its default applies.`);
          break;
        }
        if (list.length > MAX_GLOBS) {
          problem(CODES.configInvalid, 'error', value, `“${key}”的模式多于 ${MAX_GLOBS} 个；此项改用默认值。`, `"${key}" has more than ${MAX_GLOBS} patterns; its default applies.`);
          break;
        }
        // A pattern beyond the limits (globs.ts) is left out, each with its own problem.
        const items = value.children ?? [];
        config[key] = list.filter((g, k) => {
          const why = globProblem(g);
          if (why) problem(CODES.configInvalid, 'error', items[k] ?? value, `模式${why.zh}，匹配代价过高；此模式不生效。`, `The pattern is ${why.en}, too costly to match; it is ignored.`);
          return !why;
        });
        break;
      }
      case 'terms': {
        const list = stringList(value);
        if (list) config.terms = list.filter((t) => t.trim().length > 0);
        else problem(CODES.configInvalid, 'error', value, '“terms”应是字符串列表，如 ["百千万工程"]；此项不生效。', '"terms" should be a list of strings such as ["百千万工程"]; it is ignored.');
        break;
      }
      case 'units':
        readUnits(value, config, problem);
        break;
      case 'year': {
        const v = getNodeValue(value);
        if (typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2100) config.year = v;
        else problem(CODES.configInvalid, 'error', value, `“year”应是 1949 到 2100 之间的年份，如 2026，而不是 ${short(v)}；此项不生效。`, `"year" should be a year from 1949 to 2100 such as 2026, not ${short(v)}; it is ignored.`);
        break;
      }
      case 'region': {
        const v = getNodeValue(value);
        if (typeof v === 'string' && /^[\p{Script=Han}]{2,12}$/u.test(v.trim())) config.region = v.trim();
        else problem(CODES.configInvalid, 'error', value, `“region”应是省或市的名称，如 "甘肃省"、"宜宾市"，而不是 ${short(v)}；此项不生效。`, `"region" should be the name of a province or city in Chinese, such as "甘肃省", not ${short(v)}; it is ignored.`);
        break;
      }
      case 'aliases': {
        const v = getNodeValue(value);
        const ok = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'));
        if (ok) config.aliases = v as Record<string, string[]>;
        else problem(CODES.configInvalid, 'error', value, '“aliases”应是对象，键为比较时所用的指标名称，值为其他叫法的列表，如 { "地区生产总值": ["经济总量"] }；此项不生效。', '"aliases" should be an object from the name an indicator is compared under to a list of its other names, such as { "地区生产总值": ["经济总量"] }; it is ignored.');
        break;
      }
      case 'substitutions':
        readSubstitutions(value, config, problem);
        break;
      case 'language': {
        const v = getNodeValue(value);
        if (isLocale(v)) config.language = v;
        else problem(CODES.configInvalid, 'error', value, `“language”只能是 "zh"（中文）或 "en"（英文），而不是 ${short(v)}；使用中文。`, `"language" must be "zh" (Chinese) or "en" (English), not ${short(v)}; Chinese applies.`);
        break;
      }
      default: {
        const near = nearest(key, KEYS.slice(1));
        problem(CODES.configUnknownKey, 'warning', keyNode, `未知的配置项“${key}”${near ? `：是否想写“${near}”？` : '。'}可用的配置项：${KEYS.slice(1).join('、')}。`, `Unknown setting "${key}"${near ? `: did you mean "${near}"?` : '.'} Known settings: ${KEYS.slice(1).join(', ')}.`);
      }
    }
  }
  return { config, findings };
}

type Problem = (code: Code, severity: Severity, node: Node | undefined, zh: string, en: string) => void;

/** `substitutions`: each entry is read on its own; a wrong one is reported and left out. */
function readSubstitutions(node: Node, config: WengaoConfig, problem: Problem): void {
  if (node.type !== 'object') {
    problem(CODES.configInvalid, 'error', node, '“substitutions”应是对象，键为错误写法，值为正确写法（null 表示关闭内置的这一条），如 { "网格化管理员": "网格员" }；此项不生效。', '"substitutions" should be an object from a wrong form to its right form (null turns a built-in entry off), such as { "网格化管理员": "网格员" }; it is ignored.');
    return;
  }
  const out: Record<string, string | null> = {};
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const wrong = String(keyNode.value);
    const right = getNodeValue(valueNode);
    if (!/\p{Script=Han}/u.test(wrong) || wrong.length > 30 || /\s/.test(wrong)) {
      problem(CODES.configInvalid, 'error', keyNode, `“${clip(wrong, 20)}”不是可查找的写法：错误写法应是 1 到 30 个字、含汉字、不含空白；此条不生效。`, `"${clip(wrong, 20)}" is not a form that can be looked for: a wrong form is 1 to 30 characters with Chinese in it and no spaces; the entry is ignored.`);
    } else if (right === null) {
      out[wrong] = null;
    } else if (typeof right !== 'string' || right.trim() === '' || right.includes(wrong)) {
      problem(CODES.configInvalid, 'error', valueNode, `“${clip(wrong, 20)}”的正确写法应是不含它的非空字符串（或 null，关闭内置的这一条），而不是 ${short(right)}；此条不生效。`, `The right form of "${clip(wrong, 20)}" should be a non-empty string that does not contain the wrong form (or null, to turn a built-in entry off), not ${short(right)}; the entry is ignored.`);
    } else {
      out[wrong] = right;
    }
  }
  config.substitutions = out;
}

function readChecks(node: Node, config: WengaoConfig, problem: Problem): void {
  if (node.type !== 'object') {
    problem(CODES.configInvalid, 'error', node, '“checks”应是对象，如 { "figure.target": "off" }；此项不生效。', '"checks" should be an object such as { "figure.target": "off" }; it is ignored.');
    return;
  }
  const codes = new Set<string>(Object.values(CODES));
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || typeof k.value !== 'string' || !v) continue;
    const key = k.value;
    if (!codes.has(key) && !FAMILIES.includes(key)) {
      const near = nearest(key, [...codes, ...FAMILIES]) ?? [...codes].find((c) => c.startsWith(key.split('.')[0] + '.'));
      problem(CODES.configUnknownKey, 'warning', k, `未知的检查代码“${key}”${near ? `：是否想写“${near}”？` : '。'}可写代码（如 quote.unclosed）或类别（如 quote）。`, `Unknown check code "${key}"${near ? `: did you mean "${near}"?` : '.'} Write a code (quote.unclosed) or a family (quote).`);
      continue;
    }
    const value = getNodeValue(v);
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) config.checks[key] = value as CheckSetting;
    else problem(CODES.configInvalid, 'error', v, `“${key}”的级别只能是 ${SEVERITIES.join('、')}，而不是 ${short(value)}；此项不生效。`, `The level of "${key}" must be one of ${SEVERITIES.join(', ')}, not ${short(value)}; it is ignored.`);
  }
}

function readUnits(node: Node, config: WengaoConfig, problem: Problem): void {
  if (node.type !== 'array') {
    problem(CODES.configInvalid, 'error', node, '“units”应是列表，如 ["标准台"] 或 [{ "unit": "万标准台", "base": "标准台", "factor": 10000 }]；此项不生效。', '"units" should be a list such as ["标准台"] or [{ "unit": "万标准台", "base": "标准台", "factor": 10000 }]; it is ignored.');
    return;
  }
  const defined = new Map<string, UnitDef>();
  for (const item of node.children ?? []) {
    const v = getNodeValue(item);
    const bad = (zh: string, en: string) => problem(CODES.configInvalid, 'error', item, zh, en);
    if (typeof v === 'string') {
      if (!v.trim()) {
        bad('单位不能为空字符串。', 'A unit cannot be an empty string.');
        continue;
      }
      const def: UnitDef = { unit: v, base: v, factor: 1, dimension: `count:${v}` };
      defined.set(v, def);
      config.units.push(def);
      continue;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      bad(`单位应是字符串或 { "unit": …, "base": …, "factor": … }，而不是 ${short(v)}。`, `A unit should be a string or { "unit": …, "base": …, "factor": … }, not ${short(v)}.`);
      continue;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.unit !== 'string' || !o.unit.trim()) {
      bad('单位对象缺少“unit”（单位的写法，如 "万标准台"）。', 'The unit object lacks "unit" (how the unit is written, e.g. "万标准台").');
      continue;
    }
    const factor = o.factor === undefined ? 1 : o.factor;
    if (typeof factor !== 'number' || !(factor > 0) || !Number.isFinite(factor)) {
      bad(`“factor”应是正数（折算为基本单位的倍数），而不是 ${short(o.factor)}。`, `"factor" should be a positive number (the multiple of the base unit), not ${short(o.factor)}.`);
      continue;
    }
    if (o.base !== undefined && (typeof o.base !== 'string' || !o.base.trim())) {
      bad('“base”应是基本单位的写法，如 "标准台" 或 "元"。', '"base" should be how the base unit is written, e.g. "标准台" or "元".');
      continue;
    }
    if (o.dimension !== undefined && typeof o.dimension !== 'string') {
      bad('“dimension”应是字符串。', '"dimension" should be a string.');
      continue;
    }
    const baseName = (o.base as string | undefined) ?? o.unit;
    // A base that is itself a unit (built in, or defined above): inherit its base and dimension.
    const known = baseName !== o.unit ? defined.get(baseName) ?? unitDef(baseName) : undefined;
    const def: UnitDef = known
      ? { unit: o.unit, base: known.base, factor: factor * known.factor, dimension: (o.dimension as string | undefined) ?? known.dimension }
      : { unit: o.unit, base: baseName, factor, dimension: (o.dimension as string | undefined) ?? `count:${baseName}` };
    defined.set(def.unit, def);
    config.units.push(def);
  }
}

/** jsonc-parser's error names in words (Chinese, English), not CloseBraceExpected. */
const JSON_ERRORS: Record<string, [string, string]> = {
  InvalidSymbol: ['有无效的字符', 'an invalid character'],
  InvalidNumberFormat: ['数字格式有误', 'a malformed number'],
  PropertyNameExpected: ['应是用双引号括起的键名', 'a key in double quotes is expected'],
  ValueExpected: ['应是一个值（如 "off"，字符串要加双引号）', 'a value is expected (strings need double quotes, as "off")'],
  ColonExpected: ['键名后应有冒号 :', 'a colon : is expected after the key'],
  CommaExpected: ['应有逗号 ,', 'a comma , is expected'],
  CloseBraceExpected: ['缺少右花括号 }', 'a closing brace } is missing'],
  CloseBracketExpected: ['缺少右方括号 ]', 'a closing bracket ] is missing'],
  EndOfFileExpected: ['之后不应再有内容', 'nothing should follow'],
  InvalidCommentToken: ['注释格式有误', 'a malformed comment'],
  UnexpectedEndOfComment: ['注释没有结束', 'a comment is not closed'],
  UnexpectedEndOfString: ['字符串缺少结尾的双引号', 'a string is missing its closing quote'],
  UnexpectedEndOfNumber: ['数字不完整', 'an incomplete number'],
  InvalidUnicode: ['有无效的 Unicode 转义', 'an invalid Unicode escape'],
  InvalidEscapeCharacter: ['有无效的转义字符', 'an invalid escape character'],
  InvalidCharacter: ['有无效的字符', 'an invalid character'],
};

/** The known name closest to a misspelt one (transpositions count once), if close enough. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function stringList(node: Node): string[] | undefined {
  const v = getNodeValue(node);
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

function short(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 40 ? clip(s, 37) : s;
}

/** The file over the settings: a key the file sets wins; `checks` merges code by code. */
export function mergeConfig(settings: WengaoConfig, file: WengaoConfig | undefined): WengaoConfig {
  if (!file) return settings;
  return {
    checks: { ...settings.checks, ...file.checks },
    include: file.include ?? settings.include,
    exclude: file.exclude ?? settings.exclude,
    units: file.units.length ? file.units : settings.units,
    terms: file.terms.length ? file.terms : settings.terms,
    year: file.year ?? settings.year,
    region: file.region ?? settings.region,
    aliases: file.aliases ?? settings.aliases,
    substitutions: file.substitutions ?? settings.substitutions,
    language: file.language ?? settings.language,
  };
}

/**
 * The per-code severities a config sets: a family key ("quote") applies to its codes, and an
 * exact code wins over its family.
 */
export function severityOverrides(config: WengaoConfig): Partial<Record<Code, CheckSetting>> {
  const out: Partial<Record<Code, CheckSetting>> = {};
  for (const code of Object.values(CODES)) {
    const v = checkSetting(config, code);
    if (v) out[code] = v;
  }
  return out;
}

/** What the config sets for one code (or family): the exact key, else its family's. */
export function checkSetting(config: WengaoConfig, code: string): CheckSetting | undefined {
  return config.checks[code] ?? config.checks[code.split('.')[0]];
}
