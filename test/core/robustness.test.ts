/**
 * Any text: the core never throws, every range lies inside the document, and quick fixes apply
 * cleanly, changing nothing outside their ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, buildFolds, buildOutline, DocKind } from '../../server/src/core';

const PIECES = [
  '“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '〈', '〉', '【', '】', '「', '」', '『', '』',
  '\n', '\n\n', '\r\n', ' ', '\u3000', '。', '，', '、', '；', '：', '——', '…', '#', '## ', '- ', '```',
  '一、', '（一）', '(二)', '1.', '（1）', '第一，', '政府工作报告', '城镇新增就业', '46.2万人', '增长5%以上',
  '改革', '创新', '发展', 'abc', "it's", '\uD83D\uDE00', '\uD800', '\u0000', '<!--', '-->',
];

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((a) => a.join(''));
const mixedArb = fc.oneof(textArb, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));

function checkText(text: string, kind: DocKind) {
  const a = analyze(text, { kind, scope: 'all' });
  expect(a.failures).toEqual([]);
  for (const f of a.findings) {
    expect(f.span.start).toBeGreaterThanOrEqual(0);
    expect(f.span.end).toBeLessThanOrEqual(text.length);
    expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
    for (const r of f.related) expect(r.span.end).toBeLessThanOrEqual(text.length);
    for (const fix of f.fixes) {
      const edits = [...fix.edits].sort((x, y) => y.span.start - x.span.start);
      let out = text;
      for (const e of edits) {
        expect(e.span.start).toBeGreaterThanOrEqual(0);
        expect(e.span.end).toBeLessThanOrEqual(text.length);
        out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
      }
      // Outside the edited ranges nothing changes.
      const first = Math.min(...fix.edits.map((e) => e.span.start));
      const last = Math.max(...fix.edits.map((e) => e.span.end));
      expect(out.slice(0, first)).toBe(text.slice(0, first));
      expect(out.slice(out.length - (text.length - last))).toBe(text.slice(last));
    }
  }
  const outline = buildOutline(a.model);
  const walk = (nodes: typeof outline) => {
    for (const n of nodes) {
      expect(n.span.start).toBeGreaterThanOrEqual(0);
      expect(n.span.end).toBeLessThanOrEqual(text.length);
      expect(n.selectionSpan.start).toBeGreaterThanOrEqual(n.span.start);
      expect(n.selectionSpan.end).toBeLessThanOrEqual(n.span.end);
      walk(n.children);
    }
  };
  walk(outline);
  for (const f of buildFolds(a.model, outline)) expect(f.endLine).toBeGreaterThan(f.startLine);
}

describe('robustness', () => {
  it('plain text: never throws, ranges inside, fixes clean', () => {
    fc.assert(fc.property(mixedArb, (t) => checkText(t, 'plaintext')), { numRuns: 400 });
  });
  it('markdown: never throws, ranges inside, fixes clean', () => {
    fc.assert(fc.property(mixedArb, (t) => checkText(t, 'markdown')), { numRuns: 400 });
  });
  it('pathological runs of one mark finish and stay sane', () => {
    for (const ch of ['“', '”', '（', '）', '，', '一、', '\n', '#']) {
      const text = ch.repeat(10_000);
      checkText(text, 'plaintext');
      checkText(text, 'markdown');
    }
  });
});
