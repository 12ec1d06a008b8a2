#!/usr/bin/env node
// End-to-end test of the packaged extension in a real VS Code: code-server (the VS Code
// workbench + Node extension host, installed from npm by install-code-server.sh) driven by
// Debian's Chromium through playwright-core. See docs in /work/shared/docs/real-vscode-e2e.md.
//
//   node test/e2e/run.mjs [--update-docs] [--keep] [--only=<name,...>]
//
//   --update-docs   also copy the Problems screenshot to docs/screenshot-problems.png
//   --keep          keep the temporary folder (workspace, user data, logs) even on success
//   --only=id,...   run only these test cases (ids: problems, outline, hover, english)
//
// Environment:
//   WENGAO_E2E_CACHE        cache root for code-server (default ~/.cache/wengao-e2e)
//   WENGAO_E2E_CHROMIUM     Chromium executable (default /usr/bin/chromium)
//   WENGAO_E2E_DEADLINE_MIN overall deadline in minutes (default 40; a cold code-server install
//                           compiles native modules and takes several minutes of it)
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

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const argv = process.argv.slice(2);
const UPDATE_DOCS = argv.includes('--update-docs');
const KEEP = argv.includes('--keep');
const ONLY = (argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '')
  .split(',')
  .filter(Boolean);
const CHROMIUM = process.env.WENGAO_E2E_CHROMIUM || '/usr/bin/chromium';
const DEADLINE_MS = Number(process.env.WENGAO_E2E_DEADLINE_MIN || 40) * 60_000;
const STARTED = Date.now();

// Names of files the tests use.
const SEED_QUOTES = '000_d4031d3451319d89.txt';
const SEED_OUTLINE = '002_823a23dd25e68816.txt';
const EN_MD = 'README-en.md';
const ZH_MD = 'zh-control.md';

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
const EXT_DIR = path.join(TMP, 'extensions');
const DATA_DIR = path.join(TMP, 'user-data');
const WS = path.join(TMP, 'workspace');
const VSIX = path.join(TMP, 'wengao.vsix');
const SERVER_LOG = path.join(TMP, 'code-server.log');
// TMPDIR for code-server and Chromium: their IPC sockets and profile folders go away with TMP.
const CHILD_TMP = path.join(TMP, 'tmp');
fs.mkdirSync(CHILD_TMP);

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
        'security.workspace.trust.enabled': false,
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
}

async function startCodeServer(cs) {
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
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    WS,
  ];
  log(`starting code-server on 127.0.0.1:${port} (log: ${SERVER_LOG})`);
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
  await waitFor(`Explorer row ${name}`, () => row.isVisible(), { timeout: 30_000 });
  await row.click();
  await waitFor(`editor tab ${name} active`, async () => {
    const tab = page.locator('.tabs-container .tab.active');
    return (await tab.count()) > 0 && (await tab.first().getAttribute('aria-label'))?.includes(name);
  });
  // The editor has rendered text.
  await waitFor(`editor text of ${name}`, async () => (await page.locator('.editor-instance .view-line').count()) > 0);
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
 * virtualised, so it is scrolled from top to bottom and rows are collected by index; resource
 * rows are the top level (aria-level 1), markers and their related information below them.
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
  if (box && total > box.height + 2) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100_000);
    let lastSize = -1;
    for (let i = 0; i < 200 && seen.size !== lastSize; i++) {
      lastSize = seen.size;
      await new Promise((r) => setTimeout(r, 50));
      for (const r of await rowsOf()) seen.set(r.index, r);
      await page.mouse.wheel(0, box.height * 0.6);
      await new Promise((r) => setTimeout(r, 50));
      for (const r of await rowsOf()) seen.set(r.index, r);
    }
    await page.mouse.wheel(0, -100_000);
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

async function screenshot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
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
      const file = await screenshot(page, 'problems.png');
      if (UPDATE_DOCS) {
        fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
        fs.copyFileSync(file, path.join(ROOT, 'docs', 'screenshot-problems.png'));
        log('copied to docs/screenshot-problems.png');
      }
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
      const squiggle = await waitFor('error squiggle in view', () => firstVisible(page.locator('.editor-instance .view-overlays .squiggly-error')));
      const box = await squiggle.boundingBox();
      // Message text as shown by the Problems row (without the source/code and position suffix).
      const hover = page.locator('.monaco-hover:not(.hidden)');
      const text = await waitFor(
        '.monaco-hover with the Chinese message',
        async () => {
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

async function main() {
  const unknown = ONLY.filter((id) => !tests.some((t) => t.id === id));
  if (unknown.length) {
    console.error(`unknown test id(s): ${unknown.join(', ')}; known: ${tests.map((t) => t.id).join(', ')}`);
    fs.rmSync(TMP, { recursive: true, force: true });
    return 2;
  }
  const selected = ONLY.length ? tests.filter((t) => ONLY.includes(t.id)) : tests;
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const results = [];
  progress.total = selected.length;
  let page;
  let setupError;
  try {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set WENGAO_E2E_CHROMIUM)`);
    const cs = await installCodeServer();
    await packageExtension();
    prepareWorkspace();
    const port = await startCodeServer(cs);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: { ...process.env, TMPDIR: CHILD_TMP },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`;
    log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await waitFor('Explorer shows the workspace', () => page.getByRole('treeitem', { name: SEED_QUOTES, exact: true }).isVisible(), { timeout: 60_000 });
    log('workbench loaded');
  } catch (err) {
    setupError = err;
    console.error(`[e2e] setup failed: ${err.stack || err}`);
  }

  for (const t of selected) {
    if (setupError) {
      results.push({ t, ok: false, err: new Error('not run: setup failed') });
      continue;
    }
    const t0 = Date.now();
    log(`TEST ${t.name}`);
    try {
      await t.fn(page);
      results.push({ t, ok: true });
      progress.passed++;
      log(`PASS ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    } catch (err) {
      results.push({ t, ok: false, err });
      log(`FAIL ${t.name}: ${err.message}`);
      try {
        await screenshot(page, `failure-${t.id}.png`);
      } catch (e) {
        log(`(no failure screenshot: ${e.message})`);
      }
    }
  }

  const failed = results.filter((r) => !r.ok);
  if (setupError && page) {
    await screenshot(page, 'failure-setup.png').catch(() => {});
  }
  if (failed.length) dumpLogs();

  await browser?.close().catch(() => {});
  await stopServer();

  console.log('\nE2E results:');
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.t.name}${r.ok ? '' : ` -- ${r.err.message.split('\n')[0]}`}`);
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
