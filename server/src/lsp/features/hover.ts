/** textDocument/hover: on a figure, what it says and what every other document says of it (the core's `figureHover`). */
import { Hover, MarkupKind } from 'vscode-languageserver';
import { figureHover } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { Session } from '../session';

export function registerHover(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onHover(async (params): Promise<Hover | null> => {
    const doc = session.documents.get(params.textDocument.uri);
    if (!doc || !session.isOurs(doc)) return null;
    try {
      const { analysis: a } = await analyses.current(doc);
      const hover = figureHover(a.figures, a.model.lines.offset(params.position), session.canon(doc.uri), session.indexer.index);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: a.model.lines.range(hover.span) } : null;
    } catch (err) {
      session.connection.console.error(`[wengao] hover on ${doc.uri} failed: ${String(err)}`);
      return null;
    }
  });
}
