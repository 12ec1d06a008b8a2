/** Paths as the layers compare them: whether one lies inside a folder. */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

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

/**
 * One spelling per document: a file: URI as Node spells it (percent-encoding in upper case, as
 * RFC 3986 advises, and the path's own normalisation), so that a client writing %e4 and the
 * index writing %E4 name one document. Any other URI as given.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}
