/**
 * `wengao/figures`: the figures of documents for the Targets view and its export: of open
 * documents as edited, of other reports of the workspace index as on disk; no other file.
 */
import { fileURLToPath } from 'url';
import { Analysis, documentKind } from '../../core';
import { readReport } from '../../io/read';
import { DocumentAnalyses } from '../analyses';
import { FigureItem, FiguresParams, FiguresRequest, FiguresResult } from '../protocol';
import { HEAVY_LIMIT, Session } from '../session';

export function registerFigures(session: Session, analyses: DocumentAnalyses): void {
  const { connection, indexer, status } = session;
  /** The documents asked for: those named, or every report the server knows (`all`), open ones by the client's URI. */
  const asked = async (params: FiguresParams): Promise<string[]> => {
    if (!params?.all) return Array.isArray(params?.uris) ? params.uris : [];
    await indexer.whenScanned();
    // (Not the editor's views of other versions, git: diffs.)
    const uris = new Set(session.documents.all().filter((d) => session.isOurs(d) && !d.uri.startsWith('git:')).map((d) => d.uri));
    for (const u of indexer.index.uris()) if (!session.docOf(u)) uris.add(u);
    return [...uris].sort();
  };
  connection.onRequest(FiguresRequest, async (params: FiguresParams): Promise<FiguresResult> => {
    const out: FiguresResult = { documents: [] };
    for (const uri of await asked(params)) {
      try {
        let analysis: Analysis;
        const open = session.docOf(uri);
        if (!open) {
          // Only a report the workspace index holds is read from disk: no other file on disk.
          if (!uri.startsWith('file:') || !session.trusted) continue; // wengao: trust, no reading of other files
          await indexer.whenScanned();
          if (!indexer.isIndexed(session.canon(uri))) {
            session.log(`figures of ${uri} not read: not a report of the workspace index`);
            continue;
          }
        }
        const ctx = await session.contextFor(uri);
        if (open) {
          if (!session.isOurs(open)) continue;
          analysis = await analyses.analysisOf(open, ctx);
        } else {
          if (!ctx.covered) continue;
          const read = await readReport(fileURLToPath(uri), session.fs);
          if (!read.ok) {
            // Deleted since the client listed it (the Targets view refreshes on the deletion).
            if (read.gone) continue;
            out.documents.push({ uri, figures: [], error: read.message });
            status.error(read.message, uri); // wengao/status
            continue;
          }
          analysis = await session.offThread.analyze(read.text, { kind: documentKind(uri), scope: ctx.settings.analyze, minChineseRatio: ctx.settings.minChineseRatio, config: ctx.resolved.config, checks: [], heavyLimit: HEAVY_LIMIT, positionEncoding: session.encoding });
        }
        if (!analysis.analyzed) continue;
        const lines = analysis.model.lines;
        const figures: FigureItem[] = analysis.figures
          .filter((f) => !params.targetsOnly || f.kind === 'target')
          .map((f) => ({ ...f, range: lines.range(f.span), line: lines.lineAt(f.span.start) + 1 }));
        out.documents.push({ uri, figures });
      } catch (err) {
        connection.console.error(`[wengao] figures of ${uri} failed: ${String(err)}`);
        out.documents.push({ uri, figures: [], error: String(err) });
      }
    }
    return out;
  });
}
