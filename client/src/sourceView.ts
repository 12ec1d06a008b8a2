/**
 * `wengao.openAsText` (command palette, and the Explorer's menu on a .docx or .pdf): the file as
 * the text Wengao reads in it, in a read-only editor (a `wengao-source:` document, its text from
 * the server's `wengao/sourceText`), in the report language, so that it has the diagnostics,
 * outline, hovers and Targets of any report. The view follows the file when it changes on disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SOURCE_VIEW_SCHEME } from '../../server/src/io/paths';
import { SourceTextParams, SourceTextRequest, SourceTextResult } from '../../server/src/lsp/protocol';

/** A .docx or .pdf file as its read-only view (where a Targets entry or a link takes the user); any other URI as given. */
export function viewOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === 'file' && /\.(?:docx|pdf)$/i.test(uri.path) ? uri.with({ scheme: SOURCE_VIEW_SCHEME }) : uri;
}

export function registerSourceViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  /** What the server noted on reading each view's file. */
  const notesOf = new Map<string, string[]>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const c = client();
      if (!c) throw new Error(vscode.l10n.t('The Wengao language server is not running.'));
      // (The file the view stands for, its host kept: \\server\share\a.docx.)
      const file = uri.with({ scheme: 'file' });
      const r = (await c.sendRequest(SourceTextRequest, { uri: file.toString() } satisfies SourceTextParams)) as SourceTextResult;
      if (r.error !== undefined || r.text === undefined) throw new Error(r.error ?? '');
      notesOf.set(uri.toString(), r.notes ?? []);
      return r.text;
    },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,pdf}');
  const refresh = (file: vscode.Uri) => {
    const view = file.with({ scheme: SOURCE_VIEW_SCHEME });
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) changed.fire(view);
  };
  context.subscriptions.push(
    changed,
    watcher,
    watcher.onDidChange(refresh),
    watcher.onDidCreate(refresh),
    // (A view opened from a link, not by the command, in the report language too.)
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === SOURCE_VIEW_SCHEME && doc.languageId !== 'wengao-report') void vscode.languages.setTextDocumentLanguage(doc, 'wengao-report');
    }),
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_VIEW_SCHEME, provider),
    vscode.commands.registerCommand('wengao.openAsText', async (resource?: vscode.Uri) => {
      const file =
        resource ??
        (
          await vscode.window.showOpenDialog({
            canSelectMany: false,
            filters: { [vscode.l10n.t('Word and PDF documents')]: ['docx', 'pdf'] },
            openLabel: vscode.l10n.t('Open as Text'),
          })
        )?.[0];
      if (!file) return;
      const view = file.with({ scheme: SOURCE_VIEW_SCHEME });
      try {
        const doc = await vscode.workspace.openTextDocument(view);
        const report = await vscode.languages.setTextDocumentLanguage(doc, 'wengao-report');
        await vscode.window.showTextDocument(report, { preview: false });
        // What the reading noted (tracked changes read as accepted, paragraphs joined across pages).
        const notes = notesOf.get(view.toString());
        if (notes?.length) void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}', file.fsPath.split(/[\\/]/).pop() ?? '', notes.join('; ')));
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Wengao could not read {0}: {1}', file.fsPath, err instanceof Error ? err.message : String(err)));
      }
    }),
  );
}
