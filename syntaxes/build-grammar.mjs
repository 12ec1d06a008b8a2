#!/usr/bin/env node
// Builds syntaxes/wengao-report.tmLanguage.json (generated, git-ignored, shipped in the .vsix)
// from its source syntaxes/wengao-report.tmLanguage.yaml.
//
// The YAML is a plain TextMate grammar plus one extension, a top-level `variables` map:
// `{{name}}` inside match/begin/end/while is replaced by the variable (recursively), and the map
// is dropped from the output. A variable is a regex fragment (string) or a list of literal words,
// which becomes `(?:w1|w2|…)`, words regex-escaped and sorted longest first so that an
// alternation never stops at a prefix (个 before 个百分点).
//
// When vscode-oniguruma can be resolved (it comes with the vscode-tmgrammar-test devDependency),
// every expanded regex is compiled with it, so a typo fails the build with the rule's path
// instead of failing silently in the editor the first time that rule is reached.
//
//   node syntaxes/build-grammar.mjs            build once
//   node syntaxes/build-grammar.mjs --watch    build, then rebuild whenever the YAML changes
//
// From esbuild.js (CommonJS):
//   const { buildGrammar, watchGrammar } = await import('./syntaxes/build-grammar.mjs');
//   await buildGrammar();            // throws on a bad grammar
//   if (watch) watchGrammar();       // logs errors, keeps watching

import { readFileSync, writeFileSync, watch as fsWatch } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const GRAMMAR_SOURCE = join(here, 'wengao-report.tmLanguage.yaml');
export const GRAMMAR_OUTPUT = join(here, 'wengao-report.tmLanguage.json');

const REGEX_KEYS = new Set(['match', 'begin', 'end', 'while']);
const VARIABLE = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** Escapes a literal word for use in an Oniguruma regex, also under (?x). */
function escapeLiteral(word) {
  return word.replace(/[\\^$.*+?()[\]{}|\-\/#\s]/g, (c) =>
    /\s/.test(c) ? `\\x{${c.codePointAt(0).toString(16)}}` : `\\${c}`,
  );
}

/** Resolves every variable to its final regex text. */
function resolveVariables(raw = {}) {
  const resolved = new Map();
  const resolving = new Set();
  const resolve = (name, from) => {
    if (resolved.has(name)) return resolved.get(name);
    if (!Object.hasOwn(raw, name)) throw new Error(`unknown variable {{${name}}} in ${from}`);
    if (resolving.has(name)) throw new Error(`variable {{${name}}} refers to itself`);
    resolving.add(name);
    const value = raw[name];
    let text;
    if (Array.isArray(value)) {
      const words = value.map(String);
      if (words.some((w) => w.length === 0)) throw new Error(`variable ${name}: empty word`);
      const sorted = words
        .map((w, i) => ({ w, i }))
        .sort((a, b) => [...b.w].length - [...a.w].length || a.i - b.i)
        .map(({ w }) => escapeLiteral(w));
      text = `(?:${sorted.join('|')})`;
    } else if (typeof value === 'string') {
      text = value.replace(VARIABLE, (_, inner) => resolve(inner, `variable ${name}`));
    } else {
      throw new Error(`variable ${name}: expected a string or a list of words`);
    }
    resolving.delete(name);
    resolved.set(name, text);
    return text;
  };
  for (const name of Object.keys(raw)) resolve(name, 'variables');
  return (text, from) => text.replace(VARIABLE, (_, name) => resolve(name, from));
}

/** Expands variables in place; returns [path, regex] for every regex of the grammar. */
function expand(node, substitute, path, regexes) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => expand(child, substitute, `${path}[${i}]`, regexes));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const where = `${path}.${key}`;
    if (REGEX_KEYS.has(key) && typeof value === 'string') {
      node[key] = substitute(value, where);
      regexes.push([where, node[key]]);
    } else {
      expand(value, substitute, where, regexes);
    }
  }
}

// vscode-oniguruma 1.x does not throw on a pattern that fails to compile: the pattern just never
// matches (which is also what VS Code does with it). Its debug trace, though, prints the source of
// each pattern it searches with, and an empty source for one that did not compile. So each regex
// is searched once with the trace on and the printed source compared with the regex.
const onigTrace = [];
let onigReady;

/** Compiles every regex with Oniguruma when it is available; returns false when it is not. */
async function validateRegexes(regexes) {
  let onig;
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('vscode-oniguruma');
    const wasm = readFileSync(join(dirname(main), 'onig.wasm'));
    onig = await import(pathToFileURL(main).href);
    onig = onig.default ?? onig;
    onigReady ??= onig.loadWASM({ data: wasm.buffer, print: (line) => onigTrace.push(String(line)) });
    await onigReady;
  } catch {
    return false;
  }
  const errors = [];
  for (const [where, source] of regexes) {
    // End patterns may hold back-references to begin captures (\1): compile them with a stand-in.
    const probe = /\.(end|while)$/.test(where) ? source.replace(/\\(\d+)/g, 'x') : source;
    onigTrace.length = 0;
    const scanner = new onig.OnigScanner([probe]);
    try {
      scanner.findNextMatchSync('', 0, true);
    } finally {
      scanner.dispose();
    }
    const searched = onigTrace.find((line) => line.startsWith('- searchOnigRegExp: '));
    if (searched === undefined) return false; // another vscode-oniguruma: no trace to read
    if (searched.slice('- searchOnigRegExp: '.length) !== probe) {
      errors.push(`${where}: does not compile with Oniguruma\n    ${source}`);
    }
  }
  onigTrace.length = 0;
  if (errors.length > 0) throw new Error(`invalid regex in the grammar:\n  ${errors.join('\n  ')}`);
  return true;
}

/**
 * Builds the JSON grammar from the YAML source. Writes the output only when its content changes.
 * @returns {Promise<{ output: string, changed: boolean, validated: boolean }>}
 */
export async function buildGrammar({
  source = GRAMMAR_SOURCE,
  output = GRAMMAR_OUTPUT,
  validate = true,
} = {}) {
  const grammar = yaml.load(readFileSync(source, 'utf8'), { filename: source });
  if (!grammar || typeof grammar !== 'object' || !grammar.scopeName) {
    throw new Error(`${source}: not a TextMate grammar (no scopeName)`);
  }
  const { variables, ...rest } = grammar;
  const substitute = resolveVariables(variables);
  const regexes = [];
  expand(rest, substitute, '$', regexes);
  const validated = validate ? await validateRegexes(regexes) : false;

  const json = {
    information_for_contributors: [
      `Generated from ${relative(dirname(output), source)} by build-grammar.mjs: edit the YAML, not this file.`,
    ],
    ...rest,
  };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  let previous = null;
  try {
    previous = readFileSync(output, 'utf8');
  } catch {
    // first build
  }
  const changed = previous !== text;
  if (changed) writeFileSync(output, text, 'utf8');
  return { output, changed, validated };
}

/** Rebuilds on every change of the YAML source; errors are logged, watching goes on. */
export function watchGrammar({ source = GRAMMAR_SOURCE, output = GRAMMAR_OUTPUT, log = console } = {}) {
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      buildGrammar({ source, output }).then(
        ({ changed }) => changed && log.log(`[grammar] rebuilt ${relative(process.cwd(), output)}`),
        (err) => log.error(`[grammar] ${err.message}`),
      );
    }, 50);
  };
  // Watch the directory: editors often replace the file, which ends a watch on the file itself.
  return fsWatch(dirname(source), (_event, name) => {
    if (name === null || name === undefined || join(dirname(source), name.toString()) === source) rebuild();
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const watchMode = process.argv.includes('--watch');
  try {
    const { output, changed, validated } = await buildGrammar();
    const rel = relative(process.cwd(), output);
    console.log(`${changed ? 'wrote' : 'unchanged'} ${rel}${validated ? '' : ' (regexes not validated: vscode-oniguruma not installed)'}`);
  } catch (err) {
    console.error(`build-grammar: ${err.message}`);
    if (!watchMode) process.exit(1);
  }
  if (watchMode) {
    watchGrammar();
    console.log(`watching ${relative(process.cwd(), GRAMMAR_SOURCE)}`);
  }
}
