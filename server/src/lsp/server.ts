/**
 * The language server: a thin layer that fetches a document, asks the core, and converts.
 * `startServer` takes a connection, so tests run it in-process (over in-memory streams) or as a
 * process over stdio alike. It composes the features (features/*.ts), each of which registers
 * its own handlers on the connection, over one `Session` (session.ts) and one
 * `DocumentAnalyses` (analyses.ts); what remains here is the lifecycle: initialize, the
 * documents opened, changed and closed, the files watched, the settings changed.
 */
import { fileURLToPath, pathToFileURL } from 'url';
import { Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, FileEvent, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { WATCHED, watchFolders } from '../io/watch';
import { CONFIG_DEBOUNCE_MS, DocumentAnalyses } from './analyses';
import { FIX_ALL_KIND, IGNORE_COMMAND } from './convert';
import { choosePositionEncoding } from './encoding';
import { registerCodeActions } from './features/codeActions';
import { Diagnostics } from './features/diagnostics';
import { registerFigures } from './features/figures';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerIgnoreCommand } from './features/ignore';
import { ProjectFiles } from './features/projectFiles';
import { registerSourceView } from './features/sourceView';
import { registerSymbols } from './features/symbols';
import { ServerOptions, Session, baseName, isConfigName, sent } from './session';
import { allowedGlobs, filesExclude } from './settings';
import { DEFAULT_WORKSPACE } from './workspace';
import { SavedIndex } from './persist';
import { statementKey } from '../core';

export function startServer(connection: Connection, options: ServerOptions = {}): Session {
  const session = new Session(connection, options);
  const { documents, indexer, status } = session;
  const analyses = new DocumentAnalyses(session);
  const projectFiles = new ProjectFiles(session, analyses);
  const diagnostics = new Diagnostics(session, analyses, projectFiles);
  registerSymbols(session, analyses);
  registerFolding(session, analyses);
  registerHover(session, analyses);
  registerCodeActions(session, diagnostics);
  registerIgnoreCommand(session, projectFiles);
  registerFigures(session, analyses);
  registerSourceView(session);
  let stopWatching: (() => void) | undefined;

  connection.onInitialize((params): InitializeResult => {
    session.configurationCapability = !!params.capabilities.workspace?.configuration;
    session.configurationDynamic = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    session.watchDynamic = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    session.dataSupport = !!params.capabilities.textDocument?.publishDiagnostics?.dataSupport;
    session.encoding = choosePositionEncoding(params.capabilities.general?.positionEncodings);
    // Settings given with the request ({ settings: { wengao: … } }), for clients that push them.
    const given = (params.initializationOptions as { settings?: { wengao?: unknown } } | undefined)?.settings?.wengao;
    if (given !== undefined) session.pushedSettings = session.readSettings(given);
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    // wengao: trust. Restricted Mode: the resolver, the index and the commands get a file system
    // that reads and writes nothing (no .wengaorc.json or .wengaoignore; only the user's settings).
    session.trust((params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false);
    // The extension's storage for this workspace: the index of the last session (persist.ts).
    const storage = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
    if (typeof storage === 'string' && storage) session.storagePath = storage;
    session.sourceViews = (params.initializationOptions as { sourceViews?: unknown } | undefined)?.sourceViews === true;
    return {
      capabilities: {
        // (Said, not assumed: UTF-16 unless the client offered UTF-8 or UTF-32 first.)
        positionEncoding: session.encoding,
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Wengao' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [IGNORE_COMMAND] },
      },
      serverInfo: { name: 'wengao', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    const { folders, trusted } = session;
    session.log(`server started (pid ${process.pid}, node ${process.version}), workspace folders: ${folders.join(', ') || '(none)'}${trusted ? '' : '; untrusted workspace: no background indexing, no files written'}`);
    // (Registered dynamically only where the client said it may be.)
    if (session.configurationCapability && session.configurationDynamic) {
      sent(connection.client.register(DidChangeConfigurationNotification.type, { section: 'wengao' }));
    }
    // Reports, configs and ignore files changed on disk: the client watches them where it can,
    // the server itself where it cannot. Not in an untrusted workspace, which reads no file.
    if (trusted && session.watchDynamic) {
      sent(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }));
    } else if (trusted && folders.length) {
      stopWatching = watchFolders(session.fs, folders, (changes) => void onWatched(changes.map((c) => ({ uri: c.uri, type: c.deleted ? FileChangeType.Deleted : FileChangeType.Changed }))), (msg) => session.log(msg));
    }
    // wengao: trust. An untrusted workspace compares open documents only.
    if (trusted) void startIndexing();
    else {
      session.log('untrusted workspace: other files are not read; open documents are compared with each other only');
      void sayUnusedInRestrictedMode();
    }
    status.update();
  });

  /**
   * Restricted Mode indexes no file, so the settings that choose what is indexed are refused
   * there, whatever they say: a user who set them is told in the log why they do nothing.
   */
  async function sayUnusedInRestrictedMode(): Promise<void> {
    if (session.folders.length === 0) return;
    const ws = (await session.settingsFor(pathToFileURL(session.folders[0]).href)).workspace;
    const set = (['include', 'exclude', 'maxFiles'] as const).filter((k) => JSON.stringify(ws[k]) !== JSON.stringify(DEFAULT_WORKSPACE[k]));
    for (const k of set) {
      connection.console.warn(`[wengao] wengao.workspace.${k} 在受限模式下不生效：不受信任的工作区中不读取、不索引其他文件，只比较打开的文档 (wengao.workspace.${k} does not apply in Restricted Mode: an untrusted workspace reads and indexes no other file; only open documents are compared)`);
    }
  }

  /** Reads the workspace's report files in the background, then re-checks the open documents. */
  async function startIndexing(): Promise<void> {
    if (session.folders.length === 0 || !session.trusted) return;
    status.setIndexing(true); // wengao/status
    try {
      const scope = pathToFileURL(session.folders[0]).href;
      session.globalSettings = await session.settingsFor(scope);
      let exclude: string[] = [];
      if (session.configurationCapability) {
        // (Held to the limits of globs as Wengao's own settings are: a refused one is logged.)
        const refused: string[] = [];
        exclude = allowedGlobs(filesExclude(await connection.workspace.getConfiguration({ scopeUri: scope, section: 'files.exclude' }).catch(() => undefined)), 'files.exclude', refused);
        for (const p of refused) connection.console.warn(`[wengao] ${p}`);
      }
      const g = session.globalSettings;
      session.workspaceSettings = { ...g.workspace, exclude: [...g.workspace.exclude, ...exclude] };
      if (session.storagePath) {
        indexer.saved = await SavedIndex.open(session.storagePath, session.build(), (m) => session.log(m));
        // (Restored entries: the open documents that share a statement with them are checked again.)
        indexer.onTouched = (touched) => {
          // (The open documents are few; the index's own lookup of who holds a key is not cheap.)
          for (const doc of documents.all()) {
            const figures = indexer.index.get(session.canon(doc.uri))?.figures ?? [];
            if (figures.some((g) => touched.has(statementKey(g.figure) ?? ''))) analyses.schedulePublish(doc.uri);
          }
        };
      }
      await indexer.scan(session.folders, session.workspaceSettings);
      for (const doc of documents.all()) analyses.schedulePublish(doc.uri);
    } catch (err) {
      connection.console.error(`[wengao] indexing the workspace failed: ${err instanceof Error ? err.stack : String(err)}`);
      status.error(`indexing the workspace failed: ${String(err)}`); // wengao/status
    } finally {
      status.setIndexing(false); // wengao/status
    }
  }

  connection.onDidChangeConfiguration((params) => {
    // A client that cannot be asked pushes its settings here ({ wengao: … }); one that can is asked again.
    const pushed = (params?.settings as { wengao?: unknown } | null | undefined)?.wengao;
    if (!session.configurationCapability && pushed !== undefined) {
      session.pushedSettings = session.readSettings(pushed);
      session.globalSettings = session.pushedSettings;
    }
    session.settingsCache.clear();
    // (What is being analysed under the old settings is stale: neither published nor cached.)
    session.configGeneration++;
    analyses.clear();
    analyses.scheduleAll(0);
  });

  documents.onDidOpen((e) => {
    session.openAs.set(session.canon(e.document.uri), e.document.uri);
    if (isConfigName(baseName(e.document.uri))) projectFiles.changed(fileURLToPath(e.document.uri));
    else analyses.schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (isConfigName(baseName(e.document.uri))) {
      // (Typed: the reports are checked again once the typing pauses.)
      if (e.document.uri.startsWith('file:')) projectFiles.changed(fileURLToPath(e.document.uri), CONFIG_DEBOUNCE_MS);
    } else analyses.schedule(e.document);
  });
  connection.onShutdown(async () => {
    stopWatching?.();
    // (What changed since the last write of the saved index.)
    await indexer.saved.save();
    session.offThread.dispose();
    // (No status sent after shutdown: a throttled send still pending is dropped.)
    status.dispose();
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    if (isConfigName(baseName(uri))) {
      // The disk's version counts again.
      if (uri.startsWith('file:')) setImmediate(() => projectFiles.changed(fileURLToPath(uri)));
      return;
    }
    analyses.forget(uri);
    session.settingsCache.delete(uri);
    status.closed(uri); // wengao/status
    diagnostics.closed(uri);
    // Its unsaved text leaves the index; the disk's version (if any) comes back.
    session.openAs.delete(session.canon(uri));
    void indexer.closed(session.canon(uri), session.workspaceSettings, session.folders).then((touched) => {
      analyses.refreshOthers(uri, touched);
      status.update(); // wengao/status: the index's size changed
    });
  });

  connection.onDidChangeWatchedFiles((params) => onWatched(params.changes));

  async function onWatched(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      if (isConfigName(baseName(change.uri))) {
        if (change.uri.startsWith('file:') && !session.docOf(change.uri)) projectFiles.changed(fileURLToPath(change.uri));
        continue;
      }
      try {
        if (!session.docOf(change.uri)) status.reread(change.uri); // wengao/status: a deleted or repaired file is no failure
        const touched = await indexer.refreshFromDisk(session.canon(change.uri), session.workspaceSettings, session.folders);
        analyses.refreshOthers(change.uri, touched);
      } catch (err) {
        connection.console.error(`[wengao] re-reading ${change.uri} failed: ${String(err)}`);
        status.error(`re-reading failed: ${String(err)}`, change.uri); // wengao/status
      }
    }
    status.update(); // wengao/status: the index's size may have changed
  }

  documents.listen(connection);
  connection.listen();
  return session;
}
