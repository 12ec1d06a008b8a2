// The findings of every tool on each seed, by rule, and a reviewer's verdict on each (the data is in
// bench/verdicts.mjs: a verdict per rule, or per finding where the rule's findings differ).
// Wengao's figure.target findings are judged against the gold set (test/gold/figures.gold.jsonl):
// inside its exhaustive regions, a target that the gold set calls a target is accepted, anything
// else rejected; outside them it is not judged.
// Used by bench/peers.mjs; `node bench/findings.mjs --dump` prints every finding with its text
// around it and its verdict (how the per-finding verdicts were read).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './inputs.mjs';
import { findingVerdicts, ruleVerdicts } from './verdicts.mjs';

/** Character edits turning `a` into `b` (an LCS diff), as { at, del, ins } hunks. */
export function hunks(a, b) {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) dp[i * w + j] = a[i] === b[j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
  }
  const out = [];
  let cur = null;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (cur) out.push(cur);
      cur = null;
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i * w + j + 1] >= dp[(i + 1) * w + j])) {
      cur ??= { at: i, del: '', ins: '' };
      cur.ins += b[j++];
    } else {
      cur ??= { at: i, del: '', ins: '' };
      cur.del += a[i++];
    }
  }
  if (cur) out.push(cur);
  return out;
}

const AUTOCORRECT_RULES = ['space-word', 'space-punctuation', 'space-bracket', 'space-backticks', 'space-dash', 'fullwidth', 'no-space-fullwidth', 'no-space-fullwidth-quote', 'halfwidth-word', 'halfwidth-punctuation', 'spellcheck'];

function lineCol(text, index) {
  const before = text.slice(0, index);
  const line = (before.match(/\n/g) ?? []).length + 1;
  return { line, col: index - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Every tool's findings on the seeds in `dir`: [{ tool, seed, line, col, rule, text, key }]. */
export async function rawFindings(dir, { peers, textlintrc }) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const all = [];
  const add = (f) => all.push({ ...f, key: `${f.seed}:${f.line}:${f.col}:${f.rule}` });
  const lineOf = (f, line) => texts[f].split('\n')[line - 1] ?? '';

  // Wengao: each seed alone, every check and severity.
  for (const f of files) {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', f, '--min-severity', 'hint', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    for (const d of JSON.parse(r.stdout).files[0].diagnostics) {
      const l = lineOf(f, d.range.start.line + 1);
      add({
        tool: 'wengao', seed: f.slice(0, 3), line: d.range.start.line + 1, col: d.range.start.character + 1, rule: d.code, severity: d.severity,
        text: d.range.start.line === d.range.end.line ? l.slice(d.range.start.character, d.range.end.character) : l.slice(d.range.start.character),
        context: l, message: d.message,
      });
    }
  }

  // autocorrect: the Node API with one rule on at a time, each change (a diff hunk of a flagged
  // line) a finding of that rule. Its CLI shows the same changes, grouped by line.
  const autocorrect = createRequire(import.meta.url)(join(peers, 'node_modules', 'autocorrect-node'));
  for (const rule of AUTOCORRECT_RULES) {
    autocorrect.loadConfig(JSON.stringify({ rules: Object.fromEntries(AUTOCORRECT_RULES.map((r) => [r, r === rule ? 1 : 0])) }));
    for (const f of files) {
      for (const l of autocorrect.lintFor(texts[f], f).lines) {
        for (const h of hunks(l.old, l.new)) {
          // l.c is where the flagged text starts in its line (1-based); h.at is within l.old.
          add({ tool: 'autocorrect', seed: f.slice(0, 3), line: l.l, col: l.c + h.at, rule, text: `${JSON.stringify(h.del)} → ${JSON.stringify(h.ins)}`, context: l.old });
        }
      }
    }
  }
  autocorrect.loadConfig(JSON.stringify({ rules: Object.fromEntries(AUTOCORRECT_RULES.map((r) => [r, r === 'spellcheck' ? 0 : 1])) }));

  // zhlint: the API with the default preset; the rule is the name of its message in zhlint's own
  // message tables (rules/messages.js, parser/messages.js).
  const zl = join(peers, 'node_modules', 'zhlint', 'lib');
  const { run } = await import(pathToFileURL(join(zl, 'index.js')).href);
  const names = new Map();
  for (const m of ['rules/messages.js', 'parser/messages.js']) {
    for (const [name, msg] of Object.entries(await import(pathToFileURL(join(zl, m)).href))) {
      // Two names share "此处中英文内容之间需要一个空格"; the one that asks for a space is meant.
      if (!names.has(msg) || (names.get(msg).includes('NOSPACE') && !msg.includes('不需要'))) names.set(msg, name);
    }
  }
  const silent = { log() {}, warn() {}, error() {}, info() {} };
  for (const f of files) {
    for (const v of run(texts[f], { rules: { preset: 'default' }, logger: silent }).validations) {
      const at = v.target === 'spaceAfter' || v.target === 'endValue' ? v.index + v.length : v.index;
      const { line, col } = lineCol(texts[f], at);
      add({ tool: 'zhlint', seed: f.slice(0, 3), line, col, rule: names.get(v.message) ?? v.message, text: texts[f].slice(Math.max(0, at - 6), at) + '⟦⟧' + texts[f].slice(at, at + 6), context: lineOf(f, line), message: v.message });
    }
  }

  // textlint: the CLI on the seeds, JSON.
  const tl = spawnSync(process.execPath, [join(peers, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--config', textlintrc, '--format', 'json', ...files], { cwd: dir, encoding: 'utf8' });
  for (const file of JSON.parse(tl.stdout)) {
    const f = file.filePath.split('/').pop();
    for (const m of file.messages) add({ tool: 'textlint', seed: f.slice(0, 3), line: m.line, col: m.column, rule: m.ruleId, text: m.message.split('\n')[0], context: lineOf(f, m.line) });
  }
  return { all, texts };
}

/** Gold figures by document: the exhaustive regions and every record. */
function gold() {
  const regions = [];
  const records = [];
  for (const line of readFileSync(join(root, 'test', 'gold', 'figures.gold.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    // A region line is { region: { doc, from, to } }; a record's own `region` is a place name.
    if (r.region && typeof r.region === 'object') regions.push(r.region);
    else records.push(r);
  }
  return { regions, records };
}

/** The verdict on one finding: { verdict: accepted | rejected | unjudged, reason, by }. */
function judge(f, g, texts) {
  const own = findingVerdicts[f.tool]?.[f.key];
  if (own) return { ...own, by: 'finding' };
  if (f.tool === 'wengao' && f.rule === 'figure.target') {
    const doc = Object.keys(texts).find((d) => d.startsWith(f.seed));
    const inRegion = g.regions.some((r) => r.doc === doc && f.line >= r.from && f.line <= r.to);
    if (!inRegion) return { verdict: 'unjudged', reason: 'outside the gold regions', by: 'gold' };
    // The gold record at the same place: same line, its text's occurrence overlapping the finding.
    const lineText = texts[doc].split('\n')[f.line - 1];
    const start = f.col - 1;
    const end = start + f.text.length;
    const rec = g.records.find((r) => {
      if (r.doc !== doc || r.line !== f.line) return false;
      let at = -1;
      for (let k = 0; k < (r.occurrence ?? 1); k++) at = lineText.indexOf(r.text, at + 1);
      return at >= 0 && at < end && at + r.text.length > start;
    });
    if (!rec) return { verdict: 'rejected', reason: 'no figure at this place in the gold set', by: 'gold' };
    if (rec.figure === false) return { verdict: 'rejected', reason: `gold: not a figure (${rec.why})`, by: 'gold' };
    return rec.kind === 'target'
      ? { verdict: 'accepted', reason: 'gold: a target', by: 'gold' }
      : { verdict: 'rejected', reason: `gold: kind ${rec.kind}, not a target`, by: 'gold' };
  }
  const rule = ruleVerdicts[f.tool]?.[f.rule];
  if (rule && rule.verdict !== 'per finding') return { verdict: rule.verdict, reason: rule.reason, by: 'rule' };
  return { verdict: 'unjudged', reason: 'no verdict recorded', by: 'none' };
}

const TOOLS = ['wengao', 'autocorrect', 'zhlint', 'textlint'];

export async function collectFindings(dir, opts) {
  const { all, texts } = await rawFindings(dir, opts);
  const g = gold();
  for (const f of all) Object.assign(f, { judged: judge(f, g, texts) });
  const seedIds = Object.keys(texts).map((d) => d.slice(0, 3));
  const tables = [];
  const t = (s = '') => tables.push(s);
  const count = (xs, v) => xs.filter((f) => f.judged.verdict === v).length;
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

  t('#### Findings on the seeds, judged by a reviewer of government documents');
  t();
  t('Counts per seed; a verdict per rule or per finding from bench/verdicts.mjs (reasons there and below). Wengao with every check and severity (hint and up); autocorrect\'s changes counted one by one with one rule on at a time; zhlint with its default preset; textlint with no-unmatched-pair only.');
  t();
  t(`| tool | ${seedIds.join(' | ')} | total | accepted | rejected | not judged | rejected / judged |`);
  t(`|---|${seedIds.map(() => '---').join('|')}|---|---|---|---|---|`);
  const summary = {};
  for (const tool of TOOLS) {
    const xs = all.filter((f) => f.tool === tool);
    const a = count(xs, 'accepted');
    const r = count(xs, 'rejected');
    const u = count(xs, 'unjudged');
    summary[tool] = { total: xs.length, accepted: a, rejected: r, unjudged: u, judged: a + r };
    t(`| ${tool} | ${seedIds.map((s) => xs.filter((f) => f.seed === s).length).join(' | ')} | ${xs.length} | ${a} | ${r} | ${u} | ${pct(r, a + r)} |`);
  }
  const warn = all.filter((f) => f.tool === 'wengao' && (f.severity === 'error' || f.severity === 'warning'));
  summary.wengaoWarnings = { total: warn.length, accepted: count(warn, 'accepted'), rejected: count(warn, 'rejected') };
  t(`| wengao, warning and error only | ${seedIds.map((s) => warn.filter((f) => f.seed === s).length).join(' | ')} | ${warn.length} | ${count(warn, 'accepted')} | ${count(warn, 'rejected')} | ${count(warn, 'unjudged')} | ${pct(count(warn, 'rejected'), count(warn, 'accepted') + count(warn, 'rejected'))} |`);
  t();

  t('#### By rule');
  t();
  t('| tool | rule | findings | accepted | rejected | not judged | verdict (per rule, or how judged) |');
  t('|---|---|---|---|---|---|---|');
  for (const tool of TOOLS) {
    const rules = [...new Set(all.filter((f) => f.tool === tool).map((f) => f.rule))];
    for (const rule of rules.sort()) {
      const xs = all.filter((f) => f.tool === tool && f.rule === rule);
      const rv = ruleVerdicts[tool]?.[rule];
      const how = tool === 'wengao' && rule === 'figure.target' ? 'against the gold set' : rv ? (rv.verdict === 'per finding' ? 'per finding' : `${rv.verdict}: ${rv.reason}`) : 'no verdict recorded';
      t(`| ${tool} | ${rule} | ${xs.length} | ${count(xs, 'accepted')} | ${count(xs, 'rejected')} | ${count(xs, 'unjudged')} | ${how.replace(/\|/g, '/')} |`);
    }
  }
  t();

  t('#### Wengao\'s findings of warning and error severity on the seeds, each read in its text');
  t();
  t('| seed:line:col | code | text there | verdict | why |');
  t('|---|---|---|---|---|');
  for (const f of warn) {
    t(`| ${f.seed}:${f.line}:${f.col} | ${f.rule} | ${excerpt(f.context, f.col - 1)} | ${f.judged.verdict} | ${f.judged.reason} |`);
  }
  t();
  const targets = all.filter((f) => f.tool === 'wengao' && f.rule === 'figure.target');
  const judgedT = targets.filter((f) => f.judged.verdict !== 'unjudged');
  t(`figure.target: ${targets.length} on the seeds; ${judgedT.length} fall in the gold set's exhaustive regions (seeds 002, 003, 004), of which ${count(judgedT, 'accepted')} are targets in the gold set and ${count(judgedT, 'rejected')} are not (precision ${pct(count(judgedT, 'accepted'), judgedT.length)}); ${targets.length - judgedT.length} lie outside those regions and are not judged.`);
  const rejT = judgedT.filter((f) => f.judged.verdict === 'rejected');
  if (rejT.length) {
    t();
    t('| seed:line:col | figure.target | gold says |');
    t('|---|---|---|');
    for (const f of rejT) t(`| ${f.seed}:${f.line}:${f.col} | ${f.message} | ${f.judged.reason} |`);
  }
  t();
  const others = all.filter((f) => f.judged.by === 'finding' && f.tool !== 'wengao');
  if (others.length) {
    t('#### Peers\' findings judged one by one');
    t();
    t('| tool | seed:line:col | rule | text there | verdict | why |');
    t('|---|---|---|---|---|---|');
    for (const f of others) t(`| ${f.tool} | ${f.seed}:${f.line}:${f.col} | ${f.rule} | ${excerpt(f.context, f.col - 1)} | ${f.judged.verdict} | ${f.judged.reason} |`);
    t();
  }
  return { tables, summary: { ...summary }, data: all.map(({ context, ...f }) => f) };
}

function excerpt(line, at) {
  const s = line.slice(Math.max(0, at - 12), at) + '⟦' + line.slice(at, at + 1) + '⟧' + line.slice(at + 1, at + 12);
  return s.replace(/\|/g, '｜').replace(/\s/g, ' ');
}

// `node bench/findings.mjs --dump [tool]`: every finding with its context and verdict.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = join(root, 'seeds');
  const peers = join(root, 'bench', 'peers');
  const { all, texts } = await rawFindings(dir, { peers, textlintrc: join(peers, 'textlintrc.json') });
  const g = gold();
  const tool = process.argv[3];
  for (const f of all) {
    if (tool && f.tool !== tool) continue;
    if (process.argv.includes('--unjudged') && judge(f, g, texts).verdict !== 'unjudged') continue;
    const j = judge(f, g, texts);
    console.log(`${f.key}\t${f.tool}\t${j.verdict} (${j.by})\t${f.text}\t${excerpt(f.context, f.col - 1)}`);
  }
}
