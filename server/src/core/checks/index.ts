/** The registry of checks. Adding a check: one module here, one line below. */
import type { Check } from './check';
import { headingNumbers } from './headingNumbers';
import { enumCount } from './enumCount';
import { pairing } from './pairing';
import { mismatch } from './mismatch';
import { targets } from './targets';

export const CHECKS: readonly Check[] = [pairing, targets, mismatch, headingNumbers, enumCount];

export type { Check, CheckContext } from './check';
