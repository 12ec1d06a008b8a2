// Adversarial inputs through the built CLI (issue 11): time and peak memory grow with the input,
// not with its square, and hostile project files cost nothing; and (issue 16) hostile .docx and
// .pdf files are refused or read in bounded time and memory. Run: node bench/hostile.mjs
// Prints a markdown table; each row is the median of 3 runs on this machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { buildReport } from './inputs.mjs';
import { sourceHelpers } from '../test/helpers/sourceHelpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'wengao-hostile-'));

/** One run: wall time (ms) and peak resident memory (MB), via GNU time when present, else wall time only. */
function run(args) {
  const t = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Date.now() - t;
  const kb = Number((r.stderr.trim().split('\n').pop() ?? '').trim());
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : NaN, bytes: r.stdout.length, code: r.status };
}
function median(args) {
  const runs = [run(args), run(args), run(args)].sort((a, b) => a.ms - b.ms);
  return runs[1];
}

const rows = [];
// One indicator stated with a different value on every line: figure.mismatch's worst case.
for (const n of [1000, 4000, 16000]) {
  let s = '2026年宁安市政府工作报告\n\n二、2026年主要任务\n\n';
  for (let i = 0; i < n; i++) s += `改造老旧小区${300 + i}个。\n`;
  const f = join(work, `onekey-${n}.txt`);
  writeFileSync(f, s);
  const r = median(['check', f, '--format', 'json']);
  rows.push([`one indicator × ${n} values, JSON`, r]);
}
// One sentence of many times and figures: each figure's time is chosen among every cue before it.
for (const n of [1000, 2000, 4000]) {
  const f = join(work, `cues-${n}.txt`);
  writeFileSync(f, '全市经济运行情况\n\n' + '今年城镇新增就业45万人以上，'.repeat(n) + '。\n');
  rows.push([`one sentence of ${n} clauses 今年……45万人以上，`, median(['check', f])]);
}
for (const n of [1000, 2000, 4000]) {
  const f = join(work, `base-${n}.txt`);
  writeFileSync(f, '全市经济运行情况\n\n' + '由2020年的100人提高，'.repeat(n) + '。\n');
  rows.push([`one sentence of ${n} clauses 由2020年的100人提高，`, median(['check', f])]);
}
// A folder whose .wengaorc.json holds hostile globs and nesting.
const dir = join(work, 'hostile');
mkdirSync(dir);
writeFileSync(join(dir, 'report.txt'), '2026年工作计划\n\n今年力争新增就业岗位3万个。\n');
writeFileSync(join(dir, '.wengaorc.json'), JSON.stringify({ exclude: ['!(!(!(!(!(x)))))', '['.repeat(300)], include: ['**/*.txt'] }));
rows.push(['config with hostile globs', median(['check', dir])]);
writeFileSync(join(dir, '.wengaorc.json'), '{"checks":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
rows.push(['config nested 5,000 deep', median(['check', dir])]);
writeFileSync(join(dir, '.wengaorc.json'), '{"a":"x\n"b":' + '['.repeat(5000));
rows.push(['config nested 5,000 deep after a string cut by a line break', median(['check', dir])]);
writeFileSync(join(dir, '.wengaorc.json'), '{}');
writeFileSync(join(dir, '.wengaoignore'), Array.from({ length: 100_000 }, (_, k) => `d${k}/*.txt quote.unopened *`).join('\n'));
rows.push(['.wengaoignore of 100,000 glob lines', median(['check', dir])]);

// Word and PDF files (issue 16): each refused with its message, or read, in bounded time and memory.
const { textDocx, reportPdf } = await sourceHelpers();
const body = (xml) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`;
const files = {
  // 65 MB of spaces announced: refused before inflating.
  'zip-bomb.docx': zipSync({ 'word/document.xml': new Uint8Array(65 * 1024 * 1024).fill(0x20) }, { level: 9 }),
  'malformed.docx': zipSync({ 'word/document.xml': strToU8(body('<w:p><w:r><w:t>正文</w:r></w:p>'.repeat(100_000))) }),
  'nested-200000.docx': zipSync({ 'word/document.xml': strToU8(body('<w:sdt>'.repeat(200_000) + '<w:p><w:r><w:t>正文。</w:t></w:r></w:p>' + '</w:sdt>'.repeat(200_000))) }),
  'images-only.docx': zipSync({ 'word/document.xml': strToU8(body('<w:p><w:r><w:drawing/></w:r></w:p>'.repeat(10_000))) }),
  // 40,000 paragraphs whose marks are deleted: one paragraph once the changes are accepted.
  'deleted-marks-40000.docx': zipSync({ 'word/document.xml': strToU8(body('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>城镇新增就业。</w:t></w:r></w:p>'.repeat(40_000) + '<w:p><w:r><w:t>完。</w:t></w:r></w:p>')) }),
  'encrypted.docx': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(4096).fill(0)]),
  '2MB-text.docx': await textDocx(buildReport(2 * 1024 * 1024).toString('utf8')),
  '300-pages.pdf': await reportPdf(buildReport(430_000).toString('utf8')),
  'encrypted.pdf': await reportPdf('全省地区生产总值增长5%左右。\n', { password: 'secret' }),
  'truncated.pdf': (await reportPdf(buildReport(20_000).toString('utf8'))).subarray(0, 30_000),
};
for (const [name, bytes] of Object.entries(files)) {
  const f = join(work, name);
  writeFileSync(f, bytes);
  rows.push([`${name} (${(bytes.length / 1024).toFixed(0)} KB)`, median(['check', f, '--min-severity', 'hint'])]);
}

console.log('| input | time (ms) | peak memory (MB) | output (bytes) | exit |');
console.log('|---|---|---|---|---|');
for (const [name, r] of rows) console.log(`| ${name} | ${r.ms} | ${r.mb.toFixed(0)} | ${r.bytes.toLocaleString('en-US')} | ${r.code} |`);
rmSync(work, { recursive: true, force: true });
