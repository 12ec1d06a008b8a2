/** The sample corpus: exactly the four known defects, and the outline a reader expects. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { analyze, buildOutline, documentKind } from '../../server/src/core';
import { localeProblems, renderOutline } from '../helpers/fixture';

const seeds = join(__dirname, '..', '..', 'seeds');
const read = (f: string) => readFileSync(join(seeds, f), 'utf8');

/**
 * Every defect of the sample corpus (warning and above), each read by hand: file, 1-based line,
 * 1-based column, code, and the text around the mark ("|" at the mark). The four pairing defects
 * of issue 2, and the six half-width "(五)" markers among full-width ones in 002's report.
 */
const EXPECTED = [
  ['000_d4031d3451319d89.txt', 63, 2, 'quote.unopened', '五|”开局之年'],
  ['000_d4031d3451319d89.txt', 135, 135, 'quote.paragraph-break', '把|“发展'],
  ['002_823a23dd25e68816.txt', 346, 1, 'heading.marker', '|(五)绿色'],
  ['002_823a23dd25e68816.txt', 348, 1, 'heading.marker', '|(六)开放'],
  ['002_823a23dd25e68816.txt', 350, 1, 'heading.marker', '|(七)区域'],
  ['002_823a23dd25e68816.txt', 360, 1, 'heading.marker', '|(十)安全'],
  ['002_823a23dd25e68816.txt', 448, 243, 'quote.paragraph-break', '个|“揭'],
  ['002_823a23dd25e68816.txt', 496, 1, 'heading.marker', '|(七)全力'],
  ['002_823a23dd25e68816.txt', 510, 1, 'heading.marker', '|(八)全力'],
  ['004_0624703ab3c854fd.txt', 87, 84, 'quote.paragraph-break', '扶贫|“辽阳模'],
] as const;

describe('seeds', () => {
  it('report exactly the known defects, and no figure.mismatch', () => {
    const got: (string | number)[][] = [];
    for (const f of readdirSync(seeds).sort()) {
      const text = read(f);
      const a = analyze(text, { kind: documentKind(f) });
      expect(a.analyzed).toBe(true);
      expect(a.failures).toEqual([]);
      // (punct.half-width has a test of its own below: hundreds of commas.)
      for (const x of a.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.code !== 'punct.half-width')) {
        const p = a.model.lines.position(x.span.start);
        const [before, after] = EXPECTED.find((e) => e[0] === f && e[1] === p.line + 1)?.[4].split('|') ?? ['', ''];
        got.push([f, p.line + 1, p.character + 1, x.code, `${text.slice(x.span.start - before.length, x.span.start)}|${text.slice(x.span.start, x.span.start + after.length)}`]);
      }
    }
    expect(got).toEqual(EXPECTED.map((e) => [...e]));
  });

  it('marks every half-width comma of 001 and 004 (all in Chinese text), and the half-width marks and brackets around Chinese', () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const f of readdirSync(seeds).sort()) {
      const text = read(f);
      const a = analyze(text, { kind: documentKind(f) });
      const hw = a.findings.filter((x) => x.code === 'punct.half-width');
      const at = new Set(hw.map((x) => x.span.start));
      // Every comma of these two files sits in Chinese text ("水普及率达87%,42个村" too).
      if (f.startsWith('001') || f.startsWith('004')) for (const m of text.matchAll(/,/g)) expect(at.has(m.index!), `${f}: ${text.slice(m.index! - 6, m.index! + 6)}`).toBe(true);
      // Each fix writes the full-width mark over the half-width one.
      for (const x of hw) expect(x.fixes[0].edits[0].newText).toBe({ ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }[text[x.span.start]]);
      counts[f.slice(0, 3)] = {};
      for (const x of hw) counts[f.slice(0, 3)][text[x.span.start]] = (counts[f.slice(0, 3)][text[x.span.start]] ?? 0) + 1;
    }
    expect(counts).toEqual({
      '000': { '(': 4, ')': 4 },
      '001': { ',': 143, ';': 11, '(': 2, ')': 2 },
      '002': { '(': 3, ')': 3 },
      '003': { '(': 7, ')': 7 },
      '004': { ',': 284, ':': 3, ';': 4 },
    });
  });

  it('every finding, figure.target included, reads the same in English (the fixture helper\'s rule)', () => {
    const problems: string[] = [];
    for (const f of readdirSync(seeds).sort()) {
      const text = read(f);
      const zh = analyze(text, { kind: documentKind(f) });
      const en = analyze(text, { kind: documentKind(f), locale: 'en' });
      expect(en.failures).toEqual([]);
      problems.push(...localeProblems(zh.findings, en.findings).map((p) => `${f}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('002 shows each piece at the top and the report with 一、 to 四、 and their children', () => {
    const f = '002_823a23dd25e68816.txt';
    const a = analyze(read(f), { kind: documentKind(f) });
    const outline = buildOutline(a.model);
    const report = outline.find((n) => n.name === '政府工作报告');
    expect(report).toBeDefined();
    expect(report!.children.map((c) => c.name)).toEqual([
      '一、2022年和过去五年工作', '二、今后五年主要目标任务', '三、2023年重点工作', '四、全面加强政府自身建设',
    ]);
    const review = report!.children[0].children.map((c) => c.name.slice(0, 3));
    expect(review).toEqual(['（一）', '（二）', '（三）', '（四）', '(五)', '(六)', '(七)', '（八）', '（九）', '(十)']);
    expect(report!.children[2].children).toHaveLength(10);
    // Pieces of the compilation are top-level titles, in order.
    const tops = outline.map((n) => n.name);
    expect(tops.indexOf('政府工作报告')).toBeGreaterThan(tops.indexOf('中国共产党第二十届中央纪律检查委员会 第二次全体会议公报'));
    expect(tops.length).toBeGreaterThanOrEqual(9);
    // Sections cover their bodies: nested, ordered, inside the document.
    const walk = (nodes: typeof outline, parent?: (typeof outline)[number]) => {
      for (const n of nodes) {
        expect(n.selectionSpan.start).toBeGreaterThanOrEqual(n.span.start);
        expect(n.selectionSpan.end).toBeLessThanOrEqual(n.span.end);
        if (parent) {
          expect(n.span.start).toBeGreaterThanOrEqual(parent.span.start);
          expect(n.span.end).toBeLessThanOrEqual(parent.span.end);
        }
        walk(n.children, n);
      }
    };
    walk(outline);
  });

  it('003 (markdown headings in a .txt) nests the sections under its title and the annex', () => {
    const f = '003_d81496748c382e1e.txt';
    const lines = renderOutline(buildOutline(analyze(read(f), { kind: documentKind(f) }).model));
    expect(lines[0]).toBe('政府工作报告');
    expect(lines).toContain('  （四）以优化营商环境为基础，全面深化改革');
    expect(lines).toContain('  三、全面加强政府自身建设');
    expect(lines.slice(-2)).toEqual(['附件', '  2026年辽宁省办好民生实事清单']);
  });
});
