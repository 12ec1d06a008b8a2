#!/usr/bin/env node
// End-to-end test of the packaged extension in a real VS Code: code-server (the VS Code
// workbench + Node extension host, installed from npm by install-code-server.sh) driven by
// Debian's Chromium through playwright-core. See docs in /work/shared/docs/real-vscode-e2e.md.
//
//   node test/e2e/run.mjs [--update-docs] [--keep] [--only=<id,...>] [--ui=en|zh-cn]
//
//   --update-docs   also copy the screenshots the README uses to docs/screenshot-<name>.png:
//                   problems, figure-hover, targets, mismatch, mismatch-hover (English UI),
//                   status, suppress (the ignore quick fix's menu), zh-ui (the walkthrough in
//                   the Chinese UI), restricted-mode (a report in Restricted Mode)
//   --keep          keep the temporary folder (workspace, user data, logs) even on success
//   --only=id,...   run only these test cases (ids: problems, outline, hover, english,
//                   figure-hover, mismatch, mismatch-hover, mismatch-fix, mismatch-closed,
//                   mismatch-inferred,
//                   targets, targets-edit, export, status, status-large, status-error,
//                   suppress-md, suppress-ignore, config, sample, crash, sources, zh-palette,
//                   zh-walkthrough, restricted, trust)
//   --ui=X          run every selected case in phase X only (en, zh-cn or restricted), e.g.
//                   --ui=zh-cn runs the whole suite in the Chinese UI; no docs/ are written
//
// Phases. A run has up to three code-server starts, each with its own user data, extensions and
// a fresh copy of the workspace under TMP/<phase>/: "en" (VS Code's default English UI) runs
// every case, then "zh-cn" runs the cases marked ui: 'zh-cn' (the Chinese UI's own cases, and
// status and crash once more, now checking the Chinese texts). Result lines of the zh-cn phase
// start with [zh-cn]; its screenshots end in -zh-cn.png. Last, "restricted" opens the workspace
// untrusted (workspace trust on, no prompt): Restricted Mode, for the cases marked ui: 'restricted'.
//
// The Chinese UI, as found on code-server 4.139.1 (VS Code 1.139) with no network:
//   - `--locale zh-cn` alone, or `{ "locale": "zh-cn" }` in <user-data>/User/argv.json alone,
//     does nothing: VS Code resolves a display language only when a language pack for it is
//     registered in <user-data>/languagepacks.json, and falls back to English otherwise. The
//     extension's package.nls.zh-cn.json and l10n bundle are then not loaded either.
//   - Microsoft's Chinese language pack is not reachable (no Marketplace, no Open VSX), so the
//     suite brings a minimal test-only pack, test/e2e/zh-cn-pack (contributes.localizations,
//     languageId zh-cn, a translations file with one string of VS Code's: the Explorer's title
//     资源管理器, as proof that VS Code's own NLS took it).
//   - `code-server --install-extension pack.vsix` installs it but does not write
//     languagepacks.json (the CLI process has no language pack service: code-server#3372,
//     #4735; microsoft/vscode#321909 is the pending fix), so nothing changes. Installing the
//     same .vsix from the UI (Extensions: Install from VSIX…) does register it. The zh-cn phase
//     therefore starts code-server with --locale zh-cn, installs the pack from the UI, and
//     reloads the window: then VS Code's UI is English except 资源管理器, and Wengao's UI is
//     Chinese: command titles (Wengao: 重启语言服务器 …), the Targets view (目标), the language
//     status items (文稿：已索引 N 份报告), the crash notification, the walkthrough (开始使用文稿)
//     and the sample's language (政策文稿 (Wengao)). User/argv.json with "locale" works as well
//     as --locale once the pack is registered (tried by hand; the suite uses --locale).
//
// Environment:
//   WENGAO_E2E_CACHE        cache root for code-server (default ~/.cache/wengao-e2e)
//   WENGAO_E2E_CHROMIUM     Chromium executable (default /usr/bin/chromium)
//   WENGAO_E2E_DEADLINE_MIN overall deadline in minutes (default 40; a cold code-server install
//                           compiles native modules and takes several minutes of it)
//   WENGAO_E2E_DEBUG=1      log each step of the Targets tree scans (and screenshots of the
//                           language pack's installation)
//
// Prints `N passed, M failed` last and exits non-zero on any failure. The code-server process
// group is killed on every exit path (success, failure, deadline, signals).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHelpers } from '../helpers/sourceHelpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const argv = process.argv.slice(2);
const UPDATE_DOCS = argv.includes('--update-docs');
const KEEP = argv.includes('--keep');
const ONLY = (argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '')
  .split(',')
  .filter(Boolean);
const UI = argv.find((a) => a.startsWith('--ui='))?.slice('--ui='.length) ?? '';
const CHROMIUM = process.env.WENGAO_E2E_CHROMIUM || '/usr/bin/chromium';
const DEADLINE_MS = Number(process.env.WENGAO_E2E_DEADLINE_MIN || 40) * 60_000;
const DEBUG = Boolean(process.env.WENGAO_E2E_DEBUG);
const STARTED = Date.now();

// Names of files the tests use.
const SEED_QUOTES = '000_d4031d3451319d89.txt';
const SEED_OUTLINE = '002_823a23dd25e68816.txt';
const EN_MD = 'README-en.md';
const ZH_MD = 'zh-control.md';
const SEED_TARGETS = '003_d81496748c382e1e.txt';
const PLAN = 'plan.txt';
/** A short notice with what a proofreader marks: half-width commas, a doubled character, a page break with its page number. */
const PROOF = 'proofread.txt';
const PROOF_TEXT = [
  '关于做好2026年重点工作的通知',
  '',
  '全年地区生产总值增长5.2%,全市城镇新增就业3.2万人,居民收入增长5%,各项指标好于预期。',
  '',
  '各地要采取有效措施，确保保任务及目标实现，推动全市经济社会发展主要预期目标顺利',
  '',
  '— 3 —',
  '',
  '完成。',
  '',
].join('\n');
const PLAN_TEXT = '2026年工作计划\n\n今年力争新增就业岗位3万个。\n';
// Issue 4: a report and a press brief that restates it with three figures changed
// (test/fixtures/workspace/press-brief, without its ⟦…⟧ markers).
const MISMATCH_REPORT = 'mismatch-report.txt';
const MISMATCH_BRIEF = 'mismatch-brief.txt';
// The three figures the brief changed: [[context, value] in the brief, [context, value] in the
// report]. The report states the first and the last twice (body and 民生实事清单).
const MISMATCH_FIGURES = [
  [['老旧小区320个', '320个'], ['老旧小区300个', '300个']],
  [['扩招1800人', '1800人'], ['扩招1500人', '1500人']],
  [['就业48万人', '48万人'], ['就业45万人', '45万人']],
];
const PLAN_ADDED = '城镇新增就业45万人以上。';
// Issue 10: a brief that names neither its year nor its province (a provincial paper's habit),
// restating two of the report's figures, one of them changed (老旧管网 3500 → 3000公里). Written by
// its case and removed after it, so the cases before and after see the workspace they always saw.
const INFERRED_BRIEF = 'inferred-brief.txt';
const INFERRED_TEXT =
  '政府工作报告解读：老旧管网改造提速\n\n' +
  '本报讯（记者 王宁）1月20日，省政府新闻办举行新闻发布会，解读日前省人代会审议通过的政府工作报告。今年是“十五五”规划开局之年。\n\n' +
  // (Its own short line: the figure stays inside the editor's width when the hover is opened.)
  '报告提出，今年全省改造老旧管网3000公里，新增省级专精特新企业300家。\n';
const EXPORT_DIR = 'out'; // (excluded from the Targets view's file search)
const EXPORT_NAME = 'targets.csv';
// Issue 5. Written by the cases that use them (after the cases above ran), so the earlier
// cases see the workspace they always saw. No figures in them except the config's plans.
// The sources case: a Word draft and the published PDF of one report (a city no other file names).
const SOURCE_DRAFT = '呼伦贝尔市报告征求意见稿.docx';
const SOURCE_REPORT = '呼伦贝尔市政府工作报告.pdf';
const SOURCE_TEXT = [
  '2026年呼伦贝尔市政府工作报告',
  '',
  '各位代表：',
  '现在，我代表市人民政府向大会报告工作，请予审议。',
  '一、2026年主要目标',
  '今年经济社会发展的主要预期目标是：全市地区生产总值增长5.5%左右，城镇新增就业1.8万人以上，城镇调查失业率控制在5.5%以内，粮食产量稳定在160亿斤以上，居民收入增长与经济增长同步。',
  '',
].join('\n');
/** The draft says 2万人 where the published report says 1.8万人. */
const SOURCE_DRAFT_TEXT = SOURCE_TEXT.replace('1.8万人', '2万人');

/** The draft (.docx) and the report (.pdf), made by the test helpers (test/helpers/sourceHelpers.mjs). */
async function makeSources() {
  const { textDocx, reportPdf } = await sourceHelpers();
  return { draft: await textDocx(SOURCE_DRAFT_TEXT), report: await reportPdf(SOURCE_TEXT, { charsPerLine: 22 }) };
}

const NOTICE = 'notice.txt'; // one finding (quote.unclosed), no figures: the status's "last analysis"
const NOTICE_TEXT = '关于做好春节期间安全工作的通知\n\n各单位要认真落实“安全第一的方针，压实安全责任。\n';
const BIG = 'big.txt'; // above the server's HEAVY_LIMIT of 2,000,000 characters
const HEAVY_LIMIT = 2_000_000;
const BROKEN = 'broken.txt'; // binary: the index cannot read it
const SUPPRESS_MD = 'suppress.md';
// The same defect (五” with its opener cut off) twice; the second one is suppressed by a comment.
const SUPPRESS_LINE = '各单位要认真学习五”开局之年的部署要求，做好宣传工作。';
const SUPPRESS_TEXT = `# 关于做好宣传工作的通知\n\n${SUPPRESS_LINE}\n\n<!-- wengao-disable-next-line quote.unopened -->\n${SUPPRESS_LINE}\n`;
const IGNORE_TXT = 'ignore-me.txt';
const IGNORE_LINE = '各单位要认真落实十五”规划部署，压实安全生产责任。';
const IGNORE_TEXT = `关于开展安全生产检查的通知\n\n${IGNORE_LINE}\n\n各单位要加强值班值守，确保信息畅通。\n`;
// Project configs: one turning figure.target off, one that is not valid JSON; a plan under each.
const CFG_OFF = 'cfg-off';
const CFG_BROKEN = 'cfg-broken';
const CFG_OFF_RC = '{ "checks": { "figure.target": "off" } }\n';
// (off unquoted: not JSON, and nothing of "checks" can be read, so the defaults apply.)
const CFG_BROKEN_RC = '{\n  "checks": { "figure.target": off }\n}\n';
const CFG_PLAN = (name) => `2026年工作计划\n\n今年力争新增就业岗位3万个。\n\n${name}要落实十五”规划部署。\n`;
const SAMPLE = '示例报告.txt';
const RESTRICTED_REPORT = 'notice.report.txt'; // the Wengao Report language (*.report.txt)
const TRUST_DIR = 'trust'; // a folder with a .wengaorc.json, read only once the workspace is trusted
const TRUST_REPORT = 'duty.txt';
const RESTRICTED_PLAIN = 'notice-plain.txt';

// ---------------------------------------------------------------------------------------------
// Small utilities

function log(...args) {
  const t = ((Date.now() - STARTED) / 1000).toFixed(1).padStart(6);
  console.log(`[e2e ${t}s]`, ...args);
}

class Timeout extends Error {}

/** Polls `fn` until it returns a truthy value; throws with `what` and the last value/error. */
async function waitFor(what, fn, { timeout = 30_000, interval = 250 } = {}) {
  const end = Math.min(Date.now() + timeout, STARTED + DEADLINE_MS);
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= end) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Timeout(`timed out after ${timeout} ms waiting for ${what}` + (detail ? ` (last: ${String(detail).slice(0, 400)})` : ''));
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Runs a command in its own process group (killed with it on timeout or on any exit of this
 * script); resolves with its stdout, rejects with the tail of its output. stderr is shown live
 * when `showStderr`.
 */
function run(cmd, args, { cwd = ROOT, env = process.env, timeout = 120_000, showStderr = false } = {}) {
  log(`$ ${[cmd, ...args].join(' ')}`);
  timeout = Math.max(1000, Math.min(timeout, STARTED + DEADLINE_MS - Date.now()));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.add(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (showStderr) process.stderr.write(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGKILL');
    }, timeout);
    child.on('error', (err) => {
      clearTimeout(timer);
      groups.delete(child.pid);
      reject(new Error(`${cmd} could not start: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL'); // leftovers of the group, if any
      groups.delete(child.pid);
      if (code === 0 && !timedOut) return resolve(stdout);
      const why = timedOut ? `timed out after ${timeout} ms` : `exit ${code}, signal ${signal}`;
      const out = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (${why})\n${out}`));
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch (err) {
    return `(cannot read ${file}: ${err.message})`;
  }
}

function walk(dir, out = []) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Process-group lifetime: code-server runs detached (its own process group); every exit path
// kills that group.

const groups = new Set(); // process-group ids of every child started by this script
let serverPid = 0;
let browser;
/** The display language of the running phase: 'en' or 'zh-cn'. */
let currentUi = 'en';
/** The running phase: 'en', 'zh-cn', or 'restricted' (the English UI in an untrusted workspace). */
let currentPhase = 'en';

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function killAllNow() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
}

async function stopServer() {
  if (!serverPid) return;
  const pid = serverPid;
  log(`stopping code-server process group ${pid}`);
  killGroup(pid, 'SIGTERM');
  const end = Date.now() + 5000;
  while (groupAlive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    log(`process group ${pid} still alive after SIGTERM: SIGKILL`);
    killGroup(pid, 'SIGKILL');
  }
  groups.delete(pid);
  serverPid = 0;
}

process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`received ${sig}: killing child processes; temporary folder kept: ${TMP}`);
    killAllNow();
    process.exit(130);
  });
}

// Test cases selected / passed so far, for the summary when the run is cut short.
const progress = { total: 1, passed: 0 };
function abortSummary() {
  console.log(`${progress.passed} passed, ${Math.max(1, progress.total - progress.passed)} failed`);
}

const deadlineTimer = setTimeout(() => {
  console.error(`[e2e] overall deadline of ${DEADLINE_MS / 60000} min exceeded: killing everything`);
  killAllNow(); // (playwright kills the Chromium it launched when this process exits)
  console.error(`[e2e] temporary folder kept: ${TMP}`);
  abortSummary();
  process.exit(1);
}, DEADLINE_MS);
deadlineTimer.unref();

// ---------------------------------------------------------------------------------------------
// Setup

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-'));
const VSIX = path.join(TMP, 'wengao.vsix');
const PACK_VSIX = path.join(TMP, 'wengao-e2e-zh-cn-pack.vsix');
// TMPDIR for code-server and Chromium: their IPC sockets and profile folders go away with TMP.
const CHILD_TMP = path.join(TMP, 'tmp');
fs.mkdirSync(CHILD_TMP);
// Each phase (a display language) has its own code-server start: extensions, user data,
// workspace (a fresh copy) and log, under TMP/<phase>/. Set by usePhase().
let PHASE_DIR, EXT_DIR, DATA_DIR, WS, SERVER_LOG;
function usePhase(name) {
  PHASE_DIR = path.join(TMP, name);
  EXT_DIR = path.join(PHASE_DIR, 'extensions');
  DATA_DIR = path.join(PHASE_DIR, 'user-data');
  WS = path.join(PHASE_DIR, 'workspace');
  SERVER_LOG = path.join(PHASE_DIR, 'code-server.log');
  fs.mkdirSync(PHASE_DIR, { recursive: true });
}

async function installCodeServer() {
  const script = path.join(HERE, 'install-code-server.sh');
  log('installing or reusing code-server (install-code-server.sh)');
  const t0 = Date.now();
  const out = await run('bash', [script], { timeout: 30 * 60_000, showStderr: true });
  const dir = out.trim().split('\n').pop();
  log(`code-server ready in ${((Date.now() - t0) / 1000).toFixed(1)}s at ${dir}`);
  return {
    node: path.join(dir, 'node_modules', '.bin', 'node'),
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    binDir: path.join(dir, 'node_modules', '.bin'),
  };
}

async function packageExtension() {
  await run(process.execPath, ['esbuild.js']);
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} missing after node esbuild.js`);
  }
  // The README links a relative image; vsce refuses that without a detectable GitHub/GitLab
  // repository unless base URLs are given. The test .vsix never reaches a marketplace.
  const repo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).repository;
  const base = String((typeof repo === 'string' ? repo : repo?.url) || 'https://example.invalid/wengao').replace(/\.git$/, '');
  await run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--baseContentUrl', base, '--baseImagesUrl', base, '-o', VSIX], {
    timeout: 180_000,
  });
  if (!fs.existsSync(VSIX)) throw new Error(`vsce did not write ${VSIX}`);
}

/** The test-only language pack (test/e2e/zh-cn-pack) as a .vsix, for the zh-cn phase. */
async function packageLanguagePack() {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  await run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', PACK_VSIX], { cwd: path.join(HERE, 'zh-cn-pack'), timeout: 120_000 });
  if (!fs.existsSync(PACK_VSIX)) throw new Error(`vsce did not write ${PACK_VSIX}`);
}

function prepareWorkspace() {
  fs.mkdirSync(WS, { recursive: true });
  fs.cpSync(path.join(ROOT, 'seeds'), WS, { recursive: true });
  // Predominantly English: must get no wengao diagnostics although "(" and the quote are unbalanced.
  fs.writeFileSync(
    path.join(WS, EN_MD),
    [
      '# Release notes',
      '',
      'This paragraph is written in English and opens a parenthesis (but never closes it.',
      'It also has a stray closing quote" and a lone closing bracket ] to tempt the checker.',
      '',
      'Wengao should leave this file alone because it is not a Chinese document.',
      '',
    ].join('\n'),
  );
  // Control for the absence check: Chinese Markdown with the same kind of problems, which the
  // server must analyse. Once its diagnostics show, the English file has been processed too.
  fs.writeFileSync(
    path.join(WS, ZH_MD),
    [
      '# 工作报告',
      '',
      '我们要坚持稳中求进工作总基调（完整、准确、全面贯彻新发展理念，加快构建新发展格局。',
      '',
      '全面深化改革开放，持续激发市场活力和社会创造力，推动经济实现质的有效提升和量的合理增长。',
      '',
    ].join('\n'),
  );
  // A small report for the Targets view's "follows edits" case, and the export's target folder.
  fs.writeFileSync(path.join(WS, PLAN), PLAN_TEXT);
  fs.writeFileSync(path.join(WS, PROOF), PROOF_TEXT);
  const fixture = path.join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
  for (const [from, to] of [['report.txt', MISMATCH_REPORT], ['brief.txt', MISMATCH_BRIEF]]) {
    fs.writeFileSync(path.join(WS, to), fs.readFileSync(path.join(fixture, from), 'utf8').replace(/⟦[^⟧]*⟧/g, ''));
  }
  fs.mkdirSync(path.join(WS, EXPORT_DIR), { recursive: true });
  // User settings: a quiet workbench; outline shows all levels.
  const userDir = path.join(DATA_DIR, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        // (The restricted phase opens the workspace untrusted, without asking: Restricted Mode.)
        'security.workspace.trust.enabled': currentPhase === 'restricted',
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.emptyWindow': false,
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        'outline.collapseItems': 'alwaysExpand',
        // Single clicks open pinned editors, so earlier files stay open (and analysed).
        'workbench.editor.enablePreview': false,
        'editor.hover.delay': 300,
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  // Keys for commands the steps run whatever the display language: Fix All, and Revert File.
  fs.writeFileSync(
    path.join(userDir, 'keybindings.json'),
    JSON.stringify([
      { key: 'ctrl+alt+shift+f', command: 'editor.action.fixAll' },
      { key: 'ctrl+alt+shift+r', command: 'workbench.action.files.revert' },
    ], null, 2),
  );
}

/** Starts code-server for the current phase; `locale` (e.g. 'zh-cn') is passed as --locale. */
async function startCodeServer(cs, { locale } = {}) {
  const env = { ...process.env, PATH: `${cs.binDir}${path.delimiter}${process.env.PATH}`, TMPDIR: CHILD_TMP };
  const common = ['--extensions-dir', EXT_DIR, '--user-data-dir', DATA_DIR];
  const out = await run(cs.node, [cs.entry, ...common, '--install-extension', VSIX], { env, timeout: 120_000 });
  log(out.trim().split('\n').slice(-2).join(' | '));
  const installed = fs.existsSync(EXT_DIR) ? fs.readdirSync(EXT_DIR).filter((d) => d.startsWith('wengao.wengao')) : [];
  if (!installed.length) throw new Error(`wengao extension not found in ${EXT_DIR} after --install-extension`);

  const port = await freePort();
  const configFile = path.join(TMP, 'code-server-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const logFd = fs.openSync(SERVER_LOG, 'a');
  const args = [
    cs.entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    ...common,
    '--disable-telemetry',
    '--disable-update-check',
    ...(currentPhase === 'restricted' ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(locale ? ['--locale', locale] : []),
    WS,
  ];
  log(`starting code-server on 127.0.0.1:${port}${locale ? ` with --locale ${locale}` : ''} (log: ${SERVER_LOG})`);
  const child = spawn(cs.node, args, { cwd: TMP, env, detached: true, stdio: ['ignore', logFd, logFd] });
  serverPid = child.pid;
  groups.add(child.pid);
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  child.unref();
  await waitFor(
    'code-server /healthz',
    async () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${tail(SERVER_LOG, 30)}`);
      return (await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200;
    },
    { timeout: 60_000 },
  );
  log(`code-server is up (pid/pgid ${serverPid})`);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Workbench helpers

const han = /[\u4e00-\u9fff]/;

async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
  await waitForExplorerRow(page, row, name);
  await row.click();
  await waitFor(`editor tab ${name} active`, async () => {
    const tab = page.locator('.tabs-container .tab.active');
    return (await tab.count()) > 0 && (await tab.first().getAttribute('aria-label'))?.includes(name);
  });
  // The editor has rendered text.
  await waitFor(`editor text of ${name}`, async () => (await page.locator('.editor-instance .view-line').count()) > 0);
}

/**
 * Waits for an Explorer row; a file a case has just written may be missed by the file watcher
 * when it starts up (seen right after the workbench loaded): after 8 s the Explorer is refreshed.
 */
async function waitForExplorerRow(page, row, name) {
  const t0 = Date.now();
  let refreshed = false;
  await waitFor(`Explorer row ${name}`, async () => {
    if (await row.first().isVisible()) return true;
    if (!refreshed && Date.now() - t0 > 8000 && fs.existsSync(path.join(WS, name))) {
      refreshed = true;
      log(`  (${name} not in the Explorer 8 s after it was written: File: Refresh Explorer)`);
      await runCommand(page, 'File: Refresh Explorer', 'Refresh Explorer');
    }
    return false;
  }, { timeout: 30_000 });
}

async function openProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await waitFor('Problems panel', () => panel.isVisible(), { timeout: 15_000 });
  }
  return panel;
}

/**
 * The Problems tree as [{ file, rows: [{ text, label, level }] }] groups. The tree is
 * virtualised, so when it is taller than the panel it is scrolled with the mouse wheel from the
 * top to the bottom and rows are collected by index (the keyboard would reveal each focused
 * marker in its editor). A wheel event moves a workbench list by about one notch whatever its
 * delta, and the list may start scrolled down: it is wheeled up until its first row shows.
 * Resource rows are the top level (aria-level 1), markers and their related information below.
 */
async function readProblems(page) {
  const rowsOf = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-rows > .monaco-list-row')].map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        text: row.innerText.replace(/\s+/g, ' ').trim(),
        label: row.getAttribute('aria-label') || '',
      })),
    );
  const list = page.locator('.markers-panel .monaco-list').first();
  const seen = new Map();
  for (const r of await rowsOf()) seen.set(r.index, r);
  const box = seen.size ? await list.boundingBox() : null;
  const total = await list
    .evaluate((el) => parseFloat(getComputedStyle(el.querySelector('.monaco-list-rows')).height) || 0)
    .catch(() => 0);
  const pause = () => new Promise((r) => setTimeout(r, 40));
  // Where the first row sits: { first: its index, top: px above (<0) or at the list's top }.
  const where = () =>
    list.evaluate((el) => {
      const rows = [...el.querySelectorAll('.monaco-list-rows > .monaco-list-row')];
      const first = Math.min(...rows.map((r) => Number(r.getAttribute('data-index'))));
      const top = el.querySelector('.monaco-list-rows').getBoundingClientRect().top - el.getBoundingClientRect().top;
      return { first, top };
    });
  // The wheel is turned over the list's scrollbar, at its right edge, not over a row (where a
  // hover may open after a moment; a run once lost ~20 s to a list that would not scroll).
  const wheelAt = () => page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  const toTop = async () => {
    let last = '';
    let still = 0;
    for (let i = 0; i < 300; i++) {
      const w = await where();
      if (w.first === 0 && w.top >= -1) return;
      const key = JSON.stringify(w);
      still = key === last ? still + 1 : 0;
      last = key;
      if (still === 5) {
        if (DEBUG) log(`  problems: the list does not scroll up (${key}); moving the mouse`);
        await page.mouse.move(box.x + box.width / 2, box.y - 30);
        await wheelAt();
      }
      if (still > 20) throw new Error(`the Problems list does not scroll to its top (${key})`);
      await page.mouse.wheel(0, -box.height);
      await pause();
    }
  };
  if (box && total > box.height + 2) {
    await wheelAt();
    await toTop();
    let lastMax = -1;
    for (let still = 0, i = 0; still < 4 && i < 400; i++) {
      for (const r of await rowsOf()) seen.set(r.index, r);
      const max = Math.max(...seen.keys());
      still = max === lastMax ? still + 1 : 0;
      lastMax = max;
      await page.mouse.wheel(0, box.height * 0.6);
      await pause();
    }
    for (const r of await rowsOf()) seen.set(r.index, r);
    await toTop();
  }
  const groups = [];
  for (const r of [...seen.values()].sort((a, b) => a.index - b.index)) {
    if (r.level === 1) groups.push({ file: r.text, label: r.label, rows: [] });
    else if (groups.length) groups[groups.length - 1].rows.push(r);
  }
  return groups;
}

function wengaoRows(group) {
  return group.rows.filter((r) => /wengao/i.test(r.text + ' ' + r.label));
}

/** The first visible element of `locator`, or null. */
async function firstVisible(locator) {
  const n = await locator.count();
  for (let i = 0; i < n; i++) if (await locator.nth(i).isVisible()) return locator.nth(i);
  return null;
}

/** With --update-docs, copies a screenshot to docs/<name>. */
function toDocs(file, name) {
  if (!UPDATE_DOCS || !name) return;
  if (UI) return log(`(--ui=${UI}: not copied to docs/${name}; the README shows each case in its own language)`);
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  fs.copyFileSync(file, path.join(ROOT, 'docs', name));
  log(`copied to docs/${name}`);
}

/** Saves a screenshot to test-results/e2e/<name> (<name>-zh-cn.png in the zh-cn phase). */
async function screenshot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  if (currentPhase !== 'en' && !name.includes(currentPhase)) name = name.replace(/\.png$/, `-${currentPhase}.png`);
  const file = path.join(RESULTS, name);
  await page.screenshot({ path: file });
  log(`screenshot ${path.relative(ROOT, file)}`);
  return file;
}

/** Rows of the Outline tree (not the sticky-scroll copies) as { index, level, text }. */
async function outlineRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.outline-pane .monaco-list-rows > .monaco-list-row')].map((row) => ({
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level')),
      text: row.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
}

async function checkOutline(page) {
  const PARENT = '政府工作报告';
  const CHILDREN = ['2022年和过去五年工作', '今后五年主要目标任务'];
  const list = page.locator('.outline-pane .monaco-list').first();
  await waitFor('Outline rows', async () => (await outlineRows(page)).length > 0, { timeout: 60_000 });
  const box = await list.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Start at the top, then scroll down a bit less than a screenful at a time, collecting rows by
  // their index in the (virtualised) tree, until the parent and both children were seen.
  await waitFor('Outline scrolled to the top', async () => {
    await page.mouse.wheel(0, -100_000);
    return (await outlineRows(page)).some((r) => r.index === 0);
  });
  const seen = new Map();
  const find = (pred) => [...seen.values()].sort((a, b) => a.index - b.index).find(pred);
  let lastMax = -1;
  let still = 0;
  await waitFor(
    `Outline entries ${PARENT} > ${CHILDREN.join(', ')}`,
    async () => {
      for (const r of await outlineRows(page)) seen.set(r.index, r);
      const parent = find((r) => r.text.startsWith(PARENT));
      const kids = CHILDREN.map((c) => find((r) => r.text.includes(c) && (!parent || r.index > parent.index)));
      if (parent && kids.every(Boolean)) return true;
      const max = Math.max(...seen.keys());
      still = max === lastMax ? still + 1 : 0;
      lastMax = max;
      if (still > 8) throw new Error(`end of the outline reached (${seen.size} rows)`);
      await page.mouse.wheel(0, box.height * 0.6);
      return false;
    },
    { timeout: 60_000, interval: 200 },
  );
  const parent = find((r) => r.text.startsWith(PARENT));
  log(`  outline: [level ${parent.level}] ${parent.text}`);
  for (const c of CHILDREN) {
    const kid = find((r) => r.text.includes(c) && r.index > parent.index);
    log(`  outline:   [level ${kid.level}] ${kid.text}`);
    if (kid.level !== parent.level + 1) throw new Error(`"${kid.text}" is at level ${kid.level}, not a child of "${parent.text}" (level ${parent.level})`);
    // Its parent in the flattened tree is the nearest earlier row one level up.
    const up = [...seen.values()].filter((r) => r.index < kid.index && r.level === parent.level).sort((a, b) => b.index - a.index)[0];
    if (up && up.index !== parent.index) throw new Error(`"${kid.text}" sits under "${up.text}", not under "${parent.text}"`);
  }
  // Navigate with the outline: clicking the first child moves the cursor to its heading line.
  const firstKid = page.locator('.outline-pane .monaco-list-rows > .monaco-list-row', { hasText: CHILDREN[0] }).first();
  await waitFor(`Outline row ${CHILDREN[0]} visible`, async () => {
    if (await firstKid.isVisible()) return true;
    await page.mouse.wheel(0, -box.height * 0.3);
    return false;
  });
  await firstKid.click();
  const lines = fs.readFileSync(path.join(ROOT, 'seeds', SEED_OUTLINE), 'utf8').split(/\r?\n/);
  const headingLine = lines.findIndex((l) => l.trim().startsWith('一、' + CHILDREN[0])) + 1;
  if (headingLine > 0) {
    await waitFor(`cursor on line ${headingLine} after clicking the outline entry`, async () =>
      (await page.locator('.statusbar').innerText()).includes(`Ln ${headingLine},`),
    );
  }
  await screenshot(page, 'outline.png');
}

// ---------------------------------------------------------------------------------------------
// Editor, hover, quick input and custom tree view helpers (figures and the Targets view)

async function statusLine(page) {
  return (await page.locator('.statusbar').innerText()).replace(/\s+/g, ' ');
}

/** Hides the bottom panel (Problems, ...) if shown, so that screenshots show the editor. */
async function hidePanel(page) {
  const panel = page.locator('.part.panel');
  if (!(await panel.isVisible().catch(() => false))) return;
  const hide = page.locator('.part.panel .action-label[aria-label^="Hide Panel"], .part.panel .action-label[aria-label^="Close Panel"]').first();
  if (await hide.isVisible().catch(() => false)) await hide.click();
  else await page.keyboard.press('Control+J');
  await waitFor('bottom panel hidden', async () => !(await panel.isVisible().catch(() => false)), { timeout: 10_000 });
}

/** Runs a quick-access query: F1, then replaces the ">" prefix with `value` (e.g. ":9:157"). */
async function quickAccess(page, value) {
  const input = page.locator('.quick-input-widget input.input');
  // (Filled again until it holds `value`: a quick input still closing is visible for a moment,
  // then fill would wait for it in vain.)
  await waitFor(`quick input holding "${value}"`, async () => {
    if (!(await input.isVisible())) {
      await page.keyboard.press('F1');
      if (!(await waitFor('quick input visible', () => input.isVisible(), { timeout: 3000 }).catch(() => false))) return false;
    }
    await input.fill(value, { timeout: 3000 });
    return (await input.inputValue()) === value;
  });
  return input;
}

/** Moves the cursor to line:column (1-based) with Go to Line, which also reveals it. */
async function goTo(page, line, column) {
  await quickAccess(page, `:${line}:${column}`);
  await page.keyboard.press('Enter');
  // (Only the line is checked: on lines of CJK text this code-server build lands on another
  // column than asked, e.g. ":9:53" gives "Ln 9, Col 27". The caller checks what it needs.)
  await waitFor(`cursor on Ln ${line}`, async () => (await statusLine(page)).includes(`Ln ${line},`));
  log(`  go to ${line}:${column}: ${(await statusLine(page)).match(/Ln \d+, Col \d+/)?.[0]}`);
}

/**
 * The viewport rectangle of `needle` in the rendered lines of the active editor, or null when
 * it is not rendered or not inside the editor's visible area.
 */
async function textRect(page, needle) {
  return page.evaluate((needle) => {
    const editor = document.querySelector('.editor-instance .monaco-editor .overflow-guard');
    if (!editor) return null;
    const view = editor.getBoundingClientRect();
    for (const line of editor.querySelectorAll('.view-lines .view-line')) {
      const at = line.textContent.indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let pos = 0;
      let started = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.data.length;
        if (!started && at < pos + len) {
          range.setStart(n, at - pos);
          started = true;
        }
        if (started && at + needle.length <= pos + len) {
          range.setEnd(n, at + needle.length - pos);
          const b = range.getBoundingClientRect();
          const inside = b.left >= view.left && b.right <= view.right && b.top >= view.top && b.bottom <= view.bottom;
          return inside ? { x: b.left, y: b.top, width: b.width, height: b.height } : null;
        }
        pos += len;
      }
    }
    return null;
  }, needle);
}

/** Hovers the point (x, y) until a visible .monaco-hover satisfies `accept(text)`; returns { text, hover }. */
async function hoverUntil(page, what, x, y, accept) {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  return waitFor(
    what,
    async () => {
      // Move off and back on so the hover re-triggers if the first attempt was too early.
      await page.mouse.move(x, y - 40);
      await page.mouse.move(x, y, { steps: 3 });
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        for (let i = 0; i < (await hover.count()); i++) {
          const h = hover.nth(i);
          if (!(await h.isVisible())) continue;
          const t = (await h.innerText()).replace(/\s+/g, ' ');
          if (accept(t)) return { text: t, hover: h };
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      return false;
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** The Explorer's view pane whose header title matches `title`. */
function explorerPane(page, title) {
  return page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}

// The view's name is localised: 目标 in a Chinese VS Code, Targets in English (this suite's).
const TARGETS_TITLE = /目标|\bTargets\b/i;

/**
 * Makes the pane titled `title` the only expanded pane of the Explorer (so it gets the side
 * bar's height); returns a function restoring the previous expansion states.
 */
async function soloPane(page, title) {
  await waitFor(`Explorer pane header ${title}`, () => explorerPane(page, title).locator('.pane-header').isVisible(), { timeout: 15_000 });
  const headers = await page.locator('.sidebar .pane > .pane-header').elementHandles();
  const before = [];
  for (const h of headers) before.push({ h, expanded: (await h.getAttribute('aria-expanded')) === 'true', text: (await h.innerText()).trim() });
  const target = await explorerPane(page, title).locator('.pane-header').elementHandle();
  if ((await target.getAttribute('aria-expanded')) !== 'true') await target.click();
  await waitFor(`pane ${title} expanded`, async () => (await target.getAttribute('aria-expanded')) === 'true');
  for (const b of before) {
    if (b.expanded && !(await b.h.evaluate((el, t) => el === t, target))) await b.h.click();
  }
  return async () => {
    for (const b of before) {
      const now = (await b.h.getAttribute('aria-expanded')) === 'true';
      if (now !== b.expanded) await b.h.click();
    }
  };
}

/** Drags the side bar's sash so that the side bar is `width` px wide; returns the old width. */
async function setSidebarWidth(page, width) {
  const bar = page.locator('.part.sidebar').first();
  const before = (await bar.boundingBox()).width;
  if (Math.abs(before - width) < 4) return before;
  const sash = await waitFor('side bar sash', async () => {
    const b = await bar.boundingBox();
    const sashes = page.locator('.monaco-sash.vertical');
    for (let i = 0; i < (await sashes.count()); i++) {
      const sb = await sashes.nth(i).boundingBox();
      if (sb && sb.height > b.height / 2 && Math.abs(sb.x + sb.width / 2 - (b.x + b.width)) < 6) return sb;
    }
    return false;
  });
  const x = sash.x + sash.width / 2;
  const y = sash.y + sash.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - before), y, { steps: 8 });
  await page.mouse.up();
  await waitFor(`side bar ${width} px wide`, async () => Math.abs((await bar.boundingBox()).width - width) < 8);
  return before;
}

/**
 * Runs `fn(pane)` with the Targets view as the only expanded Explorer pane in a wider side bar
 * (labels and their "N 项目标" descriptions fit); on failure takes `failure-<id>-view.png` first;
 * then puts the Explorer back as it was.
 */
async function withTargetsView(page, id, fn) {
  const width = await setSidebarWidth(page, 560);
  const restore = await soloPane(page, TARGETS_TITLE);
  try {
    return await fn(explorerPane(page, TARGETS_TITLE));
  } catch (err) {
    await screenshot(page, `failure-${id}-view.png`).catch(() => {});
    throw err;
  } finally {
    await restore();
    await setSidebarWidth(page, width);
  }
}

/** The rendered rows of the tree in `pane` as { index, level, text, label, expanded }. */
async function treeRows(pane) {
  return pane.evaluate((el) =>
    [...el.querySelectorAll('.pane-body .monaco-list-rows > .monaco-list-row')].map((row) => ({
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level')),
      // Label and description (e.g. "plan.txt" and "1 项目标") are adjacent elements.
      text: [...row.querySelectorAll('.label-name, .label-description')]
        .map((e) => e.textContent.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(' ') || row.innerText.replace(/\s+/g, ' ').trim(),
      label: row.getAttribute('aria-label') || '',
      expanded: row.getAttribute('aria-expanded'),
    })),
  );
}

/**
 * Pages through the (virtualised) tree in `pane` from the top down, collecting rows by index, until
 * `done(rowsSortedByIndex)` returns a truthy value (returned) or the end is reached (then the
 * collected rows are passed to `done` one last time with `end = true`).
 */
async function scanTree(page, pane, done) {
  const list = pane.locator('.pane-body .monaco-list').first();
  await waitFor('tree rows rendered', async () => (await treeRows(pane)).length > 0, { timeout: 30_000 });
  // Scrolled with the keyboard: a mouse wheel event moves a workbench list by one notch (about
  // 50 px) whatever its delta. Home, then PageDown: focus moves, nothing opens or toggles.
  await list.focus();
  await page.keyboard.press('Home');
  const seen = new Map();
  let still = 0;
  let lastMax = -1;
  let steps = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 80));
    for (const r of await treeRows(pane)) seen.set(r.index, r);
    const rows = [...seen.values()].sort((a, b) => a.index - b.index);
    if (DEBUG) {
      const now = (await treeRows(pane)).map((r) => r.index);
      log(`  scan step ${steps}: rendered ${Math.min(...now)}..${Math.max(...now)}, seen ${rows.length}`);
    }
    const v = await done(rows, false);
    if (v) return v;
    const max = rows.length ? rows[rows.length - 1].index : -1;
    still = max === lastMax ? still + 1 : 0;
    lastMax = max;
    if (still > 3) {
      if (DEBUG) log(`  scan: end after ${steps} steps, ${rows.length} rows`);
      return done(rows, true);
    }
    steps++;
    await page.keyboard.press('PageDown');
  }
}

/** Scrolls the tree in `pane` until `row` (a locator) lies wholly inside the list, then returns it. */
async function revealRow(page, pane, row, what) {
  const list = pane.locator('.pane-body .monaco-list').first();
  return waitFor(`${what} wholly visible`, async () => {
    const lb = await list.boundingBox();
    if (!(await row.count())) throw new Error('row not rendered');
    const rb = await row.first().boundingBox();
    if (!lb || !rb) throw new Error(`no box: list ${JSON.stringify(lb)} row ${JSON.stringify(rb)}`);
    if (DEBUG) log(`  reveal: list ${JSON.stringify(lb)} row ${JSON.stringify(rb)}`);
    // Not covered by the sticky-scroll headers at the top of the tree either.
    const covered = await row.first().evaluate((el) => {
      const b = el.getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return !(hit && el.contains(hit));
    });
    await page.mouse.move(lb.x + lb.width / 2, lb.y + lb.height / 2);
    if (rb.y < lb.y) await page.mouse.wheel(0, rb.y - lb.y - 10);
    else if (rb.y + rb.height > lb.y + lb.height) await page.mouse.wheel(0, rb.y + rb.height - lb.y - lb.height + 10);
    else if (covered) await page.mouse.wheel(0, -lb.height / 3);
    else return row.first();
    return false;
  });
}

/** Document rows (level 1) of the Targets tree with their children, from a scan. */
function targetDocs(rows) {
  const docs = [];
  for (const r of rows) {
    if (r.level === 1) docs.push({ row: r, children: [] });
    else if (docs.length) docs[docs.length - 1].children.push(r);
  }
  return docs;
}

/** "N 项目标" (Chinese UI) or "N targets" (English UI) of a document row, or NaN. */
function targetCount(row) {
  const m = /(\d+)\s*(?:项目标|targets?\b)/.exec(row.text);
  return m ? Number(m[1]) : NaN;
}

/** Clicks the row of the open quick pick whose text contains `text`. */
async function pickQuickItem(page, text, what) {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await waitFor(`quick pick item ${what || text}`, () => row.isVisible(), { timeout: 15_000 });
  log(`  pick: ${(await row.innerText()).replace(/\s+/g, ' ').trim()}`);
  await row.click();
}

// ---------------------------------------------------------------------------------------------
// figure.mismatch helpers (issue 4: the same indicator stated differently in two documents)

const REPORT_TITLE = '《2026年辽宁省政府工作报告（节选）》';
const BRIEF_TITLE = '《2026年辽宁省政府工作报告解读》';

/**
 * Where `value` stands in workspace file `name`, once per occurrence of `context` (which
 * contains it): [{ line, col }] (1-based), as the Problems panel's "[Ln L, Col C]" shows it.
 */
function figureSpots(name, context, value) {
  const spots = [];
  wsLines(name).forEach((text, i) => {
    for (let at = text.indexOf(context); at >= 0; at = text.indexOf(context, at + 1)) {
      spots.push({ line: i + 1, col: at + context.indexOf(value) + 1 });
    }
  });
  return spots;
}

function wsLines(name) {
  return fs.readFileSync(path.join(WS, name), 'utf8').split(/\r?\n/);
}

/**
 * The markers of a Problems group with the related-information rows below each:
 * [{ text, related: [text], line, col }].
 */
function markersOf(group) {
  const out = [];
  if (!group || !group.rows.length) return out;
  const level = Math.min(...group.rows.map((r) => r.level));
  for (const r of group.rows) {
    if (r.level === level) {
      const m = /\[Ln (\d+), Col (\d+)\]/.exec(r.text);
      out.push({ text: r.text, related: [], line: m ? Number(m[1]) : 0, col: m ? Number(m[2]) : 0 });
    } else if (out.length) out[out.length - 1].related.push(r.text);
  }
  return out;
}

/** figure.mismatch markers per file name in the Problems panel: { [name]: markers | null }. */
async function mismatchMarkers(page, names) {
  const groups = await readProblems(page);
  const out = {};
  for (const name of names) {
    const g = groups.find((x) => x.file.split(/\s/)[0] === name || x.file.startsWith(name + ' ') || x.file === name);
    out[name] = g ? markersOf(g).filter((m) => /wengao/i.test(m.text) && m.text.includes('figure.mismatch')) : null;
  }
  return out;
}

function describeMarkers(markers) {
  if (!markers) return '(no Problems entry for the file)';
  if (!markers.length) return '(none)';
  return `at ${markers.map((m) => `${m.line}:${m.col}`).join(' ')}: ` + markers.map((m) => m.text.slice(0, 60) + '…').join(' | ');
}

/** Fails unless `markers` stand exactly at `spots` (compared as sets of "line:col"). */
function expectAt(what, markers, spots) {
  const got = (markers || []).map((m) => `${m.line}:${m.col}`).sort();
  const want = spots.map((s) => `${s.line}:${s.col}`).sort();
  if (got.join() !== want.join()) throw new Error(`${what}: figure.mismatch at ${got.join(' ') || 'nowhere'}, expected at ${want.join(' ')}: ${describeMarkers(markers)}`);
}

/** The marker at `spot`, or a thrown error. */
function markerAt(markers, spot, what) {
  const m = (markers || []).find((x) => x.line === spot.line && x.col === spot.col);
  if (!m) throw new Error(`no figure.mismatch for ${what} at Ln ${spot.line}, Col ${spot.col}: ${describeMarkers(markers)}`);
  return m;
}

/** Drags the sash above the bottom panel so that the panel is `height` px tall; returns the old height. */
async function setPanelHeight(page, height) {
  const panel = page.locator('.part.panel').first();
  const before = (await panel.boundingBox()).height;
  if (Math.abs(before - height) < 4) return before;
  const sash = await waitFor('panel sash', async () => {
    const b = await panel.boundingBox();
    const sashes = page.locator('.monaco-sash.horizontal');
    for (let i = 0; i < (await sashes.count()); i++) {
      const sb = await sashes.nth(i).boundingBox();
      if (sb && sb.width > b.width / 2 && Math.abs(sb.y + sb.height / 2 - b.y) < 6) return sb;
    }
    return false;
  });
  const x = sash.x + sash.width / 2;
  const y = sash.y + sash.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - (height - before), { steps: 8 });
  await page.mouse.up();
  await waitFor(`panel ${height} px tall`, async () => Math.abs((await panel.boundingBox()).height - height) < 8);
  return before;
}

/**
 * Collapses the Problems panel's file rows other than `keep` (file names), so that the entries
 * of the files a screenshot is about fit the panel; leaves the list scrolled to its top.
 */
async function collapseOtherProblemGroups(page, keep) {
  await readProblems(page); // (the list may be scrolled down: the editor's file is revealed in it)
  await waitFor(`Problems rows other than ${keep.join(', ')} collapsed`, async () => {
    const rows = page.locator('.markers-panel .monaco-list-rows > .monaco-list-row[aria-level="1"][aria-expanded="true"]');
    for (let i = 0; i < (await rows.count()); i++) {
      const text = (await rows.nth(i).innerText()).trim();
      if (keep.some((n) => text.startsWith(n))) continue;
      // (A short click timeout: a row that is still moving is tried again on the next poll.)
      await rows.nth(i).locator('.monaco-tl-twistie').click({ timeout: 3000 });
      return false;
    }
    return true;
  }, { timeout: 15_000 });
  await readProblems(page); // (ends scrolled to the top)
}

/** Returns lap(what): logs `what` with the time since the previous lap when that was over 2 s. */
function lapTimer() {
  let last = Date.now();
  return (what) => {
    const now = Date.now();
    if (now - last > 2000 || DEBUG) log(`  (${what}: ${((now - last) / 1000).toFixed(1)}s)`);
    last = now;
  };
}

/**
 * For a screenshot of the visible content hover opened over `rect`: makes it as tall as its
 * content or the room below the line allows (dragging its edge, as a user would), then scrolls
 * it until the heading containing `title` is at its top (or the end of the content shows).
 */
async function showHoverPart(page, rect, title) {
  const content = await page.evaluate(() => {
    const h = [...document.querySelectorAll('.monaco-resizable-hover')].find((e) => e.getBoundingClientRect().height > 0);
    return h ? h.querySelector('.monaco-hover-content')?.scrollHeight || 0 : 0;
  });
  const room = await page.evaluate((y) => {
    const ed = document.querySelector('.editor-instance .monaco-editor .overflow-guard').getBoundingClientRect();
    return ed.bottom - y - 40;
  }, rect.y + rect.height);
  await growHover(page, Math.min(room, content + 10));
  await waitFor(`hover scrolled to "${title}"`, async () => {
    const st = await page.evaluate((title) => {
      const h = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].find((e) => e.offsetParent);
      const t = h && [...h.querySelectorAll('strong, b, p, h1, h2, h3, h4')].find((e) => e.textContent.includes(title));
      if (!h || !t) return null;
      const s = h.querySelector('.monaco-scrollable-element > *');
      return {
        offset: t.getBoundingClientRect().top - h.getBoundingClientRect().top,
        atEnd: !!s && s.scrollTop + s.clientHeight >= s.scrollHeight - 2,
      };
    }, title);
    if (!st) return false;
    if (st.offset >= 0 && st.offset <= 60) return true;
    if (st.atEnd && st.offset > 0) return true; // (everything below the title shows)
    const b = await (await firstVisible(page.locator('.monaco-hover:not(.hidden)'))).boundingBox();
    await page.mouse.move(b.x + b.width / 2, b.y + 30);
    await page.mouse.wheel(0, Math.max(-120, Math.min(120, st.offset - 20)));
    return false;
  }, { timeout: 15_000, interval: 150 });
}

/** Types `value` into the Problems panel's filter box ('' clears it). */
async function filterProblems(page, value) {
  const box = page.locator('.part.panel input[placeholder^="Filter"]').first();
  await waitFor('Problems filter box', () => box.isVisible(), { timeout: 10_000 });
  // (Typed again until it sticks: a Problems view that was just opened restores its saved
  // filter text a moment later, over what was typed.)
  await waitFor(`Problems filter "${value}"`, async () => {
    if ((await box.inputValue()) !== value) await box.fill(value);
    await new Promise((r) => setTimeout(r, 300));
    return (await box.inputValue()) === value;
  }, { timeout: 10_000, interval: 100 });
}

/** The editor tab of `name` (any group). */
function editorTab(page, name) {
  return page.locator('.tabs-container .tab', { hasText: name });
}

/** Clicks inside the rendered `needle` of the active editor at `fraction` of its width. */
async function clickInText(page, needle, fraction) {
  const rect = await waitFor(`"${needle}" rendered inside the editor`, () => textRect(page, needle));
  await page.mouse.click(rect.x + rect.width * fraction, rect.y + rect.height / 2);
  return rect;
}

/**
 * Makes the visible content hover `height` px tall by dragging its bottom (or top) edge, as a
 * user does; VS Code keeps that size for later hovers too.
 */
async function growHover(page, height) {
  const geometry = () =>
    page.evaluate(() => {
      // (position: fixed: no offsetParent; visible = has a size)
      const node = [...document.querySelectorAll('.monaco-resizable-hover')].find((e) => e.getBoundingClientRect().height > 0 && e.querySelector('.monaco-hover:not(.hidden)'));
      if (!node) return null;
      const b = node.getBoundingClientRect();
      const sashes = [...node.querySelectorAll('.monaco-sash.horizontal')]
        .map((s) => s.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }));
      const content = node.querySelector('.monaco-hover-content');
      return { top: b.top, bottom: b.bottom, height: b.height, sashes, content: content ? content.scrollHeight : 0 };
    });
  const g = await geometry();
  if (!g) throw new Error('no visible resizable hover');
  if (g.height >= height - 4) return g;
  // The edge away from the anchored text: below the text the bottom edge, above it the top.
  const bottom = g.sashes.find((s) => Math.abs(s.y - g.bottom) < 6);
  const top = g.sashes.find((s) => Math.abs(s.y - g.top) < 6);
  const sash = bottom || top;
  if (!sash) throw new Error(`no sash on the hover's edges: ${JSON.stringify(g)}`);
  const dy = (height - g.height) * (sash === bottom ? 1 : -1);
  await page.mouse.move(sash.x, sash.y, { steps: 2 });
  await page.mouse.down();
  await page.mouse.move(sash.x, sash.y + dy, { steps: 10 });
  await page.mouse.up();
  const after = await geometry();
  log(`  hover resized: ${Math.round(g.height)} → ${after ? Math.round(after.height) : '(gone)'} px (content ${g.content} px)`);
  return after;
}

// ---------------------------------------------------------------------------------------------
// Issue 5 helpers: the language status items, the Wengao log, quick fixes, the display language

/**
 * Installs the test-only language pack (test/e2e/zh-cn-pack) from the UI, as a user installs a
 * .vsix offline (Extensions: Install from VSIX…, code-server's simple file dialog), then reloads
 * the window: VS Code resolves the display language at load time, from --locale (or the user's
 * argv.json) and the languagepacks.json the install wrote. `--install-extension` on the command
 * line does not write languagepacks.json (code-server#3372, #4735), so it cannot be used here.
 */
async function installLanguagePack(page, ui) {
  const packs = path.join(DATA_DIR, 'languagepacks.json');
  const registered = () => {
    try {
      return Boolean(JSON.parse(fs.readFileSync(packs, 'utf8'))[ui]);
    } catch {
      return false;
    }
  };
  // (The command is registered a while after the workbench shows: typed again until listed.)
  const item = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Extensions: Install from VSIX' }).first();
  await waitFor('the command Extensions: Install from VSIX… in the palette', async () => {
    await quickAccess(page, '>Extensions: Install from VSIX');
    if (await waitFor('listed', () => item.isVisible(), { timeout: 2000 }).catch(() => false)) return true;
    await page.keyboard.press('Escape');
    return false;
  }, { timeout: 90_000, interval: 1000 });
  await item.click();
  const input = page.locator('.quick-input-widget input.input');
  await waitFor('file dialog with a path', async () => (await input.isVisible()) && (await input.inputValue()).startsWith('/'));
  if (DEBUG) await screenshot(page, 'debug-pack-1.png');
  if (DEBUG) await screenshot(page, 'debug-pack-2.png');
  // The dialog may reset the path while it starts (seen: "/root/"), and Enter is lost while it
  // still lists a folder: the path is typed again until it stays, Enter pressed until it takes.
  let steady = 0;
  await waitFor(`${path.basename(packs)} lists ${ui} (the language pack installed)`, async () => {
    if (registered()) return true;
    if (!(await input.isVisible())) return false;
    if ((await input.inputValue()) !== PACK_VSIX) {
      await input.fill(PACK_VSIX);
      steady = 0;
    } else if (++steady >= 2) await page.keyboard.press('Enter');
    return false;
  }, { timeout: 60_000, interval: 700 });
  log(`  language pack installed: ${fs.readFileSync(packs, 'utf8').slice(0, 200)}`);
  if (DEBUG) await screenshot(page, 'debug-pack-3.png');
  await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await waitFor('Explorer shows the workspace after the reload', () => page.getByRole('treeitem', { name: SEED_QUOTES, exact: true }).isVisible(), { timeout: 60_000 });
  // The proof that the display language took effect: Wengao's own view title from package.nls.zh-cn.json.
  await waitFor('the Targets view titled 目标 (package.nls.zh-cn.json in effect)', () => explorerPane(page, /^\s*目标\s*$/).locator('.pane-header').isVisible(), { timeout: 30_000 });
  log(`  display language ${ui} in effect: the Targets view is titled 目标`);
}

/**
 * The texts of the extension's own UI in each display language (package.nls*.json and
 * l10n/bundle.l10n.zh-cn.json): a case checks the language of the phase it runs in.
 */
const UI_TEXT = {
  en: {
    running: /^Wengao server: running/,
    restart: 'Restart',
    openLog: 'Open Log',
    indexed: /^Wengao: (\d+) reports? indexed/,
    last: /Last analysis: (.+?), (<1 ms|\d+ ms|[\d.]+ s), (\d+) findings?$/,
    large: /^Wengao: large document, some checks off/,
    oneError: /^Wengao: 1 error/,
    restartedOnce: /restarted once after a crash/,
    restartedTwice: /restarted 2 times after a crash/,
    crashed: 'The Wengao language server stopped unexpectedly and was restarted.',
    openSample: 'Wengao: Open Sample Report',
    language: 'Wengao Report',
  },
  'zh-cn': {
    running: /^文稿服务器：运行中/,
    restart: '重启',
    openLog: '打开日志',
    indexed: /^文稿：已索引 (\d+) 份报告/,
    last: /上次分析：(.+?)，(<1 ms|\d+ ms|[\d.]+ s)，(\d+) 条结果$/,
    large: /^文稿：文档过大，部分检查已关闭/,
    oneError: /^文稿：1 个错误/,
    restartedOnce: /意外退出后已重启 1 次/,
    restartedTwice: /意外退出后已重启 2 次/,
    crashed: 'Wengao 语言服务器意外退出，已自动重启。',
    openSample: 'Wengao: 打开示例报告',
    language: '政策文稿 (Wengao)',
  },
};
function uiText() {
  return UI_TEXT[currentUi];
}

/** The visible language status hover's items: [{ text, links, severity }] (sev1 info, sev2 warning, sev3 error). */
function languageStatusItems(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.hover-language-status')]
      .filter((e) => e.getBoundingClientRect().height > 0)
      .map((e) => ({
        text: (e.querySelector('.element .left')?.innerText || '').replace(/\s+/g, ' ').trim(),
        links: [...e.querySelectorAll('.element .right a.monaco-link')].map((a) => a.innerText.trim()),
        severity: [...(e.querySelector('.severity')?.classList || [])].find((c) => /^sev\d$/.test(c)) || '',
      })),
  );
}

/**
 * Opens the language status hover ({} next to the language mode in the status bar) until its
 * items satisfy `accept(items)`; returns the items, the hover left open (for a screenshot).
 * Each attempt opens it afresh: what it shows is read when it opens.
 */
async function languageStatus(page, what, accept, { timeout = 30_000 } = {}) {
  const item = page.locator('#status\\.languageStatus');
  let last = [];
  return waitFor(`language status: ${what}`, async () => {
    if ((await languageStatusItems(page)).length) {
      await page.keyboard.press('Escape');
      await waitFor('language status hover closed', async () => (await languageStatusItems(page)).length === 0, { timeout: 3000 }).catch(() => {});
    }
    if (!(await item.isVisible())) throw new Error('no {} language status item in the status bar');
    await item.click();
    last = await waitFor('language status hover', async () => {
      const items = await languageStatusItems(page);
      return items.length ? items : false;
    }, { timeout: 5000 }).catch(() => []);
    if (accept(last)) return last;
    throw new Error(JSON.stringify(last));
  }, { timeout, interval: 500 });
}

function describeStatus(items) {
  return items.map((i) => `[${i.severity}] ${i.text}${i.links.length ? ` {${i.links.join(', ')}}` : ''}`).join(' | ');
}

/** Closes the language status hover if open. */
async function closeLanguageStatus(page) {
  if (!(await languageStatusItems(page)).length) return;
  await page.keyboard.press('Escape');
  await waitFor('language status hover closed', async () => (await languageStatusItems(page)).length === 0, { timeout: 5000 }).catch(() => {});
}

/** The Wengao output channel of the newest window: DATA_DIR/logs/<session>/exthostN/wengao.wengao/Wengao.log. */
function wengaoLog() {
  const files = walk(path.join(DATA_DIR, 'logs')).filter((f) => /exthost\d*[\\/]wengao\.wengao[\\/]Wengao\.log$/.test(f));
  if (!files.length) return '';
  files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return fs.readFileSync(files[0], 'utf8');
}

/** Pids of the "server started (pid N, …)" lines of the Wengao log, in order. */
function serverStarts() {
  return [...wengaoLog().matchAll(/server started \(pid (\d+),/g)].map((m) => Number(m[1]));
}

/**
 * Checks that `pid` is this run's language server (dist/server.js of the phase's extensions
 * folder, in code-server's process group) before the test kills it.
 */
function ourServerProcess(pid) {
  const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  if (!cmd.includes(path.join(EXT_DIR)) || !cmd.includes('dist/server.js')) throw new Error(`pid ${pid} is not this run's server: ${cmd}`);
  if (pgid !== serverPid) throw new Error(`pid ${pid} is in process group ${pgid}, not code-server's ${serverPid}`);
  return cmd;
}

/** Writes a workspace file (creating its folder) unless it already holds `text`. */
function writeWs(name, text) {
  const file = path.join(WS, name);
  if (fs.existsSync(file) && fs.readFileSync(file).equals(Buffer.isBuffer(text) ? text : Buffer.from(text))) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Expands the Explorer folder row `name` (top level). */
async function expandFolder(page, name) {
  const row = page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
  await waitForExplorerRow(page, row, name);
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await waitFor(`Explorer folder ${name} expanded`, async () => (await row.getAttribute('aria-expanded')) === 'true');
}

/** Opens `name` in the top-level Explorer folder `folder` (expanded first). */
async function openInFolder(page, folder, name) {
  await expandFolder(page, folder);
  const tree = page.locator('.explorer-folders-view');
  const folderIndex = Number(await tree.getByRole('treeitem', { name: folder, exact: true }).getAttribute('data-index'));
  // (Files of the same name in other folders: the first row of that name below `folder`'s.)
  const row = await waitFor(`Explorer row ${folder}/${name}`, async () => {
    const rows = tree.getByRole('treeitem', { name, exact: true });
    let best = null;
    for (let i = 0; i < (await rows.count()); i++) {
      const at = Number(await rows.nth(i).getAttribute('data-index'));
      if (at > folderIndex && (!best || at < best.at)) best = { at, row: rows.nth(i) };
    }
    return best?.row;
  }, { timeout: 30_000 });
  await row.click();
  await waitFor(`editor tab ${name} active`, async () => (await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'))?.includes(name));
  await waitFor(`editor text of ${folder}/${name}`, async () => (await page.locator('.editor-instance .view-line').count()) > 0);
}

/** The Problems group of file `name` in `folder` ('.' for the workspace root; undefined: any). */
function problemGroup(groups, name, folder) {
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`problems? in file ${esc(name)} of folder ${folder === undefined ? '\\S*' : esc(folder)}$`);
  return groups.find((g) => re.test(g.label));
}

/** The wengao markers of a Problems group with their codes: [{ code, text, line, col, related }]. */
function wengaoMarkers(group) {
  return markersOf(group)
    .filter((m) => /wengao/i.test(m.text))
    .map((m) => ({ ...m, code: /wengao\s*\(?([a-z]+\.[a-z-]+)/i.exec(m.text)?.[1] || '' }));
}

function describeCodes(markers) {
  return markers.length ? markers.map((m) => `${m.code}@${m.line}:${m.col}`).join(' ') : '(none)';
}

/** The viewport rectangle of the first `char` in the rendered line containing `context`. */
async function charRect(page, context, char) {
  return page.evaluate(
    ({ context, char }) => {
      for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
        const at = line.textContent.indexOf(context);
        if (at < 0) continue;
        const want = at + context.indexOf(char);
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let pos = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (want < pos + n.data.length) {
            const r = document.createRange();
            r.setStart(n, want - pos);
            r.setEnd(n, want - pos + 1);
            const b = r.getBoundingClientRect();
            return { x: b.left, y: b.top, width: b.width, height: b.height };
          }
          pos += n.data.length;
        }
      }
      return null;
    },
    { context, char },
  );
}

/**
 * Puts the cursor on `char` in the line containing `context`, opens Quick Fix (Ctrl+.) until an
 * action whose text matches `title` is offered; returns every offered action's text (the menu is
 * left open, with the matching row in `row`).
 */
async function openQuickFix(page, context, char, title) {
  const rect = await waitFor(`"${context}" rendered in the editor`, () => charRect(page, context, char));
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  await waitFor(`quick fix ${title} offered`, async () => {
    if (await row.isVisible().catch(() => false)) return true;
    if (!(await page.locator('.action-widget').first().isVisible().catch(() => false))) await page.keyboard.press('Control+.');
    await waitFor('action widget', () => page.locator('.action-widget .monaco-list-row').first().isVisible(), { timeout: 3000 }).catch(() => {});
    return false;
  }, { timeout: 30_000 });
  const offered = await page.locator('.action-widget .monaco-list-row').evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()).filter(Boolean));
  return { row, offered };
}

/** The Chinese report files the server indexes (not out/, not the English README): their count. */
function expectedIndexed() {
  return walk(WS).filter((f) => {
    const rel = path.relative(WS, f);
    if (!/\.(txt|md|markdown|docx|pdf)$/i.test(rel) || rel.split(path.sep).some((p) => p === EXPORT_DIR || p.startsWith('.'))) return false;
    // (The Word draft and the PDF report of the sources case: Chinese, read by their readers.)
    if (/\.(docx|pdf)$/i.test(rel)) return true;
    const text = fs.readFileSync(f, 'utf8');
    return han.test(text) && !text.includes('\uFFFD');
  }).length;
}

/**
 * The walkthrough's sample report is the active editor, checked: its language, read-only, and
 * its three deliberate defects (quote.unclosed, heading.sequence, figure.mismatch on both sides)
 * in the Problems panel, at the lines of samples/示例报告.txt.
 */
async function checkSample(page) {
  const T = uiText();
  await waitFor(`editor tab ${SAMPLE} active`, async () => (await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'))?.includes(SAMPLE), { timeout: 30_000 });
  await waitFor(`language mode "${T.language}"`, async () => (await page.locator('#status\\.editor\\.mode').getAttribute('aria-label')) === T.language, { timeout: 15_000 });
  // Read-only: typing is refused and nothing changes.
  const LINE = '实施城市更新行动。';
  // (A hover left open by the mouse, over a figure or a squiggle, would take the click: the mouse
  // goes away and the hover is closed first, and the click lands at the line's start, End then
  // taking the cursor to its end.)
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator('.editor-instance .view-line', { hasText: LINE }).first().click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  const refused = await waitFor('"Cannot edit in read-only editor"', async () => {
    const t = await page.locator('.monaco-editor-overlaymessage').first().innerText().catch(() => '');
    return /read-only|只读/.test(t) && t;
  }, { timeout: 10_000 });
  log(`  typing in the sample: "${refused.trim()}"`);
  if (await page.locator('.editor-instance .view-line', { hasText: `${LINE}x` }).count()) throw new Error('the sample took the typed character');
  const src = fs.readFileSync(path.join(ROOT, 'samples', SAMPLE), 'utf8').split(/\r?\n/);
  const at = (needle) => src.findIndex((l) => l.includes(needle)) + 1;
  const want = [['quote.unclosed', at('“示例英才计划')], ['heading.sequence', at('（三）加强民生建设')], ['figure.mismatch', at('公办养老机构20个')], ['figure.mismatch', at('公办养老机构25个')]];
  if (want.some(([, l]) => l < 1)) throw new Error(`samples/${SAMPLE} changed: ${JSON.stringify(want)}`);
  const expected = want.map(([c, l]) => `${c}@${l}`).sort().join(' ');
  await openProblems(page);
  const markers = await waitFor(`Problems under ${SAMPLE}: ${expected} (besides figure.target)`, async () => {
    const g = (await readProblems(page)).find((x) => x.file.startsWith(SAMPLE));
    const m = wengaoMarkers(g).filter((x) => x.code !== 'figure.target');
    const got = m.map((x) => `${x.code}@${x.line}`).sort().join(' ');
    if (got !== expected) throw new Error(`got ${got || '(none)'}`);
    return m;
  }, { timeout: 30_000 });
  for (const m of markers) log(`  ${SAMPLE}: ${m.text.slice(0, 110)}…`);
  await collapseOtherProblemGroups(page, [SAMPLE]);
  await page.mouse.move(5, 5);
}

/** Runs a command of the palette by its title (`title` typed, the row matching `row` picked). */
async function runCommand(page, title, row = title) {
  await quickAccess(page, `>${title}`);
  await pickQuickItem(page, row);
}

// ---------------------------------------------------------------------------------------------
// Test cases

const state = {};

const tests = [
  {
    name: 'problems: quote.unopened and quote.paragraph-break for 000 seed',
    id: 'problems',
    async fn(page) {
      await openFromExplorer(page, SEED_QUOTES);
      await openProblems(page);
      const group = await waitFor(
        `Problems entries quote.unopened and quote.paragraph-break under ${SEED_QUOTES}`,
        async () => {
          const groups = await readProblems(page);
          const g = groups.find((x) => x.file.includes(SEED_QUOTES));
          if (!g) return false;
          const texts = wengaoRows(g).map((r) => r.text).join('\n');
          return texts.includes('quote.unopened') && texts.includes('quote.paragraph-break') ? g : false;
        },
        { timeout: 60_000 },
      );
      for (const r of wengaoRows(group)) log(`  problem: ${r.text}`);
      const unopened = wengaoRows(group).find((r) => r.text.includes('quote.unopened'));
      if (!han.test(unopened.text)) throw new Error(`quote.unopened message is not Chinese: ${unopened.text}`);
      state.unopenedRow = unopened.text;
      // For the screenshot: show the error's line, with its squiggle, above the Problems list.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'quote.unopened' }).first().click();
      await waitFor('error squiggle in view', () => firstVisible(page.locator('.editor-instance .view-overlays .squiggly-error')));
      toDocs(await screenshot(page, 'problems.png'), 'screenshot-problems.png');
    },
  },
  {
    name: 'outline: headings of 002 seed in the Explorer Outline pane',
    id: 'outline',
    async fn(page) {
      await openFromExplorer(page, SEED_OUTLINE);
      const outlineHeader = page.locator('.pane-header', { hasText: /^\s*outline\s*$/i }).first();
      // (A handle, not a locator: once collapsed, the pane's body no longer holds the tree.)
      const foldersHeader = await page.locator('.pane:has(.explorer-folders-view) > .pane-header').first().elementHandle();
      await waitFor('Outline pane header', () => outlineHeader.isVisible(), { timeout: 15_000 });
      if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
      await waitFor('Outline pane expanded', async () => (await outlineHeader.getAttribute('aria-expanded')) === 'true');
      // Give the outline the height of the side bar: collapse the Folders pane meanwhile.
      const foldersExpanded = (await foldersHeader.getAttribute('aria-expanded')) === 'true';
      if (foldersExpanded) await foldersHeader.click();
      try {
        await checkOutline(page);
      } finally {
        if (foldersExpanded && (await foldersHeader.getAttribute('aria-expanded')) !== 'true') await foldersHeader.click();
      }
    },
  },
  {
    name: 'hover: squiggle shows the Chinese message',
    id: 'hover',
    async fn(page) {
      await openFromExplorer(page, SEED_QUOTES);
      await openProblems(page);
      // Navigate with the Problems row (puts the squiggle in view), then hover the squiggle.
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'quote.unopened' }).first();
      await waitFor('Problems row quote.unopened', () => row.isVisible(), { timeout: 30_000 });
      await row.click();
      await waitFor('error squiggle in view', () => firstVisible(page.locator('.editor-instance .view-overlays .squiggly-error')));
      // Message text as shown by the Problems row (without the source/code and position suffix).
      const hover = page.locator('.monaco-hover:not(.hidden)');
      const text = await waitFor(
        '.monaco-hover with the Chinese message',
        async () => {
          // (The squiggle is looked up again each time: a later publish, the workspace's indexing
          // ending, redraws the decorations and detaches the element found before.)
          const squiggle = await firstVisible(page.locator('.editor-instance .view-overlays .squiggly-error'));
          const box = squiggle ? await squiggle.boundingBox() : null;
          if (!box) return false;
          // Move off and back on so the hover re-triggers if the first attempt was too early.
          await page.mouse.move(box.x + box.width / 2, box.y - 40);
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 2, { steps: 3 });
          const deadline = Date.now() + 3000;
          while (Date.now() < deadline) {
            if ((await hover.count()) && (await hover.first().isVisible())) {
              const t = (await hover.first().innerText()).replace(/\s+/g, ' ');
              if (t.includes('quote.unopened') || t.includes('右引号')) return t;
            }
            await new Promise((r) => setTimeout(r, 150));
          }
          return false;
        },
        { timeout: 30_000, interval: 100 },
      );
      log(`  hover: ${text.slice(0, 200)}`);
      if (!han.test(text)) throw new Error(`hover has no Chinese text: ${text}`);
      // The hover shows the same message as the Problems panel row.
      const msg = (state.unopenedRow || '').split(/wengao/i)[0].trim();
      if (msg && !text.replace(/\s+/g, '').includes(msg.replace(/\s+/g, '').slice(0, 20))) {
        throw new Error(`hover text does not contain the Problems message.\n hover: ${text}\n problem: ${msg}`);
      }
      await screenshot(page, 'hover.png');
      await page.mouse.move(5, 5);
    },
  },
  {
    name: 'english: an English Markdown file gets no wengao diagnostics',
    id: 'english',
    async fn(page) {
      await openFromExplorer(page, EN_MD);
      // Control: a Chinese Markdown file opened after it does get diagnostics, so the server
      // analyses Markdown and has processed the English file by then.
      await openFromExplorer(page, ZH_MD);
      await openProblems(page);
      await waitFor(
        `wengao diagnostics for the Chinese control ${ZH_MD}`,
        async () => {
          const g = (await readProblems(page)).find((x) => x.file.includes(ZH_MD));
          return g && wengaoRows(g).length > 0;
        },
        { timeout: 60_000 },
      );
      // And the English file stays clean for a while after that.
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const g = (await readProblems(page)).find((x) => x.file.includes(EN_MD));
        if (g && wengaoRows(g).length) {
          throw new Error(`${EN_MD} has wengao diagnostics: ${wengaoRows(g).map((r) => r.text).join(' | ')}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      // Both stayed open the whole time (pinned editors), so the server had the English file.
      for (const name of [EN_MD, ZH_MD]) {
        const tab = page.locator('.tabs-container .tab', { hasText: name });
        if (!(await tab.count())) throw new Error(`editor tab ${name} is no longer open`);
      }
      await openFromExplorer(page, EN_MD);
      await screenshot(page, 'english.png');
    },
  },
  {
    name: 'figure-hover: hovering a figure (1500人 in 003) shows the Wengao 数据解读 table',
    id: 'figure-hover',
    async fn(page) {
      const NEEDLE = '1500人';
      const lines = fs.readFileSync(path.join(ROOT, 'seeds', SEED_TARGETS), 'utf8').split(/\r?\n/);
      const lineNo = lines.findIndex((l) => l.includes(`优质本科高校扩招${NEEDLE}`)) + 1;
      if (lineNo < 1) throw new Error(`seed ${SEED_TARGETS} no longer contains 优质本科高校扩招${NEEDLE}`);
      const column = lines[lineNo - 1].indexOf(NEEDLE) + 1;
      await openFromExplorer(page, SEED_TARGETS);
      await hidePanel(page);
      // The line is long: Go to Line reveals the figure horizontally too.
      await goTo(page, lineNo, column);
      const rect = await waitFor(`"${NEEDLE}" rendered inside the editor`, () => textRect(page, NEEDLE));
      // Hover the digits themselves (the middle of "1500").
      const { text, hover } = await hoverUntil(
        page,
        `.monaco-hover with "Wengao 数据解读" over ${NEEDLE} (Ln ${lineNo}, Col ${column})`,
        rect.x + rect.width * 0.35,
        rect.y + rect.height / 2,
        (t) => t.includes('Wengao 数据解读'),
      );
      log(`  hover: ${text.slice(0, 400)}`);
      const rows = await hover.evaluate((el) =>
        [...el.querySelectorAll('table tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.innerText.replace(/\s+/g, ' ').trim())),
      );
      const cell = (k) => rows.find((r) => r[0] === k)?.[1];
      for (const r of rows.filter((r) => r.some(Boolean))) log(`  table: ${r.join(' | ')}`);
      const expect = [
        ['指标', (v) => v.includes('优质本科高校（扩招）'), '优质本科高校（扩招）'],
        ['数值', (v) => v.includes('1500'), 'contains 1500'],
        ['期间', (v) => v.startsWith('2026'), 'starts with 2026'],
        ['类型', (v) => v.startsWith('目标'), 'starts with 目标'],
      ];
      for (const [k, ok, want] of expect) {
        const v = cell(k);
        if (v === undefined) throw new Error(`hover table has no ${k} row: ${JSON.stringify(rows)}`);
        if (!ok(v)) throw new Error(`hover table ${k} is "${v}", expected ${want}`);
      }
      // The figure's information diagnostic (figure.target) shows in the same hover.
      const message = '目标（2026）：优质本科高校扩招 1500 人';
      if (!text.includes(message)) throw new Error(`hover lacks the figure.target message "${message}": ${text}`);
      // The table sits below the diagnostics (with the press brief in the workspace, 003's 1500人
      // also has a figure.mismatch): show it in the screenshot.
      await showHoverPart(page, rect, 'Wengao 数据解读');
      toDocs(await screenshot(page, 'figure-hover.png'), 'screenshot-figure-hover.png');
      await page.mouse.move(5, 5);
    },
  },
  {
    name: 'mismatch: a report and its press brief side by side, figure.mismatch on both sides in the Problems panel',
    id: 'mismatch',
    async fn(page) {
      // For the screenshot: a taller window and Problems panel (both documents' entries show),
      // the two editors side by side with their lines wrapped.
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: viewport.width, height: 1160 });
      let panelHeight = 0;
      try {
        await this.body(page, async () => {
          panelHeight = await setPanelHeight(page, 590);
        });
      } finally {
        if (panelHeight) await setPanelHeight(page, panelHeight).catch((err) => log(`  (panel height not restored: ${err.message})`));
        await page.setViewportSize(viewport);
      }
    },
    async body(page, layout) {
      const briefSpots = MISMATCH_FIGURES.map(([b]) => figureSpots(MISMATCH_BRIEF, ...b));
      const reportSpots = MISMATCH_FIGURES.map(([, r]) => figureSpots(MISMATCH_REPORT, ...r));
      if (briefSpots.some((s) => s.length !== 1) || reportSpots.map((s) => s.length).join() !== '2,1,2') {
        throw new Error(`fixture changed: brief ${JSON.stringify(briefSpots)}, report ${JSON.stringify(reportSpots)}`);
      }
      // The brief on the left; the report opens to the side (Alt+click in the Explorer).
      await openFromExplorer(page, MISMATCH_BRIEF);
      const groups = page.locator('.part.editor .editor-group-container');
      const wrapped = [];
      try {
        if ((await editorTab(page, MISMATCH_REPORT).count()) === 0) {
          const row = page.locator('.explorer-folders-view').getByRole('treeitem', { name: MISMATCH_REPORT, exact: true });
          await row.click({ modifiers: ['Alt'] });
          await waitFor(`${MISMATCH_REPORT} open in a second editor group`, async () => (await groups.count()) === 2 && (await groups.nth(1).locator('.tab.active', { hasText: MISMATCH_REPORT }).count()) > 0);
        }
        await openProblems(page);
        await layout();
        await filterProblems(page, 'figure.mismatch');
        const t0 = Date.now();
        const got = await waitFor(
          'figure.mismatch: 3 under the brief, 5 under the report, at the differing figures',
          async () => {
            const m = await mismatchMarkers(page, [MISMATCH_BRIEF, MISMATCH_REPORT]);
            expectAt(MISMATCH_BRIEF, m[MISMATCH_BRIEF], briefSpots.flat());
            expectAt(MISMATCH_REPORT, m[MISMATCH_REPORT], reportSpots.flat());
            return m;
          },
          { timeout: 60_000 },
        );
        log(`  both documents' entries after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
        for (const name of [MISMATCH_BRIEF, MISMATCH_REPORT]) {
          for (const m of got[name]) log(`  ${name}: ${m.text}${m.related.map((r) => `\n      related: ${r}`).join('')}`);
        }
        MISMATCH_FIGURES.forEach(([[, b], [, r]], i) => {
          // The brief's figure: the message names the report and its first statement's line;
          // every statement of the report is linked as related information.
          const bm = markerAt(got[MISMATCH_BRIEF], briefSpots[i][0], `the brief's ${b}`);
          const named = `${REPORT_TITLE}第${reportSpots[i][0].line}行不一致：此处${b}，彼处${r}`;
          if (!bm.text.includes(named)) throw new Error(`the brief's ${b} entry does not say "${named}": ${bm.text}`);
          for (const s of reportSpots[i]) {
            const link = `${MISMATCH_REPORT}[Ln${s.line},Col${s.col}]`;
            if (!bm.related.some((x) => x.replace(/\s+/g, '').startsWith(link))) throw new Error(`the brief's ${b} entry has no related information ${link}: ${bm.related.join(' | ')}`);
          }
          // Each of the report's statements names the brief, line 3, and links there.
          for (const s of reportSpots[i]) {
            const rm = markerAt(got[MISMATCH_REPORT], s, `the report's ${r} (line ${s.line})`);
            const back = `${BRIEF_TITLE}第${briefSpots[i][0].line}行不一致：此处${r}，彼处${b}`;
            if (!rm.text.includes(back)) throw new Error(`the report's ${r} entry (line ${s.line}) does not say "${back}": ${rm.text}`);
            const link = `${MISMATCH_BRIEF}[Ln${briefSpots[i][0].line},Col${briefSpots[i][0].col}]`;
            if (!rm.related.some((x) => x.replace(/\s+/g, '').startsWith(link))) throw new Error(`the report's ${r} entry (line ${s.line}) has no related information ${link}: ${rm.related.join(' | ')}`);
          }
        });
        // Squiggled on both sides: warning squiggles in both editor groups (lines wrapped, so
        // that every figure shows; Alt+Z toggles it for the focused editor only).
        for (let i = 0; i < 2; i++) {
          await groups.nth(i).locator('.tab.active').first().click(); // (focuses that editor)
          await page.keyboard.press('Alt+Z');
          wrapped.push(i);
          await page.keyboard.press('Control+End'); // (the cursor off the title: no word highlight)
          await waitFor(`warning squiggle in editor group ${i + 1}`, () => firstVisible(groups.nth(i).locator('.view-overlays .squiggly-warning')));
        }
        // Other open documents with figure.mismatch entries (003, the real report, when an
        // earlier case opened it) are collapsed to one row each: the pair's entries fit.
        await collapseOtherProblemGroups(page, [MISMATCH_BRIEF, MISMATCH_REPORT]);
        await page.mouse.move(5, 5);
        toDocs(await screenshot(page, 'mismatch.png'), 'screenshot-mismatch.png');
      } finally {
        for (const i of wrapped) {
          const t = Date.now();
          await groups.nth(i).locator('.tab.active').first().click().catch((err) => log(`  (editor ${i + 1} not focused: ${err.message.split('\n')[0]})`));
          await page.keyboard.press('Alt+Z').catch(() => {});
          if (DEBUG) log(`  word wrap toggled back in editor ${i + 1} (${Date.now() - t} ms)`);
        }
        await filterProblems(page, '').catch((err) => log(`  (Problems filter not cleared: ${err.message.split('\n')[0]})`));
        // One editor group again, as the other cases expect (the report stays open in it).
        if ((await groups.count()) > 1) {
          await quickAccess(page, '>Join All Editor Groups');
          await pickQuickItem(page, 'Join All Editor Groups');
          await waitFor('one editor group', async () => (await groups.count()) === 1);
        }
      }
    },
  },
  {
    name: 'mismatch-hover: hovering 320个 in the brief shows every statement about 老旧小区 in the workspace',
    id: 'mismatch-hover',
    async fn(page) {
      // A taller window for this case: the hover (message, 数据解读, the workspace table, 差异)
      // is about 1050 px tall and then fits whole below the line, for the screenshot.
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: viewport.width, height: 1350 });
      try {
        await this.body(page);
      } finally {
        await page.mouse.move(5, 5);
        await page.setViewportSize(viewport);
      }
    },
    async body(page) {
      const NEEDLE = '320个';
      const lines = wsLines(MISMATCH_BRIEF);
      const lineNo = lines.findIndex((l) => l.includes(NEEDLE)) + 1;
      const reportLine = figureSpots(MISMATCH_REPORT, '老旧小区300个', '300个')[0].line;
      await openFromExplorer(page, MISMATCH_BRIEF);
      await hidePanel(page);
      await goTo(page, lineNo, lines[lineNo - 1].indexOf(NEEDLE) + 1);
      const rect = await waitFor(`"${NEEDLE}" rendered inside the editor`, () => textRect(page, NEEDLE));
      const TITLE = '同一指标在工作区中的全部表述';
      const { text, hover } = await hoverUntil(
        page,
        `.monaco-hover with the workspace table over ${NEEDLE}`,
        rect.x + rect.width * 0.3,
        rect.y + rect.height / 2,
        (t) => t.includes(TITLE),
      );
      log(`  hover: ${text.slice(0, 300)}…`);
      // The mismatch message, then "Wengao 数据解读", then the workspace table, then 差异.
      const message = `${REPORT_TITLE}第${reportLine}行不一致：此处320个，彼处300个`;
      for (const want of [message, 'Wengao 数据解读', TITLE, '差异']) {
        if (!text.includes(want)) throw new Error(`the hover lacks "${want}": ${text}`);
      }
      if (!(text.indexOf('Wengao 数据解读') < text.indexOf(TITLE) && text.indexOf(TITLE) < text.lastIndexOf('差异'))) {
        throw new Error(`the hover's parts are out of order (数据解读, ${TITLE}, 差异): ${text}`);
      }
      const tables = await hover.evaluate((el) =>
        [...el.querySelectorAll('table')].map((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.innerText.replace(/\s+/g, ' ').trim()))),
      );
      // Two tables: the statements of the same region and year first, then the other years and regions.
      const found = tables.filter((t) => t[0] && t[0].join('|') === '文档|章节|期间|类型|地区|数值');
      if (!found.length) throw new Error(`no table with the columns 文档 章节 期间 类型 地区 数值 in the hover: ${JSON.stringify(tables)}`);
      for (const t of found) for (const r of t) log(`  table: ${r.join(' | ')}`);
      const rows = found.flatMap((t) => t.slice(1));
      // The first table holds this year's statements about 辽宁省: the report's 300个 is marked ⚠.
      if (!found[0].slice(1).some((r) => r[0].startsWith('⚠') && r[5] === '300个')) throw new Error(`the first table does not mark the report's 300个 with ⚠: ${JSON.stringify(found[0])}`);
      const lastYear = rows.find((r) => r[0].startsWith('2026年辽宁省政府工作报告解读:') && r[2] === '2025' && r[3].startsWith('实际') && r[5] === '1200个');
      if (!lastYear) throw new Error('the workspace table has no row for the brief\'s 1200个 (2025, 实际)');
      const city = rows.find((r) => r[4].startsWith('沈阳市') && r[5] === '100个');
      if (!city) throw new Error('the workspace table has no row for 沈阳市 100个');
      const report = rows.find((r) => r[0].replace(/^⚠\s*/, '') === `${REPORT_TITLE.slice(1, -1)}:${reportLine}` && r[5] === '300个');
      if (!report) throw new Error(`the workspace table has no row for the report's 300个 (line ${reportLine})`);
      const diff = text.slice(text.lastIndexOf('差异'));
      log(`  差异: ${diff.slice(0, 300)}`);
      // For the screenshot: the hover as tall as the editor allows, the table's title at its top.
      await showHoverPart(page, rect, TITLE);
      // The whole table lies inside the hover's visible area.
      const inView = await page.evaluate((title) => {
        const h = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].find((e) => e.offsetParent);
        const t = h && [...h.querySelectorAll('table')].find((x) => x.innerText.includes('沈阳市'));
        if (!t) return 'no table';
        const hb = h.getBoundingClientRect();
        const tb = t.getBoundingClientRect();
        return tb.top >= hb.top - 1 && tb.bottom <= hb.bottom + 1 ? true : `table ${Math.round(tb.top)}..${Math.round(tb.bottom)}, hover ${Math.round(hb.top)}..${Math.round(hb.bottom)}`;
      }, TITLE);
      if (inView !== true) log(`  note: the workspace table is not wholly visible in the hover (${inView})`);
      toDocs(await screenshot(page, 'mismatch-hover.png'), 'screenshot-mismatch-hover.png');
      await page.mouse.move(5, 5);
    },
  },
  {
    name: 'mismatch-fix: the quick fix on the brief\'s 1800人 takes the report\'s 1500人; the report\'s entry goes away',
    id: 'mismatch-fix',
    async fn(page) {
      const [[, b], [, r]] = MISMATCH_FIGURES[1]; // 1800人 in the brief, 1500人 in the report
      const briefSpot = figureSpots(MISMATCH_BRIEF, ...MISMATCH_FIGURES[1][0])[0];
      const reportSpot = figureSpots(MISMATCH_REPORT, ...MISMATCH_FIGURES[1][1])[0];
      const FIX = `改为${r}（与彼处一致）`;
      const briefOnDisk = fs.readFileSync(path.join(WS, MISMATCH_BRIEF), 'utf8');
      const lap = lapTimer();
      if ((await editorTab(page, MISMATCH_REPORT).count()) === 0) await openFromExplorer(page, MISMATCH_REPORT);
      await openFromExplorer(page, MISMATCH_BRIEF);
      lap('brief opened');
      await openProblems(page);
      await filterProblems(page, 'figure.mismatch');
      lap('Problems filtered');
      try {
        const before = await waitFor(`figure.mismatch on the brief's ${b} and the report's ${r}`, async () => {
          const m = await mismatchMarkers(page, [MISMATCH_BRIEF, MISMATCH_REPORT]);
          markerAt(m[MISMATCH_BRIEF], briefSpot, `the brief's ${b}`);
          markerAt(m[MISMATCH_REPORT], reportSpot, `the report's ${r}`);
          return m;
        }, { timeout: 60_000 });
        const nBrief = before[MISMATCH_BRIEF].length;
        const nReport = before[MISMATCH_REPORT].length;
        const step = (what) => DEBUG && log(`  ${what}`);
        lap('entries before the fix read');
        log(`  before: ${nBrief} under the brief, ${nReport} under the report`);
        if (DEBUG) for (const m of before[MISMATCH_REPORT]) log(`  report before: [Ln ${m.line}, Col ${m.col}] ${m.text.slice(0, 60)} / ${m.related.length} related`);
        // The cursor on the figure, then Ctrl+. (Quick Fix).
        await clickInText(page, b.replace(/\D+$/, ''), 0.5);
        await waitFor(`cursor on Ln ${briefSpot.line}`, async () => (await statusLine(page)).includes(`Ln ${briefSpot.line},`));
        const item = page.locator('.action-widget .monaco-list-row', { hasText: FIX }).first();
        await waitFor(`quick fix "${FIX}" offered`, async () => {
          if (await item.isVisible().catch(() => false)) return true;
          if (!(await page.locator('.action-widget').first().isVisible().catch(() => false))) await page.keyboard.press('Control+.');
          await waitFor('action widget', () => page.locator('.action-widget .monaco-list-row').first().isVisible(), { timeout: 3000 }).catch(() => {});
          return false;
        }, { timeout: 30_000 });
        lap('quick fix menu');
        const offered = await page.locator('.action-widget .monaco-list-row').evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()).filter(Boolean));
        log(`  quick fixes offered: ${offered.join(' | ')}`);
        if (offered.filter((t) => t.includes(FIX)).length !== 1) throw new Error(`"${FIX}" is offered ${offered.filter((t) => t.includes(FIX)).length} times: ${offered.join(' | ')}`);
        await item.click();
        const t0 = Date.now();
        step('fix clicked');
        await waitFor(`the brief says 扩招${r}`, async () => (await page.locator('.editor-instance .view-line', { hasText: `扩招${r}` }).count()) > 0, { timeout: 10_000 });
        if (await page.locator('.editor-instance .view-line', { hasText: `扩招${b}` }).count()) throw new Error(`the brief still says 扩招${b}`);
        step('brief text fixed');
        await waitFor(`${MISMATCH_BRIEF} tab dirty`, async () => (await editorTab(page, MISMATCH_BRIEF).and(page.locator('.dirty')).count()) > 0);
        step('brief tab dirty');
        // The other side refreshes: the report's entry for its 1500人 goes away, the rest stay.
        const after = await waitFor(
          `the report's ${r} entry gone (${nReport} → ${nReport - 1}) and the brief's ${b} entry gone (${nBrief} → ${nBrief - 1})`,
          async () => {
            const m = await mismatchMarkers(page, [MISMATCH_BRIEF, MISMATCH_REPORT]);
            step(`poll: brief ${describeMarkers(m[MISMATCH_BRIEF]).split(':').slice(0, 1)}; report ${describeMarkers(m[MISMATCH_REPORT]).split(': ')[0]}`);
            const ok =
              m[MISMATCH_REPORT]?.length === nReport - 1 &&
              !m[MISMATCH_REPORT].some((x) => x.line === reportSpot.line && x.col === reportSpot.col) &&
              (m[MISMATCH_BRIEF]?.length ?? 0) === nBrief - 1;
            if (!ok) throw new Error(`brief: ${describeMarkers(m[MISMATCH_BRIEF])}; report: ${describeMarkers(m[MISMATCH_REPORT])}`);
            return m;
          },
          { timeout: 15_000 },
        );
        log(`  the report's entry went away ${((Date.now() - t0) / 1000).toFixed(1)}s after the fix`);
        for (const m of after[MISMATCH_REPORT]) log(`  ${MISMATCH_REPORT} after: [Ln ${m.line}, Col ${m.col}] ${m.text.slice(0, 80)}…`);
        if (fs.readFileSync(path.join(WS, MISMATCH_BRIEF), 'utf8') !== briefOnDisk) throw new Error(`${MISMATCH_BRIEF} was written to disk; the fix should stay unsaved`);
        state.briefFixed = true;
        await page.mouse.move(5, 5);
        await screenshot(page, 'mismatch-fix.png');
      } finally {
        await page.keyboard.press('Escape').catch(() => {});
        await filterProblems(page, '').catch((err) => log(`  (Problems filter not cleared: ${err.message.split('\n')[0]})`));
      }
    },
  },
  {
    name: 'mismatch-closed: with the report\'s tab closed (unsaved edit discarded), the brief is checked against the report on disk',
    id: 'mismatch-closed',
    async fn(page) {
      const spot = figureSpots(MISMATCH_REPORT, '老旧小区300个', '300个')[0];
      const briefSpot = figureSpots(MISMATCH_BRIEF, '老旧小区320个', '320个')[0];
      const reportOnDisk = fs.readFileSync(path.join(WS, MISMATCH_REPORT), 'utf8');
      const lap = lapTimer();
      await openFromExplorer(page, MISMATCH_BRIEF);
      lap('brief opened');
      await openFromExplorer(page, MISMATCH_REPORT);
      lap('report opened');
      await openProblems(page);
      await filterProblems(page, 'figure.mismatch');
      lap('Problems filtered');
      const briefSays = async (text) => {
        const m = (await mismatchMarkers(page, [MISMATCH_BRIEF]))[MISMATCH_BRIEF];
        const x = markerAt(m, briefSpot, "the brief's 320个");
        if (!x.text.includes(text)) throw new Error(`the brief's 320个 entry says: ${x.text}`);
        return m;
      };
      try {
        // An unsaved edit in the report (300个 → 310个 on line 5): the brief follows the buffer...
        await clickInText(page, '老旧小区3', 0.995);
        await page.keyboard.press('Delete');
        await page.keyboard.type('1');
        await waitFor('the report says 老旧小区310个 (unsaved)', async () => (await page.locator('.editor-instance .view-line', { hasText: '老旧小区310个' }).count()) > 0, { timeout: 10_000 });
        await waitFor(`${MISMATCH_REPORT} tab dirty`, async () => (await editorTab(page, MISMATCH_REPORT).and(page.locator('.dirty')).count()) > 0);
        lap('report edited');
        await waitFor(`the brief's 320个 compared with the report's unsaved 310个`, () => briefSays(`${REPORT_TITLE}第${spot.line}行不一致：此处320个，彼处310个`), { timeout: 15_000 });
        lap('brief compared with 310个');
        log('  with the report open and edited: the brief compares with 310个');
        // ...then the report's tab is closed without saving: the disk's 300个 comes back.
        const tab = editorTab(page, MISMATCH_REPORT).first();
        await tab.hover();
        await tab.locator('.tab-actions .action-label').first().click();
        const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ }).first();
        await waitFor('the "Don\'t Save" button of the save dialog', () => dontSave.isVisible(), { timeout: 10_000 });
        await dontSave.click();
        await waitFor(`${MISMATCH_REPORT} tab closed`, async () => (await editorTab(page, MISMATCH_REPORT).count()) === 0, { timeout: 10_000 });
        const t0 = Date.now();
        if (fs.readFileSync(path.join(WS, MISMATCH_REPORT), 'utf8') !== reportOnDisk) throw new Error(`${MISMATCH_REPORT} changed on disk; nothing was to be saved`);
        await openFromExplorer(page, MISMATCH_BRIEF);
        const fixed = (await page.locator('.editor-instance .view-line', { hasText: '扩招1500人' }).count()) > 0;
        // The brief's remaining mismatches, against the report as it is on disk.
        const want = MISMATCH_FIGURES.filter((_, i) => !(fixed && i === 1));
        const got = await waitFor(
          `the brief's ${want.map(([[, b]]) => b).join(', ')} compared with the report on disk`,
          async () => {
            const m = await briefSays(`${REPORT_TITLE}第${spot.line}行不一致：此处320个，彼处300个`);
            expectAt(MISMATCH_BRIEF, m, want.map(([bf]) => figureSpots(MISMATCH_BRIEF, ...bf)[0]));
            for (const [bf, rf] of want) {
              const b = bf[1];
              const bm = markerAt(m, figureSpots(MISMATCH_BRIEF, ...bf)[0], `the brief's ${b}`);
              for (const s of figureSpots(MISMATCH_REPORT, ...rf)) {
                const link = `${MISMATCH_REPORT}[Ln${s.line},Col${s.col}]`;
                if (!bm.related.some((x) => x.replace(/\s+/g, '').startsWith(link))) throw new Error(`the brief's ${b} entry has no related information ${link}: ${bm.related.join(' | ')}`);
              }
              const named = `${REPORT_TITLE}第${figureSpots(MISMATCH_REPORT, ...rf)[0].line}行不一致：此处${b}，彼处${rf[1]}`;
              if (!bm.text.includes(named)) throw new Error(`the brief's ${b} entry does not say "${named}": ${bm.text}`);
            }
            return m;
          },
          { timeout: 15_000 },
        );
        log(`  ${((Date.now() - t0) / 1000).toFixed(1)}s after closing: the brief compares with the disk's 300个 (${got.length} entries${fixed ? '; its 1800人 was fixed before' : ''})`);
        for (const m of got) log(`  ${MISMATCH_BRIEF}: ${m.text.slice(0, 160)}…`);
        // The closed report's own diagnostics are withdrawn.
        const report = (await mismatchMarkers(page, [MISMATCH_REPORT]))[MISMATCH_REPORT];
        log(`  ${MISMATCH_REPORT} (closed) in the Problems panel: ${report ? `${report.length} figure.mismatch` : 'no entry'}`);
        await page.mouse.move(5, 5);
        await screenshot(page, 'mismatch-closed.png');
      } finally {
        await filterProblems(page, '').catch((err) => log(`  (Problems filter not cleared: ${err.message.split('\n')[0]})`));
      }
    },
  },
  {
    name: 'mismatch-inferred: a brief that names neither its year nor its province is compared with the report; its message and hover say how they were read',
    id: 'mismatch-inferred',
    async fn(page) {
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: viewport.width, height: 1250 });
      writeWs(INFERRED_BRIEF, INFERRED_TEXT);
      try {
        await this.body(page);
      } finally {
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape').catch(() => {});
        await page.setViewportSize(viewport);
        await openProblems(page).then(() => filterProblems(page, '')).catch((err) => log(`  (Problems filter not cleared: ${err.message.split('\n')[0]})`));
        // Close this brief's editor only (another case left an unsaved edit in the other brief on purpose).
        const tab = editorTab(page, INFERRED_BRIEF);
        if (await tab.count()) {
          // (Its tab made active, then View: Close Editor: it is not dirty, no dialog asks.)
          await tab.first().click().catch(() => {});
          await quickAccess(page, '>View: Close Editor')
            .then(() => pickQuickItem(page, 'View: Close Editor'))
            .catch((err) => log(`  (editor not closed: ${err.message.split('\n')[0]})`));
          await waitFor(`${INFERRED_BRIEF} editor closed`, async () => (await editorTab(page, INFERRED_BRIEF).count()) === 0, { timeout: 10_000 }).catch((err) => log(`  (${err.message})`));
        }
        fs.rmSync(path.join(WS, INFERRED_BRIEF), { force: true });
        // The index forgets the file once the watcher reports it gone: later cases see the old workspace.
        await waitFor(`${INFERRED_BRIEF} gone from the Explorer`, async () => (await page.locator('.explorer-folders-view').getByRole('treeitem', { name: INFERRED_BRIEF, exact: true }).count()) === 0, { timeout: 30_000 }).catch((err) => log(`  (${err.message})`));
      }
    },
    async body(page) {
      const spot = figureSpots(INFERRED_BRIEF, '老旧管网3000公里', '3000公里')[0];
      const reportSpot = figureSpots(MISMATCH_REPORT, '老旧管网3500公里', '3500公里')[0];
      await openFromExplorer(page, INFERRED_BRIEF);
      await openProblems(page);
      await filterProblems(page, 'figure.mismatch');
      // The brief's 3000公里 against the report's 3500公里: the year read from "今年是“十五五”规划开局之年",
      // the province from the workspace (every report that names one names 辽宁省).
      const entry = await waitFor(
        `figure.mismatch on the brief's 3000公里 naming the report and saying how year and region were read`,
        async () => {
          const m = (await mismatchMarkers(page, [INFERRED_BRIEF]))[INFERRED_BRIEF];
          const x = markerAt(m, spot, "the brief's 3000公里");
          for (const want of [`${REPORT_TITLE}第${reportSpot.line}行不一致：此处3000公里，彼处3500公里`, '推定为2026年', '地区按工作区推定为辽宁省']) {
            if (!x.text.includes(want)) throw new Error(`the entry lacks "${want}": ${x.text}`);
          }
          return x;
        },
        { timeout: 60_000 },
      );
      log(`  ${entry.text}`);
      // The same figure in the brief, restated unchanged (新增省级专精特新企业300家), stays silent.
      const silent = figureSpots(INFERRED_BRIEF, '专精特新企业300家', '300家')[0];
      const all = (await mismatchMarkers(page, [INFERRED_BRIEF]))[INFERRED_BRIEF];
      if (all.some((m) => m.line === silent.line && m.col === silent.col)) throw new Error(`the unchanged 300家 is flagged: ${describeMarkers(all)}`);
      // The hover: the reading with its inference, then this year's statements about 辽宁省 with the report's marked ⚠.
      const lines = wsLines(INFERRED_BRIEF);
      await hidePanel(page);
      await goTo(page, spot.line, spot.col);
      const rect = await waitFor('"3000公里" rendered inside the editor', () => textRect(page, '3000公里'));
      const { text, hover } = await hoverUntil(page, '.monaco-hover with the inference and the workspace table over 3000公里', rect.x + rect.width * 0.3, rect.y + rect.height / 2, (t) => t.includes('同一地区、同一期间'));
      for (const want of ['推定', '按工作区推定为辽宁省', '推定为2026年', '同一指标在工作区中的全部表述', '同一地区、同一期间']) {
        if (!text.includes(want)) throw new Error(`the hover lacks "${want}": ${text.slice(0, 800)}`);
      }
      const tables = await hover.evaluate((el) =>
        [...el.querySelectorAll('table')].map((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.innerText.replace(/\s+/g, ' ').trim()))),
      );
      const first = tables.find((t) => t[0] && t[0].join('|') === '文档|章节|期间|类型|地区|数值');
      if (!first) throw new Error(`no workspace table in the hover: ${JSON.stringify(tables)}`);
      for (const r of first) log(`  table: ${r.join(' | ')}`);
      const report = first.slice(1).find((r) => r[0].startsWith('⚠') && r[0].includes(`${REPORT_TITLE.slice(1, -1)}:${reportSpot.line}`) && r[5] === '3500公里');
      if (!report) throw new Error(`the first table does not mark the report's 3500公里 (line ${reportSpot.line}) with ⚠: ${JSON.stringify(first)}`);
      if (!first.slice(1).every((r) => r[2] === '2026' && r[4] === '辽宁省')) throw new Error(`the first table mixes other years or regions: ${JSON.stringify(first)}`);
      void lines;
      await showHoverPart(page, rect, '同一指标在工作区中的全部表述');
      toDocs(await screenshot(page, 'mismatch-inferred.png'), 'screenshot-mismatch-inferred.png');
    },
  },
  {
    name: 'targets: the Targets view lists 003 by section; clicking a target opens its line',
    id: 'targets',
    async fn(page) {
      const LABEL = '优质本科高校扩招 1500 人';
      const SECTIONS = ['政府工作报告', '2026年辽宁省办好民生实事清单'];
      await hidePanel(page);
      await withTargetsView(page, 'targets', async (pane) => {
        const doc = await waitFor(
          `Targets view: document ${SEED_TARGETS} with all its rows`,
          () =>
            scanTree(page, pane, (rows, end) => {
              const docs = targetDocs(rows);
              const i = docs.findIndex((d) => d.row.text.includes(SEED_TARGETS));
              // All of its rows: the next document's row, or the end of the tree, was seen.
              return i >= 0 && (i < docs.length - 1 || end) ? docs[i] : false;
            }),
          { timeout: 60_000 },
        );
        const n = targetCount(doc.row);
        log(`  targets: ${doc.row.text} (${doc.children.length} rows below it)`);
        if (!(n > 50)) throw new Error(`document row "${doc.row.text}" does not say "N 项目标" with N > 50`);
        const sections = doc.children.filter((r) => r.level === doc.row.level + 1);
        const targets = doc.children.filter((r) => r.level === doc.row.level + 2);
        log(`  sections: ${sections.map((s) => s.text).join(' / ')}`);
        if (!sections.some((s) => SECTIONS.some((name) => s.text.startsWith(name)))) {
          throw new Error(`no section ${SECTIONS.join(' or ')} under ${SEED_TARGETS}: ${sections.map((s) => s.text).join(' / ')}`);
        }
        // Consistency: the count on the document row = the targets listed = the section counts.
        const sectionSum = sections.reduce((a, s) => a + Number(/(\d+)$/.exec(s.text)?.[1] ?? NaN), 0);
        if (targets.length !== n) throw new Error(`document row says ${n} 项目标 but ${targets.length} target rows are listed under it`);
        if (sectionSum !== n) throw new Error(`document row says ${n} 项目标 but its sections add up to ${sectionSum}`);
        const target = targets.find((r) => r.text.includes(LABEL));
        if (!target) throw new Error(`no target row "${LABEL}" under ${SEED_TARGETS}`);
        const section = [...sections].reverse().find((s) => s.index < target.index);
        log(`  target: ${target.text} (section: ${section?.text})`);

        // Click it: 003 opens with the cursor on the figure's line.
        const lines = fs.readFileSync(path.join(ROOT, 'seeds', SEED_TARGETS), 'utf8').split(/\r?\n/);
        const lineNo = lines.findIndex((l) => l.includes('优质本科高校扩招1500人')) + 1;
        const rowLoc = pane.locator('.monaco-list-row', { hasText: LABEL });
        await scanTree(page, pane, async () => (await rowLoc.count()) > 0);
        const row = await revealRow(page, pane, rowLoc, `Targets row ${LABEL}`);
        await row.click();
        await waitFor(`editor tab ${SEED_TARGETS} active`, async () =>
          (await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'))?.includes(SEED_TARGETS),
        );
        // The figure ("1500人") is selected. (Line alone would prove nothing when 003 is already
        // open with the cursor on that line, as after figure-hover.)
        const figCol = lines[lineNo - 1].indexOf('1500人') + 1;
        const figLen = '1500人'.length;
        const selected = new RegExp(`Ln ${lineNo}, Col (${figCol}|${figCol + figLen}) \\(${figLen} selected\\)`);
        await waitFor(`"1500人" selected on line ${lineNo} after clicking the target (${selected})`, async () => selected.test(await statusLine(page)));
        log(`  status bar: ${(await statusLine(page)).match(/Ln \d+, Col \d+( \([^)]*\))?/)?.[0]}`);
        await page.mouse.move(5, 5);
        await waitFor('selected target row', async () => (await row.getAttribute('class'))?.includes('selected'));
        toDocs(await screenshot(page, 'targets.png'), 'screenshot-targets.png');
      });
    },
  },
  {
    name: 'targets-edit: the Targets view follows unsaved edits (plan.txt 1 → 2 项目标)',
    id: 'targets-edit',
    async fn(page) {
      await openFromExplorer(page, PLAN);
      await withTargetsView(page, 'targets-edit', async (pane) => {
        // The whole tree, to the end: plan.txt's row and every document's count.
        let allDocs = [];
        const planDoc = () =>
          scanTree(page, pane, (rows, end) => {
            if (!end) return false;
            allDocs = targetDocs(rows);
            return allDocs.find((d) => d.row.text.startsWith(PLAN)) || { missing: true };
          });
        const before = await waitFor(`Targets view: ${PLAN} with 1 项目标`, async () => {
          const d = await planDoc();
          return !d.missing && targetCount(d.row) === 1 && d;
        }, { timeout: 60_000 });
        log(`  before: ${before.row.text} > ${before.children.map((r) => r.text).join(' / ')}`);

        // Type a new last line (no save).
        await page.locator('.editor-instance .view-lines').first().click();
        await page.keyboard.press('Control+End');
        await waitFor('cursor on the last, empty line', async () => (await statusLine(page)).includes('Ln 4, Col 1'));
        const t0 = Date.now();
        await page.keyboard.type(PLAN_ADDED);
        await waitFor('typed line rendered', async () => (await page.locator('.editor-instance .view-line', { hasText: PLAN_ADDED }).count()) > 0);
        await waitFor(`${PLAN} tab dirty`, async () => (await page.locator('.tabs-container .tab.active.dirty').count()) > 0);
        const after = await waitFor(`Targets view: ${PLAN} with 2 项目标 after the edit`, async () => {
          const d = await planDoc();
          return !d.missing && targetCount(d.row) === 2 && d;
        }, { timeout: 30_000 });
        log(`  after ${((Date.now() - t0) / 1000).toFixed(1)}s: ${after.row.text} > ${after.children.map((r) => r.text).join(' / ')}`);
        if (!after.children.some((r) => r.text.includes('45'))) throw new Error(`no target row for the typed line: ${after.children.map((r) => r.text).join(' / ')}`);
        if (fs.readFileSync(path.join(WS, PLAN), 'utf8') !== PLAN_TEXT) throw new Error(`${PLAN} was written to disk; the test meant to keep it unsaved`);
        // For the export case: what the view lists per document (plan.txt unsaved, with 2).
        state.viewCounts = Object.fromEntries(allDocs.map((d) => [d.row.text.split(' ')[0], targetCount(d.row)]));
        log(`  view: ${JSON.stringify(state.viewCounts)}`);
        await page.mouse.move(5, 5);
        await screenshot(page, 'targets-edit.png');
      });
    },
  },
  {
    name: 'export: Wengao: 导出目标清单… from the command palette writes a CSV (whole workspace)',
    id: 'export',
    async fn(page) {
      const out = path.join(WS, EXPORT_DIR, EXPORT_NAME);
      fs.rmSync(out, { force: true });
      await openFromExplorer(page, SEED_TARGETS);
      await quickAccess(page, '>Wengao: Export Targets');
      await pickQuickItem(page, /导出目标清单|Export Targets/, 'Wengao: Export Targets… (导出目标清单…)');
      await pickQuickItem(page, /整个工作区|Whole workspace/, 'Whole workspace (整个工作区)');
      await pickQuickItem(page, 'CSV');
      // code-server's simple file dialog: a quick input holding a path.
      const input = page.locator('.quick-input-widget input.input');
      const initial = await waitFor('save dialog (simple file dialog) with a path', async () => {
        if (!(await input.isVisible())) return false;
        const v = await input.inputValue();
        return v.startsWith('/') ? v : false;
      });
      log(`  save dialog proposed: ${initial}`);
      await input.fill(out);
      await waitFor(`dialog value ${out}`, async () => (await input.inputValue()) === out);
      const dialogState = () =>
        page.evaluate(() => {
          const w = document.querySelector('.quick-input-widget');
          if (!w || w.style.display === 'none') return { open: false };
          return {
            open: true,
            value: w.querySelector('input.input')?.value,
            rows: [...w.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => `${r.classList.contains('focused') ? '*' : ''}${r.innerText.trim()}`),
            message: w.querySelector('.quick-input-message')?.innerText || '',
            busy: !!w.querySelector('.monaco-progress-container.active'),
          };
        });
      // The dialog lists the typed path's folder asynchronously; Enter before that is lost (it
      // closes nothing and writes nothing). The export folder is empty: only ".." is listed.
      await waitFor('save dialog listing the export folder (only "..")', async () => {
        const st = await dialogState();
        // (The dialog may put its own proposal back once it has listed the workspace folder, over
        // the path typed before: seen once in CI. The path is typed again.)
        if (st.open && !st.busy && st.value !== out) {
          log(`  (the dialog shows ${st.value}: the path typed again)`);
          await input.fill(out);
          return false;
        }
        return st.open && st.rows.length === 1 && st.rows[0].replace(/^\*/, '') === '..' && st.value === out && !st.busy;
      });
      await page.keyboard.press('Enter');
      const bytes = await waitFor(
        `${path.relative(WS, out)} written`,
        async () => {
          if (fs.existsSync(out) && fs.statSync(out).size > 0) return fs.readFileSync(out);
          // Still open? Say what the dialog shows.
          const st = await dialogState();
          if (st.open) throw new Error(`dialog still open: ${JSON.stringify(st)}`);
          return false;
        },
        { timeout: 20_000 },
      );
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /已导出|Exported/ }).first();
      const note = await waitFor('notification 已导出 …', async () => (await toast.isVisible()) && (await toast.innerText()).replace(/\s+/g, ' '), { timeout: 10_000 }).catch(() => '(no notification seen)');
      log(`  notification: ${note}`);
      if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error(`CSV does not start with the UTF-8 BOM: ${bytes.subarray(0, 8).toString('hex')}`);
      const text = bytes.subarray(3).toString('utf8');
      const lines = text.split(/\r?\n/).filter(Boolean);
      log(`  csv: ${lines.length - 1} rows; header: ${lines[0]}`);
      if (!lines[0].startsWith('文档,行,章节,指标')) throw new Error(`CSV header is "${lines[0]}"`);
      const row = lines.find((l) => l.includes('优质本科高校') && l.includes('1500'));
      if (!row) throw new Error('CSV has no row with 优质本科高校 and 1500');
      log(`  csv row: ${row}`);
      const perDoc = {};
      for (const l of lines.slice(1)) perDoc[l.split(',')[0]] = (perDoc[l.split(',')[0]] || 0) + 1;
      log(`  csv rows per document: ${JSON.stringify(perDoc)}`);
      // The export and the Targets view list the same targets (when targets-edit ran before).
      if (state.viewCounts) {
        const names = [...new Set([...Object.keys(perDoc), ...Object.keys(state.viewCounts)])];
        const diff = names.filter((n) => perDoc[n] !== state.viewCounts[n]);
        if (diff.length) {
          throw new Error(`CSV and Targets view disagree: ${diff.map((n) => `${n}: csv ${perDoc[n] ?? 0}, view ${state.viewCounts[n] ?? 0}`).join('; ')}`);
        }
      }
      await screenshot(page, 'export.png');
    },
  },
  {
    name: 'fix-all: "修复本文件中全部" fixes every half-width comma at once; Fix All (source.fixAll.wengao) then deletes the doubled character and joins the page break',
    id: 'fix-all',
    async fn(page) {
      await openFromExplorer(page, PROOF);
      const { row, offered } = await openQuickFix(page, '5.2%,全市', ',', '修复本文件中全部');
      log(`  quick fixes offered: ${offered.join(' | ')}`);
      const line = (text) => page.locator('.editor-instance .view-line', { hasText: text });
      try {
        toDocs(await screenshot(page, 'fix-all-menu.png'), 'screenshot-fix-all-menu.png');
        await row.click();
        await waitFor('every half-width comma of the file fixed', async () => (await line('增长5.2%，全市城镇新增就业3.2万人，居民收入增长5%，各项').count()) > 0);
        if (await line('5.2%,全市').count()) throw new Error('a half-width comma is left');
        if (await line('确保任务').count()) throw new Error('the fix of one code changed another code\'s finding');
        await hidePanel(page).catch(() => {});
        await screenshot(page, 'fix-all-code.png');
        await page.keyboard.press('Control+Alt+Shift+F');
        await waitFor('Fix All: the doubled 保 deleted and the page break joined, its page number dropped', async () =>
          (await line('确保任务及目标实现').count()) > 0 && (await line('预期目标顺利完成。').count()) > 0 && (await line('— 3 —').count()) === 0,
        { timeout: 15_000 });
        await page.mouse.move(5, 5);
        toDocs(await screenshot(page, 'fix-all.png'), 'screenshot-fix-all.png');
      } finally {
        await page.keyboard.press('Escape').catch(() => {});
        // (Unsaved: Revert File puts the file back as it is on disk.)
        await page.keyboard.press('Control+Alt+Shift+R').catch(() => {});
      }
      if (fs.readFileSync(path.join(WS, PROOF), 'utf8') !== PROOF_TEXT) throw new Error(`${PROOF} was written to disk`);
    },
  },  // -------------------------------------------------------------------------------------------
  // Issue 5: the language status items, suppression, the project config, the sample, crashes,
  // and (in the zh-cn phase) the extension's UI in Chinese.
  {
    name: 'sources: a Word draft and the published PDF: the draft opened as text from the Explorer, read-only, shows the mismatch naming the PDF page, and so does its hover',
    id: 'sources',
    async fn(page) {
      const { draft, report } = await makeSources();
      writeWs(SOURCE_REPORT, report);
      writeWs(SOURCE_DRAFT, draft);
      const lap = lapTimer();
      // The Explorer's menu on the .docx: Open Word or PDF Document as Text.
      const row = page.locator('.explorer-folders-view').getByRole('treeitem', { name: SOURCE_DRAFT, exact: true });
      await waitForExplorerRow(page, row, SOURCE_DRAFT);
      const item = page.locator('.monaco-menu .action-item', { hasText: 'Open Word or PDF Document as Text' }).first();
      const viewActive = async () => {
        const tab = page.locator('.tabs-container .tab.active');
        return (await tab.count()) > 0 && (await tab.first().getAttribute('aria-label'))?.includes(SOURCE_DRAFT);
      };
      // (A click on a menu that has just opened was seen to be lost in the full suite, the menu left
      // open with the item highlighted: the menu is opened again, and Enter taken too.)
      for (let attempt = 1; ; attempt++) {
        if (!(await item.isVisible())) await row.click({ button: 'right' });
        await waitFor('the Explorer menu item "Open Word or PDF Document as Text"', () => item.isVisible(), { timeout: 10_000 });
        await item.hover();
        await item.click();
        const opened = await waitFor(`editor tab ${SOURCE_DRAFT} active`, viewActive, { timeout: 8_000 }).then(() => true, () => false);
        if (opened) break;
        if (await item.isVisible()) await page.keyboard.press('Enter');
        if (await waitFor(`editor tab ${SOURCE_DRAFT} active`, viewActive, { timeout: 4_000 }).then(() => true, () => false)) break;
        if (attempt === 3) {
          // (No menu left open over the next cases.)
          await page.keyboard.press('Escape');
          throw new Error(`the Explorer menu's "Open Word or PDF Document as Text" opened no view of ${SOURCE_DRAFT} in 3 attempts`);
        }
        log(`  (the menu's click opened nothing: attempt ${attempt + 1})`);
        await page.keyboard.press('Escape');
      }
      await waitFor('the draft\'s text in the view', async () => (await page.locator('.editor-instance .view-line', { hasText: '城镇新增就业2万人以上' }).count()) > 0, { timeout: 15_000 });
      lap('view opened');
      // Read-only: typing changes nothing.
      await clickInText(page, '各位代表', 0.5);
      await page.keyboard.type('X');
      await page.waitForTimeout(500);
      if ((await page.locator('.editor-instance .view-line', { hasText: 'X' }).count()) > 0) throw new Error('the view took a keystroke: it is not read-only');
      // The mismatch on the draft, naming the PDF page, in the Problems panel.
      const lines = SOURCE_DRAFT_TEXT.split('\n');
      const lineNo = lines.findIndex((l) => l.includes('2万人')) + 1;
      await openProblems(page);
      await filterProblems(page, 'figure.mismatch');
      try {
        const m = await waitFor('the draft\'s figure.mismatch naming the PDF page', async () => {
          const groups = await readProblems(page);
          const g = groups.find((x) => x.file.startsWith(SOURCE_DRAFT));
          const found = g && markersOf(g).filter((x) => x.text.includes('figure.mismatch'));
          return found?.find((x) => x.line === lineNo && /（PDF 第\d+页第\d+行）不一致：此处2万人，彼处1\.8万人/.test(x.text));
        }, { timeout: 20_000 });
        log(`  ${SOURCE_DRAFT}: ${m.text.slice(0, 200)}`);
        lap('mismatch shown');
      } finally {
        await filterProblems(page, '').catch(() => undefined);
      }
      await hidePanel(page);
      // The hover on 2万人 names the PDF page too.
      const rect = await waitFor('"2万人" rendered in the view', () => textRect(page, '2万人'));
      const { text } = await hoverUntil(page, '.monaco-hover naming the PDF page', rect.x + rect.width * 0.3, rect.y + rect.height / 2, (t) => /PDF 第\d+页第\d+行/.test(t) && t.includes('同一指标在工作区中的全部表述'));
      log(`  hover: ${text.slice(0, 240)}…`);
      toDocs(await screenshot(page, 'sources.png'), 'screenshot-sources.png');
      // The hover's link to the PDF opens the PDF's own read-only view, at the statement.
      const link = page.locator('.monaco-hover:not(.hidden) a', { hasText: SOURCE_REPORT }).first();
      await waitFor(`the hover's link to ${SOURCE_REPORT}`, () => link.isVisible(), { timeout: 5_000 });
      await link.click();
      await waitFor(`editor tab ${SOURCE_REPORT} active`, async () => {
        const tab = page.locator('.tabs-container .tab.active');
        return (await tab.count()) > 0 && (await tab.first().getAttribute('aria-label'))?.includes(SOURCE_REPORT);
      }, { timeout: 15_000 });
      await waitFor('the PDF\'s text in its view', async () => (await page.locator('.editor-instance .view-line', { hasText: '城镇新增就业1.8万人以上' }).count()) > 0, { timeout: 15_000 });
      log(`  the link opened ${SOURCE_REPORT} as text`);
      await page.mouse.move(5, 5);
    },
  },
  {
    name: 'status: the {} language status shows the server running (Restart) and the reports indexed with the last analysis (Open Log)',
    id: 'status',
    ui: ['en', 'zh-cn'],
    async fn(page) {
      const T = uiText();
      writeWs(NOTICE, NOTICE_TEXT);
      await openFromExplorer(page, NOTICE);
      await hidePanel(page);
      const want = expectedIndexed();
      const items = await languageStatus(page, `server running; ${want} reports indexed; last analysis ${NOTICE}, 1 finding`, (items) => {
        const main = items.find((i) => T.indexed.test(i.text));
        const last = main && T.last.exec(main.text);
        return items.some((i) => T.running.test(i.text)) && main && Number(T.indexed.exec(main.text)[1]) === want && last && last[1] === NOTICE && last[3] === '1';
      }, { timeout: 60_000 });
      log(`  status: ${describeStatus(items)}`);
      const server = items.find((i) => T.running.test(i.text));
      const main = items.find((i) => T.indexed.test(i.text));
      if (!server.links.includes(T.restart)) throw new Error(`the server item has no "${T.restart}" link: ${describeStatus([server])}`);
      if (!main.links.includes(T.openLog)) throw new Error(`the status item has no "${T.openLog}" link: ${describeStatus([main])}`);
      for (const i of [server, main]) if (i.severity !== 'sev1') throw new Error(`"${i.text}" has severity ${i.severity}, not information (sev1)`);
      // The same texts reach screen readers through the status bar entry.
      const aria = await page.locator('#status\\.languageStatus').getAttribute('aria-label');
      if (!aria.includes(main.text.split(/\s+[–-]\s+/)[0].trim())) log(`  note: the {} entry's aria-label does not repeat "${main.text}": ${aria}`);
      // The screenshot in a smaller window, so that the items are legible at the README's width.
      await closeLanguageStatus(page);
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 1100, height: 520 });
      try {
        await languageStatus(page, 'the items again, in a smaller window', (items) => items.some((i) => T.indexed.test(i.text)));
        await page.mouse.move(5, 5);
        toDocs(await screenshot(page, 'status.png'), currentUi === 'en' ? 'screenshot-status.png' : null);
        await closeLanguageStatus(page);
      } finally {
        await page.setViewportSize(viewport);
      }
    },
  },
  {
    name: `status-large: a report above ${HEAVY_LIMIT.toLocaleString('en')} characters (~6 MB) says "large document, some checks off"; the light checks still run`,
    id: 'status-large',
    async fn(page) {
      const T = uiText();
      const para = '各地区各部门要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，持续改善民生福祉，切实维护社会稳定，推进各项工作取得新成效。\n\n';
      let text = '关于大文档检查的测试报告\n\n各单位要落实十五”规划部署。\n\n';
      text += para.repeat(Math.ceil((HEAVY_LIMIT + 50_000 - text.length) / para.length));
      writeWs(BIG, text);
      log(`  ${BIG}: ${text.length} characters, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`);
      const t0 = Date.now();
      try {
        await openFromExplorer(page, BIG);
        // (The core writes the sizes with thousands separators: "2,050,060 characters > 2,000,000".)
        const sizes = `${text.length.toLocaleString('en-US')} characters > ${HEAVY_LIMIT.toLocaleString('en-US')}`;
        const items = await languageStatus(page, `"large document" (warning) with "${sizes}"`, (items) =>
          items.some((i) => T.large.test(i.text) && i.severity === 'sev2' && i.text.includes(sizes)),
        { timeout: 90_000 });
        log(`  ${((Date.now() - t0) / 1000).toFixed(1)}s after opening: ${describeStatus(items)}`);
        // The heavy checks are left out (no figures read) but quote pairing still runs.
        const analysed = new RegExp(`analysed \\S*/${BIG} v\\d+: (\\d+) findings?, (\\d+) figures`).exec(wengaoLog());
        if (!analysed) throw new Error(`the Wengao log has no "analysed …/${BIG}" line`);
        log(`  log: ${analysed[0]}`);
        if (analysed[2] !== '0') throw new Error(`${BIG}: ${analysed[2]} figures read above the heavy limit`);
        await openProblems(page);
        const markers = await waitFor(`quote.unopened under ${BIG} in the Problems panel`, async () => {
          const m = wengaoMarkers(problemGroup(await readProblems(page), BIG, '.'));
          return m.some((x) => x.code === 'quote.unopened' && x.line === 3) && m;
        }, { timeout: 30_000 });
        log(`  ${BIG} in Problems: ${describeCodes(markers)}`);
        await collapseOtherProblemGroups(page, [BIG]);
        await languageStatus(page, 'large document, for the screenshot', (items) => items.some((i) => T.large.test(i.text)));
        await page.mouse.move(5, 5);
        await screenshot(page, 'status-large.png');
        await closeLanguageStatus(page);
      } finally {
        // Closed and deleted: the warning goes with it, and the index forgets the file.
        const tab = editorTab(page, BIG).first();
        if (await tab.count()) {
          await tab.hover();
          await tab.locator('.tab-actions .action-label').first().click();
          await waitFor(`${BIG} tab closed`, async () => (await editorTab(page, BIG).count()) === 0, { timeout: 15_000 });
        }
        fs.rmSync(path.join(WS, BIG), { force: true });
      }
      writeWs(NOTICE, NOTICE_TEXT);
      await openFromExplorer(page, NOTICE);
      const want = expectedIndexed();
      const after = await languageStatus(page, `no "large document" once ${BIG} is closed and deleted; ${want} reports indexed`, (items) =>
        !items.some((i) => T.large.test(i.text)) && items.some((i) => T.indexed.test(i.text) && Number(T.indexed.exec(i.text)[1]) === want),
      );
      log(`  after closing and deleting ${BIG}: ${describeStatus(after)}`);
      await closeLanguageStatus(page);
    },
  },
  {
    name: 'status-error: a report file the index cannot read turns the status red ("1 error", naming it); deleting the file clears it',
    id: 'status-error',
    async fn(page) {
      const T = uiText();
      writeWs(NOTICE, NOTICE_TEXT);
      await openFromExplorer(page, NOTICE);
      await hidePanel(page);
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256; // NULs and control bytes: binary
      writeWs(BROKEN, bytes);
      try {
        const items = await languageStatus(page, `"1 error" (error) naming ${BROKEN}`, (items) => items.some((i) => T.oneError.test(i.text) && i.severity === 'sev3' && i.text.includes(BROKEN)), { timeout: 30_000 });
        log(`  with ${BROKEN}: ${describeStatus(items)}`);
        await page.mouse.move(5, 5);
        await screenshot(page, 'status-error.png');
        await closeLanguageStatus(page);
      } finally {
        fs.rmSync(path.join(WS, BROKEN), { force: true });
      }
      const want = expectedIndexed();
      const after = await languageStatus(page, `no error once ${BROKEN} is deleted; ${want} reports indexed`, (items) =>
        !items.some((i) => i.severity === 'sev3') && items.some((i) => T.indexed.test(i.text) && Number(T.indexed.exec(i.text)[1]) === want),
      { timeout: 20_000 });
      log(`  after deleting ${BROKEN}: ${describeStatus(after)}`);
      await closeLanguageStatus(page);
    },
  },
  {
    name: 'suppress-md: <!-- wengao-disable-next-line quote.unopened --> silences the line below it; its unsuppressed twin is listed',
    id: 'suppress-md',
    async fn(page) {
      writeWs(SUPPRESS_MD, SUPPRESS_TEXT);
      const lines = SUPPRESS_TEXT.split('\n');
      const listed = lines.indexOf(SUPPRESS_LINE) + 1;
      const silenced = lines.lastIndexOf(SUPPRESS_LINE) + 1;
      const col = SUPPRESS_LINE.indexOf('”') + 1;
      await openFromExplorer(page, SUPPRESS_MD);
      await openProblems(page);
      const markers = await waitFor(`quote.unopened under ${SUPPRESS_MD} at ${listed}:${col}`, async () => {
        const m = wengaoMarkers(problemGroup(await readProblems(page), SUPPRESS_MD, '.'));
        return m.some((x) => x.code === 'quote.unopened' && x.line === listed && x.col === col) && m;
      }, { timeout: 30_000 });
      log(`  ${SUPPRESS_MD}: ${describeCodes(markers)}`);
      if (markers.some((x) => x.line === silenced)) throw new Error(`line ${silenced} (below the wengao-disable-next-line comment) is listed: ${describeCodes(markers)}`);
      if (markers.length !== 1) throw new Error(`${SUPPRESS_MD} has ${markers.length} wengao entries, expected only quote.unopened on line ${listed}: ${describeCodes(markers)}`);
      // The editor: a squiggle on the listed line's ”, none on the silenced one.
      const squiggles = await waitFor('one error squiggle in the editor', async () => {
        const boxes = await page.locator('.editor-instance .view-overlays .squiggly-error').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
        return boxes.length ? boxes : false;
      });
      const rects = [await charRect(page, SUPPRESS_LINE, '”')];
      log(`  error squiggles at y=${squiggles.map(Math.round).join(', ')}; the first ” at y=${Math.round(rects[0]?.y ?? -1)}`);
      if (squiggles.length !== 1) throw new Error(`${squiggles.length} error squiggles in ${SUPPRESS_MD}, expected 1`);
      await collapseOtherProblemGroups(page, [SUPPRESS_MD]);
      await page.mouse.move(5, 5);
      await screenshot(page, 'suppress-md.png');
    },
  },
  {
    name: 'suppress-ignore: the quick fix 忽略此问题（quote.unopened）：写入 .wengaoignore writes the entry; the finding stays gone while another paragraph is edited',
    id: 'suppress-ignore',
    async fn(page) {
      const ignoreFile = path.join(WS, '.wengaoignore');
      fs.rmSync(ignoreFile, { force: true });
      writeWs(IGNORE_TXT, IGNORE_TEXT);
      const line = IGNORE_TEXT.split('\n').indexOf(IGNORE_LINE) + 1;
      const col = IGNORE_LINE.indexOf('”') + 1;
      const FIX = '忽略此问题（quote.unopened）：写入 .wengaoignore';
      await openFromExplorer(page, IGNORE_TXT);
      await openProblems(page);
      await waitFor(`quote.unopened under ${IGNORE_TXT} at ${line}:${col}`, async () =>
        wengaoMarkers(problemGroup(await readProblems(page), IGNORE_TXT, '.')).some((x) => x.code === 'quote.unopened' && x.line === line && x.col === col),
      { timeout: 30_000 });
      await collapseOtherProblemGroups(page, [IGNORE_TXT]);
      const { row, offered } = await openQuickFix(page, '十五”规划', '”', '写入 .wengaoignore');
      log(`  quick fixes offered: ${offered.join(' | ')}`);
      if (!offered.some((t) => t.includes(FIX))) throw new Error(`"${FIX}" is not offered: ${offered.join(' | ')}`);
      toDocs(await screenshot(page, 'suppress-ignore-menu.png'), 'screenshot-suppress.png');
      await row.click();
      const entry = await waitFor('.wengaoignore written with the entry', () => {
        const text = fs.existsSync(ignoreFile) && fs.readFileSync(ignoreFile, 'utf8');
        return text && new RegExp(`^${IGNORE_TXT.replace('.', '\\.')} quote\\.unopened [0-9a-f]{16}\\b.*$`, 'm').exec(text)?.[0];
      }, { timeout: 15_000 });
      log(`  .wengaoignore: ${entry}`);
      await waitFor('.wengaoignore in the Explorer', () => page.locator('.explorer-folders-view').getByRole('treeitem', { name: '.wengaoignore', exact: true }).isVisible(), { timeout: 15_000 });
      await waitFor(`the quote.unopened entry of ${IGNORE_TXT} gone from the Problems panel`, async () =>
        !wengaoMarkers(problemGroup(await readProblems(page), IGNORE_TXT, '.')).some((x) => x.code === 'quote.unopened'),
      { timeout: 15_000 });
      // Another paragraph is edited (unsaved): a new paragraph above the finding, with a
      // defect of its own. The finding moves two lines down and stays ignored.
      await page.locator('.editor-instance .view-line', { hasText: '关于开展安全生产检查的通知' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('各单位要于月底前报送检查结果（另行通知');
      await waitFor(`${IGNORE_TXT} tab dirty`, async () => (await editorTab(page, IGNORE_TXT).and(page.locator('.dirty')).count()) > 0);
      const after = await waitFor(`bracket.unclosed of the new paragraph on line 3 and no quote.unopened`, async () => {
        const m = wengaoMarkers(problemGroup(await readProblems(page), IGNORE_TXT, '.'));
        if (m.some((x) => x.code === 'quote.unopened')) throw new Error(`the ignored finding is back: ${describeCodes(m)}`);
        return m.some((x) => x.code === 'bracket.unclosed' && x.line === 3) && m;
      }, { timeout: 20_000 });
      log(`  after the edit: ${describeCodes(after)} (the ignored ” is now on line ${line + 2})`);
      await page.mouse.move(5, 5);
      await screenshot(page, 'suppress-ignore.png');
    },
  },
  {
    name: 'config: a .wengaorc.json with figure.target off applies to its folder; a broken one gets config.syntax (Chinese) and its unsaved fix applies',
    id: 'config',
    async fn(page) {
      writeWs(`${CFG_OFF}/.wengaorc.json`, CFG_OFF_RC);
      writeWs(`${CFG_OFF}/plan-off.txt`, CFG_PLAN('本单位'));
      writeWs(`${CFG_BROKEN}/.wengaorc.json`, CFG_BROKEN_RC);
      writeWs(`${CFG_BROKEN}/plan-broken.txt`, CFG_PLAN('各单位'));
      await openInFolder(page, CFG_OFF, 'plan-off.txt');
      await openInFolder(page, CFG_BROKEN, 'plan-broken.txt');
      await openProblems(page);
      const read = async () => {
        const groups = await readProblems(page);
        return {
          off: wengaoMarkers(problemGroup(groups, 'plan-off.txt', CFG_OFF)),
          broken: wengaoMarkers(problemGroup(groups, 'plan-broken.txt', CFG_BROKEN)),
          rc: wengaoMarkers(problemGroup(groups, '.wengaorc.json', CFG_BROKEN)),
          rcOff: wengaoMarkers(problemGroup(groups, '.wengaorc.json', CFG_OFF)),
        };
      };
      const got = await waitFor('plan-off.txt without figure.target, plan-broken.txt with it, config.syntax on cfg-broken/.wengaorc.json', async () => {
        const g = await read();
        const codes = (m) => m.map((x) => x.code);
        const ok =
          codes(g.off).includes('quote.unopened') && !codes(g.off).includes('figure.target') &&
          codes(g.broken).includes('quote.unopened') && codes(g.broken).includes('figure.target') &&
          codes(g.rc).includes('config.syntax') && g.rcOff.length === 0;
        if (!ok) throw new Error(`off: ${describeCodes(g.off)}; broken: ${describeCodes(g.broken)}; broken rc: ${describeCodes(g.rc)}; off rc: ${describeCodes(g.rcOff)}`);
        return g;
      }, { timeout: 30_000 });
      for (const [k, m] of Object.entries(got)) log(`  ${k}: ${describeCodes(m)}`);
      const syntax = got.rc.find((x) => x.code === 'config.syntax');
      log(`  config.syntax: ${syntax.text}`);
      if (!han.test(syntax.text.split(/wengao/i)[0])) throw new Error(`the config.syntax message is not Chinese: ${syntax.text}`);
      await collapseOtherProblemGroups(page, ['plan-off.txt', 'plan-broken.txt', '.wengaorc.json']);
      await page.mouse.move(5, 5);
      await screenshot(page, 'config.png');
      // The broken config fixed in the editor, unsaved: the diagnostic goes and its
      // figure.target: off applies to plan-broken.txt at once.
      await openInFolder(page, CFG_BROKEN, '.wengaorc.json');
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace'); // (text typed over a selection would surround it: autoSurround)
      await page.keyboard.insertText(CFG_OFF_RC); // (as pasted: no auto-closed quotes or braces)
      const shown = CFG_OFF_RC.trim();
      await waitFor(`the editor holds ${shown}`, async () => (await page.locator('.editor-instance .view-line').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ')).join('\n').trim() === shown, { timeout: 10_000 });
      await waitFor('.wengaorc.json tab dirty', async () => (await editorTab(page, '.wengaorc.json').and(page.locator('.dirty')).count()) > 0);
      const fixed = await waitFor('no config.syntax; no figure.target in plan-broken.txt (the unsaved config applies)', async () => {
        const g = await read();
        const ok = g.rc.length === 0 && g.broken.some((x) => x.code === 'quote.unopened') && !g.broken.some((x) => x.code === 'figure.target');
        if (!ok) throw new Error(`broken: ${describeCodes(g.broken)}; broken rc: ${describeCodes(g.rc)}`);
        return g;
      }, { timeout: 20_000 });
      log(`  after the unsaved fix: plan-broken.txt ${describeCodes(fixed.broken)}; .wengaorc.json ${describeCodes(fixed.rc)}`);
      if (fs.readFileSync(path.join(WS, CFG_BROKEN, '.wengaorc.json'), 'utf8') !== CFG_BROKEN_RC) throw new Error('the config was saved; the case meant to keep it unsaved');
      await page.mouse.move(5, 5);
      await screenshot(page, 'config-fixed.png');
    },
  },
  {
    name: `sample: Wengao: Open Sample Report opens ${SAMPLE} read-only, with quote.unclosed, heading.sequence and figure.mismatch twice`,
    id: 'sample',
    async fn(page) {
      await runCommand(page, uiText().openSample);
      await checkSample(page);
      await screenshot(page, 'sample.png');
    },
  },
  {
    name: 'crash: the killed language server is restarted (new pid, diagnostics back), with one notification for two crashes',
    id: 'crash',
    ui: ['en', 'zh-cn'],
    async fn(page) {
      const T = uiText();
      writeWs(NOTICE, NOTICE_TEXT);
      await openFromExplorer(page, NOTICE);
      await openProblems(page);
      const noticeHas = async () => wengaoMarkers(problemGroup(await readProblems(page), NOTICE, '.')).some((x) => x.code === 'quote.unclosed');
      await waitFor(`quote.unclosed under ${NOTICE}`, noticeHas, { timeout: 30_000 });
      const toasts = page.locator('.notifications-toasts .notification-toast', { hasText: T.crashed });
      const kill = async (nth) => {
        const before = serverStarts();
        if (!before.length) throw new Error('no "server started (pid N" line in the Wengao log');
        const pid = before[before.length - 1];
        ourServerProcess(pid);
        const logBefore = wengaoLog().length;
        log(`  crash ${nth}: kill -KILL ${pid} (the server's pid from the Wengao log)`);
        process.kill(pid, 'SIGKILL');
        const next = await waitFor(`a new "server started" line after killing ${pid}`, () => {
          const now = serverStarts();
          return now.length > before.length && now[now.length - 1];
        }, { timeout: 30_000 });
        if (next === pid) throw new Error(`the restarted server has the same pid ${pid}`);
        ourServerProcess(next);
        log(`  restarted: pid ${pid} → ${next}`);
        return { next, logBefore };
      };
      // The new server analyses the open documents again, and their diagnostics come back.
      const diagnosticsBack = async ({ logBefore }) => {
        await waitFor(`"analysed …/${NOTICE}" by the new server`, () => new RegExp(`analysed \\S*/${NOTICE} v\\d+`).test(wengaoLog().slice(logBefore)), { timeout: 30_000 });
        await waitFor(`quote.unclosed under ${NOTICE} after the restart`, noticeHas, { timeout: 30_000 });
      };
      const first = await kill(1);
      // (At once: VS Code hides a toast after some seconds; the notification center keeps it.)
      const toast = await waitFor(`the notification "${T.crashed}"`, async () => (await firstVisible(toasts)) && (await toasts.first().innerText()).replace(/\s+/g, ' '), { timeout: 15_000 });
      log(`  notification: ${toast}`);
      await page.mouse.move(5, 5);
      await screenshot(page, 'crash.png');
      await diagnosticsBack(first);
      const once = await languageStatus(page, 'server running, restarted once after a crash', (items) => items.some((i) => T.running.test(i.text) && T.restartedOnce.test(i.text)));
      log(`  status: ${describeStatus(once)}`);
      await closeLanguageStatus(page);
      await diagnosticsBack(await kill(2));
      const twice = await languageStatus(page, 'server running, restarted 2 times after a crash', (items) => items.some((i) => T.running.test(i.text) && T.restartedTwice.test(i.text)));
      log(`  status: ${describeStatus(twice)}`);
      await closeLanguageStatus(page);
      // Told once: the notification center holds one such notification after two crashes.
      await page.locator('#status\\.notifications').click();
      const center = page.locator('.notifications-center');
      await waitFor('notification center open', () => center.isVisible(), { timeout: 10_000 });
      const entries = await center.locator('.notification-list-item', { hasText: T.crashed }).count();
      log(`  notification center: ${entries} × "${T.crashed}"`);
      await page.keyboard.press('Escape');
      if (entries !== 1) throw new Error(`${entries} crash notifications after two crashes, expected 1`);
      await runCommand(page, 'Notifications: Clear All Notifications', 'Clear All Notifications').catch((err) => log(`  (notifications not cleared: ${err.message.split('\n')[0]})`));
    },
  },
  {
    name: 'zh-palette: the Wengao commands in the palette and the Targets view title are Chinese (package.nls.zh-cn.json)',
    id: 'zh-palette',
    ui: 'zh-cn',
    async fn(page) {
      const pane = explorerPane(page, /^\s*目标\s*$/);
      await waitFor('the Targets view titled 目标', () => pane.locator('.pane-header').isVisible());
      await quickAccess(page, '>Wengao');
      const want = ['Wengao: 重启语言服务器', 'Wengao: 导出目标清单…', 'Wengao: 刷新目标', 'Wengao: 显示日志', 'Wengao: 打开示例报告'];
      const rows = await waitFor(`palette rows ${want.join(', ')}`, async () => {
        const r = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
        return want.every((w) => r.some((x) => x.startsWith(w))) && r;
      }, { timeout: 15_000 });
      for (const r of rows) log(`  palette: ${r}`);
      await screenshot(page, 'zh-palette.png');
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'zh-walkthrough: the walkthrough 开始使用文稿 (Welcome: Open Walkthrough…) in Chinese; its button opens the sample',
    id: 'zh-walkthrough',
    ui: 'zh-cn',
    async fn(page) {
      await runCommand(page, 'Welcome: Open Walkthrough', 'Open Walkthrough');
      await pickQuickItem(page, '开始使用文稿');
      const page_ = page.locator('.gettingStartedContainer');
      const steps = ['打开示例报告', '在问题面板中查看检查结果', '悬停查看数字', '查看目标清单', '按大纲浏览'];
      const text = await waitFor(`the walkthrough page with ${steps.join(', ')}`, async () => {
        const t = (await page_.isVisible()) && (await page_.innerText());
        return t && t.includes('开始使用文稿') && steps.every((s) => t.includes(s)) && t;
      }, { timeout: 30_000 });
      log(`  walkthrough: ${text.slice(text.lastIndexOf('开始使用文稿')).replace(/\s+/g, ' ').slice(0, 300)}`);
      // The step's media (media/walkthrough/open-sample.md, Chinese then English) renders beside it.
      await waitFor('the step media (示例报告 · The sample report)', async () => {
        for (const f of page.frames()) if (await f.locator('text=示例报告 · The sample report').count().catch(() => 0)) return true;
        return (await page_.innerText()).includes('示例报告 · The sample report');
      }, { timeout: 20_000 }).catch((err) => log(`  note: ${err.message.split('\n')[0]}`));
      await page.mouse.move(5, 5);
      toDocs(await screenshot(page, 'zh-walkthrough.png'), 'screenshot-zh-ui.png');
      await page_.locator('.button-link, a', { hasText: /^打开示例报告$/ }).filter({ visible: true }).first().click();
      await checkSample(page);
      await screenshot(page, 'zh-sample.png');
    },
  },
  {
    name: 'restricted: in Restricted Mode a report (Wengao Report language) is checked, wrapped and not boxed, where plain text is boxed',
    id: 'restricted',
    ui: 'restricted',
    async fn(page) {
      await waitFor('"Restricted Mode" in the status bar', () => firstVisible(page.locator('.statusbar-item', { hasText: /Restricted Mode/ })), { timeout: 30_000 });
      // One long paragraph (wider than the editor) with an unclosed quote; the same text as plain
      // .txt is the control: VS Code boxes its Chinese (editor.unicodeHighlight in an untrusted
      // workspace), which the Wengao Report language's defaults turn off.
      const para = `各单位要认真落实“安全第一的方针，${'压实安全生产责任，加强值班值守，确保信息畅通，'.repeat(12)}切实维护人民群众生命财产安全。`;
      const text = `关于做好春节期间安全工作的通知\n\n${para}\n`;
      writeWs(RESTRICTED_REPORT, text);
      writeWs(RESTRICTED_PLAIN, text);
      const boxes = () => page.locator('.editor-instance .unicode-highlight').count();
      const viewLines = () => page.locator('.editor-instance .view-lines .view-line').count();
      await openFromExplorer(page, RESTRICTED_PLAIN);
      const plainBoxes = await waitFor('the plain text boxed in Restricted Mode (the control)', async () => (await boxes()) || false, { timeout: 20_000 });
      log(`  ${RESTRICTED_PLAIN}: ${plainBoxes} unicode highlights, ${await viewLines()} view lines`);
      await openFromExplorer(page, RESTRICTED_REPORT);
      await openProblems(page);
      await waitFor(`quote.unclosed under ${RESTRICTED_REPORT} in Restricted Mode`, async () => wengaoMarkers(problemGroup(await readProblems(page), RESTRICTED_REPORT, '.')).some((x) => x.code === 'quote.unclosed'), { timeout: 60_000 });
      await page.locator('.tabs-container .tab.active').first().click();
      // Three lines in the file, more on screen: the long paragraph wraps.
      const lines = await waitFor('the report wrapped (more view lines than its 3 lines)', async () => { const n = await viewLines(); return n > 3 ? n : false; }, { timeout: 15_000 });
      const reportBoxes = await boxes();
      log(`  ${RESTRICTED_REPORT}: ${reportBoxes} unicode highlights, ${lines} view lines for 3 lines`);
      if (reportBoxes !== 0) throw new Error(`${reportBoxes} characters of the report boxed in Restricted Mode, expected none`);
      await page.mouse.move(5, 5);
      toDocs(await screenshot(page, 'restricted-mode.png'), 'screenshot-restricted-mode.png');
    },
  },
  {
    name: 'trust: in Restricted Mode a .wengaorc.json in the workspace is not read; trusting the folder restarts the server, which reads it',
    id: 'trust',
    ui: 'restricted',
    async fn(page) {
      // A config that turns quote.unclosed off, beside a report with an unclosed quote and a
      // half-width comma (punct.half-width: on either way, so that a list without quote.unclosed
      // is a new server's analysis, not the diagnostics cleared while the server restarts).
      writeWs(`${TRUST_DIR}/.wengaorc.json`, '{ "checks": { "quote.unclosed": "off" } }\n');
      writeWs(`${TRUST_DIR}/${TRUST_REPORT}`, '关于做好安全工作的通知\n\n各单位要认真落实“安全第一的方针,加强值班值守。\n');
      await openInFolder(page, TRUST_DIR, TRUST_REPORT);
      await openProblems(page);
      const codes = async () => wengaoMarkers(problemGroup(await readProblems(page), TRUST_REPORT, TRUST_DIR)).map((m) => m.code);
      const untrusted = await waitFor('quote.unclosed and punct.half-width in Restricted Mode, the config not read', async () => {
        const c = await codes();
        return c.includes('quote.unclosed') && c.includes('punct.half-width') ? c : false;
      }, { timeout: 60_000 });
      log(`  in Restricted Mode: ${untrusted.join(', ')}`);
      const starts = serverStarts();
      if (!starts.length || !/untrusted workspace/.test(wengaoLog())) throw new Error('the server was not started as untrusted');
      await runCommand(page, 'Workspaces: Manage Workspace Trust');
      const button = await waitFor('the Trust button of the Workspace Trust editor', () => firstVisible(page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ })), { timeout: 20_000 });
      await button.click();
      await waitFor('"Restricted Mode" gone from the status bar', async () => (await page.locator('.statusbar-item', { hasText: /Restricted Mode/ }).filter({ visible: true }).count()) === 0, { timeout: 20_000 });
      const after = await waitFor('a new server started, trusted', () => {
        const now = serverStarts();
        if (now.length <= starts.length) return false;
        const last = [...wengaoLog().matchAll(/server started \(pid \d+,[^\n]*/g)].at(-1)?.[0] ?? '';
        return /untrusted workspace/.test(last) ? false : now;
      }, { timeout: 60_000 });
      log(`  servers started: ${starts.join(', ')} then ${after.slice(starts.length).join(', ')}`);
      const trusted = await waitFor('punct.half-width without quote.unclosed: the config read once trusted', async () => {
        const c = await codes();
        return c.includes('punct.half-width') && !c.includes('quote.unclosed') ? c : false;
      }, { timeout: 60_000 });
      log(`  trusted: ${trusted.join(', ')}`);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Failure diagnostics

function dumpLogs() {
  const files = walk(path.join(DATA_DIR, 'logs'));
  const exthost = files.filter((f) => /exthost/.test(f) && f.endsWith('remoteexthost.log'));
  for (const f of exthost) {
    console.log(`\n----- tail of ${f} -----\n${tail(f, 60)}`);
  }
  const wengao = files.filter((f) => /exthost/.test(f) && /wengao|文稿/i.test(path.basename(f)));
  for (const f of wengao) {
    console.log(`\n----- tail of ${f} -----\n${tail(f, 80)}`);
  }
  if (!exthost.length && !wengao.length) console.log(`(no extension host logs under ${path.join(DATA_DIR, 'logs')})`);
  console.log(`\n----- tail of ${SERVER_LOG} -----\n${tail(SERVER_LOG, 30)}`);
}

// ---------------------------------------------------------------------------------------------
// Main

/** The display languages a case runs in by default: its `ui` ('en' unless it says otherwise). */
function uisOf(t) {
  return [t.ui ?? 'en'].flat();
}

/**
 * A phase: one code-server start in one display language, with a fresh workspace and user
 * data; the zh-cn phase installs the test-only language pack first (see the header).
 */
async function startPhase(cs, ui, { chromium }) {
  usePhase(ui);
  for (const k of Object.keys(state)) delete state[k];
  prepareWorkspace();
  const port = await startCodeServer(cs, ui === 'zh-cn' ? { locale: ui } : {});
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`;
  log(`opening ${url}`);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await waitFor('Explorer shows the workspace', () => page.getByRole('treeitem', { name: SEED_QUOTES, exact: true }).isVisible(), { timeout: 60_000 });
    if (ui === 'zh-cn') await installLanguagePack(page, ui);
  } catch (err) {
    await screenshot(page, `failure-setup-${ui}.png`).catch(() => {});
    await context.close().catch(() => {});
    throw err;
  }
  log(`workbench loaded (${ui})`);
  return { context, page };
}

async function main() {
  const unknown = ONLY.filter((id) => !tests.some((t) => t.id === id));
  if (unknown.length) {
    console.error(`unknown test id(s): ${unknown.join(', ')}; known: ${tests.map((t) => t.id).join(', ')}`);
    fs.rmSync(TMP, { recursive: true, force: true });
    return 2;
  }
  if (UI && !['en', 'zh-cn', 'restricted'].includes(UI)) {
    console.error(`--ui=${UI}: only en, zh-cn and restricted`);
    fs.rmSync(TMP, { recursive: true, force: true });
    return 2;
  }
  const selected = ONLY.length ? tests.filter((t) => ONLY.includes(t.id)) : tests;
  // --ui=X: every selected case in X; otherwise each case in its own display language(s).
  const phases = (UI ? [UI] : ['en', 'zh-cn', 'restricted'])
    .map((ui) => ({ ui, cases: UI ? selected : selected.filter((t) => uisOf(t).includes(ui)) }))
    .filter((p) => p.cases.length);
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const results = [];
  progress.total = phases.reduce((n, p) => n + p.cases.length, 0);
  let setupError;
  let cs;
  let chromium;
  try {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set WENGAO_E2E_CHROMIUM)`);
    cs = await installCodeServer();
    await packageExtension();
    if (phases.some((p) => p.ui === 'zh-cn')) await packageLanguagePack();
    ({ chromium } = await import('playwright-core'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: { ...process.env, TMPDIR: CHILD_TMP },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    setupError = err;
    console.error(`[e2e] setup failed: ${err.stack || err}`);
  }

  for (const phase of phases) {
    const tag = phase.ui === 'en' ? '' : `[${phase.ui}] `;
    let page;
    let context;
    let phaseError = setupError;
    if (!phaseError) {
      try {
        currentPhase = phase.ui;
        currentUi = phase.ui === 'zh-cn' ? 'zh-cn' : 'en';
        ({ context, page } = await startPhase(cs, phase.ui, { chromium }));
      } catch (err) {
        phaseError = err;
        console.error(`[e2e] setup of the ${phase.ui} phase failed: ${err.stack || err}`);
      }
    }
    let failedHere = 0;
    for (const t of phase.cases) {
      const name = `${tag}${t.name}`;
      if (phaseError) {
        results.push({ name, ok: false, err: new Error(`not run: setup failed (${String(phaseError.message || phaseError).split('\n')[0]})`) });
        continue;
      }
      const t0 = Date.now();
      log(`TEST ${name}`);
      try {
        await t.fn(page);
        results.push({ name, ok: true });
        progress.passed++;
        log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      } catch (err) {
        results.push({ name, ok: false, err });
        failedHere++;
        log(`FAIL ${name}: ${err.message}`);
        try {
          await screenshot(page, `failure-${t.id}${tag ? `-${phase.ui}` : ''}.png`);
        } catch (e) {
          log(`(no failure screenshot: ${e.message})`);
        }
      }
    }
    if ((failedHere || phaseError) && DATA_DIR) dumpLogs();
    await context?.close().catch(() => {});
    await stopServer();
  }

  const failed = results.filter((r) => !r.ok);
  await browser?.close().catch(() => {});
  await stopServer();

  console.log('\nE2E results:');
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.ok ? '' : ` -- ${r.err.message.split('\n')[0]}`}`);
  if (failed.length || setupError || KEEP) log(`temporary folder kept: ${TMP}`);
  else fs.rmSync(TMP, { recursive: true, force: true });
  const passed = results.length - failed.length;
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length || setupError ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(err);
    await stopServer().catch(() => {});
    abortSummary();
    process.exit(1);
  },
);
