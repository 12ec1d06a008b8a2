/**
 * The figures of many documents, indexed by what they state. Pure: the layers fill it from open
 * editors, the disk or the command line. Updating one document touches only its own entries,
 * and reports which statements changed so that only the documents sharing them are re-checked.
 */
import type { Figure } from '../figures/extract';
import { indicatorKey, statementKey } from './keys';

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
    for (const f of entry.figures) {
      const s = statementKey(f.figure);
      if (s) {
        add(this.byStatement, s, f);
        this.statementLists.delete(s);
        touched.add(s);
      }
      const i = indicatorKey(f.figure);
      if (i) add(this.byIndicator, i, f);
    }
    return touched;
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
        this.statementLists.delete(s);
        touched.add(s);
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
      list = [...(this.byStatement.get(key) ?? [])];
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
    for (const k of keys) for (const f of this.byStatement.get(k) ?? []) out.add(f.uri);
    return out;
  }
}

function add(map: Map<string, Set<IndexedFigure>>, key: string, f: IndexedFigure): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(f);
}
