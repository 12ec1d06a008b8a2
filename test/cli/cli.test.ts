/**
 * The BUILT command line (`node dist/cli.js`), run as a child process: exit status, text and
 * JSON output, and reading reports in the encodings they come in. Run `node esbuild.js` first.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { basename, join } from 'path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';
import { pseudoRandomBytes } from '../helpers/prng.mjs';
import { withoutProofreading } from '../helpers/proofreading';

const SEEDS = join(ROOT, 'seeds');
const SEED_000 = '000_d4031d3451319d89.txt';
const SEED_002 = '002_823a23dd25e68816.txt';
const seedText = (f: string) => readFileSync(join(SEEDS, f), 'utf8');

interface Pos {
  line: number;
  character: number;
}
interface Range {
  start: Pos;
  end: Pos;
}
interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: Range;
  related: { path: string; range: Range; message: string }[];
}
interface JsonReport {
  version: number;
  files: { path: string; diagnostics: JsonDiagnostic[]; skipped?: string }[];
}

const TEXT_LINE = /^[^:]+:\d+:\d+: (error|warning) ([a-z.-]+) .+$/;
const HAN = /[\u4e00-\u9fff]/;

const temp = new TempDirs();
afterEach(() => temp.cleanup());

function parse(stdout: string): JsonReport {
  const doc = JSON.parse(stdout) as JsonReport;
  expect(doc.version).toBe(1);
  expect(Array.isArray(doc.files)).toBe(true);
  return doc;
}

/** The character at a 0-based line and UTF-16 column of a text with "\n" (or "\r\n") breaks. */
function charAt(text: string, p: Pos): string {
  const line = text.split('\n')[p.line];
  return line === undefined ? '' : line.charAt(p.character);
}

/** A diagnostic without the file's path, to compare the same report across encodings. */
const positions = (ds: JsonDiagnostic[]) =>
  ds.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, related: d.related.map((r) => ({ range: r.range, message: r.message })) }));

describe('wengao check on the seeds', () => {
  it('--format json: version 1, five files, exactly the known defects, 0-based ranges, exit 1', async () => {
    const r = await runCli(['check', 'seeds', '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.files.map((f) => basename(f.path))).toEqual([
      '000_d4031d3451319d89.txt', '001_35a3e5c16cba96b6.txt', '002_823a23dd25e68816.txt',
      '003_d81496748c382e1e.txt', '004_0624703ab3c854fd.txt',
    ]);
    for (const f of doc.files) expect(f.skipped).toBeUndefined();
    const found = doc.files.flatMap((f) => f.diagnostics.map((d) => ({ file: basename(f.path).slice(0, 3), code: d.code, d, path: f.path })));
    const every = withoutProofreading(found);
    // The four pairing defects of issue 2, and six half-width markers in 002 (heading.marker).
    // Besides these, only the proofreading checks' findings (punct.half-width counted below).
    expect(every.map(({ file, code }) => [file, code])).toEqual([
      ['000', 'quote.unopened'],
      ['000', 'quote.paragraph-break'],
      ...Array(4).fill(['002', 'heading.marker']),
      ['002', 'quote.paragraph-break'],
      ...Array(2).fill(['002', 'heading.marker']),
      ['004', 'quote.paragraph-break'],
    ]);
    for (const x of every.filter((x) => x.code === 'heading.marker')) {
      expect(charAt(readFileSync(join(ROOT, x.path), 'utf8'), x.d.range.start)).toBe('(');
    }
    const all = every.filter((x) => x.code.startsWith('quote.'));
    expect(all[0].d.range.start).toEqual({ line: 62, character: 1 });
    expect(all[0].d.severity).toBe('error');
    for (const x of all.slice(1)) expect(x.d.severity).toBe('warning');

    // 0-based: each range starts on the quotation mark it is about, in the file on disk.
    for (const { d, path } of all) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      expect(d.message).toMatch(HAN);
      expect(charAt(text, d.range.start), `${path} ${JSON.stringify(d.range)}`).toMatch(/^[“”]$/);
      expect(d.range.end.line * 1e6 + d.range.end.character).toBeGreaterThan(d.range.start.line * 1e6 + d.range.start.character);
      for (const rel of d.related) {
        expect(rel.path).toBe(path);
        expect(charAt(text, rel.range.start), `related of ${path} ${JSON.stringify(d.range)}`).toBe('”');
      }
    }
    const pbreak000 = all[1].d;
    expect(pbreak000.range.start.line).toBe(134);
    expect(pbreak000.related.map((x) => x.range.start.line)).toEqual([136]);

    // The proofreading checks' findings are left to test/core/seeds.test.ts mark by mark; the
    // count of each per seed file is stated here, so that a change in what the built CLI reports
    // is seen.
    const proofreading: Record<string, Record<string, number>> = {};
    for (const x of found.filter((x) => /^(?:punct|text|para)\./.test(x.code))) {
      const id = basename(x.path).slice(0, 3);
      proofreading[id] ??= {};
      proofreading[id][x.code] = (proofreading[id][x.code] ?? 0) + 1;
    }
    expect(proofreading).toEqual({
      // Two "(上接第一版)" lines alone (page furniture) and one at the head of its paragraph (para.page-break
      // too, its brackets not half-width's: the fix deletes it), one bracket pair on line 51.
      '000': { 'punct.half-width': 2, 'para.page-break': 19 },
      '001': { 'punct.half-width': 158 }, // 143 commas, 11 semicolons, 2 bracket pairs
      '002': { 'punct.half-width': 6, 'para.page-break': 56, 'punct.dunhao': 3 }, // “两个结合”、“六个必须坚持” and two more
      '003': { 'punct.half-width': 14, 'para.page-break': 8 },
      '004': { 'punct.half-width': 291, 'para.page-break': 3, 'text.doubled': 2, 'punct.dunhao': 1, 'punct.end-missing': 2 }, // 284 commas, 3 colons, 4 semicolons; two paragraphs that break off (聚焦新兴产业、新业态、 / 辽阳境内“一十五支)
    });
    const halfWidth = found.filter((x) => x.code === 'punct.half-width');
    // Each a warning on the half-width mark it is about, in the file on disk.
    const onDisk = new Map(doc.files.map((f) => [f.path, readFileSync(join(ROOT, f.path), 'utf8')]));
    for (const { d, path } of halfWidth) {
      expect(d.severity).toBe('warning');
      expect(d.message).toMatch(HAN);
      expect(charAt(onDisk.get(path)!, d.range.start), `${path} ${JSON.stringify(d.range)}`).toMatch(/^[,;:?!()]$/);
    }
  });

  it('text format: one line per finding, path:line:col: severity code message, 1-based, agreeing with JSON', async () => {
    const [text, json] = await Promise.all([runCli(['check', 'seeds']), runCli(['check', 'seeds', '--format=json'])]);
    expect(text.code, text.stderr).toBe(1);
    const lines = text.stdout.split('\n').filter((l) => l !== '');
    for (const l of lines) expect(l).toMatch(TEXT_LINE);
    // The ten pairing and heading defects (the proofreading checks' are counted in the JSON test).
    const defects = withoutProofreading(lines, (l) => TEXT_LINE.exec(l)?.[2]);
    expect(defects).toHaveLength(10);
    const fromJson = parse(json.stdout).files.flatMap((f) =>
      f.diagnostics.map((d) => `${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`),
    );
    expect(lines).toEqual(fromJson);
    expect(defects[0]).toMatch(/^seeds[\\/]000_d4031d3451319d89\.txt:63:2: error quote\.unopened /);
  });
});

describe('the word list beside the bundle', () => {
  it('the built CLI tells words by it (dist/lexicon.txt), not by the runtime\'s ICU dictionary', async () => {
    // (ICU's dictionary lacks 业态: 服务业|业|态 reads as a doubling; jieba's list has 服务业|业态.)
    const r = await runCli(['check', '-', '--min-severity', 'hint'], { input: '通知\n\n鼓励生活性服务业业态创新，省京剧院院长出席。\n' });
    expect(r.stderr).not.toMatch(/word list not read/);
    expect(r.stdout).not.toMatch(/text\.doubled/);
    expect(r.code).toBe(0);
  });
});

describe('wengao usage errors', () => {
  it('a missing path: exit 2 and a message naming it', async () => {
    const missing = join(temp.make(), 'no-such-report.txt');
    const r = await runCli(['check', missing, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stdout).toBe('');
  });

  it('a missing path next to a good one still fails with 2', async () => {
    const r = await runCli(['check', join('seeds', SEED_000), 'nope-not-here.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope-not-here.md');
  });

  it('a folder with no reports: exit 2 and a message', async () => {
    const empty = temp.make();
    const r = await runCli(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(empty);
    expect(r.stdout).toBe('');

    const other = temp.make();
    writeFileSync(join(other, 'slides.pdf'), '%PDF-1.4\n');
    mkdirSync(join(other, 'sub'));
    writeFileSync(join(other, 'sub', 'data.csv'), 'a,b\n');
    const r2 = await runCli(['check', other]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(other);
  });

  it('an unknown option: exit 2 naming it', async () => {
    const r = await runCli(['check', 'seeds', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
    expect(r.stdout).toBe('');
    // (The hint about -- is for an argument that looks like a file, not for a mistyped option.)
    expect(r.stderr).not.toContain('goes after --');
    const file = await runCli(['check', '-草稿.txt']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('goes after --');
  });

  it.each([
    [['--format', 'xml']],
    [['--format=yaml']],
    [['--format']],
  ])('an unknown --format value %j: exit 2', async (opt) => {
    const r = await runCli(['check', 'seeds', ...opt]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
    const v = opt.join('=').split('=')[1];
    if (v) expect(r.stderr).toContain(v);
    expect(r.stdout).toBe('');
  });

  it('--help: exit 0 and the usage on stdout', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wengao check/);
    expect(r.stdout).toMatch(/--format/);
  });
});

describe('wengao reading files', () => {
  it('an empty .txt: exit 0, no diagnostics, said to be empty', async () => {
    const dir = temp.make();
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const json = await runCli(['check', file, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(parse(json.stdout).files).toEqual([{ path: file, diagnostics: [], notAnalyzed: '空文件 (empty)' }]);
    const text = await runCli(['check', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('');
  });

  it('a binary x.txt is skipped with a message saying so; the other files are still checked', async () => {
    const dir = temp.make();
    const bin = pseudoRandomBytes(4096, 20240601);
    for (let i = 0; i < bin.length; i += 7) bin[i] = 0;
    writeFileSync(join(dir, 'x.txt'), bin);
    copyFileSync(join(SEEDS, SEED_000), join(dir, 'report.txt'));
    writeFileSync(join(dir, 'clean.md'), '# 标题\n\n这是一段没有问题的文字。\n');
    const r = await runCli(['check', dir, '--format', 'json']);
    // A file that could not be checked makes the run incomplete: exit 2, after the others.
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/x\.txt.*binary|binary.*x\.txt/i);
    const doc = parse(r.stdout);
    const byName = Object.fromEntries(doc.files.map((f) => [basename(f.path), f]));
    expect(Object.keys(byName).sort()).toEqual(['clean.md', 'report.txt', 'x.txt']);
    expect(byName['x.txt'].skipped).toMatch(/binary/i);
    expect(byName['x.txt'].diagnostics).toEqual([]);
    expect(byName['report.txt'].skipped).toBeUndefined();
    expect(withoutProofreading(byName['report.txt'].diagnostics).map((d) => d.code)).toEqual(['quote.unopened', 'quote.paragraph-break']);
    expect(byName['clean.md']).toEqual({ path: join(dir, 'clean.md'), diagnostics: [] });
  });

  it('bytes that are neither UTF-8, UTF-16 nor GB18030 are skipped with a clear message', async () => {
    const dir = temp.make();
    // Windows-1252 text: "é " is not a GB18030 pair, ÿ (0xFF) is no GB18030 lead byte, and neither is UTF-8.
    const bytes = Buffer.from('Le café est prêt.\nÿ\n', 'latin1');
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, bytes);
    copyFileSync(join(SEEDS, SEED_000), join(dir, 'ok.txt'));
    const r = await runCli(['check', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(2);
    const line = r.stderr.split('\n').find((l) => l.includes('latin1.txt'));
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(/cannot decode|无法识别编码/i);
    const doc = parse(r.stdout);
    const bad = doc.files.find((f) => basename(f.path) === 'latin1.txt')!;
    expect(bad.skipped).toMatch(/UTF-8/);
    expect(bad.skipped).toMatch(/GB18030/);
    expect(bad.diagnostics).toEqual([]);
    expect(withoutProofreading(doc.files.find((f) => basename(f.path) === 'ok.txt')!.diagnostics)).toHaveLength(2);
  });

  describe('seed 000 in other encodings gives the same two findings at the same positions', () => {
    const text = seedText(SEED_000);
    const encodings: [string, () => Buffer][] = [
      ['GB18030', () => iconv.encode(text, 'gb18030')],
      ['UTF-16LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['UTF-16LE without BOM', () => Buffer.from(text, 'utf16le')],
      ['UTF-16BE with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
      ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ];

    it.each(encodings)('%s', async (_name, encode) => {
      const dir = temp.make();
      const bytes = encode();
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(false);
      writeFileSync(join(dir, 'encoded.txt'), bytes);
      copyFileSync(join(SEEDS, SEED_000), join(dir, 'utf8.txt'));
      const r = await runCli(['check', dir, '--format', 'json']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(/skipped|跳过/);
      const [encoded, utf8] = parse(r.stdout).files;
      expect(basename(encoded.path)).toBe('encoded.txt');
      expect(encoded.skipped).toBeUndefined();
      expect(withoutProofreading(utf8.diagnostics).map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
        ['quote.unopened', 62, 1],
        ['quote.paragraph-break', 134, 134],
      ]);
      // Every finding, the proofreading checks' too, the same in either encoding.
      expect(positions(encoded.diagnostics)).toEqual(positions(utf8.diagnostics));
    });
  });

  it('a ~20 MB report (seed 002 repeated): exit 1, valid JSON, one paragraph break per copy', { timeout: 60_000 }, async () => {
    const dir = temp.make();
    const one = seedText(SEED_002);
    const piece = one.endsWith('\n') ? one + '\n' : one + '\n\n';
    const copies = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(piece));
    const file = join(dir, 'big.txt');
    writeFileSync(file, piece.repeat(copies));
    const linesPerCopy = piece.split('\n').length - 1;

    const r = await runCli(['check', file, '--format', 'json'], { timeoutMs: 55_000 });
    console.log(`20 MB check: ${copies} copies, ${Buffer.byteLength(piece) * copies} bytes, ${r.ms} ms`);
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.files).toHaveLength(1);
    const ds = doc.files[0].diagnostics;
    // Per copy: its paragraph break and its six half-width heading markers.
    expect(ds.filter((d) => d.code === 'quote.paragraph-break')).toHaveLength(copies);
    expect(ds.filter((d) => d.code === 'heading.marker')).toHaveLength(copies * 6);
    expect(withoutProofreading(ds).length).toBe(copies * 7);
    expect(ds.filter((d) => d.code === 'quote.paragraph-break').map((d) => d.range.start)).toEqual(
      Array.from({ length: copies }, (_, k) => ({ line: 447 + k * linesPerCopy, character: 242 })),
    );
  });
});

describe('wengao check across documents', () => {
  it('reports figure.mismatch on both sides, each with a related entry naming the other path and range', async () => {
    const dir = temp.make();
    const strip = (s: string) => s.replace(/⟦[^⟧]*⟧/g, '');
    const fixture = join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
    for (const f of ['report.txt', 'brief.txt']) writeFileSync(join(dir, f), strip(readFileSync(join(fixture, f), 'utf8')));
    const r = await runCli(['check', join(dir, 'report.txt'), join(dir, 'brief.txt'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const doc = parse(r.stdout);
    const byName = Object.fromEntries(doc.files.map((f) => [basename(f.path), f.diagnostics.filter((d) => d.code === 'figure.mismatch')]));
    expect(byName['brief.txt']).toHaveLength(3);
    expect(byName['report.txt']).toHaveLength(5);
    const briefText = readFileSync(join(dir, 'brief.txt'), 'utf8').split('\n');
    for (const d of byName['brief.txt']) {
      expect(d.message).toMatch(/《2026年辽宁省政府工作报告（节选）》第\d+行不一致/);
      expect(d.related.length).toBeGreaterThan(0);
      for (const rel of d.related) {
        expect(rel.path).toBe(join(dir, 'report.txt'));
        const line = readFileSync(rel.path, 'utf8').split('\n')[rel.range.start.line];
        expect(line.slice(rel.range.start.character, rel.range.end.character)).toMatch(/^\d/);
      }
      expect(briefText[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toMatch(/^(320个|1800人|48万人)$/);
    }
    // Alone, each file is consistent: no mismatch at all.
    const alone = await runCli(['check', join(dir, 'brief.txt'), '--format', 'json']);
    expect(parse(alone.stdout).files[0].diagnostics.filter((d) => d.code === 'figure.mismatch')).toEqual([]);
  });
  it('names the other document by its path in the text and github outputs, where the message names it by title', async () => {
    const dir = temp.make();
    const strip = (s: string) => s.replace(/⟦[^⟧]*⟧/g, '');
    const fixture = join(ROOT, 'test', 'fixtures', 'workspace', 'press-brief');
    for (const f of ['report.txt', 'brief.txt']) writeFileSync(join(dir, f), strip(readFileSync(join(fixture, f), 'utf8')));
    const json = parse((await runCli(['check', 'report.txt', 'brief.txt', '--format', 'json'], { cwd: dir })).stdout);
    const first = json.files.find((f) => f.path === 'brief.txt')!.diagnostics.find((d) => d.code === 'figure.mismatch')!;
    const where = `report.txt:${first.related[0].range.start.line + 1}:${first.related[0].range.start.character + 1}`;
    const text = (await runCli(['check', 'report.txt', 'brief.txt'], { cwd: dir })).stdout.split('\n');
    const line = text.find((l) => l.startsWith(`brief.txt:${first.range.start.line + 1}:${first.range.start.character + 1}: warning figure.mismatch`));
    expect(line).toContain(`（另见 ${where}`);
    expect(line).toMatch(TEXT_LINE);
    // Findings inside one document name no other file.
    expect(text.filter((l) => / quote\./.test(l)).every((l) => !l.includes('另见'))).toBe(true);
    const github = (await runCli(['check', 'report.txt', 'brief.txt', '--format', 'github'], { cwd: dir })).stdout;
    expect(github).toContain(`（另见 ${where}`);
    // In English, the pointer is English too.
    const en = (await runCli(['check', 'report.txt', 'brief.txt', '--lang', 'en'], { cwd: dir })).stdout;
    expect(en).toContain(`(see also ${where}`);
    expect(en).not.toContain('另见');
    const githubEn = (await runCli(['check', 'report.txt', 'brief.txt', '--format', 'github', '--lang', 'en'], { cwd: dir })).stdout;
    expect(githubEn).toContain(`(see also ${where}`);
  });
});
