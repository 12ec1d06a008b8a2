/**
 * Quality of figure extraction against the hand-annotated gold sets in test/gold/:
 * precision, recall, kind accuracy and period accuracy (plus value, unit and comparator), per
 * set and per document. Used by `npm run quality` (prints) and by quality.test.ts (asserts).
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { analyze, documentKind, Figure, LineIndex } from '../../server/src/core';
import { nthIndex } from '../helpers/nth.mjs';

export interface GoldFigure {
  doc: string;
  line: number;
  text: string;
  occurrence?: number;
  figure?: false;
  indicator?: string;
  value?: number;
  max?: number | null;
  unit?: string;
  comparator?: string;
  period?: string | null;
  kind?: string;
  region?: string | null;
}

interface Region {
  doc: string;
  from: number;
  to: number;
}

export interface Mismatch {
  doc: string;
  line: number;
  text: string;
  field: string;
  gold: unknown;
  got: unknown;
}

export interface Score {
  set: string;
  gold: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  kind: number;
  period: number;
  value: number;
  unit: number;
  comparator: number;
  falsePositives: { doc: string; line: number; text: string }[];
  falseNegatives: { doc: string; line: number; text: string }[];
  mismatches: Mismatch[];
}

const root = join(__dirname, '..', '..');

export function loadGold(file: string): { regions: Region[]; figures: GoldFigure[]; negatives: GoldFigure[] } {
  const regions: Region[] = [];
  const figures: GoldFigure[] = [];
  const negatives: GoldFigure[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.region && typeof r.region === 'object') regions.push(r.region);
    else if (r.figure === false) negatives.push(r);
    else figures.push(r);
  }
  return { regions, figures, negatives };
}


export function score(set: string, goldFile: string, docDir: string): Score {
  const { regions, figures: gold } = loadGold(goldFile);
  const docs = [...new Set(regions.map((r) => r.doc))];
  const extracted: { doc: string; line: number; start: number; end: number; f: Figure }[] = [];
  const lineIndexes = new Map<string, LineIndex>();
  for (const doc of docs) {
    const path = join(docDir, doc);
    if (!existsSync(path)) throw new Error(`gold names a missing document: ${path}`);
    const text = readFileSync(path, 'utf8');
    const a = analyze(text, { kind: documentKind(doc), scope: 'all' });
    lineIndexes.set(doc, a.model.lines);
    for (const f of a.figures) {
      const p = a.model.lines.position(f.span.start);
      const line = p.line + 1;
      if (!regions.some((r) => r.doc === doc && r.from <= line && line <= r.to)) continue;
      extracted.push({ doc, line, start: p.character, end: p.character + (f.span.end - f.span.start), f });
    }
  }
  const used = new Set<number>();
  const pairs: { g: GoldFigure; f: Figure }[] = [];
  const falseNegatives: Score['falseNegatives'] = [];
  for (const g of gold) {
    const lines = lineIndexes.get(g.doc);
    if (!lines) continue;
    const lineText = lines.lineText(g.line - 1);
    const start = nthIndex(lineText, g.text, g.occurrence ?? 1);
    if (start < 0) throw new Error(`gold text not found: ${g.doc}:${g.line} "${g.text}"`);
    const end = start + g.text.length;
    let best = -1;
    for (let i = 0; i < extracted.length; i++) {
      const e = extracted[i];
      if (used.has(i) || e.doc !== g.doc || e.line !== g.line || e.end <= start || e.start >= end) continue;
      if (best < 0 || Math.abs(e.start - start) < Math.abs(extracted[best].start - start)) best = i;
    }
    if (best < 0) falseNegatives.push({ doc: g.doc, line: g.line, text: g.text });
    else {
      used.add(best);
      pairs.push({ g, f: extracted[best].f });
    }
  }
  const falsePositives = extracted.filter((_, i) => !used.has(i)).map((e) => ({ doc: e.doc, line: e.line, text: e.f.text }));
  const mismatches: Mismatch[] = [];
  const agree = (field: string, get: (f: Figure) => unknown, want: (g: GoldFigure) => unknown, eq = (a: unknown, b: unknown) => a === b) => {
    let n = 0;
    for (const { g, f } of pairs) {
      const w = want(g);
      const v = get(f);
      if (eq(w, v)) n++;
      else mismatches.push({ doc: g.doc, line: g.line, text: g.text, field, gold: w, got: v });
    }
    return pairs.length ? n / pairs.length : 1;
  };
  const near = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
  return {
    set,
    gold: gold.length,
    extracted: extracted.length,
    matched: pairs.length,
    precision: extracted.length ? pairs.length / extracted.length : 1,
    recall: gold.length ? pairs.length / gold.length : 1,
    kind: agree('kind', (f) => f.kind, (g) => g.kind),
    period: agree('period', (f) => f.period, (g) => g.period ?? null),
    value: agree('value', (f) => f.value, (g) => g.value, near),
    unit: agree('unit', (f) => f.unit, (g) => g.unit),
    comparator: agree('comparator', (f) => f.comparator, (g) => g.comparator),
    falsePositives,
    falseNegatives,
    mismatches,
  };
}

export function scoreAll(): Score[] {
  const gold = join(root, 'test', 'gold');
  return [
    score('seeds (gold set)', join(gold, 'figures.gold.jsonl'), join(root, 'seeds')),
    score('held-out documents', join(gold, 'heldout.gold.jsonl'), join(gold, 'heldout')),
  ];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function report(scores: Score[], verbose: boolean): string {
  const out = [
    '| set | gold | extracted | matched | precision | recall | kind accuracy | period accuracy | value | unit | comparator |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...scores.map((s) => `| ${s.set} | ${s.gold} | ${s.extracted} | ${s.matched} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.kind)} | ${pct(s.period)} | ${pct(s.value)} | ${pct(s.unit)} | ${pct(s.comparator)} |`),
  ];
  if (verbose) {
    for (const s of scores) {
      out.push('', `## ${s.set}`);
      for (const e of s.falsePositives) out.push(`FP ${e.doc}:${e.line} ${e.text}`);
      for (const e of s.falseNegatives) out.push(`FN ${e.doc}:${e.line} ${e.text}`);
      for (const m of s.mismatches) out.push(`${m.field} ${m.doc}:${m.line} ${m.text}: gold ${JSON.stringify(m.gold)}, got ${JSON.stringify(m.got)}`);
    }
  }
  return out.join('\n');
}

if (require.main === module) {
  console.log(report(scoreAll(), process.argv.includes('--verbose')));
}
