/** Above `heavyLimit` the figures and the checks that need them are left out; the rest still run. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, parseConfig } from '../../server/src/core';
import { ITEM_MARK, itemMarkWithin, reachWithin } from '../../server/src/core/figures/context';

const TEXT = '2026年工作要点\n\n今年力争新增就业岗位3万个。要推进“百日攻坚行动。\n';

describe('heavyLimit', () => {
  it('leaves out figures, targets, mismatches and counts above the limit, and says so', () => {
    const a = analyze(TEXT, { kind: 'plaintext', heavyLimit: 10 });
    expect(a.figures).toEqual([]);
    expect(a.findings.map((f) => f.code)).toEqual(['quote.unclosed']);
    expect(a.limited).toMatch(/figure\.target, figure\.mismatch, enum\.count-mismatch left out/);
  });

  it('checks everything at or below it, and by default', () => {
    for (const heavyLimit of [TEXT.length, undefined]) {
      const a = analyze(TEXT, { kind: 'plaintext', heavyLimit });
      expect(a.findings.map((f) => f.code).sort()).toEqual(['figure.target', 'quote.unclosed']);
      expect(a.limited).toBeUndefined();
    }
  });
});

describe('a check with hundreds of thousands of findings', () => {
  it('keeps every finding: none is lost to a stack overflow (items appended one by one)', () => {
    // (400,000 lone “ once overflowed findings.push(...), so the whole check failed silently.)
    const a = analyze('中文\n' + '“\n'.repeat(400_000), { kind: 'plaintext' });
    expect(a.failures).toEqual([]);
    expect(a.findings.length).toBe(400_000);
    expect(a.findings.every((f) => f.code === 'quote.unclosed')).toBe(true);
  }, 60_000);
});

describe('one indicator stated many times in one document with different values', () => {
  it('gives one finding for the group: its statements, its amounts and at most 20 linked places', () => {
    let text = '2026年某省统计表\n\n';
    for (let i = 0; i < 300; i++) text += `全省地区生产总值增长${(5 + i / 1000).toFixed(3)}%。\n\n`;
    const found = analyze(text, { kind: 'plaintext' }).findings.filter((f) => f.code === 'figure.mismatch');
    expect(found).toHaveLength(1);
    expect(found[0].related).toHaveLength(20);
    expect(found[0].message).toMatch(/在本文出现300处，数值300种（5\.000%见第3行，5\.001%见第5行/);
    expect(found[0].message).toContain('另有296处');
  });

  it('puts the finding on the amount that stands alone, and links the others', () => {
    let text = '2026年某省统计表\n\n';
    for (let i = 0; i < 30; i++) text += `全省地区生产总值增长${i === 17 ? '5.8' : '5.5'}%。\n\n`;
    const a = analyze(text, { kind: 'plaintext' });
    const found = a.findings.filter((f) => f.code === 'figure.mismatch');
    expect(found).toHaveLength(1);
    expect(a.model.text.slice(found[0].span.start, found[0].span.end)).toBe('5.8%');
    expect(found[0].message).toMatch(/数值2种（5\.5%见第3行等29处，5\.8%见第37行）/);
    expect(found[0].fixes?.map((f) => f.title)).toEqual(['改为5.5%（与彼处一致）']);
  });

  it('in a smaller group, flags each statement that disagrees', () => {
    let text = '2026年某省统计表\n\n';
    for (let i = 0; i < 10; i++) text += `全省地区生产总值增长${i === 7 ? '5.8' : '5.5'}%。\n\n`;
    const found = analyze(text, { kind: 'plaintext' }).findings.filter((f) => f.code === 'figure.mismatch');
    expect(found).toHaveLength(10);
  });
});

describe('the language gate', () => {
  it('judges a long document over its whole length: a Chinese report that opens with 250 KB of English is checked', () => {
    const english = 'Appendix: the statistics of the year, listed in full for the record. '.repeat(3600);
    const chinese = '全市要推进“百日攻坚行动。\n\n'.repeat(40_000);
    const a = analyze(english + '\n\n' + chinese, { kind: 'plaintext' });
    expect(english.length).toBeGreaterThan(200_000);
    expect(a.analyzed).toBe(true);
    expect(a.findings.some((f) => f.code === 'quote.unclosed')).toBe(true);
  });

  it('still skips a document that is English throughout', () => {
    const a = analyze('The statistics of the year, listed in full for the record. '.repeat(5000), { kind: 'plaintext' });
    expect(a.analyzed).toBe(false);
  });
});

describe('glob patterns of the ignore file', () => {
  it('reports a pattern too costly to match and one line too many, and keeps the rest', async () => {
    const { parseIgnoreFile } = await import('../../server/src/core');
    const bad = parseIgnoreFile('!(!(!(!(!(x))))) quote.unopened *\nok/*.txt quote.unopened *\n');
    expect(bad.entries.map((e) => e.path)).toEqual(['ok/*.txt']);
    expect(bad.findings.map((f) => f.code)).toEqual(['config.invalid']);
    const many = Array.from({ length: 5000 }, (_, k) => `d${k}/*.txt quote.unopened *`).join('\n');
    const parsed = parseIgnoreFile(many);
    expect(parsed.entries).toHaveLength(1000);
    // (Said once, on the first line over, not 4,000 times.)
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0].message).toMatch(/多于 1000 行/);
  });
});

describe('glob patterns that cost too much', () => {
  it('rejects repeated alternatives and brace ranges, keeps ordinary patterns', async () => {
    const { globProblem } = await import('../../server/src/core');
    expect(globProblem('+(a|a)')).toBeDefined();
    expect(globProblem('{1..100000}')).toBeDefined();
    expect(globProblem('!(!(!(x)))')).toBeDefined();
    expect(globProblem('报告/**/*.txt')).toBeUndefined();
    expect(globProblem('{a,b}/*.md')).toBeUndefined();
  });

  it('bounds the cost of a match by construction: the shapes that backtrack past a quadratic are refused, and a refused pattern costs nothing', async () => {
    const { globProblem } = await import('../../server/src/core');
    const { matches } = await import('../../server/src/io/config');
    // (Wildcards of variable width in one segment, a repeated group holding one, braces past 16.)
    const refused = ['*a*a*a*a*a*a*a*a*a*a*b', '*a*a*b', '**/*年*报告*', '*(a*)b', '+(a*)b', '*(*(a))b', '?(a)?(a)?(a)b', '!(*a*)b', '{*a,*b}*c*', '{a,b}{a,b}{a,b}{a,b}{a,b}', '{@(a,b),c}'];
    for (const g of refused) expect(globProblem(g), g).toBeDefined();
    // (The bounds below are far above the microseconds these take and far below the minutes a
    // backtracking match takes on these names, 8 s at 34 characters: a loaded CI machine must not
    // fail them, a shape that backtracks must.)
    const started = performance.now();
    expect(matches('a'.repeat(34) + '.txt', '*a*a*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    // What stays allowed matches a name as long as a file system allows (255) in well under a millisecond each.
    const allowed = ['**/*.txt', '*报告*', '**/node_modules/**', '*.{txt,md,markdown}', '{*a*,*b*}', '*(a)*b', '+(a)+(a)b', '!(a*)b', '{a,b}{a,b}{a,b}{a,b}*a*b'];
    const name = 'a'.repeat(251) + '.txt';
    for (const g of allowed) {
      expect(globProblem(g), g).toBeUndefined();
      matches(name, g);
      const t = performance.now();
      matches(name, g);
      expect(performance.now() - t, g).toBeLessThan(1000);
    }
  });
});

describe('a config file nested thousands deep', () => {
  it('is one config.syntax finding whatever comes before the nesting (strings cut by line breaks, comments, escapes), never a stack overflow', () => {
    // (A string cut by a line break, {"a":"x⏎"b": and 5,000 [, once got past the guard and
    // overflowed the parser: the config had no finding and the reports under it none either.)
    // (Each token complete: whatever it is, the nesting after it is read as nesting.)
    const token = fc.constantFrom('"x\n', '"x\r\n', '"y"', '"a\\\\"', '"q\\"q"', '//c\n', '/*c\n*/', '{', '"k":', ',', ' ', '\n', "'", ']', '}');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), fc.constantFrom('[', '{"a":'), fc.integer({ min: 33, max: 5000 }), (before, open, depth) => {
        const text = before.join('') + open.repeat(depth);
        const { findings, config } = parseConfig(text);
        expect(findings.filter((f) => f.code === 'config.syntax' && f.message.includes('嵌套超过')).length).toBe(1);
        expect(config).toEqual({ checks: {}, units: [], terms: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe('a config of any opens and closers', () => {
  it('is judged by the guard, never by the parser overflowing: a closer of the other kind closes nothing for either', () => {
    // ("[}," repeated: the guard closed on any closer, the parser skips a } inside a list as an
    // error, and 20,000 of them overflowed it. The backstop's message must never be needed.)
    const token = fc.constantFrom('[', '{"a":', '{', '}', ']', ',', '"x\n', '1');
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1000, max: 30000 }), (unit, times) => {
        const { findings } = parseConfig(unit.join('').repeat(times));
        expect(findings.filter((f) => f.message.includes('嵌套过深'))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('where a run-in list item opens, asked without slicing', () => {
  it('answers as ITEM_MARK on the slice does, for any text and any slice', () => {
    // (chooseCue asked the regex on slices for every cue of every figure: cubic in a sentence's
    // length. The index must give the same answers.)
    const ch = fc.constantFrom('，', ',', '：', '；', '。', '、', ' ', '\u3000', '一', '二', '十', '是', '其', '第', '今', '年', '5', '到', '至');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }).map((a) => a.join('')), fc.nat(), fc.nat(), (text, a, b) => {
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        expect(itemMarkWithin(text, from, to)).toBe(ITEM_MARK.test(text.slice(from, to)));
        expect(reachWithin(text, from, to)).toBe(/(?:到|至)/.test(text.slice(from, to)));
      }),
      { numRuns: 3000 },
    );
  });
});
