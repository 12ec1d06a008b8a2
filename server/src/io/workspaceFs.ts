/**
 * The one way the CLI and the server reach the file system: `ConfigResolver`, `readReport`, the
 * workspace index, the CLI's file selection, the server's own watch and the ignore command are
 * each given a `WorkspaceFs` instead of importing `fs`. `nodeFs` is the disk; `untrustedFs`, what
 * the server is given in an untrusted workspace (VS Code's Restricted Mode), refuses every call,
 * so that no file is read or written there however a caller is written, not because each one
 * remembers to check a flag.
 */
import { promises as fs, watch } from 'fs';

/** What a caller reads of a file's status (node's `Stats` is one). */
/**
 * How close to its read a file's change leaves its times in doubt (git's "racy" entries): a coarse
 * clock (FAT 2 s, HFS+ 1 s) may give two writes one time. The server's saved index and the CLI's
 * cache trust a file's times only when it changed longer ago than this before it was read.
 */
export const RACY_MS = 2000;

export interface FileStat {
  size: number;
  /** When it was last modified (node's Stats has it; a file system that does not know leaves it out). */
  mtimeMs?: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** An entry of a folder with its type (node's `Dirent` is one). */
export interface DirEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** A watch of a folder (node's `FSWatcher` is one). */
export interface Watcher {
  close(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface WorkspaceFs {
  /** False in an untrusted workspace: then every call below fails (`untrustedFs`). */
  readonly trusted: boolean;
  readFile(file: string): Promise<Uint8Array>;
  /** Writes text as UTF-8. */
  writeFile(file: string, text: string): Promise<void>;
  stat(file: string): Promise<FileStat>;
  lstat(file: string): Promise<FileStat>;
  /** A folder's entries with their types. */
  readdir(dir: string): Promise<DirEntry[]>;
  realpath(file: string): Promise<string>;
  /** Node's recursive watch of a folder, not keeping the process alive. */
  watch(dir: string, listener: (event: string, name: string | null) => void): Watcher;
}

/** The disk, for the CLI and a trusted workspace. */
export const nodeFs: WorkspaceFs = {
  trusted: true,
  readFile: (file) => fs.readFile(file),
  writeFile: (file, text) => fs.writeFile(file, text, 'utf8'),
  stat: (file) => fs.stat(file),
  lstat: (file) => fs.lstat(file),
  readdir: (dir) => fs.readdir(dir, { withFileTypes: true }),
  realpath: (file) => fs.realpath(file),
  watch: (dir, listener) => watch(dir, { recursive: true, persistent: false }, (event, name) => listener(event, name === null ? null : String(name))),
};

/** The code of the error `untrustedFs` fails with (io/errors.ts describes it). */
export const UNTRUSTED = 'EUNTRUSTED';

function refused(op: string, file: string): Error {
  const err = new Error(`untrusted workspace (Restricted Mode): ${op} ${file} refused; Wengao reads and writes no file here`) as NodeJS.ErrnoException;
  err.code = UNTRUSTED;
  err.path = file;
  return err;
}

/** An untrusted workspace: every read, listing, write and watch fails with `UNTRUSTED`. */
export const untrustedFs: WorkspaceFs = {
  trusted: false,
  readFile: (file) => Promise.reject(refused('reading', file)),
  writeFile: (file) => Promise.reject(refused('writing', file)),
  stat: (file) => Promise.reject(refused('looking at', file)),
  lstat: (file) => Promise.reject(refused('looking at', file)),
  readdir: (dir) => Promise.reject(refused('listing', dir)),
  realpath: (file) => Promise.reject(refused('resolving', file)),
  watch: (dir) => {
    throw refused('watching', dir);
  },
};

