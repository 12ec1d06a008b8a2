/**
 * `wengao check --cache`: a report whose text, configuration, ignore entries, path and Wengao are
 * those of the last run is not analysed again; its findings and its index entry (the statements
 * figure.mismatch compares) come from the cache file. figure.mismatch itself is recomputed every
 * run from the statements, cached or new; its findings on a report are reused only when what it
 * reads of the other reports is the same as last time (`crossDigest`), else the report is
 * analysed again. The output is the same as without the cache (test/cli/cache.test.ts diffs it).
 *
 * The file is a header line of JSON (`{ format, version, tool, reports: count }`) and a line per
 * report: its absolute path as JSON, its key and its record as JSON, tab-separated; a run parses
 * the records of the reports it checks, and writes the others back as they were. A file
 * that is not one (corrupt, or some other file at that path) is never trusted: it is said on
 * stderr, and only a file that is a Wengao cache is ever written over.
 */
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { CheckFailure, DocKind, DocumentEntry, FigureIndex, Finding, IgnoreEntry, Locale, Suppressed, WengaoConfig, WorkspaceFacts } from '../core';
import { amountKey, statementKey } from '../core';
import type { LineOrigin } from '../core/origins';
import { parseExact, tagNumbers } from '../io/exactJson';
import { writeAtomically } from '../io/atomicWrite';

const FORMAT = 'wengao-cache';
const VERSION = 2;
/** How a Wengao cache file begins (written so: the header's keys come first). */
const HEAD = `{"format":"${FORMAT}"`;

export interface CachedReport {
  key: string;
  analyzed: boolean;
  skippedReason?: string;
  /** The report's own findings (figure.mismatch's apart, in `cross`). */
  findings: Finding[];
  suppressed: Suppressed[];
  failures: CheckFailure[];
  /** Its index entry (named as the run showed it) without its figures, which are in `figures`. */
  doc: Omit<DocumentEntry, 'figures'> | null;
  /** What its figures state, [statement key, amount] (statements.ts), for the live keys. */
  statements: [key: string, amount: string][];
  /**
   * Its figures as JSON text, parsed only when one of its statements is live: most runs compare
   * few statements, and a parsed figure is some forty objects.
   */
  figures: string;
  /** figure.mismatch's findings, and the digest of what it read of the other reports. */
  cross?: { digest: string; findings: Finding[]; suppressed: Suppressed[] };
}

/** A report's statements for figure.mismatch: cached (figures parsed when asked) or of this run. */
export interface Stated {
  doc: Omit<DocumentEntry, 'figures'>;
  statements: readonly (readonly [key: string, amount: string])[];
  entry(): DocumentEntry;
}

/** An entry's statements, as the cache keeps them. */
export function statementsOf(entry: DocumentEntry): [string, string][] {
  const out: [string, string][] = [];
  for (const g of entry.figures) {
    const k = statementKey(g.figure);
    if (k) out.push([k, amountKey(g.figure)]);
  }
  return out;
}

/** A cached report's statements. */
export function statedFrom(r: CachedReport): Stated | undefined {
  if (!r.analyzed || !r.doc) return undefined;
  const doc = r.doc;
  let entry: DocumentEntry | undefined;
  return { doc, statements: r.statements, entry: () => (entry ??= { ...doc, figures: parseExact(r.figures) }) };
}

/** An entry of this run's analysis, as stated and as the cache keeps it. */
export function statedNow(entry: DocumentEntry): Stated & { cached: Pick<CachedReport, 'doc' | 'statements' | 'figures'> } {
  const { figures, ...doc } = entry;
  const statements = statementsOf(entry);
  return { doc, statements, entry: () => entry, cached: { doc, statements, figures: JSON.stringify(figures, tagNumbers) } };
}

export interface KeyParts {
  shown: string;
  kind: DocKind;
  lang: Locale | undefined;
  config: WengaoConfig;
  ignore: readonly IgnoreEntry[];
  text: string;
  /** A .docx or .pdf's line origins (formats/): the places its messages name. */
  origins?: readonly LineOrigin[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A report in the cache file: its key, and its record as the file holds it (parsed when asked) or as this run made it. */
interface Line {
  key: string;
  raw?: string;
  record?: CachedReport;
}

export class ReportCache {
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly tool: string,
    private readonly reports: Map<string, Line>,
    /** Whether the file may be written: absent, or a Wengao cache. */
    private readonly writable: boolean,
  ) {}

  /** The cache at `location` (from `cwd`; a folder, or a path ending in a slash: its `wengao-cache.json`) for this build of Wengao (`tool`). */
  static async open(location: string, cwd: string, tool: string, note: (message: string) => void): Promise<ReportCache> {
    let file = path.resolve(cwd, location);
    const stat = await fsp.stat(file).catch(() => undefined);
    if (stat?.isDirectory() || /[\\/]$/.test(location)) file = path.join(file, 'wengao-cache.json');
    let raw: string;
    try {
      // (Decoded at once: readFile's own decoding goes a chunk at a time, slower on 25 MB.)
      raw = (await fsp.readFile(file)).toString('utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') note(`缓存文件无法读取，本次不用缓存 (cache unreadable, not used): ${file}: ${code ?? String(e)}`);
      return new ReportCache(file, tool, new Map(), code === 'ENOENT');
    }
    if (!raw.startsWith(HEAD)) {
      note(`不是 Wengao 的缓存文件，未使用也未改写 (not a Wengao cache: neither used nor written over): ${file}`);
      return new ReportCache(file, tool, new Map(), false);
    }
    try {
      const lines = raw.split('\n');
      const header = JSON.parse(lines[0]) as { format: string; version: number; tool: string; reports: number };
      // (Another version of Wengao, or of the file's layout: start afresh, silently, as after an upgrade.)
      if (header.version !== VERSION || header.tool !== tool) return new ReportCache(file, tool, new Map(), true);
      // (A file cut short: as many report lines as the header says, and nothing after them.)
      if (lines.length !== header.reports + 2 || lines[lines.length - 1] !== '') throw new Error(`${lines.length - 2} report lines of ${header.reports}`);
      const reports = new Map<string, Line>();
      for (let i = 1; i <= header.reports; i++) {
        const [name, key, ...rest] = lines[i].split('\t');
        if (!key || rest.length !== 1) throw new Error(`line ${i + 1} is malformed`);
        reports.set(JSON.parse(name) as string, { key, raw: rest[0] });
      }
      return new ReportCache(file, tool, reports, true);
    } catch (e) {
      note(`缓存文件已损坏，已忽略并将重写 (cache corrupt: ignored, and written afresh): ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return new ReportCache(file, tool, new Map(), true);
    }
  }

  /** The key a report's cached results are stored under: everything they depend on. */
  keyOf(p: KeyParts): string {
    // (A .docx or .pdf: where its lines came from too, which the places in messages name; the same
    // text laid out on other pages is another report.)
    return sha256(`${JSON.stringify([VERSION, this.tool, p.shown, p.kind, p.lang ?? null, p.config, p.ignore, p.origins ?? null])}\u0000${p.text}`);
  }

  /** The report cached at `file` under `key`, if it is there (a record that cannot be parsed is not). */
  get(file: string, key: string): CachedReport | undefined {
    const line = this.reports.get(file);
    if (!line || line.key !== key) return undefined;
    if (!line.record && line.raw !== undefined) {
      try {
        line.record = parseExact<CachedReport>(line.raw);
      } catch {
        this.reports.delete(file);
        this.changed = true;
        return undefined;
      }
    }
    return line.record;
  }

  set(file: string, report: CachedReport): void {
    this.reports.set(file, { key: report.key, record: report });
    this.changed = true;
  }

  /**
   * Writes the file if anything changed (to a temporary file, then renamed over it): a header
   * line, then a line per report (its path, its key and its record, tab-separated), the records
   * unchanged written back as they were read. Reports not checked in this run are kept while
   * their file is there (another run checks other folders), and dropped once it is gone: the file
   * does not grow with renamed and deleted reports.
   */
  async save(note: (message: string) => void, seen: ReadonlySet<string>): Promise<void> {
    if (!this.changed || !this.writable) return;
    for (const file of [...this.reports.keys()]) if (!seen.has(file) && !(await fsp.stat(file).then(() => true, () => false))) this.reports.delete(file);
    try {
      const out = [JSON.stringify({ format: FORMAT, version: VERSION, tool: this.tool, reports: this.reports.size })];
      for (const [file, line] of this.reports) out.push(`${JSON.stringify(file)}\t${line.key}\t${line.raw ?? JSON.stringify(line.record, tagNumbers)}`);
      out.push('');
      await writeAtomically(this.file, out.join('\n'));
    } catch (e) {
      note(`缓存文件无法写入 (cache not written): ${this.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
}

/**
 * What figure.mismatch reads of the other reports for `entry`'s report: for each statement the
 * report makes, the statements of the index (cut to the live keys) that it is compared with, and
 * the workspace's facts. Equal digests, equal findings.
 */
export function crossDigest(stated: Stated, index: FigureIndex, workspace: WorkspaceFacts, memo: Map<string, string>): string {
  // (The workspace's facts and each key's statements, as JSON once per run: `memo`.)
  let facts = memo.get('\u0000workspace');
  if (facts === undefined) memo.set('\u0000workspace', (facts = JSON.stringify(workspace)));
  const h = createHash('sha256').update(facts);
  const seen = new Set<string>();
  for (const [k] of stated.statements) {
    if (seen.has(k)) continue;
    seen.add(k);
    let list = memo.get(k);
    if (list === undefined) {
      const found = index.sameStatement(k);
      list = found.length ? JSON.stringify(found, tagNumbers) : '';
      memo.set(k, list);
    }
    if (list) h.update(`\u0000${k}\u0000${list}`);
  }
  return h.digest('hex');
}
