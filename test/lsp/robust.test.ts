/**
 * The built server under abuse, over stdio as in server.test.ts: ten thousand random
 * incremental edits, then its diagnostics against a fresh analysis of the final text by the
 * core; and bad input from the client: empty and garbled documents, malformed settings,
 * missing and undecodable files.
 *
 * WENGAO_EDITS sets the number of edits (default 10,000), WENGAO_EDIT_SEED the random seed.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Diagnostic, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbol,
  DocumentSymbolRequest, FoldingRange, FoldingRangeRequest, HoverRequest, Range, TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, findingsInWorkspace, FigureIndex, indexEntry, LineIndex } from '../../server/src/core';
import { splitsCrlf } from '../helpers/invariants';
import { LspOptions, LspProcess } from '../helpers/procLsp';
import { SEEDS } from '../helpers/reportArb';

let servers: LspProcess[] = [];
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.dispose()));
  servers = [];
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function start(options?: LspOptions): LspProcess {
  const s = new LspProcess(options);
  servers.push(s);
  return s;
}

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'wengao-robust-'));
  dirs.push(d);
  return d;
}

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '【', '】', '。', '，', '、', '；', '：', '——', '…',
  '\n', '\n', '\n\n', '\r\n', '一、', '（一）', '(五)', '1.', '1、', '（1）', '第一，', '# ', '- ',
  '增长5%以上', '46.2万人', '三百家', '3%～5%', '新增就业45万人', '改造老旧小区320个', '2026年', '政府工作报告',
  '推动高质量发展', '改', '的', '要', '😀', '\u3000', ' ', '\t', '\uFEFF',
];

/** A range whose positions name real places of the text: lines that exist, characters within them. */
function rangeInside(doc: TextDocument, r: Range): boolean {
  const ok = (p: Range['start']) =>
    p.line >= 0 && p.line < doc.lineCount && p.character >= 0 && doc.offsetAt(p) === doc.offsetAt({ line: p.line, character: 0 }) + p.character;
  return ok(r.start) && ok(r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

const key = (code: unknown, r: Range) => `${String(code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/**
 * Opens a seed as `languageId`, sends `EDITS` random incremental edits in bursts without
 * waiting, then checks the final publish against the core and that the server still answers.
 */
async function soak(languageId: 'plaintext' | 'markdown', EDITS: number, SEED: number): Promise<void> {
  const rnd = prng(SEED);
  const int = (n: number) => Math.floor(rnd() * n);
  const s = start();
  await s.initialize({ textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } });
  const uri = languageId === 'markdown' ? 'untitled:soak.md' : 'untitled:soak.txt';
  const kind = languageId;
  const seed = SEEDS.find((x) => x.name.startsWith('003'))!.text;
  // The expected text, kept by splicing; the client-side TextDocument gives positions.
  let text = seed;
  let doc = TextDocument.create(uri, languageId, 1, text);
  let version = 1;
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });

  /** An offset that LSP can name: not between \r and \n. */
  const offset = () => {
    let o = int(text.length + 1);
    if (splitsCrlf(text, o)) o--;
    return o;
  };
  const randomEdit = (): { start: number; end: number; insert: string } => {
    const roll = rnd();
    // Keep the size near the seed's: delete more when it grew, insert more when it shrank.
    const bias = text.length > seed.length * 1.5 ? 0.25 : text.length < seed.length * 0.5 ? -0.25 : 0;
    const len = rnd() < 0.9 ? int(12) : int(600);
    const at = offset();
    let end = Math.min(text.length, at + len);
    if (splitsCrlf(text, end)) end++;
    const piece = () => {
      const r = rnd();
      if (r < 0.7) return PIECES[int(PIECES.length)];
      if (r < 0.9) return String.fromCharCode(0x4e00 + int(0x5000)).repeat(1 + int(3));
      // A paste: a slice of the seed, lines and all.
      const from = int(seed.length);
      return seed.slice(from, from + int(600));
    };
    if (roll < 0.45 - bias) return { start: at, end: at, insert: piece() };
    if (roll < 0.75) return { start: at, end, insert: '' };
    return { start: at, end, insert: Array.from({ length: 1 + int(3) }, piece).join('') };
  };

  let sent = 0;
  let minLength = text.length;
  let maxLength = text.length;
  let checkedMidway = 0;
  const pending: Promise<void>[] = [];
  const started = Date.now();
  while (sent < EDITS) {
    // A burst: notifications back to back, each of one to three changes.
    const burst = Math.min(EDITS - sent, rnd() < 0.8 ? 1 + int(40) : 200 + int(800));
    for (let k = 0; k < burst && sent < EDITS; ) {
      const changes: TextDocumentContentChangeEvent[] = [];
      const n = Math.min(1 + (rnd() < 0.2 ? int(3) : 0), EDITS - sent);
      for (let c = 0; c < n; c++, k++, sent++) {
        const e = randomEdit();
        const range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
        changes.push({ range, text: e.insert });
        text = text.slice(0, e.start) + e.insert + text.slice(e.end);
        minLength = Math.min(minLength, text.length);
        maxLength = Math.max(maxLength, text.length);
        doc = TextDocument.update(doc, [{ range, text: e.insert }], doc.version + 1);
      }
      version++;
      pending.push(s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes }));
    }
    // Now and then a request in the middle of the stream: the server analyses the version it
    // has, which must be the one just sent, and its ranges lie inside that text.
    if (rnd() < 0.15) {
      checkedMidway++;
      const now = doc;
      const symbols = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      const walk = (xs: DocumentSymbol[]) => {
        for (const x of xs) {
          expect(rangeInside(now, x.range), `symbol ${x.name} at version ${version} (seed ${SEED})`).toBe(true);
          walk(x.children ?? []);
        }
      };
      walk(symbols ?? []);
    }
  }
  await Promise.all(pending);
  const sendMs = Date.now() - started;
  expect(text, 'the splices and the client TextDocument agree').toBe(doc.getText());

  const final = await s.nextDiagnostics(uri, 0, (p) => p.version === version, 30_000);
  const allMs = Date.now() - started;
  console.log(`${languageId}: ${EDITS} edits in ${version - 1} notifications sent in ${sendMs} ms, final diagnostics after ${allMs} ms; ${checkedMidway} outlines checked midway; text between ${minLength} and ${maxLength} characters, finally ${text.length}, ${final.diagnostics.length} diagnostics (seed ${SEED})`);
  expect(s.exit).toBeUndefined();

  // Every range inside the final text: the diagnostics, their related places and their fixes.
  for (const d of final.diagnostics) {
    expect(rangeInside(doc, d.range), JSON.stringify(d.range)).toBe(true);
    for (const r of d.relatedInformation ?? []) expect(rangeInside(doc, r.location.range)).toBe(true);
    for (const f of (d.data as { fixes: { edits: { range: Range }[] }[] }).fixes) for (const e of f.edits) expect(rangeInside(doc, e.range)).toBe(true);
  }
  // The same findings as a fresh analysis of the final text by the core.
  const analysis = analyze(text, { kind, uri, severity: { 'figure.target': 'information' } });
  expect(analysis.failures).toEqual([]);
  const index = new FigureIndex();
  index.set(indexEntry(uri, 'soak.txt', analysis));
  const lines = new LineIndex(text);
  const want = findingsInWorkspace(analysis, { uri, index, severity: { 'figure.target': 'information' } }).map((f) => key(f.code, lines.range(f.span)));
  expect(want.length).toBeLessThan(1000);
  expect(final.diagnostics.map((d: Diagnostic) => key(d.code, d.range)).sort()).toEqual(want.sort());
  // Nothing older came after the final version.
  const mine = s.published(uri);
  expect(mine[mine.length - 1]).toBe(final);

  // Still answering: the outline, folding, and a hover on a figure the core read.
  const symbols = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  expect(Array.isArray(symbols)).toBe(true);
  const folds = (await s.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
  for (const f of folds) expect(f.startLine < f.endLine && f.endLine < doc.lineCount, JSON.stringify(f)).toBe(true);
  const fig = analysis.figures[Math.floor(analysis.figures.length / 2)];
  if (fig) {
    const hover = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: lines.position(fig.span.start) });
    expect(hover?.range).toEqual(lines.range(fig.span));
  }
  expect(await s.shutdown()).toEqual({ code: 0, signal: null });
}

describe('the server under random edits', () => {
  const seed = Number(process.env.WENGAO_EDIT_SEED ?? 5);
  it('10,000 edits of a plain-text report: alive, answering, and publishing for the final text what the core finds', async () => {
    await soak('plaintext', Number(process.env.WENGAO_EDITS ?? 10_000), seed);
  }, 120_000);
  it('3,000 edits of the same as markdown', async () => {
    await soak('markdown', Math.round(Number(process.env.WENGAO_EDITS ?? 10_000) * 0.3), seed + 1);
  }, 120_000);
});
