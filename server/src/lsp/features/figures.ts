/**
 * `wengao/figures`: the figures of documents for the Targets view and its export: of open
 * documents as edited, of other reports as the workspace index holds them; no other file.
 */
import { Figure, listedTarget } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { FigureItem, FiguresParams, FiguresRequest, FiguresResult } from '../protocol';
import { Session } from '../session';

export function registerFigures(session: Session, analyses: DocumentAnalyses): void {
  const { connection, indexer } = session;
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
    const wanted = (f: Figure) => !params.targetsOnly || listedTarget(f);
    for (const uri of await asked(params)) {
      try {
        const open = session.docOf(uri);
        if (open) {
          if (!session.isOurs(open)) continue;
          const analysis = await analyses.analysisOf(open, await session.contextFor(uri));
          if (!analysis.analyzed) continue;
          const lines = analysis.model.lines;
          const figures: FigureItem[] = analysis.figures.filter(wanted).map((f) => ({ ...f, range: lines.range(f.span), line: lines.lineAt(f.span.start) + 1 }));
          out.documents.push({ uri, figures });
          continue;
        }
        // A closed report is answered from the workspace index, which read it with its settings and
        // config and keeps it current: no other file is read, and none is analysed again.
        if (!uri.startsWith('file:') || !session.trusted) continue; // wengao: trust, no reading of other files
        await indexer.whenScanned();
        const entry = indexer.index.get(session.canon(uri));
        if (!entry) {
          session.log(`figures of ${uri} not read: not a report of the workspace index`);
          continue;
        }
        const figures: FigureItem[] = entry.figures
          .filter((f) => wanted(f.figure))
          .map((f) => ({ ...f.figure, range: { start: { line: f.line, character: f.character }, end: { line: f.endLine, character: f.endCharacter } }, line: f.line + 1, ...(f.place ? { place: f.place.zh } : {}) }));
        out.documents.push({ uri, figures });
      } catch (err) {
        connection.console.error(`[wengao] figures of ${uri} failed: ${String(err)}`);
        out.documents.push({ uri, figures: [], error: String(err) });
      }
    }
    return out;
  });
}
