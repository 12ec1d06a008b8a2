/**
 * What to do when the language server's connection closes unexpectedly (a crash): restart it,
 * tell the user the first time in the session only, and give up after `maxCrashes` crashes
 * within `windowMs`. Pure (crash times in, decisions out; no `vscode`), so it is unit-tested;
 * extension.ts turns the decisions into the language client's ErrorHandler results and messages.
 */

/** Crashes within the window that stop the restarts (the fifth in three minutes). */
export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 3 * 60_000;

export type CrashDecision =
  /** Restart; `notify`: this is the session's first crash, say so once. */
  | { action: 'restart'; notify: boolean; crashes: number }
  /** Too many crashes too close together: leave the server stopped and say so. */
  | { action: 'stop'; crashes: number; windowMs: number };

export class CrashPolicy {
  private times: number[] = [];
  private notified = false;
  /** Restarts after crashes in this session (the status item shows them). */
  restarts = 0;

  constructor(
    readonly maxCrashes = MAX_CRASHES,
    readonly windowMs = CRASH_WINDOW_MS,
  ) {}

  /** The connection closed unexpectedly at `now` (ms). */
  crashed(now: number): CrashDecision {
    this.times = this.times.filter((t) => now - t < this.windowMs);
    this.times.push(now);
    if (this.times.length >= this.maxCrashes) return { action: 'stop', crashes: this.times.length, windowMs: this.windowMs };
    const notify = !this.notified;
    this.notified = true;
    this.restarts++;
    return { action: 'restart', notify, crashes: this.times.length };
  }

  /**
   * The user restarted the server by hand: it gets a fresh budget of crashes. The notice stays
   * told: once per session.
   */
  reset(): void {
    this.times = [];
  }
}

/**
 * The connection reports an error (a message could not be written or read): keep going for the
 * first three in a row, as vscode-languageclient's default handler does, then shut the server
 * down (it stays stopped; the status item offers the restart).
 */
export function onConnectionError(count: number | undefined): 'continue' | 'shutdown' {
  return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
}
