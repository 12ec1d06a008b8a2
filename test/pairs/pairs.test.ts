/**
 * The document pairs (test/pairs/README.md), scored through the built CLI as a reviewer runs it.
 * A regression guard: no batch may fall below the figures it scored when this code landed
 * (floors.json). The targets, and which batch was unseen when measured, are in
 * BENCHMARKS.md; the scorer prints the table: `node test/pairs/score.mjs --verbose`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (test/pairs/score.mjs)
import { batches, scoreBatchAsync } from './score.mjs';

interface Floor {
  caught: number;
  falseAlarms: number;
  figurePrecision: number;
  figureRecall: number;
  kindAccuracy: number;
  periodAccuracy: number;
  listTargets: number;
}

const floors: Record<string, Floor> = JSON.parse(readFileSync(join(__dirname, 'floors.json'), 'utf8'));

describe('document pairs: planted changes caught, restatements silent, figures read', () => {
  it('every batch has a floor', () => {
    expect(batches()).toEqual(Object.keys(floors));
  });
  for (const batch of Object.keys(floors)) {
    // (Concurrent: each batch waits on its CLI runs, which go side by side.)
    it.concurrent(`${batch} scores no worse than when it landed`, { timeout: 120_000 }, async () => {
      const s = await scoreBatchAsync(batch, 2);
      const f = floors[batch];
      const missed = s.detail.flatMap((p: { missedChanges: string[] }) => p.missedChanges);
      const alarms = s.detail.flatMap((p: { falseAlarms: string[] }) => p.falseAlarms);
      expect(s.caught, `changes caught; missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(f.caught);
      expect(s.falseAlarms, `false alarms:\n${alarms.join('\n')}`).toBeLessThanOrEqual(f.falseAlarms);
      expect(s.figurePrecision).toBeGreaterThanOrEqual(f.figurePrecision);
      expect(s.figureRecall).toBeGreaterThanOrEqual(f.figureRecall);
      expect(s.kindAccuracy).toBeGreaterThanOrEqual(f.kindAccuracy);
      expect(s.periodAccuracy).toBeGreaterThanOrEqual(f.periodAccuracy);
      expect(s.listTargets).toBeLessThanOrEqual(f.listTargets);
    });
  }
});
