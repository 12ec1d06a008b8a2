/** textDocument/documentSymbol: the outline of a report's heading levels. */
import { DocumentAnalyses } from '../analyses';
import { toSymbols } from '../convert';
import { Session } from '../session';

export function registerSymbols(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onDocumentSymbol(async (params) => {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc || !session.isOurs(doc)) return [];
    try {
      const { analysis: a } = await analyses.current(doc);
      if (!a.analyzed) return [];
      return toSymbols(a.outline, a.model.lines);
    } catch (err) {
      session.connection.console.error(`[wengao] outline of ${doc.uri} failed: ${String(err)}`);
      return [];
    }
  });
}
