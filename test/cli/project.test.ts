/**
 * The BUILT command line with a project around the reports: the nearest .wengaorc.json and
 * .wengaoignore, --config, --lang, standard input, glob patterns, --max-warnings and the
 * github format. Run `node esbuild.js` first.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { basename, dirname, join } from 'path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { analyze, fingerprint } from '../../server/src/core';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';
import { withoutProofreading } from '../helpers/proofreading';

const SEEDS = join(ROOT, 'seeds');
const SEED_000 = '000_d4031d3451319d89.txt';
const SEED_002 = '002_823a23dd25e68816.txt';
const SEED_004 = '004_0624703ab3c854fd.txt';
const HAN = /[\u4e00-\u9fff]/;

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface JsonReport {
  version: number;
  files: { path: string; diagnostics: JsonDiagnostic[]; skipped?: string }[];
}

const temp = new TempDirs();
afterEach(() => temp.cleanup());

/** Writes files (path → text, or a seed to copy as `seed:NAME`) under a new temp folder. */
function project(files: Record<string, string>): string {
  const dir = temp.make('wengao-project-');
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    if (text.startsWith('seed:')) copyFileSync(join(SEEDS, text.slice(5)), p);
    else writeFileSync(p, text);
  }
  return dir;
}

const parse = (stdout: string) => JSON.parse(stdout) as JsonReport;
/** Each file's codes, without the proofreading checks' findings (see test/helpers/proofreading.ts). */
const codesOf = (doc: JsonReport) => Object.fromEntries(doc.files.map((f) => [f.path, withoutProofreading(f.diagnostics).map((d) => d.code)]));

describe('the project configuration', () => {
  it('applies the nearest .wengaorc.json: severities per code, exclude when walking a folder, named files always checked', async () => {
    const dir = project({
      '.wengaorc.json': '// 本项目\n{ "checks": { "heading.marker": "off", "quote.paragraph-break": "error" }, "exclude": ["归档/**"] }',
      'reports/002.txt': `seed:${SEED_002}`,
      '归档/000.txt': `seed:${SEED_000}`,
    });
    const r = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.files.map((f) => f.path)).toEqual([join('reports', '002.txt')]);
    const ds = withoutProofreading(doc.files[0].diagnostics);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['quote.paragraph-break', 'error']]);

    // Named on the command line, an excluded file is checked all the same.
    const named = await runCli(['check', join('归档', '000.txt'), '--format', 'json'], { cwd: dir });
    expect(codesOf(parse(named.stdout))).toEqual({ [join('归档', '000.txt')]: ['quote.unopened', 'quote.paragraph-break'] });
  });

  it('a folder whose reports are all excluded: exit 2 saying so', async () => {
    const dir = project({ '.wengaorc.json': '{ "include": ["*.md"] }', 'a.txt': `seed:${SEED_000}` });
    const r = await runCli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/include\/exclude/);
    expect(r.stdout).toBe('');
  });

  it('the nearest config wins over one further up, and --config replaces both', async () => {
    const dir = project({
      '.wengaorc.json': '{ "checks": { "quote": "off" } }',
      'city/.wengaorc.json': '{ "checks": { "heading": "off" } }',
      'city/002.txt': `seed:${SEED_002}`,
      'province/002.txt': `seed:${SEED_002}`,
      'strict.json': '{ "checks": { "quote.paragraph-break": "hint" } }',
    });
    const r = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(codesOf(parse(r.stdout))).toEqual({
      [join('city', '002.txt')]: ['quote.paragraph-break'],
      [join('province', '002.txt')]: Array(6).fill('heading.marker'),
    });
    const x = await runCli(['check', '.', '--format', 'json', '--config', 'strict.json', '--min-severity', 'hint'], { cwd: dir });
    const doc = parse(x.stdout);
    for (const f of doc.files) {
      expect(f.diagnostics.filter((d) => d.code === 'heading.marker')).toHaveLength(6);
      expect(f.diagnostics.find((d) => d.code === 'quote.paragraph-break')?.severity).toBe('hint');
    }
  });

  it('an unreadable --config: exit 2 naming it, nothing checked', async () => {
    const dir = project({ 'a.txt': `seed:${SEED_000}` });
    for (const cfg of ['nope.json', dir]) {
      const r = await runCli(['check', 'a.txt', '--config', cfg], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/无法读取配置文件|cannot read the config file/);
      expect(r.stderr).toContain(cfg === dir ? dir : 'nope.json');
      expect(r.stdout).toBe('');
    }
  });

  it("reports a broken config's problems as findings of the config file, and checks the reports with the defaults", async () => {
    const dir = project({ '.wengaorc.json': '{ "checks": { "heading.marker": "off" }, "yaer": 2026, ', 'a.txt': `seed:${SEED_004}` });
    const r = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.files.map((f) => f.path)).toEqual(['.wengaorc.json', 'a.txt']);
    const [config] = doc.files;
    expect(config.diagnostics.map((d) => [d.code, d.severity])).toEqual(
      expect.arrayContaining([['config.syntax', 'error'], ['config.unknown-key', 'warning']]),
    );
    for (const d of config.diagnostics) expect(d.message).toMatch(HAN);
    const unknown = config.diagnostics.find((d) => d.code === 'config.unknown-key')!;
    const text = readFileSync(join(dir, '.wengaorc.json'), 'utf8');
    expect(text.slice(unknown.range.start.character, unknown.range.end.character)).toBe('"yaer"');
    expect(withoutProofreading(doc.files[1].diagnostics).map((d) => d.code)).toEqual(['quote.paragraph-break']);
    // Below --min-severity, the config file's warning goes, its error stays.
    const errorsOnly = parse((await runCli(['check', '.', '--format', 'json', '--min-severity', 'error'], { cwd: dir })).stdout);
    expect(new Set(errorsOnly.files[0].diagnostics.map((d) => d.code))).toEqual(new Set(['config.syntax']));
    const typo = project({ '.wengaorc.json': '{ "yaer": 2026 }', 'a.txt': `seed:${SEED_004}` });
    const quiet = parse((await runCli(['check', '.', '--format', 'json', '--min-severity', 'error'], { cwd: typo })).stdout);
    expect(quiet.files.map((f) => f.path)).toEqual(['a.txt']);
    // The text format names the config file like any other.
    const t = await runCli(['check', '.'], { cwd: dir });
    expect(t.stdout).toMatch(/^\.wengaorc\.json:1:\d+: (error config\.syntax|warning config\.unknown-key) /m);
  });

  it('the config\'s "language": "en" gives English messages; --lang wins over it', async () => {
    const dir = project({ '.wengaorc.json': '{ "language": "en", "year": 1800 }', 'a.txt': `seed:${SEED_004}` });
    const en = parse((await runCli(['check', '.', '--format', 'json'], { cwd: dir })).stdout);
    const bad = en.files[0].diagnostics;
    expect(bad.map((d) => d.code)).toEqual(['config.invalid']);
    expect(bad[0].message).toMatch(/^"year" should be a year/);
    expect(withoutProofreading(en.files[1].diagnostics).map((d) => d.message)).toEqual([expect.stringMatching(/^The quotation “…” opens on line 87/)]);
    const zh = parse((await runCli(['check', '.', '--format', 'json', '--lang', 'zh'], { cwd: dir })).stdout);
    expect(zh.files[0].diagnostics[0].message).toMatch(/^“year”应是/);
    expect(withoutProofreading(zh.files[1].diagnostics)[0].message).toMatch(/^引号“…”被空行分在/);
    const bogus = await runCli(['check', '.', '--lang', 'fr'], { cwd: dir });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/--lang/);
  });
});

describe('suppression', () => {
  it('.wengaoignore silences a finding by fingerprint; the summary counts it; a malformed line is a finding of the ignore file', async () => {
    const dir = project({
      '.wengaoignore': `# 已核实\n${SEED_000} quote.unopened *  # 原文如此\nthis line is wrong\n`,
      [SEED_000]: `seed:${SEED_000}`,
    });
    const r = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(codesOf(parse(r.stdout))).toEqual({ '.wengaoignore': ['config.invalid'], [SEED_000]: ['quote.paragraph-break'] });
    expect(parse(r.stdout).files[0].diagnostics[0].range.start.line).toBe(2);
    expect(r.stderr).toMatch(/已忽略 1 个/);
  });

  it('a line whose fingerprint matches no finding of its report is a note on the ignore file; one that matches is not', async () => {
    const text = '关于开展安全生产检查的通知\n\n各单位要认真落实十五”规划部署。\n';
    const finding = analyze(text, { kind: 'plaintext' }).findings.find((f) => f.code === 'quote.unopened')!;
    const real = fingerprint(text, finding);
    const dir = project({
      '.wengaoignore': `notice.txt quote.unopened ${real}  # 原文如此\nnotice.txt quote.unopened 0123456789abcdef  # 编造的\n`,
      'notice.txt': text,
    });
    const r = await runCli(['check', '.', '--format', 'json', '--min-severity', 'hint'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const ignore = parse(r.stdout).files.find((f) => f.path === '.wengaoignore')!;
    expect(ignore.diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([['config.invalid', 'information', 1]]);
    expect(ignore.diagnostics[0].message).toMatch(/此行不再屏蔽任何问题.*0123456789abcdef/);
    expect(r.stderr).toMatch(/已忽略 1 个/);
  });

  it('a line for a code the config turns off is not called stale: nothing of it is found to silence (as in the editor)', async () => {
    const text = '关于开展安全生产检查的通知\n\n各单位要认真落实十五”规划部署。\n';
    const dir = project({
      '.wengaorc.json': '{ "checks": { "quote": "off" } }',
      '.wengaoignore': 'notice.txt quote.unopened 0123456789abcdef  # 编造的\n',
      'notice.txt': text,
    });
    const r = await runCli(['check', '.', '--format', 'json', '--min-severity', 'hint'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).files.find((f) => f.path === '.wengaoignore')?.diagnostics ?? []).toEqual([]);
  });
});

describe('standard input', () => {
  const seed000 = readFileSync(join(SEEDS, SEED_000), 'utf8');

  it('- reads a report from standard input, shown as <stdin>, decoded like a file', async () => {
    for (const input of [Buffer.from(seed000, 'utf8'), iconv.encode(seed000, 'gb18030'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed000, 'utf16le')])]) {
      const r = await runCli(['check', '-', '--format', 'json'], { input });
      expect(r.code, r.stderr).toBe(1);
      const doc = parse(r.stdout);
      expect(doc.files.map((f) => f.path)).toEqual(['<stdin>']);
      expect(withoutProofreading(doc.files[0].diagnostics).map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
        ['quote.unopened', 62, 1],
        ['quote.paragraph-break', 134, 134],
      ]);
    }
    const bad = await runCli(['check', '-'], { input: Buffer.from('Le café est prêt.\nÿ\n', 'latin1') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/<stdin>.*(cannot decode|无法识别编码)/);
  });

  it('--stdin-filename: its config applies, its extension sets the kind, and it stands in for that file on disk', async () => {
    // Chinese enough to pass the language gate, comment and all.
    const md = '# 关于“十五五”规划开局之年的工作报告\n\n<!-- wengao-disable-next-line quote.unopened -->\n五”开局之年，全省经济运行总体平稳、稳中有进。\n\n又一个五”开局之年，我们要继续努力，推动高质量发展。\n';
    const dir = project({ '.wengaorc.json': '{ "checks": { "quote.unopened": "warning" } }', 'docs/a.md': '# 旧的\n\n没有问题。\n', 'docs/b.txt': `seed:${SEED_004}` });
    const r = await runCli(['check', 'docs', '-', '--stdin-filename', join('docs', 'a.md'), '--format', 'json'], { cwd: dir, input: md });
    expect(r.code, r.stderr).toBe(1);
    const doc = parse(r.stdout);
    // Listed once, where '-' stands, with the text from standard input; the comment works (markdown).
    expect(doc.files.map((f) => f.path)).toEqual([join('docs', 'b.txt'), join('docs', 'a.md')]);
    const a = doc.files[1].diagnostics;
    expect(a.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([['quote.unopened', 'warning', 5]]);
    // As plain text the comment is text like any other: both closing marks are reported.
    const txt = await runCli(['check', '-', '--stdin-filename', join('docs', 'a.txt'), '--format', 'json'], { cwd: dir, input: md });
    expect(parse(txt.stdout).files[0].diagnostics.map((d) => d.range.start.line)).toEqual([3, 5]);

    const lonely = await runCli(['check', 'docs', '--stdin-filename', 'x.md'], { cwd: dir });
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toMatch(/--stdin-filename/);
  });
});

describe('glob patterns', () => {
  it('a quoted glob is expanded, sorted, filtered by the config\'s exclude', async () => {
    const r = await runCli(['check', 'seeds/00[01]*.txt', '--format', 'json']);
    expect(parse(r.stdout).files.map((f) => basename(f.path))).toEqual([SEED_000, '001_35a3e5c16cba96b6.txt']);
    const dir = project({ '.wengaorc.json': '{ "exclude": ["archive"] }', 'a/x.txt': `seed:${SEED_004}`, 'archive/y.txt': `seed:${SEED_000}`, 'b/z.md': '# 标题\n' });
    const g = await runCli(['check', '**/*.txt', '--format', 'json'], { cwd: dir });
    expect(g.code, g.stderr).toBe(1);
    expect(parse(g.stdout).files.map((f) => f.path)).toEqual([join('a', 'x.txt')]);
  });

  it('a config glob whose matching would take exponential time is reported as config.invalid and left out; the run does not stall', async () => {
    // (*a*a*…*b against a name of 34 a's took 16.8 s a report: the matcher backtracks.)
    const name = `${'a'.repeat(34)}.txt`;
    const dir = project({ '.wengaorc.json': '{ "exclude": ["*a*a*a*a*a*a*a*a*a*a*b"] }', [name]: '文档\n\n要推进“百日攻坚行动。\n' });
    const r = await runCli(['check', '.', '--format', 'json'], { cwd: dir, timeoutMs: 10_000 });
    expect(r.code, r.stderr).toBe(1);
    const byPath = Object.fromEntries(parse(r.stdout).files.map((f) => [f.path, f.diagnostics.map((d) => [d.code, d.message])]));
    expect(byPath['.wengaorc.json']).toEqual([['config.invalid', expect.stringMatching(/^模式在一段路径（两个 \/ 之间）中可变长的通配符.*多于 2 个，匹配代价过高；此模式不生效。$/)]]);
    expect(byPath[name].map(([code]) => code)).toContain('quote.unclosed');
  });

  it('a glob that matches nothing: exit 2 with a message naming it', async () => {
    const r = await runCli(['check', 'seeds/**/*.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('seeds/**/*.docx');
    expect(r.stderr).toMatch(/matches no file/);
    expect(r.stdout).toBe('');
  });

  it('when the config leaves every report out because its patterns were refused, the refusals are shown with the usage error', async () => {
    // (Every include pattern refused: the config includes nothing, and only the refusals say why.)
    const dir = project({ '.wengaorc.json': '{\n  "include": ["+(a|b)", "!(!(!(x)))"]\n}\n', 'r/x.txt': '文档\n\n要推进“百日攻坚行动。\n' });
    const folder = await runCli(['check', 'r', '--format', 'json'], { cwd: dir });
    expect(folder.code, folder.stderr).toBe(2);
    expect(folder.stdout).toBe('');
    expect(folder.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^wengao: \.wengaorc\.json:2:15: error config\.invalid 模式含重复的多选组/),
      expect.stringMatching(/^wengao: \.wengaorc\.json:2:25: error config\.invalid 模式组嵌套超过 2 层/),
      expect.stringMatching(/every report in the folder is excluded by the config's include\/exclude\): r$/),
    ]);
    // A glob is held to the config's exclude only; the same holds there, in English with --lang en.
    writeFileSync(join(dir, '.wengaorc.json'), '{ "exclude": ["r/**", "{1..100000}"] }');
    const glob = await runCli(['check', 'r/*.txt', '--lang', 'en'], { cwd: dir });
    expect(glob.code, glob.stderr).toBe(2);
    expect(glob.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^wengao: \.wengaorc\.json:1:23: error config\.invalid The pattern is a brace range/),
      expect.stringMatching(/every file the glob matches is excluded by the config's exclude\): r\/\*\.txt$/),
    ]);
  });
});

describe('--max-warnings and exit status', () => {
  it('warnings fail by default; --max-warnings N allows N; -1 any; errors always fail', async () => {
    const dir = project({ 'a.txt': `seed:${SEED_004}`, 'e.txt': `seed:${SEED_000}` });
    const run = (...args: string[]) => runCli(['check', 'a.txt', ...args], { cwd: dir });
    // Seed 004 has warnings only: its paragraph break and the proofreading checks' findings. N,
    // their number, is read from the report itself, so that the limit stays at the edge whatever
    // the checks find: N - 1 fails, N passes.
    const found = parse((await run('--format', 'json')).stdout).files[0].diagnostics;
    expect(withoutProofreading(found).map((d) => [d.code, d.severity])).toEqual([['quote.paragraph-break', 'warning']]);
    expect(found.filter((d) => d.severity !== 'warning'), 'the input must have warnings only').toEqual([]);
    const n = found.length;
    expect((await run()).code).toBe(1);
    expect((await run('--max-warnings', '0')).code).toBe(1);
    expect((await run('--max-warnings', String(n - 1))).code).toBe(1);
    expect((await run('--max-warnings', String(n))).code).toBe(0);
    expect((await run('--max-warnings', String(n + 1))).code).toBe(0);
    expect((await run('--max-warnings=-1')).code).toBe(0);
    expect((await runCli(['check', 'e.txt', '--max-warnings', '-1'], { cwd: dir })).code).toBe(1);
    const bad = await run('--max-warnings', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('many');
  });

  it('--help has the table of exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['--max-warnings', '--config', '--lang', '--stdin-filename', 'sarif', 'github']) expect(r.stdout).toContain(s);
    expect(r.stdout).toMatch(/^ {2}0 /m);
    expect(r.stdout).toMatch(/^ {2}1 /m);
    expect(r.stdout).toMatch(/^ {2}2 /m);
  });
});

describe('--format github', () => {
  it('one workflow command per finding, the level by severity, properties escaped', async () => {
    const r = await runCli(['check', 'seeds', '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l).toMatch(/^::(error|warning) file=seeds\/\d{3}_[0-9a-f]+\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=wengao [a-z.-]+::\S/);
    // One per finding: as many as in the JSON report, the ten pairing and heading defects among them.
    const json = parse((await runCli(['check', 'seeds', '--format', 'json'])).stdout);
    expect(lines).toHaveLength(json.files.reduce((n, f) => n + f.diagnostics.length, 0));
    const defects = withoutProofreading(lines, (l) => /,title=wengao ([a-z.-]+)::/.exec(l)?.[1]);
    expect(defects).toHaveLength(10);
    expect(defects[0]).toMatch(/^::error file=seeds\/000_d4031d3451319d89\.txt,line=63,col=2,endLine=63,endColumn=3,title=wengao quote\.unopened::右引号/);
    const info = await runCli(['check', join('seeds', '003_d81496748c382e1e.txt'), '--format', 'github', '--min-severity', 'information']);
    expect(info.stdout).toMatch(/^::notice .*title=wengao figure\.target::目标/m);

    const dir = project({ 'a,b:c.txt': `seed:${SEED_004}` });
    const odd = await runCli(['check', '.', '--format', 'github'], { cwd: dir });
    const oddLines = odd.stdout.trimEnd().split('\n');
    for (const l of oddLines) expect(l).toMatch(/^::warning file=a%2Cb%3Ac\.txt,line=\d+,/);
    expect(withoutProofreading(oddLines, (l) => /,title=wengao ([a-z.-]+)::/.exec(l)?.[1])).toEqual([
      expect.stringMatching(/^::warning file=a%2Cb%3Ac\.txt,line=87,.*,title=wengao quote\.paragraph-break::/),
    ]);
  });

  it('escapes like the Actions toolkit', () => {
    expect(escapeData('50%\r\n下一行')).toBe('50%25%0D%0A下一行');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });
});
