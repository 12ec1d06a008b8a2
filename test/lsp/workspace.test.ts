/**
 * The workspace index over LSP: figure.mismatch between open documents and files on disk,
 * refreshed when the other side changes (an edit, a file changed on disk, a document closed),
 * and the comparison table in the hover. The built server over stdio, as in server.test.ts.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import {
  CodeAction, CodeActionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, FileChangeType, HoverRequest, MarkupContent, PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession, startLsp, ROOT, sandbox } from '../helpers/procLsp';
import { MemoryFs } from '../helpers/memoryFs';
import { textDocx } from '../helpers/docx';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
const strip = (s: string) => s.replace(/⟦[^⟧]*⟧/g, '');

const box = sandbox();

/** A workspace folder holding the press-brief fixture without its markers. */
function workspace(): { dir: string; report: string; brief: string } {
  const dir = box.tempDir('wengao-ws-');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const f of ['report.txt', 'brief.txt']) writeFileSync(join(dir, f), strip(readFileSync(join(dir, f), 'utf8')));
  return { dir, report: join(dir, 'report.txt'), brief: join(dir, 'brief.txt') };
}

const mismatches = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'figure.mismatch');

async function openFile(s: LspSession, file: string, text = readFileSync(file, 'utf8')) {
  const uri = pathToFileURL(file).href;
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  return uri;
}

describe('workspace index', () => {
  it('flags a mismatch against a closed file on disk, and shows every statement in the hover', async () => {
    const ws = workspace();
    const s = startLsp();
    box.track(s);
    await s.initialize({}, [ws.dir]);
    const brief = await openFile(s, ws.brief);
    // The report is only on disk: once the index has it, the brief's figures disagree with it.
    const p = await s.waitFor(() => s.published(brief).find((x) => mismatches(x).length === 3), 'three mismatches in the brief', 15_000);
    const texts = readFileSync(ws.brief, 'utf8');
    const doc = TextDocument.create(brief, 'plaintext', 1, texts);
    expect(mismatches(p).map((d) => texts.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)))).toEqual(['320个', '1800人', '48万人']);
    const extend = mismatches(p)[1];
    expect(extend.message).toContain('此处1800人，彼处1500人');
    expect(extend.relatedInformation![0].location.uri).toBe(pathToFileURL(ws.report).href);
    // The quick fix takes the other document's value.
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: brief },
      range: extend.range,
      context: { diagnostics: [extend] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['改为1500人（与彼处一致）', '忽略此问题（figure.mismatch）：写入 .wengaoignore']);
    const edited = TextDocument.applyEdits(doc, actions[0].edit!.changes![brief]);
    expect(edited).toContain('优质本科高校扩招1500人');
    expect(edited.replace('1500人', '1800人')).toBe(texts);
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: brief }, position: doc.positionAt(texts.indexOf('320个') + 1) });
    const md = (hover!.contents as MarkupContent).value;
    expect(md).toContain('同一指标在工作区中的全部表述');
    // Every statement about 改造老旧小区: the report's body and list, the brief, last year's actual, the city.
    expect(md).toMatch(/report\.txt|政府工作报告/);
    expect(md).toContain('1200个');
    expect(md).toContain('沈阳市');
    expect(md).toContain('差异');
  });

  it('reads a .docx on disk as a reference document: the mismatch and the hover name the place in it (Word 第N段)', async () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'report.docx'), await textDocx(readFileSync(ws.report, 'utf8')));
    rmSync(ws.report);
    const s = startLsp();
    box.track(s);
    await s.initialize({}, [ws.dir]);
    const brief = await openFile(s, ws.brief);
    const p = await s.waitFor(() => s.published(brief).find((x) => mismatches(x).length === 3), 'three mismatches in the brief', 15_000);
    const extend = mismatches(p)[1];
    // (The report's line n is its paragraph n: one paragraph per line, blank lines not counted.)
    const report = readFileSync(join(FIXTURE, 'report.txt'), 'utf8').split('\n');
    const line = report.findIndex((l) => strip(l).includes('扩招1500人'));
    const paragraph = report.slice(0, line + 1).filter((l) => l.trim()).length;
    expect(extend.message).toContain(`（Word 第${paragraph}段）不一致：此处1800人，彼处1500人`);
    expect(extend.relatedInformation![0].location.uri).toBe(pathToFileURL(join(ws.dir, 'report.docx')).href);
    expect(extend.relatedInformation![0].message).toContain(`（Word 第${paragraph}段）`);
    const texts = readFileSync(ws.brief, 'utf8');
    const doc = TextDocument.create(brief, 'plaintext', 1, texts);
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: brief }, position: doc.positionAt(texts.indexOf('1800人') + 1) });
    expect((hover!.contents as MarkupContent).value).toContain(`（Word 第${paragraph}段）`);
  });

  it('opens a .docx as a read-only text view (wengao/sourceText): its own diagnostics, one document in the index with the file, links to it open the view', async () => {
    const ws = workspace();
    const docx = join(ws.dir, 'report.docx');
    writeFileSync(docx, await textDocx(readFileSync(ws.report, 'utf8')));
    rmSync(ws.report);
    const s = startLsp();
    box.track(s);
    // (Wengao's client opens such views: it says so, and links to a .docx or .pdf then point at its view.)
    await s.initialize({}, [ws.dir], { sourceViews: true });
    const view = `wengao-source:${pathToFileURL(docx).pathname}`;
    const brief = await openFile(s, ws.brief);
    const before = await s.waitFor(() => s.published(brief).find((x) => mismatches(x).length === 3), 'three mismatches in the brief', 15_000);
    expect(mismatches(before).map((d) => d.relatedInformation![0].location.uri)).toEqual([view, view, view]);
    const briefText = readFileSync(ws.brief, 'utf8');
    const briefDoc = TextDocument.create(brief, 'plaintext', 1, briefText);
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: brief }, position: briefDoc.positionAt(briefText.indexOf('1800人') + 1) });
    expect((hover!.contents as MarkupContent).value).toContain(`](${view}#L`);
    const r = (await s.conn.sendRequest('wengao/sourceText', { uri: pathToFileURL(docx).href })) as { text?: string; error?: string };
    expect(r.text).toBe(readFileSync(join(FIXTURE, 'report.txt'), 'utf8').split('\n').map(strip).filter((l, i, all) => l.trim() || (i > 0 && all[i - 1].trim())).join('\n'));
    // The view: the file's own reading, as an open document of the report language.
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: view, languageId: 'wengao-report', version: 1, text: r.text! } });
    const againstBrief = (x: PublishDiagnosticsParams) => mismatches(x).filter((d) => d.relatedInformation!.some((ri) => ri.location.uri === brief));
    // (Five: the report states two of the three figures twice, in its body and in its list.)
    const p = await s.waitFor(() => s.published(view).find((x) => againstBrief(x).length === 5), 'the view compared with the brief', 15_000);
    expect(new Set(againstBrief(p).map((d) => r.text!.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)))).toEqual(new Set(['300个', '1500人', '45万人']));
    // (The view stands for the file: no finding compares it with a second copy of itself.)
    const file = pathToFileURL(docx).href;
    expect(mismatches(p).flatMap((d) => d.relatedInformation!.map((ri) => ri.location.uri)).filter((u) => u === file || u === view)).toEqual([]);
    expect(await s.conn.sendRequest('wengao/sourceText', { uri: pathToFileURL(ws.brief).href })).toEqual({ error: expect.stringContaining('只能打开 .docx 或 .pdf') });
  });

  it('reads no .docx in Restricted Mode: the view is refused with the reason, the index holds none', async () => {
    const ws = workspace();
    const docx = join(ws.dir, 'report.docx');
    writeFileSync(docx, await textDocx(readFileSync(ws.report, 'utf8')));
    const s = startLsp();
    box.track(s);
    rmSync(ws.report);
    await s.initialize({}, [ws.dir], { trusted: false });
    const r = (await s.conn.sendRequest('wengao/sourceText', { uri: pathToFileURL(docx).href })) as { error?: string };
    expect(r.error).toContain('受限模式下不读取 Word 和 PDF 文件');
    // Nor does the index: the brief, open, is compared with nothing.
    const brief = await openFile(s, ws.brief);
    const p = await s.waitFor(() => s.published(brief).find((x) => x.diagnostics.some((d) => d.code === 'figure.target')), 'the brief checked', 15_000);
    expect(mismatches(p)).toEqual([]);
  });

  it("refreshes the other side: an edit of one open document clears the other one's mismatch", async () => {
    const ws = workspace();
    const s = startLsp();
    box.track(s);
    await s.initialize({}, [ws.dir]);
    const report = await openFile(s, ws.report);
    const briefText = readFileSync(ws.brief, 'utf8');
    const brief = await openFile(s, ws.brief, briefText);
    await s.waitFor(() => s.published(report).find((x) => mismatches(x).length === 5), 'five mismatches in the report', 15_000);
    // The brief is corrected (unsaved): 320 → 300, 1800 → 1500, 48万 → 45万.
    const fixed = briefText.replace('320个', '300个').replace('1800人', '1500人').replace('48万人', '45万人');
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: brief, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = s.published(report).length;
    const cleared = await s.waitFor(() => s.published(report).slice(after).find((x) => mismatches(x).length === 0), 'the report cleared', 15_000);
    expect(mismatches(cleared)).toEqual([]);
    // Closing the brief brings back what the disk says: the mismatches return.
    await s.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: brief } });
    const n = s.published(report).length;
    await s.waitFor(() => s.published(report).slice(n).find((x) => mismatches(x).length === 5), 'the mismatches back after close', 15_000);
  });

  it('follows a file changed on disk', async () => {
    const ws = workspace();
    const s = startLsp();
    box.track(s);
    await s.initialize({}, [ws.dir]);
    const brief = await openFile(s, ws.brief);
    await s.waitFor(() => s.published(brief).find((x) => mismatches(x).length === 3), 'three mismatches', 15_000);
    // Someone edits the report on disk to match the brief.
    const report = readFileSync(ws.report, 'utf8').replace(/300个/g, '320个').replace(/1500人/g, '1800人').replace(/45万人/g, '48万人');
    writeFileSync(ws.report, report);
    const n = s.published(brief).length;
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(ws.report).href, type: FileChangeType.Changed }] });
    await s.waitFor(() => s.published(brief).slice(n).find((x) => mismatches(x).length === 0), 'the brief cleared', 15_000);
  });
});

describe('a workspace in memory (ServerOptions.workspace)', () => {
  it('is where the server reads the project config and the reports it indexes: none of it is on disk', async () => {
    // (A folder that is not on disk: what the server finds there, it found in memory.)
    const dir = '/wengao-in-memory/ws';
    const text = (f: string) => strip(readFileSync(join(FIXTURE, f), 'utf8'));
    const files = new Map([
      [`${dir}/.wengaorc.json`, '{ "checks": { "figure.target": "off" } }\n'],
      [`${dir}/report.txt`, text('report.txt')],
    ]);
    const codes = async (workspace?: MemoryFs) => {
      const s = box.track(startLsp({ server: workspace ? { workspace } : {} }));
      await s.initialize({}, [dir]);
      const brief = await openFile(s, `${dir}/brief.txt`, text('brief.txt'));
      const p = await s.waitFor(() => s.published(brief).find((x) => !workspace || mismatches(x).length === 3), 'the brief published', 15_000);
      return p.diagnostics.map((d) => String(d.code));
    };
    const memory = new MemoryFs(files);
    const inMemory = await codes(memory);
    // The report in memory was indexed (the brief's three changed figures), the config applied.
    expect(inMemory.filter((c) => c === 'figure.mismatch')).toHaveLength(3);
    expect(inMemory).not.toContain('figure.target');
    expect(memory.asked).toEqual(expect.arrayContaining([`${dir}/.wengaorc.json`, `${dir}/report.txt`]));
    // The control: the same brief with the disk as the workspace, where the folder is not.
    const onDisk = await codes();
    expect(onDisk).toContain('figure.target');
    expect(onDisk).not.toContain('figure.mismatch');
  });
});
