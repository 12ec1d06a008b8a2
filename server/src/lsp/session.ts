/**
 * What every feature of the server shares: the connection, the open documents (by the client's
 * URI and by their canonical one), what the client declared at initialize, the trust, the
 * workspace folders, the settings and the project config that apply to each document, the
 * workspace index and the status. Features receive a `Session`; none keeps state another needs.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Connection, MessageType, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, IGNORE_FILE, PositionEncoding } from '../core';
import { ConfigResolver, Resolved } from '../io/config';
import { canonicalUri, sourceViewUri } from '../io/paths';
import { isReportDocument } from '../io/reports';
import { WorkspaceFs, nodeFs, untrustedFs } from '../io/workspaceFs';
import { updateDocument } from './encoding';
import { StatusNotification } from './protocol';
import { DEFAULT_SETTINGS, Settings, parseSettings } from './settings';
import { OffThreadAnalyzer } from './offThread';
import { SLICE_MS } from './slices';
import { StatusReporter } from './status';
import { WorkspaceIndexer, WorkspaceSettings } from './workspace';

/**
 * Above this many characters (about 6 MB of Chinese text) the editor leaves out the figures and
 * the checks that need them; the status item says so. The CLI has no limit.
 */
export const HEAVY_LIMIT = 2_000_000;

/** The project's config and ignore file as they apply to one document. */
export interface DocContext {
  settings: Settings;
  resolved: Resolved;
  /** False when the project config's include/exclude leave the document out. */
  covered: boolean;
  /**
   * The config generation the context was read in. A config edit that arrives while it is read
   * makes it stale: its analysis must neither be published nor cached as the new generation's.
   */
  generation: number;
}

export function isConfigName(name: string): boolean {
  return name === CONFIG_FILE || name === IGNORE_FILE;
}

/** The file name at the end of a URI, decoded. */
export function baseName(uri: string): string {
  const i = uri.lastIndexOf('/');
  try {
    return decodeURIComponent(uri.slice(i + 1));
  } catch {
    return uri.slice(i + 1);
  }
}

/**
 * A message sent without waiting for it: a client that refuses it (no handler for a request) or
 * a connection already closed is nothing to act on, and must not surface as an unhandled
 * rejection.
 */
export function sent(p: Promise<unknown>): void {
  p.catch(() => undefined);
}

export interface ServerOptions {
  /** The bundled server's own file, the worker thread's entry too (main.ts); none: no worker. */
  workerScript?: string;
  /** How long a slice of publishing may hold the event loop (slices.ts SLICE_MS); 0: a pause at every step. */
  sliceMs?: number;
  /**
   * The workspace's files in a trusted workspace (default the disk, `nodeFs`): the one way the
   * server reads and writes them; the tests give one in memory. Untrusted, `untrustedFs` instead.
   */
  workspace?: WorkspaceFs;
}

export class Session {
  /** The units of a position's character, agreed at initialize (encoding.ts). */
  encoding: PositionEncoding = 'utf-16';
  readonly documents = new TextDocuments({ create: TextDocument.create, update: updateDocument(() => this.encoding) });
  /**
   * One document, one identity: the index speaks of canonical URIs (io/paths.ts canonicalUri),
   * the editor of its own spelling of them (%e4 or %E4). Open documents by their canonical URI.
   */
  readonly openAs = new Map<string, string>();
  readonly canon = canonicalUri;
  /** What the client declared (LSP): workspace/configuration, dynamic registration, `data` on diagnostics. */
  configurationCapability = false;
  configurationDynamic = false;
  watchDynamic = false;
  dataSupport = false;
  /**
   * The one way to the workspace's files, for the config resolver, the index, the figures
   * request, the watch and the ignore command: set by `trust` at initialize, `untrustedFs` (which
   * reads and writes nothing) when initializationOptions.trusted is false.
   */
  fs: WorkspaceFs;
  /** The files of a trusted workspace (`ServerOptions.workspace`). */
  private readonly trustedFs: WorkspaceFs;
  folders: string[] = [];
  workspaceSettings: WorkspaceSettings | undefined;
  globalSettings: Settings = DEFAULT_SETTINGS;
  /** Settings pushed by a client that cannot be asked (no workspace/configuration), or given at start. */
  pushedSettings: Settings | undefined;
  /** Bumped whenever a config or ignore file changes: every cached analysis is then stale. */
  configGeneration = 0;
  readonly settingsCache = new Map<string, Promise<Settings>>();
  readonly resolver: ConfigResolver;
  readonly indexer: WorkspaceIndexer;
  readonly status: StatusReporter;
  /** Where large documents are analysed: a worker thread when the server runs as a process. */
  readonly offThread: OffThreadAnalyzer;
  /** How long a slice of a document's analysis or publishing may hold the event loop (slices.ts). */
  readonly sliceMs: number;
  /** Called with a config or ignore file met for the first time since it changed (its own diagnostics). */
  onConfigSeen: (file: string) => void = () => undefined;
  /** Config and ignore files read, with the generation their diagnostics were published in. */
  private readonly configSeen = new Map<string, number>();
  /** Settings problems already said to the user. */
  private readonly saidSettings = new Set<string>();

  constructor(readonly connection: Connection, options: ServerOptions = {}) {
    this.trustedFs = options.workspace ?? nodeFs;
    this.fs = this.trustedFs;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.offThread = new OffThreadAnalyzer(options.workerScript, (msg) => this.log(msg), this.sliceMs);
    this.resolver = new ConfigResolver({
      fs: this.fs,
      overlay: (file) => (isConfigName(path.basename(file)) ? this.docOf(pathToFileURL(file).href)?.getText() : undefined),
    });
    this.indexer = new WorkspaceIndexer((msg) => this.log(msg), async (file) => {
      // (The workspace folder's settings: one configuration request, not one per file.)
      const ctx = await this.contextFor(pathToFileURL(file).href, this.globalSettings).catch(() => undefined);
      const g = this.globalSettings;
      return ctx
        ? { scope: ctx.settings.analyze, minChineseRatio: ctx.settings.minChineseRatio, config: ctx.resolved.config, covered: ctx.covered, heavyLimit: HEAVY_LIMIT, positionEncoding: this.encoding }
        : { scope: g.analyze, minChineseRatio: g.minChineseRatio, covered: true, positionEncoding: this.encoding };
    }, this.fs);
    this.status = new StatusReporter((p) => sent(connection.sendNotification(StatusNotification, p)), () => this.indexer.index.size);
    this.indexer.onReadError = (uri, message) => this.status.error(message, uri);
    this.indexer.analyzer = (text, options) => this.offThread.analyze(text, options);
  }

  /** initializationOptions.trusted: false in an untrusted workspace (no file is read or written). */
  get trusted(): boolean {
    return this.fs.trusted;
  }

  /**
   * The workspace's trust, said at initialize: the resolver and the index are given the file
   * system for it. Untrusted (Restricted Mode), they can read nothing: no .wengaorc.json or
   * .wengaoignore applies (only the user's settings), and the index holds open documents only.
   */
  /** The extension's storage folder for this workspace (initializationOptions.storagePath), where the index is kept between sessions. */
  storagePath: string | undefined;

  /** Whether the client opens a .docx or .pdf as a read-only view (initializationOptions.sourceViews: Wengao's own client). */
  sourceViews = false;

  /** The URI a link to another document is given: a .docx or .pdf's read-only view where the client has one. */
  readonly linkOf = (uri: string): string => (this.sourceViews ? sourceViewUri(uri) : uri);

  /** What the saved index is tied to: this build of the server (a digest of the bundle, or in tests of this module's source). */
  build(): string {
    try {
      return createHash('sha256').update(readFileSync(__filename)).digest('hex');
    } catch {
      // (Unreadable: a build that matches none, so that nothing saved is used.)
      return `unknown ${Date.now()}`;
    }
  }

  trust(trusted: boolean): void {
    this.fs = trusted ? this.trustedFs : untrustedFs;
    this.indexer.fs = this.fs;
    this.resolver.reset({ fs: this.fs });
  }

  log(msg: string): void {
    this.connection.console.info(`[wengao] ${msg}`);
  }

  /** The open document a URI names, however the URI is spelled. */
  docOf(uri: string): TextDocument | undefined {
    return this.documents.get(this.openAs.get(this.canon(uri)) ?? uri);
  }

  /** Whether Wengao analyses the document: a report, not a config or ignore file. */
  isOurs(doc: TextDocument): boolean {
    return !isConfigName(baseName(doc.uri)) && isReportDocument(doc.uri, doc.languageId);
  }

  /** Settings from a client's raw value; what is wrong with them is logged, the rest applies. */
  readSettings(raw: unknown): Settings {
    const { settings, problems } = parseSettings(raw);
    this.settingsProblems(problems);
    return settings;
  }

  /**
   * Settings that could not be read: logged, and said once to the user (the same problems are
   * not said again on every request), since what applies instead is the default.
   */
  private settingsProblems(problems: string[]): void {
    for (const p of problems) this.connection.console.warn(`[wengao] ${p}`);
    if (problems.length === 0) return;
    const key = problems.join('\n');
    if (this.saidSettings.has(key)) return;
    this.saidSettings.add(key);
    const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : '';
    // (A notification: nothing to answer, and every client shows it.)
    sent(this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `文稿设置有误，有误之处改用默认值或不生效${more}：${problems[0]} (Wengao settings: where they could not be read the defaults apply, or the pattern is ignored; see the Wengao output)`,
    }));
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.configurationCapability) return Promise.resolve(this.pushedSettings ?? DEFAULT_SETTINGS);
    let s = this.settingsCache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'wengao' })
        .then((raw) => this.readSettings(raw))
        .catch((err) => {
          this.connection.console.warn(`[wengao] could not read settings: ${String(err)}; using defaults`);
          return DEFAULT_SETTINGS;
        });
      this.settingsCache.set(uri, s);
    }
    return s;
  }

  /** A document's settings, with the project's config and ignore file laid over them. */
  async contextFor(uri: string, given?: Settings): Promise<DocContext> {
    const generation = this.configGeneration;
    const settings = given ?? (await this.settingsFor(uri));
    if (!uri.startsWith('file:')) return { settings, resolved: { config: settings.config, ignore: [] }, covered: true, generation };
    const file = fileURLToPath(uri);
    const resolved = await this.resolver.forFile(file, settings.config);
    // A config or ignore file seen for the first time since it changed: its own diagnostics.
    for (const f of [resolved.file?.path, resolved.ignoreFile?.path]) {
      if (f && this.configSeen.get(f) !== this.configGeneration) {
        this.configSeen.set(f, this.configGeneration);
        this.onConfigSeen(f);
      }
    }
    const own = resolved.file?.config;
    const covered = own && (own.include || own.exclude) ? this.resolver.covers(file, resolved) : true;
    return { settings, resolved, covered, generation };
  }
}
