/**
 * The core's entry point: a document's text in, its model and findings out. Each check runs
 * contained: one that throws is reported in `failures` and the others still run.
 */
import { CHECKS, Check, CheckContext } from './checks';
import type { FigureIndex } from './consistency/index';
import { Figure, extractFigures } from './figures/extract';
import type { Code, Finding, Severity } from './findings';
import type { Locale } from './locale';
import { DocKind, DocumentModel, buildModel, chineseRatio } from './model';
import { OutlineNode, buildOutline } from './outline';

export type AnalyzeScope = 'chinese' | 'all' | 'off';

export interface AnalyzeOptions {
  kind: DocKind;
  /** Which documents to analyse; default 'chinese'. */
  scope?: AnalyzeScope;
  /** Share of Han characters among letters needed under scope 'chinese'; default 0.5. */
  minChineseRatio?: number;
  checks?: readonly Check[];
  checkCancelled?: () => void;
  /** This document's address and the workspace's figures, for checks across documents. */
  uri?: string;
  index?: FigureIndex;
  /** Per-code severity, or 'off' to drop the code. */
  severity?: Partial<Record<Code, Severity | 'off'>>;
  /** The language of messages; default Chinese. */
  locale?: Locale;
}

export interface CheckFailure {
  check: string;
  error: string;
}

export interface Analysis {
  /** False when the document was skipped (not predominantly Chinese, or scope 'off'). */
  analyzed: boolean;
  skippedReason?: string;
  model: DocumentModel;
  outline: OutlineNode[];
  figures: Figure[];
  findings: Finding[];
  failures: CheckFailure[];
}

export function shouldAnalyze(text: string, scope: AnalyzeScope = 'chinese', minRatio = 0.5): { ok: boolean; reason?: string } {
  if (scope === 'off') return { ok: false, reason: 'wengao.analyze is off' };
  if (scope === 'all') return { ok: true };
  const ratio = chineseRatio(text);
  if (ratio < minRatio) {
    return { ok: false, reason: `not predominantly Chinese (${Math.round(ratio * 100)}% Han < ${Math.round(minRatio * 100)}%)` };
  }
  return { ok: true };
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const model = buildModel(text, options.kind);
  const gate = shouldAnalyze(text, options.scope, options.minChineseRatio);
  const failures: CheckFailure[] = [];
  const outline = contained('outline', failures, () => buildOutline(model), []);
  if (!gate.ok) return { analyzed: false, skippedReason: gate.reason, model, outline, figures: [], findings: [], failures };
  const figures = contained('figures', failures, () => extractFigures(model, { outline }), []);
  const ctx: CheckContext = { checkCancelled: options.checkCancelled, figures, outline, uri: options.uri, index: options.index, locale: options.locale };
  const findings: Finding[] = [];
  for (const check of options.checks ?? CHECKS) {
    try {
      findings.push(...check.run(model, ctx));
    } catch (err) {
      if (isCancellation(err)) throw err;
      failures.push({ check: check.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    }
  }
  const overrides = options.severity ?? {};
  const kept: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.code];
    if (o === 'off') continue;
    kept.push(o ? { ...f, severity: o } : f);
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { analyzed: true, model, outline, figures, findings: kept, failures };
}

/**
 * Runs some checks again on an existing analysis, with a newer workspace index: the checks
 * across documents, after another document changed. Nothing else is recomputed.
 */
export function recheck(analysis: Analysis, checks: readonly Check[], options: Pick<AnalyzeOptions, 'uri' | 'index' | 'severity' | 'locale'>): { findings: Finding[]; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  if (!analysis.analyzed) return { findings: [], failures };
  const ctx: CheckContext = { figures: analysis.figures, outline: analysis.outline, uri: options.uri, index: options.index, locale: options.locale };
  const findings: Finding[] = [];
  for (const check of checks) {
    try {
      findings.push(...check.run(analysis.model, ctx));
    } catch (err) {
      failures.push({ check: check.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    }
  }
  const overrides = options.severity ?? {};
  return {
    findings: findings.filter((f) => overrides[f.code] !== 'off').map((f) => (overrides[f.code] ? { ...f, severity: overrides[f.code] as Severity } : f)),
    failures,
  };
}

/** Runs a step of the analysis; if it throws, records the failure and goes on with `fallback`. */
function contained<T>(step: string, failures: CheckFailure[], f: () => T, fallback: T): T {
  try {
    return f();
  } catch (err) {
    if (isCancellation(err)) throw err;
    failures.push({ check: step, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    return fallback;
  }
}

export class Cancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export function isCancellation(err: unknown): boolean {
  return err instanceof Cancelled;
}
