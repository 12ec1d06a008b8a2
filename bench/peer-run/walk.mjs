// The report files named on a command line: files as given, folders searched for .txt/.md/.markdown
// (in name order), as `wengao check` does.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function* reportFiles(paths) {
  for (const p of paths) yield* walk(p);
}

function* walk(p) {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) if (!e.startsWith('.') && e !== 'node_modules') yield* walk(join(p, e));
  } else if (/\.(txt|md|markdown)$/i.test(p)) yield p;
}
