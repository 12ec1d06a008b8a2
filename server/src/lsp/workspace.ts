/**
 * The workspace index: every report file under the workspace folders, read from disk in the
 * background (UTF-8, UTF-16, GB18030), kept current by file watching and by edits of open
 * documents (unsaved text wins). It feeds figure.mismatch and the comparison hover. The disk is
 * reached only through its `WorkspaceFs`: in an untrusted workspace that refuses every read, and
 * the index holds the open documents only.
 */
import { matches } from '../io/config';
import { isInside } from '../io/paths';
import { REPORT_INCLUDE, relativeTo } from '../io/reports';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Analysis, AnalyzeOptions, DocumentEntry, FigureIndex, PositionEncoding, Steps, WengaoConfig, analyze, documentKind, indexEntry, indexEntrySteps } from '../core';
import { readReport } from '../io/read';
import { DirEntry, WorkspaceFs, nodeFs } from '../io/workspaceFs';

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

/** Files larger than this are not indexed from disk (open ones still are). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class WorkspaceIndexer {
  readonly index = new FigureIndex();
  /** Documents open in the editor: the index holds their text as edited, not as on disk. */
  private readonly open = new Set<string>();
  private scanning: Promise<void> | undefined;
  /** Whether the workspace's reports have all been read once (the index can answer for them). */
  scanned = false;
  /** Told about each file that could not be read or decoded (for the status item). */
  onReadError: ((uri: string, message: string) => void) | undefined;

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

  isIndexed(uri: string): boolean {
    return this.index.has(uri);
  }

  /**
   * An open document's current analysis: it replaces whatever the disk said. In steps (the server
   * pauses between them for a large document); the index changes in the last one only.
   */
  *setOpen(uri: string, analysis: Analysis): Steps<Set<string>> {
    const entry = yield* indexEntrySteps(uri, fileName(uri), analysis);
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
    if (folders.length === 0) return this.index.remove(uri);
    return this.refreshFromDisk(uri, settings, folders);
  }

  /** A file changed, appeared or vanished on disk. Open documents keep their edited text. */
  async refreshFromDisk(uri: string, settings = DEFAULT_WORKSPACE, folders: string[] = []): Promise<Set<string>> {
    if (this.open.has(uri)) return new Set();
    if (!uri.startsWith('file:')) return this.index.remove(uri);
    const file = fileURLToPath(uri);
    if (folders.length && !included(file, folders, settings)) return this.index.remove(uri);
    const entry = await this.readEntry(uri);
    if (this.open.has(uri)) return new Set(); // opened while reading
    return entry ? this.index.set(entry) : this.index.remove(uri);
  }

  private async readEntry(uri: string): Promise<DocumentEntry | undefined> {
    const file = fileURLToPath(uri);
    try {
      const st = await this.fs.stat(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    } catch {
      // (Gone, or not to be read: an untrusted workspace's files are not there for the index.)
      return undefined;
    }
    const read = await readReport(file, this.fs);
    if (!read.ok) {
      this.log(`not indexed ${file}: ${read.message}`);
      if (!read.gone) this.onReadError?.(uri, read.message);
      return undefined;
    }
    const o = await this.analyzeOptions(file);
    if (!o.covered) return undefined;
    // Only the figures are needed for the index: no checks.
    // (Above the heavy limit no figures are read, as for an open document.)
    const analysis = await this.analyzer(read.text, { kind: documentKind(file), scope: o.scope, minChineseRatio: o.minChineseRatio, config: o.config, checks: [], heavyLimit: o.heavyLimit, positionEncoding: o.positionEncoding });
    if (!analysis.analyzed) return undefined;
    return indexEntry(uri, path.basename(file), analysis);
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
      const files: string[] = [];
      for (const folder of folders) await walk(this.fs, folder, folder, settings, files);
      let cut = 0;
      if (files.length > settings.maxFiles) {
        cut = files.length - settings.maxFiles;
        files.length = settings.maxFiles;
      }
      let n = 0;
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        if (this.open.has(uri)) continue;
        const entry = await this.readEntry(uri);
        if (entry && !this.open.has(uri)) {
          this.index.set(entry);
          n++;
        }
        await new Promise<void>((r) => setImmediate(r));
      }
      this.log(`indexed ${n} report files in ${Date.now() - started} ms${cut ? `; ${cut} more left out (wengao.workspace.maxFiles)` : ''}`);
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

async function walk(fs: WorkspaceFs, root: string, dir: string, settings: WorkspaceSettings, out: string[]): Promise<void> {
  if (out.length > settings.maxFiles * 2) return;
  let entries: DirEntry[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    const rel = relativeTo(root, p);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || settings.exclude.some((g) => matches(rel + '/', g, false) || matches(rel + '/x', g, false))) continue;
      await walk(fs, root, p, settings, out);
    } else if (e.isFile() && included(p, [root], settings)) {
      out.push(p);
    }
  }
}
