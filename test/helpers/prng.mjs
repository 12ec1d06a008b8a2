// mulberry32: a small seeded generator, so that a failing test or a benchmark run can be replayed
// exactly. Plain JavaScript so that both the tests (TypeScript) and bench/ (.mjs) import it.

/** Numbers in [0, 1), the same sequence for the same seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` deterministic bytes from the same generator. */
export function pseudoRandomBytes(n, seed) {
  const next = prng(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = (next() * 4294967296) & 0xff;
  return out;
}
