import type { Code, Finding } from '../findings';
import type { FigureIndex } from '../consistency/index';
import type { Figure } from '../figures/extract';
import type { Locale } from '../locale';
import type { DocumentModel } from '../model';
import type { OutlineNode } from '../outline';
import { drain, type Steps } from '../steps';

export interface CheckContext {
  /** The document's figures and outline, read once for every check. */
  figures?: Figure[];
  outline?: OutlineNode[];
  /** This document's address, and the figures of the other documents of the workspace. */
  uri?: string;
  index?: FigureIndex;
  /** The language of messages (default Chinese). */
  locale?: Locale;
  /** The project's wordings for `term.*` (`.wengaorc.json` `substitutions`). */
  substitutions?: Readonly<Record<string, string | null>>;
}

/** One module per check: it reads the model and returns findings, never throws on any text. */
export interface Check {
  id: string;
  codes: readonly Code[];
  /**
   * Needs the figures (the most expensive step) or scans the whole text again and again: left
   * out above a size limit (`AnalyzeOptions.heavyLimit`), while the others still run.
   */
  heavy: boolean;
  /**
   * Reads the other documents of the workspace (`CheckContext.index`): the layers run it with
   * `inWorkspace`, after the document's own analysis, once the index is in view.
   */
  crossDocument: boolean;
  run(model: DocumentModel, ctx: CheckContext): Finding[];
  /**
   * The same work as `run`, in steps (steps.ts), for a check that can take long on a large
   * document after its analysis (figure.mismatch, run again whenever the workspace changes):
   * `run` is `drain(steps(…))`, and `recheckSteps` lets its caller pause between the steps.
   */
  steps?(model: DocumentModel, ctx: CheckContext): Steps<Finding[]>;
}

/** A check written in steps (`steps`): its `run` is `drain(steps(…))`. */
export function inSteps(check: Omit<Check, 'run' | 'steps'> & { steps(model: DocumentModel, ctx: CheckContext): Steps<Finding[]> }): Check {
  return { ...check, run: (model, ctx) => drain(check.steps(model, ctx)) };
}
