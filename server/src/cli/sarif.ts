/**
 * `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning (upload-sarif) and other SARIF
 * readers. One run; `tool.driver.rules` holds every code's rule (core/rules.ts) in the order of
 * CODES, so `ruleIndex` is stable from run to run.
 *
 * - Paths: relative to the working directory, with `uriBaseId` `%SRCROOT%` (declared in
 *   `originalUriBaseIds` as the working directory); a file outside it gets an absolute file URI.
 *   Path segments are percent-encoded (a URI reference cannot hold spaces or Chinese as is).
 * - Regions: 1-based lines and columns, columns in UTF-16 code units (`columnKind`
 *   `utf16CodeUnits`, SARIF's default, said explicitly); `endColumn` is the column after the
 *   last character.
 * - Levels: error → error, warning → warning, information and hint → note.
 * - `partialFingerprints["wengao/v1"]`: the core's fingerprint, the code and the text around the
 *   finding, not its line, so it survives edits elsewhere; the same value a `.wengaoignore` entry
 *   takes. (GitHub's own `primaryLocationLineHash` is left to upload-sarif to compute from the
 *   file: a value of ours under that name would only draw its "inconsistent fingerprint" warning.)
 * - `relatedLocations`: the other documents' statements for figure.mismatch, the partner mark
 *   for the pairing checks, with ids 1, 2, …
 * - Suppressed findings are left out unless `--include-suppressed`: GitHub does not read
 *   `suppressions` and would open an alert for each. With the flag they are included with
 *   `suppressions: [{ kind: "inSource" }]` (a wengao-disable comment) or `{ kind: "external" }`
 *   (.wengaoignore, with the entry's note as justification), for readers that honour them.
 * - Files that could not be read or decoded: `invocations[0].toolExecutionNotifications`, and
 *   `executionSuccessful: false`.
 * - A file read into text (.docx): the region's lines and columns are those of the text Wengao
 *   read from it; the region's `snippet` holds the words around the finding and the location's
 *   `message` says where they are in the file (第8段, 表1第2行, 脚注1).
 * - Written in chunks as it is made (`sarifChunks`), the run's `invocations` after its `results`.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { relativeInside } from '../io/paths';
import type * as Sarif from 'sarif';
import { Finding, Locale, RULE_LIST, Range, Rule, Severity, appendAll, compareFindings, covers, fingerprint, ruleHelp } from '../core';
import { Streamed, chunked, document, hole, mapped } from './jsonStream';
import type { FileResult, ToolInfo } from './report';
import { convertedFiles, sourcePlace } from './render';

/** A location in a result: in a converted file, with the excerpt as the region's snippet and the place as its message. */
function sourceLocation(r: Pick<FileResult, 'source' | 'lines'>, artifactLocation: Sarif.ArtifactLocation, at: Sarif.Region, offset: number): Sarif.Location {
  const place = sourcePlace(r, offset);
  if (!place) return { physicalLocation: { artifactLocation, region: at } };
  return {
    physicalLocation: { artifactLocation, region: { ...at, snippet: { text: place.excerpt } } },
    message: { text: `${place.zh} (${place.en})` },
  };
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'wengao/v1';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifOptions {
  cwd: string;
  locale?: Locale;
  includeSuppressed: boolean;
  tool: ToolInfo;
}

export function sarifRule(rule: Rule, locale: Locale | undefined): Sarif.ReportingDescriptor {
  const t = locale === 'en' ? rule.en : rule.zh;
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: t.short },
    fullDescription: { text: t.full },
    help: ruleHelp(rule),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: rule.tags },
  };
}

/** An artifact location for a path as the CLI shows it. */
export function artifactLocation(p: string, cwd: string): Sarif.ArtifactLocation {
  const abs = path.resolve(cwd, p);
  const rel = relativeInside(cwd, abs);
  if (rel !== undefined) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(abs).href };
}

export function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * The log in chunks (jsonStream.ts): each file's results made as their place in the text comes,
 * never the whole log as one object or one string. The run's `invocations` follow its `results`
 * (the order of an object's keys means nothing in JSON), since whether the run was successful is
 * known only once every file is written.
 */
export function sarifChunks(results: FileResult[], options: SarifOptions): Iterable<string> {
  const { cwd } = options;
  const notifications: Sarif.Notification[] = [];
  const cwdUri = pathToFileURL(cwd).href;
  const run = new Streamed(
    {
      tool: {
        driver: {
          name: options.tool.name,
          informationUri: options.tool.informationUri,
          version: options.tool.version,
          semanticVersion: options.tool.version,
          rules: RULE_LIST.map((rule) => sarifRule(rule, options.locale)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: cwdUri.endsWith('/') ? cwdUri : cwdUri + '/' } },
      language: options.locale === 'en' ? 'en-US' : 'zh-CN',
      columnKind: 'utf16CodeUnits',
      results: hole('results'),
      invocations: hole('invocations'),
    },
    {
      results: sarifResults(results, options, notifications),
      // (Read after the results: the notifications are theirs.)
      invocations: mapped([0], () => ({
        // (A note, a link not followed or a file not in Chinese, is no failure of the run.)
        executionSuccessful: !notifications.some((n) => n.level === 'error'),
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      })),
    },
  );
  return chunked(document(new Streamed({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: hole('runs') }, { runs: [run] })));
}

export function renderSarif(results: FileResult[], options: SarifOptions): string {
  return [...sarifChunks(results, options)].join('');
}

/** Each file's results, in order; its notifications (skipped, not analysed, a check failed) go to `notifications`. */
function* sarifResults(results: FileResult[], options: SarifOptions, notifications: Sarif.Notification[]): Generator<Sarif.Result> {
  const { cwd } = options;
  const ruleIndex = new Map(RULE_LIST.map((r, i) => [r.code as string, i]));
  const converted = convertedFiles(results);
  for (const r of results) {
    const artifact = artifactLocation(r.path, cwd);
    if (r.skipped) {
      notifications.push({
        level: 'error',
        message: { text: `跳过，未检查 (skipped, not checked): ${r.skipped}` },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
      continue;
    }
    if (r.notFollowed) {
      notifications.push({ level: 'note', message: { text: r.notFollowed }, locations: [{ physicalLocation: { artifactLocation: artifact } }] });
      continue;
    }
    if (r.notAnalyzed) {
      notifications.push({
        level: 'note',
        message: { text: `未作为报告检查 (not checked as a report): ${r.notAnalyzed}` },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
    }
    for (const f of r.failures ?? []) {
      notifications.push({
        level: 'error',
        message: { text: `检查 ${f.check} 出错 (check failed): ${f.error.split('\n')[0]}` },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
    }
    if (!r.lines || r.text === undefined) continue;
    const lines = r.lines;
    const text = r.text;
    const items: { finding: Finding; by?: 'comment' | 'ignore-file' }[] = r.findings.map((finding) => ({ finding }));
    if (options.includeSuppressed) appendAll(items, r.suppressed);
    items.sort((a, b) => compareFindings(a.finding, b.finding));
    for (const { finding: f, by } of items) {
      const fp = fingerprint(text, f);
      const result: Sarif.Result = {
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [sourceLocation(r, artifact, region(lines.range(f.span)), f.span.start)],
        partialFingerprints: { [FINGERPRINT_KEY]: fp },
      };
      if (f.related.length) {
        result.relatedLocations = f.related.map((rel, i) => {
          const other = rel.path && rel.path !== r.path ? converted.get(rel.path) : r;
          const range = rel.range ?? lines.range(rel.span);
          const at = sourceLocation(other ?? {}, rel.path && rel.path !== r.path ? artifactLocation(rel.path, cwd) : artifact, region(range), other?.lines?.offset(range.start) ?? 0);
          // (In a .docx or .pdf the place goes with the message: 第8段 (paragraph 8).)
          return { id: i + 1, ...at, message: { text: at.message ? `${rel.message} [${at.message.text}]` : rel.message } };
        });
      }
      if (by) {
        const note = by === 'ignore-file' ? r.ignore.find((e) => covers(e.code, f.code) && (e.fingerprint === '*' || e.fingerprint === fp))?.note : undefined;
        result.suppressions = [{ kind: by === 'comment' ? 'inSource' : 'external', status: 'accepted', ...(note ? { justification: note } : {}) }];
      }
      yield result;
    }
  }
}
