/** Settings, read per document from the client and checked: a malformed value falls back. */
import { AnalyzeScope, EMPTY_CONFIG, WengaoConfig, globProblem, parseConfig } from '../core';
import { MAX_GLOBS } from '../core/globs';
import { DEFAULT_WORKSPACE, WorkspaceSettings } from './workspace';

export type TargetSeverity = 'information' | 'hint' | 'off';

export interface Settings {
  analyze: AnalyzeScope;
  minChineseRatio: number;
  /** How figure.target shows: information (default), hint, or not at all. */
  targetSeverity: TargetSeverity;
  /** Which files of the workspace are indexed for comparisons. */
  workspace: WorkspaceSettings;
  /**
   * The settings that mirror .wengaorc.json (wengao.checks, units, terms, documentYear,
   * messages.language), as a config the project's file is laid over.
   */
  config: WengaoConfig;
}

export const DEFAULT_SETTINGS: Settings = {
  analyze: 'chinese',
  minChineseRatio: 0.5,
  targetSeverity: 'information',
  workspace: DEFAULT_WORKSPACE,
  config: EMPTY_CONFIG,
};

/** Returns valid settings and a list of problems with what the client sent. */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, workspace: { ...DEFAULT_WORKSPACE }, config: { ...EMPTY_CONFIG } };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`wengao settings should be an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}; using defaults`);
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  if (r.analyze !== undefined) {
    if (r.analyze === 'chinese' || r.analyze === 'all' || r.analyze === 'off') settings.analyze = r.analyze;
    else problems.push(`wengao.analyze must be "chinese", "all" or "off", got ${JSON.stringify(r.analyze)}; using "chinese"`);
  }
  if (r.minChineseRatio !== undefined) {
    const v = r.minChineseRatio;
    if (typeof v === 'number' && v >= 0 && v <= 1) settings.minChineseRatio = v;
    else problems.push(`wengao.minChineseRatio must be a number from 0 to 1, got ${JSON.stringify(v)}; using 0.5`);
  }
  const targets = r.targets as Record<string, unknown> | undefined;
  if (targets !== undefined && targets !== null) {
    const v = typeof targets === 'object' ? targets.severity : undefined;
    if (v === 'information' || v === 'hint' || v === 'off') settings.targetSeverity = v;
    else if (v !== undefined || typeof targets !== 'object') {
      problems.push(`wengao.targets.severity must be "information", "hint" or "off", got ${JSON.stringify(v ?? targets)}; using "information"`);
    }
  }
  const ws = r.workspace as Record<string, unknown> | undefined;
  if (ws !== undefined && ws !== null) {
    if (typeof ws !== 'object') problems.push(`wengao.workspace should be an object, got ${JSON.stringify(ws)}; using defaults`);
    else {
      for (const key of ['include', 'exclude'] as const) {
        const v = ws[key];
        if (v === undefined) continue;
        if (Array.isArray(v) && v.every((g) => typeof g === 'string')) {
          if (v.length > MAX_GLOBS) problems.push(`wengao.workspace.${key}：模式多于 ${MAX_GLOBS} 个，改用默认值 (more than ${MAX_GLOBS} patterns; using the default)`);
          else settings.workspace[key] = allowedGlobs(v as string[], `wengao.workspace.${key}`, problems);
        } else problems.push(`wengao.workspace.${key} must be a list of glob patterns, got ${JSON.stringify(v)}; using the default`);
      }
      if (settings.workspace.include.length === 0 && Array.isArray(ws.include) && ws.include.length > 0) {
        problems.push('wengao.workspace.include：所有模式都不生效，工作区中的文件一个也不索引 (no pattern applies: no file of the workspace is indexed)');
      }
      const m = ws.maxFiles;
      if (m !== undefined) {
        if (typeof m === 'number' && Number.isInteger(m) && m >= 0) settings.workspace.maxFiles = m;
        else problems.push(`wengao.workspace.maxFiles must be a whole number, got ${JSON.stringify(m)}; using ${DEFAULT_WORKSPACE.maxFiles}`);
      }
    }
  }
  settings.config = mirroredConfig(r, problems);
  if (settings.targetSeverity !== 'information' && settings.config.checks['figure.target'] === undefined) {
    settings.config.checks['figure.target'] = settings.targetSeverity;
  }
  return { settings, problems };
}

/**
 * The settings that mirror the config file's keys, checked by the same reader as the file so
 * that both accept and refuse the same values.
 */
function mirroredConfig(r: Record<string, unknown>, problems: string[]): WengaoConfig {
  const messages = r.messages as Record<string, unknown> | undefined;
  const mirror: Record<string, unknown> = {};
  if (r.checks !== undefined && r.checks !== null) mirror.checks = r.checks;
  if (Array.isArray(r.units) ? r.units.length : r.units !== undefined && r.units !== null) mirror.units = r.units;
  if (Array.isArray(r.terms) ? r.terms.length : r.terms !== undefined && r.terms !== null) mirror.terms = r.terms;
  if (r.documentYear !== undefined && r.documentYear !== null && r.documentYear !== 0) mirror.year = r.documentYear;
  if (messages && typeof messages === 'object' && messages.language !== undefined && messages.language !== null) mirror.language = messages.language;
  const SETTING: Record<string, string> = { year: 'documentYear', language: 'messages.language' };
  const { config, findings } = parseConfig(JSON.stringify(mirror));
  for (const f of findings) {
    // The findings speak of the file's keys; name the setting instead.
    problems.push(`wengao settings: ${f.message.replace(/“(year|language)”/g, (_m, k: string) => `“wengao.${SETTING[k]}”`)}`);
  }
  return config;
}

/**
 * The patterns of a setting that are within the limits of core/globs.ts, as a project file's are
 * held (one beyond them would cost the matcher time exponential in a name, or worse); each other
 * is a problem that says which limit, and does not apply.
 */
export function allowedGlobs(globs: readonly string[], setting: string, problems: string[]): string[] {
  return globs.filter((g) => {
    const why = globProblem(g);
    if (why) {
      const shown = JSON.stringify(g.length > 80 ? `${g.slice(0, 80)}…` : g);
      problems.push(`${setting}：模式 ${shown} ${why.zh}，匹配代价过高，不生效 (the pattern ${shown} is ${why.en}, too costly to match; it is ignored)`);
    }
    return !why;
  });
}

/** VS Code's files.exclude ({ "**\/tmp": true }) as exclude globs. */
export function filesExclude(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([, v]) => v === true)
    .map(([g]) => g);
}
