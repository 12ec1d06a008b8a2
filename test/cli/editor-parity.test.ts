/**
 * The CLI and the editor give the same findings for the same input. The BUILT language server
 * (over stdio) gets a temp copy of seeds/ as its workspace folder, with the press-brief
 * fixture's report and brief beside the seeds (seed 003, the second half of the 2026 report,
 * disagrees with the brief: figure.mismatch across documents). The five seeds and the brief are
 * opened; the report stays closed, so the editor knows it from disk only. Once indexing has
 * finished, every open document's diagnostics must equal what `wengao check <folder> --format
 * json --min-severity hint` says of that file: code, severity, range, message and related
 * locations. A second case adds a project config (severities, English messages, an excluded
 * folder) and an ignore file. Run `node esbuild.js` first.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { StatusNotification, StatusParams } from '../../server/src/lsp/protocol';
import { runCli } from '../helpers/procCli';
import { LspProcess, ROOT, sandbox } from '../helpers/procLsp';

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

const SEED_NAMES = readdirSync(SEEDS);

const box = sandbox();

/** A temp workspace: the seeds, the press brief and report, and `extra` files (path → text). */
function workspace(extra: Record<string, string> = {}): string {
  const dir = box.tempDir('wengao-parity-');
  for (const f of SEED_NAMES) copyFileSync(join(SEEDS, f), join(dir, f));
  for (const f of ['report.txt', 'brief.txt']) writeFileSync(join(dir, `press-${f}`), readFileSync(join(FIXTURE, f), 'utf8').replace(/⟦[^⟧]*⟧/g, ''));
  for (const [name, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const fromEditor = (dir: string, p: PublishDiagnosticsParams): Comparable[] =>
  p.diagnostics.map((d) => ({
    code: String(d.code),
    severity: SEVERITY[d.severity ?? 1],
    message: typeof d.message === 'string' ? d.message : d.message.value,
    range: d.range,
    related: (d.relatedInformation ?? []).map((r) => ({ file: relative(dir, fileURLToPath(r.location.uri)), range: r.location.range, message: r.message })),
  }));

/**
 * Opens `opened` (paths relative to `dir`) in the built server with `dir` as workspace folder,
 * waits until indexing has finished and every open document was published after it, runs the
 * CLI over `dir`, and compares each open document. Returns the CLI's findings per file.
 */
async function compare(dir: string, opened: string[]): Promise<Map<string, Comparable[]>> {
  const s = new LspProcess();
  box.track(s);
  // Indexing has finished when the server says so: the log line the indexer writes the moment
  // the scan ends, or its status notification going from indexing to not indexing (throttled,
  // so it may come later; a fallback for a server that stops logging the line). Where the
  // publishes stood at that moment is taken in the handler itself, so that no publish computed
  // before the index was complete counts as one after it.
  let settledAt: number | undefined;
  let sawIndexing = false;
  s.conn.onNotification(StatusNotification, (p: StatusParams) => {
    if (p.indexing) sawIndexing = true;
    else if (sawIndexing && settledAt === undefined) settledAt = s.diagnostics.length;
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
  const uris = opened.map((f) => pathToFileURL(join(dir, f)).href);
  for (const [i, uri] of uris.entries()) {
    await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: opened[i].endsWith('.md') ? 'markdown' : 'plaintext', version: 1, text: readFileSync(join(dir, opened[i]), 'utf8') },
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
      relative(dir, f.path),
      f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, related: d.related.map((r) => ({ file: relative(dir, r.path), range: r.range, message: r.message })) })),
    );
  }
  for (const [i, uri] of uris.entries()) {
    const name = opened[i];
    const after = s.diagnostics.slice(settledAt).filter((p) => p.uri === uri);
    // Stable: every publish after indexing says the same.
    for (const p of after.slice(1)) expect(fromEditor(dir, p), `${name}: publishes after indexing differ`).toEqual(fromEditor(dir, after[0]));
    // A file the config leaves out: nothing in the editor, not listed by the CLI.
    expect(fromEditor(dir, after[after.length - 1]), `${name}: the editor's diagnostics against the CLI's`).toEqual(fromCli.get(name) ?? []);
  }
  return fromCli;
}

describe('the CLI and the editor', () => {
  it('give the same findings on the seeds, figure.mismatch across documents included', { timeout: 90_000 }, async () => {
    const dir = workspace();
    const fromCli = await compare(dir, [...SEED_NAMES, 'press-brief.txt']);
    // The comparison covered what it is about: defects, targets and mismatches across documents.
    const all = [...fromCli.entries()].filter(([n]) => n !== 'press-report.txt').flatMap(([, ds]) => ds);
    expect(all.filter((d) => d.code === 'figure.target').length).toBeGreaterThan(100);
    expect(all.filter((d) => d.code === 'quote.unopened')).toHaveLength(1);
    expect(all.filter((d) => d.code === 'figure.mismatch').length).toBeGreaterThanOrEqual(7);
    const crossSeed = fromCli.get('003_d81496748c382e1e.txt')!.filter((d) => d.code === 'figure.mismatch');
    expect(crossSeed.length).toBeGreaterThan(0);
    for (const d of crossSeed) expect(d.related.map((r) => r.file)).toContain('press-brief.txt');
    const brief = fromCli.get('press-brief.txt')!.filter((d) => d.code === 'figure.mismatch');
    expect(brief.flatMap((d) => d.related.map((r) => r.file))).toContain('press-report.txt');
  });

  it('give the same findings with a project config and an ignore file: severities, English, an excluded folder, suppression', { timeout: 90_000 }, async () => {
    const dir = workspace({
      '.wengaorc.json': '{ "checks": { "heading.marker": "error", "figure.target": "hint" }, "language": "en", "exclude": ["归档/**"] }',
      '.wengaoignore': '000_d4031d3451319d89.txt quote.unopened *  # 原文如此\n',
      // Left out by the config: its figures must not reach the comparisons either.
      '归档/press-brief-old.txt': readFileSync(join(FIXTURE, 'brief.txt'), 'utf8').replace(/⟦[^⟧]*⟧/g, '').replace('320个', '330个'),
    });
    const fromCli = await compare(dir, [...SEED_NAMES, 'press-brief.txt', join('归档', 'press-brief-old.txt')]);
    expect(fromCli.has(join('归档', 'press-brief-old.txt'))).toBe(false);
    const all = [...fromCli.values()].flat();
    expect(all.some((d) => d.code === 'quote.unopened')).toBe(false);
    expect(all.filter((d) => d.code === 'heading.marker').every((d) => d.severity === 'error')).toBe(true);
    expect(all.filter((d) => d.code === 'figure.target').every((d) => d.severity === 'hint')).toBe(true);
    // English: no Han outside the quoted document text.
    for (const d of all) expect(d.message.replace(/"[^"]*"|“[^”]*”/g, ''), d.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(all.filter((d) => d.code === 'figure.mismatch').length).toBeGreaterThan(0);
  });
});
