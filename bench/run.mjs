// Benchmarks of the analysis core. Run: node bench/run.mjs [--quick]
// Bundles bench/core.ts with esbuild into bench/.work/ and runs it in a fresh Node process.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, '.work');
mkdirSync(work, { recursive: true });
await build({
  entryPoints: [join(here, 'core.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  outfile: join(work, 'core.js'),
  logLevel: 'warning',
  // As in esbuild.js: jsonc-parser's UMD build (its "main") cannot be bundled.
  mainFields: ['module', 'main'],
});
const r = spawnSync(process.execPath, ['--expose-gc', join(work, 'core.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
