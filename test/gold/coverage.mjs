// Proofreading aid for annotators: lists number-like spans inside the gold regions that no gold
// record (figure or negative) covers, so that exhaustiveness can be checked by eye.
//   node test/gold/coverage.mjs            (both gold files)
// Arabic/full-width digits are always reported; Chinese numerals only when followed by a
// classifier-like character (三个, 两千名, 第九届 …), to keep the noise down.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sets = [
  [join(here, 'figures.gold.jsonl'), join(here, '..', '..', 'seeds')],
  [join(here, 'heldout.gold.jsonl'), join(here, 'heldout')],
];
const CN = '零〇一二两三四五六七八九十百千万亿';
const CLS = '个家项所座处场部户人名元亿万公里亩斤吨千瓦倍年届次批件条类大张套片栋台座位周月日期号种级成';
const re = new RegExp(`[0-9０-９]+|[${CN}]+(?=[${CLS}])`, 'g');

let missing = 0;
for (const [file, dir] of sets) {
  const recs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const regions = recs.filter((r) => r.region && typeof r.region === 'object').map((r) => r.region);
  const covered = new Map();
  const seen = new Map();
  for (const r of recs) {
    if (r.region && typeof r.region === 'object') continue;
    const key = `${r.doc}:${r.line}`;
    const text = readFileSync(join(dir, r.doc), 'utf8').split('\n')[r.line - 1] ?? '';
    let at = -1;
    for (let k = 0; k < (r.occurrence ?? 1); k++) at = text.indexOf(r.text, at + 1);
    if (at < 0) continue;
    if (!covered.has(key)) covered.set(key, []);
    covered.get(key).push([at, at + r.text.length]);
    const k2 = `${key}\t${r.text}`;
    seen.set(k2, (seen.get(k2) ?? 0) + 1);
  }
  for (const [k2, n] of seen) {
    const [doc, line, text] = k2.split(/:|\t/);
    const t = readFileSync(join(dir, doc), 'utf8').split('\n')[Number(line) - 1] ?? '';
    const spans = covered.get(`${doc}:${line}`) ?? [];
    let total = 0;
    let uncovered = 0;
    for (let at = t.indexOf(text); at >= 0; at = t.indexOf(text, at + 1)) {
      total++;
      if (!spans.some(([a, b]) => a <= at && at + text.length <= b)) uncovered++;
    }
    if (total > n && uncovered > 0) {
      missing++;
      console.log(`${doc}:${line}\t"${text}" occurs ${total} times, ${n} annotated`);
    }
  }
  for (const { doc, from, to } of regions) {
    const lines = readFileSync(join(dir, doc), 'utf8').split('\n');
    for (let n = from; n <= to; n++) {
      const t = lines[n - 1] ?? '';
      const spans = covered.get(`${doc}:${n}`) ?? [];
      for (const m of t.matchAll(re)) {
        const s = m.index;
        const e = s + m[0].length;
        if (spans.some(([a, b]) => a <= s && e <= b)) continue;
        missing++;
        console.log(`${doc}:${n}\t${t.slice(Math.max(0, s - 12), s)}【${m[0]}】${t.slice(e, e + 10)}`);
      }
    }
  }
}
console.error(`${missing} uncovered number-like spans`);
