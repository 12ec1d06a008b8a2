/**
 * `wengao check` over many reports on several threads (worker_threads; by default one per core
 * beyond the first, see threadsFor).
 * Each worker reads and analyzes its share of the reports; figure.mismatch, which compares every
 * report with every other, then runs in the workers too, against an index that holds only what
 * it can use: the statements that two reports state with different amounts.
 *
 * Why not send the whole index: a folder of 1,000 reports has some 70,000 figures, and cloning
 * them between threads (about 45 MB) cost more than the second core saved. A statement whose
 * every figure states one amount yields no mismatch (checks/mismatch.ts looks at the other
 * documents only when an amount differs), so leaving it out of the index changes no finding.
 * The tests compare this path with the single-threaded one finding by finding.
 *
 * Protocol (worker → main as JSON text, which V8 parses faster than it clones many small objects;
 * a report's text beside it, as a string, which clones as a copy of its bytes):
 *   worker → main  `report`, one per report as it is analyzed: skipped, or its text, findings,
 *                          suppressed findings and failures without figure.mismatch.
 *   worker → main  `read`: per statement key of the shard, how many of its reports state it and
 *                          their distinct amounts.
 *   main → worker  `live`: the keys stated by two reports or more with amounts that disagree.
 *   worker → main  `figures`: each analyzed report's index entry, cut to the live keys.
 *   main → worker  `index`: every report's cut entry, in the order of the command line.
 *   worker → main  `done`: per analyzed report, figure.mismatch's findings (withCross merges them).
 */
import * as path from 'path';
import { availableParallelism } from 'os';
import { MessagePort, Worker } from 'worker_threads';
import {
  Analysis, CheckFailure, DocKind, DocumentEntry, FigureIndex, Finding, IgnoreEntry, LOCAL_CHECKS, Locale, Suppressed, WengaoConfig, analyze,
  WorkspaceFacts, canonicalKey, workspaceOf, indexEntry, CROSS_CHECKS, recheck, statementKey, withCross,
} from '../core';
import { readReport } from '../io/read';
import type { SourceText } from '../formats';
import { tagNumbers, untagNumbers } from '../io/exactJson';
export { tagNumbers, untagNumbers };
import { Amount, addAmount, amountOf, anyDisagree, cutEntry } from './statements';
import { nodeFs } from '../io/workspaceFs';

/** Fewer reports than this are checked on the main thread: starting workers costs more. */
export const PARALLEL_MIN_FILES = 50;

export interface ShardFile {
  /** The path as shown (and as the index names the report). */
  shown: string;
  /** The path to read. */
  path: string;
  kind: DocKind;
  config: WengaoConfig;
  ignore: IgnoreEntry[];
}

export interface ShardInit {
  wengaoShard: true;
  files: ShardFile[];
  lang?: Locale;
}

/** One report's outcome, as the single-threaded path would have it after figure.mismatch. */
export type ShardResult =
  | { skipped: string }
  | { text: string; analyzed: boolean; skippedReason?: string; findings: Finding[]; suppressed: Suppressed[]; failures: CheckFailure[]; source?: SourceText };

type Cross = { findings: Finding[]; suppressed: Suppressed[] };
type FromWorker =
  | { type: 'report'; result: ShardResult }
  | { type: 'read'; keys: [key: string, reports: number, amounts: Amount[]][]; facts: { year?: number; province?: string; city?: string }[] }
  | { type: 'figures'; entries: (DocumentEntry | null)[] }
  | { type: 'done'; cross: (Cross | null)[] }
  | { type: 'error'; message: string };
/**
 * The report's text travels beside the JSON (in which "none" is null: JSON has no undefined).
 * `exact`: numbers JSON cannot write (NaN, ±Infinity, -0: a figure's amount can be any of them)
 * are tagged, so that figure.mismatch compares the same amounts as on one thread.
 */
type Envelope = { json: string; text?: string; exact?: boolean };

/** More threads than this are not started, whatever --threads asks: each is a V8 heap. */
const MAX_THREADS = 64;
type ToWorker = { type: 'live'; keys: string[]; workspace: WorkspaceFacts } | { type: 'index'; entries: DocumentEntry[] };

/**
 * How many threads to use for `files` reports (1: stay on the main thread). By default one core
 * is left to V8: a single-threaded run already keeps a second core partly busy with its garbage
 * collector and compiler. On the 2-core benchmark machine two threads were 0 to 11% faster than
 * one over three series, for 44% more memory (BENCHMARKS.md), so the default there is one.
 */
export function threadsFor(files: number, requested: number, cores = availableParallelism()): number {
  // (Never more threads than cores: --threads 999 started twenty workers on two cores, each
  // slower than one thread alone.)
  const wanted = Math.min(MAX_THREADS, cores, requested > 0 ? requested : cores - 1);
  if (files < PARALLEL_MIN_FILES) return 1;
  return Math.max(1, Math.min(wanted, Math.floor(files / (PARALLEL_MIN_FILES / 2))));
}

/** Checks `files` on `threads` workers running `script` (the CLI bundle). Results in input order. */
export async function checkInParallel(files: ShardFile[], threads: number, script: string, lang: Locale | undefined): Promise<ShardResult[]> {
  const shards = await split(files, threads);
  const workers: Worker[] = [];
  try {
    for (const s of shards) workers.push(new Worker(script, { workerData: { wengaoShard: true, files: s.map((i) => files[i]), lang } satisfies ShardInit }));
    const results: ShardResult[][] = shards.map(() => []);
    const channels = workers.map((w, k) => channel(w, (r) => results[k].push(r)));
    // Phase 1: analyze; which statements are worth comparing.
    const reads = (await Promise.all(channels.map((c) => c.next('read')))) as Extract<FromWorker, { type: 'read' }>[];
    const stated = new Map<string, { reports: number; amounts: Amount[] }>();
    // Keys in the run's terms: 本年 / 本省 read as the one year and province of all the reports
    // (as FigureIndex.workspace() will read them in each worker).
    const workspace: WorkspaceFacts = workspaceOf(reads.flatMap((r) => r.facts));
    for (const r of reads) {
      for (const [stKey, reports, amounts] of r.keys) {
        const key = canonicalKey(stKey, workspace);
        const s = stated.get(key);
        if (!s) stated.set(key, { reports, amounts });
        else {
          s.reports += reports;
          for (const a of amounts) addAmount(s.amounts, a);
        }
      }
    }
    const live = [...stated].filter(([, s]) => s.reports >= 2 && anyDisagree(s.amounts)).map(([k]) => k);
    // Phase 2: the cut entries, laid out in the command line's order, to every worker.
    channels.forEach((c) => c.send({ type: 'live', keys: live, workspace }));
    const cut = (await Promise.all(channels.map((c) => c.next('figures')))) as Extract<FromWorker, { type: 'figures' }>[];
    const byFile: (DocumentEntry | null)[] = [];
    shards.forEach((s, w) => s.forEach((i, k) => (byFile[i] = cut[w].entries[k])));
    const entries = byFile.filter((e): e is DocumentEntry => e !== null);
    channels.forEach((c) => c.send({ type: 'index', entries }));
    const done = (await Promise.all(channels.map((c) => c.next('done')))) as Extract<FromWorker, { type: 'done' }>[];
    const out: ShardResult[] = [];
    shards.forEach((s, w) =>
      s.forEach((i, k) => {
        const r = results[w][k];
        const cross = done[w].cross[k];
        out[i] = 'skipped' in r || !cross ? r : { ...r, ...withCross(r, cross) };
      }),
    );
    return out;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Reports to threads, largest first to the least loaded: the threads finish together. Each shard in input order. */
async function split(files: ShardFile[], threads: number): Promise<number[][]> {
  const sizes = await Promise.all(files.map((f) => nodeFs.stat(f.path).then((s) => s.size, () => 0)));
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const shards: number[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  for (const i of order) {
    let w = 0;
    for (let k = 1; k < threads; k++) if (load[k] < load[w]) w = k;
    shards[w].push(i);
    load[w] += sizes[i] + 1;
  }
  return shards.filter((s) => s.length > 0).map((s) => s.sort((a, b) => a - b));
}

/** A worker's messages one at a time (its reports to `onReport`); its error or early exit rejects the wait. */
function channel(w: Worker, onReport: (r: ShardResult) => void) {
  const queue: FromWorker[] = [];
  let waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  let failed: Error | undefined;
  const fail = (e: Error) => {
    failed ??= e;
    waiting?.reject(failed);
    waiting = undefined;
  };
  w.on('message', (e: Envelope) => {
    let m: FromWorker;
    try {
      m = JSON.parse(e.json, e.exact ? untagNumbers : undefined) as FromWorker;
    } catch (err) {
      return fail(err instanceof Error ? err : new Error(String(err)));
    }
    if (m.type === 'error') return fail(new Error(m.message));
    if (m.type === 'report') {
      if (!('skipped' in m.result)) {
        m.result.text = e.text!;
        if (m.result.source) m.result.source.text = e.text!;
      }
      return onReport(m.result);
    }
    if (waiting) {
      waiting.resolve(m);
      waiting = undefined;
    } else queue.push(m);
  });
  w.on('error', (e) => fail(e));
  w.on('messageerror', (e) => fail(e));
  w.on('exit', (code) => fail(new Error(`worker exited (${code})`)));
  return {
    send: (m: ToWorker) => w.postMessage(m),
    next(type: FromWorker['type']): Promise<FromWorker> {
      const check = (m: FromWorker) => {
        if (m.type !== type) throw new Error(`worker sent ${m.type}, expected ${type}`);
        return m;
      };
      if (queue.length) return Promise.resolve(check(queue.shift()!));
      if (failed) return Promise.reject(failed);
      return new Promise<FromWorker>((resolve, reject) => (waiting = { resolve: (m) => { try { resolve(check(m)); } catch (e) { reject(e); } }, reject }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In the worker.

/** The worker's side: `port` is worker_threads' parentPort. */
export async function runShard(init: ShardInit, port: MessagePort): Promise<void> {
  const inbox: ToWorker[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (m: ToWorker) => {
    inbox.push(m);
    wake?.();
  });
  const receive = async <T extends ToWorker['type']>(type: T): Promise<Extract<ToWorker, { type: T }>> => {
    while (!inbox.length) await new Promise<void>((r) => (wake = r));
    wake = undefined;
    const m = inbox.shift()!;
    if (m.type !== type) throw new Error(`main sent ${m.type}, expected ${type}`);
    return m as Extract<ToWorker, { type: T }>;
  };
  const send = (m: FromWorker, text?: string, exact = false) =>
    port.postMessage({ json: JSON.stringify(m, exact ? tagNumbers : undefined), text, exact } satisfies Envelope);
  try {
    const done: ({ skipped: string } | { analysis: Analysis; entry?: DocumentEntry })[] = [];
    // The next report is read while this one is analyzed.
    let next = init.files.length ? readReport(init.files[0].path) : undefined;
    for (let i = 0; i < init.files.length; i++) {
      const f = init.files[i];
      const input = await next!;
      next = i + 1 < init.files.length ? readReport(init.files[i + 1].path) : undefined;
      if (!input.ok) {
        done.push({ skipped: input.message });
        send({ type: 'report', result: { skipped: input.message } });
        continue;
      }
      const a = analyze(input.text, { kind: f.kind, config: f.config, ignore: f.ignore, locale: init.lang, checks: LOCAL_CHECKS, origins: input.source });
      done.push({ analysis: a, entry: a.analyzed ? indexEntry(f.shown, path.basename(f.shown), a) : undefined });
      // (The text goes beside the JSON.)
      send({ type: 'report', result: { text: '', analyzed: a.analyzed, skippedReason: a.skippedReason, findings: a.findings, suppressed: a.suppressed, failures: a.failures, ...(input.source ? { source: { ...input.source, text: '' } } : {}) } }, input.text);
    }
    // Per statement: how many reports of this shard state it, and with which amounts.
    const keys = new Map<string, { reports: number; amounts: Amount[] }>();
    for (const d of done) {
      if (!('entry' in d) || !d.entry) continue;
      const mine = new Set<string>();
      for (const g of d.entry.figures) {
        const k = statementKey(g.figure);
        if (!k) continue;
        let s = keys.get(k);
        if (!s) keys.set(k, (s = { reports: 0, amounts: [] }));
        if (!mine.has(k)) {
          mine.add(k);
          s.reports++;
        }
        addAmount(s.amounts, amountOf(g));
      }
    }
    send({
      type: 'read',
      keys: [...keys].map(([k, s]) => [k, s.reports, s.amounts]),
      // (What each report states of its own year and places: the main thread reads the workspace from them.)
      facts: done.flatMap((d) => ('entry' in d && d.entry ? [{ year: d.entry.year, province: d.entry.province, city: d.entry.city, county: d.entry.county }] : [])),
    } satisfies FromWorker);

    const { keys: liveKeys, workspace } = await receive('live');
    const live = new Set(liveKeys);
    send({
      type: 'figures',
      entries: done.map((d) => ('entry' in d && d.entry ? cutEntry(d.entry, live, workspace) : null)),
    } satisfies FromWorker, undefined, true);

    const index = new FigureIndex();
    for (const e of (await receive('index')).entries) index.set(e);
    const cross = done.map((d, i) => {
      if (!('analysis' in d) || !d.analysis.analyzed) return null;
      const f = init.files[i];
      const r = recheck(d.analysis, CROSS_CHECKS, { uri: f.shown, index, config: f.config, ignore: f.ignore, locale: init.lang });
      return { findings: r.findings, suppressed: r.suppressed };
    });
    send({ type: 'done', cross } satisfies FromWorker);
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) } satisfies FromWorker);
  }
}
