/**
 * The figures of many documents, indexed by what they state. Pure: the layers fill it from open
 * editors, the disk or the command line. Updating one document touches only its own entries,
 * and reports which statements changed so that only the documents sharing them are re-checked.
 */
import type { Figure } from '../figures/extract';
import { OWN_CITY, OWN_PROVINCE } from '../figures/document';
import { RELATIVE_PERIODS } from '../figures/context';
import { WorkspaceFacts, indicatorKey, keyAliases, keyParts, statementKey } from './keys';

export interface IndexedFigure {
  uri: string;
  /** How people name the document: its title, else its file name. */
  docName: string;
  /** 0-based line and character of the figure, for related locations and tables. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  figure: Figure;
}

export interface DocumentEntry {
  uri: string;
  docName: string;
  /** The province the document names as its own, and the year it speaks from, if it states them. */
  province?: string;
  /** The city (prefecture level) it names as its own. */
  city?: string;
  year?: number;
  figures: IndexedFigure[];
}

export class FigureIndex {
  private docs = new Map<string, DocumentEntry>();
  private byStatement = new Map<string, Set<IndexedFigure>>();
  private byIndicator = new Map<string, Set<IndexedFigure>>();
  /**
   * sameStatement's answers, kept until a figure of the key comes or goes: figure.mismatch asks
   * once per figure of every document, and in a workspace of 1,000 reports copying the sets
   * again each time was a tenth of the check.
   */
  private statementLists = new Map<string, readonly IndexedFigure[]>();
  /** How many documents name each province, and state each year, as their own. */
  private provinces = new Map<string, number>();
  private cities = new Map<string, number>();
  private years = new Map<number, number>();

  /**
   * The workspace's one province: the province every document that names one names. A document
   * that speaks of 全省 without naming it (region 本省) is taken to speak of it. `null` when
   * the documents name several; undefined when none names any (本省 then meets only 本省).
   */
  workspaceProvince(): string | null | undefined {
    return only(this.provinces);
  }

  /** The same for the year: the one year every dated document speaks from. */
  workspaceYear(): number | null | undefined {
    return only(this.years);
  }

  /** What the workspace says of documents that do not (keys.ts keyAliases). */
  workspace(): WorkspaceFacts {
    return { year: this.workspaceYear() ?? undefined, province: this.workspaceProvince() ?? undefined, city: only(this.cities) ?? undefined };
  }

  private count(entry: DocumentEntry, by: number): boolean {
    const before = JSON.stringify(this.workspace());
    if (entry.province) bump(this.provinces, entry.province, by);
    if (entry.city) bump(this.cities, entry.city, by);
    if (entry.year !== undefined) bump(this.years, entry.year, by);
    return JSON.stringify(this.workspace()) !== before;
  }

  /** When the workspace's year or province changes, every statement it reads differently is touched. */
  private workspaceChanged(touched: Set<string>): void {
    this.statementLists.clear();
    for (const k of this.byStatement.keys()) {
      const { period, region } = keyParts(k);
      if (region === OWN_PROVINCE || region === OWN_CITY || period in RELATIVE_PERIODS || /^\d{4}$/.test(period)) touched.add(k);
    }
  }

  get size(): number {
    return this.docs.size;
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  get(uri: string): DocumentEntry | undefined {
    return this.docs.get(uri);
  }

  /**
   * Replaces a document's figures. Returns the statement keys whose set of figures changed:
   * documents holding any of them need their diagnostics again.
   */
  set(entry: DocumentEntry): Set<string> {
    const touched = this.remove(entry.uri);
    this.docs.set(entry.uri, entry);
    const changed = this.count(entry, 1);
    for (const f of entry.figures) {
      const s = statementKey(f.figure);
      if (s) {
        add(this.byStatement, s, f);
        this.touch(s, touched);
      }
      const i = indicatorKey(f.figure);
      if (i) add(this.byIndicator, i, f);
    }
    if (changed) this.workspaceChanged(touched);
    return touched;
  }

  /** A key's figures changed: its lists (and its aliases') are stale, and all are touched. */
  private touch(key: string, touched: Set<string>): void {
    for (const a of keyAliases(key, this.workspace())) {
      this.statementLists.delete(a);
      touched.add(a);
    }
  }

  /** Forgets a document; returns the statement keys it held. */
  remove(uri: string): Set<string> {
    const touched = new Set<string>();
    const old = this.docs.get(uri);
    if (!old) return touched;
    this.docs.delete(uri);
    for (const f of old.figures) {
      const s = statementKey(f.figure);
      if (s) {
        this.byStatement.get(s)?.delete(f);
        if (this.byStatement.get(s)?.size === 0) this.byStatement.delete(s);
        this.touch(s, touched);
      }
      const i = indicatorKey(f.figure);
      if (i) {
        this.byIndicator.get(i)?.delete(f);
        if (this.byIndicator.get(i)?.size === 0) this.byIndicator.delete(i);
      }
    }
    if (this.count(old, -1)) this.workspaceChanged(touched);
    return touched;
  }

  /** Every figure stating the same thing (same indicator, period, region and kind). Shared between calls: read only. */
  sameStatement(key: string): readonly IndexedFigure[] {
    let list = this.statementLists.get(key);
    if (!list) {
      const aliases = keyAliases(key, this.workspace());
      list = aliases.length === 1 ? [...(this.byStatement.get(key) ?? [])] : aliases.flatMap((a) => [...(this.byStatement.get(a) ?? [])]);
      this.statementLists.set(key, list);
    }
    return list;
  }

  /** Every figure about the same indicator, whatever its period, region or kind. */
  sameIndicator(key: string): IndexedFigure[] {
    return [...(this.byIndicator.get(key) ?? [])];
  }

  /** Documents that hold any of these statement keys. */
  documentsWith(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const k of keys) for (const f of this.sameStatement(k)) out.add(f.uri);
    return out;
  }
}

function add(map: Map<string, Set<IndexedFigure>>, key: string, f: IndexedFigure): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(f);
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** The one key of a count map: null when there are several, undefined when none. */
function only<K>(map: Map<K, number>): K | null | undefined {
  if (map.size > 1) return null;
  for (const k of map.keys()) return k;
  return undefined;
}
