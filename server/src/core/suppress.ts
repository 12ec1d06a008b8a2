/**
 * Suppression: a writer silences a finding they have judged justified, and it stays silent when
 * the text around it is edited.
 *
 * - In markdown, HTML comments (they do not print):
 *     <!-- wengao-disable [codes] -->  …  <!-- wengao-enable [codes] -->
 *     <!-- wengao-disable-next-line [codes] -->   (the next non-blank line)
 *     <!-- wengao-disable-line [codes] -->        (the line the comment is on)
 *   Codes are exact (quote.unclosed) or families (quote), separated by spaces or commas; none
 *   means every code. A reason may follow " -- ".
 * - For plain text, where a comment would print: an ignore file (`.wengaoignore`), one finding
 *   a line: `path code fingerprint  # note`. The fingerprint hashes the code and the text of the
 *   finding with a few characters either side on its line, not its line number, so edits
 *   elsewhere in the document leave it valid. `*` as the fingerprint ignores every finding of
 *   that code in the file. The layers find the file and pick the entries for a document; the
 *   core only parses texts and filters findings.
 */
import { CODES, Finding } from './findings';
import type { DocKind } from './model';
import { Locale, tr } from './locale';
import { MAX_GLOBS, globProblem } from './globs';
import { LineIndex, clip } from './text';
import { WengaoConfig, checkSetting, nearest } from './config';

export const IGNORE_FILE = '.wengaoignore';

export interface IgnoreEntry {
  /** As written: a path relative to the ignore file's folder, or a glob. */
  path: string;
  code: string;
  /** 16 hex digits, or '*' for every finding of the code. */
  fingerprint: string;
  note?: string;
  /** 0-based line in the ignore file. */
  line: number;
}

export interface Suppressed {
  finding: Finding;
  by: 'comment' | 'ignore-file';
}

/** Every code Wengao reports, and the families they belong to (quote, figure, …). */
const ALL_CODES: readonly string[] = Object.values(CODES);
const FAMILIES: readonly string[] = [...new Set(ALL_CODES.map((c) => c.split('.')[0]))];

/** Whether a directive or ignore entry names something: '*', a code or a family of codes. */
function knownKey(key: string): boolean {
  return key === '*' || ALL_CODES.includes(key) || FAMILIES.includes(key);
}

/** What to say of a key that names nothing: its nearest code or family, if one is close. */
function unknownKeyMessage(key: string, where: 'comment' | 'entry', locale: Locale | undefined): string {
  const near = key.length <= 40 ? nearest(key, [...ALL_CODES, ...FAMILIES]) : undefined;
  const shown = clip(key, 40);
  return tr(
    locale,
    `“${shown}”不是文稿的问题代码或类别，${where === 'comment' ? '这条注释' : '此行'}对它不起作用${near ? `。是否应为“${near}”？` : '。代码见 README 的检查列表。'}`,
    `"${shown}" is no code or family of codes Wengao reports: this ${where === 'comment' ? 'comment' : 'line'} silences nothing under it${near ? `. Did you mean "${near}"?` : '. See the list of checks in the README.'}`,
  );
}

/** Whether a directive or entry naming `key` covers `code`: the code itself, its family or all. */
export function covers(key: string, code: string): boolean {
  return key === '*' || key === code || code.startsWith(key + '.');
}

// ---------------------------------------------------------------------------------------------
// Fingerprints

const WINDOW = 8;
const MAX_SPAN = 40;

/** The text a fingerprint is taken from: the finding's text with a few characters either side on its line. */
function fingerprintExcerpt(text: string, span: { start: number; end: number }): string {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length, start + MAX_SPAN));
  let a = start;
  for (let n = 0; a > 0 && n < WINDOW && text[a - 1] !== '\n' && text[a - 1] !== '\r'; n++) a--;
  let b = end;
  for (let n = 0; b < text.length && n < WINDOW && text[b] !== '\n' && text[b] !== '\r'; n++) b++;
  return text.slice(a, b).replace(/\s+/g, '');
}

/** A stable 16-hex-digit fingerprint of a finding: its code and the text around it. */
export function fingerprint(text: string, finding: Pick<Finding, 'code' | 'span'>): string {
  const s = `${finding.code}\u0000${fingerprintExcerpt(text, finding.span)}`;
  return hex32(fnv1a(s, 0x811c9dc5)) + hex32(fnv1a(s, 0x01000193 ^ 0x5bd1e995));
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// The ignore file

const FINGERPRINT = /^(?:[0-9a-f]{16}|\*)$/;

/** Parses an ignore file; malformed lines are reported as findings on it and skipped. */
export function parseIgnoreFile(text: string, locale?: Locale): { entries: IgnoreEntry[]; findings: Finding[] } {
  const entries: IgnoreEntry[] = [];
  const findings: Finding[] = [];
  let offset = 0;
  const lines = text.split('\n');
  let globs = 0;
  lines.forEach((raw, line) => {
    const start = offset;
    offset += raw.length + 1;
    const l = raw.replace(/\r$/, '');
    if (!l.trim() || l.trimStart().startsWith('#')) return;
    const fields = splitFields(l);
    const bad = (zh: string, en: string) =>
      findings.push({ code: CODES.configInvalid, severity: 'error', message: tr(locale, zh, en), span: { start, end: start + Math.max(1, l.length) }, related: [], fixes: [] });
    if (!fields || fields.fields.length < 3) {
      bad('忽略文件的每行应是“路径 代码 指纹”（可加 # 注释），如：报告.txt quote.unopened 3f2a9c1e5b7d0a42；此行不生效。', 'Each line of the ignore file should be "path code fingerprint" (a # note may follow), e.g. report.txt quote.unopened 3f2a9c1e5b7d0a42; this line is ignored.');
      return;
    }
    const [path, code, fp] = fields.fields;
    if (!knownKey(code)) {
      bad(unknownKeyMessage(code, 'entry', locale), unknownKeyMessage(code, 'entry', 'en'));
      return;
    }
    if (!FINGERPRINT.test(fp)) {
      bad(`指纹“${fp}”应是 16 位十六进制数字或 *；此行不生效。`, `The fingerprint "${fp}" should be 16 hexadecimal digits or *; this line is ignored.`);
      return;
    }
    // (Globs are matched against every report: bounded in number and in cost, globs.ts.)
    const why = globProblem(path);
    if (why) {
      bad(`路径模式${why.zh}，匹配代价过高；此行不生效。`, `The path pattern is ${why.en}, too costly to match; this line is ignored.`);
      return;
    }
    if (/[*?[{]/.test(path)) {
      if (++globs > MAX_GLOBS) {
        // (Said once, on the first line over: a file of 100,000 such lines gets one finding.)
        if (globs === MAX_GLOBS + 1) bad(`忽略文件中的路径模式多于 ${MAX_GLOBS} 行：自此行起，带模式的行都不生效。`, `The ignore file has more than ${MAX_GLOBS} lines with path patterns: from this line on, lines with patterns are ignored.`);
        return;
      }
    }
    entries.push({ path, code, fingerprint: fp, note: fields.note, line });
  });
  return { entries, findings };
}

/** One line of an ignore file. */
export function formatIgnoreEntry(path: string, code: string, fp: string, note?: string): string {
  const p = /[\s"#]/.test(path) ? JSON.stringify(path) : path;
  const n = note ? `  # ${clip(note.replace(/[\r\n]+/g, ' '), 60, '')}` : '';
  return `${p} ${code} ${fp}${n}`;
}

function splitFields(l: string): { fields: string[]; note?: string } | undefined {
  const fields: string[] = [];
  let i = 0;
  while (i < l.length) {
    while (i < l.length && /\s/.test(l[i])) i++;
    if (i >= l.length) break;
    if (l[i] === '#') {
      return { fields, note: l.slice(i + 1).trim() || undefined };
    }
    if (l[i] === '"') {
      // A quoted path, JSON string syntax.
      let k = i + 1;
      while (k < l.length && l[k] !== '"') k += l[k] === '\\' ? 2 : 1;
      try {
        fields.push(JSON.parse(l.slice(i, k + 1)) as string);
      } catch {
        return undefined;
      }
      i = k + 1;
      continue;
    }
    let k = i;
    while (k < l.length && !/\s/.test(l[k])) k++;
    fields.push(l.slice(i, k));
    i = k;
  }
  return { fields };
}

// ---------------------------------------------------------------------------------------------
// Comments in markdown

interface Region {
  /** Offsets [start, end): findings starting inside are suppressed. */
  start: number;
  end: number;
  /** Codes or families; ['*'] for all. */
  keys: string[];
}

const DIRECTIVE = /<!--\s*wengao-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

/** The regions a markdown document's wengao-disable comments silence. */
function directiveRegions(text: string, kind: DocKind): Region[] {
  if (kind !== 'markdown' || !text.includes('wengao-')) return [];
  const regions: Region[] = [];
  // Open wengao-disable regions: key → where it started.
  const open = new Map<string, number>();
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    const keys = directiveKeys(m[2]);
    switch (m[1]) {
      case 'disable':
        for (const k of keys) if (!open.has(k)) open.set(k, at);
        break;
      case 'enable': {
        const closing = keys.includes('*') ? [...open.keys()] : keys;
        for (const k of closing) {
          const s = open.get(k);
          if (s === undefined) continue;
          regions.push({ start: s, end: at, keys: [k] });
          open.delete(k);
        }
        break;
      }
      case 'disable-line': {
        const [a, b] = lineBounds(text, at);
        regions.push({ start: a, end: b, keys });
        break;
      }
      case 'disable-next-line': {
        const end = at + m[0].length;
        let [, b] = lineBounds(text, end);
        // The next line that is not blank.
        let a = nextLineStart(text, b);
        for (;;) {
          if (a >= text.length) break;
          const [, e] = lineBounds(text, a);
          if (text.slice(a, e).trim()) {
            b = e;
            break;
          }
          a = nextLineStart(text, e);
        }
        if (a < text.length) regions.push({ start: a, end: b, keys });
        break;
      }
    }
  }
  for (const [k, s] of open) regions.push({ start: s, end: text.length + 1, keys: [k] });
  return regions;
}

/**
 * A markdown document's wengao-disable comments that name no code Wengao reports (a typo such as
 * quote.unopend): each such key a `config.invalid` warning on its comment, which silences nothing.
 */
export function directiveProblems(text: string, kind: DocKind, locale?: Locale): Finding[] {
  if (kind !== 'markdown' || !text.includes('wengao-')) return [];
  const out: Finding[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    for (const key of directiveKeys(m[2])) {
      if (knownKey(key)) continue;
      out.push({ code: CODES.configInvalid, severity: 'warning', message: unknownKeyMessage(key, 'comment', locale), span: { start: at, end: at + m[0].length }, related: [], fixes: [] });
    }
  }
  return out;
}

function directiveKeys(body: string): string[] {
  const codes = body.split(/\s--\s|\s--$/)[0];
  const keys = codes.split(/[\s,，]+/).filter(Boolean);
  return keys.length ? keys : ['*'];
}

/**
 * The line holding `at`: its start and the start of its line end. Lines end as LSP says: at
 * CR, LF or CRLF. (Each search stays within the line: a call costs the line, not the text.)
 */
function lineBounds(text: string, at: number): [number, number] {
  // (Character by character: a search for '\n' alone would cross a whole text of lone CRs.)
  let a = at;
  for (let c = text.charCodeAt(a - 1); a > 0 && c !== 10 && c !== 13; c = text.charCodeAt(a - 1)) a--;
  let b = at;
  for (let c = text.charCodeAt(b); b < text.length && c !== 10 && c !== 13; c = text.charCodeAt(b)) b++;
  return [a, b];
}

/** Where the line after the one ending at `b` (the start of its line end) starts. */
function nextLineStart(text: string, b: number): number {
  return b + (text[b] === '\r' && text[b + 1] === '\n' ? 2 : 1);
}

/** The line end at `b` as written, or undefined at the end of the text. */
function lineEndAt(text: string, b: number): string | undefined {
  if (text[b] === '\r') return text[b + 1] === '\n' ? '\r\n' : '\r';
  return text[b] === '\n' ? '\n' : undefined;
}

/**
 * Drops the suppressed findings: by the document's own comments (markdown) and by the ignore
 * entries that apply to it (already chosen for this document by the layer).
 */
export function suppress(findings: Finding[], text: string, kind: DocKind, ignore: readonly IgnoreEntry[] = []): { kept: Finding[]; suppressed: Suppressed[] } {
  const regions = directiveRegions(text, kind);
  if (regions.length === 0 && ignore.length === 0) return { kept: findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const f of findings) {
    if (regions.some((r) => r.start <= f.span.start && f.span.start < r.end && r.keys.some((k) => covers(k, f.code)))) {
      suppressed.push({ finding: f, by: 'comment' });
      continue;
    }
    let fp: string | undefined;
    if (ignore.length && ignore.some((e) => covers(e.code, f.code) && (e.fingerprint === '*' || e.fingerprint === (fp ??= fingerprint(text, f))))) {
      suppressed.push({ finding: f, by: 'ignore-file' });
      continue;
    }
    kept.push(f);
  }
  return { kept, suppressed };
}

/**
 * The edit that silences a finding in a markdown document with a comment, changing nothing that
 * prints: a `wengao-disable-next-line` line above a line that starts a block (a heading, the
 * first line of a paragraph), else a `wengao-disable-line` comment at the end of the finding's
 * line (an HTML comment line inside a paragraph would split it in two).
 */
export function suppressionEdit(text: string, finding: Pick<Finding, 'code' | 'span'>): { span: { start: number; end: number }; newText: string } {
  const at = Math.max(0, Math.min(finding.span.start, text.length));
  const [a, b] = lineBounds(text, at);
  // The line before: its line end ends at `a`.
  const prevEnd = a === 0 ? 0 : a >= 2 && text[a - 2] === '\r' && text[a - 1] === '\n' ? a - 2 : a - 1;
  const prev = a === 0 ? '' : text.slice(lineBounds(text, prevEnd)[0], prevEnd);
  const line = text.slice(a, b);
  const startsBlock = a === 0 || !prev.trim() || /^\s{0,3}(#{1,6}\s|<!--)/.test(line) || /-->\s*$/.test(prev);
  if (startsBlock) {
    // The line's own ending (or, on a last line without one, the line's before): a per-finding
    // scan of the whole text for "\r\n" cost O(size) for each diagnostic published.
    const nl = lineEndAt(text, b) ?? (a === 0 ? '\n' : lineEndAt(text, prevEnd) ?? '\n');
    return { span: { start: a, end: a }, newText: `<!-- wengao-disable-next-line ${finding.code} -->${nl}` };
  }
  const end = b;
  return { span: { start: end, end }, newText: ` <!-- wengao-disable-line ${finding.code} -->` };
}

/**
 * The entries whose staleness an analysis can judge: not those of a code the config turns off
 * (nothing of it is found, so nothing is silenced), nor figure.mismatch's before the other
 * documents are known (`crossKnown`). The CLI and the editor judge the same entries.
 */
export function judgedIgnoreEntries(entries: readonly IgnoreEntry[], config: WengaoConfig, crossKnown = true): IgnoreEntry[] {
  return entries.filter((e) => checkSetting(config, e.code) !== 'off' && (crossKnown || !covers(e.code, CODES.figureMismatch)));
}

/**
 * The entries of an ignore file that name this report by its path and a fingerprint, and
 * silenced nothing in it (`suppressed`: what the report's analysis silenced): the finding was
 * fixed, or the text around it changed (then it is back under another fingerprint). An ESLint
 * "unused disable". Entries for every finding of a code (`*`) and globs are never stale here.
 */
export function staleIgnoreEntries(text: string, entries: readonly IgnoreEntry[], suppressed: readonly Suppressed[]): IgnoreEntry[] {
  const named = entries.filter((e) => e.fingerprint !== '*' && !/[*?[{]/.test(e.path));
  if (!named.length) return [];
  // (Each silenced finding fingerprinted once: the editor asks after every analysis.)
  const codesByPrint = new Map<string, string[]>();
  for (const x of suppressed) {
    if (x.by !== 'ignore-file') continue;
    const fp = fingerprint(text, x.finding);
    const codes = codesByPrint.get(fp);
    if (codes) codes.push(x.finding.code);
    else codesByPrint.set(fp, [x.finding.code]);
  }
  return named.filter((e) => !(codesByPrint.get(e.fingerprint) ?? []).some((code) => covers(e.code, code)));
}

/** The note on a stale ignore line (staleIgnoreEntries): information, on the whole line. */
export function staleIgnoreFinding(ignoreText: string, entry: IgnoreEntry, locale?: Locale, lines: LineIndex = new LineIndex(ignoreText)): Finding {
  // (Callers noting many lines pass one LineIndex of the file.)
  const start = Math.min(lines.offset({ line: entry.line, character: 0 }), ignoreText.length);
  const nl = ignoreText.indexOf('\n', start);
  const end = nl < 0 ? ignoreText.length : nl > start && ignoreText[nl - 1] === '\r' ? nl - 1 : nl;
  return {
    code: CODES.configInvalid,
    severity: 'information',
    message: tr(
      locale,
      `此行不再屏蔽任何问题：${entry.path} 中没有指纹为 ${entry.fingerprint} 的 ${entry.code}（问题已改正，或其前后文字已改动）。可删去此行。`,
      `This line silences nothing any more: ${entry.path} has no ${entry.code} with the fingerprint ${entry.fingerprint} (the finding was fixed, or the text around it changed). The line can go.`,
    ),
    span: { start, end },
    related: [],
    fixes: [],
  };
}
