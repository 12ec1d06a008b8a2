/**
 * The CLI and the editor give the same findings for the same input. The BUILT language server
 * (over stdio) gets a temp copy of seeds/ as its workspace folder, with the press-brief
 * fixture's report and brief beside the seeds (seed 003, the second half of the 2026 report,
 * disagrees with the brief: figure.mismatch across documents). The five seeds and the brief are
 * opened; the report stays closed, so the editor knows it from disk only. Once indexing has
 * finished, every open document's diagnostics must equal what `wengao check <folder> --format
 * json --min-severity hint` says of that file: code, severity, range, message and related
 * locations. Run `node esbuild.js` first.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join, relative } from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { afterAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { StatusNotification, StatusParams } from '../../server/src/lsp/protocol';
import { runCli } from '../helpers/procCli';
import { LspProcess, ROOT } from '../helpers/procLsp';

const SEEDS = join(ROOT, 'seeds');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Comparable {
  code: string;
  severity: string;
  message: string;
  range: Range;
  related: { file: string; range: Range; message: string }[];
}

let dir: string;
let server: LspProcess | undefined;
afterAll(async () => {
  await server?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the CLI and the editor', () => {
  it('give the same findings on the seeds, figure.mismatch across documents included', { timeout: 90_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'wengao-parity-'));
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
    for (const f of ['report.txt', 'brief.txt']) writeFileSync(join(dir, `press-${f}`), readFileSync(join(FIXTURE, f), 'utf8').replace(/⟦[^⟧]*⟧/g, ''));
    const opened = [...readdirSync(SEEDS), 'press-brief.txt'].map((f) => join(dir, f));

    const s = new LspProcess();
    server = s;
    // Indexing has finished when the server says so: its status notification (indexing false),
    // or, from a server that does not send one, its log line. Where the publishes stood at that
    // moment is taken in the handler itself, so no later publish is mistaken for an earlier one.
    let settledAt: number | undefined;
    s.conn.onNotification(StatusNotification, (p: StatusParams) => {
      if (settledAt === undefined && !p.indexing && p.indexed >= opened.length) settledAt = s.diagnostics.length;
    });
    const settled = s.waitFor(
      () => {
        if (settledAt === undefined && s.logs.some((l) => /indexed \d+ report files/.test(l.message))) settledAt = s.diagnostics.length;
        return settledAt !== undefined;
      },
      'the workspace index to be built',
      60_000,
    );
    await s.initialize({}, [dir]);
    const uris = opened.map((f) => pathToFileURL(f).href);
    for (const [i, uri] of uris.entries()) {
      await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(opened[i], 'utf8') },
      });
    }
    await settled;
    // Every open document is published again once the index is complete (or first published then).
    await s.waitFor(() => uris.every((u) => s.diagnostics.slice(settledAt).some((p) => p.uri === u)), 'diagnostics of every open document after indexing', 60_000);

    const cli = await runCli(['check', dir, '--format', 'json', '--min-severity', 'hint'], { timeoutMs: 60_000 });
    expect(cli.code, cli.stderr).toBe(1);
    const report = JSON.parse(cli.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; message: string; range: Range; related: { path: string; range: Range; message: string }[] }[] }[] };
    const fromCli = new Map<string, Comparable[]>();
    for (const f of report.files) {
      fromCli.set(
        basename(f.path),
        f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, related: d.related.map((r) => ({ file: relative(dir, r.path), range: r.range, message: r.message })) })),
      );
    }
    const fromEditor = (p: PublishDiagnosticsParams): Comparable[] =>
      p.diagnostics.map((d) => ({
        code: String(d.code),
        severity: SEVERITY[d.severity ?? 1],
        message: typeof d.message === 'string' ? d.message : d.message.value,
        range: d.range,
        related: (d.relatedInformation ?? []).map((r) => ({ file: relative(dir, fileURLToPath(r.location.uri)), range: r.location.range, message: r.message })),
      }));

    let mismatches = 0;
    for (const uri of uris) {
      const name = basename(fileURLToPath(uri));
      const after = s.diagnostics.slice(settledAt).filter((p) => p.uri === uri);
      // Stable: every publish after indexing says the same.
      for (const p of after.slice(1)) expect(fromEditor(p), `${name}: publishes after indexing differ`).toEqual(fromEditor(after[0]));
      const editor = fromEditor(after[after.length - 1]);
      expect(editor, `${name}: the editor's diagnostics against the CLI's`).toEqual(fromCli.get(name));
      mismatches += editor.filter((d) => d.code === 'figure.mismatch').length;
    }
    // The comparison covered what it is about: defects, targets and mismatches across documents.
    const all = [...fromCli.entries()].filter(([n]) => n !== 'press-report.txt').flatMap(([, ds]) => ds);
    expect(all.filter((d) => d.code === 'figure.target').length).toBeGreaterThan(100);
    expect(all.filter((d) => d.code === 'quote.unopened')).toHaveLength(1);
    expect(mismatches).toBeGreaterThanOrEqual(7);
    const crossSeed = fromCli.get('003_d81496748c382e1e.txt')!.filter((d) => d.code === 'figure.mismatch');
    expect(crossSeed.length).toBeGreaterThan(0);
    for (const d of crossSeed) expect(d.related.map((r) => r.file)).toContain('press-brief.txt');
    const brief = fromCli.get('press-brief.txt')!.filter((d) => d.code === 'figure.mismatch');
    expect(brief.flatMap((d) => d.related.map((r) => r.file))).toContain('press-report.txt');
  });
});
