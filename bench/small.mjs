// Issue 15's folder of small reports: 1,000 reports of about 10 KB (bench/inputs.mjs
// buildSmallReports), checked by the built CLI on one thread, `--runs` times (default 5), with the
// median wall time. WENGAO_BENCH_CLI=…/cli.js runs another build alternately, as the baseline.
//   node esbuild.js && node bench/small.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSmallReports, root } from './inputs.mjs';
import { median } from './server.mjs';

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const runs = Number(arg('--runs', 5));
const dir = buildSmallReports(join(root, 'bench', '.work', 'small-1000'));
const builds = [['this build', join(root, 'dist', 'cli.js')], ...(process.env.WENGAO_BENCH_CLI ? [['baseline', process.env.WENGAO_BENCH_CLI]] : [])];
const times = new Map(builds.map(([label]) => [label, []]));
for (let r = 0; r < runs; r++) {
  for (const [label, cli] of builds) {
    const t = performance.now();
    const p = spawnSync(process.execPath, [cli, 'check', dir, '--min-severity', 'hint', '--threads', '1'], { stdio: 'ignore' });
    if (p.status !== 0 && p.status !== 1) throw new Error(`${label}: exit ${p.status}`);
    times.get(label).push(performance.now() - t);
  }
}
for (const [label, t] of times) console.log(`${label}: median ${(median(t) / 1000).toFixed(2)} s of ${runs} (${t.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
