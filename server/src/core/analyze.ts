/**
 * The core's entry point: a document's text in, its model and findings out. Each check runs
 * contained: one that throws is reported in `failures` and the others still run.
 */
import { CHECKS, Check, CheckContext } from './checks';
import type { FigureIndex } from './consistency/index';
import { DocumentFacts, Figure, extractFigureSteps } from './figures/extract';
import { documentFacts } from './figures/document';
import { CODES, appendAll, compareFindings, type Code, type Finding, type Severity } from './findings';
import { WengaoConfig, severityOverrides } from './config';
import { tr, type Locale } from './locale';
import { IgnoreEntry, Suppressed, directiveProblems, suppress } from './suppress';
import type { Origins } from './origins';
import { DocKind, DocumentModel, buildModelSteps, chineseRatio, languageSample } from './model';
import { OutlineNode, buildOutline } from './outline';
import { PositionEncoding, clip } from './text';
import { Steps, drain } from './steps';

export type AnalyzeScope = 'chinese' | 'all' | 'off';

export interface AnalyzeOptions {
  kind: DocKind;
  /** Which documents to analyse; default 'chinese'. */
  scope?: AnalyzeScope;
  /** Share of Han characters among letters needed under scope 'chinese'; default 0.5. */
  minChineseRatio?: number;
  checks?: readonly Check[];
  /** This document's address and the workspace's figures, for checks across documents. */
  uri?: string;
  index?: FigureIndex;
  /** Per-code severity, or 'off' to drop the code. */
  severity?: Partial<Record<Code, Severity | 'off'>>;
  /** The language of messages; default the config's, else Chinese. */
  locale?: Locale;
  /**
   * The project's configuration (settings with .wengaorc.json laid over them): severities per
   * code, extra units and terms, the year of undated documents, the language of messages.
   */
  config?: WengaoConfig;
  /** The ignore-file entries that apply to this document (chosen by the layer). */
  ignore?: readonly IgnoreEntry[];
  /**
   * Above this many characters the figures are not read and the heavy checks (`Check.heavy`)
   * are left out; `Analysis.limited` says so. Default: no limit (the CLI checks everything).
   */
  heavyLimit?: number;
  /** The units of the positions the model gives (the LSP client's `positionEncoding`); default UTF-16. */
  positionEncoding?: PositionEncoding;
  /** For a text read out of a .docx or .pdf: where its lines came from (the model keeps them; messages name those places). */
  origins?: Origins;
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
  /** The document's own year, region and level, when its figures were read. */
  facts?: DocumentFacts;
  findings: Finding[];
  /** Findings silenced by wengao-disable comments or the ignore file. */
  suppressed: Suppressed[];
  /** Set when the document was above `heavyLimit`: which checks were left out. */
  limited?: string;
  failures: CheckFailure[];
}

/** The first line of a list Wengao exports in markdown (figures/format.ts EXPORT_MARK). */
const EXPORT_MARK_LINE = /^\uFEFF?<!--\s*wengao-export\b/;

function shouldAnalyze(text: string, scope: AnalyzeScope = 'chinese', minRatio = 0.5, kind?: DocKind): { ok: boolean; reason?: string } {
  if (scope === 'off') return { ok: false, reason: '未检查 (not analysed): wengao.analyze 为 off' };
  // A list Wengao itself exported (the Targets view's markdown) is its output, not a report.
  if (EXPORT_MARK_LINE.test(text.slice(0, 200))) return { ok: false, reason: '文稿导出的目标清单，不作为报告检查 (a list Wengao exported, not a report)' };
  if (scope === 'all') return { ok: true };
  if (!/\S/.test(text)) return { ok: false, reason: '空文件 (empty)' };
  // Comments do not print: a wengao-disable comment must not tip a short document into English.
  // (Only the sample chineseRatio reads is stripped: not a copy of the whole document.)
  const sample = languageSample(text);
  const ratio = chineseRatio(kind === 'markdown' && sample.includes('<!--') ? sample.replace(/<!--[\s\S]*?-->/g, '') : sample);
  if (ratio < minRatio) {
    return { ok: false, reason: `不以中文为主 (not predominantly Chinese): 汉字 ${Math.round(ratio * 100)}% < ${Math.round(minRatio * 100)}%` };
  }
  return { ok: true };
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  return drain(analyzeSteps(text, options));
}

/**
 * `analyze` in steps (steps.ts): it may pause after the model, inside the reading of the figures
 * (every STEP_ITEMS sentences) and after each check, so that the language server answers other
 * documents while a large one is analysed on its main thread. The result is `analyze`'s.
 */
export function* analyzeSteps(text: string, options: AnalyzeOptions): Steps<Analysis> {
  const model = yield* buildModelSteps(text, options.kind, options.positionEncoding);
  if (options.origins) model.origins = options.origins;
  const gate = shouldAnalyze(text, options.scope, options.minChineseRatio, options.kind);
  const failures: CheckFailure[] = [];
  const outline = contained('outline', failures, () => buildOutline(model), []);
  if (!gate.ok) return { analyzed: false, skippedReason: gate.reason, model, outline, figures: [], findings: [], suppressed: [], failures };
  yield;
  const config = options.config;
  const heavy = options.heavyLimit === undefined || text.length <= options.heavyLimit;
  const read: { facts?: DocumentFacts } = {};
  const figures = heavy
    ? yield* containedSteps('figures', failures, () => extractFigureSteps(model, { outline, units: config?.units, terms: config?.terms, year: config?.year, region: config?.region, aliases: config?.aliases }, read), [])
    : [];
  const ctx: CheckContext = { figures, outline, uri: options.uri, index: options.index, locale: localeOf(options), substitutions: config?.substitutions };
  const findings: Finding[] = [];
  const checks = (options.checks ?? CHECKS).filter((c) => heavy || !c.heavy);
  const limited = heavy
    ? undefined
    : `${text.length.toLocaleString('en-US')} characters > ${options.heavyLimit!.toLocaleString('en-US')}: ${CHECKS.filter((c) => c.heavy).flatMap((c) => c.codes).join(', ')} left out`;
  for (const check of checks) {
    yield;
    try {
      appendAll(findings, check.steps ? yield* check.steps(model, ctx) : check.run(model, ctx));
    } catch (err) {
      failures.push({ check: check.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    }
  }
  yield;
  const { kept, suppressed } = settle(findings, model, options, true);
  // (Above the heavy limit the figures are not read, but the document's year and places still
  // count in the workspace, as on the command line.)
  const facts = read.facts ?? contained('facts', failures, () => documentFacts(model, { year: config?.year, region: config?.region }), undefined);
  return { analyzed: true, model, outline, figures, facts, findings: withFailures(kept, failures, localeOf(options)), suppressed, failures, ...(limited ? { limited } : {}) };
}

function localeOf(options: Pick<AnalyzeOptions, 'locale' | 'config'>): Locale | undefined {
  return options.locale ?? options.config?.language;
}

/**
 * The last step for every finding, whichever check made it: the configured severity (or off),
 * then suppression by comments and the ignore file, then document order.
 */
function settle(
  findings: Finding[],
  model: DocumentModel,
  options: Pick<AnalyzeOptions, 'severity' | 'config' | 'ignore' | 'locale'>,
  directives = false,
): { kept: Finding[]; suppressed: Suppressed[] } {
  const overrides = { ...(options.config ? severityOverrides(options.config) : {}), ...(options.severity ?? {}) };
  const levelled: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.code];
    if (o === 'off') continue;
    levelled.push(o ? { ...f, severity: o } : f);
  }
  const out = suppress(levelled, model.text, model.kind, options.ignore);
  // (A comment that names no code is said, once, with the document's own findings, and is
  // itself never silenced.)
  if (directives) appendAll(out.kept, directiveProblems(model.text, model.kind, localeOf(options)));
  out.kept.sort(compareFindings);
  return out;
}

/**
 * Runs some checks again on an existing analysis, with a newer workspace index: the checks
 * across documents, after another document changed. Nothing else is recomputed.
 */
export function recheck(analysis: Analysis, checks: readonly Check[], options: RecheckOptions): Rechecked {
  return drain(recheckSteps(analysis, checks, options));
}

export interface Rechecked {
  findings: Finding[];
  suppressed: Suppressed[];
  failures: CheckFailure[];
}

/** `recheck` in steps (steps.ts): a check that has `steps` may pause between them. */
export function* recheckSteps(analysis: Analysis, checks: readonly Check[], options: RecheckOptions): Steps<Rechecked> {
  const failures: CheckFailure[] = [];
  if (!analysis.analyzed) return { findings: [], suppressed: [], failures };
  const ctx: CheckContext = { figures: analysis.figures, outline: analysis.outline, uri: options.uri, index: options.index, locale: localeOf(options) };
  const findings: Finding[] = [];
  for (const check of checks) {
    try {
      appendAll(findings, check.steps ? yield* check.steps(analysis.model, ctx) : check.run(analysis.model, ctx));
    } catch (err) {
      failures.push({ check: check.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    }
  }
  const { kept, suppressed } = settle(findings, analysis.model, options);
  return { findings: withFailures(kept, failures, localeOf(options)), suppressed, failures };
}

/**
 * A step or check that failed is a finding of its own (internal.check-failed, error, at the
 * document's start), so that no output can look complete without it. Not subject to the
 * configuration or suppression: a missing result is not the user's to silence.
 */
function withFailures(kept: Finding[], failures: readonly CheckFailure[], locale: Locale | undefined): Finding[] {
  if (failures.length === 0) return kept;
  const out: Finding[] = failures.map((f) => {
    const why = clip(f.error.split('\n')[0], 200, '');
    return {
      code: CODES.internalCheckFailed,
      severity: 'error',
      span: { start: 0, end: 0 },
      message: tr(
        locale,
        `内部错误：检查“${f.check}”在本文档上出错（${why}），其结果缺失；其余检查照常运行。请把文档或能重现的片段报告给维护者。`,
        `Internal error: the check "${f.check}" failed on this document (${why}); its results are missing, the other checks ran. Please report the document, or a fragment that reproduces it, to the maintainers.`,
      ),
      related: [],
      fixes: [],
    };
  });
  appendAll(out, kept);
  return out;
}

/** What a re-check needs: the same options the analysis had, and the newer index. */
export type RecheckOptions = Pick<AnalyzeOptions, 'uri' | 'index' | 'severity' | 'locale' | 'config' | 'ignore'>;

/** `contained` for a step that pauses (steps.ts). */
function* containedSteps<T>(step: string, failures: CheckFailure[], f: () => Steps<T>, fallback: T): Steps<T> {
  try {
    return yield* f();
  } catch (err) {
    failures.push({ check: step, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    return fallback;
  }
}

/** Runs a step of the analysis; if it throws, records the failure and goes on with `fallback`. */
function contained<T>(step: string, failures: CheckFailure[], f: () => T, fallback: T): T {
  try {
    return f();
  } catch (err) {
    failures.push({ check: step, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    return fallback;
  }
}

