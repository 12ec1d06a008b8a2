/** The sample corpus: exactly the known defects, and the outline a reader expects. */
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
  // (The report quotes “四风” four times, and once writes it bare.)
  ['002_823a23dd25e68816.txt', 314, 141, 'term.formulation', '带头纠|四风、'],
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
      // (The proofreading checks, punct.*, text.*, para.*, have tests of their own below: hundreds of commas, page breaks.)
      for (const x of a.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !/^(?:punct|text|para)\./.test(f.code))) {
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
      // (000's "(上接第一版)" lines alone are page furniture, para.page-break's: out of the text; so
      // is the note at the head of its line 131, which para.page-break deletes whole.)
      '000': { '(': 1, ')': 1 },
      '001': { ',': 143, ';': 11, '(': 2, ')': 2 },
      '002': { '(': 3, ')': 3 },
      '003': { '(': 7, ')': 7 },
      '004': { ',': 284, ':': 3, ';': 4 },
    });
  });

  it('text.doubled: the two doubled characters of 004, and nothing else', () => {
    const got: string[] = [];
    for (const f of readdirSync(seeds).sort()) {
      const text = read(f);
      const a = analyze(text, { kind: documentKind(f) });
      for (const x of a.findings.filter((x) => x.code === 'text.doubled')) got.push(`${f.slice(0, 3)}:${a.model.lines.position(x.span.start).line + 1} ${text.slice(x.span.start - 2, x.span.start)}|${text.slice(x.span.start, x.span.end + 2)}`);
    }
    expect(got).toEqual(['004:93 惠及|及46', '004:107 确保|保任务']);
  });

  it('para.page-break: the paragraphs split by page breaks (read one by one) and the page furniture', () => {
    const breaks: Record<string, number> = {};
    const furniture: string[] = [];
    for (const f of readdirSync(seeds).sort()) {
      const text = read(f);
      const a = analyze(text, { kind: documentKind(f) });
      const id = f.slice(0, 3);
      for (const x of a.findings) {
        if (x.code === 'quote.paragraph-break' || (x.code === 'para.page-break' && x.related.length)) breaks[id] = (breaks[id] ?? 0) + 1;
        else if (x.code === 'para.page-break') furniture.push(`${id}:${a.model.lines.position(x.span.start).line + 1} ${text.slice(x.span.start, x.span.end)}`);
      }
      // Each break's fix joins the halves: the text between them holds nothing but blank lines and
      // furniture (and a list's bullet the extraction repeated on the continuation: seed 003).
      for (const x of a.findings.filter((x) => x.code === 'para.page-break' && x.related.length)) {
        const [edit] = x.fixes[0].edits;
        const between = text.slice(edit.span.start, edit.span.end).replace(/\n[-*•·][ \t\u3000]+$/, '\n');
        expect(between.trim() === '' || a.model.furniture.some((fu) => fu.start >= edit.span.start && fu.end <= edit.span.end), between).toBe(true);
      }
    }
    // 84 paragraphs are split mid-sentence in the seeds (../shared/docs/domain.md); breaks inside a
    // quotation are quote.paragraph-break's.
    expect(breaks).toEqual({ '000': 17, '002': 57, '003': 7, '004': 4 });
    expect(Object.values(breaks).reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(Math.ceil(0.9 * 84));
    // (And the one at the head of 000's line 131, "(上接第一版) 笃定高质量发展……", inside its paragraph.)
    expect(furniture).toEqual(['000:103 (上接第一版)', '000:119 (上接第一版)', '000:131 (上接第一版)', '003:5 （上接第二版）']);
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
