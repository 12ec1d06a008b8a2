/**
 * The analysis in steps (core/steps.ts, `analyzeSteps`): the language server runs a document's
 * analysis on its main thread with pauses between steps, and in a pause another document's
 * analysis may run, with a configuration of its own. Each must come out as it does alone.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { Analysis, AnalyzeOptions, analyze, analyzeSteps, parseConfig } from '../../server/src/core';
import { OFF_THREAD_CHARS, OFF_THREAD_LINE, OFF_THREAD_SENTENCE, OffThreadAnalyzer } from '../../server/src/lsp/offThread';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const seed = (prefix: string) => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

// A project's unit and alias (.wengaorc.json): with them the last line's figures read otherwise.
const CONFIG = parseConfig(
  JSON.stringify({ units: ['标准台', { unit: '万标准台', base: '标准台', factor: 10000 }], aliases: { 数字经济核心产业增加值: ['数字核心产业增加值'] } }),
).config;
const LINE = '今年全市生产工业机器人3.5万标准台，数字核心产业增加值增长10%。\n';
// (After a long report: read many steps into the extraction.)
const TEXT = `${seed('002')}\n\n${LINE}`;
// (Another text beside it: state left by one text's step, as a regex's lastIndex, would show on the other.)
const OTHER = `${seed('003')}\n\n${seed('000')}\n\n${LINE}`;

/** What an analysis says, without the shared objects: comparable with toEqual. */
const said = (a: Analysis) => JSON.parse(JSON.stringify({ figures: a.figures, findings: a.findings, outline: a.outline, facts: a.facts }));

/** Steps both analyses one step each in turn, to the end of both. */
function interleaved(a: Generator<void, Analysis, void>, b: Generator<void, Analysis, void>): [Analysis, Analysis] {
  let ra = a.next();
  let rb = b.next();
  let turns = 0;
  while (!ra.done || !rb.done) {
    if (!ra.done) ra = a.next();
    if (!rb.done) rb = b.next();
    turns++;
  }
  expect(turns, 'each analysis pauses many times').toBeGreaterThan(50);
  return [ra.value as Analysis, rb.value as Analysis];
}

describe('an analysis in steps', () => {
  const withConfig: AnalyzeOptions = { kind: 'plaintext', config: CONFIG };
  const without: AnalyzeOptions = { kind: 'plaintext' };

  it("keeps a project's units and aliases to its own steps, whatever runs in its pauses", () => {
    const alone = [analyze(TEXT, withConfig), analyze(OTHER, without)];
    const unit = (a: Analysis) => a.figures.filter((f) => f.unit.endsWith('标准台')).map((f) => f.text);
    const measure = (a: Analysis) => a.figures.filter((f) => f.indicator === '数字核心产业增加值').map((f) => f.measure?.indicator);
    // (The configuration matters here: otherwise the test below could not tell.)
    expect(unit(alone[0])).toEqual(['3.5万标准台']);
    expect(unit(alone[1])).toEqual([]);
    expect(measure(alone[0])).toEqual(['数字经济核心产业增加值']);
    expect(measure(alone[1])).toEqual(['数字核心产业增加值']);
    const [a, b] = interleaved(analyzeSteps(TEXT, withConfig), analyzeSteps(OTHER, without));
    expect(said(a)).toEqual(said(alone[0]));
    expect(said(b)).toEqual(said(alone[1]));
  });

  it('a document with a line too long to pause in goes to the worker, whatever its size', () => {
    // (A check pauses between paragraphs, not inside one.)
    const withWorker = new OffThreadAnalyzer('server.js', () => undefined);
    expect(withWorker.wants('中'.repeat(OFF_THREAD_LINE))).toBe(true);
    expect(withWorker.wants(`标题\n\n${'中'.repeat(OFF_THREAD_LINE)}\n`)).toBe(true);
    expect(withWorker.wants(`${'中'.repeat(999)}。\n`.repeat(60))).toBe(false);
    // (Lines that run on into each other, with no sentence-final mark: one sentence.)
    expect(withWorker.wants(`${'中文中文，'.repeat(8)}\n`.repeat(Math.ceil(OFF_THREAD_SENTENCE / 40) + 1))).toBe(true);
    expect(withWorker.wants(`${'中文中文，'.repeat(7)}中文。\n`.repeat(Math.ceil(OFF_THREAD_SENTENCE / 40) + 1))).toBe(false);
    expect(withWorker.wants(`${'中文中文，'.repeat(8)}\n\n`.repeat(Math.ceil(OFF_THREAD_SENTENCE / 40) + 1))).toBe(false);
    expect(withWorker.wants(`${'中'.repeat(999)}。\n`.repeat(Math.ceil(OFF_THREAD_CHARS / 1001)))).toBe(true);
    // (No worker: the main thread, in slices.)
    expect(new OffThreadAnalyzer(undefined, () => undefined).wants('中'.repeat(OFF_THREAD_LINE))).toBe(false);
  });

  it('on the server without a worker: other work runs in its pauses, and the result is the unpaused one', async () => {
    // (No worker script: every analysis here, on this thread; a slice of 0 ms pauses at every step.)
    const here = new OffThreadAnalyzer(undefined, () => undefined, 0);
    const order: string[] = [];
    const pending = here.analyze(TEXT, withConfig).then((a) => (order.push('analysed'), a));
    setImmediate(() => order.push('other work'));
    const a = await pending;
    expect(order).toEqual(['other work', 'analysed']);
    expect(said(a)).toEqual(said(analyze(TEXT, withConfig)));
    // (A slice longer than the analysis: no pause, as for a short document.)
    const whole = new OffThreadAnalyzer(undefined, () => undefined, Infinity);
    const unpaused: string[] = [];
    const done = whole.analyze(TEXT, withConfig).then(() => unpaused.push('analysed'));
    setImmediate(() => unpaused.push('other work'));
    await done;
    expect(unpaused[0]).toBe('analysed');
  });
});
