/**
 * What a check reports. Codes are stable: users filter and suppress by them, CI parses them.
 */
import type { Span } from './text';

export const CODES = {
  quoteUnclosed: 'quote.unclosed',
  quoteUnopened: 'quote.unopened',
  quoteParagraphBreak: 'quote.paragraph-break',
  quoteNesting: 'quote.nesting',
  bracketUnclosed: 'bracket.unclosed',
  bracketUnopened: 'bracket.unopened',
  figureTarget: 'figure.target',
  headingSequence: 'heading.sequence',
  headingMarker: 'heading.marker',
  figureMismatch: 'figure.mismatch',
  enumCountMismatch: 'enum.count-mismatch',
  punctHalfWidth: 'punct.half-width',
  punctMixedWidth: 'punct.mixed-width',
  punctDunhao: 'punct.dunhao',
  punctBooktitle: 'punct.booktitle',
  punctEndMissing: 'punct.end-missing',
  textDoubled: 'text.doubled',
  paraPageBreak: 'para.page-break',
  numberRange: 'number.range',
  numberApproxList: 'number.approx-list',
  numberShortYear: 'number.short-year',
  numberApproxDouble: 'number.approx-double',
  numberMixed: 'number.mixed',
  termMisspelling: 'term.misspelling',
  termFormulation: 'term.formulation',
  termHomophone: 'term.homophone',
  termConfusable: 'term.confusable',
  // On a project's .wengaorc.json, not on reports.
  configSyntax: 'config.syntax',
  configInvalid: 'config.invalid',
  configUnknownKey: 'config.unknown-key',
  // A check that threw on a document: its findings are missing, and the CLI exits 2.
  internalCheckFailed: 'internal.check-failed',
} as const;

export type Code = (typeof CODES)[keyof typeof CODES];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Related {
  span: Span;
  message: string;
  /** Another document; absent for the same one. */
  path?: string;
  /** In another document, its 0-based line/character range (the span is then meaningless). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface Edit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
}

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  span: Span;
  related: Related[];
  fixes: Fix[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The findings an editor shows when there are more than `max`: defects first (a flood of target
 * notes must not push an error out), then by position; in document order. A garbled file can
 * hold tens of thousands of findings, and the editor needs the first ones.
 */
export function firstFindings<T extends Pick<Finding, 'span' | 'severity'>>(findings: readonly T[], max: number): readonly T[] {
  if (findings.length <= max) return findings;
  return [...findings]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.span.start - b.span.start)
    .slice(0, max)
    .sort((a, b) => a.span.start - b.span.start);
}

/** The order findings are reported in: by position, then by code (code units, not the locale's order). */
export function compareFindings(a: Pick<Finding, 'span' | 'code'>, b: Pick<Finding, 'span' | 'code'>): number {
  return a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes each item as an argument
 * and overflows the stack past a few hundred thousand (a file of 400,000 lone “ lost every
 * finding of its check, and the CLI said "0 个问题").
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let k = 0; k < items.length; k++) target.push(items[k]);
}
