/** The VS Code side: starts the language server and wires its commands. */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { TargetsProvider } from './targets';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Wengao', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'plaintext' },
      { language: 'markdown' },
      { language: 'wengao-report' },
    ],
    synchronize: {
      configurationSection: 'wengao',
      // Report files changing on disk keep the server's workspace index current.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,md,markdown}'),
    },
    outputChannel,
  };
  client = new LanguageClient('wengao', 'Wengao 文稿', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('wengao.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();

  const targets = new TargetsProvider(client);
  targets.listen(context);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('wengao.targets', targets),
    vscode.commands.registerCommand('wengao.refreshTargets', () => targets.reload()),
    vscode.commands.registerCommand('wengao.exportTargets', (args?: Parameters<TargetsProvider['export']>[0]) => targets.export(args)),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
