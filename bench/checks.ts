/**
 * Where a cold `wengao check` of many short reports spends its analysis (issue 15): the CPU time
 * of each check of the core over the folder of 1,000 reports of about 10 KB (bench/inputs.mjs
 * `buildSmallReports`), each report's model and figures made once beforehand and the check run
 * on them alone (`recheck`), medians of 5 rounds; and the model and figures themselves. CPU time
 * (process.cpuUsage), not wall time: this machine's neighbours move wall time by a third.
 *   node esbuild.js && node bench/run.mjs --checks
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { LOCAL_CHECKS, analyze, recheck } from '../server/src/core';
import { provideLexiconBeside } from '../server/src/io/lexiconFile';
// (The folder, built by bench/run.mjs, and the word list beside the built bundle.)
const dir = process.argv[process.argv.indexOf('--checks') + 1];
provideLexiconBeside(join(__dirname, '..', '..', 'dist'));
const texts: string[] = [];
for (const d of readdirSync(dir)) for (const f of readdirSync(join(dir, d))) texts.push(readFileSync(join(dir, d, f), 'utf8'));
const cpu = (f: () => void) => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
let analyses = texts.map((t) => analyze(t, { kind: 'plaintext', checks: [] }));
const base: number[] = [];
for (let r = 0; r < 5; r++) base.push(cpu(() => (analyses = texts.map((t) => analyze(t, { kind: 'plaintext', checks: [] })))));
const rows: [string, number, number][] = [['the model and the figures', median(base), 0]];
for (const check of LOCAL_CHECKS) {
  let n = 0;
  const times: number[] = [];
  for (let r = 0; r < 5; r++) times.push(cpu(() => analyses.forEach((a) => (n += recheck(a, [check], { uri: 'x' }).findings.length))));
  rows.push([check.id, median(times), n / 5]);
}
console.log(`${texts.length} reports, ${(texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6).toFixed(1)} MB; CPU ms, median of 5`);
console.log('| part | CPU ms | findings |\n|---|---|---|');
for (const [id, ms, n] of rows.sort((a, b) => b[1] - a[1])) console.log(`| ${id} | ${ms.toFixed(0)} | ${n} |`);
