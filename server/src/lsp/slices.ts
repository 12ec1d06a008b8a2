/**
 * Pauses in long work on the main thread. What the server does after a large document's analysis
 * (its figures into the workspace index, figure.mismatch against the workspace, its diagnostics
 * converted) is cut into slices of a few milliseconds, and between two slices the event loop
 * answers what arrived meanwhile: other documents' outline, hover, diagnostics. The core gives
 * that work as steps (core/steps.ts); `Slices` runs them, pausing once a slice has run its time,
 * and stops at a pause where the work has gone stale (a newer version of the document).
 */
import type { Steps } from '../core';

/**
 * Lets the event loop answer what arrived before going on: three of its turns, because the
 * JSON-RPC connection (vscode-jsonrpc) reads a message in one turn, handles it in a setImmediate
 * queued then, and writes the answer in another (its write lock). With one turn, a request that
 * arrived during a slice was read but handled after the next slice, and answered after the one
 * after that.
 */
export async function breathe(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** How long a slice of work may hold the event loop before it pauses, by default. */
export const SLICE_MS = 5;

export class Slices {
  private since = performance.now();

  /**
   * @param ms a slice's length (0: a pause at every step, as the tests ask for)
   * @param stale whether the work is no longer wanted: asked after every pause
   */
  constructor(private readonly ms: number, private readonly stale: () => boolean) {}

  /** Whether the current slice has run its time: pause before going on. */
  due(): boolean {
    return performance.now() - this.since >= this.ms;
  }

  /** A pause; whether to go on (false: the work went stale meanwhile). */
  async pause(): Promise<boolean> {
    await breathe();
    this.since = performance.now();
    return !this.stale();
  }

  /**
   * `make()`'s steps run to their end, with a pause whenever a slice is due; undefined when the
   * work went stale at a pause. `read` counts the changes of what the steps read (the index's
   * version): if it changed at a pause, the steps start again, so that their result holds for one
   * state of it; after two such starts they run to the end without pausing.
   */
  async run<T>(make: () => Steps<T>, read?: () => number): Promise<T | undefined> {
    let steps = make();
    let seen = read?.();
    for (let starts = 1; ; ) {
      const r = steps.next();
      if (r.done) return r.value;
      if (!this.due()) continue;
      if (starts > 2) continue;
      if (!(await this.pause())) return undefined;
      const now = read?.();
      if (now !== seen) {
        seen = now;
        steps = make();
        starts++;
      }
    }
  }
}
