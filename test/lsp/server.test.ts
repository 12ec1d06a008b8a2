/**
 * The BUILT language server (`node dist/server.js --stdio`) spoken to over stdio with a real
 * LSP client library. Run `node esbuild.js` first. Every wait is on a message, with a deadline.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeAction, CodeActionRequest, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification, DocumentSymbol, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, MarkupContent, MessageType,
  Position, Range, TextDocumentContentChangeEvent, TextDocumentSyncKind, TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Steps } from '../../server/src/core';
import { Slices } from '../../server/src/lsp/slices';
import { LspOptions, LspSession, startLsp, ROOT } from '../helpers/procLsp';
import { isProofreading, withoutProofreading } from '../helpers/proofreading';

const SEED_000 = '000_d4031d3451319d89.txt';
const SEED_002 = '002_823a23dd25e68816.txt';
const seedPath = (f: string) => join(ROOT, 'seeds', f);
const seedText = (f: string) => readFileSync(seedPath(f), 'utf8');
const seedUri = (f: string) => pathToFileURL(seedPath(f)).href;
const HAN = /[\u4e00-\u9fff]/;

let servers: LspSession[] = [];

function start(options?: LspOptions): LspSession {
  const s = startLsp(options);
  servers.push(s);
  return s;
}

afterEach(async () => {
  const all = servers;
  servers = [];
  await Promise.all(all.map((s) => s.dispose()));
});

/** Applies LSP edits (all relative to the original text) the way an editor does. */
function applyEdits(text: string, edits: TextEdit[], uri = 'file:///x.txt'): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
}

/** The character of `text` at an LSP position (UTF-16 offsets, "\n" line breaks). */
function charAt(text: string, p: Position): string {
  const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  return text.charAt(doc.offsetAt(p));
}

function open(s: LspSession, uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
  return s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version, text },
  });
}

function change(s: LspSession, uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
  return s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

function summary(ds: Diagnostic[]) {
  return ds.map((d) => ({ code: d.code, line: d.range.start.line, character: d.range.start.character }));
}

/** Diagnostics of warning severity or above: the defects (figure.target is information). */
const defects = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== undefined && d.severity <= DiagnosticSeverity.Warning);

/**
 * The two pairing defects of seed 000, as every client must see them. Besides them and the
 * proofreading checks' findings (see test/helpers/proofreading.ts; only their form is checked
 * here), with `onlyDefects` nothing may be published; otherwise only figure.target notes of
 * information severity.
 */
function expect000(published: Diagnostic[], text: string, uri: string, onlyDefects = false): void {
  for (const d of published.filter((x) => isProofreading(x.code))) {
    expect(d.source).toBe('wengao');
    expect(d.message).toMatch(HAN);
  }
  const all = withoutProofreading(published);
  const ds = defects(all);
  const rest = all.filter((d) => !ds.includes(d));
  if (onlyDefects) expect(summary(rest)).toEqual([]);
  for (const d of rest) {
    expect(d.code, JSON.stringify(d)).toBe('figure.target');
    expect(d.severity).toBe(DiagnosticSeverity.Information);
    expect(d.source).toBe('wengao');
  }
  expect(summary(ds)).toEqual([
    { code: 'quote.unopened', line: 62, character: 1 },
    { code: 'quote.paragraph-break', line: 134, character: 134 },
  ]);
  for (const d of ds) {
    expect(d.source).toBe('wengao');
    expect(d.message).toMatch(HAN);
  }
  const [unopened, pbreak] = ds;
  expect(unopened.severity).toBe(DiagnosticSeverity.Error);
  expect(charAt(text, unopened.range.start)).toBe('”');
  expect(pbreak.severity).toBe(DiagnosticSeverity.Warning);
  expect(charAt(text, pbreak.range.start)).toBe('“');
  expect(pbreak.relatedInformation).toHaveLength(1);
  const rel = pbreak.relatedInformation![0];
  expect(rel.location.uri).toBe(uri);
  expect(rel.location.range.start.line).toBe(136);
  expect(charAt(text, rel.location.range.start)).toBe('”');
  expect(rel.message).toMatch(HAN);
}

describe('language server over stdio', () => {
  it('initializes, diagnoses seed 000, offers a quick fix that clears the paragraph break, and exits 0', async () => {
    const s = start();
    const init = await s.initialize({ textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } });
    const caps = init.capabilities;
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBeTruthy();
    expect(caps.codeActionProvider).toBeTruthy();
    const sync = caps.textDocumentSync;
    expect(typeof sync === 'number' ? sync : sync?.change).toBe(TextDocumentSyncKind.Incremental);

    const uri = seedUri(SEED_000);
    const text = seedText(SEED_000);
    await open(s, uri, text);
    const first = await s.nextDiagnostics(uri, 0);
    expect(first.version).toBe(1);
    expect000(first.diagnostics, text, uri);

    const pbreak = first.diagnostics.find((d) => d.code === 'quote.paragraph-break')!;
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: pbreak.range,
      context: { diagnostics: [pbreak] },
    })) as CodeAction[];
    const fixes = actions.filter((a) => a.kind === 'quickfix');
    // The join, and "ignore this finding" (a .txt: a command that writes .wengaoignore).
    expect(fixes).toHaveLength(2);
    expect(fixes[1].command?.command).toBe('wengao.ignoreFinding');
    expect(fixes[1].command?.arguments?.[0]).toMatchObject({ uri, code: 'quote.paragraph-break', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const fix = fixes[0];
    expect(fix.title).toMatch(HAN);
    const edits = fix.edit?.changes?.[uri];
    expect(edits?.length).toBeGreaterThan(0);
    expect(text).not.toContain('把“发展目标”');
    const fixed = applyEdits(text, edits!);
    expect(fixed).toContain('把“发展目标”');
    // Joining two paragraphs removes text between them and nothing else.
    expect(fixed.length).toBeLessThan(text.length);
    expect(fixed.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));

    // Send the fix as incremental changes, last first, so earlier ranges stay valid.
    const sorted = [...edits!].sort((a, b) => (before(a.range.start, b.range.start) ? 1 : -1));
    const n = s.published(uri).length;
    await change(s, uri, 2, sorted.map((e) => ({ range: e.range, text: e.newText })));
    const second = await s.nextDiagnostics(uri, n, (p) => p.version === 2);
    expect(summary(defects(withoutProofreading(second.diagnostics)))).toEqual([{ code: 'quote.unopened', line: 62, character: 1 }]);
    expect(second.diagnostics.filter((d) => d.code === 'quote.paragraph-break')).toEqual([]);

    const exit = await s.shutdown();
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('analyses a version once: diagnostics, outline, folding and hover all read the same analysis; an edit makes one more', async () => {
    const s = start();
    await s.initialize();
    const uri = 'untitled:once.txt';
    const text = seedText(SEED_002);
    await open(s, uri, text);
    await s.nextDiagnostics(uri, 0);
    const analysed = () => s.logs.filter((l) => l.message.startsWith(`[wengao] analysed ${uri} `)).length;
    expect(analysed()).toBe(1);
    await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await s.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.search(/[0-9]+(?:\.[0-9]+)?%/) + 1) });
    expect(analysed()).toBe(1);
    await change(s, uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
    await s.waitFor(() => s.published(uri).some((p) => p.version === 2), 'the edit published');
    await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(analysed()).toBe(2);
  });

  it('outlines seed 002: 政府工作报告 with 一、…四、, ten items under 一、, ranges nested', async () => {
    const s = start();
    await s.initialize();
    const uri = seedUri(SEED_002);
    await open(s, uri, seedText(SEED_002));
    const symbols = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(Array.isArray(symbols)).toBe(true);
    // Hierarchical DocumentSymbol[], not flat SymbolInformation[].
    for (const sym of symbols) expect(sym).toHaveProperty('selectionRange');

    const report = symbols.find((x) => x.name === '政府工作报告');
    expect(report, `top-level names: ${symbols.map((x) => x.name).join(' | ')}`).toBeDefined();
    const sections = report!.children ?? [];
    expect(sections.map((c) => c.name.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、']);
    const review = sections.find((c) => c.name === '一、2022年和过去五年工作');
    expect(review).toBeDefined();
    expect(review!.children!.map((c) => c.name.slice(0, 3))).toEqual([
      '（一）', '（二）', '（三）', '（四）', '(五)', '(六)', '(七)', '（八）', '（九）', '(十)',
    ]);

    let count = 0;
    const walk = (nodes: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const n of nodes) {
        count++;
        expect(inside(n.selectionRange, n.range), `selectionRange of ${n.name}`).toBe(true);
        if (parent) expect(inside(n.range, parent.range), `${n.name} inside ${parent.name}`).toBe(true);
        walk(n.children ?? [], n);
      }
    };
    walk(symbols);
    expect(count).toBeGreaterThan(30);

    const folds = await s.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    expect(folds?.length).toBeGreaterThan(0);
    for (const f of folds!) expect(f.endLine, JSON.stringify(f)).toBeGreaterThan(f.startLine);
    // The report's section folds where its symbol does.
    expect(folds!.some((f) => f.startLine === report!.range.start.line)).toBe(true);
  });

  it('publishes an empty list for an English-only markdown document and still checks Chinese ones', async () => {
    const s = start();
    await s.initialize();
    const md = 'file:///tmp/wengao-test/readme.md';
    await open(s, md, '# Title\n\nSome text (unclosed.\n\nHe said "hello.\n', 'markdown');
    const uri = seedUri(SEED_000);
    await open(s, uri, seedText(SEED_000));
    const chinese = await s.nextDiagnostics(uri, 0);
    expect(summary(defects(withoutProofreading(chinese.diagnostics))).map((d) => d.code)).toEqual(['quote.unopened', 'quote.paragraph-break']);
    const english = await s.nextDiagnostics(md, 0);
    expect(english.diagnostics).toEqual([]);
    // Nothing non-empty was ever published for it.
    expect(s.published(md).every((p) => p.diagnostics.length === 0)).toBe(true);
  });

  it('after 50 quick edits publishes diagnostics for the final version and stays responsive', async () => {
    const s = start();
    await s.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } });
    const uri = 'file:///tmp/wengao-test/typing.txt';
    const line = '他说：“这是一段引文，引号没有闭合。';
    let text = line + '\n';
    await open(s, uri, text);
    // Versions 2..51 back to back: each puts one more line break before the quote.
    // Every tenth is sent as the whole text, the others as incremental insertions.
    const sends: Promise<void>[] = [];
    for (let v = 2; v <= 51; v++) {
      text = '\n' + text;
      sends.push(
        change(s, uri, v, v % 10 === 0 ? [{ text }] : [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]),
      );
    }
    await Promise.all(sends);
    const final = await s.nextDiagnostics(uri, 0, (p) => p.version === 51, 15_000);
    expect(summary(final.diagnostics)).toEqual([{ code: 'quote.unclosed', line: 50, character: 3 }]);
    expect(charAt(text, final.diagnostics[0].range.start)).toBe('“');

    // Responsive: a request answers, and a document opened now is diagnosed.
    const symbols = await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(Array.isArray(symbols)).toBe(true);
    const other = seedUri(SEED_000);
    await open(s, other, seedText(SEED_000));
    await s.nextDiagnostics(other, 0);

    // Nothing stale came after the final version, and versions never went backwards.
    const mine = s.published(uri);
    expect(mine[mine.length - 1]).toBe(final);
    const versions = mine.map((p) => p.version ?? -1);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    for (const p of mine) expect(p.version, 'every publish carries the version it describes').toBeTypeOf('number');
  });

  it('a client without workspace.configuration gets diagnostics with the defaults, and is never asked for settings', async () => {
    const s = start();
    await s.initialize({});
    const uri = seedUri(SEED_000);
    const text = seedText(SEED_000);
    await open(s, uri, text);
    const p = await s.nextDiagnostics(uri, 0);
    expect000(p.diagnostics, text, uri);
    expect(s.configurationRequests).toEqual([]);
  });

  it('a malformed wengao.analyze from the client falls back to the defaults with a warning naming it', async () => {
    const sections: (string | undefined)[] = [];
    const s = start({
      configuration: (section) => {
        sections.push(section);
        return { analyze: 42 };
      },
    });
    await s.initialize({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } });
    const uri = seedUri(SEED_000);
    const text = seedText(SEED_000);
    await open(s, uri, text);
    const p = await s.nextDiagnostics(uri, 0);
    expect000(p.diagnostics, text, uri);
    expect(sections).toContain('wengao');
    const warning = await s.waitFor(
      () => s.logs.find((l) => l.type === MessageType.Warning && l.message.includes('wengao.analyze')),
      'a warning about wengao.analyze',
    );
    expect(warning.message).toContain('42');
  });

  it('with wengao.targets.severity = off the client sees exactly the two pairing defects of seed 000 (and its proofreading findings), no target note', async () => {
    const s = start({ configuration: () => ({ analyze: 'chinese', targets: { severity: 'off' } }) });
    await s.initialize({ workspace: { configuration: true } });
    const uri = seedUri(SEED_000);
    const text = seedText(SEED_000);
    await open(s, uri, text);
    const p = await s.nextDiagnostics(uri, 0);
    expect000(p.diagnostics, text, uri, true);
    expect(s.logs.filter((l) => l.type === MessageType.Warning)).toEqual([]);
  });

  it('honours a valid setting from the client: wengao.analyze = off publishes nothing for seed 000', async () => {
    const s = start({ configuration: () => ({ analyze: 'off' }) });
    await s.initialize({ workspace: { configuration: true } });
    const uri = seedUri(SEED_000);
    await open(s, uri, seedText(SEED_000));
    const p = await s.nextDiagnostics(uri, 0);
    expect(p.diagnostics).toEqual([]);
    expect(s.logs.filter((l) => l.type === MessageType.Warning)).toEqual([]);
  });

  it('hovers a figure with what Wengao read, and nothing elsewhere', async () => {
    const s = start();
    await s.initialize();
    const uri = seedUri('003_d81496748c382e1e.txt');
    const text = seedText('003_d81496748c382e1e.txt');
    await open(s, uri, text);
    await s.nextDiagnostics(uri, 0);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    const at = text.indexOf('1500人');
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(at + 1) });
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('优质本科高校');
    expect(value).toContain('扩招');
    expect(value).toContain('2026');
    expect(value).toContain('目标');
    expect(hover!.range).toEqual({ start: doc.positionAt(at), end: doc.positionAt(at + '1500人'.length) });
    const none = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.indexOf('政府工作报告')) });
    expect(none).toBeNull();
  });

  it('answers wengao/figures for an open document as edited and for a closed report of the workspace from disk', async () => {
    const s = start();
    await s.initialize({}, [join(ROOT, 'seeds')]);
    const openUri = 'untitled:draft.txt';
    await open(s, openUri, '2026年工作计划\n\n今年力争新增就业岗位3万个，城镇新增就业45万人以上。\n');
    await s.nextDiagnostics(openUri, 0);
    const closed = seedUri('003_d81496748c382e1e.txt');
    const r = await s.conn.sendRequest<{ documents: { uri: string; figures: { text: string; kind: string; line: number; range: Range }[] }[] }>(
      'wengao/figures',
      { uris: [openUri, closed], targetsOnly: true },
    );
    expect(r.documents.map((d) => d.uri)).toEqual([openUri, closed]);
    expect(r.documents[0].figures.map((f) => [f.text, f.kind, f.line])).toEqual([['3万个', 'target', 3], ['45万人', 'target', 3]]);
    expect(r.documents[1].figures.length).toBeGreaterThan(50);
    expect(r.documents[1].figures.every((f) => f.kind === 'target')).toBe(true);
  });

  it('survives a 20 MB document: diagnostics arrive, capped with defects first, and the server keeps answering', async () => {
    const s = start();
    await s.initialize();
    const seed = seedText(SEED_002);
    // The defects of one copy, as the server reports them.
    const one = 'untitled:one.txt';
    await open(s, one, seed);
    const perCopy = defects((await s.nextDiagnostics(one, 0)).diagnostics).length;
    expect(perCopy).toBeGreaterThan(0);
    const copies = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(seed));
    const big = Array(copies).fill(seed).join('\n\n');
    const uri = 'untitled:big.txt';
    const opened = Date.now();
    await open(s, uri, big);
    // Meanwhile a small document is opened and hovered: both are answered (the analysis of the
    // big one runs to its end first; how long that takes is measured and printed, not bounded).
    const small = 'untitled:small.txt';
    const smallText = '2026年工作计划\n\n今年城镇新增就业45万人以上。\n';
    await open(s, small, smallText);
    const smallDoc = TextDocument.create(small, 'plaintext', 1, smallText);
    let hoverMs = -1;
    const hover = s.conn
      .sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: smallDoc.positionAt(smallText.indexOf('45万人') + 1) })
      .then((h) => {
        hoverMs = Date.now() - opened;
        return h;
      });
    const p = await s.nextDiagnostics(uri, 0, () => true, 60_000);
    const bigMs = Date.now() - opened;
    expect(((await hover)?.contents as MarkupContent).value).toContain('城镇新增就业');
    const smallDiagnostics = await s.nextDiagnostics(small, 0);
    expect(smallDiagnostics.diagnostics.map((d) => d.code)).toEqual(['figure.target']);
    console.log(`20 MB (${copies} copies of seed 002): diagnostics ${bigMs} ms after didOpen; a hover on a small document sent right after answered at ${hoverMs} ms`);
    expect(p.diagnostics.length).toBe(1000);
    // Defects come first under the cap; target notes fill what is left.
    expect(defects(p.diagnostics).length).toBe(Math.min(copies * perCopy, 1000));
    const symbols = await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect((symbols as DocumentSymbol[]).length).toBeGreaterThan(copies);
    expect(s.exit).toBeUndefined();
  }, 120_000);
});

/**
 * A large document's publishing in slices (lsp/slices.ts, issue 13): after its analysis, its
 * figures enter the workspace index, figure.mismatch runs against the workspace and its
 * diagnostics are converted in steps, and between them the server answers other documents. With
 * a slice of 0 ms (a pause at every step) what these show does not depend on the machine's speed:
 * the order of events, the stale rule, and that the output is the one an unpaused server gives.
 */
describe('a document published in slices', () => {
  const BIG = 'untitled:big.txt';
  const SMALL = 'untitled:small.txt';
  // (Seed 002 holds 辽宁省's 2023 targets: 城镇新增就业45万人左右, 地区生产总值增长5%以上. The small
  // document states both otherwise: figure.mismatch on both sides.)
  const BIG_TEXT = seedText(SEED_002);
  const SMALL_TEXT = '2023年辽宁省政府工作报告\n\n三、2023年重点工作\n\n今年全省城镇新增就业40万人左右，地区生产总值增长6%以上。\n';

  async function slicedServer(sliceMs: number): Promise<LspSession> {
    const s = start({ server: { sliceMs } });
    await s.initialize();
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: SMALL, languageId: 'plaintext', version: 1, text: SMALL_TEXT } });
    await s.nextDiagnostics(SMALL, 0);
    return s;
  }

  const analysed = (s: LspSession, version: number) =>
    s.waitFor(() => s.logs.some((l) => l.message.startsWith(`[wengao] analysed ${BIG} v${version}:`)), `${BIG} v${version} analysed`, 60_000);

  it('answers another document between the slices, and publishes what an unpaused server publishes', async () => {
    const sliced = await slicedServer(0);
    const order: string[] = [];
    const published = sliced.waitFor(() => sliced.published(BIG).length > 0 && order.push('big published'), 'the large document published', 60_000);
    await sliced.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: BIG, languageId: 'plaintext', version: 1, text: BIG_TEXT } });
    // (Its analysis done, the steps after it begin: without pauses they would run to the publish
    // before this request is read.)
    await analysed(sliced, 1);
    await sliced.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SMALL } });
    order.push('small answered');
    await published;
    expect(order).toEqual(['small answered', 'big published']);

    // The same diagnostics, of both documents, and the same hover as a server that never pauses.
    const whole = await slicedServer(Infinity);
    await whole.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: BIG, languageId: 'plaintext', version: 1, text: BIG_TEXT } });
    await whole.nextDiagnostics(BIG, 0, undefined, 60_000);
    const mismatch = (s: LspSession) => s.nextDiagnostics(SMALL, 0, (p) => p.diagnostics.filter((d) => d.code === 'figure.mismatch').length === 2);
    const [a, b] = [await mismatch(sliced), await mismatch(whole)];
    expect(a.diagnostics).toEqual(b.diagnostics);
    const big = (s: LspSession) => s.published(BIG).at(-1)!.diagnostics;
    expect(big(sliced).filter((d) => d.code === 'figure.mismatch')).toHaveLength(2);
    expect(big(sliced)).toEqual(big(whole));
    const hover = (s: LspSession) => s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: { line: 4, character: 12 } });
    const shown = await hover(sliced);
    expect(JSON.stringify(shown)).toContain('45');
    expect(shown).toEqual(await hover(whole));
  }, 120_000);

  it('stops the analysis of a version a newer one replaced, at its next pause: the newer one is analysed, once', async () => {
    const s = await slicedServer(0);
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: BIG, languageId: 'plaintext', version: 1, text: BIG_TEXT } });
    // (The outline of v1 asks for its analysis; the small document answered means it has paused.)
    const outline = s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: BIG } });
    await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SMALL } });
    const added = '七、新增的一节';
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: BIG, version: 2 }, contentChanges: [{ text: `${BIG_TEXT}\n\n${added}\n\n今年完成投资100亿元。\n` }] });
    // (v1's analysis stopped at its pause after the change: the request is answered from v2's.)
    expect(JSON.stringify(await outline)).toContain(added);
    await s.nextDiagnostics(BIG, 0, (p) => p.version === 2, 60_000);
    const analysed = s.logs.filter((l) => l.message.startsWith(`[wengao] analysed ${BIG} `)).map((l) => / (v\d+):/.exec(l.message)?.[1]);
    expect(analysed).toEqual(['v2']);
  }, 120_000);

  it('drops a version changed while it was published: only the newer one is published', async () => {
    const s = await slicedServer(0);
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: BIG, languageId: 'plaintext', version: 1, text: BIG_TEXT } });
    await analysed(s, 1);
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: BIG, version: 2 }, contentChanges: [{ text: BIG_TEXT + '\n' }] });
    await s.nextDiagnostics(BIG, 0, (p) => p.version === 2, 60_000);
    expect(s.published(BIG).map((p) => p.version)).toEqual([2]);
  }, 120_000);
});

describe('Slices', () => {
  function* counted(runs: { n: number }): Steps<number> {
    runs.n++;
    yield;
    yield;
    return runs.n;
  }

  it('starts the steps again when what they read changed at a pause, at most twice', async () => {
    let version = 0;
    const runs = { n: 0 };
    // (Changed during the first pause only.)
    setImmediate(() => version++);
    expect(await new Slices(0, () => false).run(() => counted(runs), () => version)).toBe(2);
    // (Changed at every pause: the third start runs to its end without one.)
    const again = { n: 0 };
    expect(await new Slices(0, () => false).run(() => counted(again), () => version++)).toBe(3);
  });

  it('stops at a pause where the work is stale, and never pauses within a slice', async () => {
    expect(await new Slices(0, () => true).run(() => counted({ n: 0 }))).toBeUndefined();
    const slices = new Slices(Infinity, () => true);
    expect(await slices.run(() => counted({ n: 0 }))).toBe(1);
    expect(slices.due()).toBe(false);
  });
});
