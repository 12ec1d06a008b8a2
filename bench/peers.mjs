// Wengao against the tools users have today, on the same inputs in the same run (issue 5):
// autocorrect (CLI and Node API), zhlint (CLI and API), textlint with no-unmatched-pair, and a
// floor that only reads the files. Wall time and peak memory of each tool as a child process,
// throughput, growth from 1 MB to 10 MB, the language server's keystroke → diagnostics latency,
// and the findings of every tool on the seeds, classified by a reviewer's verdicts (bench/verdicts.mjs).
//
// Run (every table of BENCHMARKS.md):  npm run bench            (node esbuild.js && node bench/peers.mjs)
//      a fast smoke run:               npm run bench -- --quick
//      only this file's tables:        node bench/peers.mjs --only peers [--quick]
// Options: --runs N (default 5), --timeout S (per run, default 300), --keystrokes N (default 50).
// Inputs and results go to bench/.work/peers/ (git-ignored); the tables are printed and written to
// bench/.work/peers/results.md, every measurement to results.json.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { buildReport, buildWorkspace, root, seeds } from './inputs.mjs';
import { keystrokeLatency } from './lsp-latency.mjs';
import { collectFindings } from './findings.mjs';
import { median, p95 } from './server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const quick = flag('--quick');
const runs = Number(option('--runs', quick ? 1 : 5));
const timeoutS = Number(option('--timeout', quick ? 60 : 300));
const keystrokes = Number(option('--keystrokes', quick ? 10 : 50));
const only = option('--only', 'all');

const bench = join(root, 'bench');
const work = join(bench, '.work', 'peers');
const peers = join(bench, 'peers');
const out = [];
const say = (s = '') => {
  out.push(s);
  console.log(s);
};
const progress = (s) => process.stderr.write(`[bench] ${s}\n`);

// ---------------------------------------------------------------------------------------------
// The other benchmarks (their own tables), so that one command refreshes all of BENCHMARKS.md.
if (only === 'all') {
  for (const [script, args] of [
    ['run.mjs', quick ? ['--quick'] : []],
    ['workspace.mjs', quick ? ['--files', '100'] : []],
    // (The folder of 1,000 short reports, and --cache on it: cold, nothing changed, one report changed.)
    ['small.mjs', ['--cache', '--runs', quick ? '1' : '5']],
    // (The server's restart on 1,000 reports with the index saved.)
    ['restart.mjs', quick ? ['--files', '100', '--runs', '1'] : []],
    // (A 99-page PDF and a 206-page .docx read, against their text as .txt.)
    ['formats.mjs', ['--runs', quick ? '1' : '5']],
  ]) {
    progress(`node bench/${script} ${args.join(' ')}`);
    const r = spawnSync(process.execPath, [join(bench, script), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    say(`### node bench/${script} ${args.join(' ')}`.trim());
    say();
    say(r.stdout.trim());
    say();
    if (r.status !== 0) throw new Error(`bench/${script} failed (${r.status})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Set-up: the built CLI and server, the peers (npm ci into bench/peers when missing), the inputs.
for (const f of ['cli.js', 'server.js']) {
  if (!existsSync(join(root, 'dist', f))) throw new Error(`dist/${f} is missing: run \`npm run build\` first`);
}
if (!existsSync(join(peers, 'node_modules', '.package-lock.json'))) {
  progress('installing the peers: npm ci --prefix bench/peers');
  execFileSync('npm', ['ci', '--prefix', peers, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
const peerVersion = (name) => JSON.parse(readFileSync(join(peers, 'node_modules', name, 'package.json'), 'utf8')).version;

mkdirSync(work, { recursive: true });
const inputs = [];
for (const s of seeds()) {
  mkdirSync(join(work, 'seeds'), { recursive: true });
  writeFileSync(join(work, 'seeds', s.name), s.text);
  inputs.push({ id: s.name.slice(0, 3), label: `seed ${s.name.slice(0, 3)}`, path: `seeds/${s.name}`, files: 1 });
}
const small = quick ? 100_000 : 1_000_000;
const large = quick ? 1_000_000 : 10_000_000;
const sizeLabel = (b) => (b >= 1e6 ? `${b / 1e6} MB` : `${b / 1e3} KB`);
for (const [id, bytes] of [['small', small], ['large', large]]) {
  const name = `report-${sizeLabel(bytes).replace(' ', '')}.txt`;
  writeFileSync(join(work, name), buildReport(bytes));
  inputs.push({ id, label: sizeLabel(bytes), path: name, files: 1 });
}
const nFiles = quick ? 100 : 1000;
buildWorkspace(join(work, `ws-${nFiles}`), nFiles);
inputs.push({ id: 'folder', label: `${nFiles} files`, path: `ws-${nFiles}`, files: nFiles });
for (const i of inputs) i.bytes = du(join(work, i.path));

function du(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return execFileSync('find', [p, '-type', 'f', '-name', '*.txt', '-printf', '%s\\n'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .reduce((a, b) => a + Number(b), 0);
}

// ---------------------------------------------------------------------------------------------
// The tools. Every one is a Node script run as `node --require maxrss.cjs SCRIPT ARGS` with the
// inputs folder as working directory and relative paths (autocorrect's CLI silently skips files
// that the repository's .gitignore ignores when it runs inside the repository, even files named
// on its command line: bench/.work/ is ignored).
const nm = (p) => join(peers, 'node_modules', p);
const textlintrc = join(peers, 'textlintrc.json');
const tools = [
  { id: 'floor', label: 'floor (read + count “ ”)', script: join(bench, 'peer-run', 'floor.mjs'), args: (p) => [p], count: jsonCount },
  { id: 'wengao', label: 'wengao check --min-severity hint (default threads: cores − 1, so one here)', script: join(root, 'dist', 'cli.js'), args: (p) => ['check', p, '--min-severity', 'hint'], count: wengaoCount },
  // Two threads: what a second core gives (a folder of 50 reports or more; a single file runs on one).
  { id: 'wengao-2', label: 'wengao check --min-severity hint --threads 2', script: join(root, 'dist', 'cli.js'), args: (p) => ['check', p, '--min-severity', 'hint', '--threads', '2'], count: wengaoCount },
  { id: 'autocorrect', label: `autocorrect --lint (CLI ${peerVersion('autocorrect-node')})`, script: nm('autocorrect-node/cli.js'), args: (p) => ['--lint', '--format', 'json', p], count: autocorrectCount },
  // On one core, as Wengao runs: autocorrect lints a folder on every core by default.
  { id: 'autocorrect-1', label: 'autocorrect --lint --threads 1 (one core)', script: nm('autocorrect-node/cli.js'), args: (p) => ['--lint', '--format', 'json', '--threads', '1', p], count: autocorrectCount },
  { id: 'autocorrect-api', label: 'autocorrect lintFor (Node API)', script: join(bench, 'peer-run', 'autocorrect-api.mjs'), args: (p) => [p], count: jsonCount },
  { id: 'zhlint', label: `zhlint (CLI ${peerVersion('zhlint')})`, script: nm('zhlint/bin/index.js'), args: (p, i) => [i.files > 1 ? `${p}/**/*.txt` : p], count: zhlintCount },
  { id: 'zhlint-api', label: 'zhlint run (API, no report)', script: join(bench, 'peer-run', 'zhlint-api.mjs'), args: (p) => [p], count: jsonCount },
  { id: 'textlint', label: `textlint + no-unmatched-pair (CLI ${peerVersion('textlint')})`, script: nm('textlint/bin/textlint.js'), args: (p) => ['--config', textlintrc, '--format', 'json', p], count: textlintCount },
];

function jsonCount(stdout) {
  const j = JSON.parse(stdout.trim().split('\n').pop());
  return { files: j.files, findings: j.findings };
}
function wengaoCount(stdout, stderr) {
  const m = /(\d+) 个文件，(\d+) 个问题/.exec(stderr);
  return m ? { files: Number(m[1]), findings: Number(m[2]) } : undefined;
}
function autocorrectCount(stdout) {
  const j = JSON.parse(stdout.slice(stdout.indexOf('{')));
  return { files: j.messages.length, findings: j.messages.reduce((a, m) => a + m.lines.length, 0), note: 'files with findings' };
}
function zhlintCount(stdout, stderr) {
  const started = (stdout.match(/^\[start\] /gm) ?? []).length;
  const m = /Found (\d+) errors?/.exec(stderr + stdout);
  return { files: started, findings: m ? Number(m[1]) : 0 };
}
function textlintCount(stdout) {
  const j = JSON.parse(stdout);
  return { files: j.length, findings: j.reduce((a, f) => a + f.messages.length, 0) };
}

/** Runs one tool once on one input: wall time, peak RSS, exit, and its output files. */
function measure(tool, input, tag) {
  const outFile = join(work, 'out', `${tool.id}-${input.id}-${tag}.out`);
  const errFile = outFile.replace(/\.out$/, '.err');
  const rssFile = outFile.replace(/\.out$/, '.rss');
  mkdirSync(join(work, 'out'), { recursive: true });
  rmSync(rssFile, { force: true });
  return new Promise((resolve) => {
    const fs = { out: openW(outFile), err: openW(errFile) };
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', join(bench, 'peer-run', 'maxrss.cjs'), tool.script, ...tool.args(input.path, input)], {
      cwd: work,
      stdio: ['ignore', fs.out, fs.err],
      env: { ...process.env, BENCH_MAXRSS_FILE: rssFile, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let hwm = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch {
        /* gone */
      }
    }, 5);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('exit', (code, signal) => {
      const ms = performance.now() - t0;
      clearInterval(poll);
      clearTimeout(timer);
      closeAll(fs);
      const own = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : 0;
      resolve({ ms, rssMB: Math.max(hwm, own) / 1024, code, signal, timedOut, outFile, errFile });
    });
  });
}
function openW(f) {
  return openSync(f, 'w');
}
function closeAll(fs) {
  for (const fd of Object.values(fs)) closeSync(fd);
}


// ---------------------------------------------------------------------------------------------
// Speed: a first run of every (tool, input) decides how many runs it gets (a run over 60 s: one;
// over 20 s: three), then the remaining runs go round-robin over the tools, so that load on the
// machine spreads over all of them alike. A run that times out or crashes is not repeated.
const results = {};
const key = (t, i) => `${t.id}/${i.id}`;
progress(`speed: ${tools.length} tools × ${inputs.length} inputs, up to ${runs} runs, timeout ${timeoutS} s`);
for (const input of inputs) {
  for (const tool of tools) {
    const r = await measure(tool, input, 'first');
    const ok = !r.timedOut && !r.signal && (r.code === 0 || r.code === 1);
    let verified;
    try {
      verified = ok ? tool.count(readFileSync(r.outFile, 'utf8'), readFileSync(r.errFile, 'utf8')) : undefined;
    } catch (err) {
      verified = { error: String(err).slice(0, 200) };
    }
    const stderrHead = ok ? '' : readFileSync(r.errFile, 'utf8').split('\n').filter(Boolean).slice(0, 3).join(' / ').slice(0, 300);
    const want = !ok ? 1 : r.ms > 60_000 ? 1 : r.ms > 20_000 ? Math.min(3, runs) : runs;
    results[key(tool, input)] = { tool: tool.id, input: input.id, ok, runs: [r], want, verified, stderrHead, code: r.code, signal: r.signal, timedOut: r.timedOut };
    progress(`${tool.id} ${input.label}: ${(r.ms / 1000).toFixed(2)} s, ${r.rssMB.toFixed(0)} MB${ok ? '' : r.timedOut ? ' TIMEOUT' : ` FAILED (${r.code ?? r.signal})`} ${JSON.stringify(verified ?? {})}`);
  }
}
for (let k = 1; k < runs; k++) {
  for (const input of inputs) {
    for (const tool of tools) {
      const res = results[key(tool, input)];
      if (res.runs.length >= res.want) continue;
      res.runs.push(await measure(tool, input, `r${k}`));
    }
  }
}
rmSync(join(work, 'out'), { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// The language server: keystroke → diagnostics on seed 002 and on the small (1 MB) report.
progress(`server: ${keystrokes} keystrokes on seed 002 and on the ${sizeLabel(small)} report`);
const latency = [];
for (const input of [inputs.find((i) => i.id === '002'), inputs.find((i) => i.id === 'small')]) {
  latency.push({ input, ...(await keystrokeLatency(join(work, input.path), { keystrokes, seed: 5 })) });
}

// ---------------------------------------------------------------------------------------------
// Findings on the seeds, and the reviewer's verdicts.
progress('findings on the seeds');
const findings = await collectFindings(join(work, 'seeds'), { peers, textlintrc });

// ---------------------------------------------------------------------------------------------
// Tables.
const cpu = cpus();
say(`### node bench/peers.mjs ${argv.join(' ')}`.trim());
say();
say(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; `
  + `load average at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; up to ${runs} runs per cell (median), timeout ${timeoutS} s per run.`);
say(`Peers: autocorrect-node ${peerVersion('autocorrect-node')}, zhlint ${peerVersion('zhlint')}, textlint ${peerVersion('textlint')} with @textlint-rule/textlint-rule-no-unmatched-pair ${peerVersion('@textlint-rule/textlint-rule-no-unmatched-pair')}.`);
say(`Inputs: ${inputs.map((i) => `${i.label} ${(i.bytes / 1e6).toFixed(i.bytes < 1e5 ? 3 : 2)} MB`).join(', ')}.`);
say();

const cell = (res, f) => {
  if (!res.ok) return res.timedOut ? `> ${timeoutS} s (timeout)` : `crashed (${res.signal ?? `exit ${res.code}`})`;
  return f(res);
};
const med = (res) => median(res.runs.map((r) => r.ms));
const secs = (ms) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : ms >= 1000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(3));

/** A table of one row per tool and one column per input. */
function toolTable(title, row, rowLabel = (tool) => tool.label) {
  say(`#### ${title}`);
  say();
  say(`| tool | ${inputs.map((i) => i.label).join(' | ')} |`);
  say(`|---|${inputs.map(() => '---').join('|')}|`);
  for (const tool of tools) say(`| ${rowLabel(tool)} | ${inputs.map((i) => row(results[key(tool, i)], i)).join(' | ')} |`);
  say();
}
toolTable('Wall time, median (s), and throughput (MB/s)', (res, i) =>
  cell(res, (r) => `${secs(med(r))} (${(i.bytes / 1e6 / (med(r) / 1000)).toFixed(i.bytes < 1e6 ? 2 : 1)} MB/s)${r.runs.length < runs ? ` [${r.runs.length} run${r.runs.length > 1 ? 's' : ''}]` : ''}`),
);
toolTable('Peak memory of the process (MB, VmHWM / maxRSS), median', (res) => cell(res, (r) => median(r.runs.map((x) => x.rssMB)).toFixed(0)));
toolTable(
  'What each tool reported (first run): files checked / findings',
  (r) => {
    if (!r.ok) return r.timedOut ? 'timeout' : `crashed: ${r.stderrHead.replace(/\|/g, '/').slice(0, 120)}`;
    const v = r.verified;
    return v && !v.error ? `${v.files} / ${v.findings}` : `? ${v?.error ?? ''}`;
  },
  (tool) => tool.id,
);
say(`(autocorrect's CLI counts the files with findings and a finding per line; wengao's counts include every severity down to hint; zhlint's CLI "files" are the files it started.)`);
say();

const growth = (tool) => {
  const a = results[key(tool, inputs.find((i) => i.id === 'small'))];
  const b = results[key(tool, inputs.find((i) => i.id === 'large'))];
  if (!a.ok || !b.ok) return undefined;
  return { ratio: med(b) / med(a), size: inputs.find((i) => i.id === 'large').bytes / inputs.find((i) => i.id === 'small').bytes };
};
say(`#### Growth from ${sizeLabel(small)} to ${sizeLabel(large)} (time ratio; linear = ${(large / small).toFixed(0)})`);
say();
say('| tool | time ratio | per MB, large / small |');
say('|---|---|---|');
for (const tool of tools) {
  const g = growth(tool);
  say(`| ${tool.label} | ${g ? `${g.ratio.toFixed(1)}×` : 'n/a (a run failed)'} | ${g ? (g.ratio / g.size).toFixed(2) : ''} |`);
}
say();

// Targets.
const W = tools.find((t) => t.id === 'wengao');
const AC = tools.find((t) => t.id === 'autocorrect');
const big = inputs.find((i) => i.id === 'large');
const folder = inputs.find((i) => i.id === 'folder');
const vs = (input) => {
  const w = results[key(W, input)];
  const a = results[key(AC, input)];
  if (!w.ok || !a.ok) return ['n/a', 'n/a', 'unknown'];
  const ratio = med(w) / med(a);
  return [`${secs(med(w))} s vs ${secs(med(a))} s`, `${ratio.toFixed(2)}× autocorrect's time`, ratio < 1 ? `met (${((1 - ratio) * 100).toFixed(0)}% faster)` : `missed (${((ratio - 1) * 100).toFixed(0)}% slower)`];
};
const gW = growth(W);
const lat = (i) => latency[i];
say('#### Targets (every Wengao check on)');
say();
say('| target | measured | | verdict |');
say('|---|---|---|---|');
say(`| \`wengao check\` on the ${big.label} report faster than \`autocorrect --lint\` | ${vs(big).join(' | ')} |`);
say(`| \`wengao check\` on the ${folder.label} faster than \`autocorrect --lint\` | ${vs(folder).join(' | ')} |`);
const AC1 = tools.find((t) => t.id === 'autocorrect-1');
const W2 = tools.find((t) => t.id === 'wengao-2');
const side = (label, wt, at) => {
  const w = results[key(wt, folder)];
  const a = results[key(at, folder)];
  if (w?.ok && a?.ok) say(`| (${label}) | ${secs(med(w))} s vs ${secs(med(a))} s | ${(med(w) / med(a)).toFixed(2)}× | ${med(w) < med(a) ? `faster (${((1 - med(w) / med(a)) * 100).toFixed(0)}%)` : `slower (${((med(w) / med(a) - 1) * 100).toFixed(0)}%)`} |`);
};
side('the same, both on one thread: Wengao by default here, autocorrect `--threads 1`', W, AC1);
side('the same, both on two: Wengao `--threads 2`, autocorrect by default', W2, AC);
const growthLimit = (large / small) * 1.1;
say(`| Wengao time grows linearly: ${sizeLabel(large)} at most ${growthLimit.toFixed(0)}× ${sizeLabel(small)} | ${gW ? `${gW.ratio.toFixed(1)}×` : 'n/a'} | | ${gW ? (gW.ratio <= growthLimit ? `met (${(growthLimit - gW.ratio).toFixed(1)} below)` : `missed (${(gW.ratio - growthLimit).toFixed(1)} above)`) : 'unknown'} |`);
for (const [i, limit] of [[0, 50], [1, 200]]) {
  const l = lat(i);
  say(`| keystroke → diagnostics p95 < ${limit} ms on ${l.input.label} | p95 ${l.p95.toFixed(0)} ms (median ${l.median.toFixed(0)}) | after ${l.warmup} warm-up keystrokes; the server's typing debounce is ${l.debounceMs} ms | ${l.p95 < limit ? `met (${(limit - l.p95).toFixed(0)} ms under)` : `missed (${(l.p95 - limit).toFixed(0)} ms over)`} |`);
}
const wj = findings.summary.wengao;
say(`| on the seeds, at most 1 Wengao finding in 20 rejected by a reviewer (≤ 5%) | ${wj.rejected} rejected of ${wj.judged} judged (${pct(wj.rejected, wj.judged)}) | ${wj.unjudged} figure.target outside the gold regions not judged | ${wj.rejected * 20 <= wj.judged ? `met (${(5 - (100 * wj.rejected) / wj.judged).toFixed(1)} points under)` : `missed (${((100 * wj.rejected) / wj.judged - 5).toFixed(1)} points over)`} |`);
say();
function pct(a, b) {
  return b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a';
}

say('#### The language server: keystroke → fresh diagnostics');
say();
say(`${keystrokes} one-character insertions at random places (fixed seed), each sent ~300 ms after the previous one (later if its diagnostics had not come), to the built server over stdio with no workspace folder; time from sending didChange to the publishDiagnostics of that version. The server is started for the measurement, so ${latency[0]?.warmup ?? 5} keystrokes are typed first to let V8 compile the analysis (in use the server is warm: it has indexed the workspace); they are not counted, and their latencies are listed apart. The server's typing debounce is ${latency[0]?.debounceMs ?? '?'} ms. "analysis" is the server's own log of the analysis time for that version.`);
say();
say('| document | open → first diagnostics | warm-up keystrokes | keystroke → diagnostics: median / p95 / max | analysis (server log): median / p95 | target (p95) |');
say('|---|---|---|---|---|---|');
for (const l of latency) {
  const target = l.input.id === '002' ? 50 : 200;
  say(`| ${l.input.label} (${(l.input.bytes / 1e3).toFixed(0)} KB) | ${l.openMs.toFixed(0)} ms | ${l.warmupLatencies.map((x) => x.toFixed(0)).join(', ')} ms | ${l.median.toFixed(0)} / ${l.p95.toFixed(0)} / ${l.max.toFixed(0)} ms | ${l.analysisMedian?.toFixed(0) ?? '?'} / ${l.analysisP95?.toFixed(0) ?? '?'} ms | < ${target} ms: ${l.p95 < target ? 'met' : `missed by ${(l.p95 - target).toFixed(0)} ms`} |`);
}
say();
for (const line of findings.tables) say(line);

writeFileSync(join(work, 'results.md'), out.join('\n') + '\n');
writeFileSync(join(work, 'results.json'), JSON.stringify({ node: process.version, date: new Date().toISOString(), argv, inputs, results, latency, findings: findings.data }, null, 1));
progress(`tables in ${relative(root, join(work, 'results.md'))}, measurements in ${relative(root, join(work, 'results.json'))}`);
