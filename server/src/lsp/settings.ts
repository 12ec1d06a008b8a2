/** Settings, read per document from the client and checked: a malformed value falls back. */
import type { AnalyzeScope } from '../core';

export type TargetSeverity = 'information' | 'hint' | 'off';

export interface Settings {
  analyze: AnalyzeScope;
  minChineseRatio: number;
  /** How figure.target shows: information (default), hint, or not at all. */
  targetSeverity: TargetSeverity;
}

export const DEFAULT_SETTINGS: Settings = { analyze: 'chinese', minChineseRatio: 0.5, targetSeverity: 'information' };

/** Returns valid settings and a list of problems with what the client sent. */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object') {
    problems.push(`wengao settings should be an object, got ${typeof raw}; using defaults`);
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
  return { settings, problems };
}
