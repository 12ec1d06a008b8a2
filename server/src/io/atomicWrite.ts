/**
 * A file written whole or not at all: to a temporary file beside it, then renamed over it (a
 * reader never sees half of it; a failed write leaves the old file and no temporary one). For the
 * files Wengao keeps for itself: the CLI's cache, the server's saved index.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';

export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
