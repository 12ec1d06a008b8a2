/**
 * Analysis off the main thread: a document this large is analysed on a worker thread, so that
 * the server answers other documents' requests (hover, symbols, diagnostics) meanwhile. The
 * worker runs the same `analyze` with the same options and sends the result back without what
 * the main thread has or can read again: the text, the paragraphs' texts that are slices of it,
 * and the sentences (read again on first use). Sending the text and taking the result back are
 * the main thread's share of the work, and other documents wait while it runs: so the text goes
 * as its code units, encoded a chunk at a time, and the large arrays (paragraphs, headings,
 * outline, figures, findings) come back as pieces of serialized bytes; both are moved, not
 * copied, and the main thread lets the requests that arrived meanwhile be answered between
 * chunks and pieces (slices.ts `breathe`). One worker, started when first needed, one analysis
 * at a time in it.
 * Where no worker can run (the server's source run in-process by the tests) or the worker
 * fails, the analysis runs here instead: never lost.
 */
import { deserialize, serialize } from 'v8';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { Analysis, AnalyzeOptions, Heading, LOCAL_CHECKS, LineIndex, OutlineNode, Sentence, analyze, analyzeSteps, isSpaceCode, splitSentences } from '../core';
import { SLICE_MS, Slices, breathe } from './slices';

/**
 * Documents of at least this many characters (about 1.5 MB of Chinese) are analysed on the worker.
 * (WENGAO_OFF_THREAD_CHARS sets another, for the benchmark of where the line should be.)
 */
export const OFF_THREAD_CHARS = Number(process.env.WENGAO_OFF_THREAD_CHARS) > 0 ? Number(process.env.WENGAO_OFF_THREAD_CHARS) : 500_000;

/**
 * Lines of at least this many characters send their document to the worker, whatever its size.
 * The checks pause between paragraphs, not inside one: at 470,000 characters in one line,
 * punct.half-width's pass took 135 ms and three more checks 60–80 ms each, in one step.
 */
export const OFF_THREAD_LINE = 50_000;

/**
 * So does a stretch this long with no sentence-final mark and no blank line: lines that run on
 * into each other make one paragraph and one sentence, whose figures are read in one step (20,000
 * characters so took 158 ms, 40,000 took 436).
 */
export const OFF_THREAD_SENTENCE = 10_000;

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);

/** Whether `text` holds a line of OFF_THREAD_LINE or a stretch of OFF_THREAD_SENTENCE (see above). */
function tooLongToPause(text: string): boolean {
  let line = 0;
  let stretch = 0;
  /** Whether the line so far holds more than spaces. */
  let written = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      // (A blank line ends the stretch: the paragraph ends there.)
      if (!written) stretch = 0;
      line = 0;
      written = false;
      continue;
    }
    line++;
    if (!written && !isSpaceCode(text.charCodeAt(i))) written = true;
    stretch = SENTENCE_END.has(c) ? 0 : stretch + 1;
    if (line >= OFF_THREAD_LINE || stretch >= OFF_THREAD_SENTENCE) return true;
  }
  return false;
}

/** An analysis on the main thread stopped because a newer version of its document came. */
export class Superseded extends Error {
  constructor() {
    super('a newer version of the document came');
  }
}

/** What crosses to the worker: the options without the checks (functions), named instead. */
type WorkerOptions = Omit<AnalyzeOptions, 'checks' | 'index'> & { checks: 'local' | 'none' };

interface Job {
  id: number;
  /** The text as UTF-16 code units (`encode`), moved to the worker, not copied. */
  text: ArrayBuffer;
  options: WorkerOptions;
}

const WORKER_FLAG = 'wengao-analysis';

/** Whether this thread is the analysis worker (main.ts runs `serveAnalyses` then, not the server). */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_FLAG;
}

/**
 * Bytes per piece, about: the main thread reads one in about a millisecond (several the first
 * time, while V8 learns the shapes of its objects; a piece of 2,000 figures, a megabyte, took 30).
 * Items differ in size (a figure about 500 bytes, a paragraph about 100), so pieces are cut by
 * their bytes, not by a count of items.
 */
const PIECE_BYTES = 64 * 1024;

/** Characters of the text encoded per step on its way to the worker (half a megabyte). */
const TEXT_CHUNK = 1 << 18;

/**
 * `text` as its UTF-16 code units (as they are: a lone surrogate too) in an ArrayBuffer of its
 * own, to be moved to the worker. Encoded a chunk at a time with the event loop answering other
 * documents between chunks: a structured clone of the string, one step, held it for 130 to 230 ms
 * at 20 M characters on a loaded machine.
 */
async function encode(text: string): Promise<ArrayBuffer> {
  const bytes = Buffer.allocUnsafeSlow(text.length * 2);
  for (let k = 0; k < text.length; k += TEXT_CHUNK) {
    if (k > 0) await breathe();
    bytes.write(text.slice(k, k + TEXT_CHUNK), k * 2, 'utf16le');
  }
  return bytes.buffer as ArrayBuffer;
}

/** Paragraphs whose text is sliced again per step on the main thread. */
const SLICED_STEP = 10_000;

/** The arrays of an analysis that come in pieces, by where they are. */
type Part = 'paragraphs' | 'headings' | 'outline' | 'figures' | 'findings' | 'suppressed';

/** An outline node as it travels: its heading by its place in `model.headings`, its children counted, not nested. */
type FlatNode = Omit<OutlineNode, 'heading' | 'children'> & { heading: number | Heading; children: number };

/** What the worker sends back: the analysis without its large arrays, and those in pieces. */
interface Result {
  id: number;
  analysis: Analysis;
  /** Paragraphs whose text is their slice of the document's text (sent as ''). */
  sliced: number[];
  pieces: { part: Part; bytes: ArrayBuffer }[];
}

/** The outline in document order, each node followed by its subtree; no recursion (input can nest it deeply). */
function flatten(roots: OutlineNode[], headings: Heading[]): FlatNode[] {
  const at = new Map<Heading, number>();
  headings.forEach((h, i) => at.set(h, i));
  const out: FlatNode[] = [];
  const stack = roots.slice().reverse();
  while (stack.length) {
    const { children, heading, ...rest } = stack.pop()!;
    out.push({ ...rest, heading: at.get(heading) ?? heading, children: children.length });
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
  return out;
}

/** Reads `flatten`'s nodes back onto `roots`, continuing the tree `open` holds across pieces. */
function unflatten(flat: FlatNode[], headings: Heading[], roots: OutlineNode[], open: { node: OutlineNode; left: number }[]): void {
  for (const f of flat) {
    const node: OutlineNode = { ...f, heading: typeof f.heading === 'number' ? headings[f.heading] : f.heading, children: [] };
    const top = open[open.length - 1];
    if (top) {
      top.node.children.push(node);
      top.left--;
    } else roots.push(node);
    if (f.children > 0) open.push({ node, left: f.children });
    while (open.length && open[open.length - 1].left === 0) open.pop();
  }
}

/**
 * `items` as pieces of serialized bytes, each an ArrayBuffer of its own (moved to the main thread,
 * not copied), of about PIECE_BYTES: the first of 64 items, each next one of as many as the bytes
 * per item of the one before make PIECE_BYTES.
 */
function piecesOf(part: Part, items: unknown[]): { part: Part; bytes: ArrayBuffer }[] {
  const out: { part: Part; bytes: ArrayBuffer }[] = [];
  for (let k = 0, n = 64; k < items.length; ) {
    const b = serialize(items.slice(k, k + n));
    const bytes = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    out.push({ part, bytes: bytes as ArrayBuffer });
    k += n;
    n = Math.max(1, Math.min(4096, Math.floor((n * PIECE_BYTES) / b.byteLength)));
  }
  return out;
}

/** The worker's loop: analyse each job, post the result (or the error) back. */
export function serveAnalyses(): void {
  parentPort!.on('message', (job: Job) => {
    try {
      const { checks, ...rest } = job.options;
      const analysis = analyze(Buffer.from(job.text).toString('utf16le'), { ...rest, checks: checks === 'local' ? LOCAL_CHECKS : [] });
      // (The text goes back without its copies: the main thread has it. A paragraph's text that
      // is its slice of the text is left out too, and sliced again there.)
      const { model } = analysis;
      const text = model.text;
      const sliced: number[] = [];
      for (const p of model.paragraphs) {
        if (p.text === text.slice(p.start, p.end)) {
          p.text = '';
          sliced.push(p.index);
        }
      }
      model.text = '';
      (model.lines as { text: string }).text = '';
      // (Nor its sentences: read for the figures and the checks, all done here; the main thread
      // reads them again only if it is asked for them.)
      model.sentences = [];
      const pieces = [
        ...piecesOf('paragraphs', model.paragraphs),
        ...piecesOf('headings', model.headings),
        ...piecesOf('outline', flatten(analysis.outline, model.headings)),
        ...piecesOf('figures', analysis.figures),
        ...piecesOf('findings', analysis.findings),
        ...piecesOf('suppressed', analysis.suppressed),
      ];
      const bare: Analysis = { ...analysis, model: { ...model, paragraphs: [], headings: [] }, outline: [], figures: [], findings: [], suppressed: [] };
      const result: Result = { id: job.id, analysis: bare, sliced, pieces };
      parentPort!.postMessage(
        result,
        pieces.map((p) => p.bytes),
      );
    } catch (err) {
      parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}

/** The worker's result made whole on the main thread, a piece at a time. */
async function assemble(text: string, { analysis, sliced, pieces }: Omit<Result, 'id'>): Promise<Analysis> {
  const { model } = analysis;
  Object.setPrototypeOf(model.lines, LineIndex.prototype);
  model.text = text;
  (model.lines as { text: string }).text = text;
  const open: { node: OutlineNode; left: number }[] = [];
  const into: Record<Exclude<Part, 'outline'>, unknown[]> = {
    paragraphs: model.paragraphs,
    headings: model.headings,
    figures: analysis.figures,
    findings: analysis.findings,
    suppressed: analysis.suppressed,
  };
  for (const { part, bytes } of pieces) {
    await breathe();
    const items = deserialize(Buffer.from(bytes)) as unknown[];
    if (part === 'outline') unflatten(items as FlatNode[], model.headings, analysis.outline, open);
    else for (const item of items) into[part].push(item);
  }
  await breathe();
  const paragraphs = model.paragraphs;
  for (let k = 0; k < sliced.length; k++) {
    if (k > 0 && k % SLICED_STEP === 0) await breathe();
    const p = paragraphs[sliced[k]];
    p.text = text.slice(p.start, p.end);
  }
  let sentences: Sentence[] | undefined;
  Object.defineProperty(model, 'sentences', {
    get: () => (sentences ??= splitSentences(text, paragraphs)),
    set: (v: Sentence[]) => (sentences = v),
    enumerable: true,
    configurable: true,
  });
  return analysis;
}

export class OffThreadAnalyzer {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  /** Set once the worker failed to start or died: later analyses run on the main thread. */
  private broken = false;
  /** Set at shutdown: pending analyses are dropped, not run again on the main thread. */
  private disposed = false;

  /**
   * @param script the bundled server (dist/server.js), which is also the worker's entry; none
   * (the server's TypeScript source, run in-process) means no worker.
   * @param sliceMs how long an analysis on the main thread runs before it pauses (0: at every
   * step, as the tests ask for)
   */
  constructor(
    private readonly script: string | undefined,
    private readonly log: (msg: string) => void,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /**
   * Whether `text` goes to the worker: a large one, or one with a line or a sentence so long that
   * a pass over it, one step, would hold the main thread (a document pasted as one line).
   */
  wants(text: string): boolean {
    return !this.broken && this.script !== undefined && (text.length >= OFF_THREAD_CHARS || tooLongToPause(text));
  }

  /**
   * `analyze(text, options)` on the worker; on the main thread if the document is below the line
   * or the worker cannot do it, there in slices of SLICE_MS with the event loop answering other
   * documents between them (slices.ts).
   */
  async analyze(text: string, options: AnalyzeOptions, superseded?: () => boolean): Promise<Analysis> {
    const { checks, index: _index, ...rest } = options;
    const named: WorkerOptions['checks'] | undefined = checks === LOCAL_CHECKS ? 'local' : checks !== undefined && checks.length === 0 ? 'none' : undefined;
    if (!this.wants(text) || named === undefined) return this.here(text, options, superseded);
    try {
      const analysis = await assemble(text, await this.post({ id: this.next++, text: await encode(text), options: { ...rest, checks: named } }));
      // (The model comes back without what the main thread already holds: the text, and where its lines came from.)
      if (options.origins) analysis.model.origins = options.origins;
      return analysis;
    } catch (err) {
      if (this.disposed) throw err;
      this.log(`analysis on the worker thread failed (${err instanceof Error ? err.message : String(err)}); analysing on the main thread`);
      return this.here(text, options);
    }
  }

  /**
   * The analysis on the main thread, pausing once a slice has run its time; it stops at a pause
   * where `superseded` says a newer version of the document came (`Superseded`): typing in a large
   * document would otherwise pile up an analysis per version, all interleaved.
   */
  private async here(text: string, options: AnalyzeOptions, superseded?: () => boolean): Promise<Analysis> {
    const analysis = await new Slices(this.sliceMs, superseded ?? (() => false)).run(() => analyzeSteps(text, options));
    if (!analysis) throw new Superseded();
    return analysis;
  }

  private post(job: Job): Promise<Result> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      worker.postMessage(job, [job.text]);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script!, { workerData: { role: WORKER_FLAG } });
    worker.on('message', (m: Partial<Result> & { id: number; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.analysis) p.resolve(m as Result);
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
