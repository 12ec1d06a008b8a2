/**
 * The registry of checks. Adding a check: one module here, one line below; the module says
 * whether it is heavy and whether it reads other documents, and everything else follows.
 */
import type { Check } from './check';
import { doubled } from './doubled';
import { booktitle } from './booktitle';
import { dunhao } from './dunhao';
import { endMissing } from './endMissing';
import { halfWidth } from './halfWidth';
import { mixedWidth } from './mixedWidth';
import { numberUsage } from './numberUsage';
import { pageBreak } from './pageBreak';
import { terms } from './terms';
import { headingNumbers } from './headingNumbers';
import { enumCount } from './enumCount';
import { pairing } from './pairing';
import { mismatch } from './mismatch';
import { targets } from './targets';

export const CHECKS: readonly Check[] = [pairing, halfWidth, mixedWidth, dunhao, booktitle, endMissing, doubled, pageBreak, numberUsage, terms, targets, mismatch, headingNumbers, enumCount];


export type { Check, CheckContext } from './check';

/**
 * The checks of one document alone; `inWorkspace` runs the cross-document ones (CROSS_CHECKS)
 * with the other documents in view: the layers analyse with these and then call `inWorkspace`,
 * so each check runs once, not twice.
 */
export const LOCAL_CHECKS: readonly Check[] = CHECKS.filter((c) => !c.crossDocument);
export const CROSS_CHECKS: readonly Check[] = CHECKS.filter((c) => c.crossDocument);
/** The codes the cross-document checks report (replaced, not added to, when the workspace is in view). */
export const CROSS_CODES: ReadonlySet<string> = new Set(CROSS_CHECKS.flatMap((c) => c.codes));
