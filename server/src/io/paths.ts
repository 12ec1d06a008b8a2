/** Paths as the layers compare them: whether one lies inside a folder. */
import * as path from 'path';

/**
 * Whether `file` lies inside the folder `dir` (both absolute, or both relative to one place):
 * the folder itself counts only with `orSame`. By path.relative, so a folder at / and names that
 * share a prefix (/a/b against /a/bc) are judged right.
 */
export function isInside(dir: string, file: string, orSame = false): boolean {
  const rel = path.relative(dir, file);
  if (rel === '') return orSame;
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}
