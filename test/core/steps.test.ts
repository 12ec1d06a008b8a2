/**
 * The work after a document's analysis in steps (core/steps.ts): its index entry, its entering the
 * index and figure.mismatch against the workspace yield between pieces, and give what the same
 * work gives at once. The language server pauses at the yields (lsp/slices.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { FigureIndex, LOCAL_CHECKS, Steps, analyze, indexEntry, indexEntrySteps, inWorkspace, inWorkspaceSteps } from '../../server/src/core';

// (Three copies of seed 002: some 450 figures.)
const SEED = Array(3).fill(readFileSync(join(__dirname, '..', '..', 'seeds', '002_823a23dd25e68816.txt'), 'utf8')).join('\n\n');
// (Seed 002 holds 辽宁省's 2023 targets 城镇新增就业45万人左右 and 地区生产总值增长5%以上; this states them otherwise.)
const BRIEF = '2023年辽宁省政府工作报告\n\n三、2023年重点工作\n\n今年全省城镇新增就业40万人左右，地区生产总值增长6%以上。\n';

/** Runs steps to the end, counting the yields. */
function counted<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

describe('steps', () => {
  const seed = analyze(SEED, { kind: 'plaintext', checks: LOCAL_CHECKS });
  const brief = analyze(BRIEF, { kind: 'plaintext', checks: LOCAL_CHECKS });

  it('a large document yields while its entry is made, enters the index and is checked against it; the results are those of the work done at once', () => {
    expect(seed.figures.length).toBeGreaterThan(300);
    const entry = counted(indexEntrySteps('seed', 'seed.txt', seed));
    expect(entry.yields).toBeGreaterThan(2);
    expect(entry.value).toEqual(indexEntry('seed', 'seed.txt', seed));

    const stepped = new FigureIndex();
    const whole = new FigureIndex();
    for (const index of [stepped, whole]) index.set(indexEntry('brief', 'brief.txt', brief));
    const set = counted(stepped.setSteps(entry.value));
    expect(set.yields).toBeGreaterThan(2);
    expect(set.value).toEqual(whole.set(indexEntry('seed', 'seed.txt', seed)));
    expect(stepped.version).toBe(2);

    const checked = counted(inWorkspaceSteps(seed, { uri: 'seed', index: stepped }));
    expect(checked.yields).toBeGreaterThan(2);
    const mismatches = checked.value.findings.filter((f) => f.code === 'figure.mismatch');
    expect(mismatches).toHaveLength(6);
    expect(checked.value).toEqual(inWorkspace(seed, { uri: 'seed', index: whole }));
    expect(inWorkspace(brief, { uri: 'brief', index: stepped })).toEqual(inWorkspace(brief, { uri: 'brief', index: whole }));
  });

  it('the index lists a statement document after document, in the order they came: one set again comes last', () => {
    const index = new FigureIndex();
    const other = analyze(BRIEF.replace('40万', '42万'), { kind: 'plaintext', checks: LOCAL_CHECKS });
    index.set(indexEntry('a', 'a.txt', brief));
    index.set(indexEntry('b', 'b.txt', other));
    const key = index.get('a')!.figures.map((f) => f.figure).find((f) => f.indicator.includes('城镇新增就业'))!;
    const order = () => inWorkspace(analyze(BRIEF.replace('40万', '41万'), { kind: 'plaintext' }), { uri: 'c', index }).findings.find((f) => f.span.start === key.span.start)!.related.map((r) => r.path);
    expect(order()).toEqual(['a', 'b']);
    index.set(indexEntry('a', 'a.txt', brief));
    expect(order()).toEqual(['b', 'a']);
    index.remove('b');
    expect(order()).toEqual(['a']);
    expect(index.version).toBe(4);
  });
});
