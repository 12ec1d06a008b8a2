/**
 * The workspace index kept across restarts, in the extension's storage for this workspace
 * (`initializationOptions.storagePath`, the client's `ExtensionContext.storageUri`): per report
 * file, its size, modification time, the digest of its text, the options it was analysed with
 * (settings and project config), its statement keys and its index entry. At the next start the
 * indexer takes an entry without reading the file when size, time and options are unchanged,
 * reads the file when size or time changed and takes the entry when its text's digest is
 * unchanged, and analyses it otherwise (workspace.ts). An entry of another Wengao build is never
 * used. The entries of the files that share a statement with an open document are restored
 * first, so that its cross-document findings come back before the rest of the index.
 *
 * Two files: `index.json` (per file all but the entry, and where its entry lies in the other) and
 * `entries.json` (the entries' JSON one after the other). An entry is parsed when it is restored:
 * parsing all of them at once took as long as the restore. No JSON is held between writes: a
 * write copies the unchanged entries from the file on disk and serializes the changed ones. Both carry one generation id, so that
 * a pair torn by a crash is not read together. A pair that cannot be read is logged and replaced.
 * Deleting the folder clears the index. Restricted Mode neither reads nor writes them.
 */
import { createHash, randomUUID } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { DocumentEntry, statementKey } from '../core';
import { parseExact, tagNumbers } from '../io/exactJson';
import { writeAtomically } from '../io/atomicWrite';

const FORMAT = 'wengao-index';
const VERSION = 2;
export const INDEX_FILE = 'index.json';
export const ENTRIES_FILE = 'entries.json';
/** A quiet moment after the index changed before it is written. */
const SAVE_DELAY_MS = 2000;

export interface SavedFile {
  size: number;
  mtimeMs: number;
  /**
   * When it was stat'ed before being read. A file modified within RACY_MS (io/workspaceFs.ts) of it may have changed
   * again within the same tick of a coarse clock (FAT 2 s, HFS+ 1 s): its time does not vouch for it.
   */
  readAt: number;
  /** sha256 of the file's decoded text. */
  hash: string;
  /** The analysis options it was read with, as JSON. */
  options: string;
  /** Its statement keys: which open documents its entry matters to. */
  keys: string[];
}

/** As index.json holds it: where the entry's JSON lies in entries.json, or null (read, and not a report). */
type Stored = SavedFile & { at: [start: number, end: number] | null };

/**
 * A file's saved state and its entry: where the entry's JSON lies in entries.json as on disk
 * (parsed on demand while the file read at start is held, then not needed), or the entry itself
 * (parsed, or new since the last write).
 */
interface Held {
  file: SavedFile;
  at: [start: number, end: number] | null;
  entry?: DocumentEntry | null;
}

export const textDigest = (text: string) => createHash('sha256').update(text).digest('hex');

function wellFormed(s: Stored, entriesLength: number): boolean {
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  return (
    typeof s === 'object' && s !== null && num(s.size) && num(s.mtimeMs) && num(s.readAt) && typeof s.hash === 'string' && typeof s.options === 'string' &&
    Array.isArray(s.keys) && s.keys.every((k) => typeof k === 'string') &&
    (s.at === null || (Array.isArray(s.at) && s.at.length === 2 && Number.isInteger(s.at[0]) && Number.isInteger(s.at[1]) && 0 <= s.at[0] && s.at[0] <= s.at[1] && s.at[1] <= entriesLength))
  );
}

export class SavedIndex {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  /** A write made while the file read at start was held: where its entries lie, applied at `release`. */
  private pending: { generation: string; moved: Map<Held, Stored['at']> } | undefined;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly folder: string | undefined,
    private readonly build: string,
    private readonly files: Map<string, Held>,
    private readonly log: (msg: string) => void,
    /** entries.json as read at start, until `release` (the restore parses from it). */
    private source?: Buffer,
    /** The generation of entries.json on disk, which the `at` of the entries refer to. */
    private generation?: string,
  ) {}

  /** Nothing kept: no storage folder, or an untrusted workspace. */
  static none(): SavedIndex {
    return new SavedIndex(undefined, '', new Map(), () => undefined);
  }

  /** The index saved in `folder` by this `build` of the server, or an empty one. */
  static async open(folder: string, build: string, log: (msg: string) => void): Promise<SavedIndex> {
    const empty = () => new SavedIndex(folder, build, new Map(), log);
    let raw: string;
    let entries: Buffer;
    try {
      raw = (await fsp.readFile(path.join(folder, INDEX_FILE))).toString('utf8');
      entries = await fsp.readFile(path.join(folder, ENTRIES_FILE));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`saved index not read (${folder}): ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return empty();
    }
    try {
      const saved = JSON.parse(raw) as { format?: string; version?: number; build?: string; generation?: string; files?: Record<string, Stored> };
      if (saved.format !== FORMAT || typeof saved.files !== 'object' || saved.files === null) throw new Error('not a Wengao index');
      // (Another layout, or another build of the server: its entries may read figures otherwise.)
      if (saved.version !== VERSION || saved.build !== build) return empty();
      const head = `${saved.generation}\n`;
      if (entries.toString('utf8', 0, head.length) !== head) throw new Error('its two files are of different generations');
      const files = new Map<string, Held>();
      let bad = 0;
      for (const [uri, s] of Object.entries(saved.files)) {
        // (A record of the wrong shape is dropped, not trusted: its file is read again.)
        if (!wellFormed(s, entries.length)) {
          bad++;
          continue;
        }
        const { at, ...file } = s;
        files.set(uri, { file, at });
      }
      if (bad) log(`saved index: ${bad} records of the wrong shape dropped (${folder})`);
      return new SavedIndex(folder, build, files, log, entries, saved.generation);
    } catch (e) {
      log(`saved index ignored, to be written afresh (${folder}): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return empty();
    }
  }

  get size(): number {
    return this.files.size;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get(uri: string): SavedFile | undefined {
    return this.files.get(uri)?.file;
  }

  /** The saved entry (parsed on first use); null: the file is not a report; undefined: not to be had (released, or unreadable). */
  entry(uri: string): DocumentEntry | null | undefined {
    const held = this.files.get(uri);
    if (!held) return undefined;
    if (held.entry === undefined) {
      if (!held.at) held.entry = null;
      else if (!this.source) return undefined;
      else {
        try {
          held.entry = parseExact<DocumentEntry>(this.source.toString('utf8', held.at[0], held.at[1]));
        } catch {
          this.drop(uri);
          return undefined;
        }
      }
    }
    return held.entry;
  }

  /** The restore is over: entries.json as read at start is no longer held (a save reads what it needs again). */
  release(): void {
    this.source = undefined;
    if (this.pending) this.moveTo(this.pending.generation, this.pending.moved);
    this.pending = undefined;
  }

  private moveTo(generation: string, moved: Map<Held, Stored['at']>): void {
    this.generation = generation;
    for (const [held, at] of moved) held.at = at;
  }

  put(uri: string, file: Omit<SavedFile, 'keys'>, entry: DocumentEntry | null): void {
    const keys = entry ? [...new Set(entry.figures.map((g) => statementKey(g.figure)).filter((k): k is string => !!k))] : [];
    this.files.set(uri, { file: { ...file, keys }, at: null, entry });
    this.changed();
  }

  /** The same entry, for a file whose size or time changed but whose text did not. */
  touch(uri: string, size: number, mtimeMs: number, readAt: number): void {
    const held = this.files.get(uri);
    if (!held) return;
    held.file = { ...held.file, size, mtimeMs, readAt };
    this.changed();
  }

  drop(uri: string): void {
    if (this.files.delete(uri)) this.changed();
  }

  /** Only the files the workspace holds now are kept (after a scan: deleted and excluded files go). */
  keepOnly(uris: ReadonlySet<string>): void {
    for (const uri of [...this.files.keys()]) if (!uris.has(uri)) this.drop(uri);
  }

  private changed(): void {
    if (!this.folder) return;
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
    this.timer.unref?.();
  }

  /**
   * Writes both files if anything changed (each to a temporary file renamed over it, entries
   * first), after any write under way: a save at shutdown waits for the scan's.
   */
  save(): Promise<void> {
    clearTimeout(this.timer);
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (!this.folder || !this.dirty) return;
    this.dirty = false;
    // The entries unchanged since the last write are copied from entries.json as it is on disk
    // (read again here, not held between writes); the others are serialized.
    let old: Buffer | undefined = this.source;
    if (!old && [...this.files.values()].some((h) => h.at && h.entry !== null)) {
      old = await fsp.readFile(path.join(this.folder, ENTRIES_FILE)).catch(() => undefined);
      if (old && old.toString('utf8', 0, (this.generation ?? '').length + 1) !== `${this.generation}\n`) old = undefined;
    }
    const generation = randomUUID();
    const parts: Buffer[] = [Buffer.from(`${generation}\n`)];
    let offset = parts[0].length;
    const files: Record<string, Stored> = {};
    const placed: [Held, Stored['at']][] = [];
    for (const [uri, held] of this.files) {
      let json: Buffer | null = null;
      if (held.at && old) json = old.subarray(held.at[0], held.at[1]);
      else if (held.entry) json = Buffer.from(JSON.stringify(held.entry, tagNumbers));
      // (An entry neither parsed nor to be found on disk any more: its file is read again next time.)
      else if (held.at) continue;
      let at: Stored['at'] = null;
      if (json) {
        parts.push(json, Buffer.from('\n'));
        at = [offset, offset + json.length];
        offset += json.length + 1;
      }
      files[uri] = { ...held.file, at };
      placed.push([held, at]);
    }
    const index = JSON.stringify({ format: FORMAT, version: VERSION, build: this.build, generation, files });
    try {
      // (Entries first: an index never names entries that are not there; a crash between the two
      // leaves a pair of different generations, which is not read.)
      await writeAtomically(path.join(this.folder, ENTRIES_FILE), Buffer.concat(parts));
      await writeAtomically(path.join(this.folder, INDEX_FILE), index);
      // (What was written is where the entries now lie; while the file read at start is held for
      // the restore, their places stay those in it until `release`.)
      const moved = new Map(placed);
      if (this.source) this.pending = { generation, moved };
      else this.moveTo(generation, moved);
    } catch (e) {
      this.dirty = true;
      this.log(`saved index not written (${this.folder}): ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
}
