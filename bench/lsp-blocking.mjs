// Does a large document block the others? The built server (dist/server.js over stdio) opens a
// large report; while it is analysed, a small report's outline and hover are asked for every
// 25 ms, and each answer's latency is recorded until the large one's diagnostics arrive. Run
// twice in the same run: with the analysis worker thread (the default) and with every analysis
// on the main thread (WENGAO_ANALYSIS_WORKER=0), the baseline.
//   node esbuild.js && node bench/lsp-blocking.mjs
// (WENGAO_BENCH_SERVER=…/server.js measures another build: an older commit's, back to back.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './inputs.mjs';
import { median, p95, rpc, startServer } from './server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SEED = readFileSync(join(root, 'seeds', '002_823a23dd25e68816.txt'), 'utf8');
const SMALL = '2026年工作计划\n\n一、总体要求\n\n今年城镇新增就业45万人以上。\n';

async function run(label, chars, env) {
  const { child, conn, wake, until } = startServer(env);
  const big = 'untitled:big.txt';
  const small = 'untitled:small.txt';
  let publishedAt = 0;
  const other = 'untitled:warm.txt';
  let warmed = false;
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === other && p.diagnostics.length) warmed = true;
    if (p.uri === big && !publishedAt) publishedAt = performance.now();
    wake();
  });
  conn.listen();
  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: SMALL } });
  await conn.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri: small } });
  // (--one-line: the seed without its line breaks, as a document pasted as one line.)
  const text = oneLine ? SEED.replace(/\s+/g, '').repeat(Math.ceil(chars / SEED.replace(/\s+/g, '').length)) : Array(Math.ceil(chars / (SEED.length + 2))).fill(SEED).join('\n\n');
  if (warm) {
    // (--warm: a server in use has analysed documents before, and V8 has compiled the analysis:
    // one document as large is analysed and closed first.)
    await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: other, languageId: 'plaintext', version: 1, text } });
    await until(() => warmed, 'the warm-up document published');
    await conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: other } });
  }
  const opened = performance.now();
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: big, languageId: 'plaintext', version: 1, text } });
  // (The first answer waits for the large didOpen message itself to be read and parsed, the
  // same on either thread: reported apart.)
  await conn.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri: small } });
  const firstMs = performance.now() - opened;
  const latencies = [];
  // (Each request's latency on its own: the outline, then the hover.)
  const ask = async (type, params) => {
    const t = performance.now();
    await conn.sendRequest(type, params);
    // (Every request sent before the large document was published counts, whenever it was
    // answered: one held up by the publishing itself too.)
    if (!publishedAt || t < publishedAt) latencies.push(performance.now() - t);
  };
  while (!publishedAt) {
    await ask(rpc.DocumentSymbolRequest.type, { textDocument: { uri: small } });
    await ask(rpc.HoverRequest.type, { textDocument: { uri: small }, position: { line: 4, character: 10 } });
    await sleep(25);
  }
  await until(() => publishedAt, 'the large document published');
  child.kill();
  const max = Math.max(...latencies);
  return { label, chars: text.length, bigMs: Math.round(publishedAt - opened), firstMs: Math.round(firstMs), asked: latencies.length, medianMs: latencies.length ? Math.round(median(latencies)) : '–', p95Ms: latencies.length ? Math.round(p95(latencies)) : '–', maxMs: latencies.length ? Math.round(max) : '–' };
}

const rows = [];
// (--chars 60000,250000 --worker-from 1: other sizes, with the worker taking documents from that
// many characters on, as BENCHMARKS' "where the line to the worker should be" was measured.)
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sizes = arg('--chars')?.split(',').map(Number) ?? [1_900_000, 20_000_000];
const workerEnv = arg('--worker-from') ? { WENGAO_OFF_THREAD_CHARS: arg('--worker-from') } : {};
const warm = process.argv.includes('--warm');
const oneLine = process.argv.includes('--one-line');
for (const chars of sizes) {
  for (const [label, env] of [['worker thread', workerEnv], ['main thread (baseline)', { WENGAO_ANALYSIS_WORKER: '0' }]]) {
    rows.push(await run(label, chars, env));
  }
}
console.log('| document | analysis on | its diagnostics after | first answer to the small one | its requests answered meanwhile | median | p95 | worst |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${(r.chars / 1e6).toFixed(1)} M characters | ${r.label} | ${r.bigMs} ms | ${r.firstMs} ms | ${r.asked} | ${r.medianMs} ms | ${r.p95Ms} ms | ${r.maxMs} ms |`);
