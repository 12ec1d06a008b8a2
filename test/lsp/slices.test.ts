/**
 * A large document's publishing in slices (lsp/slices.ts, issue 13): after its analysis, its
 * figures enter the workspace index, figure.mismatch runs against the workspace and its
 * diagnostics are converted in steps, and between them the server answers other documents. These
 * tests run the server in-process with a slice of 0 ms (a pause at every step), so what they show
 * does not depend on the machine's speed: the order of events, the stale rule, and that the
 * output is the one an unpaused server gives.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { Steps } from '../../server/src/core';
import { Slices } from '../../server/src/lsp/slices';
import { LspSession, ROOT, sandbox, startLsp } from '../helpers/procLsp';

const { track } = sandbox();
const BIG = 'untitled:big.txt';
const SMALL = 'untitled:small.txt';
// (Seed 002 holds 辽宁省's 2023 targets: 城镇新增就业45万人左右, 地区生产总值增长5%以上. The small
// document states both otherwise: figure.mismatch on both sides.)
const BIG_TEXT = readFileSync(join(ROOT, 'seeds', '002_823a23dd25e68816.txt'), 'utf8');
const SMALL_TEXT = '2023年辽宁省政府工作报告\n\n三、2023年重点工作\n\n今年全省城镇新增就业40万人左右，地区生产总值增长6%以上。\n';

async function server(sliceMs: number): Promise<LspSession> {
  const s = track(startLsp({ server: { sliceMs } }));
  await s.initialize();
  await s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: SMALL, languageId: 'plaintext', version: 1, text: SMALL_TEXT } });
  await s.nextDiagnostics(SMALL, 0);
  return s;
}

const analysed = (s: LspSession, version: number) =>
  s.waitFor(() => s.logs.some((l) => l.message.startsWith(`[wengao] analysed ${BIG} v${version}:`)), `${BIG} v${version} analysed`, 60_000);

describe('a document published in slices', () => {
  it('answers another document between the slices, and publishes what an unpaused server publishes', async () => {
    const sliced = await server(0);
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
    const whole = await server(Infinity);
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

  it('drops a version changed while it was published: only the newer one is published', async () => {
    const s = await server(0);
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
