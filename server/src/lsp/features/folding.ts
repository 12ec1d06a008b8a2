/** textDocument/foldingRange: each section, from its heading to the next of its level. */
import { buildFolds } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { toFoldingRanges } from '../convert';
import { Session } from '../session';

export function registerFolding(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onFoldingRanges(async (params) => {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc || !session.isOurs(doc)) return [];
    try {
      const { analysis: a } = await analyses.current(doc);
      if (!a.analyzed) return [];
      return toFoldingRanges(buildFolds(a.model, a.outline));
    } catch (err) {
      session.connection.console.error(`[wengao] folding of ${doc.uri} failed: ${String(err)}`);
      return [];
    }
  });
}
