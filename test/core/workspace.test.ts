/**
 * Consistency across documents, data-driven: each folder under test/fixtures/workspace/ is a
 * workspace whose files carry ⟦figure.mismatch⟧ where a mismatch must be reported (on both
 * sides); every other figure must stay silent (other years, a city, actuals, 累计 against 新增).
 * Each workspace is checked in English too, by the fixture helper's rule (`localeProblems`).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import {
  Finding, FigureIndex, LOCAL_CHECKS, Steps, analyze, documentKind, figureHover, findingsInWorkspace, firstFindings, indexEntry, indexEntrySteps, inWorkspace, inWorkspaceSteps,
} from '../../server/src/core';
import { localeProblems } from '../helpers/fixture';

const root = join(__dirname, '..', 'fixtures', 'workspace');
const MARK = /⟦([^⟧]*)⟧/g;

function load(dir: string) {
  return readdirSync(dir).sort().map((name) => {
    const raw = readFileSync(join(dir, name), 'utf8');
    const expected: { offset: number; code: string }[] = [];
    let text = '';
    let last = 0;
    for (const m of raw.matchAll(MARK)) {
      text += raw.slice(last, m.index);
      last = m.index! + m[0].length;
      expected.push({ offset: text.length, code: m[1] });
    }
    text += raw.slice(last);
    return { name, text, expected };
  });
}

describe('workspace fixtures', () => {
  for (const folder of readdirSync(root).sort()) {
    it(folder, () => {
      const docs = load(join(root, folder)).map((d) => ({ ...d, analysis: analyze(d.text, { kind: documentKind(d.name), uri: d.name }) }));
      const index = new FigureIndex();
      for (const d of docs) index.set(indexEntry(d.name, d.name, d.analysis));
      const problems: string[] = [];
      for (const d of docs) {
        const got = findingsInWorkspace(d.analysis, { uri: d.name, index })
          .filter((f) => f.code === 'figure.mismatch')
          .map((f) => `${d.name}@${f.span.start} ${d.text.slice(f.span.start, f.span.end)}: ${f.message}`);
        const want = d.expected.map((e) => `${d.name}@${e.offset} `);
        for (const w of want) if (!got.some((g) => g.startsWith(w))) problems.push(`missing ${w}${d.text.slice(Number(w.split('@')[1]), Number(w.split('@')[1]) + 6)}`);
        for (const g of got) if (!want.some((w) => g.startsWith(w))) problems.push(`unexpected ${g}`);
        // The same document in English, against the same index: the same findings, other texts.
        const english = analyze(d.text, { kind: documentKind(d.name), uri: d.name, locale: 'en' });
        const en = findingsInWorkspace(english, { uri: d.name, index, locale: 'en' });
        problems.push(...localeProblems(findingsInWorkspace(d.analysis, { uri: d.name, index }), en).map((p) => `${d.name}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('a press brief against seed 003', () => {
  it('flags the changed figures on both sides, names the other document and line, offers its value', () => {
    const seedName = '003_d81496748c382e1e.txt';
    const seed = readFileSync(join(__dirname, '..', '..', 'seeds', seedName), 'utf8');
    const brief = load(join(root, 'press-brief')).find((d) => d.name === 'brief.txt')!;
    const a1 = analyze(seed, { kind: 'plaintext' });
    const a2 = analyze(brief.text, { kind: 'plaintext' });
    const index = new FigureIndex();
    index.set(indexEntry(seedName, seedName, a1));
    index.set(indexEntry('brief.txt', 'brief.txt', a2));
    const onSeed = findingsInWorkspace(a1, { uri: seedName, index }).filter((f) => f.code === 'figure.mismatch');
    const onBrief = findingsInWorkspace(a2, { uri: 'brief.txt', index }).filter((f) => f.code === 'figure.mismatch');
    // The brief changed 老旧小区 (300 → 320), 扩招 (1500 → 1800) and 城镇新增就业 (45万 → 48万).
    expect(onBrief.map((f) => brief.text.slice(f.span.start, f.span.end))).toEqual(['320个', '1800人', '48万人']);
    const texts = onSeed.map((f) => seed.slice(f.span.start, f.span.end)).sort();
    // 老旧小区 stands in the body (line 33) and in the 民生实事清单 (line 138): both are flagged.
    expect(texts).toEqual(['1500人', '300个', '300个', '45万人'].sort());
    const extend = onBrief[1];
    expect(extend.message).toContain('《政府工作报告》第9行');
    expect(extend.message).toContain('此处1800人，彼处1500人');
    expect(extend.related[0].path).toBe(seedName);
    expect(extend.related[0].range!.start.line).toBe(8);
    expect(extend.fixes[0].edits[0].newText).toBe('1500人');
    // In English: the same places and values, the document named in straight quotes.
    const [english] = findingsInWorkspace(a2, { uri: 'brief.txt', index, locale: 'en' }).filter((f) => f.span.start === extend.span.start);
    expect(english.message).toBe(
      'The 2026 target for "优质本科高校（扩招）" differs from line 9 of "政府工作报告": "1800人" here, "1500人" there ' +
        // (The page's year is its version tag's: the annex title further down is a later title.)
        '(there, the period 2026 inferred from the version tag "(2026版)"). Check them and make them agree.',
    );
    expect(english.related[0].message).toBe('Line 9 of "政府工作报告": "优质本科高校扩招 1500 人"');
    expect(english.fixes[0].title).toBe('Change to "1500人" (as stated there)');
  });
});

describe('a brief that names neither its year nor its province, against seed 003', () => {
  it('is compared with the report: its year read from the lead, its province from the workspace', () => {
    const seedName = '003_d81496748c382e1e.txt';
    const seed = readFileSync(join(__dirname, '..', '..', 'seeds', seedName), 'utf8');
    // A provincial paper's habit: 全省 and 今年, the year only implied by "“十五五”规划开局之年".
    const brief =
      '省人代会开幕\n\n本报讯（记者 王宁）1月20日，省人代会开幕。报告回顾过去一年工作，部署今年目标任务。今年是“十五五”规划开局之年。' +
      '报告提出，今年全省新增省级专精特新企业300家，优质本科高校扩招1800人。\n';
    const a1 = analyze(seed, { kind: 'plaintext' });
    const a2 = analyze(brief, { kind: 'plaintext' });
    const index = new FigureIndex();
    index.set(indexEntry(seedName, seedName, a1));
    index.set(indexEntry('brief.txt', 'brief.txt', a2));
    expect(index.workspace()).toMatchObject({ year: 2026, province: '辽宁省' });
    const onBrief = findingsInWorkspace(a2, { uri: 'brief.txt', index }).filter((f) => f.code === 'figure.mismatch');
    // The changed figure only: 300家 restates the report unchanged.
    expect(onBrief.map((f) => brief.slice(f.span.start, f.span.end))).toEqual(['1800人']);
    expect(onBrief[0].message).toContain('此处1800人，彼处1500人');
    expect(onBrief[0].message).toContain('推定为2026年');
    expect(onBrief[0].message).toContain('地区按工作区推定为辽宁省');
    expect(onBrief[0].related[0].path).toBe(seedName);
    // And on the seed's side, the brief is named.
    const onSeed = findingsInWorkspace(a1, { uri: seedName, index }).filter((f) => f.code === 'figure.mismatch');
    expect(onSeed.map((f) => seed.slice(f.span.start, f.span.end))).toEqual(['1500人']);
    // Without the seed in the workspace nothing tells the brief's province: it is compared with nothing.
    const alone = new FigureIndex();
    alone.set(indexEntry('brief.txt', 'brief.txt', a2));
    alone.set(indexEntry('other.txt', 'other.txt', analyze('2026年吉林省政府工作报告\n\n三、2026年重点工作\n\n优质本科高校扩招1500人。\n', { kind: 'plaintext' })));
    alone.set(indexEntry('third.txt', 'third.txt', a1));
    expect(alone.workspace().province).toBeUndefined();
    expect(findingsInWorkspace(a2, { uri: 'brief.txt', index: alone }).filter((f) => f.code === 'figure.mismatch')).toEqual([]);
  });
});

describe('a city paper\'s brief, its city read from the paper\'s name', () => {
  it('is compared with the city\'s report, and the message says where the city was read', () => {
    const report = analyze('2026年宜宾市政府工作报告\n\n三、2026年主要目标\n\n全市城镇新增就业5万人以上，新建城市公园20个。\n', { kind: 'plaintext' });
    const brief = analyze('宜宾日报讯（记者 李明）1月8日上午，市八届人大五次会议开幕。报告提出，今年全市新建城市公园25个。\n', { kind: 'plaintext' });
    const index = new FigureIndex();
    index.set(indexEntry('report.txt', 'report.txt', report));
    index.set(indexEntry('brief.txt', 'brief.txt', brief));
    const found = findingsInWorkspace(brief, { uri: 'brief.txt', index }).filter((f) => f.code === 'figure.mismatch');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('此处25个，彼处20个')]);
    expect(found[0].message).toContain('地区按报头“宜宾日报讯”推定为宜宾市');
    const english = findingsInWorkspace(analyze(brief.model.text, { kind: 'plaintext', locale: 'en' }), { uri: 'brief.txt', index, locale: 'en' });
    expect(english.find((f) => f.code === 'figure.mismatch')?.message).toContain('from the publisher "宜宾日报讯"');
  });
});

describe('the hover on a figure (figureHover) and the findings an editor shows (firstFindings)', () => {
  const REPORT = '2026年宁安市政府工作报告\n\n二、2026年主要任务\n\n改造老旧小区300个。\n';
  const BRIEF = '2026年宁安市政府工作报告新闻稿\n\n2026年，宁安市将改造老旧小区350个。\n';
  it('says what the figure states and what every document says of its indicator; nothing off a figure', () => {
    const index = new FigureIndex();
    const r = analyze(REPORT, { kind: 'plaintext' });
    const b = analyze(BRIEF, { kind: 'plaintext' });
    index.set(indexEntry('file:///r.txt', 'r.txt', r));
    index.set(indexEntry('file:///b.txt', 'b.txt', b));
    const at = BRIEF.indexOf('350');
    const hover = figureHover(b.figures, at + 1, 'file:///b.txt', index)!;
    expect(BRIEF.slice(hover.span.start, hover.span.end)).toContain('350');
    expect(hover.markdown).toMatch(/老旧小区/);
    // (The table of the workspace: the report's 300 beside the brief's 350.)
    expect(hover.markdown).toMatch(/300/);
    expect(figureHover(b.figures, BRIEF.indexOf('新闻稿'), 'file:///b.txt', index)).toBeUndefined();
  });

  it('keeps every finding up to the cap; past it, defects before notes, in document order', () => {
    const f = (start: number, severity: Finding['severity']) => ({ span: { start, end: start + 1 }, severity });
    const few = [f(1, 'hint'), f(2, 'error')];
    expect(firstFindings(few, 2)).toBe(few);
    const many = [f(1, 'hint'), f(2, 'information'), f(3, 'error'), f(4, 'hint'), f(5, 'warning')];
    expect(firstFindings(many, 3).map((x) => x.span.start)).toEqual([2, 3, 5]);
  });
});

// (Three copies of seed 002: some 450 figures.)
const SEED_002_x3 = Array(3).fill(readFileSync(join(__dirname, '..', '..', 'seeds', '002_823a23dd25e68816.txt'), 'utf8')).join('\n\n');
// (Seed 002 holds 辽宁省's 2023 targets 城镇新增就业45万人左右 and 地区生产总值增长5%以上; this states them otherwise.)
const BRIEF_2023 = '2023年辽宁省政府工作报告\n\n三、2023年重点工作\n\n今年全省城镇新增就业40万人左右，地区生产总值增长6%以上。\n';

/** Runs steps to the end, counting the yields. */
function counted<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

/**
 * The work after a document's analysis in steps (core/steps.ts): its index entry, its entering the
 * index and figure.mismatch against the workspace yield between pieces, and give what the same
 * work gives at once. The language server pauses at the yields (lsp/slices.ts).
 */
describe('steps', () => {
  const seed = analyze(SEED_002_x3, { kind: 'plaintext', checks: [] });
  const brief = analyze(BRIEF_2023, { kind: 'plaintext', checks: LOCAL_CHECKS });

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
    const other = analyze(BRIEF_2023.replace('40万', '42万'), { kind: 'plaintext', checks: LOCAL_CHECKS });
    index.set(indexEntry('a', 'a.txt', brief));
    index.set(indexEntry('b', 'b.txt', other));
    const key = index.get('a')!.figures.map((f) => f.figure).find((f) => f.indicator.includes('城镇新增就业'))!;
    const order = () => inWorkspace(analyze(BRIEF_2023.replace('40万', '41万'), { kind: 'plaintext' }), { uri: 'c', index }).findings.find((f) => f.span.start === key.span.start)!.related.map((r) => r.path);
    expect(order()).toEqual(['a', 'b']);
    index.set(indexEntry('a', 'a.txt', brief));
    expect(order()).toEqual(['b', 'a']);
    index.remove('b');
    expect(order()).toEqual(['a']);
    expect(index.version).toBe(4);
  });
});
