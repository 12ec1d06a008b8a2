/**
 * Check `targets`: code `figure.target` (information by default): every quantified target, read
 * back ("目标（2026）：优质本科高校扩招 1500 人"), so a writer sees what a reviewer will list.
 */
import { CODES, Finding } from '../findings';
import { targetMessage } from '../figures/format';
import { listedTarget } from '../figures/extract';
import type { Check } from './check';

export const targets: Check = {
  id: 'targets',
  heavy: true,
  crossDocument: false,
  codes: [CODES.figureTarget],
  run(_model, ctx): Finding[] {
    return (ctx.figures ?? [])
      .filter(listedTarget)
      .map((f) => ({
        code: CODES.figureTarget,
        severity: 'information',
        message: targetMessage(f, ctx.locale),
        span: f.span,
        related: [],
        fixes: [],
      }));
  },
};
