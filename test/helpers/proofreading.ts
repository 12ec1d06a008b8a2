/**
 * The findings a process or LSP test compares, without those of the proofreading checks.
 *
 * The proofreading checks (codes beginning `punct.`, `text.`, `para.`, `number.`, `term.`) find
 * many small defects in the bundled seeds (punct.half-width alone: hundreds of half-width commas
 * in 001 and 004, the "(上接第一版)" lines of 000), and every new one adds more. A test whose
 * subject is something else (an encoding, the config file, .wengaoignore, standard input, the
 * SARIF or GitHub format, the exit status, settings, the LSP lifecycle, the paragraph-break fix)
 * compares exactly the findings of the families it is about (quote.*, heading.*, config.*,
 * figure.*, ...) and passes the list through `withoutProofreading` first, so that adding a
 * proofreading check does not rewrite it. Every other family still counts: a new finding of a
 * non-proofreading family on the seeds still fails those tests.
 *
 * What the proofreading checks find on the seeds is asserted where that is the subject:
 * test/core/seeds.test.ts (each check's findings per seed) and the "exactly the known defects"
 * test of test/cli/cli.test.ts (their count per seed file through the built CLI).
 */
export const PROOFREADING = /^(punct|text|para|number|term)\./;

/** Whether `code` (a finding's code, a SARIF ruleId, ...) is that of a proofreading check. */
export function isProofreading(code: unknown): boolean {
  return typeof code === 'string' && PROOFREADING.test(code);
}

/**
 * `items` without the findings of the proofreading checks, in their order. `codeOf` reads an
 * item's code: `.code` by default (JSON diagnostics, LSP diagnostics, core findings); pass one
 * for SARIF results (`r.ruleId`) or output lines.
 */
export function withoutProofreading<T>(items: readonly T[], codeOf: (item: T) => unknown = (x) => (x as { code?: unknown }).code): T[] {
  return items.filter((x) => !isProofreading(codeOf(x)));
}
