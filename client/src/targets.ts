/**
 * The Targets view in the Explorer: per document, per section, every quantified target with its
 * value; a count per document; a click opens the place. It follows edits (the server says when
 * an open document's figures change) and files changing on disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_GLOB } from '../../server/src/io/reports';
import { viewOf } from './sourceView';
import { describeFigure, toCsv, toMarkdownTable } from '../../server/src/core/figures/format';
import {
  FigureItem, FiguresChangedNotification, FiguresChangedParams, FiguresParams, FiguresRequest, FiguresResult,
} from '../../server/src/lsp/protocol';

type Node =
  | { type: 'doc'; uri: string; figures: FigureItem[] }
  | { type: 'section'; uri: string; name: string; figures: FigureItem[] }
  | { type: 'target'; uri: string; figure: FigureItem };

export class TargetsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private docs = new Map<string, FigureItem[]>();
  private loaded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = new Set<string>();

  constructor(private readonly client: LanguageClient) {}

  /**
   * The figures of these documents, or (`'all'`) of every report the server knows: the open ones
   * and its workspace index, so the view lists what the server compares (its include, exclude and
   * limits; in Restricted Mode the open documents only).
   */
  async fetch(uris: string[] | 'all', targetsOnly = true): Promise<FiguresResult> {
    const params: FiguresParams = uris === 'all' ? { all: true, targetsOnly } : { uris, targetsOnly };
    return this.client.sendRequest<FiguresResult>(FiguresRequest, params);
  }

  async reload(): Promise<void> {
    const result = await this.fetch('all');
    this.docs = new Map(result.documents.filter((d) => d.figures.length > 0).map((d) => [d.uri, d.figures]));
    this.loaded = true;
    this.changed.fire(undefined);
  }

  /** Refreshes some documents soon, coalescing bursts of edits. */
  refreshSoon(uri: string): void {
    this.pending.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), 300);
  }

  private async flush(): Promise<void> {
    const uris = [...this.pending];
    this.pending.clear();
    if (!this.loaded) return this.reload();
    const result = await this.fetch(uris);
    const seen = new Set(result.documents.map((d) => d.uri));
    for (const d of result.documents) {
      if (d.figures.length > 0) this.docs.set(d.uri, d.figures);
      else this.docs.delete(d.uri);
    }
    for (const u of uris) if (!seen.has(u)) this.docs.delete(u);
    this.changed.fire(undefined);
  }

  listen(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      this.client.onNotification(FiguresChangedNotification, (p: FiguresChangedParams) => this.refreshSoon(p.uri)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(REPORT_GLOB);
    context.subscriptions.push(
      watcher,
      watcher.onDidCreate((u) => this.refreshSoon(u.toString())),
      watcher.onDidChange((u) => this.refreshSoon(u.toString())),
      watcher.onDidDelete((u) => this.refreshSoon(u.toString())),
    );
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'doc') {
      const uri = vscode.Uri.parse(node.uri);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      const n = node.figures.length;
      item.description = n === 1 ? vscode.l10n.t('1 target') : vscode.l10n.t('{0} targets', n);
      item.contextValue = 'wengao.document';
      return item;
    }
    if (node.type === 'section') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.figures.length}`;
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      return item;
    }
    const f = node.figure;
    const item = new vscode.TreeItem(f.statement, vscode.TreeItemCollapsibleState.None);
    item.description = [f.period, f.region].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(describeFigure(f));
    item.iconPath = new vscode.ThemeIcon('target');
    const r = f.range;
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [
        // (A .docx or .pdf opens as its read-only view, whose lines the ranges count.)
        viewOf(vscode.Uri.parse(node.uri)),
        { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) },
      ],
    };
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.loaded) await this.reload();
      return [...this.docs.entries()].map(([uri, figures]) => ({ type: 'doc', uri, figures }));
    }
    if (node.type === 'doc') {
      const bySection = new Map<string, FigureItem[]>();
      for (const f of node.figures) {
        const name = f.section.length ? f.section[f.section.length - 1] : vscode.l10n.t('(body)');
        const list = bySection.get(name) ?? [];
        list.push(f);
        bySection.set(name, list);
      }
      if (bySection.size === 1) return node.figures.map((figure) => ({ type: 'target', uri: node.uri, figure }));
      return [...bySection.entries()].map(([name, figures]) => ({ type: 'section', uri: node.uri, name, figures }));
    }
    if (node.type === 'section') return node.figures.map((figure) => ({ type: 'target', uri: node.uri, figure }));
    return [];
  }

  /** Exports the targets of the active document or of the whole workspace. */
  async export(args?: { scope?: 'document' | 'workspace'; format?: 'csv' | 'markdown'; target?: string }): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    let scope = args?.scope;
    if (!scope) {
      const picked = await vscode.window.showQuickPick(
        [
          ...(active ? [{ label: vscode.l10n.t('Active document'), description: vscode.workspace.asRelativePath(active.uri), value: 'document' as const }] : []),
          { label: vscode.l10n.t('Whole workspace'), value: 'workspace' as const },
        ],
        { title: vscode.l10n.t('Export Targets'), placeHolder: vscode.l10n.t('Export the targets of which documents?') },
      );
      if (!picked) return;
      scope = picked.value;
    }
    let format = args?.format;
    if (!format) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'CSV', description: vscode.l10n.t('UTF-8 with BOM, opens in Excel and WPS'), value: 'csv' as const },
          { label: 'Markdown', description: vscode.l10n.t('a table'), value: 'markdown' as const },
        ],
        { title: vscode.l10n.t('Export Format') },
      );
      if (!picked) return;
      format = picked.value;
    }
    const result = await this.fetch(scope === 'document' && active ? [active.uri.toString()] : 'all');
    const rows = result.documents.flatMap((d) =>
      d.figures.map((figure) => ({ path: vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri)), line: figure.place ?? figure.line, figure })),
    );
    const content = format === 'csv' ? toCsv(rows) : toMarkdownTable(rows);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    let target = args?.target ? vscode.Uri.file(args.target) : undefined;
    if (!target) {
      target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, format === 'csv' ? 'wengao-targets.csv' : 'wengao-targets.md') : undefined,
        filters: format === 'csv' ? { CSV: ['csv'] } : { Markdown: ['md'] },
        title: vscode.l10n.t('Save the Targets List'),
      });
      if (!target) return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    const where = vscode.workspace.asRelativePath(target);
    void vscode.window.showInformationMessage(
      rows.length === 1 ? vscode.l10n.t('Exported 1 target to {0}', where) : vscode.l10n.t('Exported {0} targets to {1}', rows.length, where),
    );
  }
}
