/**
 * The crash policy (client/src/crashPolicy.ts): restart after a crash, tell the user once per
 * session, stop after five crashes within three minutes; a manual restart gives a fresh budget.
 */
import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS, CrashPolicy, MAX_CRASHES, onConnectionError } from '../../client/src/crashPolicy';

const MIN = 60_000;

describe('CrashPolicy', () => {
  it('restarts and notifies on the first crash only', () => {
    const p = new CrashPolicy();
    expect(p.crashed(0)).toEqual({ action: 'restart', notify: true, crashes: 1 });
    expect(p.crashed(10 * MIN)).toEqual({ action: 'restart', notify: false, crashes: 1 });
    expect(p.crashed(20 * MIN)).toEqual({ action: 'restart', notify: false, crashes: 1 });
    expect(p.restarts).toBe(3);
  });

  it('stops at the fifth crash within three minutes and says how many', () => {
    const p = new CrashPolicy();
    const times = [0, 10_000, 20_000, 30_000];
    expect(times.map((t) => p.crashed(t).action)).toEqual(['restart', 'restart', 'restart', 'restart']);
    expect(p.crashed(40_000)).toEqual({ action: 'stop', crashes: MAX_CRASHES, windowMs: CRASH_WINDOW_MS });
    expect(p.restarts).toBe(4);
  });

  it('forgets crashes older than the window', () => {
    const p = new CrashPolicy();
    // A crash every minute, forever: at most three in any three-minute window.
    const actions = Array.from({ length: 20 }, (_, i) => p.crashed(i * MIN).action);
    expect(new Set(actions)).toEqual(new Set(['restart']));
    // Spread over exactly the window's length, five crashes are not "within" it.
    const q = new CrashPolicy();
    const spread = [0, 45_000, 90_000, 135_000, CRASH_WINDOW_MS].map((t) => q.crashed(t).action);
    expect(spread).toEqual(['restart', 'restart', 'restart', 'restart', 'restart']);
  });

  it('gives a fresh budget after a manual restart, without telling again', () => {
    const p = new CrashPolicy(3, MIN);
    p.crashed(0);
    p.crashed(1000);
    expect(p.crashed(2000).action).toBe('stop');
    p.reset();
    expect(p.crashed(3000)).toEqual({ action: 'restart', notify: false, crashes: 1 });
  });
});

describe('onConnectionError', () => {
  it('continues through three errors in a row, then shuts down', () => {
    expect([1, 2, 3, 4, undefined].map(onConnectionError)).toEqual(['continue', 'continue', 'continue', 'shutdown', 'shutdown']);
  });
});
