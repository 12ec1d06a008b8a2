/**
 * Work that may pause between its pieces. A long computation over a large document (the index
 * entry of its figures, figure.mismatch against the workspace) is written once, as a generator
 * that yields between pieces of `STEP_ITEMS` items and returns its result: `drain` runs it to the
 * end at once (the CLI, the tests, every small document), and the language server runs it with
 * pauses, so that its event loop answers other documents meanwhile (lsp/slices.ts). The result is
 * the same either way: a yield passes nothing in or out.
 */

/** A computation of a `T` that yields (nothing) where it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Items a step loop handles between two yields: a yield costs far less than one item. */
export const STEP_ITEMS = 100;

/** Runs `steps` to the end without pausing; its result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
