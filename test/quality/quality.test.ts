/**
 * The quality targets of figure extraction (issue 3), on the hand-annotated gold sets:
 * precision and recall at least 0.95, kind and period accuracy at least 0.9.
 */
import { describe, expect, it } from 'vitest';
import { report, scoreAll } from './figures';

describe('figure extraction against the gold sets', () => {
  const scores = scoreAll();
  for (const s of scores) {
    it(`${s.set}: precision and recall ≥ 0.95, kind and period accuracy ≥ 0.9`, () => {
      const detail = report([s], true);
      expect(s.gold, 'the gold set is not empty').toBeGreaterThan(100);
      expect(s.precision, detail).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, detail).toBeGreaterThanOrEqual(0.95);
      expect(s.kind, detail).toBeGreaterThanOrEqual(0.9);
      expect(s.period, detail).toBeGreaterThanOrEqual(0.9);
    });
  }
});
