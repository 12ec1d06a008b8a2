// Where the n-th occurrence (1-based) of `needle` starts in `hay`, or -1: how the gold sets
// (test/gold, test/pairs) name a span by its text and occurrence in a line.
export function nthIndex(hay, needle, n) {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
