/** The plain formats: text and JSON for `check`, and the formats of `figures`. */
import { CODES, Figure, Finding, LineIndex, SEVERITY_ORDER, Locale, inWorkspaceTerms, listedTarget, toCsv, toMarkdownTable, tr, workspaceOf } from '../core';
import type { FiguresFormat } from './args';
import { Streamed, chunkText, chunked, document, hole, mapped } from './jsonStream';
import type { Counts, FileResult } from './report';
import { SourcePlace, placeOf } from '../formats';

/** The place of `offset` in a converted file (.docx) as the reviewer finds it; undefined for a text file. */
export function sourcePlace(r: Pick<FileResult, 'source' | 'lines'>, offset: number): SourcePlace | undefined {
  if (!r.source || !r.lines) return undefined;
  const line = r.lines.lineAt(offset);
  return placeOf(r.source, r.lines.text, line, r.lines.starts[line], r.lines.lineEnd(line), offset);
}

/** A place as text output names it: 第8段（“…新增就业60万人…”）, in English paragraph 8 ("…"). */
export function placeText(place: SourcePlace, locale?: Locale): string {
  return tr(locale, `${place.zh}（“${place.excerpt}”）`, `${place.en} ("${place.excerpt}")`);
}

/**
 * Where a position is as text output shows it, after the path: `line:col` (1-based), or in a
 * converted file the paragraph (page and line) and an excerpt.
 */
function at(r: Pick<FileResult, 'source' | 'lines'>, line: number, character: number, locale?: Locale): string {
  const place = r.source && r.lines ? sourcePlace(r, r.lines.offset({ line, character })) : undefined;
  return place ? placeText(place, locale) : `${line + 1}:${character + 1}`;
}

/**
 * Where the other documents a finding names are, as `path:line:col` (a message names a document
 * by its title, and two drafts often share one): ` （另见 brief.txt:9:53、…）`, in English
 * ` (see also brief.txt:9:53, …)`, or '' when none.
 */
export function elsewhere(f: Finding, locale?: Locale, converted?: ReadonlyMap<string, FileResult>): string {
  const places = f.related
    .filter((r) => r.path && r.range)
    .map((r) => `${escapedPath(r.path!)}:${escapedPath(at(converted?.get(r.path!) ?? {}, r.range!.start.line, r.range!.start.character, locale))}`);
  return places.length ? tr(locale, ` （另见 ${places.join('、')}）`, ` (see also ${places.join(', ')})`) : '';
}

/** The converted files among the results, by path (a finding's other documents are named by path). */
export function convertedFiles(results: FileResult[]): Map<string, FileResult> {
  return new Map(results.filter((r) => r.source).map((r) => [r.path, r]));
}

/** The control characters: C0, DEL and C1. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * A path as a line of text output shows it: control characters escaped (\n, \x1b), so a file
 * name cannot forge a finding's line or send terminal escapes: C0 (U+0000–U+001F), DEL and C1
 * (U+0080–U+009F, whose U+009B a terminal may read as the escape that opens a command).
 */
export function escapedPath(p: string): string {
  return CONTROL.test(p) ? p.replace(CONTROLS, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)) : p;
}

/**
 * One line per finding, `path:line:col: severity code message`, 1-based like compilers; the
 * message escaped as the path is (one may quote the report's text, or a failed check's error).
 */
export function* textLineItems(results: FileResult[], locale?: Locale): Generator<string> {
  const converted = convertedFiles(results);
  for (const r of results) yield* reportLines(r, locale, converted);
}

export function* reportLines(r: FileResult, locale: Locale | undefined, converted: ReadonlyMap<string, FileResult>): Generator<string> {
  if (!r.lines) return;
  const shown = escapedPath(r.path);
  for (const f of r.findings) {
    const p = r.lines.position(f.span.start);
    yield `${shown}:${escapedPath(at(r, p.line, p.character, locale))}: ${f.severity} ${f.code} ${escapedPath(f.message)}${elsewhere(f, locale, converted)}`;
  }
}

export function textLines(results: FileResult[], locale?: Locale): string[] {
  return [...textLineItems(results, locale)];
}

/**
 * The text format in chunks, each written as it is made: the lines are never all held at once
 * (2,000,000 findings made 361 MB of text, held twice, as lines and as one string).
 */
export function textChunks(results: FileResult[], locale?: Locale): Iterable<string | Uint8Array> {
  const converted = convertedFiles(results);
  return perReportChunks(results, (r) => reportLines(r, locale, converted));
}

/**
 * An output that is each report's lines one after another (text, GitHub), in chunks; a report's
 * lines kept by the cache (`printed`) are written as they were kept.
 */
export function perReportChunks(results: readonly FileResult[], linesOf: (r: FileResult) => Iterable<string>): Iterable<string | Uint8Array> {
  function* pieces(): Generator<string | Uint8Array> {
    for (const r of results) {
      if (r.printed) yield r.printed.text;
      else for (const line of linesOf(r)) yield `${line}\n`;
    }
  }
  return chunked(pieces());
}

/** Lines as one string, each with its line end: a report's lines as the cache keeps them. */
export function joinedLines(lines: Iterable<string>): string {
  let out = '';
  for (const line of lines) out += `${line}\n`;
  return out;
}

/** The counts a report's findings make at the run's threshold ([error, warning, information, hint, suppressed]), and whether a check failed on it: kept with its printed lines. */
export function countsOf(r: FileResult): { counts: Counts; failed: boolean } {
  if (r.printed) return { counts: [...r.printed.counts], failed: r.printed.failed };
  const counts: Counts = [0, 0, 0, 0, r.suppressed.length];
  for (const f of r.findings) counts[SEVERITY_ORDER[f.severity]]++;
  return { counts, failed: r.findings.some((f) => f.code === CODES.internalCheckFailed) };
}

/** Whether a report's lines name places in other .docx or .pdf files (which may change while it does not). */
export function namesOtherSources(r: FileResult, converted: ReadonlyMap<string, FileResult>): boolean {
  return r.findings.some((f) => f.related.some((x) => x.path !== undefined && x.path !== r.path && converted.has(x.path)));
}

export function renderText(results: FileResult[], locale?: Locale): string {
  return [...textChunks(results, locale)].map(chunkText).join('');
}

/** A converted file's place in JSON: `location` as the reviewer names it, the page or paragraph, and the excerpt. */
export function placeJson(place: SourcePlace | undefined) {
  if (!place) return {};
  const o = place.origin;
  const where =
    o?.part === 'paragraph' ? { paragraph: o.paragraph }
    : o?.part === 'page' ? { page: o.page, pageLine: o.line }
    : o?.part === 'table' ? { table: o.table, row: o.row }
    : o?.part === 'footnote' || o?.part === 'endnote' ? { [o.part]: o.note }
    : {};
  return { source: { location: place.zh, ...where, excerpt: place.excerpt } };
}

function jsonFinding(f: Finding, r: FileResult, converted: ReadonlyMap<string, FileResult>) {
  const lines = r.lines!;
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: lines.range(f.span),
    ...placeJson(sourcePlace(r, f.span.start)),
    related: f.related.map((x) => {
      const other = x.path ? converted.get(x.path) : r;
      const range = x.range ?? lines.range(x.span);
      const place = other?.source && other.lines ? sourcePlace(other, other.lines.offset(range.start)) : undefined;
      return { path: x.path ?? r.path, range, message: x.message, ...placeJson(place) };
    }),
  };
}

/**
 * The JSON contract (version 1): 0-based lines and UTF-16 characters, as in LSP. In chunks, each
 * diagnostic made as its place in the text comes (jsonStream.ts): the same bytes as
 * JSON.stringify of the whole document, which for 2,000,000 findings ran out of memory (4.4 GB).
 */
export function jsonChunks(results: FileResult[]): Iterable<string> {
  const converted = convertedFiles(results);
  const files = mapped(results, (r) =>
    r.lines && !r.skipped
      ? new Streamed(
          {
            path: r.path,
            ...(r.source ? { format: r.source.format, ...(r.source.notes.length ? { notes: r.source.notes } : {}) } : {}),
            diagnostics: hole('d'),
            ...(r.notAnalyzed ? { notAnalyzed: r.notAnalyzed } : {}),
          },
          { d: mapped(r.findings, (f) => jsonFinding(f, r, converted)) },
        )
      : r.notFollowed && !r.skipped
        ? { path: r.path, diagnostics: [], notFollowed: r.notFollowed }
        : { path: r.path, diagnostics: [], skipped: r.skipped },
  );
  return chunked(document(new Streamed({ version: 1, files: hole('files') }, { files })));
}

export function renderJson(results: FileResult[]): string {
  return [...jsonChunks(results)].join('');
}

function figureJson(f: Figure, path: string, lines: LineIndex) {
  return {
    path,
    range: lines.range(f.span),
    text: f.text,
    indicator: f.indicator,
    verb: f.verb ?? null,
    value: f.value,
    ...(f.max !== undefined ? { max: f.max } : {}),
    unit: f.unit,
    normalized: { value: f.normalized.value, ...(f.normalized.max !== undefined ? { max: f.normalized.max } : {}), unit: f.normalized.unit },
    comparator: f.comparator,
    period: f.period,
    periodSource: f.periodSource,
    region: f.region,
    kind: f.kind,
    section: f.section,
  };
}

export function renderFigures(results: FileResult[], format: FiguresFormat, targetsOnly: boolean, locale?: Locale): string {
  // Documents that state no year or province are read against the others (as figure.mismatch reads them).
  const ws = workspaceOf(results.map((r) => r.analysis?.facts));
  const rows = results.flatMap((r) =>
    r.analysis && r.lines
      ? r.analysis.figures
          .filter((f) => !targetsOnly || listedTarget(f))
          .map((figure) => ({ path: r.path, line: r.lines!.position(figure.span.start).line + 1, figure: inWorkspaceTerms(figure, ws), lines: r.lines!, result: r }))
          // (In a .docx or .pdf the tables name the place, 第8段 or 第3页第5行, not a line of the text read.)
          .map((row) => {
            const place = sourcePlace(r, row.figure.span.start);
            return place ? { ...row, place: tr(locale, place.zh, place.en) } : row;
          })
      : [],
  );
  switch (format) {
    case 'csv':
      return toCsv(rows.map((r) => ('place' in r ? { ...r, line: r.place } : r)), locale);
    case 'markdown':
      // (Read in a terminal as often as in a file: each line escaped as a path is, the path and
      // the text quoted from the report alike, so that no ESC reaches the terminal raw.)
      return toMarkdownTable(rows.map((r) => ('place' in r ? { ...r, line: r.place } : r)), locale).split('\n').map(escapedPath).join('\n');
    case 'text':
      return (
        rows
          .map(({ path, line, figure: f, lines, result }) =>
            escapedPath(`${path}:${at(result, line - 1, lines.position(f.span.start).character, locale)}: ${f.kind} ${f.period ?? '-'} ${f.region ?? '-'} ${f.statement}`),
          )
          .join('\n') + (rows.length ? '\n' : '')
      );
    default:
      return JSON.stringify({ version: 1, figures: rows.map(({ path, figure, lines, result }) => ({ ...figureJson(figure, path, lines), ...placeJson(sourcePlace(result, figure.span.start)) })) }, null, 2) + '\n';
  }
}
