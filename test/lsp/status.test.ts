/**
 * wengao/status: the server's StatusReporter in-process (throttling with fake timers), then the
 * built server over stdio: the indexed count after indexing a workspace folder, `last.ms` after
 * an analysis, and no indexing at all when the client says the workspace is untrusted.
 */
import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType,
} from 'vscode-languageserver-protocol/node';
import { FiguresRequest, FiguresResult, StatusNotification, StatusParams } from '../../server/src/lsp/protocol';
import { STATUS_INTERVAL_MS, StatusReporter } from '../../server/src/lsp/status';
import { LspSession, startLsp, sandbox } from '../helpers/procLsp';

describe('StatusReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function reporter(indexed = () => 0) {
    const sent: StatusParams[] = [];
    const r = new StatusReporter((p) => sent.push(p), indexed, { now: () => Date.now() });
    return { r, sent };
  }

  it('sends the first change on the next turn and coalesces a burst into one trailing notification', () => {
    let n = 2;
    const { r, sent } = reporter(() => n);
    r.setIndexing(true);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([{ indexed: 2, indexing: true, limited: [], errors: [] }]);
    for (let i = 0; i < 20; i++) r.analysed('file:///a.txt', { ms: i, findings: 1 });
    n = 3;
    r.setIndexing(false);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(STATUS_INTERVAL_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    // The trailing notification carries the latest state, the index size read when sent.
    expect(sent[1]).toEqual({ indexed: 3, indexing: false, last: { uri: 'file:///a.txt', ms: 19, findings: 1 }, limited: [], errors: [] });
    // Quiet for an interval: the next change goes out on the next turn again.
    vi.advanceTimersByTime(STATUS_INTERVAL_MS);
    r.error('boom');
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(3);
  });

  it('keeps the newest failures, replaces a document\'s on re-analysis and forgets them on close', () => {
    const sent: StatusParams[] = [];
    const r = new StatusReporter((p) => sent.push(p), () => 0, { intervalMs: 0, maxErrors: 3 });
    r.analysed('file:///a.txt', { ms: 5, findings: 0 }, [{ check: 'pairing', error: 'TypeError: x' }]);
    expect(r.snapshot().errors).toEqual([{ uri: 'file:///a.txt', message: 'pairing: TypeError: x' }]);
    r.analysed('file:///a.txt', { ms: 4, findings: 0 });
    expect(r.snapshot().errors).toEqual([]);
    for (const m of ['1', '2', '3', '4']) r.error(`read ${m}`, 'file:///b.txt');
    expect(r.snapshot().errors.map((e) => e.message)).toEqual(['read 2', 'read 3', 'read 4']);
    // The same failure again moves to the end instead of piling up.
    r.error('read 2', 'file:///b.txt');
    expect(r.snapshot().errors.map((e) => e.message)).toEqual(['read 3', 'read 4', 'read 2']);
    r.closed('file:///b.txt');
    expect(r.snapshot().errors).toEqual([]);
    // A skipped document (not Chinese) is not the last analysis.
    r.analysed('file:///en.md', undefined);
    expect(r.snapshot().last).toEqual({ uri: 'file:///a.txt', ms: 4, findings: 0 });
  });

  it('drops a file\'s read failures when it is read again (changed, repaired or deleted)', () => {
    const { r } = reporter();
    r.error('binary file', 'file:///bad.txt');
    r.error('boom');
    r.reread('file:///bad.txt');
    expect(r.snapshot().errors).toEqual([{ message: 'boom' }]);
  });

  it('lists the documents whose heavy checks were left out until they are back on or closed', () => {
    const { r, sent } = reporter();
    r.limited('file:///big.txt', '12 MB');
    expect(r.snapshot().limited).toEqual([{ uri: 'file:///big.txt', reason: '12 MB' }]);
    vi.advanceTimersByTime(STATUS_INTERVAL_MS);
    const n = sent.length;
    r.limited('file:///big.txt', '12 MB'); // no change, nothing sent
    vi.advanceTimersByTime(STATUS_INTERVAL_MS);
    expect(sent).toHaveLength(n);
    r.limited('file:///big.txt', undefined);
    expect(r.snapshot().limited).toEqual([]);
    r.limited('file:///big.txt', '12 MB');
    r.closed('file:///big.txt');
    expect(r.snapshot().limited).toEqual([]);
  });
});

describe('wengao/status over LSP', () => {
  const box = sandbox();

  /** A workspace folder with three short reports and an English note (not indexed). */
  function workspace(): string {
    const dir = box.tempDir('wengao-status-');
    writeFileSync(join(dir, 'a.txt'), '2026年工作计划\n\n今年力争新增就业岗位3万个。\n');
    writeFileSync(join(dir, 'b.txt'), '2026年工作要点\n\n改造老旧小区300个。\n');
    writeFileSync(join(dir, 'c.md'), '# 民生实事清单\n\n- 新增普惠托位4000个。\n');
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNothing Chinese here.\n');
    return dir;
  }

  function start(): LspSession {
    const s = startLsp();
    box.track(s);
    return s;
  }

  const statuses = (s: LspSession) => s.received<StatusParams>(StatusNotification);

  it('reports the indexed count after indexing a workspace folder, and last.ms after an analysis', async () => {
    const dir = workspace();
    const s = start();
    await s.initialize({}, [dir], { trusted: true });
    const done = await s.waitFor(() => statuses(s).find((p) => !p.indexing && p.indexed === 3), 'status: 3 reports indexed, not indexing', 15_000);
    expect(done.errors).toEqual([]);
    expect(done.limited).toEqual([]);

    const uri = pathToFileURL(join(dir, 'open.txt')).href;
    const seen = statuses(s).length;
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: '2026年工作计划\n\n今年新建城市公园20个。“未闭合的引号\n' },
    });
    const after = await s.waitFor(() => statuses(s).slice(seen).find((p) => p.last?.uri === uri), 'status with the last analysis of open.txt');
    expect(after.last!.ms).toBeGreaterThanOrEqual(0);
    expect(after.last!.findings).toBeGreaterThan(0);
    // The open document joins the index.
    await s.waitFor(() => statuses(s).find((p) => p.indexed === 4), 'status: 4 indexed with the open document');
  });

  it('withdraws the error of a report file that could not be read once it is deleted; a deleted file asked for is no error', async () => {
    const dir = workspace();
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 7, 0, 0x80, 0x81]));
    const s = start();
    await s.initialize({}, [dir], { trusted: true });
    const uri = pathToFileURL(bad).href;
    const failed = await s.waitFor(() => statuses(s).find((p) => !p.indexing && p.indexed === 3 && p.errors.length > 0), 'status: indexed, with the error of bad.txt', 15_000);
    expect(failed.errors.map((e) => e.uri)).toEqual([uri]);
    rmSync(bad);
    const seen = statuses(s).length;
    // What the client sends for the deletion, and the Targets view's refresh of that file.
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
    const result = (await s.conn.sendRequest(FiguresRequest, { uris: [uri] })) as FiguresResult;
    expect(result.documents).toEqual([]);
    const cleared = await s.waitFor(() => statuses(s).slice(seen).find((p) => p.errors.length === 0), 'status: no error after the deletion');
    expect(cleared.indexed).toBe(3);
    // Settled: no later status brings an error back.
    await new Promise((r) => setTimeout(r, STATUS_INTERVAL_MS * 2));
    expect(statuses(s).at(-1)!.errors).toEqual([]);
  });

  it('answers the figures request only for reports the workspace index holds, not for any file on disk', async () => {
    const dir = workspace();
    const outside = box.tempDir('wengao-outside-');
    const secret = join(outside, 'secret.txt');
    writeFileSync(secret, '2026年工作计划\n\n今年力争新增就业岗位3万个。\n');
    const s = start();
    await s.initialize({}, [dir], { trusted: true });
    await s.waitFor(() => statuses(s).find((p) => !p.indexing && p.indexed === 3), 'status: indexed');
    const inside = pathToFileURL(join(dir, 'a.txt')).href;
    const result = (await s.conn.sendRequest(FiguresRequest, { uris: [pathToFileURL(secret).href, inside] })) as FiguresResult;
    expect(result.documents.map((d) => d.uri)).toEqual([inside]);
    // The Targets view asks for all: the reports of the index (with figures), and an open untitled one.
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'untitled:new.txt', languageId: 'plaintext', version: 1, text: '2026年计划\n\n力争新建公园5个。\n' },
    });
    const all = (await s.conn.sendRequest(FiguresRequest, { all: true, targetsOnly: true })) as FiguresResult;
    const names = all.documents.map((d) => d.uri.replace(/^.*\//, ''));
    expect(names.sort()).toEqual(['a.txt', 'b.txt', 'c.md', 'untitled:new.txt'].sort());
    expect(all.documents.every((d) => d.figures.every((f) => f.kind === 'target'))).toBe(true);
  });

  it('reads no other file in an untrusted workspace: only open documents are indexed', async () => {
    const dir = workspace();
    const s = start();
    await s.initialize({}, [dir], { trusted: false });
    const first = await s.waitFor(() => statuses(s)[0], 'a first status');
    expect(first).toMatchObject({ indexed: 0, indexing: false });
    const uri = pathToFileURL(join(dir, 'a.txt')).href;
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: '2026年工作计划\n\n今年力争新增就业岗位3万个。\n' },
    });
    await s.waitFor(() => statuses(s).find((p) => p.last?.uri === uri && p.indexed === 1), 'status: the open document alone indexed');
    await s.waitFor(() => s.logs.find((l) => l.message.includes('untrusted workspace')), 'the log saying so');
    // Closed, it leaves the index: the disk's copy is not read.
    await s.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await s.waitFor(() => statuses(s).at(-1)?.indexed === 0 || undefined, 'status: nothing indexed after the close');
    expect(s.logs.some((l) => /indexed \d+ report files/.test(l.message))).toBe(false);
    // Nor does the Targets view's request read a closed file.
    const closed = pathToFileURL(join(dir, 'b.txt')).href;
    const result = (await s.conn.sendRequest(FiguresRequest, { uris: [closed] })) as FiguresResult;
    expect(result.documents).toEqual([]);
    // Nor does its request for every report: nothing is open, nothing is listed.
    expect(((await s.conn.sendRequest(FiguresRequest, { all: true })) as FiguresResult).documents).toEqual([]);
  });
});
