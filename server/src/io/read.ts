/** Reading a report from disk, shared by the CLI and the server (for files not open). */
import { decode } from '../core';
import { describeFsError } from './errors';
import { WorkspaceFs, nodeFs } from './workspaceFs';

export type ReadResult =
  | { path: string; ok: true; text: string; encoding: string }
  /** `gone`: the file does not exist (it was deleted since it was listed). */
  | { path: string; ok: false; message: string; gone?: boolean };

/**
 * The largest report read, in bytes (64 MB: a long report is a few MB). Larger files, and
 * anything that is not a regular file (a device such as /dev/zero, a named pipe that would block
 * forever, a socket), are skipped with a message instead of being read without end.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The message for input over MAX_INPUT_BYTES: a file of known size, or standard input cut off. */
export function tooLarge(bytes?: number): string {
  const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  const limit = mb(MAX_INPUT_BYTES);
  return bytes === undefined
    ? `输入超过 ${limit} 的上限，未检查 (the input is over the ${limit} limit; not checked)`
    : `文件 ${mb(bytes)}，超过 ${limit} 的上限，未检查 (the file is ${mb(bytes)}, over the ${limit} limit; not checked)`;
}

/** Reads and decodes a report through `fs` (the server's, which refuses in an untrusted workspace). */
export async function readReport(file: string, fs: WorkspaceFs = nodeFs): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    // (Looked at before it is opened: opening a named pipe blocks until someone writes to it.)
    const st = await fs.stat(file);
    if (!st.isFile()) return { path: file, ok: false, message: '不是普通文件（设备、管道或套接字），未读取 (not a regular file: a device, pipe or socket; not read)' };
    if (st.size > MAX_INPUT_BYTES) return { path: file, ok: false, message: tooLarge(st.size) };
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { path: file, ok: false, message: `无法读取 (cannot read): ${describeFsError(err)}`, ...(code === 'ENOENT' ? { gone: true } : {}) };
  }
  const d = decode(bytes);
  if (!d.ok) return { path: file, ok: false, message: d.message };
  return { path: file, ok: true, text: d.text, encoding: d.encoding };
}
