/**
 * Diagnostics of a report: its own findings and figure.mismatch against the workspace index,
 * capped and ordered by the core (`firstFindings`), with the data its quick fixes need.
 */
import { Diagnostic } from 'vscode-languageserver';
import { Finding, firstFindings, inWorkspaceSteps, judgedIgnoreEntries, sliceWhole, staleIgnoreEntries } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { Slices } from '../slices';
import { toDiagnostic } from '../convert';
import { FiguresChangedNotification } from '../protocol';
import { Session, sent } from '../session';
import { ProjectFiles } from './projectFiles';

/** Diagnostics published per document at most. */
export const MAX_DIAGNOSTICS = 1000;

export class Diagnostics {
  /** The last diagnostics published per document, with their data: for a client without dataSupport. */
  readonly published = new Map<string, Diagnostic[]>();

  constructor(private readonly session: Session, private readonly analyses: DocumentAnalyses, private readonly projectFiles: ProjectFiles) {
    analyses.publish = (uri, reindex) => this.validate(uri, reindex);
  }

  /**
   * Publishes a document's diagnostics. `reindex`: the document's text changed, so its figures
   * enter the index and the documents that share statements with it are re-checked too.
   */
  async validate(uri: string, reindex = true): Promise<void> {
    const { session, analyses } = this;
    const { documents, indexer, status, connection } = session;
    const doc = documents.get(uri);
    if (!doc || !session.isOurs(doc)) return;
    const version = doc.version;
    const before = doc.getText();
    const ctx = await session.contextFor(uri);
    // (Superseded meanwhile: a new version, or new text under the same number, or a config edited,
    // which has scheduled this document again. Asked after each wait: the change is analysed next.)
    const stale = () => {
      const d = documents.get(uri);
      return !d || d.version !== version || d.getText() !== before || ctx.generation !== session.configGeneration;
    };
    if (stale()) return;
    try {
      // (The document as it is, unchanged since: stale() said so.)
      const analysis = await analyses.analysisOf(documents.get(uri)!, ctx);
      // (Changed while it was analysed on the worker thread.)
      if (stale()) return;
      // (What follows holds the event loop for long on a large document: in slices, with the
      // other documents' requests answered between them, and dropped once stale.)
      const slices = new Slices(session.sliceMs, stale);
      const canon = session.canon(uri);
      if (reindex && analysis.analyzed) {
        const touched = await slices.run(() => indexer.setOpen(canon, analysis));
        if (!touched) return;
        analyses.refreshOthers(uri, touched);
      }
      if (reindex && !analysis.analyzed) analyses.refreshOthers(uri, indexer.index.remove(canon));
      if (slices.due() && !(await slices.pause())) return;
      // (Against the index as it is at the end: begun again if it changed at a pause.)
      const ws = await slices.run(() => inWorkspaceSteps(analysis, { uri: canon, index: indexer.index, config: ctx.resolved.config, ignore: ctx.resolved.ignore }), () => indexer.index.version);
      if (!ws) return;
      const { findings, suppressed } = ws;
      if (slices.due() && !(await slices.pause())) return;
      // (Judged only where the analysis could have silenced them: not a code turned off, nor
      // figure.mismatch before the workspace is indexed, when its other documents are not known yet.)
      const judged = judgedIgnoreEntries(ctx.resolved.ignore, ctx.resolved.config, indexer.scanned);
      this.projectFiles.noteStaleLines(uri, ctx.resolved.ignoreFile, analysis.analyzed ? staleIgnoreEntries(analysis.model.text, judged, suppressed) : [], ctx.resolved.config.language);
      const shown = firstFindings(findings, MAX_DIAGNOSTICS);
      if (findings.length > MAX_DIAGNOSTICS) session.log(`${uri}: ${findings.length} findings, showing the first ${MAX_DIAGNOSTICS}`);
      const text = analysis.model.text;
      const writable = session.trusted && uri.startsWith('file:');
      const ignorable = (f: Finding) => (writable ? { excerpt: excerptOf(text, f) } : undefined);
      const diagnostics: Diagnostic[] = [];
      for (const f of shown) {
        if (slices.due() && !(await slices.pause())) return;
        diagnostics.push(toDiagnostic(f, analysis.model.lines, uri, { text, kind: analysis.model.kind, ignore: ignorable(f) }, session.linkOf));
      }
      this.published.set(uri, diagnostics);
      status.published(uri, findings.length); // wengao/status: the count the Problems panel shows
      await connection.sendDiagnostics({ uri, version, diagnostics: session.dataSupport ? diagnostics : diagnostics.map(({ data: _data, ...d }) => d) });
      if (reindex) sent(connection.sendNotification(FiguresChangedNotification, { uri }));
    } catch (err) {
      connection.console.error(`[wengao] analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      status.error(`analysis failed: ${String(err)}`, uri); // wengao/status
    }
  }

  /** A closed document: its diagnostics cleared, its notes on the ignore file dropped. */
  closed(uri: string): void {
    this.published.delete(uri);
    sent(this.session.connection.sendDiagnostics({ uri, diagnostics: [] }));
    this.projectFiles.noteStaleLines(uri, undefined, [], undefined);
  }
}

/** A few characters of the finding's text, for the note of an ignore entry. */
function excerptOf(text: string, f: Finding): string {
  const a = Math.max(0, f.span.start - 4);
  // (Never inside a character: a lone surrogate makes the whole JSON message invalid to some clients.)
  return sliceWhole(text, a, Math.min(text.length, f.span.end + 8, a + 24)).replace(/\s+/g, ' ').trim();
}
