/**
 * The figures of many documents, indexed by what they state. Pure: the layers fill it from open
 * editors, the disk or the command line. Updating one document touches only its own entries,
 * and reports which statements changed so that only the documents sharing them are re-checked.
 */
import type { Figure } from '../figures/extract';
import { OWN_CITY, OWN_COUNTY, OWN_PROVINCE } from '../figures/document';
import { RELATIVE_PERIODS } from '../figures/context';
import { WorkspaceFacts, canonicalKey, indicatorKey, keyAliases, keyParts, statementKey } from './keys';

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
  /** The county, district or county-level city it names as its own. */
  county?: string;
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
  private counties = new Map<string, number>();
  private years = new Map<number, number>();

  /**
   * What the workspace says of documents that do not (keys.ts keyAliases): the one year, province
   * and city that every document stating one states. A document that speaks of 全省 without
   * naming it (本省) is taken to speak of that province; where the documents name several,
   * there is none.
   */
  workspace(): WorkspaceFacts {
    return { year: only(this.years), province: only(this.provinces), city: only(this.cities), county: only(this.counties) };
  }

  private count(entry: DocumentEntry, by: number): void {
    if (entry.province) bump(this.provinces, entry.province, by);
    if (entry.city) bump(this.cities, entry.city, by);
    if (entry.county) bump(this.counties, entry.county, by);
    if (entry.year !== undefined) bump(this.years, entry.year, by);
  }

  /** Whether a key (in the workspace's terms) still holds a year or place its documents name several of. */
  private ambiguous(key: string): boolean {
    const { period, region } = keyParts(key);
    if (period in RELATIVE_PERIODS && this.years.size > 0) return true;
    if (region === OWN_PROVINCE && this.provinces.size > 0) return true;
    if (region === OWN_CITY && this.cities.size > 0) return true;
    if (region === OWN_COUNTY && (this.counties.size > 0 || this.cities.size > 0)) return true;
    return false;
  }

  private workspaceKey(): string {
    const w = this.workspace();
    return `${w.year ?? ''}|${w.province ?? ''}|${w.city ?? ''}|${w.county ?? ''}`;
  }

  /**
   * When the workspace's year, province or city changes, any statement may now meet others or
   * no longer meet them: every key is touched (a rare event: the first report of a year or
   * province, or a second one).
   */
  private workspaceChanged(touched: Set<string>): void {
    this.statementLists.clear();
    for (const k of this.byStatement.keys()) touched.add(k);
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
    // (The workspace compared once, before and after: replacing a document removes and adds it.)
    const before = this.workspaceKey();
    const touched = this.removeEntry(entry.uri);
    this.docs.set(entry.uri, entry);
    this.count(entry, 1);
    for (const f of entry.figures) {
      const s = statementKey(f.figure);
      if (s) {
        add(this.byStatement, s, f);
        this.touch(s, touched);
      }
      const i = indicatorKey(f.figure);
      if (i) add(this.byIndicator, i, f);
    }
    if (this.workspaceKey() !== before) this.workspaceChanged(touched);
    return touched;
  }

  /** A key's figures changed: its lists (and its aliases') are stale, and all are touched. */
  private touch(key: string, touched: Set<string>): void {
    for (const a of keyAliases(key, this.workspace())) {
      this.statementLists.delete(a);
      touched.add(a);
    }
  }

  /** Forgets a document; returns the statement keys it held (and those the workspace now reads otherwise). */
  remove(uri: string): Set<string> {
    const before = this.workspaceKey();
    const touched = this.removeEntry(uri);
    if (this.workspaceKey() !== before) this.workspaceChanged(touched);
    return touched;
  }

  private removeEntry(uri: string): Set<string> {
    const touched = new Set<string>();
    const old = this.docs.get(uri);
    if (!old) return touched;
    this.docs.delete(uri);
    this.count(old, -1);
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
    return touched;
  }

  /** Every figure stating the same thing (same indicator, period, region and kind). Shared between calls: read only. */
  sameStatement(key: string): readonly IndexedFigure[] {
    let list = this.statementLists.get(key);
    if (!list) {
      list = this.collect(key);
      // (Cached for keys the index holds; a dead key is asked once and not remembered.)
      if (list.length) this.statementLists.set(key, list);
    }
    return list;
  }

  private collect(key: string): IndexedFigure[] {
    const ws = this.workspace();
    // A year or place the workspace cannot read because its documents name several (本年 beside
    // reports of 2025 and 2026, 本省 beside 甘肃省 and 四川省) is the document's own: it meets no
    // other document. Where no document names any (a county's speech and its 纪要), the unnamed
    // year or place is the one they share.
    if (this.ambiguous(canonicalKey(key, ws))) {
      const own = [...(this.byStatement.get(key) ?? [])];
      const uri = own[0]?.uri;
      return own.every((f) => f.uri === uri) ? own : [];
    }
    const aliases = keyAliases(key, ws);
    return aliases.length === 1 ? [...(this.byStatement.get(key) ?? [])] : aliases.flatMap((a) => [...(this.byStatement.get(a) ?? [])]);
  }

  /** Every figure about the same indicator, whatever its period, region or kind. */
  sameIndicator(key: string): IndexedFigure[] {
    return [...(this.byIndicator.get(key) ?? [])];
  }

  /** Documents that hold any of these statement keys. */
  documentsWith(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const k of keys) for (const f of this.collect(k)) out.add(f.uri);
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

/** The one key of a count map: undefined when there are several or none. */
function only<K>(map: Map<K, number>): K | undefined {
  if (map.size !== 1) return undefined;
  for (const k of map.keys()) return k;
  return undefined;
}
