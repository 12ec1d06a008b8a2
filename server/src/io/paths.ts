/** Paths as the layers compare them: whether one lies inside a folder. */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/**
 * Whether `file` lies inside the folder `dir` (both absolute, or both relative to one place):
 * the folder itself counts only with `orSame`. By path.relative, so a folder at / and names that
 * share a prefix (/a/b against /a/bc) are judged right.
 */
export function isInside(dir: string, file: string, orSame = false): boolean {
  return path.relative(dir, file) === '' ? orSame : relativeInside(dir, file) !== undefined;
}

/**
 * `file`'s path relative to the folder `dir` when it lies inside it, else undefined (the folder
 * itself too): what the CLI shows, SARIF and GitHub name relative to the working directory. A
 * name that only begins with two dots ("..附件.txt") lies inside.
 */
export function relativeInside(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel;
}

/** The scheme of the editor's read-only text view of a .docx or .pdf (`wengao-source:/path/draft.docx`). */
export const SOURCE_VIEW_SCHEME = 'wengao-source';

/** A .docx or .pdf file's URI as its read-only view's (`wengao-source:`); any other URI as given. */
export function sourceViewUri(uri: string): string {
  if (!uri.startsWith('file://') || !/\.(?:docx|pdf)$/i.test(uri)) return uri;
  const rest = uri.slice('file://'.length);
  const host = /^[^/]*/.exec(rest)![0];
  // (As VS Code writes a URI of another scheme: no "//" without a host.)
  return host ? `${SOURCE_VIEW_SCHEME}://${rest}` : `${SOURCE_VIEW_SCHEME}:${rest}`;
}

/**
 * One spelling per document: a file: URI as Node spells it (percent-encoding in upper case, as
 * RFC 3986 advises, and the path's own normalisation), so that a client writing %e4 and the
 * index writing %E4 name one document; a read-only view of a file (`wengao-source:`) as that
 * file's. Any other URI as given.
 */
export function canonicalUri(uri: string): string {
  // (The editor's read-only view of a .docx or .pdf is that file: one document, one index entry.)
  if (uri.startsWith(`${SOURCE_VIEW_SCHEME}:`)) {
    // (wengao-source:/c%3A/a.docx, or with a host, wengao-source://server/share/a.docx, as file: has it.)
    const rest = uri.slice(SOURCE_VIEW_SCHEME.length + 1).replace(/[?#].*$/, '');
    uri = `file:${rest.startsWith('//') ? rest : `//${rest}`}`;
  }
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}
