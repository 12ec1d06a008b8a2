// autocorrect through its Node API (autocorrect-node's lintFor), with its default rules, file by
// file, as an editor integration or a build script would call it.
// Run: node bench/peer-run/autocorrect-api.mjs <files or folders>...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { reportFiles } from './walk.mjs';

const autocorrect = createRequire(import.meta.url)('../peers/node_modules/autocorrect-node');
let files = 0;
let findings = 0;
for (const f of reportFiles(process.argv.slice(2))) {
  const r = autocorrect.lintFor(readFileSync(f, 'utf8'), f);
  if (r.error) throw new Error(`${f}: ${r.error}`);
  files++;
  findings += r.lines.length;
}
console.log(JSON.stringify({ files, findings }));
