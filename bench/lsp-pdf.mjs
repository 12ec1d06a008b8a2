// Does reading a long PDF into the workspace index hold the editor's requests? The built server
// (dist/server.js over stdio) opens a workspace folder holding one PDF of about 300 pages; while
// the index reads it, a small open report's outline is asked for every 25 ms, and each answer's
// latency is recorded until `wengao/status` says the index is done. The same folder with the PDF's
// text as a .txt is the baseline, in the same run. The PDF is set in one whole CJK font where the
// machine has one (Debian's fonts-noto-cjk), else in the tests' font subsets.
//   node esbuild.js && node bench/lsp-pdf.mjs
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, root } from './inputs.mjs';
import { median, p95, rpc, startServer } from './server.mjs';
import { sourceHelpers } from '../test/helpers/sourceHelpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SMALL = '2026年工作计划\n\n一、总体要求\n\n今年城镇新增就业45万人以上。\n';
const ONE_FONT = { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' };

const { reportPdf } = await sourceHelpers();
const text = buildReport(430_000).toString('utf8');
const pdf = await reportPdf(text, existsSync(ONE_FONT.file) ? { font: ONE_FONT } : {});

async function run(label, name, bytes) {
  const dir = join(root, 'bench', '.work', 'lsp-pdf', label.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
  const { child, conn, wake, until } = startServer();
  let indexing;
  let indexed = 0;
  conn.onNotification('wengao/status', (s) => {
    indexing = s.indexing;
    indexed = s.indexed;
    wake();
  });
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, () => wake());
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.listen();
  const small = 'untitled:small.txt';
  const t0 = performance.now();
  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: SMALL } });
  await until(() => indexing === true || indexed >= 2, 'indexing begun', 60_000);
  const latencies = [];
  while (indexing !== false || indexed < 2) {
    const t = performance.now();
    await conn.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri: small } });
    latencies.push(performance.now() - t);
    await sleep(25);
    if (performance.now() - t0 > 120_000) throw new Error(`${label}: indexing not done in 120 s`);
  }
  const ms = performance.now() - t0;
  child.kill();
  return { label, ms, n: latencies.length, median: median(latencies), p95: p95(latencies), max: Math.max(...latencies) };
}

const rows = [];
for (let r = 0; r < 2; r++) {
  rows.push(await run('PDF, 300 pages', 'report.pdf', pdf));
  rows.push(await run('the same text as .txt', 'report.txt', text));
}
console.log(`PDF of ${(pdf.length / 1024).toFixed(0)} KB, ${text.length} characters, ${existsSync(ONE_FONT.file) ? 'one CJK font' : "the tests' font subsets"}`);
console.log('| folder | indexed after (s) | outline requests | median (ms) | p95 (ms) | longest (ms) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${(r.ms / 1000).toFixed(2)} | ${r.n} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
