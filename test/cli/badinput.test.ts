/**
 * The built CLI on inputs the other CLI tests leave out: line ends other than LF, GB18030 with
 * its own BOM, GBK, UTF-16BE without a BOM, a stray NUL, UTF-8 bytes of a lone surrogate, an
 * image renamed .txt, and empty or binary standard input.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { join } from 'path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, TempDirs, runCli } from '../helpers/procCli';
import { withoutProofreading } from '../helpers/proofreading';

const SEED_000 = readFileSync(join(ROOT, 'seeds', '000_d4031d3451319d89.txt'), 'utf8');
/** The two pairing defects of seed 000 (its proofreading findings aside: see test/helpers/proofreading.ts). */
const TWO = [
  ['quote.unopened', 62, 1],
  ['quote.paragraph-break', 134, 134],
];

interface JsonReport {
  files: { path: string; skipped?: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[];
}

const temp = new TempDirs();
afterEach(() => temp.cleanup());

describe('wengao check on odd bytes', () => {
  it('seed 000 with CRLF and a BOM, CR only, GB18030 with its BOM, GBK, UTF-16BE without BOM, a trailing NUL: the same two findings; undecodable ones skipped', async () => {
    const dir = temp.make();
    const files: Record<string, Buffer> = {
      'crlf-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED_000.replace(/\n/g, '\r\n'))]),
      'cr.txt': Buffer.from(SEED_000.replace(/\n/g, '\r')),
      'gb18030-bom.txt': Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(SEED_000, 'gb18030')]),
      'gbk.txt': iconv.encode(SEED_000, 'gbk'),
      'utf16be.txt': Buffer.from(SEED_000, 'utf16le').swap16(),
      'nul.txt': Buffer.concat([Buffer.from(SEED_000), Buffer.from([0])]),
      // UTF-8 bytes of a lone surrogate (CESU-8): neither valid UTF-8 nor GB18030.
      'cesu.txt': Buffer.concat([Buffer.from(SEED_000.slice(0, 2000)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(SEED_000.slice(2000))]),
      'image.txt': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const r = await runCli(['check', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(2);
    const doc = JSON.parse(r.stdout) as JsonReport;
    const byName = Object.fromEntries(doc.files.map((f) => [f.path.split(/[\\/]/).pop()!, f]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(files).sort());
    for (const name of ['crlf-bom.txt', 'cr.txt', 'gb18030-bom.txt', 'gbk.txt', 'utf16be.txt', 'nul.txt']) {
      expect(byName[name].skipped, name).toBeUndefined();
      expect(withoutProofreading(byName[name].diagnostics).map((d) => [d.code, d.range.start.line, d.range.start.character]), name).toEqual(TWO);
    }
    expect(byName['cesu.txt'].skipped).toMatch(/GB18030/);
    expect(byName['image.txt'].skipped).toMatch(/binary|二进制/i);
    expect(r.stderr).toMatch(/cesu\.txt/);
    expect(r.stderr).toMatch(/image\.txt/);
  });

  it('a file not in Chinese is said to be not checked, with its reason, in JSON, SARIF and on stderr; no error', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'notes.txt'), 'Meeting notes, in English only: nothing here is a report.\n');
    writeFileSync(join(dir, '简报.txt'), '今年力争新增就业岗位3万个。\n');
    const r = await runCli(['check', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: { path: string; notAnalyzed?: string }[] };
    const notes = doc.files.find((f) => f.path.endsWith('notes.txt'))!;
    expect(notes.notAnalyzed).toMatch(/不以中文为主.*not predominantly Chinese/);
    expect(doc.files.find((f) => f.path.endsWith('简报.txt'))!.notAnalyzed).toBeUndefined();
    expect(r.stderr).toMatch(/未作为报告检查 \(not checked as a report\) .*notes\.txt/);
    const sarif = await runCli(['check', dir, '--format', 'sarif']);
    expect(sarif.stdout).toContain('not checked as a report');
    // GitHub Actions: a notice on the file, not an error.
    const github = await runCli(['check', dir, '--format', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(/^::notice file=.*notes\.txt,title=wengao::未作为报告检查 \(not checked as a report\): 不以中文为主/m);
    expect(github.stdout).not.toMatch(/^::error file=.*notes\.txt/m);
  });

  it('empty standard input: exit 0 and nothing found; binary standard input: skipped, exit 2', async () => {
    const empty = await runCli(['check', '-', '--format', 'json'], { input: Buffer.alloc(0) });
    expect(empty.code, empty.stderr).toBe(0);
    expect((JSON.parse(empty.stdout) as JsonReport).files).toEqual([{ path: '<stdin>', diagnostics: [], notAnalyzed: '空文件 (empty)' }]);
    const binary = await runCli(['check', '-', '--format', 'json'], { input: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/<stdin>.*(binary|二进制)/i);
  });
});

describe('wengao figures on odd bytes, and --lang en', () => {
  it('skips a file it cannot read with its reason and exits 2, as check does; says what it did not read as a report', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'image.txt'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    writeFileSync(join(dir, 'notes.txt'), 'Meeting notes, in English only.\n');
    writeFileSync(join(dir, '简报.txt'), '今年力争新增就业岗位3万个。\n');
    const r = await runCli(['figures', dir, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/跳过 \(skipped\) .*image\.txt/);
    expect(r.stderr).toMatch(/未作为报告读取 \(not read as a report\) .*notes\.txt/);
    expect(r.stderr).toMatch(/3 个文件，1 项数据，跳过 1 个/);
    expect(r.stdout).toContain('3万个');
  });

  it('with --lang en, the summary lines and the table headers are English', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, '简报.txt'), '今年力争新增就业岗位3万个。\n\n各单位要落实十五”规划部署。\n');
    const csv = await runCli(['figures', dir, '--format', 'csv', '--lang', 'en']);
    expect(csv.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('document,line,section,indicator,verb,text,value,max,unit,normalized value,normalized unit,comparator,period,region,kind');
    expect(csv.stdout).toMatch(/,target\r\n/);
    expect(csv.stderr).toBe('wengao: 1 file, 1 figure\n');
    const md = await runCli(['figures', dir, '--format', 'markdown', '--lang', 'en']);
    expect(md.stdout.split('\n')[2]).toBe('| document | line | section | indicator | amount | comparator | period | region | kind |');
    // The export is Wengao's own output: checked again, it is no report (no junk targets, no errors).
    const exports = temp.make();
    writeFileSync(join(exports, 'wengao-targets.md'), md.stdout);
    const again = await runCli(['check', exports, '--format', 'json', '--min-severity', 'hint']);
    const exported = (JSON.parse(again.stdout) as { files: { path: string; notAnalyzed?: string; diagnostics: unknown[] }[] }).files.find((f) => f.path.endsWith('wengao-targets.md'))!;
    expect(exported.diagnostics).toEqual([]);
    expect(exported.notAnalyzed).toMatch(/文稿导出的目标清单.*exported by Wengao|a list Wengao exported/);
    const check = await runCli(['check', dir, '--lang', 'en']);
    expect(check.stderr).toMatch(/^wengao: 1 file, 1 problem \(1 error, 0 warnings, 0 notes\)\n$/m);
    expect(check.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('wengao check on inputs without end', () => {
  it('a device, a named pipe and a file over the limit are skipped with a reason, not read', async () => {
    const dir = temp.make();
    // (A sparse file: 70 MB on paper, nothing on disk.)
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 70 * 1024 * 1024);
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['check', '/dev/zero', fifo, huge, '--format', 'json']);
    expect(r.code, r.stderr).toBe(2);
    const byName = Object.fromEntries((JSON.parse(r.stdout) as JsonReport).files.map((f) => [f.path.split(/[\\/]/).pop()!, f]));
    expect(byName['zero'].skipped).toMatch(/不是普通文件.*not a regular file/);
    expect(byName['pipe.txt'].skipped).toMatch(/不是普通文件/);
    expect(byName['huge.txt'].skipped).toMatch(/70 MB.*64 MB/);
  });

  it('--config that is a named pipe, a device or over 1 MB: exit 2 at once, saying why', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'a.txt'), '文档\n\n要推进“百日攻坚行动。\n');
    execFileSync('mkfifo', [join(dir, 'cfg.json')]);
    writeFileSync(join(dir, 'big.json'), '');
    truncateSync(join(dir, 'big.json'), 2 * 1024 * 1024);
    for (const [config, why] of [
      [join(dir, 'cfg.json'), /不是普通文件（设备、管道或套接字），未读取 \(not a regular file/],
      ['/dev/zero', /不是普通文件/],
      [join(dir, 'big.json'), /文件 2 MB，超过配置文件和忽略文件 1 MB 的上限，未读取 \(the file is 2 MB, over the 1 MB limit/],
    ] as const) {
      const r = await runCli(['check', '--config', config, join(dir, 'a.txt')], { timeoutMs: 5_000 });
      expect(r.signal, config).toBeNull();
      expect(r.code, config).toBe(2);
      expect(r.stdout, config).toBe('');
      expect(r.stderr, config).toMatch(new RegExp(`^wengao: 无法读取配置文件 \\(cannot read the config file\\) .*: ${why.source}`));
    }
  });

  it('a project .wengaorc.json that is a named pipe and a .wengaoignore over 1 MB are found, skipped with the reason in every format, exit 2; the reports are checked without them', async () => {
    const dir = temp.make();
    // (The config above: were the pipe passed over, it would apply in silence.)
    writeFileSync(join(dir, '.wengaorc.json'), '{ "checks": { "quote": "off" } }');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.txt'), '文档\n\n要推进“百日攻坚行动。\n');
    execFileSync('mkfifo', [join(sub, '.wengaorc.json')]);
    writeFileSync(join(sub, '.wengaoignore'), '');
    truncateSync(join(sub, '.wengaoignore'), 200 * 1024 * 1024);
    const r = await runCli(['check', sub, '--format', 'json'], { timeoutMs: 5_000 });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(2);
    const byName = Object.fromEntries((JSON.parse(r.stdout) as JsonReport).files.map((f) => [f.path.split(/[\\/]/).pop()!, f]));
    expect(byName['.wengaorc.json'].skipped).toMatch(/^不是普通文件.*；其下的报告不用它的设置 \(its settings do not apply to the reports under it\)$/);
    expect(byName['.wengaoignore'].skipped).toMatch(/^文件 200 MB，超过配置文件和忽略文件 1 MB 的上限，未读取 .*；它不为其下的报告忽略任何问题/);
    // Checked with the defaults, not with the config above.
    expect(byName['a.txt'].diagnostics.map((d) => d.code)).toEqual(['quote.unclosed']);
    expect(r.stderr).toContain(`wengao: 跳过 (skipped) ${join(sub, '.wengaorc.json')}: 不是普通文件`);
    expect(r.stderr).toContain(`wengao: 跳过 (skipped) ${join(sub, '.wengaoignore')}: 文件 200 MB`);
    // The summary counts the one report as checked, and the two project files apart.
    expect(r.stderr).toMatch(/wengao: 1 个文件，1 个问题（错误 1，警告 0，提示 0），2 个配置或忽略文件未读取\n/);
    for (const format of ['sarif', 'github', 'text']) {
      const f = await runCli(['check', sub, '--format', format], { timeoutMs: 5_000 });
      expect(f.code, format).toBe(2);
      if (format === 'sarif') expect(f.stdout).toMatch(/跳过，未检查 \(skipped, not checked\): 不是普通文件/);
      if (format === 'github') expect(f.stdout).toMatch(/^::error file=.*\.wengaorc\.json,title=wengao::跳过 \(skipped\): 不是普通文件/m);
    }
    const figures = await runCli(['figures', sub], { timeoutMs: 5_000 });
    expect(figures.code, figures.stderr).toBe(2);
    expect(figures.stderr).toMatch(/跳过 \(skipped\) .*\.wengaorc\.json: 不是普通文件/);
    expect(figures.stderr).toMatch(/wengao: 1 个文件，0 项数据，2 个配置或忽略文件未读取\n/);
    const en = await runCli(['figures', sub, '--lang', 'en'], { timeoutMs: 5_000 });
    expect(en.stderr).toMatch(/wengao: 1 file, 0 figures, 2 config or ignore files not read\n/);
  });

  it('standard input past the limit is cut off and skipped', async () => {
    const r = await runCli(['check', '-', '--format', 'json'], { input: Buffer.alloc(65 * 1024 * 1024, '中文“\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>.*64 MB/);
  });
});

describe('wengao check on hostile file names', () => {
  it('escapes control characters in paths and takes every argument after -- as a path', async () => {
    const dir = temp.make();
    const text = '文档\n\n要推进“百日攻坚行动。\n';
    writeFileSync(join(dir, 'a\nb.txt:1:1: error forged'), text);
    writeFileSync(join(dir, '-dash.txt'), text);
    writeFileSync(join(dir, 'esc\u001b[31m.txt'), text);
    const r = await runCli(['check', '--', join(dir, 'a\nb.txt:1:1: error forged'), join(dir, '-dash.txt'), join(dir, 'esc\u001b[31m.txt')]);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // (One line per finding: the newline in a name cannot start a line of its own.)
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => /:3:4: error quote\.unclosed /.test(l))).toBe(true);
    expect(r.stdout).toContain('a\\nb.txt');
    expect(r.stdout).toContain('esc\\x1b[31m.txt');
    expect(r.stdout).not.toContain('\u001b');
    const unknown = await runCli(['check', '-dash.txt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/-- 之后/);
  });

  it('escapes every control character of a name, C1 too, in text and in GitHub annotations (as %XX there)', async () => {
    const dir = temp.make();
    const text = '文档\n\n要推进“百日攻坚行动。\n';
    // ESC, TAB, DEL, U+0085 (next line) and U+009B (the one-character CSI), with : and , and % beside them.
    const name = 'x\u001b[31m\t\u007f\u0085\u009b2J:,%.txt';
    writeFileSync(join(dir, name), text);
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    const plain = await runCli(['check', name], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(1);
    expect(plain.stdout).toBe(`x\\x1b[31m\\t\\x7f\\x85\\x9b2J:,%.txt:3:4: ${plain.stdout.split(':3:4: ')[1]}`);
    expect(plain.stdout).not.toMatch(raw);
    const github = await runCli(['check', name, '--format', 'github'], { cwd: dir });
    expect(github.code, github.stderr).toBe(1);
    expect(github.stdout).toMatch(/^::error file=x%1B\[31m%09%7F%85%9B2J%3A%2C%25\.txt,line=3,col=4,/);
    expect(github.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(github.stdout).not.toMatch(raw);
  });

  it('escapes control characters in the usage errors on stderr: a missing file, a glob matching nothing, a folder without reports, a --config not read, an unknown option', async () => {
    const dir = temp.make();
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    mkdirSync(join(dir, 'empty\u001b[2J'));
    writeFileSync(join(dir, 'a.txt'), '文档\n\n要推进“百日攻坚行动。\n');
    for (const [args, said] of [
      [['check', 'gone\u001b]0;x\u0007.txt'], '路径不存在 (no such file or folder): gone\\x1b]0;x\\x07.txt'],
      [['check', 'none\u001b[31m*.txt'], '通配符没有匹配任何文件 (the glob matches no file): none\\x1b[31m*.txt'],
      [['check', 'empty\u001b[2J'], '文件夹中没有 .txt、.md、.docx 或 .pdf 报告 (no .txt, .md, .docx or .pdf reports in folder): empty\\x1b[2J'],
      [['check', '--config', 'c\u009b2J.json', 'a.txt'], `无法读取配置文件 (cannot read the config file) ${join(dir, 'c\\x9b2J.json')}: 不存在 (does not exist)`],
      [['figures', '-x\u001b[31m'], '未知选项 (unknown option): -x\\x1b[31m'],
    ] as const) {
      const r = await runCli([...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(`wengao: ${said}`);
      expect(r.stderr, args.join(' ')).not.toMatch(raw);
    }
  });

  it('escapes control characters in wengao figures as markdown and text: in the path and in the text quoted from the report', async () => {
    const dir = temp.make();
    mkdirSync(join(dir, 'e\u001bx'));
    writeFileSync(join(dir, 'e\u001bx', 'b.txt'), '一、经济\u001b[31m发展\n\n全市地区生产总值\u001b增长6%左右。\n');
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    const md = await runCli(['figures', 'e\u001bx', '--format', 'markdown'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toMatch(raw);
    expect(md.stdout).toContain('| e\\x1bx/b.txt | 3 | 一、经济\\x1b[31m发展 | 地区生产总值\\x1b（增长） | 6% |');
    const text = await runCli(['figures', 'e\u001bx', '--format', 'text'], { cwd: dir });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(raw);
    expect(text.stdout).toMatch(/^e\\x1bx\/b\.txt:3:\d+: actual .*地区生产总值\\x1b/);
  });
});
