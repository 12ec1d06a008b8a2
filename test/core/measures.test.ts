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
