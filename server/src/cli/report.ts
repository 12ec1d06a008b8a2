/** What a run of the CLI found, per file, before it is written in one of the formats. */
import type { SourceText } from '../formats';
import type { Analysis, CheckFailure, Finding, IgnoreEntry, LineIndex, Suppressed } from '../core';

export interface FileResult {
  /** The path as shown: as given or found, relative or absolute; `<stdin>` for standard input. */
  path: string;
  /** A report, or a project file (.wengaorc.json, .wengaoignore) with problems of its own. */
  role: 'report' | 'config' | 'ignore';
  /** The text the positions refer to (absent when the file was skipped). */
  text?: string;
  lines?: LineIndex;
  /** A file converted to `text` (.docx): where each line came from, and what the reading noted. */
  source?: SourceText;
  /** The analysis, when the report was checked on this thread (not on a worker). */
  analysis?: Analysis;
  /** Checks that threw on this report (the others ran). */
  failures?: CheckFailure[];
  /** Findings reported, after configuration and suppression, at or above --min-severity. */
  findings: Finding[];
  /** Findings silenced by a wengao-disable comment or the ignore file. */
  suppressed: Suppressed[];
  /** The ignore-file entries that applied to this report (for a suppression's justification). */
  ignore: readonly IgnoreEntry[];
  /** Why the file could not be checked (an error: the run is incomplete, exit 2). */
  skipped?: string;
  /** Why a file that was read is not analysed as a report (not predominantly Chinese, empty):
   * said in every output, no error. */
  notAnalyzed?: string;
  /**
   * With --cache and text output: the report's lines as printed by a run the cache vouches for
   * (it was not read: `findings` is then empty), what they count, and what reading it noted.
   */
  printed?: { text: string | Uint8Array; counts: Readonly<Counts>; failed: boolean; notes: readonly string[] };
  /** Why a path met in a folder or a glob was not followed (a link out of it, or to nothing:
   * io/walk.ts): said in every output, no error. */
  notFollowed?: string;
}

/** What a report's findings count at the run's threshold: [error, warning, information, hint, suppressed]. */
export type Counts = [error: number, warning: number, information: number, hint: number, suppressed: number];

/** What SARIF's tool section says about the tool. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}
