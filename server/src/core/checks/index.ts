/** The registry of checks. Adding a check: one module here, one line below. */
import type { Check } from './check';
import { pairing } from './pairing';

export const CHECKS: readonly Check[] = [pairing];

export type { Check, CheckContext } from './check';
