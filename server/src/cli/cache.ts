/**
 * `wengao check --cache`: a report whose text, configuration, ignore entries, path and Wengao are
 * those of the last run is not analysed again; its findings and its index entry (the statements
 * figure.mismatch compares) come from the cache file. figure.mismatch itself is recomputed every
 * run from the statements, cached or new; its findings on a report are reused only when what it
 * reads of the other reports is the same as last time (`crossDigests`), else the report is
 * analysed again. The output is the same as without the cache (test/cli/cache.test.ts diffs it).
 *
 * A report whose size, modification and change times and inode are those recorded is taken to
 * hold the text recorded (git's index does the same), unless it changed within RACY_MS of being
 * read (a coarse clock may give two writes one time); any other is read and its text's digest
 * decides. With text or GitHub output, a report also keeps its lines as printed: an unchanged report whose
 * comparisons are unchanged is then not read at all.
 *
 * The file: a head line (`{ format, version, tool }`), then the records' parts (own findings,
 * statements, figures per key, comparisons, printed lines) grouped by kind, then an index (JSON:
 * per report its key, the digest of its text, its stamp and where its parts lie), then a footer
 * giving where the index and the parts last appended lie, and their digest.
 * A run reads the head, the footer and the index, and only the parts it needs. It writes by
 * appending the new parts and a new index where the old index began; the parts of replaced
 * records are garbage until the file is written afresh (when garbage outweighs the rest). A
 * write cut short leaves no footer that matches its index: the file is then corrupt, said and
 * written afresh, never trusted. A file that is not a Wengao cache (a report where the cache
 * should be) is said on stderr and never written over.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CheckFailure, DocKind, DocumentEntry, IgnoreEntry, Locale, WengaoConfig, WorkspaceFacts } from '../core';
import { amountKey, statementKey } from '../core';
import { StatedKey, addAmount } from './statements';
import type { Counts } from './report';
import type { LineOrigin } from '../core/origins';
import { parseExact, tagNumbers } from '../io/exactJson';
import { writeAtomically } from '../io/atomicWrite';
import { RACY_MS } from '../io/workspaceFs';

const FORMAT = 'wengao-cache';
const VERSION = 3;
/** How a Wengao cache file begins (written so: the header's keys come first). */
const HEAD = `{"format":"${FORMAT}"`;
/**
 * `\nwengao-index <tail> <index> <length> <digest>\n`: where the parts the last write appended
 * begin, where the index begins, its length (12 hex digits each), and the sha256 of those parts
 * and the index, cut to 24. The parts appended are in the digest: a run that wrote over them
 * while another appended (two runs on one cache) leaves a file that does not check.
 */
const FOOTER = /^\nwengao-index ([0-9a-f]{12}) ([0-9a-f]{12}) ([0-9a-f]{12}) ([0-9a-f]{24})\n$/;
const FOOTER_LENGTH = 78;

/** Where a part lies in the file: [offset, length] in bytes; or, until the file is written, the part's text. */
type Part = [offset: number, length: number] | string;

/** What a report's times vouch for: [size, mtimeMs, ctimeMs, inode]. */
export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];


export interface CachedReport {
  key: string;
  /** The digest of its text (and line origins): what its times vouch for. */
  content: string;
  /** Its times when read, if they were not racy. */
  stamp?: FileStamp;
  analyzed: boolean;
  skippedReason?: string;
  failures: CheckFailure[];
  /** What reading a .docx or .pdf noted (said on stderr). */
  notes?: string[];
  /**
   * Its index entry without its figures (`doc`, named as the run showed it) and what its figures
   * state (`keys`: per statement key a digest of its figures of it and its amounts,
   * statements.ts StatedKey), as JSON: read only when the reports compared are not those of the
   * last run.
   */
  stated: Part;
  /** Its own findings and suppressions (figure.mismatch's apart): `{ findings, suppressed }` as JSON. */
  own: Part;
  /**
   * Its figures of each statement key, in the order of its `keys`, as a JSON array of JSON texts:
   * read only when one of its statements is compared anew, and only that key's figures parsed.
   */
  figures: Part;
  /** figure.mismatch's findings and suppressions, and the digest of what it read of the others. */
  cross?: { digest: string; part: Part };
  /** Its lines as printed (text or GitHub output: `as` says which and for which options), and what they count. */
  shown?: { as: string; part: Part; counts: Counts; failed: boolean };
}

/** What a report states, as its `stated` part holds it. */
export interface Statements {
  doc: Omit<DocumentEntry, 'figures'>;
  keys: readonly StatedKey[];
}

/** A report's statements for figure.mismatch: cached (figures read when asked) or of this run. */
export interface Stated extends Statements {
  /** Its index entry; `keep`: of its statement keys, those whose figures are needed (the others' may be left out). */
  entry(keep?: (key: string) => boolean): DocumentEntry;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * What an entry states, as the cache keeps it: per statement key, a digest of its figures of the
 * key and of the entry, and its amounts (`keys`); and the JSON of its figures of each key (`figures`).
 */
export function statementsOf(entry: DocumentEntry): { keys: StatedKey[]; figures: string[] } {
  const byKey = new Map<string, { figures: unknown[]; amounts: string[] }>();
  for (const g of entry.figures) {
    const k = statementKey(g.figure);
    if (!k) continue;
    let s = byKey.get(k);
    if (!s) byKey.set(k, (s = { figures: [], amounts: [] }));
    s.figures.push(g);
    addAmount(s.amounts, amountKey(g.figure));
  }
  const { figures: _figures, ...doc } = entry;
  const docJson = JSON.stringify(doc, tagNumbers);
  const keys: StatedKey[] = [];
  const figures: string[] = [];
  for (const [k, s] of byKey) {
    const json = JSON.stringify(s.figures, tagNumbers);
    keys.push([k, sha256(`${docJson}\u0000${json}`).slice(0, 24), s.amounts]);
    figures.push(json);
  }
  return { keys, figures };
}

/** What the key of a report's cached results is made of: everything they depend on. */
export interface KeyParts {
  shown: string;
  kind: DocKind;
  lang: Locale | undefined;
  config: WengaoConfig;
  ignore: readonly IgnoreEntry[];
}

/**
 * A report's text and, for a .docx or .pdf, its line origins (the places its messages name) and
 * what reading it noted (tracked changes): the digest its times vouch for.
 */
export function contentDigest(text: string, source: { lines: readonly LineOrigin[]; notes: readonly string[] } | undefined): string {
  return createHash('sha256').update(source ? JSON.stringify([source.lines, source.notes]) : '').update('\u0000').update(text).digest('hex');
}

/** A file's stamp, unless it changed within RACY_MS of `readAt` (then its times vouch for nothing). */
export function stampOf(st: fs.Stats, readAt: number): FileStamp | undefined {
  return readAt - Math.max(st.mtimeMs, st.ctimeMs) < RACY_MS ? undefined : [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

export function sameStamp(a: FileStamp | undefined, st: fs.Stats): boolean {
  return !!a && a[0] === st.size && a[1] === st.mtimeMs && a[2] === st.ctimeMs && a[3] === st.ino;
}

const isRange = (p: unknown, end: number): p is [number, number] =>
  Array.isArray(p) && p.length === 2 && Number.isInteger(p[0]) && Number.isInteger(p[1]) && p[0] >= 0 && p[1] >= 0 && p[0] + p[1] <= end;

/** A record as the index holds it is used only if its parts lie before the index and its fields have their types. */
function wellFormed(r: CachedReport, end: number): boolean {
  return (
    typeof r === 'object' && r !== null && typeof r.key === 'string' && typeof r.content === 'string' && typeof r.analyzed === 'boolean' &&
    Array.isArray(r.failures) && isRange(r.own, end) && isRange(r.figures, end) && isRange(r.stated, end) &&
    (r.cross === undefined || (typeof r.cross.digest === 'string' && isRange(r.cross.part, end))) &&
    (r.shown === undefined || (typeof r.shown.as === 'string' && isRange(r.shown.part, end) && Array.isArray(r.shown.counts) && r.shown.counts.length === 5))
  );
}

export class ReportCache {
  private changed = false;
  /** Bytes of the file's parts that no record uses (of replaced records). */
  private garbage = 0;
  /** The reports of the run that last wrote the file (`runDigest`): their comparisons are as its records say. */
  private run: string | undefined;
  /** Parts read ahead (`prefetch`), by offset: views of the blocks read. */
  private readonly read = new Map<number, Buffer>();

  private constructor(
    readonly file: string,
    private readonly tool: string,
    private readonly reports: Map<string, CachedReport>,
    /** Whether the file may be written: absent, or a Wengao cache. */
    private readonly writable: boolean,
    /** The file, open while the run reads its parts; where its index begins (appends go there), or undefined: write it afresh. */
    private fd?: number,
    private indexAt?: number,
    /** Its size and footer as read: an append goes only to the file as this run read it. */
    private readonly seen?: { size: number; footer: string },
  ) {}

  /** The cache at `location` (from `cwd`; a folder, or a path ending in a slash: its `wengao-cache.json`) for this build of Wengao (`tool`). */
  static open(location: string, cwd: string, tool: string, note: (message: string) => void): ReportCache {
    let file = path.resolve(cwd, location);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory() || /[\\/]$/.test(location)) file = path.join(file, 'wengao-cache.json');
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') note(`缓存文件无法读取，本次不用缓存 (cache unreadable, not used): ${file}: ${code ?? String(e)}`);
      return new ReportCache(file, tool, new Map(), code === 'ENOENT');
    }
    const size = fs.fstatSync(fd).size;
    // (An empty file holds nothing to lose: a cache begins there.)
    if (size === 0) {
      fs.closeSync(fd);
      return new ReportCache(file, tool, new Map(), true);
    }
    const read = (at: number, length: number) => {
      const b = Buffer.alloc(length);
      const n = fs.readSync(fd, b, 0, length, at);
      return n === length ? b : b.subarray(0, n);
    };
    const head = read(0, Math.min(size, 4096)).toString('utf8');
    if (!head.startsWith(HEAD)) {
      fs.closeSync(fd);
      note(`不是 Wengao 的缓存文件，未使用也未改写 (not a Wengao cache: neither used nor written over): ${file}`);
      return new ReportCache(file, tool, new Map(), false);
    }
    try {
      const end = head.indexOf('\n');
      const header = JSON.parse(head.slice(0, end < 0 ? undefined : end)) as { format: string; version: number; tool: string };
      // (Another version of Wengao, or of the file's layout: start afresh, silently, as after an upgrade.)
      if (header.version !== VERSION || header.tool !== tool) {
        fs.closeSync(fd);
        return new ReportCache(file, tool, new Map(), true);
      }
      const footerText = size >= FOOTER_LENGTH ? read(size - FOOTER_LENGTH, FOOTER_LENGTH).toString('latin1') : '';
      const footer = FOOTER.exec(footerText);
      if (!footer) throw new Error('no index at its end (a write cut short?)');
      const tail = parseInt(footer[1], 16);
      const at = parseInt(footer[2], 16);
      const length = parseInt(footer[3], 16);
      if (tail < end + 1 || tail > at || at + length !== size - FOOTER_LENGTH) throw new Error('the index is not where its footer says');
      const bytes = read(tail, at + length - tail);
      if (createHash('sha256').update(bytes).digest('hex').slice(0, 24) !== footer[4]) throw new Error('the index or the parts last written do not match their digest');
      const index = parseExact<{ run?: string; reports: [string, CachedReport][] }>(bytes.toString('utf8', at - tail));
      const reports = new Map<string, CachedReport>();
      let used = 0;
      for (const [name, r] of index.reports) {
        // (A record of the wrong shape is left out, as if it were not there.)
        if (typeof name !== 'string' || !wellFormed(r, at)) continue;
        reports.set(name, r);
        used += partBytes(r);
      }
      const cache = new ReportCache(file, tool, reports, true, fd, at, { size, footer: footerText });
      cache.garbage = at - (end + 1) - used;
      cache.run = typeof index.run === 'string' ? index.run : undefined;
      return cache;
    } catch (e) {
      fs.closeSync(fd);
      note(`缓存文件已损坏，已忽略并将重写 (cache corrupt: ignored, and written afresh): ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return new ReportCache(file, tool, new Map(), true);
    }
  }

  /** Whether `run` (runDigest) is the run that last wrote the file. */
  lastRunWas(run: string): boolean {
    return this.run === run;
  }

  /** This run's reports, for the next run: their comparisons are as the records now say (undefined: no run can count on it). */
  ranWith(run: string | undefined): void {
    if (this.run === run) return;
    this.run = run;
    this.changed = true;
  }

  /**
   * Reads the parts a run is about to need in few reads: the parts lie grouped by kind (one
   * run's printed lines one after another), so neighbouring ones are read as one block.
   */
  prefetch(parts: readonly Part[]): void {
    if (this.fd === undefined) return;
    const ranges = parts.filter((p): p is [number, number] => typeof p !== 'string' && !this.read.has(p[0])).sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < ranges.length; ) {
      let j = i + 1;
      let end = ranges[i][0] + ranges[i][1];
      // (A gap of up to 64 KB is read through rather than sought over.)
      while (j < ranges.length && ranges[j][0] - end <= 1 << 16 && ranges[j][0] + ranges[j][1] - ranges[i][0] <= 1 << 27) end = Math.max(end, ranges[j][0] + ranges[j++][1]);
      const start = ranges[i][0];
      const block = Buffer.allocUnsafe(end - start);
      try {
        if (fs.readSync(this.fd, block, 0, block.length, start) !== block.length) return;
      } catch {
        return;
      }
      for (; i < j; i++) this.read.set(ranges[i][0], block.subarray(ranges[i][0] - start, ranges[i][0] - start + ranges[i][1]));
    }
  }

  /** The key a report's cached results are stored under: everything they depend on, its content's digest last. */
  keyOf(p: KeyParts, content: string): string {
    // (A configuration and ignore entries digested once per run: most reports share them.)
    let byIgnore = this.settings.get(p.config);
    if (!byIgnore) this.settings.set(p.config, (byIgnore = new Map()));
    // (Each report's ignore entries are an array of their own: told apart by their JSON, most often [].)
    const ignore = p.ignore.length ? JSON.stringify(p.ignore) : '[]';
    let settings = byIgnore.get(ignore);
    if (settings === undefined) byIgnore.set(ignore, (settings = sha256(JSON.stringify([VERSION, this.tool, p.config, p.ignore]))));
    return sha256(`${settings}\u0000${JSON.stringify([p.shown, p.kind, p.lang ?? null])}\u0000${content}`);
  }
  private readonly settings = new WeakMap<object, Map<string, string>>();

  /** The record kept for the report at `file`, whatever its key. */
  peek(file: string): CachedReport | undefined {
    return this.reports.get(file);
  }

  /** The report cached at `file` under `key`, if it is there. */
  get(file: string, key: string): CachedReport | undefined {
    const r = this.reports.get(file);
    return r && r.key === key ? r : undefined;
  }

  /** A part's text: read from the file, or as this run made it. Undefined if it cannot be read (then the report is analysed again). */
  text(part: Part): string | undefined {
    return typeof part === 'string' ? part : this.bytesOf(part)?.toString('utf8');
  }

  /** A part's bytes as the file holds them (UTF-8), or its text as this run made it. */
  bytesOf(part: Part): Buffer | string | undefined {
    if (typeof part === 'string') return part;
    const ahead = this.read.get(part[0]);
    if (ahead !== undefined && ahead.length === part[1]) return ahead;
    if (this.fd === undefined) return undefined;
    try {
      const b = Buffer.alloc(part[1]);
      return fs.readSync(this.fd, b, 0, part[1], part[0]) === part[1] ? b : undefined;
    } catch {
      return undefined;
    }
  }

  /** A part's JSON, parsed; undefined if it cannot be read or parsed. */
  json<T>(part: Part): T | undefined {
    const t = this.text(part);
    if (t === undefined) return undefined;
    try {
      return parseExact<T>(t);
    } catch {
      return undefined;
    }
  }

  /** A report's record dropped (it could not be read). */
  forget(file: string): void {
    const old = this.reports.get(file);
    if (!old) return;
    this.garbage += partBytes(old);
    this.reports.delete(file);
    this.changed = true;
  }

  set(file: string, report: CachedReport): void {
    const old = this.reports.get(file);
    // (The old record's parts that the new one does not keep are garbage.)
    if (old) this.garbage += partBytes(old) - partBytes(report);
    this.reports.set(file, report);
    this.changed = true;
  }

  /** A record's stamp renewed (its file was read again and its text is unchanged, or its times were racy). */
  restamp(file: string, stamp: FileStamp | undefined): void {
    const r = this.reports.get(file);
    if (!r || JSON.stringify(r.stamp) === JSON.stringify(stamp)) return;
    if (stamp) r.stamp = stamp;
    else delete r.stamp;
    this.changed = true;
  }

  /** A record's printed lines replaced (another format's options, or its findings changed). */
  show(file: string, shown: NonNullable<CachedReport['shown']>): void {
    const r = this.reports.get(file);
    if (!r) return;
    if (r.shown && typeof r.shown.part !== 'string') this.garbage += r.shown.part[1];
    r.shown = shown;
    this.changed = true;
  }

  /**
   * Writes the file if anything changed: the new parts and a new index appended where the old
   * index began, or the whole file afresh (to a temporary file, then renamed over it) when there
   * is none or its garbage outweighs the rest. Reports not checked in this run are kept while
   * their file is there (another run checks other folders), and dropped once it is gone: the file
   * does not grow with renamed and deleted reports.
   */
  async save(note: (message: string) => void, seen: ReadonlySet<string>): Promise<void> {
    let unlock: (() => void) | undefined;
    try {
      if (!this.writable) return;
      for (const [file, r] of [...this.reports]) {
        if (seen.has(file) || fs.existsSync(file)) continue;
        this.reports.delete(file);
        this.garbage += partBytes(r);
        this.changed = true;
      }
      if (!this.changed) return;
      // (One run writes at a time. While another does, this run's results are not kept: a cache may lose, never mislead.)
      unlock = lockFile(this.file);
      if (!unlock) return;
      const live = [...this.reports.values()].reduce((n, r) => n + partBytes(r), 0);
      const fd = this.fd !== undefined && this.indexAt !== undefined && this.garbage <= Math.max(live, 1 << 20) ? this.sameFile() : undefined;
      if (fd !== undefined) this.append(fd);
      else await this.rewrite();
    } catch (e) {
      note(`缓存文件无法写入 (cache not written): ${this.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    } finally {
      unlock?.();
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /**
   * The file opened for writing if it is still as this run read it (its inode, size and footer):
   * else another run wrote it meanwhile, maybe over the place this run would append to, and it
   * is written afresh (from this run's parts, which lie before the index it read and which no
   * append touches).
   */
  private sameFile(): number | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(this.file, 'r+');
      const st = fs.fstatSync(fd);
      const footer = Buffer.alloc(FOOTER_LENGTH);
      if (st.ino === fs.fstatSync(this.fd!).ino && st.size === this.seen?.size && fs.readSync(fd, footer, 0, FOOTER_LENGTH, st.size - FOOTER_LENGTH) === FOOTER_LENGTH && footer.toString('latin1') === this.seen.footer) return fd;
    } catch {
      // (Gone or unreadable: written afresh.)
    }
    if (fd !== undefined) fs.closeSync(fd);
    return undefined;
  }

  /** The new parts, the index and the footer, from where the old index began. */
  private append(fd: number): void {
    try {
      let at = this.indexAt!;
      const chunks: Buffer[] = [];
      const place = (part: Part): Part => {
        if (typeof part !== 'string') return part;
        const b = Buffer.from(part, 'utf8');
        chunks.push(b);
        const range: Part = [at, b.length];
        at += b.length;
        return range;
      };
      this.placeParts(place);
      const tail = Buffer.concat([...chunks, ...this.indexAndFooter(this.indexAt!, at, chunks)]);
      fs.writeSync(fd, tail, 0, tail.length, this.indexAt!);
      fs.ftruncateSync(fd, this.indexAt! + tail.length);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The whole file afresh, the kept records' parts copied from the old one. */
  private async rewrite(): Promise<void> {
    const head = Buffer.from(`${JSON.stringify({ format: FORMAT, version: VERSION, tool: this.tool })}\n`, 'utf8');
    let at = head.length;
    const chunks: Buffer[] = [head];
    const place = (part: Part): Part => {
      const b = typeof part === 'string' ? Buffer.from(part, 'utf8') : this.bytes(part);
      chunks.push(b);
      const range: Part = [at, b.length];
      at += b.length;
      return range;
    };
    // (A part that cannot be read back: its record is left out, before any is placed.)
    for (const [file, r] of [...this.reports]) {
      try {
        for (const p of [r.own, r.figures, r.stated, r.cross?.part, r.shown?.part]) if (p && typeof p !== 'string') this.bytes(p);
      } catch {
        this.reports.delete(file);
      }
    }
    this.placeParts(place);
    chunks.push(...this.indexAndFooter(at, at, []));
    await writeAtomically(this.file, Buffer.concat(chunks));
  }

  private bytes(part: [number, number]): Buffer {
    const b = this.bytesOf(part);
    if (!Buffer.isBuffer(b)) throw new Error('part unreadable');
    return b;
  }

  /** Each record's parts placed, grouped by kind: a run reads one kind of most reports (their printed lines, or what they state). */
  private placeParts(place: (p: Part) => Part): void {
    const records = [...this.reports.values()];
    for (const r of records) r.own = place(r.own);
    for (const r of records) r.figures = place(r.figures);
    for (const r of records) r.stated = place(r.stated);
    for (const r of records) if (r.cross) r.cross = { digest: r.cross.digest, part: place(r.cross.part) };
    for (const r of records) if (r.shown) r.shown = { ...r.shown, part: place(r.shown.part) };
  }

  /** The index at `at` and the footer, its digest over the parts appended from `tail` (`appended`) and the index. */
  private indexAndFooter(tail: number, at: number, appended: readonly Buffer[]): Buffer[] {
    const index = Buffer.from(JSON.stringify({ ...(this.run ? { run: this.run } : {}), reports: [...this.reports] }, tagNumbers), 'utf8');
    const hex = (n: number) => n.toString(16).padStart(12, '0');
    const h = createHash('sha256');
    for (const b of appended) h.update(b);
    const digest = h.update(index).digest('hex').slice(0, 24);
    return [index, Buffer.from(`\nwengao-index ${hex(tail)} ${hex(at)} ${hex(index.length)} ${digest}\n`, 'latin1')];
  }
}

function partBytes(r: CachedReport): number {
  const n = (p: Part | undefined) => (p && typeof p !== 'string' ? p[1] : 0);
  return n(r.own) + n(r.figures) + n(r.stated) + n(r.cross?.part) + n(r.shown?.part);
}

/**
 * For each report, a digest of what figure.mismatch reads of the others for it: the workspace's
 * facts and, for each live key it states (in the workspace's terms), the digests of every
 * report's figures of that key (`statementsOf`). Equal digests, equal findings.
 */
export function crossDigests(all: readonly Stated[], live: ReadonlySet<string>, workspace: WorkspaceFacts, canon: (key: string) => string): string[] {
  const facts = JSON.stringify(workspace);
  // (Per live key, the digests of the reports that state it, in the reports' order.)
  const stating = new Map<string, string[]>();
  for (const s of all) {
    for (const [k, digest] of s.keys) {
      const c = canon(k);
      if (!live.has(c)) continue;
      let list = stating.get(c);
      if (!list) stating.set(c, (list = []));
      list.push(digest);
    }
  }
  // (Each key's list digested once: a key many reports state would be hashed once per report.)
  const listDigest = new Map<string, string>();
  for (const [c, list] of stating) listDigest.set(c, sha256(`${c}\u0000${list.join(',')}`));
  return all.map((s) => {
    const keys = [...new Set(s.keys.map(([k]) => canon(k)))].filter((c) => live.has(c)).sort();
    const h = createHash('sha256').update(facts);
    for (const c of keys) h.update(`\u0000${listDigest.get(c)}`);
    return h.digest('hex');
  });
}

/** A part the index names that cannot be read back: its report is analysed again. */
export class PartUnreadable extends Error {}

/** A cached report's statements (its figures read from the file when asked); PartUnreadable if they cannot be read. */
export function statedFrom(r: CachedReport, cache: ReportCache): Stated | undefined {
  if (!r.analyzed) return undefined;
  const stated = cache.json<Statements>(r.stated);
  if (!stated?.doc || !Array.isArray(stated.keys)) throw new PartUnreadable('statements');
  const doc = stated.doc;
  return {
    ...stated,
    entry: (keep) => {
      const perKey = cache.json<string[]>(r.figures);
      if (!Array.isArray(perKey) || perKey.length !== stated.keys.length) throw new PartUnreadable(`figures of ${doc.uri}`);
      const figures: DocumentEntry['figures'] = [];
      stated.keys.forEach(([k], i) => {
        if (keep && !keep(k)) return;
        try {
          figures.push(...parseExact<DocumentEntry['figures']>(perKey[i]));
        } catch {
          throw new PartUnreadable(`figures of ${doc.uri}`);
        }
      });
      // (In the document's order, as its analysis gave them.)
      return { ...doc, figures: figures.sort((a, b) => a.figure.span.start - b.figure.span.start) };
    },
  };
}

/** An entry of this run's analysis, as stated and as the cache keeps it. */
export function statedNow(entry: DocumentEntry): Stated & { figures: string; stated: string } {
  const { figures: _figures, ...doc } = entry;
  const { keys, figures } = statementsOf(entry);
  const s = { doc, keys };
  return { ...s, entry: () => entry, figures: JSON.stringify(figures), stated: JSON.stringify(s, tagNumbers) };
}

/** The reports of a run with --cache, in order: a run of the same reports with the same keys compares as that run did. */
export function runDigest(keys: readonly (readonly [file: string, key: string])[]): string {
  const h = createHash('sha256');
  for (const [file, key] of keys) h.update(`${file}\u0000${key}\u0001`);
  return h.digest('hex');
}

/**
 * Takes `file`.lock (created exclusively, holding this process's id) and gives the function that
 * lets it go; undefined while another run holds it. A lock whose process is gone, or older than a
 * minute, is taken over. Where no lock can be made at all (a read-only folder), the write goes
 * ahead unlocked and fails on its own, with its note.
 */
export function lockFile(file: string): (() => void) | undefined {
  const name = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(path.dirname(name), { recursive: true });
      const fd = fs.openSync(name, 'wx');
      try {
        fs.writeSync(fd, String(process.pid));
      } finally {
        fs.closeSync(fd);
      }
      return () => fs.rmSync(name, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined;
      if (attempt > 0 || !staleLock(name)) return undefined;
      fs.rmSync(name, { force: true });
    }
  }
  return undefined;
}

function staleLock(name: string): boolean {
  try {
    if (Date.now() - fs.statSync(name).mtimeMs > 60_000) return true;
    const pid = Number(fs.readFileSync(name, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ESRCH' || code === 'ENOENT';
  }
}
