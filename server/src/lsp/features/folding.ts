/** textDocument/foldingRange: each section, from its heading to the next of its level. */
import { buildFolds } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { toFoldingRanges } from '../convert';
import { Session } from '../session';

export function registerFolding(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onFoldingRanges((params) => analyses.answer(params.textDocument.uri, 'folding', [], (a) => toFoldingRanges(buildFolds(a.model, a.outline))));
}
