// Workspace scale: 1,000 reports built from seeds/ indexed by the built server (dist/server.js),
// spoken to over stdio. Measures indexing time and peak memory, hover latency, and the time
// from an edit to fresh diagnostics in the edited and in a dependent document.
// Run: node esbuild.js && node bench/workspace.mjs [--files 1000]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWorkspace } from './inputs.mjs';
import { median, p95, rpc, startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const n = Number(process.argv[process.argv.indexOf('--files') + 1]) || 1000;
const ws = join(here, '.work', `ws-${n}`);
buildWorkspace(ws, n);

const { child, conn, wake, until } = startServer();
const published = new Map();
let indexedAt = 0;
let indexedMsg = '';
conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
  const list = published.get(p.uri) ?? [];
  list.push({ t: performance.now(), p });
  published.set(p.uri, list);
  wake();
});
conn.onNotification(rpc.LogMessageNotification.type, (m) => {
  if (m.message.includes('indexed ')) {
    indexedAt = performance.now();
    indexedMsg = m.message;
  }
  wake();
});
conn.listen();
function peakRss(pid) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(s)[1]) / 1024;
}

const t0 = performance.now();
await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ws).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }] });
await conn.sendNotification(rpc.InitializedNotification.type, {});
// Editor responsiveness while indexing: a document opened at once gets its diagnostics.
const first = join(ws, 'd0', 'r3.txt');
const firstUri = pathToFileURL(first).href;
const firstText = readFileSync(first, 'utf8');
const openAt = performance.now();
await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: firstUri, languageId: 'plaintext', version: 1, text: firstText } });
await until(() => published.get(firstUri)?.length, 'first diagnostics');
const firstDiag = published.get(firstUri)[0].t - openAt;
await until(() => indexedAt, 'indexing');
const indexMs = indexedAt - t0;
const rssAfterIndex = peakRss(child.pid);

// Hover latency over a figure (with the comparison table), 50 times.
const doc = firstText;
const at = doc.indexOf('扩招') + 2;
const lines = doc.slice(0, at).split('\n');
const pos = { line: lines.length - 1, character: lines[lines.length - 1].length + 1 };
const hovers = [];
let table = false;
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  const h = await conn.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: firstUri }, position: pos });
  hovers.push(performance.now() - t);
  table ||= !!h && JSON.stringify(h).includes('同一指标');
}

// Edit → diagnostics: change the figure in r3 and time the fresh diagnostics of r3, and of an
// open dependent document (r8, a copy of the same seed) that must re-check against it.
// r38 is a copy of the same seed for the same year (38 ≡ 3 mod 5 and mod 7) with another value.
const dep = join(ws, 'd0', 'r38.txt');
const depUri = pathToFileURL(dep).href;
await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: depUri, languageId: 'plaintext', version: 1, text: readFileSync(dep, 'utf8') } });
await until(() => published.get(depUri)?.length, 'dependent diagnostics');
const edits = [];
const depRefresh = [];
for (let v = 2; v < 22; v++) {
  const before = published.get(firstUri).length;
  const depBefore = published.get(depUri).length;
  const text = doc.replace(/扩招(\d+)人/, `扩招${1600 + v}人`);
  const t = performance.now();
  await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: firstUri, version: v }, contentChanges: [{ text }] });
  await until(() => published.get(firstUri).length > before && published.get(firstUri).at(-1).p.version === v, 'edit diagnostics');
  edits.push(published.get(firstUri).at(-1).t - t);
  await until(() => published.get(depUri).length > depBefore, 'dependent refresh', 10000).then(
    () => depRefresh.push(published.get(depUri).at(-1).t - t),
    () => {},
  );
}
const peak = peakRss(child.pid);
await conn.sendRequest(rpc.ShutdownRequest.type);
await conn.sendNotification(rpc.ExitNotification.type);
child.kill();

const fmt = (x) => x.toFixed(1);
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${n} files (${indexedMsg.replace('[wengao] ', '')})`);
console.log('| measure | value | target |');
console.log('|---|---|---|');
console.log(`| index ${n} reports (initialize → indexed) | ${(indexMs / 1000).toFixed(2)} s | < 10 s |`);
console.log(`| peak memory of the server (VmHWM) after indexing | ${fmt(rssAfterIndex)} MB | < 300 MB |`);
console.log(`| peak memory at the end | ${fmt(peak)} MB | < 300 MB |`);
console.log(`| first diagnostics of a document opened while indexing | ${fmt(firstDiag)} ms | the editor is not blocked |`);
console.log(`| hover on a figure with the workspace table: median / p95 | ${fmt(median(hovers))} / ${fmt(p95(hovers))} ms | < 50 ms |`);
console.log(`| edit → fresh diagnostics of the edited document: median / p95 | ${fmt(median(edits))} / ${fmt(p95(edits))} ms | |`);
console.log(`| edit → re-check of a dependent open document: median / p95 (${depRefresh.length} of ${edits.length}) | ${depRefresh.length ? `${fmt(median(depRefresh))} / ${fmt(p95(depRefresh))}` : '-'} ms | incremental |`);
console.log(`| hover showed the workspace table | ${table} | |`);
process.exit(0);
