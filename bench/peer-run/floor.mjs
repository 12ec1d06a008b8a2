// The floor of any checker: read the files and count the quotation marks “ ” in them. Nothing is
// parsed; no tool can be much faster than this on the same input.
// Run: node bench/peer-run/floor.mjs <files or folders>...
import { readFileSync } from 'node:fs';
import { reportFiles } from './walk.mjs';

let files = 0;
let open = 0;
let close = 0;
for (const f of reportFiles(process.argv.slice(2))) {
  const text = readFileSync(f, 'utf8');
  files++;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open++;
    else if (c === 0x201d) close++;
  }
}
console.log(JSON.stringify({ files, findings: 0, open, close }));
