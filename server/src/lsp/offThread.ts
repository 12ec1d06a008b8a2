/**
 * Analysis off the main thread: a document this large is analysed on a worker thread, so that
 * the server answers other documents' requests (hover, symbols, diagnostics) meanwhile. The
 * worker runs the same `analyze` with the same options; the result comes back by structured
 * clone (plain data but for the `LineIndex`, whose prototype is restored), without what the main
 * thread has or can read again: the text, the paragraphs' texts that are slices of it, and the
 * sentences (read again on first use). Taking the result back is the main thread's share of the
 * work: the less it takes, the less other documents wait. One worker, started
 * when first needed, one analysis at a time in it. Where no worker can run (the server's source
 * run in-process by the tests) or the worker fails, the analysis runs here instead: never lost.
 */
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { Analysis, AnalyzeOptions, LOCAL_CHECKS, LineIndex, Sentence, analyze, splitSentences } from '../core';

/** Documents of at least this many characters (about 1.5 MB of Chinese) are analysed on the worker. */
export const OFF_THREAD_CHARS = 500_000;

/** What crosses to the worker: the options without the checks (functions), named instead. */
type WorkerOptions = Omit<AnalyzeOptions, 'checks' | 'index'> & { checks: 'local' | 'none' };

interface Job {
  id: number;
  text: string;
  options: WorkerOptions;
}

const WORKER_FLAG = 'wengao-analysis';

/** Whether this thread is the analysis worker (main.ts runs `serveAnalyses` then, not the server). */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_FLAG;
}

/** The worker's loop: analyse each job, post the result (or the error) back. */
export function serveAnalyses(): void {
  parentPort!.on('message', (job: Job) => {
    try {
      const { checks, ...rest } = job.options;
      const analysis = analyze(job.text, { ...rest, checks: checks === 'local' ? LOCAL_CHECKS : [] });
      // (The text goes back without its copies: the main thread has it. A paragraph's text that
      // is its slice of the text is left out too, and sliced again there.)
      const text = analysis.model.text;
      const sliced: number[] = [];
      for (const p of analysis.model.paragraphs) {
        if (p.text === text.slice(p.start, p.end)) {
          p.text = '';
          sliced.push(p.index);
        }
      }
      analysis.model.text = '';
      (analysis.model.lines as { text: string }).text = '';
      // (Nor its sentences: read for the figures and the checks, all done here; the main thread
      // reads them again only if it is asked for them.)
      analysis.model.sentences = [];
      parentPort!.postMessage({ id: job.id, analysis, sliced });
    } catch (err) {
      parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}

export class OffThreadAnalyzer {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: { analysis: Analysis; sliced: number[] }) => void; reject: (e: Error) => void }>();
  /** Set once the worker failed to start or died: later analyses run on the main thread. */
  private broken = false;
  /** Set at shutdown: pending analyses are dropped, not run again on the main thread. */
  private disposed = false;

  /**
   * @param script the bundled server (dist/server.js), which is also the worker's entry; none
   * (the server's TypeScript source, run in-process) means no worker.
   */
  constructor(private readonly script: string | undefined, private readonly log: (msg: string) => void) {}

  /** Whether `text` goes to the worker. */
  wants(text: string): boolean {
    return !this.broken && this.script !== undefined && text.length >= OFF_THREAD_CHARS;
  }

  /** `analyze(text, options)` on the worker; on the main thread if the worker cannot do it. */
  async analyze(text: string, options: AnalyzeOptions): Promise<Analysis> {
    const { checks, index: _index, ...rest } = options;
    const named: WorkerOptions['checks'] | undefined = checks === LOCAL_CHECKS ? 'local' : checks !== undefined && checks.length === 0 ? 'none' : undefined;
    if (!this.wants(text) || named === undefined) return analyze(text, options);
    try {
      const { analysis, sliced } = await this.post({ id: this.next++, text, options: { ...rest, checks: named } });
      Object.setPrototypeOf(analysis.model.lines, LineIndex.prototype);
      analysis.model.text = text;
      (analysis.model.lines as { text: string }).text = text;
      const paragraphs = analysis.model.paragraphs;
      for (const i of sliced) paragraphs[i].text = text.slice(paragraphs[i].start, paragraphs[i].end);
      let sentences: Sentence[] | undefined;
      Object.defineProperty(analysis.model, 'sentences', {
        get: () => (sentences ??= splitSentences(text, paragraphs)),
        set: (v: Sentence[]) => (sentences = v),
        enumerable: true,
        configurable: true,
      });
      return analysis;
    } catch (err) {
      if (this.disposed) throw err;
      this.log(`analysis on the worker thread failed (${err instanceof Error ? err.message : String(err)}); analysing on the main thread`);
      return analyze(text, options);
    }
  }

  private post(job: Job): Promise<{ analysis: Analysis; sliced: number[] }> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script!, { workerData: { role: WORKER_FLAG } });
    worker.on('message', (m: { id: number; analysis?: Analysis; sliced?: number[]; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.analysis) p.resolve({ analysis: m.analysis, sliced: m.sliced ?? [] });
      else p.reject(new Error(m.error ?? 'no result'));
    });
    const fail = (err: Error) => {
      this.broken = true;
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      if (this.pending.size || code !== 0) fail(new Error(`the worker thread exited (${code})`));
      this.worker = undefined;
    });
    // (The worker does not keep the server alive: the process ends when the client goes.)
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the worker (server shutdown). */
  dispose(): void {
    this.disposed = true;
    for (const p of this.pending.values()) p.reject(new Error('the server is shutting down'));
    this.pending.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
