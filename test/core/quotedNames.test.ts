/**
 * The quoted short names (core/terms.ts `quotedNames`) are found by a scan from each name's first
 * character. It must find what the one regular expression it replaced found: the same names at
 * the same places, none inside quotation marks of its own, the longest at a place first, none
 * overlapping. That expression is kept here as the oracle, on texts made of the names, their
 * pieces, the quotation marks and other characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTED_NAMES, quotedNames } from '../../server/src/core/terms';

// (The longest first, as the scan takes them: 五讲四美三热爱 before 五讲四美.)
const ORACLE = new RegExp(`(?<![“"「『‘])(?:${[...QUOTED_NAMES].sort((a, b) => b.length - a.length).map((n) => n.replace(/[+.*?^$()|[\]{}\\]/g, '\\$&')).join('|')})(?![”"」』’])`, 'g');

function byOracle(text: string): [number, string][] {
  return [...text.matchAll(ORACLE)].map((m) => [m.index!, m[0]]);
}

// (Whole names, their halves, which make the longer and shorter names meet, the marks around a name, and filler.)
const piece = fc.oneof(
  fc.constantFrom(...QUOTED_NAMES),
  fc.constantFrom(...QUOTED_NAMES.map((n) => n.slice(0, Math.ceil(n.length / 2))), ...QUOTED_NAMES.map((n) => n.slice(Math.ceil(n.length / 2)))),
  fc.constantFrom('“', '”', '"', '「', '」', '『', '』', '‘', '’', '、', '，', '的', '推进', ' ', '一', '两', '三'),
);

describe('quotedNames finds what the alternation of the names found', () => {
  it('on texts of names, their pieces and quotation marks', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect([...quotedNames(text)]).toEqual(byOracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on the seeds', async () => {
    const { readdirSync, readFileSync } = await import('fs');
    const { join } = await import('path');
    const dir = join(__dirname, '..', '..', 'seeds');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect([...quotedNames(text)]).toEqual(byOracle(text));
    }
  });
});
