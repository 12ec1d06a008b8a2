/**
 * `wengao/sourceText`: a .docx or .pdf as the text Wengao reads in it, for the editor's read-only
 * view of it (the client's `wengao.openAsText`). The view is then an open document like any other
 * (`wengao-source:` URIs stand for the file itself: io/paths.ts canonicalUri), with the same
 * diagnostics, outline, hovers and Targets. Read through the session's file system: nothing in
 * Restricted Mode.
 */
import { fileURLToPath } from 'url';
import { SOURCE_EXTENSIONS } from '../../formats';
import { readReport } from '../../io/read';
import { SourceTextParams, SourceTextRequest, SourceTextResult } from '../protocol';
import { Session } from '../session';

export function registerSourceView(session: Session): void {
  session.connection.onRequest(SourceTextRequest, async (params: SourceTextParams): Promise<SourceTextResult> => {
    if (!session.trusted) {
      return { error: '受限模式下不读取 Word 和 PDF 文件：请先信任此工作区 (Restricted Mode: Word and PDF files are not read; trust the workspace first)' };
    }
    let file: string;
    try {
      file = fileURLToPath(params?.uri ?? '');
    } catch {
      return { error: `不是本地文件 (not a local file): ${params?.uri}` };
    }
    if (!SOURCE_EXTENSIONS.test(file)) return { error: `只能打开 .docx 或 .pdf 文件 (only .docx and .pdf files are opened so): ${file}` };
    const read = await readReport(file, session.fs); // wengao: trust, the session's fs
    if (!read.ok) return { error: read.message };
    return { text: read.text, notes: read.source?.notes ?? [] };
  });
}
