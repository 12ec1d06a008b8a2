/** textDocument/codeAction: the quick fixes carried by each diagnostic, "ignore this finding", and the fix-alls (per code, and `source.fixAll.wengao`). */
import { Diagnostic } from 'vscode-languageserver';
import { toCodeActions, toFixAllActions } from '../convert';
import { Session } from '../session';
import { Diagnostics } from './diagnostics';

export function registerCodeActions(session: Session, diagnostics: Diagnostics): void {
  session.connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    // A client without dataSupport sends the diagnostics back without their data: it is found
    // again among those published (same code, range and message).
    const published = diagnostics.published.get(uri) ?? [];
    const same = (a: Diagnostic, b: Diagnostic) =>
      a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
      a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
    const given = params.context.diagnostics.map((d) => (d.data !== undefined ? d : published.find((p) => same(p, d)) ?? d));
    const doc = session.documents.get(uri);
    const locale = doc ? (await session.contextFor(uri).catch(() => undefined))?.resolved.config.language : undefined;
    const only = params.context.only;
    const fixAll = toFixAllActions(uri, given, published, only, locale);
    // (Asked for the fix-all alone, on save: nothing else.)
    if (only && !only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k))) return fixAll;
    return [...toCodeActions(uri, given, locale), ...fixAll];
  });
}
