// Scores the proofreading checks on test/gold/proofread/*.jsonl, written by reviewers who never
// saw the code: each line is checked as a line of a plain-text report (dist/cli.js), set under a
// short Chinese frame (a title and a paragraph with full-width marks only) so that a line of
// English or figures is read as it would be inside a Chinese document, and
// the marks a proofreader made are compared with Wengao's findings of that category, position by
// position. Reports recall (marks found), precision (findings that are marks) and the share of
// correct lines flagged.
//   node esbuild.js && node test/gold/proofread/score.mjs [--verbose]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const CLI = process.env.WENGAO_CLI ?? join(ROOT, 'dist', 'cli.js');
const verbose = process.argv.includes('--verbose');
const CODE = { 'punct-half-width': 'punct.half-width' };

const FRAME = '关于印发工作方案的通知\n\n各有关单位：现将《2026年全市重点工作推进方案》印发给你们，请结合实际认真贯彻落实。各地各部门要切实提高政治站位，强化责任担当，细化工作措施，明确时间节点，确保各项任务落地见效。工作中遇到的重大问题，请及时向市委、市政府报告。方案实施过程中，市政府办公室将会同有关部门加强跟踪督导，定期通报进展情况，对工作推进不力、进度明显滞后的单位予以督促提醒。\n\n';
const FRAME_LINES = FRAME.split('\n').length - 1;

const nth = (text, ch, k) => {
  let at = -1;
  for (let i = 0; i < k; i++) {
    at = text.indexOf(ch, at + 1);
    if (at < 0) return -1;
  }
  return at;
};

const rows = [];
for (const file of readdirSync(HERE).filter((f) => f.endsWith('.jsonl')).sort()) {
  const category = file.replace(/\.jsonl$/, '');
  const code = CODE[category];
  const cases = readFileSync(join(HERE, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const dir = mkdtempSync(join(tmpdir(), 'wengao-proofread-'));
  try {
    for (const c of cases) writeFileSync(join(dir, `${c.id}.txt`), FRAME + c.text + '\n');
    let out;
    try {
      out = execFileSync(process.execPath, [CLI, 'check', '--format', 'json', '--min-severity', 'hint', '--max-warnings', '-1', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (e) {
      out = e.stdout;
    }
    const result = JSON.parse(out);
    const found = new Map();
    for (const f of result.files ?? result) {
      const id = (f.path ?? f.file).replace(/^.*\//, '').replace(/\.txt$/, '');
      found.set(id, (f.diagnostics ?? f.findings ?? []).filter((d) => d.code === code && d.range.start.line === FRAME_LINES).map((d) => d.range.start.character));
    }
    let marks = 0, hit = 0, findings = 0, right = 0, correctLines = 0, flaggedCorrect = 0;
    for (const c of cases) {
      const want = new Set(c.marks.map((m) => nth(c.text, m.char, m.occurrence)));
      const got = new Set(found.get(c.id) ?? []);
      marks += want.size;
      findings += got.size;
      for (const w of want) if (got.has(w)) hit++;
      for (const g of got) if (want.has(g)) right++;
      if (want.size === 0) {
        correctLines++;
        if (got.size) flaggedCorrect++;
      }
      if (verbose) {
        for (const w of want) if (!got.has(w)) console.log(`MISSED ${c.id} ${JSON.stringify(c.text.slice(Math.max(0, w - 8), w + 8))}`);
        for (const g of got) if (!want.has(g)) console.log(`EXTRA  ${c.id} ${JSON.stringify(c.text.slice(Math.max(0, g - 8), g + 8))}`);
      }
    }
    rows.push({ category, lines: cases.length, marks, hit, recall: hit / marks, precision: findings ? right / findings : 1, correctLines, flaggedCorrect });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log('| category | lines | marks found | recall | precision | correct lines flagged |');
console.log('|---|---|---|---|---|---|');
const pct = (x) => `${(x * 100).toFixed(1)}%`;
for (const r of rows) console.log(`| ${r.category} | ${r.lines} | ${r.hit} of ${r.marks} | ${pct(r.recall)} | ${pct(r.precision)} | ${r.flaggedCorrect} of ${r.correctLines} (${pct(r.flaggedCorrect / r.correctLines)}) |`);
