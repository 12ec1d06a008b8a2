/**
 * The workspace index: every report file under the workspace folders, read from disk in the
 * background (UTF-8, UTF-16, GB18030), kept current by file watching and by edits of open
 * documents (unsaved text wins). It feeds figure.mismatch and the comparison hover. The disk is
 * reached only through its `WorkspaceFs`: in an untrusted workspace that refuses every read, and
 * the index holds the open documents only. Folders are walked by io/walk.ts, the CLI's walk:
 * symbolic links are followed inside the workspace folder, each real file is indexed once (under
 * its own path where the walk meets it), and a link out of the folder or to nothing is logged,
 * not read; a file the watcher reports is held to the same rule.
 */
import { matches } from '../io/config';
import { describeFsError } from '../io/errors';
import { isInside } from '../io/paths';
import { REPORT_INCLUDE, relativeTo } from '../io/reports';
import { LINK_NOT_FOLLOWED, walkFolder } from '../io/walk';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Analysis, AnalyzeOptions, DocumentEntry, FigureIndex, PositionEncoding, Steps, WengaoConfig, analyze, documentKind, indexEntry, indexEntrySteps, statementKey } from '../core';
import { NOT_REGULAR, readReport } from '../io/read';
import { FileStat, RACY_MS, WorkspaceFs, nodeFs } from '../io/workspaceFs';
import { SavedIndex, textDigest } from './persist';

export interface WorkspaceSettings {
  include: string[];
  exclude: string[];
  /** Most files indexed; a larger workspace is cut here, and the log says so. */
  maxFiles: number;
}

export const DEFAULT_WORKSPACE: WorkspaceSettings = {
  include: REPORT_INCLUDE,
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**'],
  maxFiles: 5000,
};

/** The longest a restored batch waits before the open documents it touches are checked again (ten times as long after their own statements are back). */
const RESTORE_BATCH_MS = 100;

/** Files larger than this are not indexed from disk (open ones still are). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class WorkspaceIndexer {
  readonly index = new FigureIndex();
  /** Documents open in the editor: the index holds their text as edited, not as on disk. */
  private readonly open = new Set<string>();
  private scanning: Promise<void> | undefined;
  /** Whether the workspace's reports have all been read once (the index can answer for them). */
  scanned = false;
  /**
   * The index of the last session (persist.ts), set by the server before the scan when it has a
   * storage folder and the workspace is trusted; `fromSaved` counts the files it answered for.
   */
  saved: SavedIndex = SavedIndex.none();
  fromSaved = 0;
  /** Files whose size or time changed, read again, and found with the same text: their saved entry holds. */
  sameText = 0;
  /** Files the scan took from the saved index before walking the folders (`restore`). */
  private readonly restored = new Set<string>();
  /** Told the statement keys each restored batch touched: the open documents holding them are checked again. */
  onTouched: ((touched: Set<string>) => void) | undefined;
  /** Told about each file that could not be read or decoded (for the status item). */
  onReadError: ((uri: string, message: string) => void) | undefined;
  /**
   * Files read from disk: the real path of each indexed URI, and the URI each real path is
   * indexed under. A file reached through a link is indexed under the link's path, but the
   * watcher names its own path: the change is then read under the link's.
   */
  private readonly realOf = new Map<string, string>();
  private readonly uriOfReal = new Map<string, string>();
  /** The workspace folders' real paths: a file's must lie inside one. */
  private readonly realFolders = new Map<string, Promise<string | undefined>>();
  /**
   * The reads of URIs in flight: each URI's latest, numbered from one counter. Reads overlap: a
   * large file's analysis takes seconds, and the watcher's "deleted" may be handled meanwhile. A
   * read whose URI was asked for again since it began (another read, or the editor's text) finds
   * another number here or none, and is dropped: the latest event decides, and a file deleted
   * during its own read does not come back. An entry goes when its read ends, so the map holds
   * only the reads under way.
   */
  private readonly asked = new Map<string, number>();
  private reads = 0;

  private ask(uri: string): number {
    const n = ++this.reads;
    this.asked.set(uri, n);
    return n;
  }

  private stale(uri: string, n: number): boolean {
    return this.asked.get(uri) !== n;
  }

  /** A read ended: its entry goes, unless a later read of the URI has taken its place. */
  private settle(uri: string, n: number): void {
    if (this.asked.get(uri) === n) this.asked.delete(uri);
  }

  constructor(
    private readonly log: (msg: string) => void,
    /** How a file on disk is analysed: its settings and project config; `covered: false` leaves it out. */
    private readonly analyzeOptions: (file: string) => Promise<{ scope: 'chinese' | 'all' | 'off'; minChineseRatio: number; config?: WengaoConfig; covered: boolean; heavyLimit?: number; positionEncoding?: PositionEncoding }>,
    /**
     * Where files are read; the server sets it at initialize for the workspace's trust. In an
     * untrusted workspace (`untrustedFs`) nothing can be read, so the index holds the open
     * documents only (a closed or changed file leaves it: its refused read is a file not there).
     */
    public fs: WorkspaceFs = nodeFs,
  ) {}

  /** How a file's text is analysed: `analyze` here; the server gives its worker thread for large files. */
  analyzer: (text: string, options: AnalyzeOptions) => Promise<Analysis> | Analysis = analyze;

  /**
   * An open document's current analysis: it replaces whatever the disk said. In steps (the server
   * pauses between them for a large document); the index changes in the last one only.
   */
  *setOpen(uri: string, analysis: Analysis): Steps<Set<string>> {
    const entry = yield* indexEntrySteps(uri, fileName(uri), analysis);
    this.asked.delete(uri); // (a read of the disk's text under way is stale now)
    const touched = yield* this.index.setSteps(entry);
    this.open.add(uri);
    return touched;
  }

  /**
   * A document was closed: the disk's version counts again, if it is a report of the workspace
   * (a file from elsewhere that was open leaves the index: it is not read from disk).
   */
  async closed(uri: string, settings = DEFAULT_WORKSPACE, folders: string[] = []): Promise<Set<string>> {
    this.open.delete(uri);
    if (folders.length === 0) {
      this.asked.delete(uri);
      return this.remove(uri);
    }
    return this.refreshFromDisk(uri, settings, folders);
  }

  /**
   * A file changed, appeared or vanished on disk. Open documents keep their edited text. Held
   * to the walk's rule (io/walk.ts): a file whose real path lies outside its workspace folder (a
   * link made since the scan, say) is not read, and a file the index holds under a link's path is
   * read again under that path.
   */
  async refreshFromDisk(uri: string, settings = DEFAULT_WORKSPACE, folders: string[] = [], redirected = false): Promise<Set<string>> {
    if (this.open.has(uri)) return new Set();
    const n = this.ask(uri);
    try {
      return await this.refresh(uri, n, settings, folders, redirected);
    } finally {
      this.settle(uri, n);
    }
  }

  private async refresh(uri: string, n: number, settings: WorkspaceSettings, folders: string[], redirected: boolean): Promise<Set<string>> {
    if (!uri.startsWith('file:')) return this.remove(uri);
    const file = fileURLToPath(uri);
    if (folders.length) {
      // (Asked first: the file's own path may lie where the walk does not go, in a dot-folder or
      // one excluded, and be indexed under a link's. Gone: the entry under the link goes too.)
      const real = await this.fs.realpath(file).catch(() => undefined);
      if (this.stale(uri, n)) return new Set();
      const via = this.uriOfReal.get(real ?? file);
      if (via && via !== uri && !redirected) return this.refreshFromDisk(via, settings, folders, true);
      if (!included(file, folders, settings) || real === undefined) return this.remove(uri);
      const folder = folders.find((f) => isInside(f, file, true))!;
      const realFolder = await this.realFolder(folder);
      if (this.stale(uri, n)) return new Set();
      if (!realFolder || !isInside(realFolder, real, true)) {
        this.log(`not indexed ${file}: ${LINK_NOT_FOLLOWED.outside}`);
        return this.remove(uri);
      }
      return this.indexFromDisk(uri, n, real);
    }
    return this.indexFromDisk(uri, n);
  }

  /**
   * Reads a file of the workspace into the index (or out of it, when it is not a report any more),
   * unless its URI was asked for again meanwhile (`n`, from `ask`): then the later read decides.
   */
  private async indexFromDisk(uri: string, n: number, real?: string): Promise<Set<string>> {
    const entry = await this.readEntry(uri);
    if (this.open.has(uri) || this.stale(uri, n)) return new Set(); // opened, changed or deleted while reading
    if (!entry) return this.remove(uri);
    if (real) {
      this.realOf.set(uri, real);
      this.uriOfReal.set(real, uri);
    }
    return this.index.set(entry);
  }

  /** A document leaves the index, and the real path it was read from is forgotten. */
  private remove(uri: string): Set<string> {
    const real = this.realOf.get(uri);
    if (real !== undefined) {
      this.realOf.delete(uri);
      if (this.uriOfReal.get(real) === uri) this.uriOfReal.delete(real);
    }
    return this.index.remove(uri);
  }

  private realFolder(folder: string): Promise<string | undefined> {
    let p = this.realFolders.get(folder);
    if (!p) {
      p = this.fs.realpath(folder).catch(() => undefined);
      this.realFolders.set(folder, p);
    }
    return p;
  }

  private async readEntry(uri: string): Promise<DocumentEntry | undefined> {
    const file = fileURLToPath(uri);
    let st: FileStat;
    try {
      st = await this.fs.stat(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    } catch {
      // (Gone, or not to be read: an untrusted workspace's files are not there for the index.)
      this.saved.drop(uri);
      return undefined;
    }
    const o = await this.analyzeOptions(file);
    if (!o.covered) return undefined;
    // The saved entry (persist.ts), where the text and the options it was read with are unchanged:
    // the file is read (its size and time vouch for it only in `restore`), not analysed.
    const options = JSON.stringify(o);
    const saved = this.saved.get(uri);
    const same = saved !== undefined && saved.options === options;
    const readAt = Date.now();
    const read = await readReport(file, this.fs);
    if (!read.ok) {
      this.log(`not indexed ${file}: ${read.message}`);
      if (!read.gone) this.onReadError?.(uri, read.message);
      this.saved.drop(uri);
      return undefined;
    }
    // (A .docx or .pdf: where its lines came from too, which the index's places name.)
    const hash = textDigest(read.source ? `${read.text}\u0000${JSON.stringify(read.source.lines)}` : read.text);
    if (same && saved.hash === hash) {
      const entry = this.saved.entry(uri);
      if (entry !== undefined) {
        this.saved.touch(uri, st.size, st.mtimeMs ?? -1, readAt);
        this.sameText++;
        return entry ?? undefined;
      }
    }
    // Only the figures are needed for the index: no checks.
    // (Above the heavy limit no figures are read, as for an open document.)
    // (A .docx read into text keeps where its lines came from: the index names those places.)
    const analysis = await this.analyzer(read.text, { kind: documentKind(file), scope: o.scope, minChineseRatio: o.minChineseRatio, config: o.config, checks: [], heavyLimit: o.heavyLimit, positionEncoding: o.positionEncoding, origins: read.source && { format: read.source.format, lines: read.source.lines } });
    const entry = analysis.analyzed ? indexEntry(uri, path.basename(file), analysis) : undefined;
    this.saved.put(uri, { size: st.size, mtimeMs: st.mtimeMs ?? -1, readAt, hash, options }, entry ?? null);
    return entry;
  }

  /**
   * The saved index's entries into the index, each whose file's size, time and options vouch for
   * it (persist.ts): first the files that share a statement with an open document, then the rest.
   * The open documents they touch are checked again as they come (`onTouched`, a batch at most
   * every RESTORE_BATCH_MS), so that their cross-document findings are back before the walk.
   */
  private async restore(folders: string[], settings: WorkspaceSettings): Promise<void> {
    const openKeys = new Set<string>();
    for (const uri of this.open) for (const g of this.index.get(uri)?.figures ?? []) {
      const k = statementKey(g.figure);
      if (k) openKeys.add(k);
    }
    const uris = this.saved.uris().filter((u) => u.startsWith('file:') && !this.open.has(u));
    const first = new Set(uris.filter((u) => this.saved.get(u)!.keys.some((k) => openKeys.has(k))));
    let touched = new Set<string>();
    let last = Date.now();
    let k = 0;
    const flush = () => {
      if (touched.size) this.onTouched?.(touched);
      touched = new Set();
      last = Date.now();
    };
    for (const uri of [...first, ...uris.filter((u) => !first.has(u))]) {
      // (Held to the walk's rules: no more than it would index, nothing in a folder it does not enter.)
      if (this.restored.size >= settings.maxFiles) break;
      const file = fileURLToPath(uri);
      if (!included(file, folders, settings) || !walkable(file, folders, settings)) continue;
      const asked = this.ask(uri);
      try {
        const entry = await this.savedEntry(uri, file);
        if (entry === undefined || this.stale(uri, asked) || this.open.has(uri)) continue;
        if (entry) for (const key of this.index.set(entry)) touched.add(key);
        this.restored.add(uri);
        this.fromSaved++;
      } finally {
        this.settle(uri, asked);
      }
      // (Often while the open documents' statements come back; then seldom: each batch re-checks them.)
      const firstDone = first.has(uri) && first.size === this.restored.size;
      if (firstDone || Date.now() - last > (first.has(uri) ? RESTORE_BATCH_MS : RESTORE_BATCH_MS * 10)) flush();
      if (++k % 20 === 0) await new Promise<void>((r) => setImmediate(r));
    }
    flush();
  }

  /** A file's saved entry if its size, time and options are unchanged and its time was not in doubt (null: not a report); else undefined. */
  private async savedEntry(uri: string, file: string): Promise<DocumentEntry | null | undefined> {
    const saved = this.saved.get(uri);
    if (!saved) return undefined;
    const st = await this.fs.stat(file).catch(() => undefined);
    if (!st || !st.isFile() || st.size !== saved.size || typeof st.mtimeMs !== 'number' || st.mtimeMs !== saved.mtimeMs) return undefined;
    // (Modified close to its read: it may have changed again within the clock's tick. Read again.)
    if (saved.mtimeMs > saved.readAt - RACY_MS) return undefined;
    const o = await this.analyzeOptions(file);
    if (!o.covered || JSON.stringify(o) !== saved.options) return undefined;
    return this.saved.entry(uri);
  }

  /**
   * Reads every report under the folders, yielding to the event loop between files so that the
   * editor's requests are answered meanwhile. Resolves when done.
   */
  scan(folders: string[], settings: WorkspaceSettings): Promise<void> {
    const run = async () => {
      // (Nothing to walk where nothing can be read; and no "indexed 0" in the log.)
      if (!this.fs.trusted) return;
      const started = Date.now();
      this.realFolders.clear();
      // The saved index first: its entries come back before the folders are walked.
      if (this.saved.size) await this.restore(folders, settings);
      const files: { path: string; real: string }[] = [];
      // (Shared by the folders, which may nest: each real file once in the workspace.)
      const seen = { files: new Set<string>(), dirs: new Set<string>() };
      for (const folder of folders) {
        if (files.length > settings.maxFiles * 2) break;
        const walked = await walkFolder(this.fs, folder, {
          enter: (d) => !path.basename(d).startsWith('.') && !excludedFolder(relativeTo(folder, d), settings),
          want: (f) => included(f, [folder], settings),
          // (Enough to say how many are left out, up to as many again.)
          stopAfter: settings.maxFiles * 2 + 1 - files.length,
          seen,
        });
        for (const u of walked.unreadable) this.log(`not indexed ${u.path}: 无法读取文件夹 (cannot read the folder): ${describeFsError(u.error)}`);
        for (const l of walked.links) this.log(`not indexed ${l.path}: ${LINK_NOT_FOLLOWED[l.reason]}`);
        for (const x of walked.special) this.log(`not indexed ${x.path}: ${NOT_REGULAR}`);
        files.push(...walked.files);
      }
      let cut = 0;
      if (files.length > settings.maxFiles) {
        cut = files.length - settings.maxFiles;
        files.length = settings.maxFiles;
      }
      let n = 0;
      for (const file of files) {
        const uri = pathToFileURL(file.path).href;
        if (this.open.has(uri)) continue;
        if (this.restored.has(uri)) {
          // (Restored: the walk found it where it was, and says where it lies.)
          this.realOf.set(uri, file.real);
          this.uriOfReal.set(file.real, uri);
          if (this.index.has(uri)) n++;
          continue;
        }
        const asked = this.ask(uri);
        await this.indexFromDisk(uri, asked, file.real).finally(() => this.settle(uri, asked));
        if (this.index.has(uri) && !this.open.has(uri)) n++;
        await new Promise<void>((r) => setImmediate(r));
      }
      this.log(`indexed ${n} report files in ${Date.now() - started} ms${this.fromSaved || this.sameText ? ` (${this.fromSaved} from the saved index, ${this.sameText} read again and unchanged)` : ''}${cut ? `; ${cut} more left out (wengao.workspace.maxFiles)` : ''}`);
      // (Files deleted or left out since the last session leave the saved index, and a restored
      // one the walk no longer finds, behind a link that now leads out, leaves the index.)
      const walked = new Set(files.map((f) => pathToFileURL(f.path).href));
      for (const uri of this.restored) if (!walked.has(uri) && !this.open.has(uri)) this.remove(uri);
      this.restored.clear();
      this.saved.keepOnly(walked);
      await this.saved.save();
      this.saved.release();
    };
    this.scanning = run().finally(() => {
      this.scanned = true;
    });
    return this.scanning;
  }

  whenScanned(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }
}

function fileName(uri: string): string {
  try {
    return uri.startsWith('file:') ? path.basename(fileURLToPath(uri)) : decodeURIComponent(uri.replace(/^.*[/:]/, ''));
  } catch {
    return uri;
  }
}

export function included(file: string, folders: string[], settings: WorkspaceSettings): boolean {
  const folder = folders.find((f) => isInside(f, file, true));
  if (!folder) return false;
  const rel = relativeTo(folder, file);
  return settings.include.some((g) => matches(rel, g, false)) && !settings.exclude.some((g) => matches(rel, g, false));
}

/** Whether the walk enters every folder on the way to `file` (scan's `enter`: no dot-folder, none excluded). */
function walkable(file: string, folders: string[], settings: WorkspaceSettings): boolean {
  const folder = folders.find((f) => isInside(f, file, true));
  if (!folder) return false;
  const dirs = relativeTo(folder, path.dirname(file)).split('/').filter((d) => d && d !== '.');
  return dirs.every((d, i) => !d.startsWith('.') && !excludedFolder(dirs.slice(0, i + 1).join('/'), settings));
}

/** Whether an exclude pattern leaves out a folder (the folder itself, or everything in it). */
function excludedFolder(rel: string, settings: WorkspaceSettings): boolean {
  return settings.exclude.some((g) => matches(rel + '/', g, false) || matches(rel + '/x', g, false));
}
