/** Reading a report from disk, shared by the CLI and the server (for files not open). */
import { promises as fs } from 'fs';
import { decode } from '../core';

export type ReadResult =
  | { path: string; ok: true; text: string; encoding: string }
  /** `gone`: the file does not exist (it was deleted since it was listed). */
  | { path: string; ok: false; message: string; gone?: boolean };

export async function readReport(file: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { path: file, ok: false, message: `无法读取 (cannot read): ${code ?? String(err)}`, ...(code === 'ENOENT' ? { gone: true } : {}) };
  }
  const d = decode(bytes);
  if (!d.ok) return { path: file, ok: false, message: d.message };
  return { path: file, ok: true, text: d.text, encoding: d.encoding };
}
