/**
 * Wengao's own messages between the client and the server, declared once for both sides.
 * Plain types only: the client bundle imports this file too.
 */
import type { Figure } from '../core/figures/extract';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A figure as sent to the client: the core's figure plus its place in LSP terms. */
export interface FigureItem extends Figure {
  range: LspRange;
  /** 1-based line, for tables. */
  line: number;
  /** In a .docx or .pdf read from disk: the place as the reviewer finds it ("Word 第8段"), for tables. */
  place?: string;
}

/**
 * client → server request: the figures of these documents (open ones as edited, others from
 * disk), or with `all` of every report the server knows: the open ones and those of its
 * workspace index (as `wengao.workspace` and Restricted Mode decide).
 */
export const FiguresRequest = 'wengao/figures';
export interface FiguresParams {
  uris?: string[];
  all?: boolean;
  targetsOnly?: boolean;
}
export interface FiguresResult {
  documents: { uri: string; figures: FigureItem[]; error?: string }[];
}

/** server → client notification: the figures of an open document changed (after an edit). */
export const FiguresChangedNotification = 'wengao/figuresChanged';
export interface FiguresChangedParams {
  uri: string;
}

/**
 * server → client notification: the server's state, for the language status item. Sent when
 * indexing starts and ends, after each analysis (at most a few times a second) and when a
 * check fails or a document is too large for the heavy checks.
 */
export const StatusNotification = 'wengao/status';
export interface StatusParams {
  /** Report files in the workspace index (open documents included). */
  indexed: number;
  /** True while the workspace is being read from disk. */
  indexing: boolean;
  /** The last analysis: which document, how long it took (ms). */
  last?: { uri: string; ms: number; findings: number };
  /** Documents above the size threshold: the heavy checks were left out on them. */
  limited: { uri: string; reason: string }[];
  /** Recent failures (a check that threw, a file that could not be read), newest last. */
  errors: { uri?: string; message: string }[];
}

/**
 * client → server request: a .docx or .pdf of the workspace as the text Wengao reads in it, for
 * the editor's read-only view (`wengao-source:` documents, which the server takes for the file).
 * Refused in Restricted Mode and for a file that is not a .docx or .pdf.
 */
export const SourceTextRequest = 'wengao/sourceText';
export interface SourceTextParams {
  /** The file's `file:` URI. */
  uri: string;
}
export interface SourceTextResult {
  text?: string;
  /** What the reading noted (tracked changes accepted, paragraphs joined across pages). */
  notes?: string[];
  /** Why the file could not be read, Chinese then English. */
  error?: string;
}
