/**
 * The figures of many documents, indexed by what they state. Pure: the layers fill it from open
 * editors, the disk or the command line. Updating one document touches only its own entries,
 * and reports which statements changed so that only the documents sharing them are re-checked.
 */
import type { Figure } from '../figures/extract';
import { OWN_CITY, OWN_COUNTY, OWN_PROVINCE } from '../figures/document';
import { RELATIVE_PERIODS } from '../figures/context';
import { WorkspaceFacts, canonicalKey, indicatorKey, keyAliases, keyParts, statementKey } from './keys';
import { STEP_ITEMS, Steps, drain } from '../steps';

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
  /** For a document read out of a .docx or .pdf, the place of the figure in the file ("Word 第8段"). */
  place?: { zh: string; en: string };
}

export interface DocumentEntry {
  uri: string;
  docName: string;
  /** The province the document names as its own, and the year it speaks from (a bulletin: the year it is published), if it states them. */
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
  /**
   * The figures of each statement key and of each indicator key, per document in the order the
   * documents came (each document's in its own order). A document's own figures are grouped by
   * key before it enters (`setSteps`), so that entering or leaving costs a step per key, not per
   * figure.
   */
  private byStatement = new Map<string, Map<string, IndexedFigure[]>>();
  private byIndicator = new Map<string, Map<string, IndexedFigure[]>>();
  private grouped = new Map<string, Grouped>();
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
  private changes = 0;

  /**
   * Counts the changes (`set`, `remove`): a computation that pauses over the index (steps.ts)
   * knows whether it still reads the index it began with.
   */
  get version(): number {
    return this.changes;
  }

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
    return drain(this.setSteps(entry));
  }

  /**
   * `set` in steps (steps.ts): the entry's figures are grouped by key first, a step per
   * STEP_ITEMS figures, reading nothing of the index; then the index changes in one step, so that
   * whoever reads it meanwhile sees it before or after, never halfway.
   */
  *setSteps(entry: DocumentEntry): Steps<Set<string>> {
    const groups: Grouped = { statements: new Map(), indicators: new Map() };
    let handled = 0;
    for (const f of entry.figures) {
      if (++handled % STEP_ITEMS === 0) yield;
      const s = statementKey(f.figure);
      if (s) push(groups.statements, s, f);
      const i = indicatorKey(f.figure);
      if (i) push(groups.indicators, i, f);
    }
    // (The workspace compared once, before and after: replacing a document removes and adds it.)
    this.changes++;
    const before = this.workspaceKey();
    const touched = this.removeEntry(entry.uri);
    this.docs.set(entry.uri, entry);
    this.grouped.set(entry.uri, groups);
    this.count(entry, 1);
    for (const [s, figures] of groups.statements) {
      place(this.byStatement, s, entry.uri, figures);
      this.touch(s, touched);
    }
    for (const [i, figures] of groups.indicators) place(this.byIndicator, i, entry.uri, figures);
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
    this.changes++;
    const before = this.workspaceKey();
    const touched = this.removeEntry(uri);
    if (this.workspaceKey() !== before) this.workspaceChanged(touched);
    return touched;
  }

  private removeEntry(uri: string): Set<string> {
    const touched = new Set<string>();
    const old = this.docs.get(uri);
    const groups = this.grouped.get(uri);
    if (!old || !groups) return touched;
    this.docs.delete(uri);
    this.grouped.delete(uri);
    this.count(old, -1);
    for (const s of groups.statements.keys()) {
      unplace(this.byStatement, s, uri);
      this.touch(s, touched);
    }
    for (const i of groups.indicators.keys()) unplace(this.byIndicator, i, uri);
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
      const own = this.byStatement.get(key);
      return own && own.size === 1 ? flat(own) : [];
    }
    const aliases = keyAliases(key, ws);
    return aliases.length === 1 ? flat(this.byStatement.get(key)) : aliases.flatMap((a) => flat(this.byStatement.get(a)));
  }

  /** Every figure about the same indicator, whatever its period, region or kind. */
  sameIndicator(key: string): IndexedFigure[] {
    return flat(this.byIndicator.get(key));
  }

  /** Documents that hold any of these statement keys. */
  documentsWith(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const k of keys) for (const f of this.collect(k)) out.add(f.uri);
    return out;
  }
}

/** A document's figures by statement key and by indicator key. */
interface Grouped {
  statements: Map<string, IndexedFigure[]>;
  indicators: Map<string, IndexedFigure[]>;
}

function push(map: Map<string, IndexedFigure[]>, key: string, f: IndexedFigure): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

function place(map: Map<string, Map<string, IndexedFigure[]>>, key: string, uri: string, figures: IndexedFigure[]): void {
  let docs = map.get(key);
  if (!docs) map.set(key, (docs = new Map()));
  docs.set(uri, figures);
}

function unplace(map: Map<string, Map<string, IndexedFigure[]>>, key: string, uri: string): void {
  const docs = map.get(key);
  if (!docs) return;
  docs.delete(uri);
  if (docs.size === 0) map.delete(key);
}

/** A key's figures, document after document. */
function flat(docs: Map<string, IndexedFigure[]> | undefined): IndexedFigure[] {
  if (!docs) return [];
  if (docs.size === 1) for (const figures of docs.values()) return figures.slice();
  const out: IndexedFigure[] = [];
  for (const figures of docs.values()) for (const f of figures) out.push(f);
  return out;
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
