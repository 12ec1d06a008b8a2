#!/usr/bin/env node
// Grammar snapshot tests: builds the grammar from its YAML source, then checks every
// test/grammar/*.report.txt against its committed .snap with vscode-tmgrammar-snap.
//
//   node test/grammar/run.mjs            check; exit 1 on any difference       (npm run test:grammar)
//   node test/grammar/run.mjs --update   rewrite the .snap files, then review   (npm run test:grammar:update)
//                                        them: node test/grammar/show.mjs FILE
//
// What it adds to a bare `vscode-tmgrammar-snap 'test/grammar/*.report.txt'`:
// - a test input without a .snap FAILS (the bare tool writes the snapshot and passes, so a
//   forgotten `git add` would pass in CI forever);
// - a .snap without its input fails too (a renamed test would otherwise be dropped silently);
// - each input runs in its own process with a time limit, so a regex that backtracks
//   catastrophically on long-lines.report.txt fails instead of hanging CI;
// - a closing line "grammar: N passed, N failed" that CI tooling can count.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGrammar, GRAMMAR_OUTPUT } from '../../syntaxes/build-grammar.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SCOPE = 'text.wengao-report';
const TIME_LIMIT_MS = 60_000;
const update = process.argv.includes('--update') || process.argv.includes('-u');

const rel = (p) => relative(process.cwd(), p) || '.';
const snapBin = join(dirname(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json')), 'dist', 'snapshot.js');

function runSnap(input) {
  // run from the repository root, where the tool also reads package.json's contributes
  const args = [snapBin, '--scope', SCOPE, '--grammar', relative(root, GRAMMAR_OUTPUT)];
  if (update) args.push('--updateSnapshot');
  args.push(relative(root, input).split('\\').join('/')); // a literal path is a glob matching itself
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      out += `\nERROR timed out after ${TIME_LIMIT_MS / 1000} s (catastrophic backtracking?)\n`;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && signal === null, out });
    });
  });
}

async function main() {
  const { changed, validated } = await buildGrammar();
  console.log(`grammar ${changed ? 'rebuilt' : 'up to date'}: ${rel(GRAMMAR_OUTPUT)}${validated ? ' (regexes compiled with Oniguruma)' : ''}`);

  const files = readdirSync(here).sort();
  const inputs = files.filter((f) => f.endsWith('.report.txt')).map((f) => join(here, f));
  const orphans = files.filter((f) => f.endsWith('.report.txt.snap') && !files.includes(f.slice(0, -'.snap'.length)));
  if (inputs.length === 0) {
    console.error(`no test inputs (*.report.txt) in ${rel(here)}`);
    process.exit(1);
  }

  let passed = 0;
  let failed = 0;
  for (const orphan of orphans) {
    console.log(`✖ ${rel(join(here, orphan))}: snapshot without its input: delete it or restore the input`);
    failed += 1;
  }
  for (const input of inputs) {
    if (!update && !existsSync(`${input}.snap`)) {
      console.log(`✖ ${rel(input)}: no snapshot. Run \`npm run test:grammar:update\`, review it with \`node test/grammar/show.mjs ${rel(input)}\` and commit the .snap`);
      failed += 1;
      continue;
    }
    const { ok, out } = await runSnap(input);
    if (ok) {
      console.log(`✓ ${rel(input)}${update ? ' (snapshot written)' : ''}`);
      passed += 1;
    } else {
      console.log(`✖ ${rel(input)}`);
      process.stdout.write(`${out.trimEnd().replace(/^/gm, '    ')}\n`);
      failed += 1;
    }
  }
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exit(1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
