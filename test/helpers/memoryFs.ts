/**
 * A workspace held in memory (io/workspaceFs.ts `WorkspaceFs`): files by absolute path, folders
 * implied by them. For the server started with `ServerOptions.workspace`: what it reads and writes
 * then comes from here, never from the disk.
 */
import { posix } from 'path';
import type { DirEntry, FileStat, WorkspaceFs } from '../../server/src/io/workspaceFs';

export class MemoryFs implements WorkspaceFs {
  readonly trusted = true;
  /** Every path the server asked for, in order. */
  readonly asked: string[] = [];

  constructor(readonly files: Map<string, string>) {}

  private isDir(p: string): boolean {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return true;
    return false;
  }

  private missing(what: string, p: string): Error {
    return Object.assign(new Error(`ENOENT: no such file or directory, ${what} '${p}'`), { code: 'ENOENT' });
  }

  private stats(p: string): FileStat | undefined {
    const file = this.files.has(p);
    if (!file && !this.isDir(p)) return undefined;
    return { size: file ? Buffer.byteLength(this.files.get(p)!) : 0, isFile: () => file, isDirectory: () => !file, isSymbolicLink: () => false };
  }

  async readFile(p: string): Promise<Uint8Array> {
    this.asked.push(p);
    const text = this.files.get(p);
    if (text === undefined) throw this.missing('open', p);
    return Buffer.from(text, 'utf8');
  }

  async writeFile(p: string, text: string): Promise<void> {
    this.files.set(p, text);
  }

  async stat(p: string): Promise<FileStat> {
    this.asked.push(p);
    const s = this.stats(p);
    if (!s) throw this.missing('stat', p);
    return s;
  }

  lstat(p: string): Promise<FileStat> {
    return this.stat(p);
  }

  async readdir(dir: string): Promise<DirEntry[]> {
    this.asked.push(dir);
    if (!this.isDir(dir)) throw this.missing('scandir', dir);
    const names = new Map<string, boolean>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(`${dir}/`)) continue;
      const [first, ...rest] = f.slice(dir.length + 1).split('/');
      names.set(first, rest.length > 0 || names.get(first) === true);
    }
    return [...names].map(([name, folder]) => ({ name, isFile: () => !folder, isDirectory: () => folder, isSymbolicLink: () => false }));
  }

  async realpath(p: string): Promise<string> {
    if (!this.stats(p)) throw this.missing('realpath', p);
    return posix.normalize(p);
  }

  watch(): ReturnType<WorkspaceFs['watch']> {
    return { close: () => undefined, on: () => undefined };
  }
}
