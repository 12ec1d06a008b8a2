// Scores Wengao on the document pairs of test/pairs/ (see README.md there), through the built
// CLI as a reviewer runs it: `wengao check --format json <pair>` and `wengao figures --format json
// <pair>` on each pair's folder alone.
//
//   node test/pairs/score.mjs [batch …] [--verbose] [--json]
//
// Needs `npm run build` first (dist/cli.js). Exported for test/pairs/pairs.test.ts.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nthIndex } from '../helpers/nth.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = process.env.WENGAO_CLI ?? join(root, 'dist', 'cli.js');

export function batches() {
  return readdirSync(here)
    .filter((d) => /^batch\d+$/.test(d) && statSync(join(here, d)).isDirectory())
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
}

function pairsOf(batch) {
  const dir = join(here, batch);
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'gold.jsonl')))
    .sort()
    .map((d) => join(dir, d));
}

function runCli(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`wengao ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** runCli without blocking: the test runs the pairs of a batch side by side. */
function runCliAsync(args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? err.code : 0;
      if (code !== 0 && code !== 1) reject(new Error(`wengao ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The two runs a pair is scored on: `wengao check` and `wengao figures` over its two documents. */
const pairArgs = (dir) => {
  const paths = ['a.txt', 'b.txt'].map((d) => join(dir, d));
  return { check: ['check', '--format', 'json', ...paths], figures: ['figures', '--format', 'json', ...paths] };
};


/** A gold place {line (1-based), text, occurrence} → {line (0-based), start, end} in the doc. */
function locate(lines, doc, place, pair) {
  const text = lines[doc]?.[place.line - 1];
  const start = text === undefined ? -1 : nthIndex(text, place.text, place.occurrence ?? 1);
  if (start < 0) throw new Error(`${pair}: gold text not found: ${doc}:${place.line} "${place.text}"`);
  return { doc, line: place.line - 1, start, end: start + place.text.length };
}

const overlaps = (loc, doc, range) =>
  loc.doc === doc && range.start.line === loc.line && range.start.character < loc.end && range.end.character > loc.start;

export function scorePair(dir, ran = undefined) {
  const name = relative(here, dir);
  const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      throw new Error(`${name}/gold.jsonl line ${i + 1}: ${e.message}`);
    }
  });
  const docs = ['a.txt', 'b.txt'];
  const lines = Object.fromEntries(docs.map((d) => [d, readFileSync(join(dir, d), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)]));
  const docOf = (path) => docs.find((d) => path.endsWith(`/${d}`) || path === d);

  // Findings: figure.mismatch as (place, other place) links, and figure.target places.
  // (The pair is its two documents: the writer's NOTES.md, which restates figures to describe the
  // plants, is no document of the workspace.)
  const check = ran?.check ?? runCli(pairArgs(dir).check);
  const links = [];
  const targets = [];
  for (const file of check.files) {
    const doc = docOf(file.path);
    for (const d of file.diagnostics ?? []) {
      if (d.code === 'figure.target') targets.push({ doc, range: d.range });
      if (d.code !== 'figure.mismatch') continue;
      for (const r of d.related ?? []) {
        links.push({ from: { doc, range: d.range }, to: { doc: r.path ? docOf(r.path) : doc, range: r.range }, message: d.message });
      }
    }
  }
  const changes = gold.filter((g) => g.change).map((g) => ({
    a: locate(lines, 'a.txt', g.change.a, name),
    b: locate(lines, 'b.txt', g.change.b, name),
    indicator: g.indicator,
    note: g.note,
  }));
  const silents = gold.filter((g) => g.silent).map((g) => ({
    why: g.silent,
    a: locate(lines, 'a.txt', g.a, name),
    b: locate(lines, 'b.txt', g.b, name),
    note: g.note,
  }));
  // A change is also caught against another statement of its source's amount (a report that
  // states its target twice: the brief's changed figure differs from both). A result's amount is
  // the same however it is worded (达到158.6亿斤, 提高到158.6亿斤).
  const goldAt = (doc, range) =>
    gold.find((g) => g.doc === doc && g.figure !== false && g.text !== undefined && !g.change && !g.silent && overlaps(locate(lines, doc, g, name), doc, range));
  const sameAmount = (g, h) =>
    g && h && g.normalized && h.normalized && g.normalized.value === h.normalized.value && g.normalized.unit === h.normalized.unit && ((g.comparator ?? 'eq') === (h.comparator ?? 'eq') || (g.kind === 'actual' && h.kind === 'actual'));
  const partner = (c, side) => gold.find((g) => g.doc === c[side].doc && g.figure !== false && g.text !== undefined && !g.change && !g.silent && overlaps(c[side], g.doc, { start: { line: g.line - 1, character: nthIndex(lines[g.doc][g.line - 1], g.text, g.occurrence ?? 1) }, end: { line: g.line - 1, character: nthIndex(lines[g.doc][g.line - 1], g.text, g.occurrence ?? 1) + g.text.length } }));
  // (Or against the restatement's own faithful statement of it, in either document: a headline
  // that differs from its own body and from the source is one planted change, seen twice.)
  // (Or one the gold records as a faithful restatement of the source's figure: "6.79万亿元" in the
  // body for the source's 67856.3亿元, while the headline says 6.97万亿元.)
  const restates = (e, c) => silents.some((s) => s.why === 'same' && s.a.line === c.a.line && s.a.start === c.a.start && overlaps(s.b, e.doc, e.range));
  // (Or the source's own rounding of it, in the source: "56708.3亿元" in its table, "5.67万亿元" in its
  // text; b's "5.76万亿元" disagrees with both, and either link shows the one planted change.)
  const roundsTo = (g, h) => {
    if (!g || !h || !g.normalized || !h.normalized || g.normalized.unit !== h.normalized.unit || !g.value) return false;
    // (Bounds as sameAmount takes them: the same, or two results, whose 达到 states a level.)
    if ((g.comparator ?? 'eq') !== (h.comparator ?? 'eq') && !(g.kind === 'actual' && h.kind === 'actual')) return false;
    const decimals = (String(g.value).split('.')[1] ?? '').length;
    const step = (g.normalized.value / g.value) * 10 ** -decimals;
    return Math.abs(g.normalized.value - h.normalized.value) <= step / 2 + 1e-9 * Math.abs(h.normalized.value);
  };
  const end = (e, c, side) => overlaps(c[side], e.doc, e.range) || sameAmount(goldAt(e.doc, e.range), partner(c, side)) || (side === 'a' && (restates(e, c) || (e.doc === c.a.doc && roundsTo(goldAt(e.doc, e.range), partner(c, side)))));
  const linkMatches = (l, c) =>
    (overlaps(c.b, l.from.doc, l.from.range) && end(l.to, c, 'a')) ||
    (end(l.from, c, 'a') && overlaps(c.b, l.to.doc, l.to.range));
  const caught = changes.map((c) => links.some((l) => linkMatches(l, c)));
  // False alarms: links no planted change explains, each pair of places counted once.
  const falseKeys = new Map();
  for (const l of links) {
    if (changes.some((c) => linkMatches(l, c))) continue;
    const ends = [`${l.from.doc}:${l.from.range.start.line + 1}:${l.from.range.start.character}`, `${l.to.doc}:${l.to.range.start.line + 1}:${l.to.range.start.character}`].sort();
    const key = ends.join(' ~ ');
    if (!falseKeys.has(key)) falseKeys.set(key, { key, message: l.message, silent: silents.find((s) => linkMatches(l, s))?.why });
  }

  // Figures against the exhaustive annotation.
  const figs = (ran?.figures ?? runCli(pairArgs(dir).figures)).figures.map((f) => ({ ...f, doc: docOf(f.path) }));
  const goldFigs = gold.filter((g) => g.doc && g.figure !== false && !g.region?.doc && g.text !== undefined && !g.change && !g.silent);
  const used = new Set();
  const matched = [];
  const missed = [];
  for (const g of goldFigs) {
    const loc = locate(lines, g.doc, g, name);
    let best = -1;
    for (let i = 0; i < figs.length; i++) {
      const f = figs[i];
      if (used.has(i) || !overlaps(loc, f.doc, f.range)) continue;
      if (best < 0 || Math.abs(f.range.start.character - loc.start) < Math.abs(figs[best].range.start.character - loc.start)) best = i;
    }
    if (best < 0) missed.push(`${name}/${g.doc}:${g.line} ${g.text}`);
    else {
      used.add(best);
      matched.push({ g, f: figs[best], loc });
    }
  }
  const extra = figs.filter((_, i) => !used.has(i)).map((f) => `${name}/${f.doc}:${f.range.start.line + 1} ${f.text} (${f.indicator})`);
  const wrong = { kind: [], period: [] };
  let kindN = 0;
  for (const { g, f } of matched) {
    const at = `${name}/${g.doc}:${g.line} ${g.text}`;
    if (!isListCount(g, lines)) {
      kindN++;
      if ((g.kind ?? 'unknown') !== f.kind) wrong.kind.push(`${at}: gold ${g.kind}, got ${f.kind} (${f.indicator})`);
    }
    if ((g.period ?? null) !== (f.period ?? null)) wrong.period.push(`${at}: gold ${g.period}, got ${f.period} (${f.indicator})`);
  }
  const listTargets = matched
    .filter(({ g }) => isListCount(g, lines))
    .filter(({ loc }) => targets.some((t) => overlaps(loc, t.doc, t.range)))
    .map(({ g }) => `${name}/${g.doc}:${g.line} ${g.text}`);
  return {
    name,
    changes: changes.length,
    caught: caught.filter(Boolean).length,
    missedChanges: changes.filter((_, i) => !caught[i]).map((c) => `${name}: a:${c.a.line + 1} ↔ b:${c.b.line + 1} ${c.indicator ?? ''} (${lines['a.txt'][c.a.line].slice(c.a.start, c.a.end)} / ${lines['b.txt'][c.b.line].slice(c.b.start, c.b.end)})`),
    falseAlarms: [...falseKeys.values()].map((f) => `${name}: ${f.key}${f.silent ? ` [planted silent: ${f.silent}]` : ''} ${f.message}`),
    silents: silents.length,
    gold: goldFigs.length,
    extracted: figs.length,
    matched: matched.length,
    kindN,
    kindWrong: wrong.kind,
    periodWrong: wrong.period,
    missedFigures: missed,
    extraFigures: extra,
    listTargets,
  };
}

/** A count that introduces or sums up a list: tagged listCount, or followed by ：/一是 in its line. */
function isListCount(g, lines) {
  if (g.listCount) return true;
  const text = lines[g.doc]?.[g.line - 1] ?? '';
  const at = nthIndex(text, g.text, g.occurrence ?? 1);
  if (at < 0) return false;
  const after = text.slice(at + g.text.length, at + g.text.length + 14);
  return /^[\u4e00-\u9fff“”]{0,10}[：:]/.test(after) && /^(?:[一二三四五六七八九十两]|\d{1,2})(?:项|个|件|大|方面|条|类)/.test(g.text);
}

export function scoreBatch(batch) {
  return summarize(batch, pairsOf(batch).map((dir) => scorePair(dir)));
}

/**
 * scoreBatch with the CLI runs side by side, `width` at a time. `run` runs one (its arguments in,
 * its JSON output parsed out): by default the built CLI as a process; the test passes the CLI's
 * `main` called in its own process, the same code without a process started per run.
 */
export async function scoreBatchAsync(batch, width = 4, run = runCliAsync) {
  const dirs = pairsOf(batch);
  const ran = new Array(dirs.length);
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < dirs.length; k = next++) {
      const args = pairArgs(dirs[k]);
      ran[k] = { check: await run(args.check), figures: await run(args.figures) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, dirs.length) }, worker));
  return summarize(batch, dirs.map((dir, k) => scorePair(dir, ran[k])));
}

function summarize(batch, pairs) {
  const sum = (k) => pairs.reduce((n, p) => n + (Array.isArray(p[k]) ? p[k].length : p[k]), 0);
  const changes = sum('changes');
  const matched = sum('matched');
  return {
    batch,
    pairs: pairs.length,
    changes,
    caught: sum('caught'),
    recall: changes ? sum('caught') / changes : 1,
    falseAlarms: sum('falseAlarms'),
    falsePer10: pairs.length ? (sum('falseAlarms') * 10) / pairs.length : 0,
    figurePrecision: sum('extracted') ? matched / sum('extracted') : 1,
    figureRecall: sum('gold') ? matched / sum('gold') : 1,
    kindAccuracy: sum('kindN') ? 1 - sum('kindWrong') / sum('kindN') : 1,
    periodAccuracy: matched ? 1 - sum('periodWrong') / matched : 1,
    listTargets: sum('listTargets'),
    detail: pairs,
  };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

export function table(scores) {
  return [
    '| batch | pairs | changes caught | mismatch recall | false alarms (per 10 pairs) | figure precision | figure recall | kind accuracy | period accuracy | figure.target on a list count |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...scores.map(
      (s) =>
        `| ${s.batch} | ${s.pairs} | ${s.caught} of ${s.changes} | ${pct(s.recall)} | ${s.falseAlarms} (${s.falsePer10.toFixed(1)}) | ${pct(s.figurePrecision)} | ${pct(s.figureRecall)} | ${pct(s.kindAccuracy)} | ${pct(s.periodAccuracy)} | ${s.listTargets} |`,
    ),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(cli)) {
    console.error('test/pairs/score.mjs: dist/cli.js is missing; run `npm run build` first.');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const wanted = args.filter((a) => !a.startsWith('--'));
  const scores = (wanted.length ? wanted : batches()).map(scoreBatch);
  if (args.includes('--write-floors')) {
    // floors.json (pairs.test.ts): each batch's present score, rates rounded down to 0.001.
    const down = (x) => Math.floor(x * 1000) / 1000;
    const floorsPath = join(here, 'floors.json');
    const floors = existsSync(floorsPath) ? JSON.parse(readFileSync(floorsPath, 'utf8')) : {};
    for (const s of scores) {
      floors[s.batch] = { caught: s.caught, falseAlarms: s.falseAlarms, figurePrecision: down(s.figurePrecision), figureRecall: down(s.figureRecall), kindAccuracy: down(s.kindAccuracy), periodAccuracy: down(s.periodAccuracy), listTargets: s.listTargets };
    }
    writeFileSync(floorsPath, JSON.stringify(floors, null, 2) + '\n');
  }
  if (args.includes('--json')) console.log(JSON.stringify(scores, null, 2));
  else {
    console.log(table(scores));
    if (args.includes('--verbose')) {
      for (const s of scores) {
        console.log(`\n## ${s.batch}`);
        for (const p of s.detail) {
          for (const [label, list] of [['MISSED', p.missedChanges], ['FALSE', p.falseAlarms], ['LIST-TARGET', p.listTargets], ['FN', p.missedFigures], ['FP', p.extraFigures], ['KIND', p.kindWrong], ['PERIOD', p.periodWrong]]) {
            for (const x of list) console.log(`${label} ${x}`);
          }
        }
      }
    }
  }
}
