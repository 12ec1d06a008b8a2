/**
 * Data-driven tests: one fixture file holds many cases; each case is a text with its
 * expectations written inline, and `checkCase` compares them with what the core reports.
 *
 * Format of a `.fixture` file:
 *
 *     === name of the case
 *     --- markdown            (optional: analyse as markdown; default plain text)
 *     text, where ⟦code⟧ stands right before the mark a finding of that code must start at,
 *     and ⟦@⟧ right before the mark a finding's related location must point at.
 *     --- fixed               (optional: the text after applying every finding's first fix)
 *     …
 *     --- outline             (optional: the outline, one symbol a line, two spaces a level)
 *     …
 *     --- figures             (optional: every figure, one a line, as `renderFigure` writes it)
 *     …
 *     --- config              (optional: a .wengaorc.json the analysis runs with)
 *     …
 *     --- ignore              (optional: .wengaoignore lines that apply to the text)
 *     …
 *
 * ⟦-code⟧ marks a finding that the checks make but a wengao-disable comment, the config or the
 * ignore file suppresses: it must be found and suppressed, not merely absent.
 *
 * A case whose first section is `--- wengaorc` is a config file instead: its ⟦code⟧ marks are
 * the problems `parseConfig` reports, and `--- effective` (JSON) the configuration it reads.
 *
 *     --- en                  (optional: the English texts of every finding, as `renderEnglish`
 *     code: message            writes them: one line `code: message` per finding in the order
 *       @ related message      reported, then one indented line per related location and per
 *       fix: fix title         quick fix, in their order)
 *
 * A first line `checks: id id …` before the first case limits the file to those checks (default:
 * all of them), so each check's fixtures speak of that check alone.
 *
 * A case with no ⟦code⟧ expects no finding at all: conventions that must stay silent.
 * Every finding must be expected and every expectation found; nothing is matched loosely.
 *
 * Both languages, every case: the text is analysed in Chinese (the default) and again with
 * locale 'en'. The Chinese texts (message, related messages, fix titles) must contain Han
 * characters. The English analysis must report the same findings: codes, severities, spans,
 * related locations (span, path, range) and fixes' edits, in the same order; only the texts
 * differ. Each English text must be non-empty, differ from its Chinese twin, and pass the rule
 * of `englishProblems`:
 *
 *   In English, text taken from the document (indicators, values, statements, heading markers,
 *   items, document names) is set in straight double quotes "…", and only there may Chinese
 *   stand. Remove every "…" span: what is left must hold no Han character and none of the
 *   Chinese punctuation marks ，。；：、！？ (a sign of a sentence left half translated). The
 *   marks a message is about (“ ” ‘ ’ 「 」 （ ） 《 》 …) may stand bare, so the curly quotes are
 *   not treated as quoting: that would let “ … ” hide whatever stands between two of them.
 *   The straight quotes must pair.
 *
 * `--- en` pins the exact English wording; the rule above holds for every case without it.
 */
import { readFileSync } from 'fs';
import {
  analyze, buildOutline, CHECKS, COMPARATOR_SIGN, DocKind, Figure, Finding, IgnoreEntry, OutlineNode, WengaoConfig, parseConfig, parseIgnoreFile,
} from '../../server/src/core';
import type { Check } from '../../server/src/core/checks';
import type { Locale } from '../../server/src/core/locale';

export interface Case {
  name: string;
  file: string;
  kind: DocKind;
  text: string;
  expected: { offset: number; code: string }[];
  related: number[];
  checks?: readonly Check[];
  fixed?: string;
  outline?: string;
  figures?: string;
  suppressed: { offset: number; code: string }[];
  config?: string;
  ignore?: string;
  /** The text is a .wengaorc.json. */
  wengaorc?: boolean;
  effective?: string;
  en?: string;
}

const MARK = /⟦([^⟧]*)⟧/g;

export function parseFixtures(file: string): Case[] {
  const src = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const cases: Case[] = [];
  const chunks = src.split(/^=== /m);
  const header = /^checks:(.*)$/m.exec(chunks[0]);
  let checks: readonly Check[] | undefined;
  if (header) {
    const ids = header[1].trim().split(/\s+/);
    checks = CHECKS.filter((c) => ids.includes(c.id));
    if (checks.length !== ids.length) throw new Error(`${file}: unknown check in "${header[0]}"`);
  }
  for (const chunk of chunks.slice(1)) {
    const nl = chunk.indexOf('\n');
    const name = chunk.slice(0, nl).trim();
    const sections = chunk.slice(nl + 1).split(/^--- /m);
    let kind: DocKind = 'plaintext';
    let raw = sections[0];
    let fixed: string | undefined;
    let outline: string | undefined;
    let figures: string | undefined;
    let config: string | undefined;
    let ignore: string | undefined;
    let effective: string | undefined;
    let wengaorc = false;
    let en: string | undefined;
    for (const s of sections.slice(1)) {
      const head = s.slice(0, s.indexOf('\n') + 1 || s.length).trim();
      const body = s.slice(s.indexOf('\n') + 1);
      if (head === 'markdown') {
        // "--- markdown" after the text marks it markdown; with text of its own, that text is
        // the case's. (An empty section used to replace the text above with nothing: every
        // case written so was checked against an empty document.)
        kind = 'markdown';
        if (body.trim()) raw = body;
      } else if (head === 'fixed') fixed = body.replace(/\n+$/, '');
      else if (head === 'outline') outline = body.replace(/\n+$/, '');
      else if (head === 'figures') figures = body.replace(/\n+$/, '');
      else if (head === 'config') config = body;
      else if (head === 'ignore') ignore = body;
      else if (head === 'effective') effective = body.replace(/\n+$/, '');
      else if (head === 'wengaorc') {
        wengaorc = true;
        raw = body;
      }
      else if (head === 'en') en = body.replace(/\n+$/, '');
      else throw new Error(`${file}: case "${name}": unknown section "--- ${head}"`);
    }
    raw = raw.replace(/\n+$/, '');
    // (A case must have a text to check: an empty one passes whatever the code does.)
    if (!raw.trim()) throw new Error(`${file}: case "${name}" has no text`);
    const expected: Case['expected'] = [];
    const related: number[] = [];
    const suppressed: Case['suppressed'] = [];
    let text = '';
    let last = 0;
    for (const m of raw.matchAll(MARK)) {
      text += raw.slice(last, m.index);
      last = m.index! + m[0].length;
      if (m[1] === '@') related.push(text.length);
      else if (m[1].startsWith('-')) suppressed.push({ offset: text.length, code: m[1].slice(1) });
      else expected.push({ offset: text.length, code: m[1] });
    }
    text += raw.slice(last);
    cases.push({ name, file, kind, text, expected, related, fixed, outline, figures, en, checks, suppressed, config, ignore, wengaorc, effective });
  }
  return cases;
}

function describeFinding(text: string, offset: number, code: string): string {
  const line = text.slice(0, offset).split('\n').length;
  return `${code} at line ${line} before "${text.slice(offset, offset + 6).replace(/\n/g, '⏎')}"`;
}

export function renderOutline(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => ['  '.repeat(depth) + n.name, ...renderOutline(n.children, depth + 1)]);
}

/** `46.2万人 = 城镇新增就业(新增) =46.2 万人 → 462000 人 | 2022 | actual | 辽宁省` */
export function renderFigure(f: Figure): string {
  const value = `${COMPARATOR_SIGN[f.comparator]}${f.value}${f.max !== undefined ? `～${f.max}` : ''}`;
  const norm = `${f.normalized.value}${f.normalized.max !== undefined ? `～${f.normalized.max}` : ''} ${f.normalized.unit}`;
  return `${f.text} = ${f.indicator}${f.verb ? `(${f.verb})` : ''} ${value} ${f.unit} → ${norm} | ${f.period ?? '-'}${f.part ? `:${f.part}` : ''} | ${f.kind} | ${f.region ?? '-'}`;
}

const HAN = /\p{Script=Han}/u;
const CHINESE_PUNCTUATION = /[，。；：、！？]/;

/** What is wrong with one English text (empty: nothing); `zh` is its Chinese twin. See the header. */
export function englishProblems(en: string, zh: string, what: string): string[] {
  if (!en.trim()) return [`${what} is empty in English`];
  if (en === zh) return [`${what} is not translated: ${en}`];
  const problems: string[] = [];
  if ((en.match(/"/g) ?? []).length % 2) problems.push(`${what} has an unpaired " in English: ${en}`);
  const outside = en.replace(/"[^"]*"/g, '""');
  if (HAN.test(outside)) problems.push(`${what} has Chinese outside quoted document text in English: ${en}`);
  if (CHINESE_PUNCTUATION.test(outside)) problems.push(`${what} has Chinese punctuation outside quoted document text in English: ${en}`);
  return problems;
}

/** A finding without its texts: what must not depend on the language. */
function shape(f: Finding): string {
  return JSON.stringify({
    code: f.code,
    severity: f.severity,
    span: f.span,
    related: f.related.map((r) => ({ span: r.span, path: r.path, range: r.range })),
    fixes: f.fixes.map((x) => x.edits),
  });
}

/** Each text of a finding with a name for reports: the message, related messages, fix titles. */
function texts(f: Finding): [string, string][] {
  return [
    [`${f.code} message`, f.message],
    ...f.related.map((r, i): [string, string] => [`${f.code} related[${i}]`, r.message]),
    ...f.fixes.map((x, i): [string, string] => [`${f.code} fixes[${i}].title`, x.title]),
  ];
}

/**
 * The same findings in Chinese (`zh`) and in English (`en`): the same shapes in the same order,
 * every Chinese text with Han characters, every English text passing `englishProblems`.
 */
export function localeProblems(zh: Finding[], en: Finding[]): string[] {
  const problems: string[] = [];
  if (zh.length !== en.length) {
    return [`${zh.length} findings in Chinese, ${en.length} in English: ${zh.map((f) => f.code).join(', ')} / ${en.map((f) => f.code).join(', ')}`];
  }
  for (let i = 0; i < zh.length; i++) {
    const z = zh[i];
    const e = en[i];
    if (shape(z) !== shape(e)) {
      problems.push(`finding ${i} differs between the languages:
${shape(z)}
${shape(e)}`);
      continue;
    }
    const zt = texts(z);
    const et = texts(e);
    for (let k = 0; k < zt.length; k++) {
      const [what, zhText] = zt[k];
      if (!HAN.test(zhText)) problems.push(`${what} is not Chinese: ${zhText}`);
      problems.push(...englishProblems(et[k][1], zhText, what));
    }
  }
  return problems;
}

/** The English texts of findings as a `--- en` section writes them. */
export function renderEnglish(findings: Finding[]): string {
  return findings
    .flatMap((f) => [`${f.code}: ${f.message}`, ...f.related.map((r) => `  @ ${r.message}`), ...f.fixes.map((x) => `  fix: ${x.title}`)])
    .join('\n');
}

function applyFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fixes[0]?.edits ?? []).sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const key = (x: { offset: number; code: string }) => `${x.offset}:${x.code}`;

/** Compares findings (offset and code) with the marks; `what` names them in the problems. */
function compare(text: string, want: Case['expected'], got: Case['expected'], what: string, problems: string[]): void {
  const wanted = new Set(want.map(key));
  const have = new Set(got.map(key));
  for (const e of want) if (!have.has(key(e))) problems.push(`missing ${what}${describeFinding(text, e.offset, e.code)}`);
  for (const g of got) if (!wanted.has(key(g))) problems.push(`unexpected ${what}${describeFinding(text, g.offset, g.code)}`);
}

/** A config file case: the problems parseConfig reports, and the configuration it reads. */
function checkConfigCase(c: Case): string[] {
  const problems: string[] = [];
  const { config, findings } = parseConfig(c.text);
  compare(c.text, c.expected, findings.map((f) => ({ offset: f.span.start, code: f.code })), '', problems);
  problems.push(...localeProblems(findings, parseConfig(c.text, 'en').findings));
  if (c.effective !== undefined) {
    const got = JSON.stringify(config);
    const want = JSON.stringify(JSON.parse(c.effective));
    if (got !== want) problems.push(`effective config:\n${got}\nexpected:\n${want}`);
  }
  return problems;
}

/** Returns a list of mismatches; empty when the case holds. */
export function checkCase(c: Case): string[] {
  if (c.wengaorc) return checkConfigCase(c);
  const problems: string[] = [];
  let config: WengaoConfig | undefined;
  if (c.config !== undefined) {
    const parsed = parseConfig(c.config);
    if (parsed.findings.length) problems.push(`the case's config has problems: ${parsed.findings.map((f) => f.message).join('; ')}`);
    config = parsed.config;
  }
  let ignore: IgnoreEntry[] | undefined;
  if (c.ignore !== undefined) {
    const parsed = parseIgnoreFile(c.ignore);
    if (parsed.findings.length) problems.push(`the case's ignore lines have problems: ${parsed.findings.map((f) => f.message).join('; ')}`);
    ignore = parsed.entries;
  }
  const analysis = analyze(c.text, { kind: c.kind, checks: c.checks, config, ignore });
  if (analysis.failures.length) problems.push(...analysis.failures.map((f) => `check ${f.check} threw: ${f.error}`));
  const got = analysis.findings.map((f) => ({ offset: f.span.start, code: f.code }));
  compare(c.text, c.expected, got, '', problems);
  compare(c.text, c.suppressed, analysis.suppressed.map((s) => ({ offset: s.finding.span.start, code: s.finding.code })), 'suppressed ', problems);
  const relatedGot = new Set(analysis.findings.flatMap((f) => f.related.map((r) => r.span.start)));
  for (const r of c.related) if (!relatedGot.has(r)) problems.push(`missing related location ${describeFinding(c.text, r, '@')}`);
  for (const r of relatedGot) if (!c.related.includes(r)) problems.push(`unexpected related location ${describeFinding(c.text, r, '@')}`);
  for (const f of analysis.findings) {
    if (f.span.start < 0 || f.span.end > c.text.length || f.span.end < f.span.start) problems.push(`range out of the document: ${f.code}`);
  }
  // The same case in English: the same findings, other texts.
  const locale: Locale = 'en';
  const english = analyze(c.text, { kind: c.kind, checks: c.checks, locale, config, ignore });
  if (english.failures.length) problems.push(...english.failures.map((f) => `check ${f.check} threw in English: ${f.error}`));
  problems.push(...localeProblems(analysis.findings, english.findings));
  if (c.en !== undefined) {
    const got = renderEnglish(english.findings);
    if (got !== c.en) problems.push(`English:\n${got}\nexpected:\n${c.en}`);
  }
  if (c.fixed !== undefined) {
    const fixed = applyFixes(c.text, analysis.findings);
    if (fixed !== c.fixed) problems.push(`after the fixes:\n${fixed}\nexpected:\n${c.fixed}`);
    const again = analyze(fixed, { kind: c.kind, checks: c.checks, config, ignore }).findings.filter((f) => f.fixes.length > 0);
    if (again.length) problems.push(`the fixed text still has fixable findings: ${again.map((f) => f.code).join(', ')}`);
  }
  if (c.figures !== undefined) {
    const got = analysis.figures.map(renderFigure).join('\n');
    if (got !== c.figures) problems.push(`figures:\n${got}\nexpected:\n${c.figures}`);
  }
  if (c.outline !== undefined) {
    const outline = renderOutline(buildOutline(analysis.model)).join('\n');
    if (outline !== c.outline) problems.push(`outline:\n${outline}\nexpected:\n${c.outline}`);
  }
  return problems;
}
