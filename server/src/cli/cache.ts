/**
 * `wengao check --cache`: a report whose text, configuration, ignore entries, path and Wengao are
 * those of the last run is not analysed again; its findings and its index entry (the statements
 * figure.mismatch compares) come from the cache file. figure.mismatch itself is recomputed every
 * run from the statements, cached or new; its findings on a report are reused only when what it
 * reads of the other reports is the same as last time (`crossDigest`), else the report is
 * analysed again. The output is the same as without the cache (test/cli/cache.test.ts diffs it).
 *
 * The file is JSON: `{ format, version, tool, reports: { [absolute path]: CachedReport } }`. A file
 * that is not one (corrupt, or some other file at that path) is never trusted: it is said on
 * stderr, and only a file that is a Wengao cache is ever written over.
 */
import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { CheckFailure, DocKind, DocumentEntry, FigureIndex, Finding, IgnoreEntry, Locale, Suppressed, WengaoConfig, WorkspaceFacts } from '../core';
import { amountKey, statementKey } from '../core';
import { tagNumbers, untagNumbers } from '../io/exactJson';

const FORMAT = 'wengao-cache';
const VERSION = 1;
/** How a Wengao cache file begins (written so: the header's keys come first). */
const HEAD = `{"format":"${FORMAT}"`;
/** The tag parallel.ts gives numbers JSON cannot write, as it appears in JSON text. */
const NUMBER_TAG_JSON = '"\\u0000number"';

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
  return { doc, statements: r.statements, entry: () => (entry ??= { ...doc, figures: JSON.parse(r.figures, r.figures.includes(NUMBER_TAG_JSON) ? untagNumbers : undefined) }) };
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
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class ReportCache {
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly tool: string,
    private readonly reports: Map<string, CachedReport>,
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
      const parsed = JSON.parse(raw, raw.includes(NUMBER_TAG_JSON) ? untagNumbers : undefined) as { format: string; version: number; tool: string; reports: Record<string, CachedReport> };
      // (Another version of Wengao, or of the file's layout: start afresh, silently, as after an upgrade.)
      if (parsed.version !== VERSION || parsed.tool !== tool || typeof parsed.reports !== 'object' || parsed.reports === null) return new ReportCache(file, tool, new Map(), true);
      return new ReportCache(file, tool, new Map(Object.entries(parsed.reports)), true);
    } catch (e) {
      note(`缓存文件已损坏，已忽略并将重写 (cache corrupt: ignored, and written afresh): ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return new ReportCache(file, tool, new Map(), true);
    }
  }

  /** The key a report's cached results are stored under: everything they depend on. */
  keyOf(p: KeyParts): string {
    return sha256(`${JSON.stringify([VERSION, this.tool, p.shown, p.kind, p.lang ?? null, p.config, p.ignore])}\u0000${p.text}`);
  }

  /** The report cached at `file` under `key`, if it is there. */
  get(file: string, key: string): CachedReport | undefined {
    const r = this.reports.get(file);
    return r && r.key === key ? r : undefined;
  }

  set(file: string, report: CachedReport): void {
    this.reports.set(file, report);
    this.changed = true;
  }

  /**
   * Writes the file if anything changed (to a temporary file, then renamed over it). Reports not
   * checked in this run are kept while their file is there (another run checks other folders),
   * and dropped once it is gone: the file does not grow with renamed and deleted reports.
   */
  async save(note: (message: string) => void, seen: ReadonlySet<string>): Promise<void> {
    if (!this.changed || !this.writable) return;
    for (const file of [...this.reports.keys()]) if (!seen.has(file) && !(await fsp.stat(file).then(() => true, () => false))) this.reports.delete(file);
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      const body = JSON.stringify({ format: FORMAT, version: VERSION, tool: this.tool, reports: Object.fromEntries(this.reports) }, tagNumbers);
      await fsp.mkdir(path.dirname(this.file), { recursive: true });
      await fsp.writeFile(tmp, body, 'utf8');
      await fsp.rename(tmp, this.file);
    } catch (e) {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
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
  const h = createHash('sha256').update(JSON.stringify(workspace));
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
