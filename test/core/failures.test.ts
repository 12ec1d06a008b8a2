/**
 * A check that throws is contained: the others run, and its absence is a finding of its own
 * (internal.check-failed, error) in every output, which neither the config nor a comment can
 * silence; the CLI then exits 2 (server/src/cli/main.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyze, CHECKS, FigureIndex, indexEntry, inWorkspace } from '../../server/src/core';
import type { Check } from '../../server/src/core/checks/check';
import { renderJson, renderText } from '../../server/src/cli/render';
import { renderSarif } from '../../server/src/cli/sarif';
import { renderGithub } from '../../server/src/cli/github';
import type { FileResult } from '../../server/src/cli/report';

const broken: Check = { id: 'broken', codes: [], heavy: false, crossDocument: false, run: () => { throw new Error('boom'); } };
const TEXT = '2026年工作报告\n\n第一段有一个多余的右引号”。\n';

describe('a check that fails', () => {
  it('leaves the others running and is a finding of its own, in both languages, not silenced by config', () => {
    const a = analyze(TEXT, { kind: 'plaintext', checks: [broken, ...CHECKS], config: { checks: { internal: 'off', 'internal.check-failed': 'off' } } as never });
    const codes = a.findings.map((f) => f.code);
    expect(codes).toContain('quote.unopened');
    const failed = a.findings.find((f) => f.code === 'internal.check-failed')!;
    expect(failed.severity).toBe('error');
    expect(failed.message).toMatch(/检查“broken”.*boom/);
    const en = analyze(TEXT, { kind: 'plaintext', checks: [broken], locale: 'en' });
    expect(en.findings[0].message).toMatch(/the check "broken" failed.*boom/);
  });

  it('in the check against the workspace too', () => {
    const a = analyze(TEXT, { kind: 'plaintext' });
    const index = new FigureIndex();
    index.set(indexEntry('a.txt', 'a.txt', a));
    // (A workspace index whose lookup throws: the cross-document check fails, the rest stands.)
    const boom = () => { throw new Error('index broken'); };
    const bad = Object.create(index, { sameStatement: { value: boom }, workspace: { value: boom } }) as FigureIndex;
    const ws = inWorkspace(a, { uri: 'a.txt', index: bad });
    expect(ws.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['quote.unopened']));
    const withFigure = analyze('2026年宁安市政府工作报告\n\n全市地区生产总值增长5%以上。\n', { kind: 'plaintext' });
    const ws2 = inWorkspace(withFigure, { uri: 'b.txt', index: bad });
    expect(ws2.findings.some((f) => f.code === 'internal.check-failed' && /index broken/.test(f.message))).toBe(true);
  });

  it('shows in every output format', () => {
    const a = analyze(TEXT, { kind: 'plaintext', checks: [broken] });
    const r: FileResult = { path: 'a.txt', role: 'report', text: TEXT, lines: a.model.lines, analysis: a, failures: a.failures, findings: a.findings, suppressed: [], ignore: [] };
    expect(renderText([r])).toContain('internal.check-failed');
    expect(renderJson([r])).toContain('internal.check-failed');
    expect(renderGithub([r], process.cwd())).toContain('internal.check-failed');
    expect(renderSarif([r], { cwd: process.cwd(), includeSuppressed: false, tool: { name: 'wengao', version: '0', informationUri: 'x' } })).toContain('internal.check-failed');
  });
});
