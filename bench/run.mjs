// Benchmarks of the analysis core. Run: node bench/run.mjs [--quick], or with --checks each
// check's CPU time on the folder of short reports (bench/checks.ts).
// Bundles bench/core.ts (or checks.ts) with esbuild into bench/.work/ and runs it in a fresh Node process.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, '.work');
mkdirSync(work, { recursive: true });
const entry = process.argv.includes('--checks') ? 'checks' : 'core';
await build({
  entryPoints: [join(here, `${entry}.ts`)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  outfile: join(work, `${entry}.js`),
  logLevel: 'warning',
  // As in esbuild.js: jsonc-parser's UMD build (its "main") cannot be bundled.
  mainFields: ['module', 'main'],
});
// (--checks: the folder of short reports, built here, named after the flag.)
const args = entry === 'checks' ? ['--checks', (await import('./inputs.mjs')).buildSmallReports(join(work, 'small-1000'))] : process.argv.slice(2);
const r = spawnSync(process.execPath, ['--expose-gc', join(work, `${entry}.js`), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
