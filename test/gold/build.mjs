// Builds the gold JSONL files from the hand-written annotation sources in test/gold/src/.
//   node test/gold/build.mjs            (writes figures.gold.jsonl and heldout.gold.jsonl)
//   node test/gold/build.mjs --review   (also prints every record with its context, for proofreading)
//
// The .ann files are the hand annotation; this script only expands them into the JSONL format
// (it derives value/max/unit/normalized from the annotated "text" unless the line overrides them).
//
// .ann format (one record per line, fields separated by " | "):
//   @doc NAME                 document the following lines belong to
//   @region FROM TO           a line range (1-based, inclusive) annotated exhaustively
//   @set k=v k=v ...          defaults for period / kind / region (until the next @set or @doc)
//   LINE | TEXT | INDICATOR | VERB | COMPARATOR [| k=v ...]      a figure
//   LINE | TEXT | !WHY [| k=v ...]                               a negative (not a figure)
//   k=v overrides: occ period kind region note value max unit nvalue nunit   ("null" = null)
//   Lines starting with # are comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const CN_DIGIT = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG = { 万: 1e4, 亿: 1e8 };

export function cnToNumber(s) {
  let total = 0;
  let section = 0;
  let digit = null;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch];
    else if (ch in CN_UNIT) {
      section += (digit === null ? 1 : digit) * CN_UNIT[ch];
      digit = null;
    } else if (ch in CN_BIG) {
      section += digit ?? 0;
      total += section * CN_BIG[ch];
      section = 0;
      digit = null;
    } else throw new Error(`not a Chinese numeral: ${s}`);
  }
  return total + section + (digit ?? 0);
}

const fold = (s) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const clean = (x) => Number(x.toPrecision(12));

const UNIT_EQUIV = { 'μg/m³': '微克/立方米', 'µg/m³': '微克/立方米', 'μg/m3': '微克/立方米' };

// One number at the start of s: returns { value, rest } or null.
function readNumber(s) {
  const sign = /^[-−]/.test(s) ? -1 : 1;
  if (sign < 0) s = s.slice(1);
  let m = /^([0-9][0-9,]*(?:\.[0-9]+)?)/.exec(s);
  if (m) return { value: sign * Number(m[1].replace(/,/g, '')), rest: s.slice(m[1].length), script: 'arabic' };
  m = /^([零〇一二两三四五六七八九十百千万亿]+)/.exec(s);
  if (m) {
    let run = m[1];
    let rest = s.slice(run.length);
    // a trailing 万/亿 is the unit multiplier (三万人 = 3 万人), an inner one is part of the number (三万五千)
    if (run.length > 1 && /[万亿]$/.test(run)) {
      rest = run.slice(-1) + rest;
      run = run.slice(0, -1);
    }
    // approximate neighbours: 三四, 七八, 三四十 (two consecutive digits, optionally times 十/百/千)
    const nb = /^([一二三四五六七八九])([一二三四五六七八九])([十百千]?)$/.exec(run);
    if (nb && CN_DIGIT[nb[2]] === CN_DIGIT[nb[1]] + 1) {
      const u = nb[3] ? CN_UNIT[nb[3]] : 1;
      return { value: CN_DIGIT[nb[1]] * u, max: CN_DIGIT[nb[2]] * u, rest, script: 'cn' };
    }
    return { value: cnToNumber(run), rest, script: 'cn' };
  }
  return null;
}

export function parseText(text) {
  const s = fold(text).replace(/\s+/g, '');
  const a = readNumber(s);
  if (!a) throw new Error(`no number at start of "${text}"`);
  let value = a.value;
  let max = a.max ?? null;
  let rest = a.rest;
  // range: 3%～5%, 3-5%, 3至5个, 3到5个
  const r = /^(%|‰)?(?:~|～|-|－|—|–|至|到)(.*)$/.exec(rest);
  if (r && max === null) {
    const b = readNumber(r[2]);
    if (b) {
      max = b.value;
      rest = b.rest;
      if (r[1] && !rest.startsWith(r[1])) throw new Error(`range units differ in "${text}"`);
    }
  }
  const unit = rest;
  let mult = 1;
  let base = unit;
  const mm = /^(万亿|[万亿])(.*)$/.exec(unit);
  if (mm) {
    mult = mm[1] === '万亿' ? 1e12 : CN_BIG[mm[1]];
    base = mm[2];
  }
  base = UNIT_EQUIV[base] ?? base;
  return { value, max, unit, normalized: { value: clean(value * mult), ...(max !== null ? { max: clean(max * mult) } : {}), unit: base } };
}

const NUM = new Set(['value', 'max', 'nvalue', 'occ']);

function parseKv(parts, where) {
  const o = {};
  for (const p of parts) {
    const m = /^(\w+)=(.*)$/s.exec(p);
    if (!m) throw new Error(`${where}: bad override "${p}"`);
    let v = m[2];
    if (v === 'null') v = null;
    else if (NUM.has(m[1])) v = Number(v);
    o[m[1]] = v;
  }
  return o;
}

const docDirOf = (annFile) => (annFile.endsWith('heldout.ann') ? join(here, 'heldout') : join(here, '..', '..', 'seeds'));

export function buildFile(annFile) {
  const out = [];
  const regions = [];
  let doc = null;
  let defaults = {};
  const src = readFileSync(annFile, 'utf8').split('\n');
  src.forEach((raw, i) => {
    const where = `${annFile}:${i + 1}`;
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('@doc ')) {
      doc = line.slice(5).trim();
      defaults = {};
      return;
    }
    if (line.startsWith('@region ')) {
      const [from, to] = line.slice(8).trim().split(/\s+/).map(Number);
      regions.push({ region: { doc, from, to } });
      return;
    }
    if (line.startsWith('@set')) {
      defaults = { ...defaults, ...parseKv(line.slice(4).trim().split(/\s+(?=\w+=)/).filter(Boolean), where) };
      return;
    }
    const f = line.split('|').map((x) => x.trim());
    const ln = Number(f[0]);
    if (!doc || !Number.isInteger(ln)) throw new Error(`${where}: bad line`);
    const text = f[1];
    if (f[2]?.startsWith('!')) {
      const o = parseKv(f.slice(3), where);
      const rec = { doc, line: ln, text, ...(o.occ ? { occurrence: o.occ } : {}), figure: false, why: f[2].slice(1) };
      if (o.note) rec.note = o.note;
      out.push(rec);
      return;
    }
    if (f.length < 5) throw new Error(`${where}: figure needs text | indicator | verb | comparator`);
    const o = { ...defaults, ...parseKv(f.slice(5), where) };
    const p = parseText(text);
    const value = 'value' in o ? o.value : p.value;
    const max = 'max' in o ? o.max : p.max;
    const unit = 'unit' in o ? o.unit : p.unit;
    const normalized = { ...p.normalized };
    if ('nvalue' in o) normalized.value = o.nvalue;
    if ('nunit' in o) normalized.unit = o.nunit;
    if ('max' in o && o.max !== null && !('nmax' in o)) normalized.max = clean(o.max * (p.normalized.value / p.value || 1));
    const rec = {
      doc,
      line: ln,
      text,
      occurrence: o.occ ?? 1,
      indicator: f[2],
      verb: f[3] || null,
      value,
      max,
      unit,
      normalized,
      comparator: f[4],
      period: o.period === undefined ? null : o.period,
      kind: o.kind,
      region: o.region === undefined ? null : o.region,
    };
    if (o.note) rec.note = o.note;
    out.push(rec);
  });
  // regions first, then figures, then negatives; each in document order
  const docOrder = [...new Set(regions.map((r) => r.region.doc))];
  const pos = (r) => {
    const t = readFileSync(join(docDirOf(annFile), r.doc), 'utf8').split('\n')[r.line - 1] ?? '';
    let at = -1;
    for (let k = 0; k < (r.occurrence ?? 1); k++) at = t.indexOf(r.text, at + 1);
    return at;
  };
  const order = (a, b) => docOrder.indexOf(a.doc) - docOrder.indexOf(b.doc) || a.line - b.line || pos(a) - pos(b);
  const figures = out.filter((r) => r.figure !== false).sort(order);
  const negatives = out.filter((r) => r.figure === false).sort(order);
  return [...regions, ...figures, ...negatives];
}

function context(docDir, r) {
  const lines = readFileSync(join(docDir, r.doc), 'utf8').split('\n');
  const t = lines[r.line - 1] ?? '';
  let at = -1;
  for (let k = 0; k < (r.occurrence ?? 1); k++) at = t.indexOf(r.text, at + 1);
  if (at < 0) return '<<NOT FOUND>>';
  return t.slice(Math.max(0, at - 14), at) + '【' + r.text + '】' + t.slice(at + r.text.length, at + r.text.length + 8);
}

const isRegion = (r) => r.region !== null && typeof r.region === 'object';
const review = process.argv.includes('--review');
for (const [name, docDir] of [
  ['figures', join(here, '..', '..', 'seeds')],
  ['heldout', join(here, 'heldout')],
]) {
  const recs = buildFile(join(here, 'src', `${name}.ann`));
  writeFileSync(join(here, `${name}.gold.jsonl`), recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  if (review) {
    for (const r of recs) {
      if (isRegion(r)) continue;
      const ctx = context(docDir, r);
      if (r.figure === false) console.log(`${r.doc.slice(0, 6)}:${r.line}\tNEG ${r.why}\t${ctx}`);
      else
        console.log(
          `${r.doc.slice(0, 6)}:${r.line}\t${ctx}\t=> ${r.indicator} /${r.verb ?? ''}/ ${r.comparator} ${r.value}${r.max !== null ? '..' + r.max : ''} ${r.unit} [${r.normalized.value} ${r.normalized.unit}] ${r.period} ${r.kind} ${r.region}${r.note ? ' #' + r.note : ''}`,
        );
    }
  }
  const pos = recs.filter((r) => !isRegion(r) && r.figure !== false).length;
  const neg = recs.filter((r) => r.figure === false).length;
  console.error(`${name}: ${pos} figures, ${neg} negatives`);
}
