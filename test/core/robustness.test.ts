/**
 * Any text: the core never throws, every range lies inside the document (and splits no
 * surrogate pair or CRLF), quick fixes apply cleanly, changing nothing outside their edits, and
 * the fixes that promise to resolve their finding do. Property-based (fast-check) over
 * generated reports, random soup and mutations of the seeds; see test/helpers/reportArb.ts.
 *
 * The default run uses one fixed seed; WENGAO_PROPERTY_RUNS=20 runs twenty times as many cases
 * with a fresh seed (a soak; minutes), WENGAO_PROPERTY_SEED replays one. A failure prints the
 * seed and the shrunk counterexample: add it to test/fixtures/ once the core is fixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze, buildFolds, buildOutline, DocKind, extractFigures, FigureIndex, Finding, findingsInWorkspace, indexEntry, LineIndex, Position, PositionEncoding,
} from '../../server/src/core';
import { analysisProblems, applyFix, mapOffset, promisesResolution } from '../helpers/invariants';
import { astralArb, fcParams, mutate, mutationArb, propertyTimeout, reportArb, SEEDS, seedMutantArb, soupArb } from '../helpers/reportArb';

const KINDS: DocKind[] = ['plaintext', 'markdown'];

/**
 * After applying a fix that promises resolution, the finding is gone at its place: no finding of
 * the code starts there, or (figure.mismatch) none there still points at the same other place.
 */
function resolutionProblems(before: Finding, fixedFindings: Finding[], edits: Finding['fixes'][0]['edits']): string[] {
  const at = mapOffset(before.span.start, edits);
  const same = fixedFindings.filter((f) => f.code === before.code && f.span.start === at);
  if (before.code !== 'figure.mismatch') return same.length ? [`${before.code}@${before.span.start}: still there after its fix`] : [];
  const other = before.related[0];
  // The other place: in another document by its range there, in this one by its offset, which
  // the fixed findings state in the new text and the finding before the fix in the old one.
  const otherKey = other.path ? `${other.path}:${JSON.stringify(other.range)}` : `:${mapOffset(other.span.start, edits)}`;
  const key = (r: Finding['related'][0]) => (r.path ? `${r.path}:${JSON.stringify(r.range)}` : `:${r.span.start}`);
  return same.some((f) => f.related.some((r) => key(r) === otherKey))
    ? [`figure.mismatch@${before.span.start}: after taking the other value it still disagrees with ${otherKey}`]
    : [];
}

interface Options {
  locale: 'zh' | 'en';
  /** As the server sets it for big documents: no figures and no heavy checks above it. */
  heavyLimit?: number;
}
const optionsArb: fc.Arbitrary<Options> = fc.record(
  { locale: fc.constantFrom<Options['locale']>('zh', 'zh', 'en'), heavyLimit: fc.integer({ min: 0, max: 3000 }) },
  { requiredKeys: ['locale'] },
);

/** Everything about one text and kind; `fixChecks` bounds the re-analyses of fixed texts. */
function check(text: string, kind: DocKind, options: Options, fixChecks = 6): void {
  const { locale, heavyLimit } = options;
  const a = analyze(text, { kind, scope: 'all', locale, heavyLimit });
  const problems = analysisProblems(text, a, a.findings, locale);
  // The pieces on their own, as the server and the CLI call them.
  const outline = buildOutline(a.model);
  buildFolds(a.model, outline);
  const figures = extractFigures(a.model, { outline });
  if (!a.limited && figures.length !== a.figures.length) problems.push(`extractFigures gives ${figures.length} figures, analyze ${a.figures.length}`);
  let n = 0;
  for (const f of a.findings) {
    for (const fix of f.fixes) {
      if (n++ >= fixChecks) break;
      const applied = applyFix(text, fix, a.model.lines, `${f.code}@${f.span.start}`);
      if (applied.problems.length) continue;
      const again = analyze(applied.text, { kind, scope: 'all', locale, heavyLimit });
      problems.push(...again.failures.map((x) => `after the fix of ${f.code}@${f.span.start}: ${x.check} threw: ${x.error}`));
      if (promisesResolution(f) && f.fixes.length === 1) problems.push(...resolutionProblems(f, again.findings, fix.edits));
    }
  }
  expect(problems, JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text)).toEqual([]);
}

describe('properties of the core', () => {
  for (const kind of KINDS) {
    it(`${kind}: generated reports`, () => {
      fc.assert(fc.property(reportArb({ markdown: kind === 'markdown' }), optionsArb, (t, o) => check(t, kind, o)), fcParams(80));
    }, propertyTimeout(20_000));
    it(`${kind}: random soup of marks, noise, figures and any string`, () => {
      const arb = fc.oneof(soupArb, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
      fc.assert(fc.property(arb, optionsArb, (t, o) => check(t, kind, o)), fcParams(250));
    }, propertyTimeout(20_000));
    it(`${kind}: reports and seeds rich in characters beyond the BMP and combining marks`, () => {
      const arb = astralArb(fc.oneof(reportArb({ markdown: kind === 'markdown' }), seedMutantArb.map(({ text }) => text)));
      fc.assert(fc.property(arb, optionsArb, (t, o) => check(t, kind, o, 2)), fcParams(40));
    }, propertyTimeout(20_000));
    it(`${kind}: mutated seeds`, () => {
      fc.assert(fc.property(seedMutantArb, optionsArb, ({ text }, o) => check(text, kind, o, 3)), fcParams(40));
    }, propertyTimeout(20_000));
  }

  it('the workspace comparison of two mutated copies of a seed', () => {
    const pair = fc.tuple(
      fc.nat(SEEDS.length - 1),
      fc.nat(),
      fc.integer({ min: 500, max: 4000 }),
      fc.array(mutationArb, { maxLength: 3 }),
      fc.array(fc.record({ op: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom(...'0123456789') }), { minLength: 1, maxLength: 4 }),
      fc.constantFrom<DocKind>(...KINDS),
    );
    fc.assert(
      fc.property(pair, ([k, start, len, ops, digits, kindB]) => {
        const seed = SEEDS[k].text;
        const s = start % seed.length;
        const base = seed.slice(s, s + len);
        const docs = [
          { uri: 'file:///ws/a.txt', kind: 'plaintext' as DocKind, text: mutate(base, ops) },
          { uri: kindB === 'markdown' ? 'file:///ws/b.md' : 'file:///ws/b.txt', kind: kindB, text: mutate(base, [...ops, ...digits]) },
        ];
        const analyses = docs.map((d) => analyze(d.text, { kind: d.kind, uri: d.uri, scope: 'all' }));
        const index = new FigureIndex();
        docs.forEach((d, i) => index.set(indexEntry(d.uri, d.uri.slice(-5), analyses[i])));
        const problems: string[] = [];
        docs.forEach((d, i) => {
          const other = docs[1 - i];
          const otherLines = new LineIndex(other.text);
          const findings = findingsInWorkspace(analyses[i], { uri: d.uri, index });
          problems.push(...analysisProblems(d.text, analyses[i], findings).map((p) => `${d.uri}: ${p}`));
          for (const f of findings) {
            for (const r of f.related) {
              if (!r.path) continue;
              if (r.path !== other.uri) problems.push(`${d.uri}: related names ${r.path}`);
              const a = otherLines.offset(r.range!.start);
              const b = otherLines.offset(r.range!.end);
              const fig = analyses[1 - i].figures.find((g) => g.span.start === a && g.span.end === b);
              if (!fig) problems.push(`${d.uri}: related range ${JSON.stringify(r.range)} is no figure of ${other.uri}`);
            }
            if (f.code !== 'figure.mismatch' || f.fixes.length !== 1) continue;
            // Taking the other document's value: re-index the fixed text, the disagreement is gone.
            const fix = f.fixes[0];
            const applied = applyFix(d.text, fix, analyses[i].model.lines, `${d.uri} ${f.code}@${f.span.start}`);
            problems.push(...applied.problems);
            if (applied.problems.length) continue;
            const again = analyze(applied.text, { kind: d.kind, uri: d.uri, scope: 'all' });
            const index2 = new FigureIndex();
            index2.set(indexEntry(d.uri, d.uri.slice(-5), again));
            index2.set(indexEntry(other.uri, other.uri.slice(-5), analyses[1 - i]));
            const after = findingsInWorkspace(again, { uri: d.uri, index: index2 });
            problems.push(...again.failures.map((x) => `${x.check} threw after a fix: ${x.error}`));
            problems.push(...resolutionProblems(f, after, fix.edits).map((p) => `${d.uri}: ${p}`));
          }
        });
        expect(problems, JSON.stringify(docs.map((d) => d.text))).toEqual([]);
      }),
      fcParams(40),
    );
  }, propertyTimeout(20_000));

  it('pathological runs of one mark finish and stay sane', () => {
    for (const ch of ['“', '”', '（', '）', '，', '一、', '\n', '#']) {
      const text = ch.repeat(10_000);
      for (const kind of KINDS) expect(analysisProblems(text, analyze(text, { kind, scope: 'all' }))).toEqual([]);
    }
  });

  // Sentences of many figures: each figure once read its whole sentence again (places, periods,
  // kind cues), so these took 47 s and minutes; now well under a second each. The bound is the
  // test's timeout, far above what they take.
  it('a markdown table of 2,000 rows (one paragraph, one sentence) and a 100,000-character line of figures', () => {
    let table = '# 2025年统计公报\n\n| 地区 | 地区生产总值 | 增速 |\n|---|---|---|\n';
    for (let i = 0; i < 2000; i++) table += `| 沈阳市第${i}区 | ${1000 + i}亿元 | ${(i % 9) + 0.5}% |\n`;
    const a = analyze(table, { kind: 'markdown' });
    expect(a.figures).toHaveLength(4000);
    expect(analysisProblems(table, a)).toEqual([]);
    const line = '全省地区生产总值增长5%以上，沈阳市新增就业3万人，'.repeat(4000);
    const b = analyze(line, { kind: 'plaintext' });
    expect(b.figures).toHaveLength(8000);
    expect(b.figures[7999].region).toBe('沈阳市');
    expect(analysisProblems(line, b)).toEqual([]);
  });
});

describe('LineIndex in each positionEncoding', () => {
  /** The test's own reckoning of a position: the line's text before the offset, counted by Buffer or by code points. */
  function reckoned(text: string, offset: number, encoding: PositionEncoding): Position {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    const line = before.at(-1)!;
    const character = encoding === 'utf-16' ? line.length : encoding === 'utf-8' ? Buffer.byteLength(line) : [...line].length;
    return { line: before.length - 1, character };
  }
  const textArb = astralArb(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('第一行\r\n第二行𠮷\r三\n', 'ab\ncd')));
  for (const encoding of ['utf-8', 'utf-16', 'utf-32'] as const) {
    it(`${encoding}: every character boundary, asked in any order, goes to its position and back`, () => {
      fc.assert(
        fc.property(textArb, fc.integer({ min: 0, max: 2 ** 31 }), (text, seed) => {
          // (Offsets at character boundaries: not between the halves of a surrogate pair; a lone one is a character.)
          const offsets = [...Array(text.length + 1).keys()].filter((o) => !(o > 0 && (text.charCodeAt(o) & 0xfc00) === 0xdc00 && (text.charCodeAt(o - 1) & 0xfc00) === 0xd800));
          // A shuffled order: the index remembers its last position, which must not leak into the next.
          const order = offsets.map((o, i) => [o, (i * 2654435761 + seed) % 1000003] as const).sort((a, b) => a[1] - b[1]).map(([o]) => o);
          const lines = new LineIndex(text, encoding);
          for (const o of order) {
            // (Not between the \r and \n of a line break, which has no position of its own.)
            if (text[o - 1] === '\r' && text[o] === '\n') continue;
            const p = lines.position(o);
            expect(p).toEqual(reckoned(text, o, encoding));
            expect(lines.offset(p)).toBe(o);
          }
        }),
        fcParams(100),
      );
    });
  }

  it('a UTF-8 position inside a character means its start; one past the line end clamps to the end', () => {
    const lines = new LineIndex('甲𠮷乙\n二', 'utf-8');
    expect(lines.offset({ line: 0, character: 4 })).toBe(1); // inside 𠮷 (bytes 3-6)
    expect(lines.offset({ line: 0, character: 7 })).toBe(3); // 乙
    expect(lines.offset({ line: 0, character: 99 })).toBe(4);
    expect(lines.position(2)).toEqual({ line: 0, character: 3 }); // between the halves of 𠮷: its start
  });
});
