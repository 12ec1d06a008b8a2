// Scores the proofreading checks on test/gold/proofread/*.jsonl, written by reviewers who never
// saw the code. Each case is checked as a plain-text report (dist/cli.js), set under a short
// Chinese frame (a title and a paragraph with full-width marks only) so that a line of English or
// figures is read as it would be inside a Chinese document. The marks a proofreader made are
// compared with Wengao's findings of that category, position by position (a finding catches a mark
// when its range covers the mark's position):
// - a mark {char|text, occurrence} is the start of that occurrence of the string in the case's text;
// - a case with `breaks` and `furniture` (page breaks) marks lines: a finding marks the line it starts on.
// A mark's `kind` picks the code it is scored against (number.range, …) and gives a row per kind.
// Reports recall (marks found), precision (findings that are marks) and the share of correct cases
// (cases without marks) flagged.
//   node esbuild.js && node test/gold/proofread/score.mjs [--verbose] [category…]
// Each file is one batch, written unseen; a later batch of a category is named category-N.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const CLI = process.env.WENGAO_CLI ?? join(ROOT, 'dist', 'cli.js');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));
/** The code (or, for a category of kinds, the code prefix) each category is scored against. */
const CODE = {
  'punct-half-width': 'punct.half-width',
  'text-doubled': 'text.doubled',
  // (A break inside a quotation is quote.paragraph-break's.)
  'para-page-break': ['para.page-break', 'quote.paragraph-break'],
  // (A width mark is caught by either width check, a half-width mark between Chinese characters being
  // punct.half-width's, or by heading.marker where it is in a heading's number: "（一)".)
  'punct-mixed-width': ['punct.mixed-width', 'punct.half-width', 'heading.marker'],
  number: 'number.',
  dunhao: 'punct.dunhao',
  term: 'term.',
  // (The mark after an ordinal: 一. 第一、 ①、 （一）、 1、 (一).)
  'heading-marker': 'heading.marker',
  booktitle: 'punct.booktitle',
  'end-missing': 'punct.end-missing',
  // (Half-width marks, mixed pairs and full-width letters together, as a second batch was written.)
  'punct-width': ['punct.half-width', 'punct.mixed-width', 'heading.marker'],
};

const FRAME = '关于印发工作方案的通知\n\n各有关单位：现将《2026年全市重点工作推进方案》印发给你们，请结合实际认真贯彻落实。各地各部门要切实提高政治站位，强化责任担当，细化工作措施，明确时间节点，确保各项任务落地见效。工作中遇到的重大问题，请及时向市委、市政府报告。方案实施过程中，市政府办公室将会同有关部门加强跟踪督导，定期通报进展情况，对工作推进不力、进度明显滞后的单位予以督促提醒。\n\n';
const FRAME_LINES = FRAME.split('\n').length - 1;

const nth = (text, s, k) => {
  let at = -1;
  for (let i = 0; i < k; i++) {
    at = text.indexOf(s, at + 1);
    if (at < 0) return -1;
  }
  return at;
};
const lineStarts = (text) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
/** A gold kind whose code is named otherwise. */
/** (A misspelled set phrase or word is caught by the list, term.misspelling, by term.homophone, or by term.confusable.) */
const KIND_CODE = { 'approx-dunhao': 'approx-list', misspelling: ['misspelling', 'homophone', 'confusable'] };
const kindCode = (code, kind) => { const k = KIND_CODE[kind] ?? kind; return Array.isArray(k) ? k.map((x) => code + x) : code + k; };
const matches = (code, want) => (Array.isArray(want) ? want.some((w) => matches(code, w)) : want.endsWith('.') ? code.startsWith(want) : code === want);

const pct = (x) => `${(x * 100).toFixed(1)}%`;
console.log('| category | cases | marks found | recall | precision | correct cases flagged |');
console.log('|---|---|---|---|---|---|');
for (const file of readdirSync(HERE).filter((f) => f.endsWith('.jsonl')).sort()) {
  const category = file.replace(/\.jsonl$/, '');
  if (only.length && !only.includes(category)) continue;
  // (A later batch of a category, "text-doubled-2", is scored as the category.)
  const code = CODE[category.replace(/-\d+$/, '')];
  const cases = readFileSync(join(HERE, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const dir = mkdtempSync(join(tmpdir(), 'wengao-proofread-'));
  let result;
  try {
    for (const c of cases) writeFileSync(join(dir, `${c.id}.txt`), FRAME + c.text + '\n');
    let out;
    try {
      out = execFileSync(process.execPath, [CLI, 'check', '--format', 'json', '--min-severity', 'hint', '--max-warnings', '-1', dir], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (e) {
      out = e.stdout;
    }
    result = JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const byId = new Map();
  for (const f of result.files ?? result) byId.set((f.path ?? f.file).replace(/^.*\//, '').replace(/\.txt$/, ''), f.diagnostics ?? f.findings ?? []);
  // Rows: the category, and one per kind where the marks have kinds.
  const rows = new Map();
  const row = (name) => rows.get(name) ?? rows.set(name, { marks: 0, hit: 0, findings: 0, right: 0 }).get(name);
  let correct = 0, flaggedCorrect = 0;
  for (const c of cases) {
    const starts = lineStarts(c.text);
    // (Lines are marked as `breaks` (page breaks, 0-based) or as marks {line} (1-based: punct.end-missing).)
    const byLines = Array.isArray(c.breaks) || (c.marks ?? []).some((m) => m.line !== undefined);
    // Each mark as a position key (an offset, or a line) with the code it is scored against.
    const want = byLines
      ? [...(c.breaks ?? (c.marks ?? []).map((m) => m.line - 1)), ...(c.furniture ?? [])].map((l) => ({ key: l, len: 1, code, kind: undefined }))
      : c.marks.map((m) => ({ key: nth(c.text, m.text ?? m.char, m.occurrence ?? 1), len: Math.max(1, (m.text ?? m.char).length), code: m.kind && typeof code === 'string' && code.endsWith('.') ? kindCode(code, m.kind) : code, kind: m.kind }));
    const got = (byId.get(c.id) ?? [])
      .filter((d) => matches(d.code, code) && d.range.start.line >= FRAME_LINES)
      .map((d) => {
        if (byLines) return { key: d.range.start.line - FRAME_LINES, end: d.range.start.line - FRAME_LINES + 1, code: d.code };
        const key = starts[d.range.start.line - FRAME_LINES] + d.range.start.character;
        const end = (starts[d.range.end.line - FRAME_LINES] ?? key) + d.range.end.character;
        return { key, end: Math.max(end, key + 1), code: d.code };
      });
    // A finding catches a mark when it overlaps the marked string (舞敝 of a marked 徇私舞敝).
    const covers = (g, w) => g.key < w.key + w.len && w.key < g.end && matches(g.code, w.code);
    const show = (key) => (byLines ? JSON.stringify(c.text.split('\n')[key]?.slice(-20)) : JSON.stringify(c.text.slice(Math.max(0, key - 8), key + 8)));
    for (const w of want) {
      const r = row(w.kind ? `${category}: ${w.kind}` : category);
      const total = w.kind ? row(category) : undefined;
      const hit = got.some((g) => covers(g, w));
      r.marks++, (r.hit += hit ? 1 : 0);
      if (total) total.marks++, (total.hit += hit ? 1 : 0);
      if (verbose && !hit) console.log(`MISSED ${c.id} ${w.kind ?? ''} ${show(w.key)}`);
    }
    for (const g of got) {
      const right = want.some((w) => covers(g, w));
      const suffix = typeof code === 'string' && code.endsWith('.') ? g.code.slice(code.length) : undefined;
      const kind = suffix && (Object.entries(KIND_CODE).find(([, c]) => c === suffix || (Array.isArray(c) && c.includes(suffix)))?.[0] ?? suffix);
      for (const name of kind ? [category, `${category}: ${kind}`] : [category]) {
        const r = row(name);
        r.findings++, (r.right += right ? 1 : 0);
      }
      if (verbose && !right) console.log(`EXTRA  ${c.id} ${g.code} ${show(g.key)}`);
    }
    if (want.length === 0) {
      correct++;
      if (got.length) flaggedCorrect++;
    }
  }
  for (const [name, r] of [...rows].sort(([a], [b]) => (a === category ? -1 : b === category ? 1 : a.localeCompare(b)))) {
    const cases_ = name === category ? String(cases.length) : '';
    const flagged = name === category ? `${flaggedCorrect} of ${correct} (${pct(flaggedCorrect / (correct || 1))})` : '';
    console.log(`| ${name} | ${cases_} | ${r.hit} of ${r.marks} | ${pct(r.hit / (r.marks || 1))} | ${pct(r.findings ? r.right / r.findings : 1)} | ${flagged} |`);
  }
}
