/** Conversion of core results to LSP types. The only place that knows both. */
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
  DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind, TextEdit,
} from 'vscode-languageserver';
import type { Finding, Fold, LineIndex, OutlineNode, Severity } from '../core';

export const SOURCE = 'wengao';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs, carried in `diagnostic.data` so the server keeps no state for it. */
export interface FixData {
  fixes: { title: string; edits: TextEdit[] }[];
}

export function toDiagnostic(f: Finding, lines: LineIndex, uri: string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri: r.path ?? uri, range: r.range ?? lines.range(r.span) },
    message: r.message,
  }));
  const data: FixData = {
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
    })),
  };
  return {
    range: lines.range(f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
    relatedInformation: related.length ? related : undefined,
    data,
  };
}

export function toCodeActions(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = d.data as FixData | undefined;
    if (!data || !Array.isArray(data.fixes)) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
  }
  return actions;
}

export function toSymbols(nodes: OutlineNode[], lines: LineIndex): DocumentSymbol[] {
  return nodes.map((n) => ({
    name: n.name,
    detail: n.detail,
    kind: n.heading.form === 'title' || n.heading.form === 'markdown' ? SymbolKind.Module : SymbolKind.String,
    range: lines.range(n.span),
    selectionRange: lines.range(n.selectionSpan),
    children: toSymbols(n.children, lines),
  }));
}

export function toFoldingRanges(folds: Fold[]): FoldingRange[] {
  return folds.map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region }));
}
