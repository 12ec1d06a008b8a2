// A second LSP client in CI (issue 12): Neovim's built-in client (Debian's neovim) drives the
// built server headless through test/nvim/client.lua on a brief full of characters beyond the
// BMP: diagnostics, hover, symbols, 200 incremental edits, a quick fix. Every message must decode
// (Neovim rejects a whole message with a lone surrogate), and the diagnostics after the edits
// must be what the CLI finds in the final text, at the same columns. Twice: with UTF-16 columns and
// with UTF-8 ones (positionEncoding). Run: node test/nvim/run.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const server = process.env.WENGAO_SERVER_JS ?? join(root, 'dist', 'server.js');
const cli = join(root, 'dist', 'cli.js');
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (nvim.status !== 0) {
  console.error('test/nvim: nvim is missing (Debian package neovim; test/e2e/install-deb.sh installs it)');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'wengao-nvim-'));
const ws = join(work, 'ws');
spawnSync('mkdir', ['-p', ws]);
writeFileSync(join(ws, 'report.txt'), '2026年宁安市政府工作报告\n\n二、2026年主要任务\n\n实施城市更新行动，改造老旧小区300个，新建城市公园20个。\n');
writeFileSync(
  join(ws, 'brief.txt'),
  '𠮷城日报讯　宁安市2026年政府工作报告解读\n\n' +
    '报告提出，2026年宁安市将改造老旧小区350个，新建城市公园20个。\n\n' +
    '𡈼𡈼社区居民说：“今年的变化看得见。\n\n' +
    '各单位要推进“百日攻坚行动，确保𠮷𠮷项目按期完工。\n',
);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  if (!ok) failures.push(what);
};
// Once as most clients talk (UTF-16 columns), once as Neovim 0.10 and later do (UTF-8 offered first).
for (const encoding of ['utf-16', 'utf-8']) {
console.log(`-- positionEncoding ${encoding}`);
const out = join(work, `out-${encoding}.json`);
const t0 = Date.now();
const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(root, 'test', 'nvim', 'client.lua')}`], {
  env: { ...process.env, WENGAO_SERVER: server, WENGAO_WS: ws, WENGAO_OUT: out, WENGAO_EDITS: '200', WENGAO_SEED: '7', WENGAO_ENCODING: encoding },
  encoding: 'utf8',
  timeout: 180_000,
});
console.log(`nvim ${nvim.stdout.split('\n')[0]}: ${Date.now() - t0} ms, exit ${r.status}${r.error ? ` (${r.error.message})` : ''}`);
let res;
try {
  res = JSON.parse(readFileSync(out, 'utf8'));
} catch (e) {
  console.error(`no results from nvim: ${e.message}\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}
check(res.server_encoding === encoding, `the server agreed on ${encoding} (${res.server_encoding})`);
check(!res.crash, `the client script ran to the end${res.crash ? `: ${res.crash}` : ''}`);
check(res.errors.length === 0, `no message the client could not take (${res.errors.length}${res.errors.length ? `: ${res.errors[0]}` : ''})`);
const has = (list, code) => (list ?? []).some((c) => c.endsWith(`:${code}`));

check(has(res.first, 'quote.unclosed') && has(res.first, 'figure.mismatch'), `diagnostics of the brief: quote.unclosed and figure.mismatch against the report on disk (${(res.first ?? []).join(' ')})`);
check(/老旧小区/.test(res.hover ?? ''), 'hover on 350个 shows what the workspace says of 老旧小区');
check(res.symbols >= 1, `document symbols: ${res.symbols}`);
// The diagnostics after 200 edits are the CLI's for the final text (with the report beside it).
const finalText = readFileSync(`${out}.final.txt`, 'utf8');
const cliDir = join(work, `cli-${encoding}`);
spawnSync('mkdir', ['-p', cliDir]);
writeFileSync(join(cliDir, 'report.txt'), readFileSync(join(ws, 'report.txt')));
writeFileSync(join(cliDir, 'brief.txt'), finalText);
const c = spawnSync(process.execPath, [cli, 'check', join(cliDir, 'brief.txt'), join(cliDir, 'report.txt'), '--format', 'json', '--min-severity', 'hint'], { encoding: 'utf8' });
const brief = JSON.parse(c.stdout).files.find((f) => f.path.endsWith('brief.txt'));
// (Neovim keeps a diagnostic's column in bytes once it has read the server's units; the CLI
// gives UTF-16 columns: the same place either way, or the server and the client disagreed.)
const finalLines = finalText.split('\n');
const byteColumn = (line, character) => Buffer.byteLength(finalLines[line].slice(0, character));
const want = brief.diagnostics.map((d) => `${d.range.start.line}:${byteColumn(d.range.start.line, d.range.start.character)}:${d.code}`).sort();
check(JSON.stringify(res.final) === JSON.stringify(want), `after 200 edits the published diagnostics are the CLI's for the final text, at the same columns (${(res.final ?? []).length} vs ${want.length}${JSON.stringify(res.final) === JSON.stringify(want) ? '' : `: ${JSON.stringify(res.final)} vs ${JSON.stringify(want)}`})`);
check(res.actions >= 1 && !!res.applied, `a quick fix offered and applied (${res.actions} actions; applied: ${res.applied ?? 'none'})`);
check(/300个/.test(res.text_after_fix ?? ''), 'the fix took the report\'s 300个');
}
rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.error(`${failures.length} failed`);
  process.exit(1);
}
console.log('all passed');
