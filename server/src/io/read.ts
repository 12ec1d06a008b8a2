/**
 * Reading from disk with bounds, shared by the CLI and the server: reports (`readReport`, for
 * files not open) and the project's config and ignore files (`readBounded`, through
 * `ConfigResolver` and the ignore command). Only regular files are read, and only up to a limit.
 */
import { decode } from '../core';
import { SourceText, isSourceFile, readSource } from '../formats';
import { pdfEngine } from './pdfEngine';
import { describeFsError } from './errors';
import { WorkspaceFs, nodeFs } from './workspaceFs';

export type ReadResult =
  /** `source`: a file converted to text (.docx), with where each line of `text` came from. */
  | { path: string; ok: true; text: string; encoding: string; source?: SourceText }
  /** `gone`: the file does not exist (it was deleted since it was listed). */
  | { path: string; ok: false; message: string; gone?: boolean };

/**
 * The largest report read, in bytes (64 MB: a long report is a few MB). Larger files, and
 * anything that is not a regular file (a device such as /dev/zero, a named pipe that would block
 * forever, a socket), are skipped with a message instead of being read without end.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The largest `.wengaorc.json` or `.wengaoignore` read, in bytes (1 MB: a config is a few KB, an
 * ignore file of 10,000 entries some 600 KB). Held to the same rule as reports otherwise.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a path that is not a regular file (nor a folder) is not read: reports, config and ignore files alike. */
export const NOT_REGULAR = '不是普通文件（设备、管道或套接字），未读取 (not a regular file: a device, pipe or socket; not read)';

/** A size in MB as the messages give it: whole, or rounded up to a tenth below 10 MB. */
function mb(n: number): string {
  const v = n / 1024 / 1024;
  return `${Number.isInteger(v) || v >= 10 ? Math.ceil(v) : Math.ceil(v * 10) / 10} MB`;
}

/** The message for input over MAX_INPUT_BYTES: a file of known size, or standard input cut off. */
export function tooLarge(bytes?: number): string {
  const limit = mb(MAX_INPUT_BYTES);
  return bytes === undefined
    ? `输入超过 ${limit} 的上限，未检查 (the input is over the ${limit} limit; not checked)`
    : `文件 ${mb(bytes)}，超过 ${limit} 的上限，未检查 (the file is ${mb(bytes)}, over the ${limit} limit; not checked)`;
}

/** The message for a config or ignore file over MAX_CONFIG_BYTES. */
export function configTooLarge(bytes: number): string {
  const limit = mb(MAX_CONFIG_BYTES);
  return `文件 ${mb(bytes)}，超过配置文件和忽略文件 ${limit} 的上限，未读取 (the file is ${mb(bytes)}, over the ${limit} limit of config and ignore files; not read)`;
}

export type BoundedRead =
  | { ok: true; bytes: Uint8Array }
  /**
   * `reason`: why, in words (Chinese, then English); `failed`: the file system refused (the reason
   * is then its error's meaning), not a bound; `gone`: the file does not exist.
   */
  | { ok: false; reason: string; failed?: boolean; gone?: boolean };

/**
 * A file's bytes through `fs`, if it is a regular file of at most `limit` bytes; the reason
 * otherwise. It is looked at before it is opened: opening a named pipe blocks until someone
 * writes to it, and a device such as /dev/zero never ends.
 */
export async function readBounded(
  file: string,
  fs: WorkspaceFs,
  limit: number,
  over: (bytes: number) => string,
): Promise<BoundedRead> {
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return { ok: false, reason: describeFsError({ code: 'EISDIR' }), failed: true };
    if (!st.isFile()) return { ok: false, reason: NOT_REGULAR };
    if (st.size > limit) return { ok: false, reason: over(st.size) };
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: describeFsError(err), failed: true, ...(code === 'ENOENT' ? { gone: true } : {}) };
  }
}

/** Reads and decodes a report through `fs` (the server's, which refuses in an untrusted workspace). */
export async function readReport(file: string, fs: WorkspaceFs = nodeFs): Promise<ReadResult> {
  const r = await readBounded(file, fs, MAX_INPUT_BYTES, tooLarge);
  if (!r.ok) return { path: file, ok: false, message: r.failed ? `无法读取 (cannot read): ${r.reason}` : r.reason, ...(r.gone ? { gone: true } : {}) };
  if (isSourceFile(file)) {
    // (Between a PDF's pages, a turn of the event loop: the server answers the editor meanwhile.)
    const s = await readSource(file, r.bytes, pdfEngine, () => new Promise((resolve) => setImmediate(resolve)));
    return s.ok ? { path: file, ok: true, text: s.source.text, encoding: s.source.format, source: s.source } : { path: file, ok: false, message: s.message };
  }
  const d = decode(r.bytes);
  if (!d.ok) return { path: file, ok: false, message: d.message };
  return { path: file, ok: true, text: d.text, encoding: d.encoding };
}
