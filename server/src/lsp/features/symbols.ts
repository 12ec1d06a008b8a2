/** textDocument/documentSymbol: the outline of a report's heading levels. */
import { DocumentAnalyses } from '../analyses';
import { toSymbols } from '../convert';
import { Session } from '../session';

export function registerSymbols(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onDocumentSymbol((params) => analyses.answer(params.textDocument.uri, 'outline', [], (a) => toSymbols(a.outline, a.model.lines)));
}
