// The server's restart on a workspace of 1,000 reports built from seeds/ (bench/inputs.mjs
// buildWorkspace), with the index kept in a storage folder (server/src/lsp/persist.ts): the time
// from initialize to the first cross-document diagnostic (figure.mismatch) of a document opened
// at once, and to the end of the scan, for a first start (nothing saved) and a restart.
// Run: node esbuild.js && node bench/restart.mjs [--files 1000] [--runs 3]
import { readFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWorkspace, root } from './inputs.mjs';
import { median, rpc, startServer } from './server.mjs';

const arg = (name, d) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const n = arg('--files', 1000);
const runs = arg('--runs', 3);
const ws = join(root, 'bench', '.work', `ws-${n}`);
// (Written an hour ago, as a workspace's files are: one modified just before it was read is read
// again at the next start, persist.ts RACY_MS.)
const past = new Date(Date.now() - 3_600_000);
for (const f of buildWorkspace(ws, n)) utimesSync(f, past, past);
const storage = join(root, 'bench', '.work', `restart-storage-${n}`);

async function session() {
  const { child, conn, wake, until } = startServer();
  let mismatchAt = 0;
  let indexedAt = 0;
  let indexedMsg = '';
  const file = join(ws, 'd0', 'r3.txt');
  const uri = pathToFileURL(file).href;
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri && !mismatchAt && p.diagnostics.some((d) => d.code === 'figure.mismatch')) mismatchAt = performance.now();
    wake();
  });
  conn.onNotification(rpc.LogMessageNotification.type, (m) => {
    if (/indexed \d+ report files/.test(m.message)) {
      indexedAt = performance.now();
      indexedMsg = m.message.replace('[wengao] ', '');
    }
    wake();
  });
  conn.listen();
  const t0 = performance.now();
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(ws).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
    initializationOptions: { trusted: true, storagePath: storage },
  });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(file, 'utf8') } });
  await until(() => mismatchAt && indexedAt, 'a mismatch and the scan');
  await conn.sendRequest(rpc.ShutdownRequest.type);
  await conn.sendNotification(rpc.ExitNotification.type);
  await new Promise((r) => child.once('exit', r));
  return { mismatch: mismatchAt - t0, indexed: indexedAt - t0, indexedMsg };
}

const cold = [];
const warm = [];
let msg = '';
for (let r = 0; r < runs; r++) {
  rmSync(storage, { recursive: true, force: true });
  cold.push(await session());
  const w = await session();
  warm.push(w);
  msg = w.indexedMsg;
}
const s = (xs, k) => `${(median(xs.map((x) => x[k])) / 1000).toFixed(2)} s (${xs.map((x) => (x[k] / 1000).toFixed(2)).join(', ')})`;
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${n} files; restart: ${msg}`);
console.log('| start | first figure.mismatch of a document opened at once: median (runs) | scan done: median (runs) |');
console.log('|---|---|---|');
console.log(`| first start, nothing saved | ${s(cold, 'mismatch')} | ${s(cold, 'indexed')} |`);
console.log(`| restart, index saved | ${s(warm, 'mismatch')} | ${s(warm, 'indexed')} |`);
process.exit(0);
