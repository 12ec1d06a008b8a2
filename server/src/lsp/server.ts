/**
 * The language server: a thin layer that fetches a document, asks the core, and converts.
 * `startServer` takes a connection so tests can run it in-process or over stdio alike.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  Connection, Diagnostic, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, FileEvent, Hover, InitializeResult, MarkupKind,
  MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis, CODES, CONFIG_FILE, Finding, IGNORE_FILE, LOCAL_CHECKS, LineIndex, analyze, buildFolds, documentKind, figureHover, firstFindings, sliceWhole,
  IgnoreEntry, Locale, PositionEncoding, formatIgnoreEntry, inWorkspace, judgedIgnoreEntries, staleIgnoreEntries, staleIgnoreFinding,
} from '../core';
import { ConfigResolver, Resolved, ignoreEntryPath } from '../io/config';
import { canonicalUri, isInside } from '../io/paths';
import { WATCHED, watchFolders } from '../io/watch';
import { readReport } from '../io/read';
import { choosePositionEncoding, updateDocument } from './encoding';
import { IGNORE_COMMAND, IgnoreArgs, toCodeActions, toDiagnostic, toFoldingRanges, toSymbols } from './convert';
import { FigureItem, FiguresChangedNotification, FiguresParams, FiguresRequest, FiguresResult, StatusNotification } from './protocol';
import { DEFAULT_SETTINGS, Settings, filesExclude, parseSettings } from './settings';
import { StatusReporter } from './status';
import { WorkspaceIndexer, WorkspaceSettings } from './workspace';

/**
 * Quiet time after a keystroke before a document is analysed again: none beyond the messages
 * already queued (a paste or an auto-closed pair arrives as one change). While an analysis
 * runs, further keystrokes wait for it and are analysed together right after, so a large
 * document is never analysed more often than it can be, and a small one shows its diagnostics
 * at once.
 */
export const DEBOUNCE_MS = 0;

/**
 * Above this many characters (about 6 MB of Chinese text) the editor leaves out the figures and
 * the checks that need them; the status item says so. The CLI has no limit.
 */
export const HEAVY_LIMIT = 2_000_000;

/** Diagnostics published per document at most. */
export const MAX_DIAGNOSTICS = 1000;

const KNOWN_CODES = new Set<string>(Object.values(CODES));

// ('text': Neovim's name for plain text.)
const LANGUAGES = new Set(['plaintext', 'text', 'markdown', 'wengao-report']);

/** The project's config and ignore file as they apply to one document. */
interface DocContext {
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

function isConfigName(name: string): boolean {
  return name === CONFIG_FILE || name === IGNORE_FILE;
}

export function startServer(connection: Connection): void {
  /** The units of a position's character, agreed at initialize (encoding.ts). */
  let encoding: PositionEncoding = 'utf-16';
  const documents = new TextDocuments({ create: TextDocument.create, update: updateDocument(() => encoding) });
  // One document, one identity: the index speaks of canonical URIs (io/paths.ts canonicalUri),
  // the editor of its own spelling of them (%e4 or %E4). Open documents by their canonical URI:
  const openAs = new Map<string, string>();
  const canon = canonicalUri;
  /** The open document a URI names, however the URI is spelled. */
  const docOf = (uri: string) => documents.get(openAs.get(canon(uri)) ?? uri);
  /** Per document: the analysis of one text. The text is compared too, not only the version: a
   * client that repeats a version number with new text gets the new text analysed. */
  const cache = new Map<string, { version: number; text: string; key: string; analysis: Analysis }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents being analysed, and whether another change arrived meanwhile. */
  const running = new Map<string, boolean>();
  const settingsCache = new Map<string, Promise<Settings>>();
  /** Bumped whenever a config or ignore file changes: every cached analysis is then stale. */
  let configGeneration = 0;
  /** Config and ignore files with diagnostics published (so that fixing one clears them). */
  const configDiagnosed = new Set<string>();
  /** What is wrong with each config or ignore file itself, by its URI. */
  const fileProblems = new Map<string, { text: string; findings: Finding[] }>();
  /**
   * Lines of an ignore file (by its URI) that name an analysed report (by its URI) and silence
   * nothing in it any more, as notes on the ignore file: the CLI's notes, in the editor.
   */
  const staleNotes = new Map<string, Map<string, { key: string; diagnostics: Diagnostic[] }>>();
  /** Config and ignore files read, with the generation their diagnostics were published in. */
  const configSeen = new Map<string, number>();
  const overlay = (file: string): string | undefined => {
    if (!isConfigName(path.basename(file))) return undefined;
    return docOf(pathToFileURL(file).href)?.getText();
  };
  const resolver = new ConfigResolver({ overlay });
  let configurationCapability = false;
  /** What the client declared (LSP): dynamic registration of each notification, and `data` on diagnostics. */
  let configurationDynamic = false;
  let watchDynamic = false;
  let dataSupport = false;
  /** Settings pushed by a client that cannot be asked (no workspace/configuration), or given at start. */
  let pushedSettings: Settings | undefined;
  /** The last diagnostics published per document, with their data: for a client without dataSupport. */
  const publishedData = new Map<string, Diagnostic[]>();
  let stopWatching: (() => void) | undefined;
  const log = (msg: string) => connection.console.info(`[wengao] ${msg}`);
  let folders: string[] = [];
  let workspaceSettings: WorkspaceSettings | undefined;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  const indexer = new WorkspaceIndexer(log, async (file) => {
    // (The workspace folder's settings: one configuration request, not one per file.)
    const ctx = await contextFor(pathToFileURL(file).href, globalSettings).catch(() => undefined);
    return ctx
      ? { scope: ctx.settings.analyze, minChineseRatio: ctx.settings.minChineseRatio, config: ctx.resolved.config, covered: ctx.covered, heavyLimit: HEAVY_LIMIT, positionEncoding: encoding }
      : { scope: globalSettings.analyze, minChineseRatio: globalSettings.minChineseRatio, covered: true, positionEncoding: encoding };
  });
  const publishTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // --- wengao/status and workspace trust (status.ts) ---
  const status = new StatusReporter((p) => void connection.sendNotification(StatusNotification, p), () => indexer.index.size);
  indexer.onReadError = (uri, message) => status.error(message, uri);
  /** initializationOptions.trusted: false in an untrusted workspace (no reading of other files). */
  let trusted = true;
  // --- end wengao/status ---

  connection.onInitialize((params): InitializeResult => {
    configurationCapability = !!params.capabilities.workspace?.configuration;
    configurationDynamic = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    watchDynamic = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    dataSupport = !!params.capabilities.textDocument?.publishDiagnostics?.dataSupport;
    encoding = choosePositionEncoding(params.capabilities.general?.positionEncodings);
    // Settings given with the request ({ settings: { wengao: … } }), for clients that push them.
    const given = (params.initializationOptions as { settings?: { wengao?: unknown } } | undefined)?.settings?.wengao;
    if (given !== undefined) pushedSettings = readSettings(given);
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false; // wengao: trust
    indexer.readsDisk = trusted;
    // (Restricted Mode: no .wengaorc.json or .wengaoignore is read; only the user's settings apply.)
    resolver.reset({ readsFiles: trusted });
    return {
      capabilities: {
        // (Said, not assumed: UTF-16 unless the client offered UTF-8 or UTF-32 first.)
        positionEncoding: encoding,
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Wengao' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        executeCommandProvider: { commands: [IGNORE_COMMAND] },
      },
      serverInfo: { name: 'wengao', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    log(`server started (pid ${process.pid}, node ${process.version}), workspace folders: ${folders.join(', ') || '(none)'}${trusted ? '' : '; untrusted workspace: no background indexing, no files written'}`);
    // (Registered dynamically only where the client said it may be.)
    if (configurationCapability && configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'wengao' });
    }
    // Reports, configs and ignore files changed on disk: the client watches them where it can,
    // the server itself where it cannot. Not in an untrusted workspace, which reads no file.
    if (trusted && watchDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    } else if (trusted && folders.length) {
      stopWatching = watchFolders(folders, (changes) => void onWatched(changes.map((c) => ({ uri: c.uri, type: c.deleted ? FileChangeType.Deleted : FileChangeType.Changed }))), (msg) => log(msg));
    }
    // wengao: trust. An untrusted workspace compares open documents only.
    if (trusted) void startIndexing();
    else log('untrusted workspace: other files are not read; open documents are compared with each other only');
    status.update();
  });

  /** Reads the workspace's report files in the background, then re-checks the open documents. */
  async function startIndexing(): Promise<void> {
    if (folders.length === 0 || !trusted) return;
    status.setIndexing(true); // wengao/status
    try {
      const scope = pathToFileURL(folders[0]).href;
      globalSettings = await settingsFor(scope);
      let exclude: string[] = [];
      if (configurationCapability) {
        exclude = filesExclude(await connection.workspace.getConfiguration({ scopeUri: scope, section: 'files.exclude' }).catch(() => undefined));
      }
      workspaceSettings = { ...globalSettings.workspace, exclude: [...globalSettings.workspace.exclude, ...exclude] };
      await indexer.scan(folders, workspaceSettings);
      for (const doc of documents.all()) schedulePublish(doc.uri);
    } catch (err) {
      connection.console.error(`[wengao] indexing the workspace failed: ${err instanceof Error ? err.stack : String(err)}`);
      status.error(`indexing the workspace failed: ${String(err)}`); // wengao/status
    } finally {
      status.setIndexing(false); // wengao/status
    }
  }

  /** Re-checks the open documents that share statements with a changed one. */
  function refreshOthers(changed: string, touched: Set<string>): void {
    if (touched.size === 0) return;
    for (const uri of indexer.index.documentsWith(touched)) {
      const doc = docOf(uri);
      if (doc && canon(doc.uri) !== canon(changed)) schedulePublish(doc.uri);
    }
  }

  function schedulePublish(uri: string): void {
    const old = publishTimers.get(uri);
    if (old) clearTimeout(old);
    publishTimers.set(
      uri,
      setTimeout(() => {
        publishTimers.delete(uri);
        void validate(uri, false);
      }, 50),
    );
  }

  connection.onDidChangeConfiguration((params) => {
    // A client that cannot be asked pushes its settings here ({ wengao: … }); one that can is asked again.
    const pushed = (params?.settings as { wengao?: unknown } | null | undefined)?.wengao;
    if (!configurationCapability && pushed !== undefined) {
      pushedSettings = readSettings(pushed);
      globalSettings = pushedSettings;
    }
    settingsCache.clear();
    cache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  /** A config or ignore file changed (on disk or in the editor): everything is checked again. */
  function configChanged(file: string): void {
    resolver.changed(file);
    configGeneration++;
    void publishConfigDiagnostics(file);
    for (const doc of documents.all()) if (isOurs(doc)) schedule(doc, 0);
  }

  /** Diagnostics on a .wengaorc.json or .wengaoignore: what is wrong with it, or none. */
  async function publishConfigDiagnostics(file: string): Promise<void> {
    try {
      const uri = pathToFileURL(file).href;
      const name = path.basename(file);
      const parsed = name === CONFIG_FILE ? await resolver.readConfig(file) : name === IGNORE_FILE ? await resolver.readIgnore(file) : undefined;
      // In the language of the config that applies there (the file's own "language" included),
      // as the CLI reports them.
      const locale = parsed ? (await resolver.forFile(file, globalSettings.config)).config.language : undefined;
      const findings = parsed ? resolver.problemsIn(parsed, locale) : [];
      fileProblems.set(uri, { text: parsed?.text ?? '', findings });
      await sendProjectFile(uri);
    } catch (err) {
      connection.console.error(`[wengao] checking ${file} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  /** A config or ignore file's diagnostics: its own problems, and (an ignore file) its stale lines. */
  async function sendProjectFile(uri: string): Promise<void> {
    const own = fileProblems.get(uri);
    const lines = new LineIndex(own?.text ?? '', encoding);
    // (Each note in the lines of the text it was made on: the file may have changed since.)
    const diagnostics = [...(own?.findings ?? []).map((f) => toDiagnostic(f, lines, uri)), ...[...(staleNotes.get(uri)?.values() ?? [])].flatMap((n) => n.diagnostics)];
    if (diagnostics.length === 0 && !configDiagnosed.has(uri)) return;
    if (diagnostics.length) configDiagnosed.add(uri);
    else configDiagnosed.delete(uri);
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    await connection.sendDiagnostics({ uri, diagnostics });
  }

  /** A report's stale ignore lines (staleIgnoreEntries), noted on its ignore file; none when `entries` is empty. */
  function noteStaleIgnoreLines(report: string, ignoreFile: { path: string; text: string } | undefined, entries: IgnoreEntry[], locale: Locale | undefined): void {
    const target = ignoreFile ? pathToFileURL(ignoreFile.path).href : undefined;
    for (const [uri, byReport] of staleNotes) {
      if (uri === target || !byReport.delete(report)) continue;
      void sendProjectFile(uri);
    }
    if (!target || !ignoreFile) return;
    const byReport = staleNotes.get(target) ?? new Map<string, { key: string; diagnostics: Diagnostic[] }>();
    const before = byReport.get(report)?.key ?? '';
    if (entries.length) {
      const lines = new LineIndex(ignoreFile.text, encoding);
      const diagnostics = entries.map((e) => toDiagnostic(staleIgnoreFinding(ignoreFile.text, e, locale, lines), lines, target));
      byReport.set(report, { key: JSON.stringify(diagnostics.map((d) => [d.range, d.message])), diagnostics });
    } else byReport.delete(report);
    staleNotes.set(target, byReport);
    if ((byReport.get(report)?.key ?? '') !== before) void sendProjectFile(target);
  }

  /** Settings from a client's raw value; what is wrong with them is logged, the rest applies. */
  function readSettings(raw: unknown): Settings {
    const { settings, problems } = parseSettings(raw);
    settingsProblems(problems);
    return settings;
  }

  /**
   * Settings that could not be read: logged, and said once to the user (the same problems are
   * not said again on every request), since what applies instead is the default.
   */
  const saidSettings = new Set<string>();
  function settingsProblems(problems: string[]): void {
    for (const p of problems) connection.console.warn(`[wengao] ${p}`);
    if (problems.length === 0) return;
    const key = problems.join('\n');
    if (saidSettings.has(key)) return;
    saidSettings.add(key);
    const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : '';
    // (A notification: nothing to answer, and every client shows it.)
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `文稿设置有误，这些设置改用默认值${more}：${problems[0]} (Wengao settings: the defaults apply where they could not be read; see the Wengao output)`,
    });
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!configurationCapability) return Promise.resolve(pushedSettings ?? DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'wengao' })
        .then((raw) => {
          const { settings, problems } = parseSettings(raw);
          settingsProblems(problems);
          return settings;
        })
        .catch((err) => {
          connection.console.warn(`[wengao] could not read settings: ${String(err)}; using defaults`);
          return DEFAULT_SETTINGS;
        });
      settingsCache.set(uri, s);
    }
    return s;
  }

  function isOurs(doc: TextDocument): boolean {
    if (isConfigName(baseName(doc.uri))) return false;
    return LANGUAGES.has(doc.languageId) || /\.(txt|md|markdown)$/i.test(doc.uri);
  }

  /** A document's settings, with the project's config and ignore file laid over them. */
  async function contextFor(uri: string, given?: Settings): Promise<DocContext> {
    const generation = configGeneration;
    const settings = given ?? (await settingsFor(uri));
    if (!uri.startsWith('file:')) return { settings, resolved: { config: settings.config, ignore: [] }, covered: true, generation };
    const file = fileURLToPath(uri);
    const resolved = await resolver.forFile(file, settings.config);
    // A config or ignore file seen for the first time since it changed: its own diagnostics.
    for (const f of [resolved.file?.path, resolved.ignoreFile?.path]) {
      if (f && configSeen.get(f) !== configGeneration) {
        configSeen.set(f, configGeneration);
        void publishConfigDiagnostics(f);
      }
    }
    const own = resolved.file?.config;
    const covered = own && (own.include || own.exclude) ? resolver.covers(file, resolved) : true;
    return { settings, resolved, covered, generation };
  }

  /** The analysis of a document's current version, computed once per version. */
  function analysisOf(doc: TextDocument, ctx: DocContext): Analysis {
    const { settings, resolved } = ctx;
    const key = `${settings.analyze}/${settings.minChineseRatio}/${JSON.stringify(settings.config)}/${ctx.generation}/${ctx.covered}`;
    const hit = cache.get(doc.uri);
    const text = doc.getText();
    if (hit && hit.version === doc.version && hit.text === text && hit.key === key) return hit.analysis;
    const started = Date.now();
    const analysis = analyze(doc.getText(), {
      kind: documentKind(doc.uri, doc.languageId),
      scope: ctx.covered ? settings.analyze : 'off',
      minChineseRatio: settings.minChineseRatio,
      config: resolved.config,
      ignore: resolved.ignore,
      heavyLimit: HEAVY_LIMIT,
      positionEncoding: encoding,
      // figure.mismatch runs in `validate`, against the workspace.
      checks: LOCAL_CHECKS,
    });
    if (!ctx.covered) analysis.skippedReason = `left out by ${resolved.file?.path ?? CONFIG_FILE} (include/exclude)`;
    for (const f of analysis.failures) connection.console.error(`[wengao] check ${f.check} failed on ${doc.uri}: ${f.error}`);
    const ms = Date.now() - started;
    if (analysis.analyzed) {
      log(`analysed ${doc.uri} v${doc.version}: ${analysis.findings.length} findings, ${analysis.figures.length} figures, ${ms} ms`);
    } else {
      log(`skipped ${doc.uri}: ${analysis.skippedReason}`);
    }
    if (analysis.limited) log(`${doc.uri}: ${analysis.limited}`);
    status.limited(doc.uri, analysis.limited); // wengao/status
    status.analysed(doc.uri, analysis.analyzed ? { ms, findings: analysis.findings.length } : undefined, analysis.failures); // wengao/status
    cache.set(doc.uri, { version: doc.version, text, key, analysis });
    return analysis;
  }

  /** The analysis for a request (outline, hover, …): the cached one, or one made now. */
  async function currentAnalysis(doc: TextDocument): Promise<{ analysis: Analysis; ctx: DocContext }> {
    const ctx = await contextFor(doc.uri);
    return { analysis: analysisOf(doc, ctx), ctx };
  }

  /**
   * Publishes a document's diagnostics: its own findings and figure.mismatch against the
   * workspace. `reindex`: the document's text changed, so its figures enter the index and the
   * documents that share statements with it are re-checked too.
   */
  async function validate(uri: string, reindex = true): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || !isOurs(doc)) return;
    const version = doc.version;
    const before = doc.getText();
    const ctx = await contextFor(uri);
    const current = documents.get(uri);
    // (Superseded while reading settings: a new version, or new text under the same number, or
    // a config edited meanwhile, which has scheduled this document again.)
    if (!current || current.version !== version || current.getText() !== before || ctx.generation !== configGeneration) return;
    try {
      const analysis = analysisOf(current, ctx);
      if (reindex && analysis.analyzed) refreshOthers(uri, indexer.setOpen(canon(uri), analysis));
      if (reindex && !analysis.analyzed) refreshOthers(uri, indexer.index.remove(canon(uri)));
      const { findings, suppressed } = inWorkspace(analysis, { uri: canon(uri), index: indexer.index, config: ctx.resolved.config, ignore: ctx.resolved.ignore });
      // (Judged only where the analysis could have silenced them: not a code turned off, nor
      // figure.mismatch before the workspace is indexed, when its other documents are not known yet.)
      const judged = judgedIgnoreEntries(ctx.resolved.ignore, ctx.resolved.config, indexer.scanned);
      noteStaleIgnoreLines(uri, ctx.resolved.ignoreFile, analysis.analyzed ? staleIgnoreEntries(analysis.model.text, judged, suppressed) : [], ctx.resolved.config.language);
      const shown = firstFindings(findings, MAX_DIAGNOSTICS);
      if (findings.length > MAX_DIAGNOSTICS) {
        log(`${uri}: ${findings.length} findings, showing the first ${MAX_DIAGNOSTICS}`);
      }
      const text = analysis.model.text;
      const writable = trusted && uri.startsWith('file:');
      const ignorable = (f: Finding) => (writable ? { excerpt: excerptOf(text, f) } : undefined);
      const diagnostics = shown.map((f) => toDiagnostic(f, analysis.model.lines, uri, { text, kind: analysis.model.kind, ignore: ignorable(f) }));
      publishedData.set(uri, diagnostics);
      status.published(uri, findings.length); // wengao/status: the count the Problems panel shows
      await connection.sendDiagnostics({ uri, version, diagnostics: dataSupport ? diagnostics : diagnostics.map(({ data: _data, ...d }) => d) });
      if (reindex) void connection.sendNotification(FiguresChangedNotification, { uri });
    } catch (err) {
      connection.console.error(`[wengao] analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      status.error(`analysis failed: ${String(err)}`, uri); // wengao/status
    }
  }

  /**
   * Analyses a document soon: after `delay`, or, if an analysis of it is running, right after
   * that one (the changes that arrived meanwhile are analysed together).
   */
  function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    const uri = doc.uri;
    if (running.has(uri)) {
      running.set(uri, true);
      return;
    }
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    timers.set(
      uri,
      setTimeout(async () => {
        timers.delete(uri);
        running.set(uri, false);
        try {
          await validate(uri);
        } finally {
          const again = running.get(uri);
          running.delete(uri);
          const d = documents.get(uri);
          if (again && d) schedule(d, 0);
        }
      }, delay),
    );
  }

  documents.onDidOpen((e) => {
    openAs.set(canon(e.document.uri), e.document.uri);
    if (isConfigName(baseName(e.document.uri))) configChanged(fileURLToPath(e.document.uri));
    else schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (isConfigName(baseName(e.document.uri))) {
      if (e.document.uri.startsWith('file:')) configChanged(fileURLToPath(e.document.uri));
    } else schedule(e.document);
  });
  connection.onShutdown(() => stopWatching?.());

  documents.onDidClose((e) => {
    publishedData.delete(e.document.uri);
    if (isConfigName(baseName(e.document.uri))) {
      // The disk's version counts again.
      if (e.document.uri.startsWith('file:')) setImmediate(() => configChanged(fileURLToPath(e.document.uri)));
      return;
    }
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    status.closed(e.document.uri); // wengao/status
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    noteStaleIgnoreLines(e.document.uri, undefined, [], undefined);
    // Its unsaved text leaves the index; the disk's version (if any) comes back.
    const uri = e.document.uri;
    openAs.delete(canon(uri));
    void indexer.closed(canon(uri), workspaceSettings, folders).then((touched) => {
      refreshOthers(uri, touched);
      status.update(); // wengao/status: the index's size changed
    });
  });

  connection.onDidChangeWatchedFiles((params) => onWatched(params.changes));

  async function onWatched(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      if (isConfigName(baseName(change.uri))) {
        if (change.uri.startsWith('file:') && !docOf(change.uri)) configChanged(fileURLToPath(change.uri));
        continue;
      }
      try {
        if (!docOf(change.uri)) status.reread(change.uri); // wengao/status: a deleted or repaired file is no failure
        const touched = await indexer.refreshFromDisk(canon(change.uri), workspaceSettings, folders);
        refreshOthers(change.uri, touched);
      } catch (err) {
        connection.console.error(`[wengao] re-reading ${change.uri} failed: ${String(err)}`);
        status.error(`re-reading failed: ${String(err)}`, change.uri); // wengao/status
      }
    }
    status.update(); // wengao/status: the index's size may have changed
  }

  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isOurs(doc)) return [];
    try {
      const { analysis: a } = await currentAnalysis(doc);
      if (!a.analyzed) return [];
      return toSymbols(a.outline, a.model.lines);
    } catch (err) {
      connection.console.error(`[wengao] outline of ${doc.uri} failed: ${String(err)}`);
      return [];
    }
  });

  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isOurs(doc)) return [];
    try {
      const { analysis: a } = await currentAnalysis(doc);
      if (!a.analyzed) return [];
      return toFoldingRanges(buildFolds(a.model, a.outline));
    } catch (err) {
      connection.console.error(`[wengao] folding of ${doc.uri} failed: ${String(err)}`);
      return [];
    }
  });

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    // A client without dataSupport sends the diagnostics back without their data: it is found
    // again among those published (same code, range and message).
    const published = publishedData.get(uri) ?? [];
    const same = (a: Diagnostic, b: Diagnostic) =>
      a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
      a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
    const diagnostics = params.context.diagnostics.map((d) => (d.data !== undefined ? d : published.find((p) => same(p, d)) ?? d));
    const doc = documents.get(uri);
    const locale = doc ? (await contextFor(uri).catch(() => undefined))?.resolved.config.language : undefined;
    return toCodeActions(uri, diagnostics, locale);
  });

  /**
   * "Ignore this finding" in a plain-text report: a line in the nearest .wengaoignore (created
   * beside the project's .wengaorc.json, or in the workspace folder). Open in the editor, the
   * ignore file is edited there (the user saves it); otherwise it is written on disk.
   */
  connection.onExecuteCommand(async (params) => {
    if (params.command !== IGNORE_COMMAND) return;
    const args = (params.arguments?.[0] ?? {}) as Partial<IgnoreArgs> & { fingerprint?: string };
    try {
      if (!trusted) throw new Error('untrusted workspace: no files are written');
      if (typeof args.uri !== 'string' || !args.uri.startsWith('file:') || typeof args.code !== 'string' || typeof args.fingerprint !== 'string') {
        throw new Error(`bad arguments ${JSON.stringify(params.arguments)}`);
      }
      // Written only inside a workspace folder, for a report inside it, as a well-formed entry.
      if (!KNOWN_CODES.has(args.code) || !/^[0-9a-f]{16}$/.test(args.fingerprint)) throw new Error(`not a finding Wengao reports: ${JSON.stringify(args.code)} ${JSON.stringify(args.fingerprint)}`);
      const report = fileURLToPath(args.uri);
      const folder = folders.find((f) => isInside(f, report));
      if (!folder) throw new Error(`${report} is outside the workspace folders; only files inside them are written`);
      const target = await resolver.ignorePathFor(report, folder);
      // Inside the folder as written and as it really is: no symbolic link leads the write out.
      const realFolder = await fs.realpath(folder);
      const realDir = await fs.realpath(path.dirname(target)).catch(() => undefined);
      const link = await fs.lstat(target).then((st) => st.isSymbolicLink(), () => false);
      if (!isInside(folder, target) || !realDir || !isInside(realFolder, realDir, true) || link) {
        throw new Error(`the ignore file that applies here, ${target}, is outside the workspace folder ${folder} (or reached through a symbolic link); add the entry there by hand`);
      }
      const line = formatIgnoreEntry(ignoreEntryPath(target, report), args.code, args.fingerprint, args.excerpt);
      const targetUri = pathToFileURL(target).href;
      const open = documents.get(targetUri);
      if (open) {
        const text = open.getText();
        const end = new LineIndex(text, encoding).position(text.length);
        const insert = (text && !text.endsWith('\n') ? '\n' : '') + line + '\n';
        const result = await connection.workspace.applyEdit({ label: '忽略此问题 (Ignore this finding)', edit: { changes: { [targetUri]: [{ range: { start: end, end }, newText: insert }] } } });
        if (!result.applied) throw new Error(`the editor did not apply the edit${result.failureReason ? `: ${result.failureReason}` : ''}`);
      } else {
        let text = '';
        try {
          text = await fs.readFile(target, 'utf8');
        } catch {
          text = '# Wengao 忽略的问题 (findings Wengao ignores): 路径 代码 指纹  # 备注 (path code fingerprint  # note)\n';
        }
        await fs.writeFile(target, (text && !text.endsWith('\n') ? text + '\n' : text) + line + '\n', 'utf8');
        configChanged(target);
      }
      log(`ignored ${args.code} in ${report} (${target})`);
    } catch (err) {
      connection.console.error(`[wengao] ignoring a finding failed: ${err instanceof Error ? err.message : String(err)}`);
      void connection.window.showErrorMessage(`Wengao：无法写入忽略文件 (could not write the ignore file): ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isOurs(doc)) return null;
    try {
      const { analysis: a } = await currentAnalysis(doc);
      const hover = figureHover(a.figures, a.model.lines.offset(params.position), canon(doc.uri), indexer.index);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: a.model.lines.range(hover.span) } : null;
    } catch (err) {
      connection.console.error(`[wengao] hover on ${doc.uri} failed: ${String(err)}`);
      return null;
    }
  });

  /** Figures of open documents as edited, of other files as on disk. */
  connection.onRequest(FiguresRequest, async (params: FiguresParams): Promise<FiguresResult> => {
    const out: FiguresResult = { documents: [] };
    for (const uri of Array.isArray(params?.uris) ? params.uris : []) {
      try {
        let analysis: Analysis;
        const open = docOf(uri);
        if (!open) {
          // Only a report the workspace index holds is read from disk: no other file on disk.
          if (!uri.startsWith('file:') || !trusted) continue; // wengao: trust, no reading of other files
          await indexer.whenScanned();
          if (!indexer.isIndexed(canon(uri))) {
            log(`figures of ${uri} not read: not a report of the workspace index`);
            continue;
          }
        }
        const ctx = await contextFor(uri);
        if (open) {
          if (!isOurs(open)) continue;
          analysis = analysisOf(open, ctx);
        } else {
          if (!ctx.covered) continue;
          const read = await readReport(fileURLToPath(uri));
          if (!read.ok) {
            // Deleted since the client listed it (the Targets view refreshes on the deletion).
            if (read.gone) continue;
            out.documents.push({ uri, figures: [], error: read.message });
            status.error(read.message, uri); // wengao/status
            continue;
          }
          analysis = analyze(read.text, { kind: documentKind(uri), scope: ctx.settings.analyze, minChineseRatio: ctx.settings.minChineseRatio, config: ctx.resolved.config, checks: [], heavyLimit: HEAVY_LIMIT, positionEncoding: encoding });
        }
        if (!analysis.analyzed) continue;
        const lines = analysis.model.lines;
        const figures: FigureItem[] = analysis.figures
          .filter((f) => !params.targetsOnly || f.kind === 'target')
          .map((f) => ({ ...f, range: lines.range(f.span), line: lines.lineAt(f.span.start) + 1 }));
        out.documents.push({ uri, figures });
      } catch (err) {
        connection.console.error(`[wengao] figures of ${uri} failed: ${String(err)}`);
        out.documents.push({ uri, figures: [], error: String(err) });
      }
    }
    return out;
  });

  documents.listen(connection);
  connection.listen();
}

function baseName(uri: string): string {
  const i = uri.lastIndexOf('/');
  try {
    return decodeURIComponent(uri.slice(i + 1));
  } catch {
    return uri.slice(i + 1);
  }
}

/** A few characters of the finding's text, for the note of an ignore entry. */
function excerptOf(text: string, f: Finding): string {
  const a = Math.max(0, f.span.start - 4);
  // (Never inside a character: a lone surrogate makes the whole JSON message invalid to some clients.)
  return sliceWhole(text, a, Math.min(text.length, f.span.end + 8, a + 24)).replace(/\s+/g, ' ').trim();
}
