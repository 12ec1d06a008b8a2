/** The registry of checks. Adding a check: one module here, one line below. */
import type { Check } from './check';
import { headingNumbers } from './headingNumbers';
import { enumCount } from './enumCount';
import { pairing } from './pairing';
import { mismatch } from './mismatch';
import { targets } from './targets';

export const CHECKS: readonly Check[] = [pairing, targets, mismatch, headingNumbers, enumCount];

/**
 * The checks that need the figures (the most expensive step) or scan the whole text again and
 * again; above a size limit (`AnalyzeOptions.heavyLimit`) they are left out, the others run.
 */
export const HEAVY_CHECKS: ReadonlySet<string> = new Set([targets.id, mismatch.id, enumCount.id]);

export type { Check, CheckContext } from './check';

/**
 * Every check but figure.mismatch, which `inWorkspace` runs with the other documents in view:
 * the layers analyse with these and then call `inWorkspace`, so the check runs once, not twice.
 */
export const LOCAL_CHECKS: readonly Check[] = CHECKS.filter((c) => c !== mismatch);
