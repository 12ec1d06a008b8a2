/**
 * A check that fails, through the command: `internal.check-failed` in every format and exit 2,
 * whatever the config says and whatever else was found (test/core/failures.test.ts holds the
 * core and the renderers to it). The product has no hook to make a check fail, so the command
 * runs in-process (`main`, as the bundle's entry calls it) with one real check's `run` made to
 * throw; on one thread, since a worker would load checks of its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/src/cli/main';
import { chunkText } from '../../server/src/cli/jsonStream';
import { CROSS_CHECKS, LOCAL_CHECKS } from '../../server/src/core';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A report with a stray ” (quote.unopened, from the pairing check) and a figure stated twice with two values. */
const TEXT = '2026年宁安市政府工作报告\n\n第一段有一个多余的右引号”。\n\n全市地区生产总值增长5%以上。\n\n全市地区生产总值增长6%以上。\n';

function report(config?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'wengao-failed-'));
  dirs.push(d);
  writeFileSync(join(d, 'a.txt'), TEXT);
  if (config) writeFileSync(join(d, '.wengaorc.json'), config);
  return join(d, 'a.txt');
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(chunkText(s)), (s) => err.push(s), { stdin: async () => new Uint8Array(), cwd: process.cwd() });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Makes the check `id` throw wherever it runs. */
function breakCheck(id: string): void {
  const check = [...LOCAL_CHECKS, ...CROSS_CHECKS].find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  vi.spyOn(check, 'run').mockImplementation(() => {
    throw new Error('boom');
  });
  // (A check written in steps, figure.mismatch, is run by them against the workspace.)
  if (check.steps) {
    vi.spyOn(check, 'steps').mockImplementation(function* () {
      throw new Error('boom');
    });
  }
}

describe('wengao check when a check fails', () => {
  it('reports internal.check-failed in every format and exits 2, the other checks still reported', async () => {
    const file = report();
    const clean = await run(['check', file, '--format', 'json']);
    expect(clean.stdout).not.toContain('internal.check-failed');
    breakCheck('pairing');
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = await run(['check', file, '--format', format]);
      expect(r.code, format).toBe(2);
      // (SARIF lists every rule: its results say what was found.)
      const found = format === 'sarif' ? (JSON.parse(r.stdout) as { runs: { results: { ruleId: string }[] }[] }).runs[0].results.map((x) => x.ruleId).join(' ') : r.stdout;
      expect(found, format).toContain('internal.check-failed');
      expect(found, format).toContain('figure.mismatch');
      expect(found, format).not.toContain('quote.unopened');
      expect(r.stderr, format).toMatch(/检查 pairing 在 .*a\.txt 上出错 \(check failed\): boom/);
    }
  });

  it('exits 2 even when the config silences the family and nothing else is an error', async () => {
    const file = report('{ "checks": { "internal": "off", "figure": "off", "quote": "off" } }');
    const before = await run(['check', file, '--max-warnings', '-1']);
    expect(before.code, before.stderr).toBe(0);
    breakCheck('pairing');
    const r = await run(['check', file, '--max-warnings', '-1', '--min-severity', 'error']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/a\.txt:1:1: error internal\.check-failed .*pairing.*boom/);
  });

  it('a cross-document check that fails too', async () => {
    const file = report();
    breakCheck(CROSS_CHECKS[0].id);
    const r = await run(['check', file, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
    const codes = doc.files[0].diagnostics.map((d) => d.code);
    expect(codes).toContain('internal.check-failed');
    expect(codes).toContain('quote.unopened');
    expect(codes).not.toContain('figure.mismatch');
  });

  it('names the report and the error on stderr with their control characters escaped', async () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-failed-'));
    dirs.push(d);
    const file = join(d, 'a\u001b[31m.txt');
    writeFileSync(file, TEXT);
    const check = LOCAL_CHECKS.find((c) => c.id === 'pairing')!;
    vi.spyOn(check, 'run').mockImplementation(() => {
      throw new Error('bo\u001b]0;om');
    });
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`检查 pairing 在 ${join(d, 'a\\x1b[31m.txt')} 上出错 (check failed): bo\\x1b]0;om`);
    expect(r.stderr).not.toContain('\u001b');
    // (And the finding that says so, in the text output: its message quotes the error.)
    expect(r.stdout).toMatch(/a\\x1b\[31m\.txt:1:1: error internal\.check-failed .*bo\\x1b\]0;om/);
    expect(r.stdout).not.toContain('\u001b');
  });
});
