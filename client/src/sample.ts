/**
 * The walkthrough's sample report (samples/示例报告.txt in the extension): opened read-only
 * under the `wengao-sample:` scheme, as the wengao-report language, so the server analyses it
 * like any report and nothing the user types can change the installed file.
 */
import * as vscode from 'vscode';
import { SAMPLE_FILE, sampleFigureOffset } from './sampleFigure';

export const SAMPLE_SCHEME = 'wengao-sample';

/** What `wengao.openSample` can show once the sample is open. */
export interface OpenSampleArgs {
  /** 'figure': put the cursor on the body's figure that disagrees with the 清单, and hover it. */
  reveal?: 'figure';
}

class SampleProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const name = uri.path.replace(/^\/+/, '');
    // Only files of samples/, never a path that climbs out of it.
    if (!name || name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`no such sample: ${uri.path}`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'samples', name));
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function registerSample(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SAMPLE_SCHEME, new SampleProvider(context.extensionUri)),
    vscode.commands.registerCommand('wengao.openSample', (args?: OpenSampleArgs) => openSample(args)),
  );
}

export async function openSample(args?: OpenSampleArgs): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: SAMPLE_SCHEME, path: `/${SAMPLE_FILE}` });
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'wengao-report') doc = await vscode.languages.setTextDocumentLanguage(doc, 'wengao-report');
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (args?.reveal === 'figure') {
    const at = sampleFigureOffset(doc.getText());
    if (at >= 0) {
      const start = doc.positionAt(at);
      editor.selection = new vscode.Selection(start, start);
      editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      await vscode.commands.executeCommand('editor.action.showHover');
    }
  }
  return editor;
}
