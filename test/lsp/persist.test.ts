/**
 * The workspace index kept across restarts (server/src/lsp/persist.ts): a second session takes
 * the entries of unchanged files without reading them, reads a file whose size or time changed
 * (and keeps its entry when the text is the same), and shows the same cross-document findings as
 * a first session; a corrupt saved index is replaced, and Restricted Mode neither reads nor writes it.
 */
import { cpSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession, ROOT, sandbox, startLsp } from '../helpers/procLsp';
import { nodeFs } from '../../server/src/io/workspaceFs';
import { ENTRIES_FILE, INDEX_FILE } from '../../server/src/lsp/persist';

const box = sandbox();
const strip = (s: string) => s.replace(/⟦[^⟧]*⟧/g, '');
const mismatches = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'figure.mismatch');
const text = (m: string | { value: string }) => (typeof m === 'string' ? m : m.value);

/** The press-brief fixture and three seeds: five reports. */
function folder(): string {
  const dir = box.tempDir('wengao-persist-');
  cpSync(join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief'), dir, { recursive: true });
  for (const f of ['report.txt', 'brief.txt']) writeFileSync(join(dir, f), strip(readFileSync(join(dir, f), 'utf8')));
  for (const [i, seed] of ['000_d4031d3451319d89.txt', '001_35a3e5c16cba96b6.txt', '003_d81496748c382e1e.txt'].entries()) {
    writeFileSync(join(dir, `s${i}.txt`), readFileSync(join(ROOT, 'seeds', seed)));
  }
  // (Written a minute ago: a file modified just before it was read is read again at the next start.)
  const past = new Date(Date.now() - 60_000);
  for (const f of ['report.txt', 'brief.txt', 's0.txt', 's1.txt', 's2.txt']) utimesSync(join(dir, f), past, past);
  return dir;
}

/** A server on `dir` whose reads of report files are counted. */
function server(dir: string, storage: string, trusted = true, settings?: unknown): { s: LspSession; reads: string[]; start: () => Promise<void> } {
  const reads: string[] = [];
  const fs = { ...nodeFs, readFile: (f: string) => (reads.push(f), nodeFs.readFile(f)) };
  const s = box.track(startLsp({ server: { workspace: fs } }));
  return { s, reads, start: async () => void (await s.initialize({}, [dir], { trusted, storagePath: storage, ...(settings ? { settings: { wengao: settings } } : {}) })) };
}

const indexed = (s: LspSession) => s.waitFor(() => s.logs.find((l) => /indexed \d+ report files/.test(l.message)), 'the scan', 20_000);

async function briefMismatches(s: LspSession, dir: string): Promise<string[]> {
  const file = join(dir, 'brief.txt');
  const uri = pathToFileURL(file).href;
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(file, 'utf8') } });
  const p = await s.waitFor(() => s.published(uri).find((x) => mismatches(x).length === 3), 'three mismatches in the brief', 20_000);
  return mismatches(p).map((d) => text(d.message));
}

describe('the index saved between sessions', () => {
  it('a restart takes unchanged files from it without reading them, and reads the changed ones', async () => {
    const dir = folder();
    const storage = box.tempDir('wengao-storage-');
    const first = server(dir, storage);
    await first.start();
    expect((await indexed(first.s)).message).toMatch(/indexed 5 report files/);
    const before = await briefMismatches(first.s, dir);
    await first.s.dispose();
    expect(existsSync(join(storage, INDEX_FILE))).toBe(true);

    // One seed edited (its size changes), one touched (its time changes, its text does not).
    writeFileSync(join(dir, 's0.txt'), readFileSync(join(dir, 's0.txt'), 'utf8') + '\n全年新增就业1.2万人。\n');
    utimesSync(join(dir, 's1.txt'), new Date(), new Date(Date.now() + 5000));
    const second = server(dir, storage);
    await second.start();
    expect((await indexed(second.s)).message).toMatch(/indexed 5 report files in \d+ ms \(3 from the saved index, 1 read again and unchanged\)/);
    const read = (f: string) => second.reads.includes(join(dir, f));
    expect([read('report.txt'), read('s2.txt'), read('s0.txt'), read('s1.txt')]).toEqual([false, false, true, true]);
    // The report on disk, taken from the saved index, still disagrees with the brief, as before.
    expect(await briefMismatches(second.s, dir)).toEqual(before);
  }, 60_000);

  it('a report changed while the server was stopped is read again: its new figures count', async () => {
    const dir = folder();
    const storage = box.tempDir('wengao-storage-');
    const first = server(dir, storage);
    await first.start();
    await indexed(first.s);
    const extend = (messages: string[]) => messages.find((m) => m.includes('此处1800人'))!;
    expect(extend(await briefMismatches(first.s, dir))).toContain('《2026年辽宁省政府工作报告（节选）》');
    await first.s.dispose();
    // The report now states what the brief states (1800人): the brief's 1800人 disagrees with a
    // seed's 1500人 only, no more with the report. Same size; another time.
    const file = join(dir, 'report.txt');
    const old = readFileSync(file, 'utf8');
    const { mtime } = statSync(file);
    expect(old).toContain('1500人');
    writeFileSync(file, old.replace('1500人', '1800人'));
    utimesSync(file, mtime, new Date(mtime.getTime() + 1000));
    const second = server(dir, storage);
    await second.start();
    await indexed(second.s);
    expect(second.reads).toContain(file);
    expect(extend(await briefMismatches(second.s, dir))).not.toContain('《2026年辽宁省政府工作报告（节选）》');
  }, 60_000);

  it('a third session reads what the second wrote after a change on disk (entries copied from the file on disk)', async () => {
    const dir = folder();
    const storage = box.tempDir('wengao-storage-');
    const first = server(dir, storage);
    await first.start();
    await indexed(first.s);
    const before = await briefMismatches(first.s, dir);
    await first.s.dispose();
    const second = server(dir, storage);
    await second.start();
    await indexed(second.s);
    // A report changes while the second session runs: the watcher's read replaces its entry.
    const s0 = join(dir, 's0.txt');
    writeFileSync(s0, readFileSync(s0, 'utf8') + '\n全年新增就业1.2万人。\n');
    await second.s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(s0).href, type: FileChangeType.Changed }] });
    await second.s.waitFor(() => second.reads.filter((f) => f === s0).length > 0, 'the watcher\'s read', 10_000);
    await second.s.dispose();
    const third = server(dir, storage);
    await third.start();
    expect((await indexed(third.s)).message).toMatch(/indexed 5 report files in \d+ ms \((4|5) from the saved index/);
    expect(third.reads).not.toContain(join(dir, 'report.txt'));
    expect(await briefMismatches(third.s, dir)).toEqual(before);
  }, 60_000);

  it('a restart holds the saved entries to the walk\'s rules: no more files than wengao.workspace.maxFiles, none excluded since', async () => {
    const dir = folder();
    const storage = box.tempDir('wengao-storage-');
    const first = server(dir, storage);
    await first.start();
    await indexed(first.s);
    await first.s.dispose();
    const second = server(dir, storage, true, { workspace: { maxFiles: 2, exclude: ['s2.txt'] } });
    await second.start();
    expect((await indexed(second.s)).message).toMatch(/indexed 2 report files in \d+ ms \(2 from the saved index/);
    await second.s.dispose();
  }, 60_000);

  it('a file modified just before it was read is not vouched for by its time: rewritten within the same tick, it is read again', async () => {
    const dir = folder();
    const file = join(dir, 'report.txt');
    // (Modified now, as a clock of 2-second ticks would leave a rewrite's time unchanged.)
    const now = new Date();
    utimesSync(file, now, now);
    const storage = box.tempDir('wengao-storage-');
    const first = server(dir, storage);
    await first.start();
    await indexed(first.s);
    await first.s.dispose();
    const { mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('1500人', '1800人'));
    utimesSync(file, mtime, mtime);
    const second = server(dir, storage);
    await second.start();
    await indexed(second.s);
    expect(second.reads).toContain(file);
    expect(second.reads).not.toContain(join(dir, 's2.txt'));
    const extend = (await briefMismatches(second.s, dir)).find((m) => m.includes('此处1800人'))!;
    expect(extend).not.toContain('《2026年辽宁省政府工作报告（节选）》');
  }, 60_000);

  it('a corrupt saved index is said in the log and replaced; Restricted Mode neither reads nor writes it', async () => {
    const dir = folder();
    const storage = box.tempDir('wengao-storage-');
    writeFileSync(join(storage, INDEX_FILE), '{"format":"wengao-index","version":2,"files":{');
    writeFileSync(join(storage, ENTRIES_FILE), 'x\n');
    const first = server(dir, storage);
    await first.start();
    expect((await indexed(first.s)).message).toMatch(/indexed 5 report files in \d+ ms$/);
    expect(first.s.logs.some((l) => /saved index ignored, to be written afresh/.test(l.message))).toBe(true);
    await first.s.dispose();
    expect(() => JSON.parse(readFileSync(join(storage, INDEX_FILE), 'utf8'))).not.toThrow();
    // A record of the wrong shape (no keys): dropped, its file read again; the others are used.
    const whole = JSON.parse(readFileSync(join(storage, INDEX_FILE), 'utf8')) as { files: Record<string, { keys?: string[] }> };
    delete Object.values(whole.files)[0].keys;
    writeFileSync(join(storage, INDEX_FILE), JSON.stringify(whole));
    const shaped = server(dir, storage);
    await shaped.start();
    expect((await indexed(shaped.s)).message).toMatch(/indexed 5 report files in \d+ ms \(4 from the saved index/);
    expect(shaped.s.logs.some((l) => /1 records of the wrong shape dropped/.test(l.message))).toBe(true);
    await shaped.s.dispose();
    // A pair torn apart (the entries of another write): not read together.
    const index = JSON.parse(readFileSync(join(storage, INDEX_FILE), 'utf8')) as { generation: string };
    writeFileSync(join(storage, ENTRIES_FILE), readFileSync(join(storage, ENTRIES_FILE), 'utf8').replace(index.generation, 'another'));
    const torn = server(dir, storage);
    await torn.start();
    expect((await indexed(torn.s)).message).toMatch(/indexed 5 report files in \d+ ms$/);
    expect(torn.s.logs.some((l) => /saved index ignored, to be written afresh .*different generations/.test(l.message))).toBe(true);
    await torn.s.dispose();

    const other = box.tempDir('wengao-storage-');
    const untrusted = server(dir, other, false);
    await untrusted.start();
    await untrusted.s.waitFor(() => untrusted.s.logs.find((l) => /untrusted workspace/.test(l.message)), 'the untrusted start', 10_000);
    await untrusted.s.dispose();
    expect(existsSync(join(other, INDEX_FILE))).toBe(false);
    expect(untrusted.reads).toEqual([]);
  }, 60_000);
});
