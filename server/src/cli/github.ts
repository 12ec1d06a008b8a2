/**
 * `--format github`: one GitHub Actions workflow command per finding, which the runner turns
 * into an annotation on the file and line:
 *
 *     ::error file=reports/a.txt,line=63,col=2,endLine=63,endColumn=3,title=wengao quote.unopened::右引号…
 *
 * error → ::error, warning → ::warning, information and hint → ::notice. Lines and columns are
 * 1-based, columns in UTF-16 code units (as in the text format). The message is escaped as the
 * runner's command data (%, CR, LF) and the properties also escape ':' and ','. Every other
 * control character in a property (a file name's ESC, TAB, DEL or U+009B) is written %XX too:
 * the runner decodes only those five, so it shows %1B as written, and none reaches the log raw.
 */
import * as path from 'path';
import { relativeInside } from '../io/paths';
import type { Locale, Severity } from '../core';
import { chunkText } from './jsonStream';
import { CONTROL, convertedFiles, elsewhere, perReportChunks, placeText, sourcePlace } from './render';
import type { FileResult } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

const CONTROLS = new RegExp(CONTROL.source, 'g');

export function escapeProperty(s: string): string {
  return escapeData(s)
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C')
    .replace(CONTROLS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A path as the runner wants it: relative to the working directory (the workspace), with '/'. */
export function annotationPath(p: string, cwd: string): string {
  const abs = path.resolve(cwd, p);
  return (relativeInside(cwd, abs) ?? abs).split(path.sep).join('/');
}

/** One workflow command per line, made and written a chunk at a time (as the text format). */
export function githubChunks(results: FileResult[], cwd: string, locale?: Locale): Iterable<string | Uint8Array> {
  const converted = convertedFiles(results);
  return perReportChunks(results, (r) => reportCommands(r, cwd, locale, converted));
}

export function renderGithub(results: FileResult[], cwd: string, locale?: Locale): string {
  return [...githubChunks(results, cwd, locale)].map(chunkText).join('');
}

/** One report's workflow commands. */
export function* reportCommands(r: FileResult, cwd: string, locale: Locale | undefined, converted: ReadonlyMap<string, FileResult>): Generator<string> {
  const file = annotationPath(r.path, cwd);
  // A file that could not be checked must not pass unnoticed in the run's summary.
  if (r.skipped) yield `::error file=${escapeProperty(file)},title=wengao::${escapeData(`跳过 (skipped): ${r.skipped}`)}`;
  if (r.notFollowed) yield `::notice file=${escapeProperty(file)},title=wengao::${escapeData(r.notFollowed)}`;
  if (r.notAnalyzed) yield `::notice file=${escapeProperty(file)},title=wengao::${escapeData(`未作为报告检查 (not checked as a report): ${r.notAnalyzed}`)}`;
  if (!r.lines) return;
  for (const f of r.findings) {
    const { start, end } = r.lines.range(f.span);
    const props: [string, string | number][] = [
      ['file', file],
      ['line', start.line + 1],
      ['col', start.character + 1],
      ['endLine', end.line + 1],
      ['endColumn', end.character + 1],
      ['title', `wengao ${f.code}`],
    ];
    // (A .docx or .pdf: its line is the text read's, which GitHub cannot show on the file; the
    // message opens with the place and the words there.)
    const place = sourcePlace(r, f.span.start);
    const where = place ? `${placeText(place, locale)}: ` : '';
    yield `::${COMMAND[f.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(where + f.message + elsewhere(f, locale, converted))}`;
  }
}
