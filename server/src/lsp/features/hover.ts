/** textDocument/hover: on a figure, what it says and what every other document says of it (the core's `figureHover`). */
import { Hover, MarkupKind } from 'vscode-languageserver';
import { figureHover } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { Session } from '../session';

export function registerHover(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onHover((params) =>
    analyses.answer<Hover | null>(params.textDocument.uri, 'hover', null, (a) => {
      const hover = figureHover(a.figures, a.model.lines.offset(params.position), session.canon(params.textDocument.uri), session.indexer.index);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: a.model.lines.range(hover.span) } : null;
    }),
  );
}
