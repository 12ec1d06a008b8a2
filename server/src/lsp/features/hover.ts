/** textDocument/hover: on a figure, what it says and what every other document says of it (the core's `figureHover`). */
import { Hover, MarkupKind } from 'vscode-languageserver';
import { figureHover } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { Session } from '../session';

export function registerHover(session: Session, analyses: DocumentAnalyses): void {
  session.connection.onHover((params) =>
    analyses.answer<Hover | null>(params.textDocument.uri, 'hover', null, (a) => {
      const hover = figureHover(a.figures, a.model.lines.offset(params.position), session.canon(params.textDocument.uri), session.indexer.index);
      if (!hover) return null;
      // (A row of a .docx or .pdf links to the client's read-only view of it, where it has one.)
      const markdown = hover.markdown.replace(/\]\((file:[^)#\s]+)#/g, (_, u: string) => `](${session.linkOf(u)}#`);
      return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: a.model.lines.range(hover.span) };
    }),
  );
}
