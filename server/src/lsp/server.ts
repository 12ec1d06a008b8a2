/**
 * The language server: a thin layer that fetches a document, asks the core, and converts.
 * `startServer` takes a connection so tests can run it in-process or over stdio alike.
 */
import { fileURLToPath, pathToFileURL } from 'url';
import {
  Connection, DidChangeConfigurationNotification, Hover, InitializeResult, MarkupKind, TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis, SEVERITY_ORDER, analyze, buildFolds, comparisonMarkdown, describeFigure, documentKind, findingsInWorkspace, indicatorKey,
} from '../core';
import { readReport } from '../io/read';
import { toCodeActions, toDiagnostic, toFoldingRanges, toSymbols } from './convert';
import { FigureItem, FiguresChangedNotification, FiguresParams, FiguresRequest, FiguresResult, StatusNotification } from './protocol';
import { DEFAULT_SETTINGS, Settings, filesExclude, parseSettings } from './settings';
import { StatusReporter } from './status';
import { WorkspaceIndexer, WorkspaceSettings } from './workspace';

/** Quiet time after the last keystroke before a document is analysed again. */
export const DEBOUNCE_MS = 150;

/** Diagnostics published per document at most. */
export const MAX_DIAGNOSTICS = 1000;

const LANGUAGES = new Set(['plaintext', 'markdown', 'wengao-report']);

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; settingsKey: string; analysis: Analysis }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let configurationCapability = false;
  const log = (msg: string) => connection.console.info(`[wengao] ${msg}`);
  let folders: string[] = [];
  let workspaceSettings: WorkspaceSettings | undefined;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  const indexer = new WorkspaceIndexer(log, () => ({ scope: globalSettings.analyze, minChineseRatio: globalSettings.minChineseRatio }));
  const publishTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // --- wengao/status and workspace trust (status.ts) ---
  const status = new StatusReporter((p) => void connection.sendNotification(StatusNotification, p), () => indexer.index.size);
  indexer.onReadError = (uri, message) => status.error(message, uri);
  /** initializationOptions.trusted: false in an untrusted workspace (no reading of other files). */
  let trusted = true;
  // --- end wengao/status ---

  connection.onInitialize((params): InitializeResult => {
    configurationCapability = !!params.capabilities.workspace?.configuration;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false; // wengao: trust
    indexer.readsDisk = trusted;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Wengao' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'wengao', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    log(`server started (pid ${process.pid}, node ${process.version}), workspace folders: ${folders.join(', ') || '(none)'}`);
    if (configurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'wengao' });
    }
    // wengao: trust. An untrusted workspace compares open documents only.
    if (trusted) void startIndexing();
    else log('untrusted workspace: other files are not read; open documents are compared with each other only');
    status.update();
  });

  /** Reads the workspace's report files in the background, then re-checks the open documents. */
  async function startIndexing(): Promise<void> {
    if (folders.length === 0) return;
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
      if (uri !== changed && documents.get(uri)) schedulePublish(uri);
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

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    cache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  function settingsFor(uri: string): Promise<Settings> {
    if (!configurationCapability) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'wengao' })
        .then((raw) => {
          const { settings, problems } = parseSettings(raw);
          for (const p of problems) connection.console.warn(`[wengao] ${p}`);
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
    return LANGUAGES.has(doc.languageId) || /\.(txt|md|markdown)$/i.test(doc.uri);
  }

  /** The analysis of a document's current version, computed once per version. */
  function analysisOf(doc: TextDocument, settings: Settings): Analysis {
    const key = `${settings.analyze}/${settings.minChineseRatio}/${settings.targetSeverity}`;
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settingsKey === key) return hit.analysis;
    const started = Date.now();
    const analysis = analyze(doc.getText(), {
      kind: documentKind(doc.uri, doc.languageId),
      scope: settings.analyze,
      minChineseRatio: settings.minChineseRatio,
      severity: { 'figure.target': settings.targetSeverity },
    });
    for (const f of analysis.failures) connection.console.error(`[wengao] check ${f.check} failed on ${doc.uri}: ${f.error}`);
    const ms = Date.now() - started;
    if (analysis.analyzed) {
      log(`analysed ${doc.uri} v${doc.version}: ${analysis.findings.length} findings, ${analysis.figures.length} figures, ${ms} ms`);
    } else {
      log(`skipped ${doc.uri}: ${analysis.skippedReason}`);
    }
    status.analysed(doc.uri, analysis.analyzed ? { ms, findings: analysis.findings.length } : undefined, analysis.failures); // wengao/status
    cache.set(doc.uri, { version: doc.version, settingsKey: key, analysis });
    return analysis;
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
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // superseded while reading settings
    try {
      const analysis = analysisOf(current, settings);
      if (reindex && analysis.analyzed) refreshOthers(uri, indexer.setOpen(uri, analysis));
      const findings = findingsInWorkspace(analysis, {
        uri,
        index: indexer.index,
        severity: { 'figure.target': settings.targetSeverity },
      });
      // A garbled file can hold tens of thousands of findings; the editor needs the first ones.
      // Defects first: a flood of target notes must not push an error out.
      const shown =
        findings.length <= MAX_DIAGNOSTICS
          ? findings
          : [...findings]
              .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.span.start - b.span.start)
              .slice(0, MAX_DIAGNOSTICS)
              .sort((a, b) => a.span.start - b.span.start);
      if (findings.length > MAX_DIAGNOSTICS) {
        log(`${uri}: ${findings.length} findings, showing the first ${MAX_DIAGNOSTICS}`);
      }
      const diagnostics = shown.map((f) => toDiagnostic(f, analysis.model.lines, uri));
      await connection.sendDiagnostics({ uri, version, diagnostics });
      if (reindex) void connection.sendNotification(FiguresChangedNotification, { uri });
    } catch (err) {
      connection.console.error(`[wengao] analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      status.error(`analysis failed: ${String(err)}`, uri); // wengao/status
    }
  }

  function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        void validate(doc.uri);
      }, delay),
    );
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    status.closed(e.document.uri); // wengao/status
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // Its unsaved text leaves the index; the disk's version (if any) comes back.
    const uri = e.document.uri;
    void indexer.closed(uri).then((touched) => {
      refreshOthers(uri, touched);
      status.update(); // wengao/status: the index's size changed
    });
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      try {
        const touched = await indexer.refreshFromDisk(change.uri, workspaceSettings, folders);
        refreshOthers(change.uri, touched);
      } catch (err) {
        connection.console.error(`[wengao] re-reading ${change.uri} failed: ${String(err)}`);
        status.error(`re-reading failed: ${String(err)}`, change.uri); // wengao/status
      }
    }
    status.update(); // wengao/status: the index's size may have changed
  });

  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isOurs(doc)) return [];
    try {
      const a = analysisOf(doc, await settingsFor(doc.uri));
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
      const a = analysisOf(doc, await settingsFor(doc.uri));
      if (!a.analyzed) return [];
      return toFoldingRanges(buildFolds(a.model, a.outline));
    } catch (err) {
      connection.console.error(`[wengao] folding of ${doc.uri} failed: ${String(err)}`);
      return [];
    }
  });

  connection.onCodeAction((params) => toCodeActions(params.textDocument.uri, params.context.diagnostics));

  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isOurs(doc)) return null;
    try {
      const a = analysisOf(doc, await settingsFor(doc.uri));
      const offset = a.model.lines.offset(params.position);
      const f = a.figures.find((x) => x.span.start <= offset && offset < x.span.end);
      if (!f) return null;
      let value = describeFigure(f);
      const key = indicatorKey(f);
      const self = indexer.index.get(doc.uri)?.figures.find((x) => x.figure.span.start === f.span.start);
      if (key && self) {
        const table = comparisonMarkdown(self, indexer.index.sameIndicator(key));
        if (table) value += `\n\n---\n\n${table}`;
      }
      return { contents: { kind: MarkupKind.Markdown, value }, range: a.model.lines.range(f.span) };
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
        const open = documents.get(uri);
        const settings = await settingsFor(uri);
        if (open) {
          if (!isOurs(open)) continue;
          analysis = analysisOf(open, settings);
        } else {
          if (!uri.startsWith('file:') || !trusted) continue; // wengao: trust, no reading of other files
          const read = await readReport(fileURLToPath(uri));
          if (!read.ok) {
            out.documents.push({ uri, figures: [], error: read.message });
            status.error(read.message, uri); // wengao/status
            continue;
          }
          analysis = analyze(read.text, { kind: documentKind(uri), scope: settings.analyze, minChineseRatio: settings.minChineseRatio });
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
