/**
 * The document pairs (test/pairs/README.md), scored through the CLI as a reviewer runs it
 * (`wengao check` and `wengao figures`, JSON, on each pair alone). A regression guard: no batch may
 * fall below the figures it scored when this code landed (floors.json). The targets, and
 * which batch was unseen when measured, are in BENCHMARKS.md; the scorer prints the table: `node
 * test/pairs/score.mjs --verbose`. The batches run the CLI's `main` in this process (two thousand
 * CLI processes took 580 s of CI); the newest batch runs the built CLI too, and must score the same.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (test/pairs/score.mjs)
import { batches, scoreBatchAsync } from './score.mjs';
import { main } from '../../server/src/cli/main';
import { chunkText } from '../../server/src/cli/jsonStream';

/** One CLI run, by its `main` in this process: its JSON output, parsed. */
async function inProcess(args: string[]): Promise<unknown> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (t) => void out.push(chunkText(t)), (t) => void err.push(t), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
  if (code !== 0 && code !== 1) throw new Error(`wengao ${args.join(' ')} exited ${code}: ${err.join('')}`);
  return JSON.parse(out.join(''));
}

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
  it('the built CLI, run as a process, scores the newest batch as its main does here', { timeout: 120_000 }, async () => {
    const newest = batches().at(-1);
    const [built, here] = [await scoreBatchAsync(newest, 2), await scoreBatchAsync(newest, 1, inProcess)];
    expect(built.changes).toBeGreaterThan(0);
    expect(here).toEqual(built);
  });
  for (const batch of Object.keys(floors)) {
    it(`${batch} scores no worse than when it landed`, { timeout: 120_000 }, async () => {
      const s = await scoreBatchAsync(batch, 1, inProcess);
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
