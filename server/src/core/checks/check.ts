import type { Code, Finding } from '../findings';
import type { DocumentModel } from '../model';

export interface CheckContext {
  /** Throws when the analysis has been superseded; long checks call it now and then. */
  checkCancelled?: () => void;
}

/** One module per check: it reads the model and returns findings, never throws on any text. */
export interface Check {
  id: string;
  codes: readonly Code[];
  run(model: DocumentModel, ctx: CheckContext): Finding[];
}
