// zhlint through its API (run with the default preset, as its CLI does with no .zhlintrc), file by
// file, without the CLI's report (which locates each finding by splitting the whole text again).
// Run: node bench/peer-run/zhlint-api.mjs <files or folders>...
import { readFileSync } from 'node:fs';
import { reportFiles } from './walk.mjs';

const { run } = await import(new URL('../peers/node_modules/zhlint/lib/index.js', import.meta.url).href);
const silent = { log() {}, warn() {}, error() {}, info() {} };
let files = 0;
let findings = 0;
for (const f of reportFiles(process.argv.slice(2))) {
  const r = run(readFileSync(f, 'utf8'), { rules: { preset: 'default' }, logger: silent });
  files++;
  findings += r.validations.length;
}
console.log(JSON.stringify({ files, findings }));
