/**
 * LSP conformance beyond VS Code (issue 12), against the built server: what a client declares is
 * what the server does. Dynamic registration only where allowed; watched files registered with
 * the client, or watched by the server itself; settings pushed by a client that cannot be asked;
 * no `data` to a client without dataSupport, and quick fixes all the same; Neovim's languageId
 * `text`; positions in the units the client chose (positionEncoding).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import {
  CodeAction, CodeActionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, Hover, HoverRequest,
  Position, PublishDiagnosticsParams, Range,
} from 'vscode-languageserver-protocol/node';
import { LspOptions, LspProcess, sandbox } from '../helpers/procLsp';
import { StatusNotification, StatusParams } from '../../server/src/lsp/protocol';

const box = sandbox();
const STRAY = '关于开展安全生产检查的通知\n\n各单位要认真落实十五”规划部署，压实安全生产责任。\n';
const codes = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).map((d) => d.code);

async function open(s: LspProcess, uri: string, text: string, languageId = 'plaintext'): Promise<void> {
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
}

/** A report on disk that states 300 老旧小区 for 2026. */
const REPORT_300 = '2026年宁安市政府工作报告\n\n二、2026年主要任务\n\n改造老旧小区300个。\n';

/** A server on a fresh workspace folder, initialised with the client's capabilities. */
async function started(capabilities = {}, options?: LspOptions, initializationOptions?: unknown, files: Record<string, string> = {}): Promise<{ dir: string; s: LspProcess }> {
  const dir = box.tempDir('wengao-conf-');
  // (Files on disk before the server starts: the workspace it indexes.)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const s = box.track(new LspProcess(options));
  await s.initialize(capabilities, [dir], initializationOptions);
  return { dir, s };
}

/** Opens `name` in `dir` with the stray ” of STRAY (quote.unopened): its URI. */
async function openNotice(s: LspProcess, dir: string, name = 'notice.txt'): Promise<string> {
  const uri = pathToFileURL(join(dir, name)).href;
  await open(s, uri, STRAY);
  return uri;
}

const indexedOne = (s: LspProcess) => s.waitFor(() => s.logs.some((l) => /indexed 1 report/.test(l.message)), 'the workspace folder indexed');

describe('what the client declares', () => {
  it('registers watched files and configuration with a client that allows dynamic registration', async () => {
    const { s } = await started(
      { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
      { configuration: () => ({}) },
    );
    await s.waitFor(() => s.registrations.length >= 2, 'two registrations');
    expect(s.registrations.map((r) => r.method).sort()).toEqual(['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    const watchers = (s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: { globPattern: string }[] }).watchers;
    expect(watchers.map((w) => w.globPattern)).toEqual(['**/*.{txt,md,markdown,docx,pdf}', '**/.wengaorc.json', '**/.wengaoignore']);
  });

  it('registers nothing dynamically with a client that did not allow it', async () => {
    const { dir, s } = await started({ workspace: { configuration: true } }, { configuration: () => ({}) });
    const uri = await openNotice(s, dir);
    await s.nextDiagnostics(uri, 0);
    expect(s.registrations).toEqual([]);
  });

  it('watches the workspace itself for a client that cannot: a report changed on disk is compared at once', async () => {
    const { dir, s } = await started({}, undefined, undefined, { 'docs/report.txt': REPORT_300 });
    const report = join(dir, 'docs', 'report.txt');
    const brief = pathToFileURL(join(dir, 'brief.txt')).href;
    await open(s, brief, '2026年宁安市政府工作报告新闻稿\n\n2026年，宁安市将改造老旧小区300个。\n');
    await indexedOne(s);
    const n = s.published(brief).length;
    // The client sends no didChangeWatchedFiles: the server's own watch sees the edit.
    writeFileSync(report, '2026年宁安市政府工作报告\n\n二、2026年主要任务\n\n改造老旧小区350个。\n');
    const p = await s.nextDiagnostics(brief, n, (d) => codes(d).includes('figure.mismatch'));
    expect(p.diagnostics.find((d) => d.code === 'figure.mismatch')!.message).toMatch(/350个/);
  });

  it('applies settings pushed by a client that cannot be asked for them', async () => {
    const { dir, s } = await started();
    const uri = await openNotice(s, dir);
    expect(codes(await s.nextDiagnostics(uri, 0))).toContain('quote.unopened');
    const n = s.published(uri).length;
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { wengao: { checks: { 'quote.unopened': 'off' } } } });
    // A publish already under way (the workspace folder's indexing ends) may still carry the old
    // settings: wait for the one without the finding, which never comes if the push is ignored.
    const after = await s.nextDiagnostics(uri, n, (p) => !codes(p).includes('quote.unopened'));
    expect(codes(after)).not.toContain('quote.unopened');
  });

  it('applies settings given with initialize (initializationOptions.settings.wengao) by a client that cannot be asked', async () => {
    const { dir, s } = await started({}, undefined, { settings: { wengao: { checks: { 'quote.unopened': 'off' } } } });
    const uri = await openNotice(s, dir);
    expect(codes(await s.nextDiagnostics(uri, 0))).not.toContain('quote.unopened');
  });

  it('says once, in Chinese first, that settings it cannot read fall back to the defaults', async () => {
    const { dir, s } = await started({ workspace: { configuration: true } }, { configuration: (section) => (section === 'wengao' ? ['not', 'an', 'object'] : undefined) });
    const a = await openNotice(s, dir, 'a.txt');
    const b = await openNotice(s, dir, 'b.txt');
    expect(codes(await s.nextDiagnostics(a, 0))).toContain('quote.unopened');
    await s.nextDiagnostics(b, 0);
    const said = await s.waitFor(() => s.shown.find((m) => /文稿设置有误/.test(m.message)), 'the settings problem shown');
    expect(said.type).toBe(2); // warning
    expect(said.message).toMatch(/an array/);
    expect(s.shown.filter((m) => /文稿设置有误/.test(m.message))).toHaveLength(1);
  });

  it('sends no data to a client without dataSupport, and still offers the quick fixes', async () => {
    const { dir, s } = await started();
    const uri = await openNotice(s, dir);
    const p = await s.nextDiagnostics(uri, 0);
    const d = p.diagnostics.find((x) => x.code === 'quote.unopened')!;
    expect(p.diagnostics.every((x) => x.data === undefined)).toBe(true);
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d, d] } })) as CodeAction[];
    // (One ignore action, though the client listed the diagnostic twice; titled in Chinese.)
    expect(actions.map((a) => a.title)).toEqual(['忽略此问题（quote.unopened）：写入 .wengaoignore']);
  });

  it("checks a buffer with Neovim's languageId text and no file name", async () => {
    const s = box.track(new LspProcess());
    await s.initialize({});
    const uri = 'untitled:Untitled-1';
    await open(s, uri, STRAY, 'text');
    expect(codes(await s.nextDiagnostics(uri, 0))).toContain('quote.unopened');
  });

  it('takes a file: URI spelled with lower-case escapes (%e7) for the file the index read from disk: one document, not two', async () => {
    const { dir, s } = await started({}, undefined, undefined, { '简报.txt': REPORT_300 });
    const file = join(dir, '简报.txt');
    await indexedOne(s);
    const upper = pathToFileURL(file).href;
    const lower = upper.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    expect(lower).not.toBe(upper);
    // The editor's unsaved text differs from the disk's: it is the same document, not a second one.
    await open(s, lower, '2026年宁安市政府工作报告\n\n二、2026年主要任务\n\n改造老旧小区350个。\n');
    const p = await s.nextDiagnostics(lower, 0);
    expect(codes(p)).not.toContain('figure.mismatch');
    await s.waitFor(() => s.received<StatusParams>(StatusNotification).at(-1)?.indexed === 1, 'one document indexed');
  });

  it('counts in the status what the Problems panel shows, the finding against another document included', async () => {
    const { dir, s } = await started({}, undefined, undefined, { 'report.txt': REPORT_300 });
    await indexedOne(s);
    const brief = pathToFileURL(join(dir, 'brief.txt')).href;
    await open(s, brief, '2026年宁安市政府工作报告新闻稿\n\n2026年，宁安市将改造老旧小区350个。\n');
    const p = await s.nextDiagnostics(brief, 0, (d) => codes(d).includes('figure.mismatch'));
    const last = await s.waitFor(() => {
      const l = s.received<StatusParams>(StatusNotification).at(-1)?.last;
      return l?.uri === brief && l.findings === p.diagnostics.length ? l : undefined;
    }, 'the status counting the published diagnostics');
    expect(last.findings).toBe(p.diagnostics.length);
  });
});


/** Where a position in `encoding` units falls in `text`, as a UTF-16 offset (the test's own reckoning, by Buffer and code points). */
function offsetIn(text: string, pos: Position, encoding: string): number {
  const lines = text.split('\n');
  let offset = lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0);
  const line = lines[pos.line] ?? '';
  if (encoding === 'utf-16') return offset + pos.character;
  let units = 0;
  for (const ch of line) {
    if (units >= pos.character) break;
    units += encoding === 'utf-8' ? Buffer.byteLength(ch) : 1;
    offset += ch.length;
  }
  return offset;
}
const slice = (text: string, r: Range, encoding: string) => text.slice(offsetIn(text, r.start, encoding), offsetIn(text, r.end, encoding));
/** `needle`'s position in `text`, in `encoding` units. */
function positionOf(text: string, needle: string, encoding: string): Position {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  const line = before.at(-1)!;
  const character = encoding === 'utf-16' ? line.length : encoding === 'utf-8' ? Buffer.byteLength(line) : [...line].length;
  return { line: before.length - 1, character };
}

describe('positionEncoding', () => {
  it('takes the first encoding the client offers that it serves, else UTF-16', async () => {
    const offer = async (positionEncodings?: string[]) => {
      const s = box.track(new LspProcess());
      return (await s.initialize(positionEncodings ? { general: { positionEncodings } } : {})).capabilities.positionEncoding;
    };
    expect(await offer(['utf-8', 'utf-16'])).toBe('utf-8');
    expect(await offer(['utf-32', 'utf-8'])).toBe('utf-32');
    expect(await offer(['latin-1', 'utf-16', 'utf-8'])).toBe('utf-16');
    expect(await offer()).toBe('utf-16');
  });

  // Characters of 1, 3 and 4 UTF-8 bytes (2 UTF-16 units, 1 code point) before the figures:
  // each encoding counts the columns differently, and each must land on the same text.
  const BRIEF = '2026年宁安市政府工作报告新闻稿\n\n𠮷𠮷 Ab 2026年，宁安市将改造老旧小区350个；𡈼新建5G基站1200个。\n';
  for (const encoding of ['utf-8', 'utf-32', 'utf-16']) {
    it(`gives and takes positions in ${encoding}: diagnostics, related locations, hover and incremental edits`, async () => {
      const { dir, s } = await started({ general: { positionEncodings: [encoding] } }, undefined, undefined, { 'report.txt': REPORT_300 });
      await indexedOne(s);
      const uri = pathToFileURL(join(dir, 'brief.txt')).href;
      await open(s, uri, BRIEF);
      const p = await s.nextDiagnostics(uri, 0, (d) => codes(d).includes('figure.mismatch'));
      const d = p.diagnostics.find((x) => x.code === 'figure.mismatch')!;
      expect(slice(BRIEF, d.range, encoding)).toMatch(/^改造老旧小区350个$|^350个$|^老旧小区350个$/);
      const rel = d.relatedInformation!.find((r) => r.location.uri.endsWith('report.txt'))!;
      expect(slice(REPORT_300, rel.location.range, encoding)).toContain('300');
      const hover = (await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(BRIEF, '350', encoding) })) as Hover;
      expect(JSON.stringify(hover.contents)).toContain('300');
      expect(slice(BRIEF, hover.range!, encoding)).toBe(slice(BRIEF, d.range, encoding));
      // An edit whose range counts the client's units: 350 → 300 (the mismatch goes), then 𠮷
      // inserted at the line's start and 300 → 320 (it comes back, on the right characters).
      const n = s.published(uri).length;
      const at = positionOf(BRIEF, '350', encoding);
      const edit = (version: number, start: Position, end: Position, text: string) =>
        s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text }] });
      const plus = (p: Position, k: number) => ({ line: p.line, character: p.character + k });
      await edit(2, at, plus(at, 3), '300');
      await s.nextDiagnostics(uri, n, (x) => x.version === 2 && !codes(x).includes('figure.mismatch'));
      const m = s.published(uri).length;
      const grown = encoding === 'utf-8' ? 4 : encoding === 'utf-16' ? 2 : 1;
      await edit(3, { line: at.line, character: 0 }, { line: at.line, character: 0 }, '𠮷');
      await edit(4, plus(at, grown), plus(at, grown + 3), '320');
      const after = BRIEF.replace('𠮷𠮷', '𠮷𠮷𠮷').replace('350', '320');
      const q = await s.nextDiagnostics(uri, m, (x) => x.version === 4 && codes(x).includes('figure.mismatch'));
      const again = q.diagnostics.find((x) => x.code === 'figure.mismatch')!;
      expect(again.message).toMatch(/320/);
      expect(slice(after, again.range, encoding)).toContain('320');
    });
  }
});
