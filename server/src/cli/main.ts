/**
 * The `wengao` command: `wengao check` and `wengao figures` over files, folders, globs and
 * standard input. Each report gets the project configuration and ignore file that apply to it
 * (the nearest `.wengaorc.json` and `.wengaoignore` upward, or `--config`), as in the editor;
 * the problems of those files are reported as findings on them. Exit status: see EXIT_CODES in
 * args.ts (0 clean, 1 findings, 2 usage or unreadable input).
 */
import { createHash } from 'crypto';
import { statSync } from 'fs';
import * as path from 'path';
import {
  CROSS_CHECKS, CheckFailure, DocumentEntry, FigureIndex, Suppressed, Finding, LOCAL_CHECKS, Locale, LineIndex, SEVERITY_ORDER, analyze, decode, documentKind, indexEntry, inWorkspace, judgedIgnoreEntries, listedTarget, recheck, staleIgnoreEntries, workspaceOf, staleIgnoreFinding, tr, withCross,
} from '../core';
import { ConfigResolver, Resolved } from '../io/config';
import type { WorkspaceFs } from '../io/workspaceFs';
import { tagNumbers } from '../io/exactJson';
import pkg from '../../../package.json';
import { CheckFormat, DEFAULT_CACHE, FiguresFormat, Options, STDIN_NAME, parseArgs } from './args';
import { CachedReport, FileStamp, PartUnreadable, ReportCache, Stated, contentDigest, crossDigests, runDigest, sameStamp, stampOf, statedFrom, statedNow } from './cache';
import { canonicalizer, cutEntry, liveKeys } from './statements';
import type { SourceText } from '../formats';
import { Source, UsageError, collect, readReport, readStdin } from './files';
import { MAX_INPUT_BYTES, tooLarge } from '../io/read';
import { nodeFs } from '../io/workspaceFs';
import { LEXICON_FILE, provideLexiconBeside } from '../io/lexiconFile';
import { relativeInside } from '../io/paths';
import { githubChunks, reportCommands } from './github';
import { convertedFiles, countsOf, joinedLines, jsonChunks, namesOtherSources, renderFigures, reportLines, textChunks, escapedPath, textLines } from './render';
import type { FileResult, ToolInfo } from './report';
import { sarifChunks } from './sarif';
import { ShardFile, ShardResult, checkInParallel, runShard, threadsFor, type ShardInit } from './parallel';
import { isMainThread, parentPort, workerData } from 'worker_threads';

export const VERSION: string = pkg.version;

// The word list beside the bundle (dist/lexicon.txt), for this thread and the workers alike.
provideLexiconBeside(__dirname, (m) => process.stderr.write(`wengao: ${m}\n`));

/** The repository's address from package.json, as a page people can open. */
export const TOOL: ToolInfo = {
  name: 'Wengao',
  version: VERSION,
  informationUri: pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''),
};

export interface CliIO {
  /** Standard input's bytes, read when `-` is given. */
  stdin: () => Promise<Uint8Array>;
  cwd: string;
  /** The CLI bundle, which worker threads run to check many reports at once; without it, one thread. */
  workerScript?: string;
  /** What a --cache file is tied to besides the version: the build (a digest of the bundle), asked only with --cache. */
  build?: () => string;
}

export async function main(
  argv: string[],
  /** Standard output, given a chunk at a time; a promise: wait for it before the next (a full pipe). */
  out: (s: string | Uint8Array) => unknown,
  err: (s: string) => void,
  io: CliIO = { stdin: readStdin, cwd: process.cwd() },
): Promise<number> {
  const parsed = parseArgs(argv, VERSION);
  if (!parsed.ok) {
    if (parsed.stdout) out(parsed.stdout);
    if (parsed.stderr) err(parsed.stderr);
    return parsed.exit;
  }
  const o = parsed.options;
  // The CLI reads the disk (the user named the files): one WorkspaceFs for the config files,
  // the file selection and the reports (the threads read theirs with `nodeFs` too).
  const fs = nodeFs;
  const resolver = new ConfigResolver({ fs, explicit: o.config ? path.resolve(io.cwd, o.config) : undefined, locale: o.lang });
  if (o.config) {
    try {
      await resolver.readConfig(path.resolve(io.cwd, o.config));
    } catch (e) {
      // (Its path escaped, as every path on stderr is: control characters reach no terminal raw.)
      err(`wengao: ${escapedPath(e instanceof Error ? e.message : String(e))}\n`);
      return 2;
    }
  }
  const stdinPath = o.stdin ? o.stdinFilename ?? STDIN_NAME : undefined;
  let sources: Source[];
  try {
    sources = await collect(o.paths, resolver, o.stdinFilename, fs);
  } catch (e) {
    if (e instanceof UsageError) {
      // (The problems of the config files that left every report out come first: they say why.)
      const explaining = new Map<string, FileResult>();
      for (const resolved of e.configs) noteProjectFiles(resolver, resolved, o.lang, explaining, io.cwd);
      for (const line of textLines([...explaining.values()], o.lang)) err(`wengao: ${line}\n`);
      sayUnread(explaining, err);
      // (And the links the walk did not follow, which may be where the reports were.)
      for (const n of e.notes) err(`wengao: ${escapedPath(n.path)}: ${n.message}\n`);
      err(`wengao: ${escapedPath(e.message)}\n`);
      return 2;
    }
    throw e;
  }

  // Each report with its configuration; the config and ignore files that have problems.
  const reports: Checked[] = [];
  const projectFiles = new Map<string, FileResult>();
  const planned: { source: Source; shown: string; resolved: Resolved }[] = [];
  // (A link reached by a folder and by a glob is named once; on stderr now, and in the output as
  // a file not followed, no error.)
  const noted = new Set<string>();
  const links: FileResult[] = [];
  for (const source of sources) {
    if (source.kind === 'note') {
      const line = `wengao: ${escapedPath(source.path)}: ${source.message}\n`;
      if (!noted.has(line)) {
        err(line);
        links.push({ path: source.path, role: 'report', findings: [], suppressed: [], ignore: [], notFollowed: source.message });
      }
      noted.add(line);
      continue;
    }
    if (source.kind === 'unreadable') {
      // (A folder the walk could not read: its reports are unknown, so the run is incomplete.)
      err(`wengao: 跳过 (skipped) ${escapedPath(source.path)}: ${source.message}\n`);
      reports.push({ result: { path: source.path, role: 'report', findings: [], suppressed: [], ignore: [], skipped: source.message } });
      continue;
    }
    const shown = source.kind === 'stdin' ? stdinPath! : source.path;
    // Standard input without a name is looked up from the working directory.
    const lookup = source.kind === 'stdin' && !o.stdinFilename ? path.join(io.cwd, STDIN_NAME) : path.resolve(io.cwd, shown);
    const resolved = await resolver.forFile(lookup);
    noteProjectFiles(resolver, resolved, o.lang, projectFiles, io.cwd);
    planned.push({ source, shown, resolved });
  }
  // (A config or ignore file found but not read, first: the reports under it are checked without it.)
  sayUnread(projectFiles, err);

  // Without --lang, the output's own words (SARIF's rule texts, "see also") follow the language the first report's config asks for.
  const locale = o.lang ?? planned[0]?.resolved.config.language;

  // --cache: the results of unchanged reports from the last run (cache.ts); the others are checked here.
  const cacheNote = (m: string) => err(`wengao: ${escapedPath(m)}\n`);
  const cache = o.cache && o.command === 'check' ? ReportCache.open(o.cacheLocation ?? DEFAULT_CACHE, io.cwd, `${VERSION}+${io.build?.() ?? 'source'}`, cacheNote) : undefined;
  // (With text or GitHub output, which are a report's lines one after another: the options its
  // printed lines depend on besides the report's own key; GitHub's paths are the working directory's.)
  const printedAs = cache && (o.format === 'text' || o.format === 'github') ? JSON.stringify([o.format, o.minSeverity, locale ?? null, ...(o.format === 'github' ? [io.cwd] : [])]) : undefined;
  const known = cache ? planned.map((p) => knownToCache(cache, p, o.lang, printedAs, io.cwd)) : [];
  if (cache) {
    // (The printed lines of the reports their times vouch for, in a few reads of the cache file.)
    cache.prefetch(known.flatMap((k) => (k?.record ? [k.record.shown!.part] : [])));
    for (const k of known) if (k?.record) k.printed = cache.bytesOf(k.record.shown!.part);
  }

  // Many reports: on every core (parallel.ts), figure.mismatch included.
  const threads = o.command === 'check' && io.workerScript && !o.stdin && !cache ? threadsFor(planned.length, o.threads) : 1;
  let parallel: ShardResult[] | undefined;
  if (threads > 1) {
    const files: ShardFile[] = planned.map((p) => ({
      shown: p.shown,
      path: (p.source as { path: string }).path,
      kind: documentKind(p.shown),
      config: p.resolved.config,
      ignore: p.resolved.ignore,
    }));
    try {
      parallel = await checkInParallel(files, threads, io.workerScript!, o.lang);
    } catch (e) {
      err(`wengao: 多线程检查失败，改在单线程上检查 (the threads failed; checking on one): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    }
  }

  // On this thread, the next reports are read from disk while this one is analysed: READ_AHEAD
  // of them in flight, since a read is several turns of the event loop (stat, open, fstat, read,
  // close) and the loop turns only between two analyses: with one in flight, the thread waited
  // for most of each read.
  const reads = new Map<number, ReturnType<typeof readReport>>();
  const readAhead = (i: number) => {
    const p = planned[i];
    if (!parallel && p?.source.kind === 'file' && !reads.has(i) && !known[i]?.printed) reads.set(i, readReport(p.source.path, fs));
  };
  for (let k = 0; k < READ_AHEAD; k++) readAhead(k);
  for (let i = 0; i < planned.length; i++) {
    const { source, shown, resolved } = planned[i];
    readAhead(i + READ_AHEAD);
    const done = parallel?.[i];
    if (done) {
      if ('skipped' in done) {
        err(`wengao: 跳过 (skipped) ${escapedPath(shown)}: ${done.skipped}\n`);
        reports.push({ result: { path: shown, role: 'report', findings: [], suppressed: [], ignore: [], skipped: done.skipped } });
        continue;
      }
      sayFailures(done.failures, shown, err);
      reports.push({
        resolved,
        result: {
          path: shown, role: 'report', text: done.text, lines: new LineIndex(done.text), failures: done.failures, notAnalyzed: done.skippedReason, source: done.source,
          findings: done.findings, suppressed: done.suppressed, ignore: resolved.ignore,
        },
      });
      continue;
    }
    const k = known[i];
    // (Its times vouch for its text: its lines as printed last time, not read. Its comparisons are checked below.)
    if (k?.printed) {
      reports.push(printedReport(k.record!, k.printed, k.stamp, shown, resolved, err));
      continue;
    }
    let text: string;
    let converted: SourceText | undefined;
    if (source.kind === 'stdin') {
      const bytes = await io.stdin();
      const d = bytes.length > MAX_INPUT_BYTES ? { ok: false as const, message: tooLarge() } : decode(bytes);
      if (!d.ok) {
        err(`wengao: 跳过 (skipped) ${escapedPath(shown)}: ${d.message}\n`);
        reports.push({ result: { path: shown, role: 'report', findings: [], suppressed: [], ignore: [], skipped: d.message } });
        continue;
      }
      text = d.text;
    } else {
      const input = await (reads.get(i) ?? readReport(source.path, fs));
      reads.delete(i);
      if (!input.ok) {
        err(`wengao: 跳过 (skipped) ${escapedPath(shown)}: ${input.message}\n`);
        reports.push({ result: { path: shown, role: 'report', findings: [], suppressed: [], ignore: [], skipped: input.message } });
        continue;
      }
      text = input.text;
      converted = input.source;
    }
    const kind = documentKind(shown);
    const content = cache && source.kind === 'file' ? contentDigest(text, converted) : undefined;
    const key = content ? cache!.keyOf({ shown, kind, lang: o.lang, config: resolved.config, ignore: resolved.ignore }, content) : undefined;
    const cached = key ? cache!.get(path.resolve(io.cwd, shown), key) : undefined;
    // (Read again, its text unchanged: its times, if not racy, vouch for it next time.)
    if (cached) cache!.restamp(path.resolve(io.cwd, shown), k?.stamp);
    const printed = cached && printable(cached, printedAs, resolved) ? cache!.bytesOf(cached.shown!.part) : undefined;
    if (cached && printed !== undefined) {
      reports.push(printedReport(cached, printed, k?.stamp, shown, resolved, err));
      continue;
    }
    const own = cached ? cache!.json<{ findings: Finding[]; suppressed: Suppressed[] }>(cached.own) : undefined;
    if (cached && own) {
      sayFailures(cached.failures, shown, err);
      reports.push({
        resolved,
        cached,
        key,
        content,
        stamp: k?.stamp,
        result: {
          path: shown, role: 'report', text, lines: new LineIndex(text), notAnalyzed: cached.skippedReason, failures: cached.failures, source: converted,
          findings: own.findings, suppressed: own.suppressed, ignore: resolved.ignore,
        },
      });
      continue;
    }
    // (figure.mismatch runs below, once every report's figures are in the index.)
    const checks = o.command === 'figures' ? [] : LOCAL_CHECKS;
    const analysis = analyze(text, { kind, config: resolved.config, ignore: resolved.ignore, locale: o.lang, checks, origins: converted });
    sayFailures(analysis.failures, shown, err);
    reports.push({
      resolved,
      key,
      content,
      stamp: k?.stamp,
      result: {
        path: shown,
        role: 'report',
        text,
        lines: analysis.model.lines,
        source: converted,
        analysis,
        notAnalyzed: analysis.skippedReason,
        failures: analysis.failures,
        findings: analysis.findings,
        suppressed: analysis.suppressed,
        ignore: resolved.ignore,
      },
    });
  }

  // (What reading a .docx noted, such as tracked changes read as accepted, is said once per file.)
  for (const { result: r } of reports) for (const note of r.source?.notes ?? r.printed?.notes ?? []) err(`wengao: ${escapedPath(r.path)}: ${note}\n`);

  if (o.command === 'figures') {
    const results = reports.map((r) => r.result);
    for (const line of textLines([...projectFiles.values()], o.lang)) err(`wengao: ${line}\n`);
    out(renderFigures(results, o.format as FiguresFormat, o.targetsOnly, o.lang));
    const n = results.reduce((k, r) => k + (r.analysis?.figures.filter((f) => !o.targetsOnly || listedTarget(f)).length ?? 0), 0);
    const skippedFiles = results.filter((r) => r.skipped).length;
    // (A config or ignore file not read is said apart, and fails the run too: the figures were read without it.)
    const unreadProject = [...projectFiles.values()].filter((p) => p.skipped).length;
    for (const r of results) if (r.notAnalyzed) err(`wengao: 未作为报告读取 (not read as a report) ${escapedPath(r.path)}: ${r.notAnalyzed}\n`);
    err(
      tr(
        o.lang,
        `wengao: ${results.length} 个文件，${n} 项${o.targetsOnly ? '目标' : '数据'}${skippedFiles ? `，跳过 ${skippedFiles} 个` : ''}${unreadProjectZh(unreadProject)}\n`,
        `wengao: ${results.length} ${results.length === 1 ? 'file' : 'files'}, ${n} ${o.targetsOnly ? (n === 1 ? 'target' : 'targets') : n === 1 ? 'figure' : 'figures'}${skippedFiles ? `, ${skippedFiles} skipped` : ''}${unreadProjectEn(unreadProject)}\n`,
      ),
    );
    // (As for check: a file that could not be read was not read, and CI must not pass on it.)
    return skippedFiles || unreadProject ? 2 : 0;
  }

  // Across documents: every report's figures in one index, then figure.mismatch for each against it
  // (done already when the reports were checked on several threads).
  if (cache) {
    await crossFromCache(reports, cache, { lang: o.lang, cwd: io.cwd, fs, err });
  } else {
    const index = new FigureIndex();
    for (const { result: r } of reports) if (r.analysis?.analyzed) index.set(indexEntry(r.path, path.basename(r.path), r.analysis));
    for (const { result: r, resolved } of reports) {
      if (!r.analysis?.analyzed || !resolved) continue;
      const ws = inWorkspace(r.analysis, { uri: r.path, index, config: resolved.config, ignore: resolved.ignore, locale: o.lang });
      r.findings = ws.findings;
      r.suppressed = ws.suppressed;
    }
  }
  noteStaleIgnoreLines(reports, projectFiles, o.lang, io.cwd);
  // Findings below the threshold (figure.target is information) are left out of the report.
  const shown = (f: Finding) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[o.minSeverity];
  for (const r of [...projectFiles.values(), ...reports.map((x) => x.result)]) {
    r.findings = r.findings.filter(shown);
    r.suppressed = r.suppressed.filter((s) => shown(s.finding));
  }
  if (cache) {
    // (Each report's lines as printed, kept for the next run: made here, and written from here.)
    if (printedAs) keepPrinted(reports, cache, printedAs, (r, converted) => (o.format === 'github' ? reportCommands(r, io.cwd, locale, converted) : reportLines(r, locale, converted)), io.cwd);
    await cache.save(cacheNote, new Set(reports.map((r) => path.resolve(io.cwd, r.result.path))));
  }
  // The project files' problems first: they explain the rest. A project file is listed only for
  // them, or when it was not read (skipped: exit 2).
  // (A link named on the command line is checked: not listed again as not followed by a folder's walk.)
  const checked = new Set(planned.map((p) => (p.source.kind === 'file' ? path.resolve(io.cwd, p.source.path) : '')));
  const results = [
    ...[...projectFiles.values()].filter((p) => p.findings.length > 0 || p.skipped),
    ...reports.map((r) => r.result),
    ...links.filter((l) => !checked.has(path.resolve(io.cwd, l.path))),
  ];
  // Written a chunk at a time: the findings are all known (figure.mismatch needed every
  // report's figures), but their text is made as it is written, never held whole.
  for (const chunk of render(results, o.format as CheckFormat, o, locale, io.cwd)) await out(chunk);

  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let suppressed = 0;
  let failedChecks = false;
  for (const r of results) {
    const c = countsOf(r);
    counts.error += c.counts[0];
    counts.warning += c.counts[1];
    counts.information += c.counts[2];
    counts.hint += c.counts[3];
    suppressed += c.counts[4];
    failedChecks ||= c.failed;
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const reportResults = new Set(reports.map((r) => r.result));
  const skipped = results.filter((r) => r.skipped && reportResults.has(r)).length;
  const unreadProject = results.filter((r) => r.skipped && !reportResults.has(r)).length;
  const notAnalyzed = results.filter((r) => r.notAnalyzed);
  for (const r of notAnalyzed) err(`wengao: 未作为报告检查 (not checked as a report) ${escapedPath(r.path)}: ${r.notAnalyzed}\n`);
  const tooMany = o.maxWarnings >= 0 && counts.warning > o.maxWarnings;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  err(
    tr(
      o.lang,
      `wengao: ${reports.length} 个文件，${total} 个问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.information + counts.hint}）` +
        (suppressed ? `，已忽略 ${suppressed} 个（注释或 .wengaoignore）` : '') +
        (skipped ? `，跳过 ${skipped} 个` : '') +
        unreadProjectZh(unreadProject) +
        (notAnalyzed.length ? `，${notAnalyzed.length} 个不以中文为主等，未作为报告检查` : '') +
        (parallel ? `，${threads} 个线程` : '') +
        (counts.warning && o.maxWarnings > 0 ? (tooMany ? `；警告多于 --max-warnings ${o.maxWarnings}` : `；警告未超过 --max-warnings ${o.maxWarnings}`) : '') +
        '\n',
      `wengao: ${plural(reports.length, 'file')}, ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information + counts.hint, 'note')})` +
        (suppressed ? `, ${suppressed} ignored (comments or .wengaoignore)` : '') +
        (skipped ? `, ${skipped} skipped` : '') +
        unreadProjectEn(unreadProject) +
        (notAnalyzed.length ? `, ${notAnalyzed.length} not checked as reports (not mainly Chinese, …)` : '') +
        (parallel ? `, ${threads} threads` : '') +
        (counts.warning && o.maxWarnings > 0 ? (tooMany ? `; more warnings than --max-warnings ${o.maxWarnings}` : `; warnings within --max-warnings ${o.maxWarnings}`) : '') +
        '\n',
    ),
  );
  // A file that could not be read was not checked, a check that failed left its results out:
  // CI must not pass on either.
  if (skipped || unreadProject) return 2;
  if (failedChecks) return 2;
  return counts.error > 0 || tooMany ? 1 : 0;
}

/** The summary's words for config and ignore files found but not read (the reports were read without them). */
function unreadProjectZh(n: number): string {
  return n ? `，${n} 个配置或忽略文件未读取` : '';
}
function unreadProjectEn(n: number): string {
  return n ? `, ${n} config or ignore ${n === 1 ? 'file' : 'files'} not read` : '';
}

/** The output in chunks, each made as it is written (render.ts, sarif.ts, github.ts). */
function render(results: FileResult[], format: CheckFormat, o: Options, locale: Locale | undefined, cwd: string): Iterable<string | Uint8Array> {
  switch (format) {
    case 'json':
      return jsonChunks(results);
    case 'sarif':
      return sarifChunks(results, { cwd, locale, includeSuppressed: o.includeSuppressed, tool: TOOL });
    case 'github':
      return githubChunks(results, cwd, locale);
    default:
      return textChunks(results, locale);
  }
}

/**
 * The config and ignore files a report uses, each once, as results of their own when they have
 * problems. Their messages follow --lang, else the config's own `language`.
 */
/** A report of the run: its result, its configuration, and with --cache what the cache knows of it. */
interface Checked {
  result: FileResult;
  resolved?: Resolved;
  cached?: CachedReport;
  key?: string;
  /** With --cache: its content's digest (cache.ts contentDigest), and its times if not racy. */
  content?: string;
  stamp?: FileStamp;
}

/** With --cache, what the cache knows of a report before it is read: its times, and its lines as printed if they may stand. */
interface Known {
  stamp?: FileStamp;
  record?: CachedReport;
  printed?: string | Uint8Array;
}

/**
 * A report's times, taken before it is read; and, when they are those recorded, its key is the
 * recorded one under this run's configuration, and the options the lines were printed with are
 * this run's, its lines as printed (the report is then not read; its comparisons are checked in
 * crossFromCache). A report that an ignore file names is read: whether its entries are stale
 * needs the text.
 */
function knownToCache(cache: ReportCache, p: { source: Source; shown: string; resolved: Resolved }, lang: Locale | undefined, printedAs: string | undefined, cwd: string): Known | undefined {
  if (p.source.kind !== 'file') return undefined;
  const file = path.resolve(cwd, p.shown);
  const readAt = Date.now();
  const st = (() => {
    try {
      return statSync(file);
    } catch {
      return undefined;
    }
  })();
  if (!st?.isFile()) return undefined;
  const stamp = stampOf(st, readAt);
  const record = cache.peek(file);
  if (!record || !printable(record, printedAs, p.resolved) || !sameStamp(record.stamp, st)) return { stamp };
  if (cache.keyOf({ shown: p.shown, kind: documentKind(p.shown), lang, config: p.resolved.config, ignore: p.resolved.ignore }, record.content) !== record.key) return { stamp };
  return { stamp, record };
}

/** Whether a cached report's lines as printed may stand for it in this run (a report an ignore file names is rendered: its stale entries need the text). */
function printable(record: CachedReport, printedAs: string | undefined, resolved: Resolved): boolean {
  return record.shown?.as === printedAs && keepable(printedAs, resolved);
}

/** Whether a report's lines as printed are kept: they may stand for it in a later run like this one. */
function keepable(printedAs: string | undefined, resolved: Resolved | undefined): boolean {
  return !!printedAs && !!resolved && resolved.ignore.length === 0;
}

/** A report given by its lines as printed last time. */
function printedReport(r: CachedReport, printed: string | Uint8Array, stamp: FileStamp | undefined, shown: string, resolved: Resolved, err: (s: string) => void): Checked {
  sayFailures(r.failures, shown, err);
  return {
    resolved,
    cached: r,
    key: r.key,
    content: r.content,
    stamp,
    result: {
      path: shown, role: 'report', notAnalyzed: r.skippedReason, failures: r.failures, findings: [], suppressed: [], ignore: resolved.ignore,
      printed: { text: printed, counts: r.shown!.counts, failed: r.shown!.failed, notes: r.notes ?? [] },
    },
  };
}

/**
 * figure.mismatch with --cache: every report's statements (cached, or made from this run's
 * analysis), the live keys among them (statements.ts), and for each report a digest of what it
 * reads of the others (cache.ts crossDigests). A cached report keeps its cached findings of it
 * when its digest is unchanged; any other is analysed (again, and read first if it was not) and
 * compared against an index of the keys those reports state. Each report's results go back
 * into the cache.
 */
async function crossFromCache(reports: Checked[], cache: ReportCache, o: { lang: Locale | undefined; cwd: string; fs: WorkspaceFs; err: (s: string) => void }): Promise<void> {
  const keyed = reports.filter((c) => c.key && c.resolved);
  // (A report without a key, from standard input, took part in the comparisons: no later run is this one.)
  const run = reports.some((c) => c.resolved && !c.key) ? undefined : runDigest(keyed.map((c) => [path.resolve(o.cwd, c.result.path), c.key!]));
  const kept = (c: Checked) => cache.json<{ findings: Finding[]; suppressed: Suppressed[] }>(c.cached!.cross!.part);
  // The same reports as the run that wrote the cache, none analysed in this one: every comparison
  // is as that run made it.
  if (run && cache.lastRunWas(run) && reports.every((c) => !c.result.analysis) && keyed.every((c) => !c.cached?.analyzed || c.cached.cross)) {
    const merged = new Map<Checked, ReturnType<typeof kept>>();
    for (const c of keyed) if (c.cached?.cross && !c.result.printed) merged.set(c, kept(c));
    if ([...merged.values()].every((x) => x)) {
      for (const [c, cross] of merged) Object.assign(c.result, withCross({ findings: c.result.findings, suppressed: c.result.suppressed }, cross!));
      return;
    }
  }
  const stated = new Map<Checked, Stated>();
  const fresh = new Map<Checked, ReturnType<typeof statedNow>>();
  const now = (c: Checked) => {
    const s = statedNow(indexEntry(c.result.path, path.basename(c.result.path), c.result.analysis!));
    fresh.set(c, s);
    stated.set(c, s);
    return s;
  };
  // A report that cannot be read now (gone or unreadable since its stat): skipped, as a report
  // that cannot be read is, and its record dropped.
  const skip = (c: Checked, message: string) => {
    const r = c.result;
    o.err(`wengao: 跳过 (skipped) ${escapedPath(r.path)}: ${message}\n`);
    Object.assign(r, { skipped: message, findings: [], suppressed: [], printed: undefined, text: undefined, lines: undefined, analysis: undefined, notAnalyzed: undefined, failures: undefined });
    stated.delete(c);
    fresh.delete(c);
    reused.delete(c);
    cache.forget(path.resolve(o.cwd, r.path));
    c.key = undefined;
    c.cached = undefined;
  };
  // A cached report analysed again (its comparisons changed, or a part of it could not be read
  // back: `whole`), read first if it was not; its lines as printed are made anew. When its text is
  // the one cached, only its model and figures are made, which the comparison needs: its own
  // findings, figures and statements stay as cached (`reused`: 'same'). Otherwise it is analysed
  // whole, its statements are new ('new'), and the comparisons are planned again.
  const reused = new Set<Checked>();
  const again = async (c: Checked, whole = false): Promise<'same' | 'new' | 'skipped'> => {
    const r = c.result;
    if (r.text === undefined) {
      const input = await readReport(path.resolve(o.cwd, r.path), o.fs);
      if (!input.ok) {
        skip(c, input.message);
        return 'skipped';
      }
      r.text = input.text;
      r.source = input.source;
      c.content = contentDigest(input.text, input.source);
      c.key = cache.keyOf({ shown: r.path, kind: documentKind(r.path), lang: o.lang, config: c.resolved!.config, ignore: c.resolved!.ignore }, c.content);
    }
    const cached = !whole && c.cached?.content === c.content ? c.cached : undefined;
    const own = cached && (r.printed ? cache.json<{ findings: Finding[]; suppressed: Suppressed[] }>(cached.own) : { findings: r.findings, suppressed: r.suppressed });
    const s = stated.get(c);
    const analysis = analyze(r.text, { kind: documentKind(r.path), config: c.resolved!.config, ignore: c.resolved!.ignore, locale: o.lang, checks: own ? [] : LOCAL_CHECKS, origins: r.source });
    Object.assign(r, { analysis, lines: analysis.model.lines, printed: undefined });
    if (own && s && analysis.analyzed) {
      Object.assign(r, own);
      reused.add(c);
      stated.set(c, { ...s, entry: () => indexEntry(r.path, path.basename(r.path), analysis) });
      return 'same';
    }
    Object.assign(r, { findings: analysis.findings, suppressed: analysis.suppressed, failures: analysis.failures, notAnalyzed: analysis.skippedReason });
    c.cached = undefined;
    if (analysis.analyzed) now(c);
    else stated.delete(c);
    return 'new';
  };
  cache.prefetch(reports.flatMap((c) => (c.cached && !c.result.analysis ? [c.cached.stated] : [])));
  for (const c of reports) {
    const r = c.result;
    if (r.analysis?.analyzed) now(c);
    else if (c.cached && !r.analysis) {
      let s: Stated | undefined;
      try {
        s = statedFrom(c.cached, cache);
      } catch (e) {
        if (!(e instanceof PartUnreadable)) throw e;
        await again(c, true);
        continue;
      }
      if (s) stated.set(c, s);
    }
  }
  const crossOf = new Map<Checked, { digest: string; findings: Finding[]; suppressed: Suppressed[] }>();
  let unchanged = new Set<Checked>();
  // Planned again whenever a report turns out to state something new (read again and changed
  // since its stat, or a part of it unreadable): its statements move the live keys and digests.
  plan: for (;;) {
    crossOf.clear();
    const order = [...stated.keys()];
    const all = order.map((c) => stated.get(c)!);
    const facts = workspaceOf(all.map((s) => s.doc));
    const canon = canonicalizer(facts);
    const live = liveKeys(all.map((s) => s.keys), facts, canon);
    const digests = new Map(crossDigests(all, live, facts, canon).map((d, i) => [order[i], d]));
    // (Compared anew: the reports analysed in this run, and those whose digest moved.)
    const compare: Checked[] = [];
    // (Unchanged: their records stand; the printed ones need not even their findings.)
    unchanged = new Set();
    for (const c of order) {
      if (fresh.has(c) || reused.has(c) || c.cached?.cross?.digest !== digests.get(c)) compare.push(c);
      else unchanged.add(c);
    }
    for (const c of unchanged) {
      if (c.result.printed) continue;
      const x = kept(c);
      if (x) crossOf.set(c, { digest: digests.get(c)!, ...x });
      else {
        await again(c, true);
        continue plan;
      }
    }
    if (!compare.length) break;
    for (const c of compare) if (!fresh.has(c) && !reused.has(c) && (await again(c)) !== 'same') continue plan;
    // (The index holds the keys the compared reports state; a report's figures are read only if it states one.)
    const needed = new Set<string>();
    for (const c of compare) for (const [k] of stated.get(c)?.keys ?? []) if (live.has(canon(k))) needed.add(canon(k));
    const index = new FigureIndex();
    const states = (s: Stated) => s.keys.some(([k]) => needed.has(canon(k)));
    cache.prefetch([...stated].flatMap(([c, s]) => (c.cached && !fresh.has(c) && states(s) ? [c.cached.figures] : [])));
    for (const c of [...stated.keys()]) {
      const s = stated.get(c)!;
      if (!states(s)) {
        index.set({ ...s.doc, figures: [] });
        continue;
      }
      let entry: DocumentEntry;
      try {
        entry = s.entry((k) => needed.has(canon(k)));
      } catch (e) {
        if (!(e instanceof PartUnreadable)) throw e;
        await again(c, true);
        continue plan;
      }
      index.set(cutEntry(entry, needed, facts, canon));
    }
    for (const c of compare) {
      const r = c.result;
      if (!r.analysis?.analyzed) continue;
      const x = recheck(r.analysis, CROSS_CHECKS, { uri: r.path, index, config: c.resolved!.config, ignore: c.resolved!.ignore, locale: o.lang });
      crossOf.set(c, { digest: digests.get(c) ?? '', findings: x.findings, suppressed: x.suppressed });
    }
    break;
  }
  for (const c of reports) {
    const { result: r, resolved, key } = c;
    // (Standard input has no key: compared like any report, and not kept.)
    if (!resolved) continue;
    const cross = crossOf.get(c);
    if (key && !unchanged.has(c) && (!c.cached || fresh.has(c) || c.cached.cross?.digest !== cross?.digest)) {
      const s = fresh.get(c);
      if (reused.has(c)) {
        // (Its text as cached: its parts stand, with its new comparison.)
        const { shown: _shown, cross: _cross, ...kept } = c.cached!;
        cache.set(path.resolve(o.cwd, r.path), { ...kept, stamp: c.stamp, ...(cross ? { cross: { digest: cross.digest, part: JSON.stringify({ findings: cross.findings, suppressed: cross.suppressed }, tagNumbers) } } : {}) });
      } else cache.set(path.resolve(o.cwd, r.path), {
        key,
        content: c.content!,
        ...(c.stamp ? { stamp: c.stamp } : {}),
        analyzed: r.analysis ? r.analysis.analyzed : c.cached!.analyzed,
        ...(r.notAnalyzed !== undefined ? { skippedReason: r.notAnalyzed } : {}),
        failures: r.failures ?? [],
        ...(r.source?.notes.length ? { notes: r.source.notes } : {}),
        own: JSON.stringify({ findings: r.findings, suppressed: r.suppressed }, tagNumbers),
        figures: s ? s.figures : '[]',
        stated: s ? s.stated : 'null',
        ...(cross ? { cross: { digest: cross.digest, part: JSON.stringify({ findings: cross.findings, suppressed: cross.suppressed }, tagNumbers) } } : {}),
      });
    }
    if (cross && !r.printed) {
      const merged = withCross({ findings: r.findings, suppressed: r.suppressed }, cross);
      r.findings = merged.findings;
      r.suppressed = merged.suppressed;
    }
  }
  // (The keys as the records now hold them: a report read again under another key is another run.)
  cache.ranWith(run && runDigest(reports.filter((c) => c.key && c.resolved).map((c) => [path.resolve(o.cwd, c.result.path), c.key!])));
}

/**
 * With text or GitHub output: each report's lines as printed, kept in its record for the next run, unless
 * they name places in other .docx or .pdf files (which may change while this report does not), or
 * it is one (read every run: the others' lines name places in it).
 */
function keepPrinted(reports: Checked[], cache: ReportCache, printedAs: string, linesOf: (r: FileResult, converted: ReadonlyMap<string, FileResult>) => Iterable<string>, cwd: string): void {
  const converted = convertedFiles(reports.map((c) => c.result));
  for (const { result: r, key, resolved } of reports) {
    // (A .docx or .pdf is read every run: the other reports' lines name places in it, from its source.)
    if (!key || r.printed || !r.lines || r.source) continue;
    const file = path.resolve(cwd, r.path);
    const record = cache.get(file, key);
    // (A record made in this run has none; one kept has them already, or is of a report they may not stand for.)
    if (!record || record.shown?.as === printedAs || !keepable(printedAs, resolved) || namesOtherSources(r, converted)) continue;
    const { counts, failed } = countsOf(r);
    const text = joinedLines(linesOf(r, converted));
    r.printed = { text, counts, failed, notes: [] };
    cache.show(file, { as: printedAs, part: text, counts, failed });
  }
}

/** The checks that failed on a report, on stderr (the others ran; the output carries a finding for each). */
function sayFailures(failures: readonly CheckFailure[], shown: string, err: (s: string) => void): void {
  for (const f of failures) err(`wengao: 检查 ${f.check} 在 ${escapedPath(shown)} 上出错 (check failed): ${escapedPath(f.error.split('\n')[0])}\n`);
}

function noteProjectFiles(resolver: ConfigResolver, resolved: Resolved, lang: Locale | undefined, into: Map<string, FileResult>, cwd: string): void {
  const locale = lang ?? resolved.config.language;
  for (const [file, role] of [[resolved.file, 'config'], [resolved.ignoreFile, 'ignore']] as const) {
    if (!file) continue;
    const key = path.resolve(file.path);
    if (into.has(key)) continue;
    if (file.unread !== undefined) {
      into.set(key, { path: shownPath(file.path, cwd), role, findings: [], suppressed: [], ignore: [], skipped: file.unread });
      continue;
    }
    if (file.findings.length === 0) continue;
    const lines = new LineIndex(file.text);
    into.set(key, { path: shownPath(file.path, cwd), role, text: file.text, lines, findings: resolver.problemsIn(file, locale), suppressed: [], ignore: [] });
  }
}

/** The config and ignore files found but not read (not a regular file, too large), on stderr as a skipped report is. */
function sayUnread(projectFiles: Map<string, FileResult>, err: (s: string) => void): void {
  for (const p of projectFiles.values()) if (p.skipped) err(`wengao: 跳过 (skipped) ${escapedPath(p.path)}: ${p.skipped}\n`);
}

/**
 * Lines of an ignore file that name a report checked in this run, by its path and a fingerprint,
 * and silenced nothing in it: the finding was fixed, or the text around it changed (then the
 * finding is back, under another fingerprint). Each is an information note on its line, so
 * that the file does not collect lines that silence nothing (an ESLint "unused disable").
 */
function noteStaleIgnoreLines(reports: { resolved?: Resolved; result: FileResult }[], into: Map<string, FileResult>, lang: Locale | undefined, cwd: string): void {
  const named = new Map<string, { file: NonNullable<Resolved['ignoreFile']>; entry: Resolved['ignore'][number]; locale: Locale | undefined; stale: boolean }>();
  for (const { resolved, result: r } of reports) {
    const file = resolved?.ignoreFile;
    if (!file || r.text === undefined || r.skipped || r.notAnalyzed) continue;
    const stale = new Set(staleIgnoreEntries(r.text, resolved ? judgedIgnoreEntries(r.ignore, resolved.config) : r.ignore, r.suppressed));
    for (const e of r.ignore) {
      if (e.fingerprint === '*' || /[*?[{]/.test(e.path)) continue;
      // (A line used by any report it names is not stale.)
      const key = `${path.resolve(file.path)}\u0000${e.line}`;
      const seen = named.get(key);
      named.set(key, { file, entry: e, locale: lang ?? resolved.config.language, stale: (seen?.stale ?? true) && stale.has(e) });
    }
  }
  for (const [, { file, entry, locale, stale }] of named) {
    if (!stale) continue;
    const fileKey = path.resolve(file.path);
    let result = into.get(fileKey);
    if (!result) {
      result = { path: shownPath(file.path, cwd), role: 'ignore', text: file.text, lines: new LineIndex(file.text), findings: [], suppressed: [], ignore: [] };
      into.set(fileKey, result);
    }
    result.findings.push(staleIgnoreFinding(file.text, entry, locale, result.lines));
  }
}

/** Reports read ahead of the one analysed (their texts held meanwhile). */
const READ_AHEAD = 8;

/** A project file's path as shown: relative to the working directory when inside it. */
function shownPath(p: string, cwd: string): string {
  return relativeInside(cwd, path.resolve(cwd, p)) ?? p;
}

/**
 * This build: the bundle and the word list beside it (text.doubled and term.* read it), by their
 * size, modification time and inode (hashing their 4 MB took a tenth of a run from the cache).
 * A rebuilt or replaced file has another time or inode.
 */
function buildDigest(): string {
  const h = createHash('sha256');
  for (const file of [__filename, path.join(__dirname, LEXICON_FILE)]) {
    const st = statSync(file, { throwIfNoEntry: false });
    h.update(st ? `${file}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ino}\u0001` : `${file}\u0000none\u0001`);
  }
  return h.digest('hex');
}

if (require.main === module && !isMainThread && (workerData as ShardInit | undefined)?.wengaoShard) {
  void runShard(workerData as ShardInit, parentPort!);
} else if (require.main === module) {
  // Standard output as the run writes it, a chunk at a time. A reader that went away (`| head`)
  // ends the writing quietly, as before; any other failure to write (a full disk) is an error:
  // CI must not take a cut report for a whole one.
  let failed: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    failed ??= e;
  });
  const write = (s: string | Uint8Array): Promise<void> | void => {
    if (failed) return;
    if (!process.stdout.write(s)) {
      // (Each wait takes its listeners away again: a slow reader makes many waits, and listeners
      // left behind pile up into Node's MaxListenersExceededWarning on standard error.)
      return new Promise<void>((resolve) => {
        const done = () => {
          process.stdout.off('drain', done);
          process.stdout.off('error', done);
          resolve();
        };
        process.stdout.on('drain', done);
        process.stdout.on('error', done);
      });
    }
  };
  const finish = (code: number) => {
    if (failed && failed.code !== 'EPIPE') {
      process.stderr.write(`wengao: 无法写出结果 (cannot write the output): ${failed.message}\n`);
      code = 2;
    }
    process.exit(code);
  };
  main(process.argv.slice(2), write, (s) => process.stderr.write(s), { stdin: readStdin, cwd: process.cwd(), workerScript: __filename, build: buildDigest })
    // (Exit once what was written has left: process.exit drops what is still queued.)
    .then((code) => (failed ? finish(code) : process.stdout.write('', () => finish(code))))
    .catch((e) => {
      process.stderr.write(`wengao: 内部错误 (internal error): ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(2);
    });
}
