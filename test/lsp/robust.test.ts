/**
 * The built server under abuse, over stdio as in server.test.ts: ten thousand random
 * incremental edits, then its diagnostics against a fresh analysis of the final text by the
 * core; and bad input from the client: empty and garbled documents, malformed settings,
 * missing and undecodable files.
 *
 * WENGAO_EDITS sets the number of edits (default 10,000), WENGAO_EDIT_SEED the random seed.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'fs';
import iconv from 'iconv-lite';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.mjs';
import {
  Diagnostic, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, DocumentSymbol,
  DocumentSymbolRequest, FileChangeType, FoldingRange, FoldingRangeRequest, HoverRequest, MessageType, Range, TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, findingsInWorkspace, FigureIndex, indexEntry, LineIndex } from '../../server/src/core';
import { splitsCrlf } from '../helpers/invariants';
import { LspOptions, LspProcess, ROOT, sandbox } from '../helpers/procLsp';
import { withoutProofreading } from '../helpers/proofreading';
import { SEEDS } from '../helpers/reportArb';

const box = sandbox();

function start(options?: LspOptions): LspProcess {
  const s = new LspProcess(options);
  box.track(s);
  return s;
}

function tempDir(): string {
  const d = box.tempDir('wengao-robust-');
  return d;
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
  await s.initialize({ textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true } } });
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
  // Nothing older came after the final version, and versions never went backwards.
  const mine = s.published(uri);
  expect(mine[mine.length - 1]).toBe(final);
  const versions = mine.map((p) => p.version ?? -1);
  expect(versions).toEqual([...versions].sort((a, b) => a - b));

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
  it('2,000 edits of the same as markdown', async () => {
    await soak('markdown', Math.round(Number(process.env.WENGAO_EDITS ?? 10_000) * 0.2), seed + 1);
  }, 120_000);
});

const SEED_000 = SEEDS.find((x) => x.name.startsWith('000'))!.text;
/** The codes of the defects (warning or above) other than the proofreading checks' (see test/helpers/proofreading.ts). */
const defects = (ds: Diagnostic[]) => withoutProofreading(ds).filter((d) => d.severity !== undefined && d.severity <= 2).map((d) => d.code);

/** Pseudo-random bytes with NULs: what a binary file looks like. */
function binaryBytes(n: number, seed: number): Buffer {
  const rnd = prng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = i % 7 === 0 ? 0 : Math.floor(rnd() * 256);
  return b;
}

describe('bad input over LSP', () => {
  it('empty, blank, binary-looking, lone surrogates, a 230 KB line, CR line ends, BOM: each published as the core finds, and answered', async () => {
    const s = start();
    await s.initialize({ textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true } } });
    const docs: [string, string, 'plaintext' | 'markdown'][] = [
      ['untitled:empty.txt', '', 'plaintext'],
      ['untitled:blank.md', '\n\n \u3000\r\n\t', 'markdown'],
      ['untitled:binary.txt', binaryBytes(8192, 1).toString('latin1'), 'plaintext'],
      ['untitled:binary-utf8.txt', binaryBytes(8192, 2).toString('utf8'), 'plaintext'],
      ['untitled:surrogates.txt', '一、“\uD800政府\uDC00工作报告”😀\uD83D\n\n（二）\uDFFF增长5%以上\u0000。', 'plaintext'],
      ['untitled:long-line.txt', '政府工作报告提出，“地区生产总值增长5%以上，'.repeat(10_000), 'plaintext'],
      ['untitled:cr.txt', SEED_000.replace(/\n/g, '\r'), 'plaintext'],
      ['untitled:bom.md', '\uFEFF# 政府工作报告\r\n\r\n他说：“引号没有闭合。\r\n\r\n- 城镇新增就业45万人以上\r\n', 'markdown'],
    ];
    const started = Date.now();
    for (const [uri, text, languageId] of docs) {
      await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    }
    for (const [uri, text, kind] of docs) {
      const p = await s.nextDiagnostics(uri, 0, () => true, 60_000);
      const doc = TextDocument.create(uri, kind, 1, text);
      for (const d of p.diagnostics) expect(rangeInside(doc, d.range), `${uri} ${JSON.stringify(d.range)}`).toBe(true);
      const analysis = analyze(text, { kind, uri });
      expect(analysis.failures, uri).toEqual([]);
      const lines = new LineIndex(text);
      const want = analysis.findings.slice(0, 1000).map((f) => key(f.code, lines.range(f.span)));
      if (analysis.findings.length <= 1000) expect(p.diagnostics.map((d) => key(d.code, d.range)).sort(), uri).toEqual(want.sort());
      else expect(p.diagnostics).toHaveLength(1000);
      const symbols = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      expect(Array.isArray(symbols), uri).toBe(true);
      const folds = await s.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      expect(Array.isArray(folds), uri).toBe(true);
      await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    }
    console.log(`odd documents published and answered in ${Date.now() - started} ms`);
    expect(defects(s.published('untitled:bom.md')[0].diagnostics)).toEqual(['quote.unclosed']);
    expect(s.logs.filter((l) => l.type === MessageType.Error)).toEqual([]);
    expect(await s.shutdown()).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('malformed settings from workspace/configuration: each is logged, the defaults apply, nothing crashes', async () => {
    let answer: unknown = {};
    let raw: ((p: unknown) => unknown) | undefined;
    const s = start({
      configurationResult: (params) => {
        if (raw) return raw(params);
        if (answer instanceof Error) throw answer;
        return params.items.map(() => answer);
      },
    });
    await s.initialize({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } });
    const uri = 'untitled:settings.txt';
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: SEED_000 } });
    expect(defects((await s.nextDiagnostics(uri, 0)).diagnostics)).toEqual(['quote.unopened', 'quote.paragraph-break']);
    // [what the client answers, what the warning must name (undefined: no warning is due)]
    const cases: [unknown, string | undefined][] = [
      ['garbage', 'should be an object'],
      [42, 'should be an object'],
      [null, undefined],
      [[1, 2, 3], 'should be an object, got an array'],
      [{ analyze: {} }, 'wengao.analyze'],
      [{ analyze: 'everything' }, 'wengao.analyze'],
      [{ minChineseRatio: 'high' }, 'wengao.minChineseRatio'],
      [{ minChineseRatio: 7 }, 'wengao.minChineseRatio'],
      [{ minChineseRatio: null }, 'wengao.minChineseRatio'],
      [{ targets: 'off' }, 'wengao.targets.severity'],
      [{ targets: { severity: 3 } }, 'wengao.targets.severity'],
      [{ workspace: 'x' }, 'wengao.workspace'],
      [{ workspace: { include: 5, exclude: [1], maxFiles: -3 } }, 'wengao.workspace.maxFiles'],
      [{ analyze: { toString: 'off' }, targets: [], workspace: [] }, 'wengao.analyze'],
      [new Error('the client could not answer'), 'could not read settings'],
    ];
    const check = async (what: string, warning: string | undefined) => {
      const n = s.published(uri).length;
      const logged = s.logs.length;
      await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const p = await s.nextDiagnostics(uri, n);
      expect(defects(p.diagnostics), what).toEqual(['quote.unopened', 'quote.paragraph-break']);
      // The notes of figure.target too: the defaults, not "off".
      expect(p.diagnostics.some((d) => d.code === 'figure.target'), what).toBe(true);
      const warnings = s.logs.slice(logged).filter((l) => l.type === MessageType.Warning);
      if (warning) expect(warnings.map((w) => w.message).join('\n'), what).toContain(warning);
      else expect(warnings, what).toEqual([]);
    };
    for (const [value, warning] of cases) {
      answer = value;
      await check(JSON.stringify(value) ?? String(value), warning);
    }
    // Answers that are not even a list: vscode-languageserver reads them as no settings (null).
    for (const [value, warning] of [['garbage', undefined], [null, undefined], [7, undefined], [{ items: [] }, undefined]] as const) {
      raw = () => value;
      await check(`the whole answer ${JSON.stringify(value)}`, warning);
    }
    expect(s.logs.filter((l) => l.type === MessageType.Error)).toEqual([]);
    expect(await s.shutdown()).toEqual({ code: 0, signal: null });
  });

  it('a workspace of bad files and bad globs: GB18030 and UTF-16 reports compared, binary and missing ones logged, nothing crashes', async () => {
    const dir = tempDir();
    const strip = (t: string) => t.replace(/⟦[^⟧]*⟧/g, '');
    const fixture = join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
    const reportText = strip(readFileSync(join(fixture, 'report.txt'), 'utf8'));
    const briefText = strip(readFileSync(join(fixture, 'brief.txt'), 'utf8'));
    // The report on disk in GB18030, a copy in UTF-16LE without BOM elsewhere; the brief is opened.
    writeFileSync(join(dir, 'report.txt'), iconv.encode(reportText, 'gb18030'));
    writeFileSync(join(dir, 'brief.txt'), briefText);
    writeFileSync(join(dir, 'binary.txt'), binaryBytes(4096, 3));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('Le café est prêt.\nÿ\n', 'latin1'));
    writeFileSync(join(dir, 'empty.txt'), '');
    mkdirSync(join(dir, 'folder.txt'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'utf16.md'), Buffer.from(reportText.replace('辽宁省政府工作报告', '辽宁省政府工作报告（副本）'), 'utf16le'));
    symlinkSync(join(dir, 'no-such-target.txt'), join(dir, 'dangling.txt'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    // A report in a folder named like a file: indexed like any other (it agrees with the brief).
    cpSync(join(dir, 'brief.txt'), join(dir, 'folder.txt', 'inside.txt'));
    const s = start({
      configuration: (section) =>
        section === 'files.exclude' ? 'garbage' : { workspace: { include: ['**/*.txt', '**/*.md', '[', '{a,', ''], exclude: ['((', '**/node_modules/**'] } },
    });
    await s.initialize({ workspace: { configuration: true } }, [dir, join(dir, 'no-such-folder')]);
    const brief = pathToFileURL(join(dir, 'brief.txt')).href;
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: brief, languageId: 'plaintext', version: 1, text: briefText } });
    const mismatches = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'figure.mismatch');
    // Against the GB18030 report and its UTF-16 copy: the same three figures, each naming both.
    const p = await s.waitFor(() => s.published(brief).find((x) => mismatches(x.diagnostics).length === 3), 'three mismatches in the brief', 20_000);
    const related = mismatches(p.diagnostics).map((d) => [...new Set((d.relatedInformation ?? []).map((r) => r.location.uri.split('/').pop()))].sort());
    expect(related).toEqual([0, 1, 2].map(() => ['report.txt', 'utf16.md']));
    const logs = () => s.logs.map((l) => l.message).join('\n');
    await s.waitFor(() => /indexed \d+ report files/.test(logs()), 'the scan to end');
    expect(logs()).toMatch(/not indexed .*binary\.txt/);
    expect(logs()).toMatch(/not indexed .*latin1\.md/);

    // wengao/figures for what is not there or not text, and for garbage.
    const uri = (f: string) => pathToFileURL(join(dir, f)).href;
    const r = await s.conn.sendRequest<{ documents: { uri: string; figures: unknown[]; error?: string }[] }>('wengao/figures', {
      uris: [uri('missing.txt'), uri('binary.txt'), uri('report.txt'), uri('folder.txt'), uri('dangling.txt'), 'not a uri', 'file:///%E0%A4%A', 5, null],
    });
    const byName = new Map(r.documents.map((d) => [String(d.uri).split('/').pop(), d]));
    // A file that does not exist (deleted since it was listed) is left out, not an error.
    expect(byName.has('missing.txt')).toBe(false);
    // Only reports the index holds are read: a binary file or a folder is not one (the index
    // logged why, above), so it is left out of the answer, not read again.
    expect(byName.has('binary.txt')).toBe(false);
    expect(byName.get('report.txt')?.figures.length).toBeGreaterThan(3);
    expect(byName.has('folder.txt')).toBe(false);
    for (const garbage of [{}, { uris: 'x' }, { uris: null }, null, 42]) {
      const g = await s.conn.sendRequest<{ documents: unknown[] }>('wengao/figures', garbage);
      expect(g.documents, JSON.stringify(garbage)).toEqual([]);
    }

    // Watched-file events for files that vanished, never existed, or are binary.
    unlinkSync(join(dir, 'report.txt'));
    rmSync(join(dir, 'sub'), { recursive: true });
    rmSync(join(dir, 'folder.txt'), { recursive: true });
    const n = s.published(brief).length;
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uri('report.txt'), type: FileChangeType.Deleted },
        { uri: uri('sub/utf16.md'), type: FileChangeType.Deleted },
        { uri: uri('folder.txt/inside.txt'), type: FileChangeType.Deleted },
        { uri: uri('never.txt'), type: FileChangeType.Created },
        { uri: uri('binary.txt'), type: FileChangeType.Changed },
        { uri: 'untitled:whatever', type: FileChangeType.Changed },
      ],
    });
    // With the report gone, nothing is left to disagree with.
    await s.waitFor(() => s.published(brief).slice(n).find((x) => mismatches(x.diagnostics).length === 0), 'the brief cleared', 20_000);
    // The only errors logged are the client's garbage uris, each answered with an error entry.
    const errors = s.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
    expect(errors.filter((m) => !/figures of (file:\/\/\/%E0%A4%A|5|null) failed/.test(m))).toEqual([]);
    // (The uris that are not strings, 5 and null; what the index does not hold is left out.)
    expect(r.documents.filter((d) => d.error).map((d) => d.uri)).toEqual([5, null]);
    expect(await s.shutdown()).toEqual({ code: 0, signal: null });
  }, 60_000);
});

describe('the message stream', () => {
  it('ends the server on a framing error (a wrong Content-Length), so that the client restarts it', async () => {
    const { spawn } = await import('child_process');
    const { SERVER_JS } = await import('../helpers/procLsp');
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    // The header says 10 bytes; the body is longer: what follows is no message.
    proc.stdin.write(`Content-Length: 10\r\n\r\n${body}`);
    const timer = setTimeout(() => proc.kill(), 10_000);
    const code = await exited;
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr).toContain('exiting so that the client restarts the server');
  });

  it('ends the server when a message stays incomplete (a Content-Length longer than the body)', async () => {
    const { spawn } = await import('child_process');
    const { SERVER_JS } = await import('../helpers/procLsp');
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, WENGAO_PARTIAL_MESSAGE_MS: '300' } });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stdin.write('Content-Length: 1000\r\n\r\n{"jsonrpc":"2.0"');
    const timer = setTimeout(() => proc.kill(), 10_000);
    const code = await exited;
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr).toContain('incomplete');
  });

  it.each([
    ['a header framed with bare line feeds, never ended by a blank line', 'Content-Length: 52\n\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}'.repeat(3), '300', 'unfinished'],
    ['a header longer than any client writes', 'X'.repeat(9000), '60000', 'more than 8192 bytes'],
  ])('ends the server on %s, after a whole message was read', async (_what, garbage, ms, said) => {
    const { spawn } = await import('child_process');
    const { SERVER_JS } = await import('../helpers/procLsp');
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, WENGAO_PARTIAL_MESSAGE_MS: ms } });
    let stderr = '';
    let stdout = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    // A whole message first, answered. Its body holds a blank line (JSON whitespace): a watch that
    // read bodies as headers would end its header there, find no length and stop watching.
    const params = JSON.stringify({ processId: null, rootUri: null, capabilities: {} });
    const body = `{"jsonrpc":"2.0",\r\n\r\n"id":1,"method":"initialize","params":${params}}`;
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const timer = setTimeout(() => proc.kill(), 15_000);
    while (!stdout.includes('"id":1') && proc.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    proc.stdin.write(garbage);
    const code = await exited;
    clearTimeout(timer);
    expect(stdout).toContain('"capabilities"');
    expect(code).toBe(1);
    expect(stderr).toContain(said);
    expect(stderr).toContain('exiting so that the client restarts the server');
  });
});

describe('versions', () => {
  it('analyses new text sent under a repeated version number: no stale diagnostics outside the text', async () => {
    const s = start();
    await s.initialize({}, []);
    const uri = 'untitled:repeat';
    const first = '2026年工作报告\n\n第一段话写得很长很长很长，这里有一个多余的右引号”在句末。\n';
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: first } });
    const p = await s.nextDiagnostics(uri, 0);
    expect(p.diagnostics.map((d) => d.code)).toContain('quote.unopened');
    const n = s.published(uri).length;
    const second = '2026年工作报告\n\n短句。\n';
    // A client that repeats the version number with new text (seen from a raw client).
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: second }] });
    const after = await s.nextDiagnostics(uri, n);
    expect(after.diagnostics.map((d) => d.code)).not.toContain('quote.unopened');
    const lines = second.split('\n');
    for (const d of after.diagnostics) expect(d.range.end.line).toBeLessThan(lines.length);
  });
});

describe('a large document on the worker thread', () => {
  it('comes back as the core analyses it here: model (text, paragraphs, sentences, lines), outline, figures, findings', async () => {
    const { OffThreadAnalyzer } = await import('../../server/src/lsp/offThread');
    const { LOCAL_CHECKS } = await import('../../server/src/core');
    const { SERVER_JS } = await import('../helpers/procLsp');
    const seed = readFileSync(join(ROOT, 'seeds', '002_823a23dd25e68816.txt'), 'utf8');
    // (With a character beyond the BMP and a lone surrogate: the text goes there as its code units.)
    const text = Array(Math.ceil(600_000 / seed.length)).fill(seed).join('\n\n').replace(/。/, '。\n😀\ud800');
    const logs: string[] = [];
    const worker = new OffThreadAnalyzer(SERVER_JS, (m) => logs.push(m));
    try {
      expect(worker.wants(text)).toBe(true);
      const options = { kind: 'plaintext' as const, checks: LOCAL_CHECKS, heavyLimit: 2_000_000 };
      const there = await worker.analyze(text, options);
      const here = analyze(text, options);
      expect(logs).toEqual([]);
      expect(there.model.text).toBe(text);
      expect(there.model.lines.position(text.length - 1)).toEqual(here.model.lines.position(text.length - 1));
      expect(there.model.paragraphs).toEqual(here.model.paragraphs);
      expect(there.model.sentences).toEqual(here.model.sentences);
      expect(there.outline).toEqual(here.outline);
      expect(there.figures).toEqual(here.figures);
      expect(there.findings).toEqual(here.findings);
    } finally {
      worker.dispose();
    }
  }, 60_000);

  it('is analysed off the main thread: a small document is answered before the large one is published, whose diagnostics are those the core finds', async () => {
    const s = start();
    await s.initialize();
    const seed = readFileSync(join(ROOT, 'seeds', '002_823a23dd25e68816.txt'), 'utf8');
    // 1.9 million characters: large enough for the worker (offThread.ts OFF_THREAD_CHARS), under
    // the heavy limit (2 million), so the figures and every check run there: seconds of work.
    const big = Array(Math.floor(1_900_000 / (seed.length + 2))).fill(seed).join('\n\n');
    const uri = 'untitled:big.txt';
    const order: string[] = [];
    const published = s.waitFor(() => s.published(uri).length > 0 && order.push('big published'), 'the large document published', 60_000);
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: big } });
    // (Once its analysis has begun: on the main thread the request would wait for its end.)
    await new Promise((r) => setTimeout(r, 200));
    const small = 'untitled:small.txt';
    const smallText = '2026年工作计划\n\n一、总体要求\n\n今年城镇新增就业45万人以上。\n';
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: smallText } });
    const symbols = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } })) as DocumentSymbol[];
    order.push('small answered');
    expect(symbols.map((x) => x.name)).toEqual(['2026年工作计划']);
    await published;
    expect(order).toEqual(['small answered', 'big published']);
    // The same findings as the core's, in the same order, capped as the server caps them.
    const core = analyze(big, { kind: 'plaintext', heavyLimit: 2_000_000 });
    const lines = new LineIndex(big);
    const got = s.published(uri).at(-1)!.diagnostics.map((d) => key(d.code, d.range));
    const want = core.findings.map((f) => key(f.code, lines.range(f.span)));
    expect(got.length).toBe(Math.min(want.length, 1000));
    expect(got.every((g) => want.includes(g))).toBe(true);
    expect(s.logs.some((l) => /worker thread failed/.test(l.message))).toBe(false);
  }, 120_000);
});
