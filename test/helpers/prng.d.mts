/** See prng.mjs. */
export function prng(seed: number): () => number;
export function pseudoRandomBytes(n: number, seed: number): Buffer;
