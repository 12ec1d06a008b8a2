/**
 * Diagnostics on the project's own files, `.wengaorc.json` and `.wengaoignore`: what is wrong
 * with each, and an ignore file's lines that silence nothing any more in the reports analysed
 * (the CLI's notes, in the editor). A change to either re-checks every open report.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE, Finding, IGNORE_FILE, IgnoreEntry, LineIndex, Locale, staleIgnoreFinding } from '../../core';
import { DocumentAnalyses } from '../analyses';
import { toDiagnostic } from '../convert';
import { Session } from '../session';

export class ProjectFiles {
  /** Config and ignore files with diagnostics published (so that fixing one clears them). */
  private readonly diagnosed = new Set<string>();
  /** What is wrong with each config or ignore file itself, by its URI. */
  private readonly problems = new Map<string, { text: string; findings: Finding[] }>();
  /**
   * Lines of an ignore file (by its URI) that name an analysed report (by its URI) and silence
   * nothing in it any more.
   */
  private readonly staleNotes = new Map<string, Map<string, { key: string; diagnostics: Diagnostic[] }>>();

  constructor(private readonly session: Session, private readonly analyses: DocumentAnalyses) {
    session.onConfigSeen = (file) => void this.publish(file);
  }

  /**
   * A config or ignore file changed (on disk or in the editor): everything is checked again,
   * after `delay` (an edit in the editor is one of many keystrokes).
   */
  changed(file: string, delay = 0): void {
    this.session.resolver.changed(file);
    this.session.configGeneration++;
    void this.publish(file);
    this.analyses.scheduleAll(delay);
  }

  /** Diagnostics on a .wengaorc.json or .wengaoignore: what is wrong with it, or none. */
  async publish(file: string): Promise<void> {
    const { resolver, globalSettings, connection } = this.session;
    try {
      const uri = pathToFileURL(file).href;
      const name = path.basename(file);
      const parsed = name === CONFIG_FILE ? await resolver.readConfig(file) : name === IGNORE_FILE ? await resolver.readIgnore(file) : undefined;
      // In the language of the config that applies there (the file's own "language" included),
      // as the CLI reports them.
      const locale = parsed ? (await resolver.forFile(file, globalSettings.config)).config.language : undefined;
      const findings = parsed ? resolver.problemsIn(parsed, locale) : [];
      // (Found but not read: a named pipe, a device, a file over the limit. The reports under it
      // are checked without it; the log says why, as the CLI does on stderr.)
      if (parsed?.unread) this.session.log(`not read ${file}: ${parsed.unread}`);
      this.problems.set(uri, { text: parsed?.text ?? '', findings });
      await this.send(uri);
    } catch (err) {
      connection.console.error(`[wengao] checking ${file} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  /** A config or ignore file's diagnostics: its own problems, and (an ignore file) its stale lines. */
  private async send(uri: string): Promise<void> {
    const own = this.problems.get(uri);
    const lines = new LineIndex(own?.text ?? '', this.session.encoding);
    // (Each note in the lines of the text it was made on: the file may have changed since.)
    const diagnostics = [...(own?.findings ?? []).map((f) => toDiagnostic(f, lines, uri)), ...[...(this.staleNotes.get(uri)?.values() ?? [])].flatMap((n) => n.diagnostics)];
    if (diagnostics.length === 0 && !this.diagnosed.has(uri)) return;
    if (diagnostics.length) this.diagnosed.add(uri);
    else this.diagnosed.delete(uri);
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    await this.session.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** A report's stale ignore lines (staleIgnoreEntries), noted on its ignore file; none when `entries` is empty. */
  noteStaleLines(report: string, ignoreFile: { path: string; text: string } | undefined, entries: IgnoreEntry[], locale: Locale | undefined): void {
    const target = ignoreFile ? pathToFileURL(ignoreFile.path).href : undefined;
    for (const [uri, byReport] of this.staleNotes) {
      if (uri === target || !byReport.delete(report)) continue;
      void this.send(uri);
    }
    if (!target || !ignoreFile) return;
    const byReport = this.staleNotes.get(target) ?? new Map<string, { key: string; diagnostics: Diagnostic[] }>();
    const before = byReport.get(report)?.key ?? '';
    if (entries.length) {
      const lines = new LineIndex(ignoreFile.text, this.session.encoding);
      const diagnostics = entries.map((e) => toDiagnostic(staleIgnoreFinding(ignoreFile.text, e, locale, lines), lines, target));
      byReport.set(report, { key: JSON.stringify(diagnostics.map((d) => [d.range, d.message])), diagnostics });
    } else byReport.delete(report);
    this.staleNotes.set(target, byReport);
    if ((byReport.get(report)?.key ?? '') !== before) void this.send(target);
  }
}
