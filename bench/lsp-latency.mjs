// Keystroke → fresh diagnostics in the built language server (dist/server.js over stdio), as
// VS Code sends a keystroke: an incremental didChange of one inserted character. Used by
// bench/peers.mjs; the server runs with no workspace folder, so only the typed document counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './inputs.mjs';
import { median, p95, rpc, startServer } from './server.mjs';
import { prng } from '../test/helpers/prng.mjs';


/** The server's typing debounce (server/src/lsp/analyses.ts DEBOUNCE_MS), read from the source. */
function debounceMs() {
  const m = /DEBOUNCE_MS\s*=\s*(\d+)/.exec(readFileSync(join(root, 'server', 'src', 'lsp', 'analyses.ts'), 'utf8'));
  return m ? Number(m[1]) : NaN;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `warmup` keystrokes are typed first and not counted: the server process is started afresh for
 * the measurement, and V8 compiles the analysis during its first few runs (in use, the server has
 * long been warm: it indexed the workspace and analysed every open document). They are reported
 * apart (`warmupLatencies`).
 */
export async function keystrokeLatency(file, { keystrokes = 50, warmup = 5, spacingMs = 300, seed = 5, timeoutMs = 60_000 } = {}) {
  const { child, conn, wake, until: wait } = startServer();
  const until = (f, what) => wait(f, what, timeoutMs);
  const uri = pathToFileURL(file).href;
  const published = []; // { t, version }
  const analysed = new Map(); // version → ms, from the server's log
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri) published.push({ t: performance.now(), version: p.version, n: p.diagnostics.length });
    wake();
  });
  conn.onNotification(rpc.LogMessageNotification.type, (m) => {
    const a = /analysed (\S+) v(\d+): .* (\d+) ms$/.exec(m.message);
    if (a && a[1] === uri) analysed.set(Number(a[2]), Number(a[3]));
  });
  conn.listen();

  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  let text = readFileSync(file, 'utf8');
  const openAt = performance.now();
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const first = await until(() => published.find((p) => p.version === 1), 'first diagnostics');
  const openMs = first.t - openAt;

  const random = prng(seed);
  const chars = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
  const latencies = [];
  const analysis = [];
  const warmupLatencies = [];
  let missing = 0;
  for (let k = 0; k < warmup + keystrokes; k++) {
    if (k === warmup) {
      warmupLatencies.push(...latencies.splice(0));
      analysis.length = 0;
      missing = 0;
    }
    const version = k + 2;
    let offset = Math.floor(random() * (text.length + 1));
    const code = text.charCodeAt(offset - 1);
    if (code >= 0xd800 && code <= 0xdbff) offset++; // never split a surrogate pair
    const before = text.slice(0, offset);
    const line = (before.match(/\n/g) ?? []).length;
    const character = offset - (before.lastIndexOf('\n') + 1);
    const ch = chars[Math.floor(random() * chars.length)];
    text = before + ch + text.slice(offset);
    const sentAt = performance.now();
    await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    const got = await until(() => published.find((p) => p.version === version), `diagnostics of v${version}`).catch(() => undefined);
    if (got) latencies.push(got.t - sentAt);
    else missing++;
    if (analysed.has(version)) analysis.push(analysed.get(version));
    const elapsed = performance.now() - sentAt;
    if (elapsed < spacingMs) await sleep(spacingMs - elapsed);
  }
  await conn.sendRequest(rpc.ShutdownRequest.type).catch(() => undefined);
  await conn.sendNotification(rpc.ExitNotification.type).catch(() => undefined);
  // Let it exit by itself (a --cpu-prof profile is written then), or end it after a second.
  await new Promise((resolve) => {
    const t = setTimeout(() => (child.kill(), resolve()), 1000);
    child.once('exit', () => (clearTimeout(t), resolve()));
  });
  conn.dispose();
  return {
    debounceMs: debounceMs(),
    warmup,
    warmupLatencies,
    openMs,
    count: latencies.length,
    missing,
    median: median(latencies),
    p95: p95(latencies),
    max: Math.max(...latencies),
    analysisMedian: analysis.length ? median(analysis) : undefined,
    analysisP95: analysis.length ? p95(analysis) : undefined,
    latencies,
  };
}
