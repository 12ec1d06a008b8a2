#!/usr/bin/env node
// Prints a grammar snapshot as readable text: each source line, then each of its tokens as
// «text» followed by its scopes. The carets of a .snap file count UTF-16 code units, so under CJK
// text (two columns wide) they drift away from the characters they mark; this view does not.
//
//   node test/grammar/show.mjs test/grammar/figures.report.txt [more files]
//   node test/grammar/show.mjs --all …   also list tokens that carry only the base scope
//
// It reads the committed .snap files only (no grammar, no dependencies): run
// `npm run test:grammar` first to check that they are current.

import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const all = args.includes('--all');
const files = args.filter((a) => a !== '--all');
if (files.length === 0) {
  console.error('usage: node test/grammar/show.mjs [--all] FILE.report.txt|FILE.report.txt.snap …');
  process.exit(2);
}

const BASE = 'text.wengao-report';
const SUFFIX = /\.wengao-report$/;

for (const file of files) {
  const snap = file.endsWith('.snap') ? file : `${file}.snap`;
  const lines = readFileSync(snap, 'utf8').split(/\r?\n/);
  console.log(`=== ${snap}`);
  let src = null;
  let n = 0;
  for (const line of lines) {
    if (line.startsWith('>')) {
      src = line.slice(1);
      n += 1;
      console.log(`${String(n).padStart(3)}: ${src}`);
    } else if (line.startsWith('#') && src !== null) {
      // same arithmetic as vscode-tmgrammar-test's parseSnap
      const start = line.indexOf('^') - 1;
      const end = line.indexOf(' ', start + 1) - 1;
      const scopes = line.slice(end + 2).trim().split(/\s+/);
      const inner = scopes.filter((s) => s !== BASE).map((s) => s.replace(SUFFIX, ''));
      if (inner.length === 0 && !all) continue;
      console.log(`       «${src.slice(start, end)}» ${inner.join('  ') || BASE}`);
    }
  }
}
