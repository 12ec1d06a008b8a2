/**
 * The server's state for the client's language status item (`wengao/status`): how many reports
 * are indexed, whether indexing runs, the last analysis, documents too large for the heavy
 * checks, and recent failures. Hooks in server.ts report events; the reporter keeps the state
 * and sends it at most every `intervalMs` (throttled, the last state always goes out), so a burst
 * of analyses while typing costs one notification. `update()` after anything else that changes
 * the index's size. No LSP types: `send` is injected, so it is
 * tested without a connection.
 */
import type { StatusParams } from './protocol';

/** Least time between two notifications. */
export const STATUS_INTERVAL_MS = 250;

/** Failures kept (newest last); older ones are in the log. */
export const MAX_STATUS_ERRORS = 10;

export interface StatusReporterOptions {
  intervalMs?: number;
  maxErrors?: number;
  now?: () => number;
}

export class StatusReporter {
  private indexing = false;
  private last: StatusParams['last'];
  private readonly limitedDocs = new Map<string, string>();
  private errors: StatusParams['errors'] = [];
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;
  private readonly maxErrors: number;
  private readonly now: () => number;

  /** `indexed` is read when a notification is sent: the index's size at that moment. */
  constructor(
    private readonly send: (params: StatusParams) => void,
    private readonly indexed: () => number,
    options: StatusReporterOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? STATUS_INTERVAL_MS;
    this.maxErrors = options.maxErrors ?? MAX_STATUS_ERRORS;
    this.now = options.now ?? Date.now;
  }

  /** The workspace started or finished being read from disk. */
  setIndexing(indexing: boolean): void {
    this.indexing = indexing;
    this.changed();
  }

  /**
   * A document was analysed (`result` undefined: it was skipped, e.g. not Chinese, and does not
   * count as the last analysis). Its earlier failures are replaced by this analysis's
   * (`failures` empty: the document is fine now).
   */
  analysed(uri: string, result: { ms: number; findings: number } | undefined, failures: readonly { check: string; error: string }[] = []): void {
    if (result) this.last = { uri, ms: result.ms, findings: result.findings };
    this.errors = this.errors.filter((e) => e.uri !== uri);
    for (const f of failures) this.push({ uri, message: `${f.check}: ${f.error}` });
    this.changed();
  }

  /**
   * What the editor shows for a document, with the findings against the workspace
   * (figure.mismatch) and after suppression: the last analysis's count, if it was this document's.
   */
  published(uri: string, findings: number): void {
    if (this.last?.uri !== uri || this.last.findings === findings) return;
    this.last = { ...this.last, findings };
    this.changed();
  }

  /** The heavy checks were left out on a document (`reason`), or are back on (undefined). */
  limited(uri: string, reason: string | undefined): void {
    const before = this.limitedDocs.get(uri);
    if (reason === undefined) this.limitedDocs.delete(uri);
    else this.limitedDocs.set(uri, reason);
    if (before !== reason) this.changed();
  }

  /** Something failed: a file that could not be read, an analysis or indexing that threw. */
  error(message: string, uri?: string): void {
    this.push(uri === undefined ? { message } : { uri, message });
    this.changed();
  }

  /**
   * A file that is not open is read again from disk (it changed, appeared or was deleted): its
   * earlier read failures no longer stand; one that remains is reported again by the reading.
   */
  reread(uri: string): void {
    const n = this.errors.length;
    this.errors = this.errors.filter((e) => e.uri !== uri);
    if (n !== this.errors.length) this.changed();
  }

  /** A document was closed: what was said about it alone no longer matters. */
  closed(uri: string): void {
    const had = this.limitedDocs.delete(uri);
    const n = this.errors.length;
    this.errors = this.errors.filter((e) => e.uri !== uri);
    if (had || n !== this.errors.length) this.changed();
  }

  /** The state as it would be sent now. */
  snapshot(): StatusParams {
    return {
      indexed: this.indexed(),
      indexing: this.indexing,
      ...(this.last ? { last: { ...this.last } } : {}),
      limited: [...this.limitedDocs].map(([uri, reason]) => ({ uri, reason })),
      errors: this.errors.map((e) => ({ ...e })),
    };
  }

  /** Sends the state soon (throttled), e.g. the first one after start-up. */
  update(): void {
    this.changed();
  }

  /** Sends now, whatever the throttle says (and cancels a pending send). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastSent = this.now();
    this.send(this.snapshot());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The same failure again (a file the Targets view asks for on each refresh) moves to the end. */
  private push(e: StatusParams['errors'][number]): void {
    this.errors = this.errors.filter((x) => x.uri !== e.uri || x.message !== e.message);
    this.errors.push(e);
    if (this.errors.length > this.maxErrors) this.errors.splice(0, this.errors.length - this.maxErrors);
  }

  /**
   * One send per interval. Even when quiet it waits for the next turn of the event loop, so
   * that what the current handler does after the hook (the document entering the index) is in.
   */
  private changed(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }
}
