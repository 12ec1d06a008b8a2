/**
 * The CLI's output is written a chunk at a time (jsonStream.ts, render.ts, sarif.ts, github.ts):
 * the pieces of a JSON document are byte for byte what JSON.stringify of the whole gives (a
 * property over generated values with arrays left to be read), the JSON format is the contract
 * it was, and a run with many findings reaches standard output in many bounded chunks, not one
 * string of them all. In-process.
 */
import { spawn } from 'child_process';
import fc from 'fast-check';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { Streamed, chunked, hole, jsonPieces } from '../../server/src/cli/jsonStream';
import { main } from '../../server/src/cli/main';
import { chunkText } from '../../server/src/cli/jsonStream';
import { jsonChunks, renderJson } from '../../server/src/cli/render';
import type { FileResult } from '../../server/src/cli/report';
import { LineIndex, analyze } from '../../server/src/core';
import { CLI_JS } from '../helpers/procCli';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * A value with some of its object's arrays (chosen by `pick`) turned into holes read one item at
 * a time, and so on in their items (a `Streamed` stands only whole or as a hole's item).
 */
function streamed(value: unknown, pick: () => boolean): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  // (No prototype: a generated "__proto__" key is a key like any other.)
  const skeleton: Record<string, unknown> = Object.create(null);
  const holes: Record<string, Iterable<unknown>> = {};
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v) && pick()) {
      const name = `h${n++}`;
      skeleton[k] = hole(name);
      const items = v.map((x) => streamed(x, pick));
      holes[name] = (function* () {
        yield* items;
      })();
    } else skeleton[k] = v;
  }
  return n ? new Streamed(skeleton, holes) : skeleton;
}

describe('JSON in pieces', () => {
  it('is byte for byte JSON.stringify(value, null, 2), whichever arrays are read as it is written', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.boolean()), (value, coins) => {
        const it = coins[Symbol.iterator]();
        const pieces = [...jsonPieces(streamed(value, () => it.next().value as boolean))];
        expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300, seed: 11 },
    );
    // Empty arrays, arrays of objects and of arrays, and strings that look like a hole's.
    const value = { a: [], b: [{ c: [[], [1, { d: [] }]] }], e: '\u0000wengao-hole:a\u0000', f: [' "x"\n'] };
    expect([...jsonPieces(streamed(value, () => true))].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('joins pieces into chunks of a bounded size', () => {
    const chunks = [...chunked(Array.from({ length: 10_000 }, (_, i) => `${i}\n`), 1000)];
    expect(chunks.join('')).toBe(Array.from({ length: 10_000 }, (_, i) => `${i}\n`).join(''));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1010);
  });

  it('the JSON format is the document it was: files checked, skipped and not analysed, related places', () => {
    const text = '中文“报告\n另有“一处\n';
    const a = analyze(text, { kind: 'plaintext' });
    const lines = new LineIndex(text);
    const results: FileResult[] = [
      { path: 'a.txt', role: 'report', text, lines, findings: a.findings, suppressed: [], ignore: [] },
      { path: 'empty.txt', role: 'report', text: '', lines: new LineIndex(''), findings: [], suppressed: [], ignore: [], notAnalyzed: '空文件 (empty)' },
      { path: 'bin.txt', role: 'report', findings: [], suppressed: [], ignore: [], skipped: '二进制 (binary)' },
    ];
    expect(a.findings.some((f) => f.related.length > 0)).toBe(true);
    // (The document as renderJson built it whole before it was written in pieces.)
    const whole = {
      version: 1,
      files: results.map((r) =>
        r.lines && !r.skipped
          ? {
              path: r.path,
              diagnostics: r.findings.map((f) => ({
                code: f.code, severity: f.severity, message: f.message, range: r.lines!.range(f.span),
                related: f.related.map((x) => ({ path: x.path ?? r.path, range: x.range ?? r.lines!.range(x.span), message: x.message })),
              })),
              ...(r.notAnalyzed ? { notAnalyzed: r.notAnalyzed } : {}),
            }
          : { path: r.path, diagnostics: [], skipped: r.skipped },
      ),
    };
    expect(renderJson(results)).toBe(JSON.stringify(whole, null, 2) + '\n');
    expect([...jsonChunks([])].join('')).toBe(JSON.stringify({ version: 1, files: [] }, null, 2) + '\n');
  });
});

describe('the CLI writes its output as it is made', () => {
  it('many findings reach standard output in many bounded chunks, in every format', async () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-stream-'));
    dirs.push(d);
    // 4,000 paragraphs, each with a quotation mark left open: 4,000 findings, 0.4 MB of text or more.
    writeFileSync(join(d, 'many.txt'), '中文“\n'.repeat(4_000));
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const chunks: string[] = [];
      const code = await main(['check', join(d, 'many.txt'), '--format', format], (t) => chunks.push(chunkText(t)), () => undefined, { stdin: async () => new Uint8Array(), cwd: d });
      expect(code, format).toBe(1);
      expect(chunks.length, format).toBeGreaterThan(3);
      expect(Math.max(...chunks.map((c) => c.length)), format).toBeLessThan(70_000);
      if (format !== 'text' && format !== 'github') JSON.parse(chunks.join(''));
    }
  });

  /**
   * The built CLI with its standard output given, or piped and closed after the first chunk, or
   * piped to a slow reader that starts late and waits a little after each chunk (so the writer waits often).
   */
  function run(args: string[], stdout: number | 'close-early' | 'slow'): Promise<{ code: number | null; stderr: string; out: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI_JS, ...args], { stdio: ['ignore', typeof stdout === 'number' ? stdout : 'pipe', 'pipe'] });
      let stderr = '';
      let out = 0;
      child.stderr!.on('data', (c) => (stderr += c));
      if (stdout === 'close-early') child.stdout!.once('data', () => child.stdout!.destroy());
      if (stdout === 'slow') {
        child.stdout!.pause();
        setTimeout(() => child.stdout!.resume(), 500);
        child.stdout!.on('data', (c: Buffer) => {
          out += c.length;
          child.stdout!.pause();
          setTimeout(() => child.stdout!.resume(), 5);
        });
      }
      child.on('close', (code) => resolve({ code, stderr, out }));
    });
  }

  it('a slow reader gets the whole output, and standard error says nothing of the waits', async () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-stream-'));
    dirs.push(d);
    writeFileSync(join(d, 'many.txt'), '中文“\n'.repeat(4_000));
    const slow = await run(['check', join(d, 'many.txt'), '--format', 'json'], 'slow');
    // (Each wait for the pipe to drain once left a listener behind; the eleventh drew Node's
    // MaxListenersExceededWarning onto standard error, which a CI diff of two runs then caught.)
    expect(slow.code).toBe(1);
    expect(slow.stderr).not.toMatch(/MaxListeners|Warning/);
    expect(slow.out).toBeGreaterThan(20 * 65_536);
  }, 60_000);

  it('a reader that stops early ends the writing quietly, with the run\'s own exit; a failed write is exit 2, said', async () => {
    const d = mkdtempSync(join(tmpdir(), 'wengao-stream-'));
    dirs.push(d);
    writeFileSync(join(d, 'many.txt'), '中文“\n'.repeat(4_000));
    const early = await run(['check', join(d, 'many.txt')], 'close-early');
    expect(early.code, early.stderr).toBe(1);
    expect(early.stderr).not.toMatch(/内部错误|internal error|EPIPE/);
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const r = await run(['check', join(d, 'many.txt'), '--format', 'json'], full);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('wengao: 无法写出结果 (cannot write the output): ENOSPC');
    } finally {
      closeSync(full);
    }
  });
});
