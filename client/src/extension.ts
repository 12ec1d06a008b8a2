/**
 * The VS Code side: starts the language server, restarts it after a crash (crashPolicy.ts),
 * shows its state in the language status items (status.ts), and wires the commands, the
 * Targets view and the walkthrough's sample. User-facing strings go through `vscode.l10n.t`
 * (English source, Chinese in l10n/bundle.l10n.zh-cn.json).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind,
} from 'vscode-languageclient/node';
import { CrashPolicy, onConnectionError } from './crashPolicy';
import { registerSample } from './sample';
import { registerSourceViews } from './sourceView';
import { SELECTOR, StatusItems } from './status';
import { TargetsProvider } from './targets';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Wengao', { log: true });
  const crashes = new CrashPolicy();
  let items: StatusItems | undefined;

  const errorHandler: ErrorHandler = {
    error: (_error, _message, count) => ({ action: onConnectionError(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: (): CloseHandlerResult => {
      const decision = crashes.crashed(Date.now());
      if (decision.action === 'restart') {
        if (decision.notify) void tellCrashed(outputChannel);
        // handled: the client only logs this; the user was told once above.
        return { action: CloseAction.Restart, handled: true, message: vscode.l10n.t('The Wengao language server stopped unexpectedly; restarting it.') };
      }
      const message = vscode.l10n.t(
        'The Wengao language server stopped unexpectedly {0} times in {1} minutes and will not be restarted.',
        decision.crashes,
        Math.round(decision.windowMs / 60_000),
      );
      items?.stopped(message);
      void tellStopped(message, outputChannel);
      return { action: CloseAction.DoNotRestart, handled: true, message };
    },
  };

  const clientOptions: LanguageClientOptions = {
    // Reports, and the project's config and ignore file (their unsaved text counts, and the
    // server puts their own diagnostics on them).
    documentSelector: [...SELECTOR, { scheme: 'file', pattern: '**/.wengaorc.json' }, { scheme: 'file', pattern: '**/.wengaoignore' }],
    synchronize: {
      configurationSection: 'wengao',
      // (Files changed on disk: the server registers its watchers with the client, as LSP lets
      // any client do, so that reports, configs and ignore files are watched the same way in
      // every client.)
    },
    outputChannel,
    errorHandler,
    // Read at each start: after the user trusts the workspace the restart passes `true`. The
    // workspace's storage folder holds the index of the last session (server/src/lsp/persist.ts).
    // `sourceViews`: links to a .docx or .pdf open its read-only view (sourceView.ts).
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, storagePath: context.storageUri?.fsPath, sourceViews: true }),
  };
  client = new LanguageClient('wengao', 'Wengao 文稿', serverOptions, clientOptions);
  const c = client;
  items = new StatusItems(c, () => crashes.restarts);

  const restart = async () => {
    crashes.reset();
    try {
      // Still starting (trust granted right after opening): let it finish, then restart.
      if (c.state === State.Starting) await c.start().catch(() => undefined);
      await c.restart();
    } catch (err) {
      // Not running (it gave up after crashes, or failed to start): start it afresh.
      outputChannel.warn(`restart: ${String(err)}; starting the server`);
      await c.start();
    }
  };

  context.subscriptions.push(
    outputChannel,
    items,
    vscode.commands.registerCommand('wengao.restartServer', restart),
    vscode.commands.registerCommand('wengao.showOutput', () => outputChannel.show(true)),
    // Restricted Mode lifted: the server may now read the workspace's other files.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  registerSample(context);
  registerSourceViews(context, () => client);
  await client.start();

  const targets = new TargetsProvider(client);
  targets.listen(context);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('wengao.targets', targets),
    vscode.commands.registerCommand('wengao.refreshTargets', () => targets.reload()),
    vscode.commands.registerCommand('wengao.exportTargets', (args?: Parameters<TargetsProvider['export']>[0]) => targets.export(args)),
  );
}

/** The session's first crash: one notice, with the log a click away. */
async function tellCrashed(outputChannel: vscode.LogOutputChannel): Promise<void> {
  const openLog = vscode.l10n.t('Open Log');
  const picked = await vscode.window.showWarningMessage(vscode.l10n.t('The Wengao language server stopped unexpectedly and was restarted.'), openLog);
  if (picked === openLog) outputChannel.show(true);
}

async function tellStopped(message: string, outputChannel: vscode.LogOutputChannel): Promise<void> {
  const openLog = vscode.l10n.t('Open Log');
  const restartNow = vscode.l10n.t('Restart');
  const picked = await vscode.window.showErrorMessage(message, openLog, restartNow);
  if (picked === openLog) outputChannel.show(true);
  else if (picked === restartNow) await vscode.commands.executeCommand('wengao.restartServer');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
