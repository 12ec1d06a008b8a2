/**
 * The indicator normalisation layer (consistency/indicator.ts), data-driven: each line of
 * test/fixtures/measures.txt says that two indicators (with their verbs) are one measure (≡)
 * or two (≢).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { measureOf } from '../../server/src/core';
import { aliasTable } from '../../server/src/core/consistency/indicator';

const lines = readFileSync(join(__dirname, '..', 'fixtures', 'measures.txt'), 'utf8')
  .split('\n')
  .map((l, i) => ({ text: l.trim(), line: i + 1 }))
  .filter((l) => l.text && !l.text.startsWith('#'));

function parse(side: string): [string, string | undefined] {
  const [indicator, verb] = side.split('|').map((x) => x.trim());
  return [indicator, verb || undefined];
}

const key = ([indicator, verb]: [string, string | undefined]) => {
  const m = measureOf(indicator, verb);
  return `${m.indicator}|${m.verb}`;
};

describe('indicator measures (test/fixtures/measures.txt)', () => {
  for (const { text, line } of lines) {
    const same = text.includes('≡');
    const [left, right] = text.split(same ? '≡' : '≢');
    it(`line ${line}: ${text}`, () => {
      const a = key(parse(left));
      const b = key(parse(right));
      if (same) expect(a, `${left.trim()} and ${right.trim()} should be one measure`).toBe(b);
      else expect(a, `${left.trim()} and ${right.trim()} should be two measures`).not.toBe(b);
    });
  }

  it("a project's aliases (.wengaorc.json) join names the built-in table does not", () => {
    const table = aliasTable({ 数字经济核心产业增加值: ['数字核心产业增加值'] });
    expect(measureOf('数字核心产业增加值', '增长', table)).toEqual(measureOf('数字经济核心产业增加值', '增长', table));
    expect(measureOf('数字核心产业增加值', '增长')).not.toEqual(measureOf('数字经济核心产业增加值', '增长'));
  });
});

describe('which measures are specific enough to compare', () => {
  it('a short noun counts when its verb makes or changes it, not when the noun holds anything', async () => {
    const { specific } = await import('../../server/src/core/consistency/indicator');
    const m = (indicator: string, verb?: string) => measureOf(indicator, verb);
    expect(specific(m('学位', '新增'), 'count:个')).toBe(true);
    expect(specific(m('管网', '改造'), 'length')).toBe(true);
    expect(specific(m('项目', '新建'), 'count:个')).toBe(false);
    expect(specific(m('企业', '新增'), 'count:家')).toBe(false);
    expect(specific(m('学位'), 'count:个')).toBe(false);
    expect(specific(m('投资', '完成'), 'money')).toBe(true);
  });
});
