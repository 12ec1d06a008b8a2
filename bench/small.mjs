// Issue 15's folder of small reports: 1,000 reports of about 10 KB (bench/inputs.mjs
// buildSmallReports), checked by the built CLI on one thread, `--runs` times (default 5), with the
// median wall time. WENGAO_BENCH_CLI=…/cli.js runs another build alternately, as the baseline.
// With --cache, this build's --cache too: a run that fills an empty cache, a re-run with nothing
// changed, and a re-run after one report changed (a different one each time), each `--runs`
// times, checked to print what the run without the cache printed.
//   node esbuild.js && node bench/small.mjs [--runs 5] [--cache]
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSmallReports, root } from './inputs.mjs';
import { median } from './server.mjs';

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const runs = Number(arg('--runs', 5));
const dir = buildSmallReports(join(root, 'bench', '.work', 'small-1000'));
const cli = join(root, 'dist', 'cli.js');
const builds = [['this build', cli], ...(process.env.WENGAO_BENCH_CLI ? [['baseline', process.env.WENGAO_BENCH_CLI]] : [])];
const times = new Map(builds.map(([label]) => [label, []]));
// (Its output goes to a file, as bench/peers.mjs runs every tool: the time is the tool's, not a
// pipe's reader's; the file is read afterwards to compare the runs.)
const outFile = join(root, 'bench', '.work', 'small-1000.out');
const check = (build, ...extra) => {
  const fd = openSync(outFile, 'w');
  const t = performance.now();
  const p = spawnSync(process.execPath, [build, 'check', dir, '--min-severity', 'hint', '--threads', '1', ...extra], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
  const ms = performance.now() - t;
  closeSync(fd);
  if (p.status !== 0 && p.status !== 1) throw new Error(`exit ${p.status}: ${p.stderr}`);
  return { ms, stdout: readFileSync(outFile, 'utf8') };
};
let plain;
for (let r = 0; r < runs; r++) {
  for (const [label, build] of builds) {
    const run = check(build);
    if (label === 'this build') plain = run.stdout;
    times.get(label).push(run.ms);
  }
}
const show = (label, t) => console.log(`${label}: median ${(median(t) / 1000).toFixed(2)} s of ${t.length} (${t.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
for (const [label, t] of times) show(label, t);

if (process.argv.includes('--cache')) {
  const location = join(root, 'bench', '.work', 'small-1000.cache.json');
  const cached = { 'cache, cold': [], 'cache, nothing changed': [], 'cache, one report changed': [] };
  for (let r = 0; r < runs; r++) {
    rmSync(location, { force: true });
    // (Each cold run starts from the files as built, so that its output is the plain run's.)
    buildSmallReports(dir);
    // (As in a reviewer's folder, the reports were not written in the last 2 s: the cache's times
    // vouch only for files older than that, git's "racy" rule; cache.ts RACY_MS.)
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const cold = check(cli, '--cache-location', location);
    if (cold.stdout !== plain) throw new Error('the cached run printed something else');
    cached['cache, cold'].push(cold.ms);
    const warm = check(cli, '--cache-location', location);
    if (warm.stdout !== plain) throw new Error('the re-run from the cache printed something else');
    cached['cache, nothing changed'].push(warm.ms);
    appendFileSync(join(dir, `d${r}`, `r${r * 100}.txt`), '\n补充：全年新增就业岗位1.2万个。\n');
    cached['cache, one report changed'].push(check(cli, '--cache-location', location).ms);
  }
  buildSmallReports(dir);
  for (const [label, t] of Object.entries(cached)) show(label, t);
}
