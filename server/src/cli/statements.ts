/**
 * Which statements figure.mismatch can use across reports, for the CLI's two ways of running it
 * without every report's analysis at hand: on threads (parallel.ts) and from the cache (cache.ts).
 *
 * A statement whose every figure states one amount yields no mismatch (checks/mismatch.ts looks
 * at the other documents only when an amount differs), so an index cut to the "live" keys — stated
 * by two reports or more, with amounts that differ — gives every report the findings the whole
 * index gives (the tests compare the paths finding by finding). (Differ, not disagree: the live
 * keys were once those whose value and bound disagreed, which lost 突破3万亿元 against 3万亿元左右,
 * which figure.mismatch tells apart by the bound's words.)
 */
import { DocumentEntry, IndexedFigure, WorkspaceFacts, amountKey, canonicalKey, statementKey } from '../core';

/**
 * An amount as figure.mismatch compares it (`amountKey`: the normalized value and bounds, the
 * comparator and its words, the kind, unit and written text). Two figures of a key with the same
 * string never disagree; two with different strings may (突破3万亿元 against 3万亿元左右), and their
 * key is kept.
 */
export type Amount = string;

export function amountOf(g: IndexedFigure): Amount {
  return amountKey(g.figure);
}

/** Adds `a` to `amounts` unless it is there (two are enough to keep a key). */
export function addAmount(amounts: Amount[], a: Amount): void {
  if (amounts.length < 2 && !amounts.includes(a)) amounts.push(a);
}

/** Whether the amounts may disagree: two or more of them. */
export function anyDisagree(amounts: readonly Amount[]): boolean {
  return amounts.length >= 2;
}

/** A statement key in the workspace's terms (`canonicalKey`), each key worked out once: a run asks for each many times. */
export function canonicalizer(workspace: WorkspaceFacts): (key: string) => string {
  const memo = new Map<string, string>();
  return (key) => {
    let c = memo.get(key);
    if (c === undefined) memo.set(key, (c = canonicalKey(key, workspace)));
    return c;
  };
}

/**
 * What a report states of one statement key, as the cache keeps it (cli/cache.ts): the key, a
 * digest of the report's figures of it (what the other reports compare), and its amounts, two at
 * most (two are enough to keep a key).
 */
export type StatedKey = readonly [key: string, digest: string, amounts: readonly Amount[]];

/** The live keys of the reports (in the workspace's terms: 本年 read as the reports' one year), from what each one states. */
export function liveKeys(reports: Iterable<readonly StatedKey[]>, workspace: WorkspaceFacts, canon = canonicalizer(workspace)): Set<string> {
  const stated = new Map<string, { reports: number; amounts: Amount[] }>();
  for (const keys of reports) {
    const mine = new Set<string>();
    for (const [raw, , amounts] of keys) {
      const k = canon(raw);
      let s = stated.get(k);
      if (!s) stated.set(k, (s = { reports: 0, amounts: [] }));
      if (!mine.has(k)) {
        mine.add(k);
        s.reports++;
      }
      for (const a of amounts) addAmount(s.amounts, a);
    }
  }
  return new Set([...stated].filter(([, s]) => s.reports >= 2 && anyDisagree(s.amounts)).map(([k]) => k));
}

/** `entry` with its figures of the live keys only. */
export function cutEntry(entry: DocumentEntry, live: ReadonlySet<string>, workspace: WorkspaceFacts, canon = canonicalizer(workspace)): DocumentEntry {
  return { ...entry, figures: entry.figures.filter((g) => live.has(canon(statementKey(g.figure) ?? ''))) };
}
