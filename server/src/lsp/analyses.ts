/**
 * `DocumentAnalyses`: the analysis of each open document's current version, computed once per
 * version, and the scheduling of the checks that publish it (features/diagnostics.ts).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, CONFIG_FILE, LOCAL_CHECKS, documentKind } from '../core';
import { DocContext, HEAVY_LIMIT, Session } from './session';
import { Superseded } from './offThread';

/**
 * Quiet time after a keystroke before a document is analysed again: none beyond the messages
 * already queued (a paste or an auto-closed pair arrives as one change). While an analysis
 * runs, further keystrokes wait for it and are analysed together right after, so a large
 * document is never analysed more often than it can be, and a small one shows its diagnostics
 * at once.
 */
export const DEBOUNCE_MS = 0;

/**
 * Quiet time after an edit of a `.wengaorc.json` or `.wengaoignore` before every open report is
 * checked again: typing a config is many edits, each a whole re-check of the workspace's open
 * reports if taken one by one.
 */
export const CONFIG_DEBOUNCE_MS = 300;

/** Quiet time before an open document is checked again because another document changed. */
export const REFRESH_MS = 50;

export class DocumentAnalyses {
  /** Per document: the analysis of one text. The text is compared too, not only the version: a
   * client that repeats a version number with new text gets the new text analysed. */
  private readonly cache = new Map<string, { version: number; text: string; key: string; analysis: Analysis }>();
  /** Analyses under way (on the worker thread), by document: a second request waits for the same one. */
  private readonly underway = new Map<string, { version: number; text: string; key: string; analysis: Promise<Analysis> }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly publishTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents being analysed, and whether another change arrived meanwhile. */
  private readonly running = new Map<string, boolean>();
  /** Publishes a document's diagnostics (features/diagnostics.ts); `reindex` when its text changed. */
  publish: (uri: string, reindex: boolean) => Promise<void> = async () => undefined;

  constructor(private readonly session: Session) {}

  /**
   * The analysis of a document's current version, computed once per version: a large document's
   * on the worker thread (offThread.ts), while the server answers other requests.
   */
  async analysisOf(doc: TextDocument, ctx: DocContext): Promise<Analysis> {
    const { session } = this;
    const { settings, resolved } = ctx;
    const key = `${settings.analyze}/${settings.minChineseRatio}/${JSON.stringify(settings.config)}/${ctx.generation}/${ctx.covered}`;
    const hit = this.cache.get(doc.uri);
    const text = doc.getText();
    const version = doc.version;
    if (hit && hit.version === version && hit.text === text && hit.key === key) return hit.analysis;
    const going = this.underway.get(doc.uri);
    if (going && going.version === version && going.text === text && going.key === key) return going.analysis.catch((err) => this.newest(err, doc.uri));
    const started = Date.now();
    const pending = session.offThread.analyze(text, {
      kind: documentKind(doc.uri, doc.languageId),
      scope: ctx.covered ? settings.analyze : 'off',
      minChineseRatio: settings.minChineseRatio,
      config: resolved.config,
      ignore: resolved.ignore,
      heavyLimit: HEAVY_LIMIT,
      positionEncoding: session.encoding,
      // figure.mismatch runs when diagnostics are published, against the workspace.
      checks: LOCAL_CHECKS,
    }, () => {
      // (Stopped at a pause once a newer version is open; a closed document's runs to its end.)
      const now = session.documents.get(doc.uri);
      return now !== undefined && (now.version !== version || now.getText() !== text);
    });
    this.underway.set(doc.uri, { version, text, key, analysis: pending });
    let analysis: Analysis;
    try {
      analysis = await pending;
    } catch (err) {
      return this.newest(err, doc.uri);
    } finally {
      if (this.underway.get(doc.uri)?.analysis === pending) this.underway.delete(doc.uri);
    }
    // (Closed or changed while it was analysed on the worker: the analysis answers the request that
    // waited for it, but is neither cached nor reported: the newer version's is.)
    const now = session.documents.get(doc.uri);
    if (!now || now.version !== version || now.getText() !== text) return analysis;
    if (!ctx.covered) analysis.skippedReason = `left out by ${resolved.file?.path ?? CONFIG_FILE} (include/exclude)`;
    for (const f of analysis.failures) session.connection.console.error(`[wengao] check ${f.check} failed on ${doc.uri}: ${f.error}`);
    const ms = Date.now() - started;
    if (analysis.analyzed) {
      session.log(`analysed ${doc.uri} v${version}: ${analysis.findings.length} findings, ${analysis.figures.length} figures, ${ms} ms`);
    } else {
      session.log(`skipped ${doc.uri}: ${analysis.skippedReason}`);
    }
    if (analysis.limited) session.log(`${doc.uri}: ${analysis.limited}`);
    session.status.limited(doc.uri, analysis.limited); // wengao/status
    session.status.analysed(doc.uri, analysis.analyzed ? { ms, findings: analysis.findings.length } : undefined, analysis.failures); // wengao/status
    this.cache.set(doc.uri, { version, text, key, analysis });
    return analysis;
  }

  /** After an analysis failed with `err`: the newer version's where it stopped for one (`Superseded`), else the error. */
  private async newest(err: unknown, uri: string): Promise<Analysis> {
    const now = err instanceof Superseded ? this.session.documents.get(uri) : undefined;
    if (!now) throw err;
    return this.analysisOf(now, await this.session.contextFor(now.uri));
  }

  /** The analysis for a request (outline, hover, …): the cached one, or one made now. */
  async current(doc: TextDocument): Promise<{ analysis: Analysis; ctx: DocContext }> {
    const ctx = await this.session.contextFor(doc.uri);
    return { analysis: await this.analysisOf(doc, ctx), ctx };
  }

  /**
   * The answer to a request about an open report, from its analysis: `empty` for a document that
   * is not a report, not analysed (a skipped one) or whose answer failed (logged as `what`).
   */
  async answer<T>(uri: string, what: string, empty: T, from: (analysis: Analysis) => T): Promise<T> {
    const { session } = this;
    const doc = session.documents.get(uri);
    if (!doc || !session.isOurs(doc)) return empty;
    try {
      const { analysis } = await this.current(doc);
      return analysis.analyzed ? from(analysis) : empty;
    } catch (err) {
      session.connection.console.error(`[wengao] ${what} of ${uri} failed: ${String(err)}`);
      return empty;
    }
  }

  /**
   * Analyses a document soon: after `delay`, or, if an analysis of it is running, right after
   * that one (the changes that arrived meanwhile are analysed together).
   */
  schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    const uri = doc.uri;
    if (this.running.has(uri)) {
      this.running.set(uri, true);
      return;
    }
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(
      uri,
      setTimeout(async () => {
        this.timers.delete(uri);
        this.running.set(uri, false);
        try {
          await this.publish(uri, true);
        } finally {
          const again = this.running.get(uri);
          this.running.delete(uri);
          const d = this.session.documents.get(uri);
          if (again && d) this.schedule(d, 0);
        }
      }, delay),
    );
  }

  /** Every open report analysed again, after `delay` (a config changed, or the settings). */
  scheduleAll(delay: number): void {
    for (const doc of this.session.documents.all()) if (this.session.isOurs(doc)) this.schedule(doc, delay);
  }

  /** Re-publishes an open document whose text did not change (another document's did). */
  schedulePublish(uri: string): void {
    const old = this.publishTimers.get(uri);
    if (old) clearTimeout(old);
    this.publishTimers.set(
      uri,
      setTimeout(() => {
        this.publishTimers.delete(uri);
        void this.publish(uri, false);
      }, REFRESH_MS),
    );
  }

  /** Re-checks the open documents that share statements with a changed one. */
  refreshOthers(changed: string, touched: Set<string>): void {
    if (touched.size === 0) return;
    const { session } = this;
    for (const uri of session.indexer.index.documentsWith(touched)) {
      const doc = session.docOf(uri);
      if (doc && session.canon(doc.uri) !== session.canon(changed)) this.schedulePublish(doc.uri);
    }
  }

  /** Every cached analysis dropped (the settings changed). */
  clear(): void {
    this.cache.clear();
  }

  /** A closed document: nothing of it is kept. */
  forget(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.underway.delete(uri);
  }
}
