/**
 * The language status items (the `{}` next to the language in the status bar) for plain text,
 * markdown and wengao-report documents:
 * - `wengao.status`: the server's `wengao/status` (reports indexed, indexing…, the last
 *   analysis, failures, a document too large for the heavy checks); its command opens the log.
 * - `wengao.server`: the language server process (starting, running, stopped after crashes);
 *   its command restarts it.
 * The texts come from the pure statusText.ts.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { REPORT_LANGUAGES } from '../../server/src/io/reports';
import { StatusNotification, StatusParams } from '../../server/src/lsp/protocol';
import { ServerState, StatusView, formatServer, formatStatus } from './statusText';

/** The documents the server analyses: the client's document selector and the items' selector. */
export const SELECTOR: { language: string }[] = REPORT_LANGUAGES.map((language) => ({ language }));

const SEVERITY: Record<StatusView['severity'], vscode.LanguageStatusSeverity> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

export class StatusItems implements vscode.Disposable {
  private readonly main: vscode.LanguageStatusItem;
  private readonly server: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private status: StatusParams | undefined;
  private state: ServerState = 'starting';
  private stoppedReason: string | undefined;

  constructor(
    client: LanguageClient,
    /** Restarts after crashes so far in this session. */
    private readonly restarts: () => number,
  ) {
    this.main = vscode.languages.createLanguageStatusItem('wengao.status', SELECTOR);
    this.main.name = vscode.l10n.t('Wengao');
    this.main.command = { command: 'wengao.showOutput', title: vscode.l10n.t('Open Log'), tooltip: vscode.l10n.t('Show the Wengao output channel') };
    this.server = vscode.languages.createLanguageStatusItem('wengao.server', SELECTOR);
    this.server.name = vscode.l10n.t('Wengao Language Server');
    this.server.command = { command: 'wengao.restartServer', title: vscode.l10n.t('Restart'), tooltip: vscode.l10n.t('Restart the Wengao language server') };
    this.disposables.push(
      this.main,
      this.server,
      client.onNotification(StatusNotification, (p: StatusParams) => {
        this.status = p;
        this.render();
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Starting) {
          // A new server process: what the old one said no longer holds.
          this.status = undefined;
          this.stoppedReason = undefined;
          this.state = 'starting';
        } else if (e.newState === State.Running) {
          this.state = 'running';
        } else {
          this.state = 'stopped';
        }
        this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
    );
    this.render();
  }

  /** The crash policy gave up: say why on the server item. */
  stopped(reason: string): void {
    this.stoppedReason = reason;
    this.render();
  }

  private render(): void {
    const activeUri = vscode.window.activeTextEditor?.document.uri.toString();
    apply(this.main, formatStatus(vscode.l10n, this.status, { activeUri, trusted: vscode.workspace.isTrusted }));
    apply(this.server, formatServer(vscode.l10n, this.state, { restarts: this.restarts(), stoppedReason: this.stoppedReason }));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function apply(item: vscode.LanguageStatusItem, view: StatusView): void {
  item.text = view.text;
  item.detail = view.detail;
  item.severity = SEVERITY[view.severity];
  item.busy = view.busy;
  item.accessibilityInformation = { label: view.detail ? `${view.text}. ${view.detail}` : view.text };
}
