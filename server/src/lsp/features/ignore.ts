/**
 * The `wengao.ignoreFinding` command, "ignore this finding" in a plain-text report: a line in the
 * nearest .wengaoignore (created beside the project's .wengaorc.json, or in the workspace
 * folder). Open in the editor, the ignore file is edited there (the user saves it); otherwise it
 * is written on disk. Only inside a trusted workspace folder, as a well-formed entry.
 */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { CODES, LineIndex, formatIgnoreEntry } from '../../core';
import { ignoreEntryPath } from '../../io/config';
import { isInside } from '../../io/paths';
import { MAX_CONFIG_BYTES, configTooLarge, readBounded } from '../../io/read';
import { IGNORE_COMMAND, IgnoreArgs } from '../convert';
import { Session, sent } from '../session';
import { ProjectFiles } from './projectFiles';

const KNOWN_CODES = new Set<string>(Object.values(CODES));

export function registerIgnoreCommand(session: Session, projectFiles: ProjectFiles): void {
  const { connection } = session;
  connection.onExecuteCommand(async (params) => {
    if (params.command !== IGNORE_COMMAND) return;
    const args = (params.arguments?.[0] ?? {}) as Partial<IgnoreArgs> & { fingerprint?: string };
    try {
      // (session.fs would refuse the write anyway; this says so before anything is looked at.)
      if (!session.trusted) throw new Error('untrusted workspace: no files are written');
      const { fs } = session;
      if (typeof args.uri !== 'string' || !args.uri.startsWith('file:') || typeof args.code !== 'string' || typeof args.fingerprint !== 'string') {
        throw new Error(`bad arguments ${JSON.stringify(params.arguments)}`);
      }
      // Written only inside a workspace folder, for a report inside it, as a well-formed entry.
      if (!KNOWN_CODES.has(args.code) || !/^[0-9a-f]{16}$/.test(args.fingerprint)) throw new Error(`not a finding Wengao reports: ${JSON.stringify(args.code)} ${JSON.stringify(args.fingerprint)}`);
      const report = fileURLToPath(args.uri);
      const folder = session.folders.find((f) => isInside(f, report));
      if (!folder) throw new Error(`${report} is outside the workspace folders; only files inside them are written`);
      const target = await session.resolver.ignorePathFor(report, folder);
      // Inside the folder as written and as it really is: no symbolic link leads the write out.
      const realFolder = await fs.realpath(folder);
      const realDir = await fs.realpath(path.dirname(target)).catch(() => undefined);
      const link = await fs.lstat(target).then((st) => st.isSymbolicLink(), () => false);
      if (!isInside(folder, target) || !realDir || !isInside(realFolder, realDir, true) || link) {
        throw new Error(`the ignore file that applies here, ${target}, is outside the workspace folder ${folder} (or reached through a symbolic link); add the entry there by hand`);
      }
      const line = formatIgnoreEntry(ignoreEntryPath(target, report), args.code, args.fingerprint, args.excerpt);
      const targetUri = pathToFileURL(target).href;
      const open = session.documents.get(targetUri);
      if (open) {
        const text = open.getText();
        const end = new LineIndex(text, session.encoding).position(text.length);
        const insert = (text && !text.endsWith('\n') ? '\n' : '') + line + '\n';
        const result = await connection.workspace.applyEdit({ label: '忽略此问题 (Ignore this finding)', edit: { changes: { [targetUri]: [{ range: { start: end, end }, newText: insert }] } } });
        if (!result.applied) throw new Error(`the editor did not apply the edit${result.failureReason ? `: ${result.failureReason}` : ''}`);
      } else {
        // (Read as the resolver reads it: a named pipe there would hold the server for good, a
        // device or a huge file fill its memory; neither is written to.)
        const read = await readBounded(target, fs, MAX_CONFIG_BYTES, configTooLarge);
        let text = '';
        if (read.ok) text = Buffer.from(read.bytes).toString('utf8');
        // (Only a file not there yet starts afresh: one that cannot be read is not overwritten.)
        else if (!read.gone) throw new Error(`${target}: ${read.reason}`);
        else text = '# Wengao 忽略的问题 (findings Wengao ignores): 路径 代码 指纹  # 备注 (path code fingerprint  # note)\n';
        await fs.writeFile(target, (text && !text.endsWith('\n') ? text + '\n' : text) + line + '\n');
        projectFiles.changed(target);
      }
      session.log(`ignored ${args.code} in ${report} (${target})`);
    } catch (err) {
      connection.console.error(`[wengao] ignoring a finding failed: ${err instanceof Error ? err.message : String(err)}`);
      // (A notification: nothing to answer, and every client shows it.)
      sent(connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Wengao：无法写入忽略文件 (could not write the ignore file): ${err instanceof Error ? err.message : String(err)}` }));
    }
  });
}
