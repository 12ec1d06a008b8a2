// Validates the gold sets: node test/gold/validate.mjs   (exit code 1 on any problem)
// Checks every record of figures.gold.jsonl (documents in seeds/) and heldout.gold.jsonl
// (documents in test/gold/heldout/): the document exists, the line is in range and inside an
// annotated region, the text occurs at least `occurrence` times in that line and that occurrence
// is not a fragment of a longer number, fields have the right types and enums, value/unit agree
// with the text, no record is duplicated, and records come in the order regions, figures, negatives.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nthIndex } from '../helpers/nth.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SETS = [
  { file: join(here, 'figures.gold.jsonl'), dir: join(here, '..', '..', 'seeds') },
  { file: join(here, 'heldout.gold.jsonl'), dir: join(here, 'heldout') },
];
const COMPARATORS = new Set(['eq', 'ge', 'gt', 'le', 'lt', 'approx', 'range']);
const KINDS = new Set(['target', 'actual', 'unknown']);
const FIGURE_KEYS = new Set(['doc', 'line', 'text', 'occurrence', 'indicator', 'verb', 'value', 'max', 'unit', 'normalized', 'comparator', 'period', 'kind', 'region', 'note']);
const NEGATIVE_KEYS = new Set(['doc', 'line', 'text', 'occurrence', 'figure', 'why', 'note']);
const MULT = { 万亿: 1e12, 万: 1e4, 亿: 1e8 };
const UNIT_EQUIV = { 'μg/m³': '微克/立方米' };
const ARABIC = /[0-9０-９.．,，]/;
const CN = /[零〇一二两三四五六七八九十百千万亿]/;
const fold = (s) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

let errors = 0;
let total = 0;
const fail = (where, msg) => {
  errors++;
  console.error(`${where}: ${msg}`);
};
const isInt = (x) => Number.isInteger(x);
const isNum = (x) => typeof x === 'number' && Number.isFinite(x);
const isStr = (x) => typeof x === 'string' && x.length > 0;


for (const { file, dir } of SETS) {
  if (!existsSync(file)) {
    fail(file, 'missing');
    continue;
  }
  const docs = new Map();
  const lines = (doc) => {
    if (!docs.has(doc)) docs.set(doc, existsSync(join(dir, doc)) ? readFileSync(join(dir, doc), 'utf8').split('\n') : null);
    return docs.get(doc);
  };
  const regions = [];
  const seen = new Set();
  let phase = 0; // 0 regions, 1 figures, 2 negatives
  const stats = new Map();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const where = `${file.slice(here.length + 1)}:${i + 1}`;
      let r;
      try {
        r = JSON.parse(raw);
      } catch (e) {
        return fail(where, `bad JSON: ${e.message}`);
      }
      total++;
      if (r.region && typeof r.region === 'object') {
        if (phase > 0) fail(where, 'region line after figure/negative lines');
        const { doc, from, to } = r.region;
        const ls = isStr(doc) ? lines(doc) : null;
        if (!ls) return fail(where, `region names a missing document ${doc}`);
        if (!isInt(from) || !isInt(to) || from < 1 || to < from || to > ls.length) fail(where, `bad region range ${from}-${to} (document has ${ls.length} lines)`);
        regions.push(r.region);
        return;
      }
      const negative = r.figure === false;
      if (negative && phase < 2) phase = 2;
      else if (!negative) {
        if (phase === 2) fail(where, 'figure line after negative lines');
        phase = 1;
      }
      for (const k of Object.keys(r)) if (!(negative ? NEGATIVE_KEYS : FIGURE_KEYS).has(k)) fail(where, `unexpected field "${k}"`);
      if (!isStr(r.doc)) return fail(where, 'doc must be a non-empty string');
      const ls = lines(r.doc);
      if (!ls) return fail(where, `missing document ${r.doc}`);
      if (!isInt(r.line) || r.line < 1 || r.line > ls.length) return fail(where, `line ${r.line} out of range 1-${ls.length}`);
      if (!regions.some((g) => g.doc === r.doc && g.from <= r.line && r.line <= g.to)) fail(where, `line ${r.line} is outside every annotated region of ${r.doc}`);
      if (!isStr(r.text)) return fail(where, 'text must be a non-empty string');
      const occ = r.occurrence ?? 1;
      if (!isInt(occ) || occ < 1) fail(where, 'occurrence must be a positive integer');
      const lineText = ls[r.line - 1];
      const at = nthIndex(lineText, r.text, occ);
      if (at < 0) return fail(where, `"${r.text}" does not occur ${occ} time(s) in ${r.doc}:${r.line}`);
      // the chosen occurrence must not be a fragment of a longer number
      const before = lineText[at - 1] ?? '';
      const after = lineText[at + r.text.length] ?? '';
      const first = r.text[0];
      const last = r.text[r.text.length - 1];
      if ((/[0-9０-９]/.test(first) && ARABIC.test(before) && before !== ',' && before !== '，') || (CN.test(first) && CN.test(before) && !negative))
        fail(where, `"${r.text}" (occurrence ${occ}) continues a number: "…${before}${r.text}"`);
      if (/[0-9０-９]/.test(last) && /[0-9０-９]/.test(after)) fail(where, `"${r.text}" (occurrence ${occ}) is cut off before "${after}"`);
      const key = `${r.doc}:${r.line}:${r.text}:${occ}`;
      if (seen.has(key)) fail(where, `duplicate record ${key}`);
      seen.add(key);
      const s = stats.get(r.doc) ?? { figures: 0, negatives: 0 };
      stats.set(r.doc, s);
      if (negative) {
        s.negatives++;
        if (!isStr(r.why)) fail(where, 'negative needs a non-empty "why"');
        if (r.note !== undefined && !isStr(r.note)) fail(where, 'note must be a string');
        return;
      }
      s.figures++;
      if (r.figure !== undefined) fail(where, 'figure must be absent or false');
      if (!isStr(r.indicator)) fail(where, 'indicator must be a non-empty string');
      if (!(r.verb === null || isStr(r.verb))) fail(where, 'verb must be a string or null');
      if (!isNum(r.value)) fail(where, 'value must be a number');
      if (!(r.max === null || isNum(r.max))) fail(where, 'max must be a number or null');
      if (typeof r.unit !== 'string') fail(where, 'unit must be a string');
      if (!COMPARATORS.has(r.comparator)) fail(where, `comparator "${r.comparator}" not in ${[...COMPARATORS]}`);
      if (!KINDS.has(r.kind)) fail(where, `kind "${r.kind}" not in ${[...KINDS]}`);
      if (!(r.region === null || isStr(r.region))) fail(where, 'region must be a string or null');
      if (r.note !== undefined && !isStr(r.note)) fail(where, 'note must be a non-empty string');
      if (r.period !== null) {
        const m = /^(\d{4})(?:-(\d{4}))?$/.exec(r.period ?? '');
        if (!m) fail(where, `period "${r.period}" must be null, "YYYY" or "YYYY-YYYY"`);
        else if (m[2] && Number(m[2]) <= Number(m[1])) fail(where, `period "${r.period}" is not increasing`);
      }
      if ((r.max !== null) !== (r.comparator === 'range')) fail(where, 'max must be set exactly when comparator is "range"');
      if (r.max !== null && isNum(r.value) && r.max <= r.value) fail(where, 'max must exceed value');
      const n = r.normalized;
      if (!n || typeof n !== 'object' || !isNum(n.value) || typeof n.unit !== 'string') fail(where, 'normalized must be {value: number, unit: string}');
      else {
        for (const k of Object.keys(n)) if (!['value', 'unit', 'max'].includes(k)) fail(where, `unexpected normalized field "${k}"`);
        if ((n.max !== undefined) !== (r.max !== null)) fail(where, 'normalized.max must be present exactly when max is');
        // the unit's multiplier must explain normalized.value (unless the unit is rescaled, e.g. 成 → %)
        const mm = /^(万亿|万|亿)(.*)$/.exec(r.unit);
        const mult = mm ? MULT[mm[1]] : 1;
        const base = mm ? mm[2] : r.unit;
        const rescaled = r.unit === '成';
        if (!rescaled && isNum(r.value) && !close(n.value, r.value * mult)) fail(where, `normalized.value ${n.value} ≠ ${r.value} × ${mult}`);
        if (!rescaled && n.max !== undefined && !close(n.max, r.max * mult)) fail(where, `normalized.max ${n.max} ≠ ${r.max} × ${mult}`);
        if (!rescaled && base !== '' && n.unit !== (UNIT_EQUIV[base] ?? base)) fail(where, `normalized.unit "${n.unit}" does not match unit "${r.unit}"`);
      }
      // value and unit must be readable from the text
      const t = fold(r.text).replace(/\s+/g, '');
      const num = /^-?[0-9][0-9,]*(?:\.[0-9]+)?/.exec(t);
      if (num) {
        if (isNum(r.value) && !close(Number(num[0].replace(/,/g, '')), r.value)) fail(where, `value ${r.value} does not match the text "${r.text}"`);
      } else if (!CN.test(t[0])) fail(where, `text "${r.text}" does not start with a number`);
      if (r.unit && !t.endsWith(r.unit)) fail(where, `unit "${r.unit}" is not how the text "${r.text}" ends`);
    });
  console.log(`${file.slice(here.length + 1)}: ${regions.length} regions`);
  for (const [doc, s] of stats) console.log(`  ${doc}: ${s.figures} figures, ${s.negatives} negatives`);
}
if (errors) {
  console.error(`${errors} problem(s) in ${total} records`);
  process.exit(1);
}
console.log(`ok: ${total} records`);
