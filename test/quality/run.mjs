// Prints the quality of figure extraction: node test/quality/run.mjs [--verbose]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'bench', '.work', 'quality.js');
mkdirSync(dirname(out), { recursive: true });
await build({ entryPoints: [join(here, 'figures.ts')], bundle: true, platform: 'node', target: 'node20', outfile: out, logLevel: 'warning', mainFields: ['module', 'main'] });
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', cwd: here });
process.exit(r.status ?? 1);
