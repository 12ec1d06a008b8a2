/**
 * Speed of the core on reports built from seeds/: the model, figure extraction and the whole
 * analysis, per 100 KB, at 100 KB, 1 MB and 10 MB. Each figure is the median of several runs,
 * reported also as a ratio to a baseline measured in the same run (a regex scan for numbers
 * over the same text), so that results compare across machines.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { analyze, buildModel, buildOutline, extractFigures } from '../server/src/core';

const quick = process.argv.includes('--quick');
const seedsDir = join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).sort().map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const corpus = seeds.join('\n\n');

/** A report of about `bytes` UTF-8 bytes made of whole seeds. */
function report(bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    parts.push(corpus);
    n += Buffer.byteLength(corpus);
  }
  const text = parts.join('\n\n');
  // Cut at a paragraph boundary near the target size.
  let cut = text.length;
  while (Buffer.byteLength(text.slice(0, cut)) > bytes * 1.02) cut = text.lastIndexOf('\n\n', Math.floor(cut * 0.9));
  return text.slice(0, cut);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: () => unknown): number {
  const ts: number[] = [];
  // Warm-up: let the JIT compile the hot paths before timing (several rounds for small inputs).
  for (let i = 0; i < Math.min(5, runs); i++) f();
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = process.hrtime.bigint();
    f();
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ts);
}

const sizes: [string, number][] = [['100 KB', 100_000], ['1 MB', 1_000_000], ['10 MB', 10_000_000]];
const rows: string[] = [];
const per100: Record<string, number> = {};
for (const [label, bytes] of sizes) {
  const text = report(bytes);
  const kb = Buffer.byteLength(text) / 1000;
  const runs = quick ? 3 : bytes >= 10_000_000 ? 5 : 15;
  const baseline = time(runs, () => text.match(/[0-9]+(?:\.[0-9]+)?/g)?.length);
  const model = time(runs, () => buildModel(text, 'plaintext'));
  const m = buildModel(text, 'plaintext');
  const outline = buildOutline(m);
  const figures = time(runs, () => extractFigures(m, { outline }));
  const whole = time(runs, () => analyze(text, { kind: 'plaintext' }));
  const count = extractFigures(m, { outline }).length;
  per100[label] = (figures / kb) * 100;
  rows.push(
    `| ${label} (${Math.round(kb)} KB) | ${baseline.toFixed(1)} | ${model.toFixed(1)} | ${figures.toFixed(1)} | ${((figures / kb) * 100).toFixed(2)} | ${(figures / baseline).toFixed(1)}× | ${whole.toFixed(1)} | ${count} |`,
  );
}
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('| input | baseline: regex scan (ms) | model (ms) | figures (ms) | figures per 100 KB (ms) | figures / baseline | whole analysis (ms) | figures found |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(`\nGrowth of figure extraction per 100 KB from 1 MB to 10 MB: ${(per100['10 MB'] / per100['1 MB']).toFixed(2)} (1.00 = linear)`);
