/** Conversion of core results to LSP types. The only place that knows both. */
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
  DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind, TextEdit,
} from 'vscode-languageserver';
import { DocKind, Finding, Fold, LineIndex, Locale, OutlineNode, Severity, fingerprint, suppressionEdit, tr } from '../core';

export const SOURCE = 'wengao';

/** The server's command behind "ignore this finding" in plain text (it writes .wengaoignore). */
export const IGNORE_COMMAND = 'wengao.ignoreFinding';

/** What the ignore command needs besides the fingerprint (which travels in the diagnostic's data). */
export interface IgnoreArgs {
  uri: string;
  code: string;
  /** A few characters of the text, written as the entry's note. */
  excerpt: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs, carried in `diagnostic.data` so the server keeps no state for it. */
export interface FixData {
  fixes: { title: string; edits: TextEdit[] }[];
  /** The finding's fingerprint (stable under edits elsewhere; SARIF and .wengaoignore use it). */
  fingerprint?: string;
  /** Markdown: the comment that silences the finding. */
  disable?: TextEdit;
  /** Plain text: the note of the ignore command's entry (absent where no file may be written). */
  ignore?: { excerpt: string };
}

/** For the "ignore this finding" actions: the document's text and kind. */
export interface SuppressionContext {
  text: string;
  kind: DocKind;
  /** Set where an ignore file may be written (a trusted workspace, a file on disk): the entry's note. */
  ignore?: { excerpt: string };
}

/**
 * `linkOf`: the URI a related location in another document is given (the client's read-only view
 * of a .docx or .pdf, where the client has one: `Session.linkOf`).
 */
export function toDiagnostic(f: Finding, lines: LineIndex, uri: string, suppression?: SuppressionContext, linkOf: (uri: string) => string = (u) => u): Diagnostic {
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri: r.path ? linkOf(r.path) : uri, range: r.range ?? lines.range(r.span) },
    message: r.message,
  }));
  // (Lean: a document may publish a thousand of these while its writer types.)
  const data: FixData = {
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
    })),
  };
  if (suppression) {
    data.fingerprint = fingerprint(suppression.text, f);
    if (suppression.kind === 'markdown') {
      const e = suppressionEdit(suppression.text, f);
      data.disable = { range: lines.range(e.span), newText: e.newText };
    } else if (suppression.ignore) {
      data.ignore = suppression.ignore;
    }
  }
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

/**
 * The quick fixes of the diagnostics the client asks about, titled in the document's language
 * (`locale`, Chinese by default). One "ignore" action per finding, however often the client
 * lists it.
 */
export function toCodeActions(uri: string, diagnostics: Diagnostic[], locale?: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const t = (zh: string, en: string) => tr(locale, zh, en);
  const ignored = new Set<string>();
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
    const once = `${d.code}\u0000${data.fingerprint ?? JSON.stringify(d.range)}`;
    if (ignored.has(once)) continue;
    ignored.add(once);
    if (data.disable) {
      actions.push({
        title: t(`忽略此问题（${d.code}）：加注释 wengao-disable`, `Ignore this ${d.code} with a wengao-disable comment`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [data.disable] } },
      });
    } else if (data.ignore && data.fingerprint) {
      actions.push({
        title: t(`忽略此问题（${d.code}）：写入 .wengaoignore`, `Ignore this ${d.code} in .wengaoignore`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: t('忽略', 'Ignore'), command: IGNORE_COMMAND, arguments: [{ uri, code: String(d.code), excerpt: data.ignore.excerpt, fingerprint: data.fingerprint }] },
      });
    }
  }
  return actions;
}

/** The kind of the action that fixes every certain finding of a document: on save, or "Fix All". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wengao`;

/**
 * The codes whose fix is certain, which a fix-all applies without a look: the form of a mark, a
 * doubled copy, a page break's join, a heading's number, a range's or an approximate number's
 * notation (GB/T 15835), a misspelling from the published tables. Not figure.mismatch ("take the
 * other value" is a choice between two documents), nor term.formulation (a wording the team
 * chose, for the writer to see where it applies).
 */
const CERTAIN = /^(?:punct|text|para)\.|^quote\.paragraph-break$|^heading\.(?:marker|sequence)$|^number\.(?:range|approx-list)$|^term\.misspelling$/;

/** The first fix of each diagnostic, in order, leaving out any that overlaps one taken before. */
function firstFixes(diagnostics: Diagnostic[]): TextEdit[] {
  const edits = diagnostics
    .flatMap((d) => (d.data as FixData | undefined)?.fixes?.[0]?.edits.map((e) => ({ e, d })) ?? [])
    .sort((a, b) => a.e.range.start.line - b.e.range.start.line || a.e.range.start.character - b.e.range.start.character);
  const out: TextEdit[] = [];
  let end: { line: number; character: number } | undefined;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);
  for (const { e } of edits) {
    if (end && before(e.range.start, end)) continue;
    out.push(e);
    end = e.range.end;
  }
  return out;
}

/**
 * The fix-alls: per code, "fix all N in this file" beside a diagnostic whose code has others
 * with a fix; and, asked for with `source.fixAll` (on save, or the Fix All command), one action
 * that applies every certain fix of the document.
 */
export function toFixAllActions(uri: string, given: Diagnostic[], published: Diagnostic[], only: string[] | undefined, locale?: Locale): CodeAction[] {
  const t = (zh: string, en: string) => tr(locale, zh, en);
  const withFix = published.filter((d) => d.source === SOURCE && ((d.data as FixData | undefined)?.fixes?.length ?? 0) > 0);
  const fixable = withFix.filter((d) => CERTAIN.test(String(d.code)));
  const actions: CodeAction[] = [];
  const wantsFixAll = only?.some((k) => k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${k}.`));
  if (wantsFixAll) {
    if (fixable.length) actions.push({ title: t(`Wengao：修复全部可确定的问题（${fixable.length} 处）`, `Wengao: fix all certain problems (${fixable.length})`), kind: FIX_ALL_KIND, diagnostics: fixable, edit: { changes: { [uri]: firstFixes(fixable) } } });
    return actions;
  }
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return actions;
  // (Beside a finding the writer has seen one of the kind: every code's fixes, but a mismatch's.)
  for (const code of new Set(given.filter((d) => d.source === SOURCE).map((d) => String(d.code)))) {
    if (code === 'figure.mismatch') continue;
    const same = withFix.filter((d) => String(d.code) === code);
    if (same.length < 2) continue;
    actions.push({
      title: t(`修复本文件中全部 ${same.length} 处 ${code}`, `Fix all ${same.length} ${code} in this file`),
      kind: CodeActionKind.QuickFix,
      diagnostics: same,
      edit: { changes: { [uri]: firstFixes(same) } },
    });
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
