/**
 * What the language status items say, from the server's `wengao/status` and the client's own
 * state. Pure: no `vscode` import, so it is unit-tested; the translator is passed in
 * (`vscode.l10n` in the extension). English is the source text; l10n/bundle.l10n.zh-cn.json
 * holds the Chinese. Every call is written as `l10n.t` with a literal message, so the bundle test finds it.
 */
import type { StatusParams } from '../../server/src/lsp/protocol';

export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

export type Severity = 'information' | 'warning' | 'error';

/** One language status item's content. */
export interface StatusView {
  text: string;
  detail: string;
  severity: Severity;
  busy: boolean;
}

export interface StatusContext {
  /** The active editor's document, to tell whether its heavy checks were left out. */
  activeUri?: string;
  /** vscode.workspace.isTrusted: in Restricted Mode only open documents are compared. */
  trusted: boolean;
}

/** The last path segment of a URI, decoded: "file:///a/%E7%A4%BA.txt" → "示.txt". */
export function fileNameOf(uri: string): string {
  const seg = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split(/[/\\:]/).pop() ?? uri;
  try {
    return decodeURIComponent(seg) || uri;
  } catch {
    return seg || uri;
  }
}

/** Milliseconds as people read them: "<1 ms", "35 ms", "1.2 s". */
export function formatDuration(ms: number): string {
  if (!(ms >= 1)) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

function reports(l10n: L10n, n: number): string {
  return n === 1 ? l10n.t('Wengao: 1 report indexed') : l10n.t('Wengao: {0} reports indexed', n);
}

function findings(l10n: L10n, n: number): string {
  return n === 1 ? l10n.t('1 finding') : l10n.t('{0} findings', n);
}

/** The main item: the index, the last analysis, failures, a document too large. */
export function formatStatus(l10n: L10n, status: StatusParams | undefined, ctx: StatusContext): StatusView {
  const restricted = ctx.trusted ? [] : [l10n.t('Restricted Mode: only open documents are compared')];
  if (!status) {
    return { text: l10n.t('Wengao'), detail: [l10n.t('Waiting for the language server…'), ...restricted].join(' · '), severity: 'information', busy: true };
  }
  const last = status.last
    ? l10n.t('Last analysis: {0}, {1}, {2}', fileNameOf(status.last.uri), formatDuration(status.last.ms), findings(l10n, status.last.findings))
    : undefined;
  if (status.errors.length > 0) {
    const n = status.errors.length;
    const newest = status.errors[n - 1];
    const where = newest.uri ? `${fileNameOf(newest.uri)}: ` : '';
    return {
      text: n === 1 ? l10n.t('Wengao: 1 error') : l10n.t('Wengao: {0} errors', n),
      detail: `${where}${newest.message}`,
      severity: 'error',
      busy: status.indexing,
    };
  }
  const limited = ctx.activeUri ? status.limited.find((l) => l.uri === ctx.activeUri) : undefined;
  if (limited) {
    return {
      text: l10n.t('Wengao: large document, some checks off'),
      detail: l10n.t('Too large for the figure checks (targets, mismatches, list counts): quotation marks, brackets and headings are still checked. ({0})', limited.reason),
      severity: 'warning',
      busy: status.indexing,
    };
  }
  if (status.indexing) {
    return { text: l10n.t('Wengao: indexing…'), detail: l10n.t("Reading the workspace's reports"), severity: 'information', busy: true };
  }
  return {
    text: reports(l10n, status.indexed),
    detail: [...(last ? [last] : []), ...restricted].join(' · '),
    severity: 'information',
    busy: false,
  };
}

export type ServerState = 'starting' | 'running' | 'stopped';

/** The second item: the language server process and its restart command. */
export function formatServer(l10n: L10n, state: ServerState, info: { restarts: number; stoppedReason?: string }): StatusView {
  if (state === 'starting') return { text: l10n.t('Wengao server: starting…'), detail: '', severity: 'information', busy: true };
  if (state === 'stopped') {
    return { text: l10n.t('Wengao server: stopped'), detail: info.stoppedReason ?? '', severity: 'error', busy: false };
  }
  const detail =
    info.restarts === 0 ? '' : info.restarts === 1 ? l10n.t('restarted once after a crash') : l10n.t('restarted {0} times after a crash', info.restarts);
  return { text: l10n.t('Wengao server: running'), detail, severity: 'information', busy: false };
}
